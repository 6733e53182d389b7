// Bounded history of stats samples for one container: time in column 0 (ms since the epoch,
// UTC), one column per metric; the unit and the largest value of each column travel as
// header roles (the KSysGuard pattern). Every rate is the helper's (client::Sample carries
// it, computed once per tick over the real interval): nothing is derived here from frame
// times. Rows are split into runs: a new init (pid), a stop, or a gap of several intervals
// starts a new line, so a chart never draws a straight line across time the container was
// not running. OOM kills are markers at the time of the kill, placed at the memory limit in
// force then: one per kill, from the helper's pushed events (live) or its history.
#pragma once

#include "client/limits.h"
#include "client/sample.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <algorithm>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class StatsHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time,
        CpuPercent,
        MemoryCurrent,
        MemoryLimit,
        MemoryHigh,
        IoReadRate,
        IoWriteRate,
        Pids,
        PidsLimit,
        NetRxRate,
        NetTxRate,
        CpuLimit,           // the CFS quota as % of one core (0.5 CPU = 50 %)
        CpuPercentOfLimit,  // use as % of the quota
        ThrottledPercent,   // share of the interval the group spent throttled
        MemoryCache,
        MemoryAnon,
        MemoryPeak,
        PsiCpu,
        PsiMemory,
        PsiIo,  // "some" avg10, % (-1: the kernel gives none)
        IoReadLimit,
        IoWriteLimit,  // bytes/s: the configured throttle (v1 blkio.throttle.*_bps_device,
                       // v2 io.max rbps/wbps), summed over the devices it names; 0: none
        ColumnCount
    };
    enum Unit { UnitTime, UnitPercent, UnitBytes, UnitBytesPerSecond, UnitCount };
    enum HeaderRole { UnitRole = Qt::UserRole + 1, MaximumRole };

    struct OomMarker {
        qint64 timeMs = 0;
        qint64 memoryBytes = 0;  // where to draw it: the memory limit then, else the use
        bool atLimit = false;    // memoryBytes is the limit
        qint64 killsTotal = 0;   // the container's OOM kill count after this one (0: unknown)
    };

    explicit StatsHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void setCapacity(int samples);
    int capacity() const { return m_capacity; }
    // The live subscription's interval: a gap of more than three intervals (at least 3 s)
    // between two samples starts a new line.
    void setIntervalMs(int ms) { m_intervalMs = std::max(100, ms); }
    QString containerId() const { return m_id; }
    // Start over for another container.
    void reset(const QString& containerId);
    // Replace the history (and its OOM kills) by a stats.history result.
    void setHistory(const client::StatsHistory& history);
    // Append one live sample taken at timeMs (the frame's time). Emits frameAppended once.
    void appendSample(const client::Sample& sample, qint64 timeMs);
    // An OOM kill pushed by the helper (event "oom"); count: its oom_kill_count, 0 if none.
    void addOomKill(qint64 timeMs, qint64 count = 0);
    // The I/O bandwidth limits in force (the container's limits, as container.list and
    // container.update report them): they hold for the samples appended from now on and for
    // the last one (a stats.history loaded later takes them for all its samples).
    void setIoLimits(const QList<client::IoLimit>& limits);
    // The container stopped or died: the next sample starts a new line.
    void markStopped();

    double value(int row, int column) const;
    bool startsRun(int row) const;  // row 0, or the first sample after a stop or a gap
    QList<OomMarker> oomMarkers() const;
    qint64 latestTimeMs() const;
    // The latest sample as received (for readouts beside the charts); empty id when none.
    const client::Sample& latest() const { return m_latest; }

signals:
    void frameAppended();
    void oomMarkersChanged();

private:
    struct Row {
        double v[ColumnCount] = {};
        qint64 pid = 0;
        bool runStart = false;
    };
    struct Kill {
        qint64 timeMs = 0, count = 0, limit = 0, current = 0;
    };
    Row decode(const client::Sample& s, qint64 timeMs) const;
    bool breaksRun(const Row& r) const;
    void dropOldKills();

    QString m_id;
    QList<Row> m_rows;
    QList<Kill> m_kills;
    client::Sample m_latest;
    int m_capacity = 3600;
    int m_intervalMs = 1000;
    bool m_stopped = false;
    double m_ioReadLimit = 0, m_ioWriteLimit = 0;
};

}  // namespace gui
}  // namespace onggi

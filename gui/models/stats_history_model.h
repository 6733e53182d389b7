// Bounded history of stats samples for one container: time in column 0 (ms since the epoch,
// UTC), one column per metric; the unit and the largest value of each column travel as
// header roles (the KSysGuard pattern). Network rates are derived here from the counters.
// OOM kills are kept as markers (time + count) for the memory chart.
#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class StatsHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time, CpuPercent, MemoryCurrent, MemoryLimit, MemoryHigh, IoReadRate, IoWriteRate,
        Pids, PidsLimit, NetRxRate, NetTxRate, ColumnCount
    };
    enum Unit { UnitTime, UnitPercent, UnitBytes, UnitBytesPerSecond, UnitCount };
    enum HeaderRole { UnitRole = Qt::UserRole + 1, MaximumRole };

    struct OomMarker {
        qint64 timeMs = 0;
        qint64 memoryBytes = 0;  // memory in use at that moment, where known
        qint64 killsTotal = 0;   // the container's OOM kill count after this one
    };

    explicit StatsHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void setCapacity(int samples);
    int capacity() const { return m_capacity; }
    QString containerId() const { return m_id; }
    // Start over for another container.
    void reset(const QString& containerId);
    // Replace the history by a stats.history result's samples (each with "time").
    void setHistory(const QJsonArray& samples);
    // Append one live sample; timeMs is the frame's time. Emits frameAppended once.
    void appendSample(const QJsonObject& sample, qint64 timeMs);
    // An OOM event pushed by the helper (events.subscribe action "oom").
    void addOomEvent(qint64 timeMs);

    double value(int row, int column) const;
    QList<OomMarker> oomMarkers() const { return m_oom; }
    qint64 latestTimeMs() const;

    static qint64 parseTimeMs(const QString& rfc3339);

signals:
    void frameAppended();
    void oomMarkersChanged();

private:
    struct Sample {
        double v[ColumnCount] = {};
        qint64 netRxBytes = 0, netTxBytes = 0, oomKills = 0;
    };
    Sample decode(const QJsonObject& s, qint64 timeMs) const;
    void push(Sample s);

    QString m_id;
    QList<Sample> m_samples;
    QList<OomMarker> m_oom;
    int m_capacity = 3600;
    qint64 m_lastEventOomMs = 0;
};

}  // namespace gui
}  // namespace onggi

// The host overview behind the dashboard: one row per container that the last stats frame
// carried (name, CPU, memory), the host's totals from the frame's "host"
// object (hello's facts until the first frame), counts by state from container.list, and a
// bounded history (time, host CPU and memory, each container's CPU and memory, aligned) from
// which the charts stack the containers. Fed typed structs only (client/), one frame at a time:
// a frame emits dataChanged for the cells whose value changed, and frameAppended once.
#pragma once

#include "client/container_summary.h"
#include "client/host_info.h"
#include "client/host_sample.h"
#include "client/sample.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QVector>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class HostOverviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Cpu, Memory, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,  // full id
        SortRole,                   // the number for numeric columns
        ValueRole,                  // the raw number: CPU percent, bytes
    };
    enum Metric { CpuMetric, MemoryMetric };
    struct StateCounts {
        int created = 0, running = 0, paused = 0, exited = 0;
        int total() const { return created + running + paused + exited; }
        bool operator==(const StateCounts&) const = default;
    };
    // One container's part of the history, aligned with times().
    struct Track {
        QString id;
        QVector<double> cpu, memory;
    };

    explicit HostOverviewModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void setHostInfo(const client::HostInfo& host);  // hello: CPUs and memory until a frame says
    void setContainers(const QList<client::ContainerSummary>& containers);
    // One stats frame: its time (ms since the epoch), host object and samples.
    void applyFrame(qint64 timeMs, const client::HostSample& host, const QList<client::Sample>& samples);
    void setCapacity(int frames);  // history length (default 300: five minutes at 1 Hz)
    void clear();

    // Totals
    int cpus() const;
    qint64 memoryTotal() const;
    const client::HostSample& host() const { return m_host; }
    double containersCpuPercent() const { return m_sumCpu; }
    qint64 containersMemory() const { return m_sumMemory; }
    StateCounts counts() const { return m_counts; }
    QString nameOf(const QString& id) const;
    QString idAt(int row) const;
    int rowOf(const QString& id) const;
    // History
    int capacity() const { return m_capacity; }
    const QVector<qint64>& times() const { return m_times; }
    // NaN where the frame had no rate (a subscription's first).
    const QVector<double>& hostHistory(Metric m) const { return m == CpuMetric ? m_hostCpu : m_hostMemory; }
    const QHash<QString, Track>& tracks() const { return m_tracks; }
    // The n containers that use the most of a metric now (ties by name), most first.
    QStringList top(Metric m, int n) const;

signals:
    void frameAppended();
    void countsChanged();

private:
    struct Row {
        QString id;
        double cpu = 0;
        qint64 memory = 0;
    };
    QVariant value(const Row& r, int column) const;
    void trim();

    QList<Row> m_rows;
    QHash<QString, int> m_index;
    QHash<QString, QString> m_names;
    client::HostInfo m_info;
    client::HostSample m_host;
    StateCounts m_counts;
    double m_sumCpu = 0;
    qint64 m_sumMemory = 0;
    int m_capacity = 300;
    QVector<qint64> m_times;
    QVector<double> m_hostCpu, m_hostMemory;
    QHash<QString, Track> m_tracks;
};

}  // namespace gui
}  // namespace onggi

// The container table of the main window: one row per container from container.list
// (client::ContainerSummary), live columns fed by stats frames. Updates are diffs: rows are
// inserted/removed one by one and dataChanged is emitted for exactly the cells that changed,
// so selection and sort survive a refresh.
#pragma once

#include "client/container_summary.h"
#include "client/sample.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class ContainerListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Image, State, Cpu, Memory, Pids, Uptime, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,  // full 64-hex id
        SortRole,                   // numeric value for numeric columns, text otherwise
        StateRole,                  // raw state string: created|running|paused|exited
        HistoryRole,                // Cpu/Memory columns: the last kSparkPoints values, QList<double>
        ScaleRole,                  // Cpu/Memory columns: the value that fills the cell (double)
        FractionRole,               // Memory column: used / limit (or / host memory), 0..1
    };
    static constexpr int kSparkPoints = 60;

    explicit ContainerListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // Replace the set of containers by a container.list result.
    void setContainers(const QList<client::ContainerSummary>& summaries);
    // Apply one stats frame; unknown ids are ignored.
    void applyStats(const QList<client::Sample>& samples);
    // Advance the clock used for the uptime column (emits dataChanged for running rows).
    void setNow(const QDateTime& now);
    // The host's memory and CPUs: the scale of a container without a limit.
    void setHost(qint64 memoryBytes, int cpus);
    void clear();

    int rowOf(const QString& id) const;  // -1 when absent
    QString idAt(int row) const;
    client::ContainerSummary summary(const QString& id) const;  // an empty one (no id) when absent
    QStringList ids() const;

    static QString stateText(const QString& state);

private:
    struct Row {
        client::ContainerSummary summary;
        QString id;
        bool hasStats = false;
        double cpuPercent = 0;
        qint64 memCurrent = 0, memLimit = 0, pids = 0, pidsLimit = 0;
        QDateTime startedAt;
        QList<double> cpuHistory, memHistory;  // oldest first, at most kSparkPoints
    };
    double cpuScale(const Row& r) const;
    double memScale(const Row& r) const;
    QVariant display(const Row& r, int column) const;
    QVariant sortValue(const Row& r, int column) const;
    void rebuildIndex();
    void emitCell(int row, int column);

    QList<Row> m_rows;
    QHash<QString, int> m_index;
    QDateTime m_now;
    qint64 m_hostMemory = 0;
    int m_hostCpus = 1;
};

}  // namespace gui
}  // namespace onggi

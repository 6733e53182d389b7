// The dashboard's recent events: one row per container event from events.subscribe, newest
// first, at most capacity() rows (OOM kills, exits with their code, starts, restarts by policy,
// stops, pauses...; exec and update are left out: they are not news about the container's life).
#pragma once

#include "client/container_summary.h"
#include "client/event.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class EventListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Container, What, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,  // the container's full id
        KindRole,                   // Kind
        ActionRole,                 // the protocol's action ("oom", "die"...)
    };
    enum Kind { Oom, Exit, Failure, Restart, Start, Stop, Pause, Resume, Create, Remove, Other };
    Q_ENUM(Kind)

    explicit EventListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // Names and restart policies (a start right after an exit of a container with a policy
    // is a restart). The first list after clear() also seeds the exits of the last hour that
    // happened before the subscription (from finished_at, exit_code and oom_killed).
    void setContainers(const QList<client::ContainerSummary>& containers);
    // False when the event is not shown (exec, update).
    bool addEvent(const client::Event& e);
    void setCapacity(int rows);
    void clear();
    int count(Kind k) const;  // in the list now

private:
    struct Row {
        QDateTime time;
        QString id, name;
        Kind kind = Other;
        QString action, detail;
    };
    QString what(const Row& r) const;

    QList<Row> m_rows;  // newest first
    int m_capacity = 200;
    QHash<QString, QString> m_names, m_policies;
    QHash<QString, QString> m_lastAction;  // per container: the last action seen
    QHash<QString, QDateTime> m_lastTime;  // and when
    bool m_seeded = false;
};

}  // namespace gui
}  // namespace onggi

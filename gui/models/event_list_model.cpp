#include "gui/models/event_list_model.h"

#include <QLocale>

#include <algorithm>

namespace onggi::gui {

EventListModel::EventListModel(QObject* parent) : QAbstractTableModel(parent) {}

int EventListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int EventListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString EventListModel::what(const Row& r) const
{
    switch (r.kind) {
    case Oom: return tr("Out of memory: the kernel ended a process");
    case Exit: return tr("Exited normally (code 0)");
    case Failure:
        if (r.detail == QLatin1String("137")) return tr("Ended by SIGKILL (code 137)");
        if (r.detail == QLatin1String("143")) return tr("Ended by SIGTERM (code 143)");
        return tr("Exited with code %1").arg(r.detail);
    case Restart: return tr("Restarted by its restart policy");
    case Start: return tr("Started");
    case Stop: return tr("Stopped");
    case Pause: return tr("Paused");
    case Resume: return tr("Resumed");
    case Create: return tr("Created");
    case Remove: return tr("Removed");
    case Other: break;
    }
    return r.action;
}

QVariant EventListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return QLocale().toString(r.time.toLocalTime().time(), QLocale::ShortFormat);
        case Container: return r.name;
        case What: return what(r);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Time) return QLocale().toString(r.time.toLocalTime(), QLocale::LongFormat);
        return index.column() == What ? what(r) : r.name;
    case IdRole: return r.id;
    case KindRole: return int(r.kind);
    case ActionRole: return r.action;
    }
    return {};
}

QVariant EventListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    //: the time of an event
    case Time: return tr("Time");
    case Container: return tr("Container");
    //: what happened to the container
    case What: return tr("Event");
    }
    return {};
}

void EventListModel::setContainers(const QList<client::ContainerSummary>& containers)
{
    for (const auto& s : containers) {
        m_names.insert(s.id, s.name);
        m_policies.insert(s.id, s.restartPolicy);
    }
    if (m_seeded) return;
    m_seeded = true;
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QList<Row> seed;
    for (const auto& s : containers) {
        if (s.state != QLatin1String("exited") || s.finishedAt.isEmpty()) continue;
        const QDateTime t = QDateTime::fromString(s.finishedAt, Qt::ISODateWithMs);
        if (!t.isValid() || t < hourAgo) continue;
        Row r;
        r.time = t;
        r.id = s.id;
        r.name = s.name;
        r.action = QStringLiteral("die");
        r.detail = QString::number(s.exitCode);
        r.kind = s.exitCode == 0 ? Exit : Failure;
        seed.append(r);
        if (s.oomKilled) {
            r.kind = Oom;
            r.action = QStringLiteral("oom");
            r.detail.clear();
            seed.append(r);  // shown under its exit, as the helper sends them
        }
    }
    if (seed.isEmpty()) return;
    std::stable_sort(seed.begin(), seed.end(), [](const Row& a, const Row& b) { return a.time > b.time; });
    const int first = int(m_rows.size());
    const int room = std::max(0, m_capacity - first);
    if (room == 0) return;
    if (seed.size() > room) seed.resize(room);
    beginInsertRows({}, first, first + int(seed.size()) - 1);
    m_rows.append(seed);  // older than anything the subscription brought
    endInsertRows();
}

bool EventListModel::addEvent(const client::Event& e)
{
    const QString& a = e.action;
    const QString previous = m_lastAction.value(e.id);
    const QDateTime previousTime = m_lastTime.value(e.id);
    Row r;
    r.id = e.id;
    r.action = a;
    r.name = !e.name.isEmpty() ? e.name : m_names.value(e.id, e.id.left(12));
    r.time = QDateTime::fromString(e.time, Qt::ISODateWithMs);
    if (!r.time.isValid()) r.time = QDateTime::currentDateTimeUtc();
    if (a != QLatin1String("exec") && a != QLatin1String("update")) {
        m_lastAction.insert(e.id, a);
        m_lastTime.insert(e.id, r.time);
    }
    if (a == QLatin1String("oom")) r.kind = Oom;
    else if (a == QLatin1String("die")) {
        r.detail = e.attributes.value(QStringLiteral("exit_code"));
        r.kind = r.detail == QLatin1String("0") ? Exit : Failure;
    } else if (a == QLatin1String("start")) {
        const QString policy = m_policies.value(e.id);
        // The helper restarts by policy within 10 s (its longest back-off) of a "die" that no
        // stop or kill asked for; a person's Start comes later, or after no policy.
        const bool policyRestart = previous == QLatin1String("die") && !policy.isEmpty() &&
                                   policy != QLatin1String("no") && previousTime.msecsTo(r.time) <= 11000;
        r.kind = policyRestart ? Restart : Start;
    } else if (a == QLatin1String("stop") || a == QLatin1String("kill")) r.kind = Stop;
    else if (a == QLatin1String("pause")) r.kind = Pause;
    else if (a == QLatin1String("unpause")) r.kind = Resume;
    else if (a == QLatin1String("create")) r.kind = Create;
    else if (a == QLatin1String("destroy")) r.kind = Remove;
    else return false;
    if (a == QLatin1String("kill")) {
        // A kill is followed by its "die"; a stop sends its own "stop": show one line, not two.
        return false;
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(r);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
    return true;
}

void EventListModel::setCapacity(int rows)
{
    m_capacity = std::max(1, rows);
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
}

void EventListModel::clear()
{
    m_seeded = false;
    if (m_rows.isEmpty()) return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int EventListModel::count(Kind k) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [k](const Row& r) { return r.kind == k; }));
}

}  // namespace onggi::gui

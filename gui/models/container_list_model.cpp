#include "gui/models/container_list_model.h"

#include "gui/models/units.h"

#include <QSet>

#include <algorithm>

namespace onggi::gui {

namespace {
QDateTime parseTime(const QString& s)
{
    if (s.isEmpty()) return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(s, Qt::ISODate);
    return t;
}
}  // namespace

ContainerListModel::ContainerListModel(QObject* parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{
}

int ContainerListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ContainerListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ContainerListModel::stateText(const QString& state)
{
    if (state == QLatin1String("created")) return tr("created");
    if (state == QLatin1String("running")) return tr("running");
    if (state == QLatin1String("paused")) return tr("paused");
    if (state == QLatin1String("exited")) return tr("exited");
    return state;
}

QVariant ContainerListModel::display(const Row& r, int column) const
{
    const QString state = r.summary.state;
    const bool live = r.hasStats && (state == QLatin1String("running") || state == QLatin1String("paused"));
    switch (column) {
    case Name: return r.summary.name;
    case Image: return r.summary.image;
    case State: {
        if (state == QLatin1String("exited")) {
            const int code = r.summary.exitCode;
            // Short enough for the column at the default width; the tooltip says the rest.
            if (r.summary.oomKilled) return tr("OOM killed");
            return tr("exited (%1)").arg(code);
        }
        return stateText(state);
    }
    case Cpu: return live ? Units::percent(r.cpuPercent) : QString();
    case Memory:
        // In use only: the bar under it shows the share of the limit, the tooltip both.
        return live ? Units::bytes(double(r.memCurrent)) : QString();
    case Pids:
        if (!live) return QString();
        if (r.pidsLimit > 0) return tr("%1 / %2").arg(r.pids).arg(r.pidsLimit);
        return QString::number(r.pids);
    case Uptime:
        if (state != QLatin1String("running") && state != QLatin1String("paused")) return QString();
        if (!r.startedAt.isValid()) return QString();
        return Units::duration(r.startedAt.secsTo(m_now));
    }
    return {};
}

QVariant ContainerListModel::sortValue(const Row& r, int column) const
{
    switch (column) {
    case Cpu: return r.hasStats ? r.cpuPercent : -1.0;
    case Memory: return r.hasStats ? r.memCurrent : qint64(-1);
    case Pids: return r.hasStats ? r.pids : qint64(-1);
    case Uptime: return r.startedAt.isValid() ? r.startedAt.secsTo(m_now) : qint64(-1);
    case State: return r.summary.state;
    default: return display(r, column);
    }
}

QVariant ContainerListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Name) return tr("ID %1\nCommand: %2").arg(r.summary.shortId, r.summary.command);
        if (index.column() == Memory && r.hasStats) {
            if (r.memLimit > 0 && r.memLimit < (qint64(1) << 60))
                //: memory in use, its limit and the share of the limit in use
                return tr("%1 in use of a %2 limit (%3)")
                    .arg(Units::bytes(double(r.memCurrent)), Units::bytes(double(r.memLimit)),
                         Units::percent(100.0 * double(r.memCurrent) / double(r.memLimit)));
            return tr("%1 in use, no memory limit").arg(Units::bytes(double(r.memCurrent)));
        }
        if (index.column() == State && r.summary.state == QLatin1String("exited") && r.summary.oomKilled)
            return tr("Exited with code %1: the kernel's OOM killer ended it (the memory limit was reached)")
                .arg(r.summary.exitCode);
        return display(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= Cpu) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole: return r.id;
    case SortRole: return sortValue(r, index.column());
    case StateRole: return r.summary.state;
    case HistoryRole:
        if (index.column() == Cpu) return QVariant::fromValue(r.cpuHistory);
        if (index.column() == Memory) return QVariant::fromValue(r.memHistory);
        return {};
    case ScaleRole:
        if (index.column() == Cpu) return cpuScale(r);
        if (index.column() == Memory) return memScale(r);
        return {};
    case FractionRole: {
        if (index.column() != Memory || !r.hasStats) return {};
        const double scale = memScale(r);
        return scale > 0 ? std::clamp(double(r.memCurrent) / scale, 0.0, 1.0) : 0.0;
    }
    }
    return {};
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) return {};
    switch (section) {
    case Name: return tr("Name");
    //: the container image (e.g. busybox)
    case Image: return tr("Image");
    case State: return tr("State");
    case Cpu: return tr("CPU");
    case Memory: return tr("Memory");
    case Pids: return tr("PIDs");
    case Uptime: return tr("Uptime");
    }
    return {};
}

void ContainerListModel::rebuildIndex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i) m_index.insert(m_rows[i].id, i);
}

void ContainerListModel::emitCell(int row, int column)
{
    const QModelIndex i = index(row, column);
    emit dataChanged(i, i);
}

void ContainerListModel::setContainers(const QList<client::ContainerSummary>& summaries)
{
    QHash<QString, client::ContainerSummary> incoming;
    QStringList order;
    for (const client::ContainerSummary& o : summaries) {
        const QString id = o.id;
        if (id.isEmpty() || incoming.contains(id)) continue;
        incoming.insert(id, o);
        order << id;
    }
    // Remove rows that are gone, from the end so indexes stay valid.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!incoming.contains(m_rows[i].id)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    rebuildIndex();
    // Update the rows that stay.
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& r = m_rows[i];
        const client::ContainerSummary o = incoming.value(r.id);
        if (o.raw == r.summary.raw) continue;
        QList<QVariant> before;
        for (int c = 0; c < ColumnCount; ++c) before << display(r, c);
        const bool stateBefore = r.summary.state == o.state;
        r.summary = o;
        r.startedAt = parseTime(o.startedAt);
        const QString& st = o.state;
        if (st != QLatin1String("running") && st != QLatin1String("paused")) {
            r.hasStats = false;
            r.cpuHistory.clear();
            r.memHistory.clear();
        }
        for (int c = 0; c < ColumnCount; ++c)
            if (display(r, c) != before[c]) emitCell(i, c);
        if (!stateBefore) emitCell(i, State);  // raw state role changed even if text equal
    }
    // Append the new ones in the helper's order.
    QList<Row> added;
    for (const QString& id : order) {
        if (m_index.contains(id)) continue;
        Row r;
        r.id = id;
        r.summary = incoming.value(id);
        r.startedAt = parseTime(r.summary.startedAt);
        added << r;
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        rebuildIndex();
        endInsertRows();
    }
}

double ContainerListModel::cpuScale(const Row& r) const
{
    // The CPU quota when there is one, else the busiest moment in the sparkline, at least one
    // core: an idle container's line stays low, a busy one's fills the cell.
    const double quota = r.summary.limits.cpus.value_or(0.0);
    if (quota > 0) return quota * 100.0;
    double peak = 100.0;
    for (double v : r.cpuHistory) peak = std::max(peak, v);
    return std::min(peak, 100.0 * std::max(1, m_hostCpus));
}

double ContainerListModel::memScale(const Row& r) const
{
    if (r.memLimit > 0 && (m_hostMemory <= 0 || r.memLimit < m_hostMemory)) return double(r.memLimit);
    return double(m_hostMemory > 0 ? m_hostMemory : std::max<qint64>(r.memCurrent, 1));
}

void ContainerListModel::setHost(qint64 memoryBytes, int cpus)
{
    if (memoryBytes == m_hostMemory && cpus == m_hostCpus) return;
    m_hostMemory = memoryBytes;
    m_hostCpus = std::max(1, cpus);
    if (!m_rows.isEmpty()) emit dataChanged(index(0, Cpu), index(int(m_rows.size()) - 1, Memory));
}

void ContainerListModel::applyStats(const QList<client::Sample>& samples)
{
    for (const client::Sample& s : samples) {
        const int row = m_index.value(s.id, -1);
        if (row < 0) continue;
        Row& r = m_rows[row];
        const bool had = r.hasStats;
        const double cpu = s.cpuPercent;
        const qint64 mem = s.memoryCurrent;
        const qint64 memLimit = s.memoryLimit;
        const qint64 pids = s.pidsCurrent;
        const qint64 pidsLimit = s.pidsLimit;
        r.hasStats = true;
        // A sparkline's picture moves with a frame unless every point in it is the new value
        // (an idle container): only then does its cell stay as it was.
        const auto push = [](QList<double>& h, double v) {
            const bool flat = std::all_of(h.cbegin(), h.cend(), [v](double x) { return x == v; });
            h.append(v);
            if (h.size() > kSparkPoints) h.removeFirst();
            return !flat;
        };
        const bool cpuMoved = push(r.cpuHistory, cpu), memMoved = push(r.memHistory, double(mem));
        if (!had || cpu != r.cpuPercent || cpuMoved) {
            r.cpuPercent = cpu;
            emitCell(row, Cpu);
        }
        if (!had || mem != r.memCurrent || memLimit != r.memLimit || memMoved) {
            r.memCurrent = mem;
            r.memLimit = memLimit;
            emitCell(row, Memory);
        }
        if (!had || pids != r.pids || pidsLimit != r.pidsLimit) {
            r.pids = pids;
            r.pidsLimit = pidsLimit;
            emitCell(row, Pids);
        }
    }
}

void ContainerListModel::setNow(const QDateTime& now)
{
    m_now = now;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].startedAt.isValid()) emitCell(i, Uptime);
}

void ContainerListModel::clear()
{
    if (m_rows.isEmpty()) return;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    endResetModel();
}

int ContainerListModel::rowOf(const QString& id) const { return m_index.value(id, -1); }

QString ContainerListModel::idAt(int row) const
{
    return (row >= 0 && row < m_rows.size()) ? m_rows[row].id : QString();
}

client::ContainerSummary ContainerListModel::summary(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? client::ContainerSummary() : m_rows[row].summary;
}

QStringList ContainerListModel::ids() const
{
    QStringList out;
    for (const Row& r : m_rows) out << r.id;
    return out;
}

}  // namespace onggi::gui

#include "gui/models/host_overview_model.h"

#include "gui/models/units.h"

#include <QSet>
#include <QtNumeric>

#include <algorithm>

namespace onggi::gui {

HostOverviewModel::HostOverviewModel(QObject* parent) : QAbstractTableModel(parent) {}

int HostOverviewModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int HostOverviewModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HostOverviewModel::value(const Row& r, int column) const
{
    switch (column) {
    case Cpu: return r.cpu;
    case Memory: return r.memory;
    default: return nameOf(r.id);
    }
}

QVariant HostOverviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name: return nameOf(r.id);
        case Cpu: return Units::percent(r.cpu);
        case Memory: return Units::bytes(double(r.memory));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != Name) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole: return r.id;
    case SortRole:
    case ValueRole: return value(r, index.column());
    }
    return {};
}

QVariant HostOverviewModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    //: the name of a container
    case Name: return tr("Container");
    case Cpu: return tr("CPU");
    case Memory: return tr("Memory");
    }
    return {};
}

void HostOverviewModel::setHostInfo(const client::HostInfo& host) { m_info = host; }

int HostOverviewModel::cpus() const { return m_host.valid && m_host.cpus > 0 ? m_host.cpus : std::max(1, m_info.cpus); }

qint64 HostOverviewModel::memoryTotal() const { return m_host.valid ? m_host.memoryTotal : m_info.memoryBytes; }

QString HostOverviewModel::nameOf(const QString& id) const
{
    const QString n = m_names.value(id);
    return n.isEmpty() ? id.left(12) : n;
}

QString HostOverviewModel::idAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString(); }

int HostOverviewModel::rowOf(const QString& id) const { return m_index.value(id, -1); }

void HostOverviewModel::setContainers(const QList<client::ContainerSummary>& containers)
{
    StateCounts c;
    QHash<QString, QString> names;
    for (const auto& s : containers) {
        names.insert(s.id, s.name);
        if (s.state == QLatin1String("running")) ++c.running;
        else if (s.state == QLatin1String("paused")) ++c.paused;
        else if (s.state == QLatin1String("created")) ++c.created;
        else ++c.exited;
    }
    const bool renamed = names != m_names;
    m_names = names;
    if (renamed && !m_rows.isEmpty()) emit dataChanged(index(0, Name), index(int(m_rows.size()) - 1, Name));
    // A removed container leaves the history (and with it the stacked charts).
    for (auto it = m_tracks.begin(); it != m_tracks.end();)
        it = m_names.contains(it.key()) ? std::next(it) : m_tracks.erase(it);
    if (!(c == m_counts)) {
        m_counts = c;
        emit countsChanged();
    }
}

void HostOverviewModel::applyFrame(qint64 timeMs, const client::HostSample& host, const QList<client::Sample>& samples)
{
    m_host = host;
    // Rows: the containers of this frame, diffed against the last.
    QSet<QString> inFrame;
    for (const auto& s : samples) inFrame.insert(s.id);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (!inFrame.contains(m_rows[i].id)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i) m_index.insert(m_rows[i].id, i);
    QList<Row> added;
    m_sumCpu = 0;
    m_sumMemory = 0;
    for (const auto& s : samples) {
        m_sumCpu += s.cpuPercent;
        m_sumMemory += s.memoryCurrent;
        const int row = m_index.value(s.id, -1);
        if (row < 0) {
            if (std::none_of(added.cbegin(), added.cend(), [&](const Row& r) { return r.id == s.id; }))
                added.append(Row{s.id, s.cpuPercent, s.memoryCurrent});
            continue;
        }
        Row& r = m_rows[row];
        if (r.cpu != s.cpuPercent) {
            r.cpu = s.cpuPercent;
            emit dataChanged(index(row, Cpu), index(row, Cpu));
        }
        if (r.memory != s.memoryCurrent) {
            r.memory = s.memoryCurrent;
            emit dataChanged(index(row, Memory), index(row, Memory));
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        for (int i = first; i < m_rows.size(); ++i) m_index.insert(m_rows[i].id, i);
        endInsertRows();
    }

    // History: one point per frame for the host and for every container it knows.
    const int n = int(m_times.size());
    m_times.append(timeMs);
    // A subscription's first frame has no rates yet (0): not a point of the host's CPU line.
    const bool rated = n > 0;
    m_hostCpu.append(!rated ? qQNaN() : host.valid ? host.cpuPercent : m_sumCpu);
    m_hostMemory.append(host.valid ? double(host.memoryUsed) : double(m_sumMemory));
    for (const auto& s : samples) {
        auto it = m_tracks.find(s.id);
        if (it == m_tracks.end()) {
            it = m_tracks.insert(s.id, Track{s.id, QVector<double>(n, 0.0), QVector<double>(n, 0.0)});
        }
        if (it->cpu.size() > n) continue;  // twice in one frame: the first counts
        it->cpu.append(s.cpuPercent);
        it->memory.append(double(s.memoryCurrent));
    }
    for (auto& t : m_tracks)
        if (t.cpu.size() == n) {  // not in this frame: not running
            t.cpu.append(0.0);
            t.memory.append(0.0);
        }
    trim();
    emit frameAppended();
}

void HostOverviewModel::trim()
{
    const int over = int(m_times.size()) - m_capacity;
    if (over <= 0) return;
    m_times.remove(0, over);
    m_hostCpu.remove(0, over);
    m_hostMemory.remove(0, over);
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        it->cpu.remove(0, over);
        it->memory.remove(0, over);
        // A container that has not run in the whole window leaves the history.
        const bool idle = std::all_of(it->memory.cbegin(), it->memory.cend(), [](double v) { return v == 0; });
        it = idle && !m_index.contains(it.key()) ? m_tracks.erase(it) : std::next(it);
    }
}

void HostOverviewModel::setCapacity(int frames)
{
    m_capacity = std::max(2, frames);
    trim();
}

QStringList HostOverviewModel::top(Metric m, int n) const
{
    QList<const Row*> rows;
    for (const Row& r : m_rows) rows << &r;
    std::sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) {
        const double va = m == CpuMetric ? a->cpu : double(a->memory), vb = m == CpuMetric ? b->cpu : double(b->memory);
        if (va != vb) return va > vb;
        return nameOf(a->id) < nameOf(b->id);
    });
    QStringList out;
    for (int i = 0; i < rows.size() && i < n; ++i) out << rows[i]->id;
    return out;
}

void HostOverviewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_times.clear();
    m_hostCpu.clear();
    m_hostMemory.clear();
    m_tracks.clear();
    m_host = {};
    m_sumCpu = 0;
    m_sumMemory = 0;
    endResetModel();
    if (!(m_counts == StateCounts{})) {
        m_counts = {};
        emit countsChanged();
    }
    emit frameAppended();
}

}  // namespace onggi::gui

#include "gui/models/stats_history_model.h"

#include "gui/models/units.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace onggi::gui {

namespace {
// cgroup v1 reports "no limit" as a huge page-rounded number; anything that large is none.
constexpr double kUnlimited = double(1ull << 60);
bool isLimit(double v) { return v > 0 && v < kUnlimited; }
}  // namespace

StatsHistoryModel::StatsHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int StatsHistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int StatsHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

static StatsHistoryModel::Unit unitOf(int column)
{
    using M = StatsHistoryModel;
    switch (column) {
    case M::Time: return M::UnitTime;
    case M::CpuPercent:
    case M::CpuLimit:
    case M::CpuPercentOfLimit:
    case M::ThrottledPercent:
    case M::PsiCpu:
    case M::PsiMemory:
    case M::PsiIo: return M::UnitPercent;
    case M::MemoryCurrent:
    case M::MemoryLimit:
    case M::MemoryHigh:
    case M::MemoryCache:
    case M::MemoryAnon:
    case M::MemoryPeak: return M::UnitBytes;
    case M::IoReadRate:
    case M::IoWriteRate:
    case M::IoReadLimit:
    case M::IoWriteLimit:
    case M::NetRxRate:
    case M::NetTxRate: return M::UnitBytesPerSecond;
    default: return M::UnitCount;
    }
}

QVariant StatsHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const double v = m_rows.at(index.row()).v[index.column()];
    if (role == Qt::EditRole || role == Qt::UserRole) return v;
    if (role != Qt::DisplayRole) return {};
    switch (unitOf(index.column())) {
    case UnitTime: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(v)).toLocalTime().time());
    case UnitPercent: return v < 0 ? QVariant() : QVariant(Units::percent(v));
    case UnitBytes: return Units::bytes(v);
    case UnitBytesPerSecond: return Units::bytesPerSecond(v);
    case UnitCount: return Units::count(qint64(v));
    }
    return {};
}

QVariant StatsHistoryModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == UnitRole) return int(unitOf(section));
    if (role == MaximumRole) {
        double m = 0;
        for (const Row& r : m_rows) m = std::max(m, r.v[section]);
        return m;
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Time: return tr("Time");
    case CpuPercent: return tr("CPU");
    //: the CPU limit (CFS quota) drawn as a line on the CPU chart
    case CpuLimit: return tr("CPU limit");
    case CpuPercentOfLimit: return tr("Share of the CPU limit");
    case ThrottledPercent: return tr("Throttled");
    case MemoryCurrent: return tr("Memory used");
    case MemoryLimit: return tr("Memory limit");
    case MemoryHigh: return tr("Memory high");
    case MemoryCache: return tr("Page cache");
    case MemoryAnon: return tr("Anonymous memory");
    case MemoryPeak: return tr("Peak memory");
    case IoReadRate: return tr("Disk read");
    case IoWriteRate: return tr("Disk write");
    case Pids: return tr("Processes");
    case PidsLimit: return tr("Process limit");
    case NetRxRate: return tr("Network received");
    case NetTxRate: return tr("Network sent");
    //: PSI: pressure stall information, the share of time tasks waited for the CPU
    case PsiCpu: return tr("CPU pressure");
    case PsiMemory: return tr("Memory pressure");
    case PsiIo: return tr("I/O pressure");
    //: the configured disk read bandwidth limit, drawn as a line on the disk I/O chart
    case IoReadLimit: return tr("Read limit");
    //: the configured disk write bandwidth limit, drawn as a line on the disk I/O chart
    case IoWriteLimit: return tr("Write limit");
    }
    return {};
}

void StatsHistoryModel::setCapacity(int samples)
{
    m_capacity = std::max(2, samples);
    if (m_rows.size() > m_capacity) {
        const int drop = int(m_rows.size()) - m_capacity;
        beginRemoveRows({}, 0, drop - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
        endRemoveRows();
        if (!m_rows.isEmpty()) m_rows.first().runStart = true;
    }
}

void StatsHistoryModel::reset(const QString& containerId)
{
    beginResetModel();
    m_id = containerId;
    m_rows.clear();
    m_kills.clear();
    m_latest = {};
    m_stopped = false;
    m_ioReadLimit = m_ioWriteLimit = 0;
    endResetModel();
    emit oomMarkersChanged();
    emit frameAppended();
}

StatsHistoryModel::Row StatsHistoryModel::decode(const client::Sample& s, qint64 timeMs) const
{
    Row out;
    out.v[Time] = double(timeMs);
    out.v[CpuPercent] = s.cpuPercent;
    out.v[CpuLimit] = s.hasCpuLimit ? s.cpuLimit * 100.0 : 0;
    out.v[CpuPercentOfLimit] = s.hasCpuLimit ? s.cpuPercentOfLimit : 0;
    out.v[ThrottledPercent] = s.throttledPercent;
    out.v[MemoryCurrent] = double(s.memoryCurrent);
    out.v[MemoryLimit] = double(s.memoryLimit);
    out.v[MemoryHigh] = double(s.memoryHigh);
    out.v[MemoryCache] = double(s.memoryCache);
    out.v[MemoryAnon] = double(s.memoryAnon);
    out.v[MemoryPeak] = double(s.memoryPeak);
    out.v[IoReadRate] = s.ioReadBps;
    out.v[IoWriteRate] = s.ioWriteBps;
    out.v[Pids] = double(s.pidsCurrent);
    out.v[PidsLimit] = double(s.pidsLimit);
    out.v[NetRxRate] = s.netRxBps;
    out.v[NetTxRate] = s.netTxBps;
    out.v[PsiCpu] = s.hasPsiCpu ? s.psiCpu.some : -1;  // -1: the kernel gives none
    out.v[PsiMemory] = s.hasPsiMemory ? s.psiMemory.some : -1;
    out.v[PsiIo] = s.hasPsiIo ? s.psiIo.some : -1;
    out.v[IoReadLimit] = m_ioReadLimit;
    out.v[IoWriteLimit] = m_ioWriteLimit;
    out.pid = s.pid;
    return out;
}

void StatsHistoryModel::setIoLimits(const QList<client::IoLimit>& limits)
{
    double rd = 0, wr = 0;
    for (const client::IoLimit& l : limits) {
        rd += double(std::max<qint64>(0, l.readBps));
        wr += double(std::max<qint64>(0, l.writeBps));
    }
    if (rd == m_ioReadLimit && wr == m_ioWriteLimit) return;
    m_ioReadLimit = rd;
    m_ioWriteLimit = wr;
    if (m_rows.isEmpty()) return;
    const int last = int(m_rows.size()) - 1;
    m_rows[last].v[IoReadLimit] = rd;
    m_rows[last].v[IoWriteLimit] = wr;
    emit dataChanged(index(last, IoReadLimit), index(last, IoWriteLimit));
    emit frameAppended();  // the chart shows the new line now, not at the next frame
}

bool StatsHistoryModel::breaksRun(const Row& r) const
{
    if (m_rows.isEmpty()) return true;
    const Row& p = m_rows.last();
    if (r.pid != 0 && p.pid != 0 && r.pid != p.pid) return true;  // another run of the container
    const double gap = r.v[Time] - p.v[Time];
    return gap > std::max(3000.0, 3.0 * m_intervalMs);
}

void StatsHistoryModel::appendSample(const client::Sample& sample, qint64 timeMs)
{
    if (!m_rows.isEmpty() && timeMs <= qint64(m_rows.last().v[Time])) return;  // stale/duplicate
    Row r = decode(sample, timeMs);
    r.runStart = m_stopped || breaksRun(r);
    m_stopped = false;
    m_latest = sample;
    if (m_rows.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
        if (!m_rows.isEmpty()) m_rows.first().runStart = true;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(r);
    endInsertRows();
    const auto before = m_kills.size();
    dropOldKills();
    if (before != m_kills.size()) emit oomMarkersChanged();
    emit frameAppended();
}

void StatsHistoryModel::setHistory(const client::StatsHistory& h)
{
    beginResetModel();
    m_rows.clear();
    m_kills.clear();
    m_stopped = false;
    for (const client::Sample& s : h.samples) {
        const qint64 t = s.timeMs;
        if (t <= 0 || (!m_rows.isEmpty() && t <= qint64(m_rows.last().v[Time]))) continue;
        Row r = decode(s, t);
        r.runStart = breaksRun(r);
        m_rows.append(r);
        m_latest = s;
    }
    if (m_rows.size() > m_capacity) m_rows.erase(m_rows.begin(), m_rows.end() - m_capacity);
    if (!m_rows.isEmpty()) m_rows.first().runStart = true;
    for (const client::OomKill& k : h.oomKills) m_kills.append({k.timeMs, k.count, k.memoryLimit, k.memoryCurrent});
    dropOldKills();
    endResetModel();
    emit oomMarkersChanged();
    emit frameAppended();
}

void StatsHistoryModel::addOomKill(qint64 timeMs, qint64 count)
{
    // One marker per kill: a count already marked (history loaded after the event) is the same kill.
    if (count > 0)
        for (const Kill& k : m_kills)
            if (k.count == count && std::llabs(k.timeMs - timeMs) < 10000) return;
    m_kills.append({timeMs, count, 0, 0});
    emit oomMarkersChanged();
}

void StatsHistoryModel::markStopped() { m_stopped = true; }

void StatsHistoryModel::dropOldKills()
{
    if (m_rows.isEmpty()) return;
    const qint64 oldest = qint64(m_rows.first().v[Time]);
    m_kills.erase(
        std::remove_if(m_kills.begin(), m_kills.end(), [&](const Kill& k) { return k.timeMs < oldest - 5000; }),
        m_kills.end());
}

QList<StatsHistoryModel::OomMarker> StatsHistoryModel::oomMarkers() const
{
    QList<OomMarker> out;
    for (const Kill& k : m_kills) {
        // The limit in force at the kill: the last sample at or before it (the kill that took
        // init has no sample after it), else what the helper recorded, else the use.
        OomMarker m{k.timeMs, 0, false, k.count};
        int row = int(m_rows.size()) - 1;
        while (row >= 0 && m_rows[row].v[Time] > double(k.timeMs)) --row;
        if (row < 0 && !m_rows.isEmpty()) row = 0;
        const double limit = row >= 0 ? m_rows[row].v[MemoryLimit] : 0;
        if (isLimit(limit)) {
            m.memoryBytes = qint64(limit);
            m.atLimit = true;
        } else if (isLimit(double(k.limit))) {
            m.memoryBytes = k.limit;
            m.atLimit = true;
        } else {
            m.memoryBytes = row >= 0 ? qint64(m_rows[row].v[MemoryCurrent]) : k.current;
        }
        out.append(m);
    }
    return out;
}

double StatsHistoryModel::value(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= ColumnCount) return 0;
    return m_rows[row].v[column];
}

bool StatsHistoryModel::startsRun(int row) const
{
    return row >= 0 && row < m_rows.size() && (row == 0 || m_rows[row].runStart);
}

qint64 StatsHistoryModel::latestTimeMs() const { return m_rows.isEmpty() ? 0 : qint64(m_rows.last().v[Time]); }

}  // namespace onggi::gui

#include "gui/models/stats_history_model.h"

#include "gui/models/units.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace onggi::gui {

StatsHistoryModel::StatsHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int StatsHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_samples.size());
}

int StatsHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

static StatsHistoryModel::Unit unitOf(int column) {
    switch (column) {
    case StatsHistoryModel::Time: return StatsHistoryModel::UnitTime;
    case StatsHistoryModel::CpuPercent: return StatsHistoryModel::UnitPercent;
    case StatsHistoryModel::MemoryCurrent:
    case StatsHistoryModel::MemoryLimit:
    case StatsHistoryModel::MemoryHigh: return StatsHistoryModel::UnitBytes;
    case StatsHistoryModel::IoReadRate:
    case StatsHistoryModel::IoWriteRate:
    case StatsHistoryModel::NetRxRate:
    case StatsHistoryModel::NetTxRate: return StatsHistoryModel::UnitBytesPerSecond;
    default: return StatsHistoryModel::UnitCount;
    }
}

QVariant StatsHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const double v = m_samples.at(index.row()).v[index.column()];
    if (role == Qt::EditRole || role == Qt::UserRole) return v;
    if (role != Qt::DisplayRole) return {};
    switch (unitOf(index.column())) {
    case UnitTime: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(v)).toLocalTime().time());
    case UnitPercent: return Units::percent(v);
    case UnitBytes: return Units::bytes(v);
    case UnitBytesPerSecond: return Units::bytesPerSecond(v);
    case UnitCount: return Units::count(qint64(v));
    }
    return {};
}

QVariant StatsHistoryModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == UnitRole) return int(unitOf(section));
    if (role == MaximumRole) {
        double m = 0;
        for (const Sample& s : m_samples) m = std::max(m, s.v[section]);
        return m;
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Time: return tr("Time");
    case CpuPercent: return tr("CPU");
    case MemoryCurrent: return tr("Memory used");
    case MemoryLimit: return tr("Memory limit");
    case MemoryHigh: return tr("Memory high");
    case IoReadRate: return tr("Disk read");
    case IoWriteRate: return tr("Disk write");
    case Pids: return tr("Processes");
    case PidsLimit: return tr("Process limit");
    case NetRxRate: return tr("Network received");
    case NetTxRate: return tr("Network sent");
    }
    return {};
}

void StatsHistoryModel::setCapacity(int samples) {
    m_capacity = std::max(2, samples);
    if (m_samples.size() > m_capacity) {
        const int drop = int(m_samples.size()) - m_capacity;
        beginRemoveRows({}, 0, drop - 1);
        m_samples.erase(m_samples.begin(), m_samples.begin() + drop);
        endRemoveRows();
    }
}

void StatsHistoryModel::reset(const QString& containerId) {
    beginResetModel();
    m_id = containerId;
    m_samples.clear();
    m_oom.clear();
    m_lastEventOomMs = 0;
    endResetModel();
    emit oomMarkersChanged();
    emit frameAppended();
}

qint64 StatsHistoryModel::parseTimeMs(const QString& s) {
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

StatsHistoryModel::Sample StatsHistoryModel::decode(const QJsonObject& s, qint64 timeMs) const {
    Sample out;
    auto num = [&](const char* key) { return s.value(QLatin1String(key)).toDouble(); };
    out.v[Time] = double(timeMs);
    out.v[CpuPercent] = num("cpu_percent");
    out.v[MemoryCurrent] = num("memory_current");
    out.v[MemoryLimit] = num("memory_limit");
    out.v[MemoryHigh] = num("memory_high");
    out.v[IoReadRate] = num("io_read_bps");
    out.v[IoWriteRate] = num("io_write_bps");
    out.v[Pids] = num("pids_current");
    out.v[PidsLimit] = num("pids_limit");
    out.netRxBytes = s.value(QLatin1String("net_rx_bytes")).toInteger();
    out.netTxBytes = s.value(QLatin1String("net_tx_bytes")).toInteger();
    out.oomKills = s.value(QLatin1String("oom_kill_events")).toInteger();
    if (!m_samples.isEmpty()) {
        const Sample& p = m_samples.last();
        const double dt = (out.v[Time] - p.v[Time]) / 1000.0;
        if (dt > 0) {
            out.v[NetRxRate] = std::max(0.0, double(out.netRxBytes - p.netRxBytes) / dt);
            out.v[NetTxRate] = std::max(0.0, double(out.netTxBytes - p.netTxBytes) / dt);
        }
    }
    return out;
}

void StatsHistoryModel::push(Sample s) {
    // OOM kills seen in the counters that no pushed event accounted for get a marker too.
    bool markers = false;
    if (!m_samples.isEmpty() && s.oomKills > m_samples.last().oomKills) {
        const qint64 prevMs = qint64(m_samples.last().v[Time]);
        if (m_lastEventOomMs <= prevMs) {
            m_oom.append({qint64(s.v[Time]), qint64(s.v[MemoryCurrent]), s.oomKills});
            markers = true;
        } else {
            // The event came first; complete its marker with what the sample knows.
            for (auto& m : m_oom)
                if (m.timeMs > prevMs) {
                    m.killsTotal = s.oomKills;
                    if (m.memoryBytes == 0) m.memoryBytes = qint64(m_samples.last().v[MemoryCurrent]);
                }
            markers = true;
        }
    }
    if (m_samples.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_samples.removeFirst();
        endRemoveRows();
    }
    // Drop markers that fell out of the window.
    if (!m_samples.isEmpty()) {
        const qint64 oldest = qint64(m_samples.first().v[Time]);
        const auto before = m_oom.size();
        m_oom.erase(std::remove_if(m_oom.begin(), m_oom.end(), [&](const OomMarker& m) { return m.timeMs < oldest; }),
                    m_oom.end());
        markers = markers || before != m_oom.size();
    }
    const int row = int(m_samples.size());
    beginInsertRows({}, row, row);
    m_samples.append(s);
    endInsertRows();
    if (markers) emit oomMarkersChanged();
}

void StatsHistoryModel::setHistory(const QJsonArray& samples) {
    beginResetModel();
    m_samples.clear();
    m_oom.clear();
    for (const QJsonValue& v : samples) {
        const QJsonObject o = v.toObject();
        const qint64 t = parseTimeMs(o.value(QLatin1String("time")).toString());
        if (t <= 0 || (!m_samples.isEmpty() && t <= qint64(m_samples.last().v[Time]))) continue;
        const Sample s = decode(o, t);  // decode() reads the previous sample for rates
        if (!m_samples.isEmpty() && s.oomKills > m_samples.last().oomKills)
            m_oom.append({t, qint64(s.v[MemoryCurrent]), s.oomKills});
        m_samples.append(s);
    }
    if (m_samples.size() > m_capacity) m_samples.erase(m_samples.begin(), m_samples.end() - m_capacity);
    if (!m_samples.isEmpty()) {
        const qint64 oldest = qint64(m_samples.first().v[Time]);
        m_oom.erase(std::remove_if(m_oom.begin(), m_oom.end(), [&](const OomMarker& m) { return m.timeMs < oldest; }),
                    m_oom.end());
    }
    endResetModel();
    emit oomMarkersChanged();
    emit frameAppended();
}

void StatsHistoryModel::appendSample(const QJsonObject& sample, qint64 timeMs) {
    if (!m_samples.isEmpty() && timeMs <= qint64(m_samples.last().v[Time])) return;  // stale/duplicate
    push(decode(sample, timeMs));
    emit frameAppended();
}

void StatsHistoryModel::addOomEvent(qint64 timeMs) {
    m_lastEventOomMs = timeMs;
    const qint64 mem = m_samples.isEmpty() ? 0 : qint64(m_samples.last().v[MemoryCurrent]);
    const qint64 kills = m_samples.isEmpty() ? 1 : m_samples.last().oomKills + 1;
    m_oom.append({timeMs, mem, kills});
    emit oomMarkersChanged();
}

double StatsHistoryModel::value(int row, int column) const {
    if (row < 0 || row >= m_samples.size() || column < 0 || column >= ColumnCount) return 0;
    return m_samples[row].v[column];
}

qint64 StatsHistoryModel::latestTimeMs() const {
    return m_samples.isEmpty() ? 0 : qint64(m_samples.last().v[Time]);
}

}  // namespace onggi::gui

#include "client/sample.h"

#include <QDateTime>

namespace onggi::client {

Sample Sample::fromJson(const QJsonObject& o)
{
    Sample s;
    auto i = [&](const char* k) {
        return o.value(QLatin1String(k)).toInteger(qint64(o.value(QLatin1String(k)).toDouble()));
    };
    auto d = [&](const char* k) { return o.value(QLatin1String(k)).toDouble(); };
    s.id = o.value(QLatin1String("id")).toString();
    s.time = o.value(QLatin1String("time")).toString();
    s.timeMs = s.time.isEmpty() ? 0 : parseTimeMs(s.time);
    s.hasCpuLimit = o.value(QLatin1String("cpu_limit")).isDouble();
    s.cpuLimit = d("cpu_limit");
    s.throttledPercent = d("throttled_percent");
    s.rateMs = i("rate_ms");
    s.pid = i("pid");
    s.netRxBps = d("net_rx_bps");
    s.netTxBps = d("net_tx_bps");
    s.cpuNs = i("cpu_ns");
    s.cpuPercent = d("cpu_percent");
    s.cpuPercentOfLimit = d("cpu_percent_of_limit");
    s.throttledPeriods = i("throttled_periods");
    s.throttledNs = i("throttled_ns");
    s.memoryCurrent = i("memory_current");
    s.memoryLimit = i("memory_limit");
    s.memoryHigh = i("memory_high");
    s.memoryPeak = i("memory_peak");
    s.memoryCache = i("memory_cache");
    s.memoryAnon = i("memory_anon");
    s.swapCurrent = i("swap_current");
    s.ioReadBytes = i("io_read_bytes");
    s.ioWriteBytes = i("io_write_bytes");
    s.ioReadOps = i("io_read_ops");
    s.ioWriteOps = i("io_write_ops");
    s.ioReadBps = d("io_read_bps");
    s.ioWriteBps = d("io_write_bps");
    s.pidsCurrent = i("pids_current");
    s.pidsLimit = i("pids_limit");
    s.netRxBytes = i("net_rx_bytes");
    s.netTxBytes = i("net_tx_bytes");
    s.netRxPackets = i("net_rx_packets");
    s.netTxPackets = i("net_tx_packets");
    const QJsonValue psi = o.value(QLatin1String("psi"));
    if (psi.isObject()) {
        s.hasPsi = true;
        auto pair = [&](const char* k) {
            const QJsonObject p = psi.toObject().value(QLatin1String(k)).toObject();
            return PsiPair{p.value(QLatin1String("some")).toDouble(), p.value(QLatin1String("full")).toDouble()};
        };
        s.psiCpu = pair("cpu");
        s.psiMemory = pair("memory");
        s.psiIo = pair("io");
        s.hasPsiCpu = psi.toObject().contains(QLatin1String("cpu"));
        s.hasPsiMemory = psi.toObject().contains(QLatin1String("memory"));
        s.hasPsiIo = psi.toObject().contains(QLatin1String("io"));
        s.hasPsi = s.hasPsiCpu || s.hasPsiMemory || s.hasPsiIo;
    }
    s.oomEvents = i("oom_events");
    s.oomKillEvents = i("oom_kill_events");
    s.raw = o;
    return s;
}

qint64 Sample::parseTimeMs(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

OomKill OomKill::fromJson(const QJsonObject& o)
{
    OomKill k;
    k.timeMs = Sample::parseTimeMs(o.value(QLatin1String("time")).toString());
    k.count = o.value(QLatin1String("oom_kill_count")).toInteger();
    k.memoryLimit = o.value(QLatin1String("memory_limit")).toInteger();
    k.memoryCurrent = o.value(QLatin1String("memory_current")).toInteger();
    return k;
}

StatsHistory StatsHistory::fromJson(const QJsonObject& r)
{
    StatsHistory h;
    h.intervalMs = r.value(QLatin1String("interval_ms")).toInt(1000);
    const QJsonArray a = r.value(QLatin1String("samples")).toArray();
    h.samples.reserve(a.size());
    for (const QJsonValue& v : a) h.samples.append(Sample::fromJson(v.toObject()));
    for (const QJsonValue& v : r.value(QLatin1String("oom_kills")).toArray())
        h.oomKills.append(OomKill::fromJson(v.toObject()));
    return h;
}

}  // namespace onggi::client

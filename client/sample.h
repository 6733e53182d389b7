// Sample: one stats sample of one container (stats frames and stats.history). Rates (CPU %,
// throttling, I/O and network per second) are the helper's, computed once per tick over the
// real interval (rateMs): a client carries them, it never derives rates from frame times.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace onggi::client {

struct PsiPair {
    double some = 0, full = 0;
};

struct Sample {
    QString id;
    QString time;       // RFC 3339; set in stats.history samples (frames carry it once per frame)
    qint64 timeMs = 0;  // parsed "time" (ms since the epoch), 0 when absent
    qint64 cpuNs = 0;
    double cpuPercent = 0, cpuPercentOfLimit = 0;
    bool hasCpuLimit = false;
    double cpuLimit = 0;          // cores (CFS quota / period) when hasCpuLimit
    double throttledPercent = 0;  // share of the interval spent throttled
    qint64 rateMs = 0;            // the interval the rates cover; 0: no rates yet
    qint64 pid = 0;               // host pid of the run's init: a new value is a new run
    qint64 throttledPeriods = 0, throttledNs = 0;
    qint64 memoryCurrent = 0, memoryLimit = 0, memoryHigh = 0, memoryPeak = 0, memoryCache = 0,
           memoryAnon = 0;  // 0: none / unknown
    qint64 swapCurrent = 0;
    qint64 ioReadBytes = 0, ioWriteBytes = 0, ioReadOps = 0, ioWriteOps = 0;
    double ioReadBps = 0, ioWriteBps = 0, netRxBps = 0, netTxBps = 0;
    qint64 pidsCurrent = 0, pidsLimit = 0;
    qint64 netRxBytes = 0, netTxBytes = 0, netRxPackets = 0, netTxPackets = 0;
    bool hasPsi = false;  // any of the three
    bool hasPsiCpu = false, hasPsiMemory = false, hasPsiIo = false;
    PsiPair psiCpu, psiMemory, psiIo;
    qint64 oomEvents = 0, oomKillEvents = 0;
    QJsonObject raw;

    static Sample fromJson(const QJsonObject& o);
    static qint64 parseTimeMs(const QString& rfc3339);  // 0 when not a time
};

// One OOM kill as stats.history reports it: when, the kill count after it (0: unknown), the
// memory limit (0: none) and use of the tick before.
struct OomKill {
    qint64 timeMs = 0;
    qint64 count = 0;
    qint64 memoryLimit = 0, memoryCurrent = 0;
    static OomKill fromJson(const QJsonObject& o);
};

// A stats.history result.
struct StatsHistory {
    int intervalMs = 1000;
    QList<Sample> samples;  // oldest first, each with timeMs
    QList<OomKill> oomKills;
    static StatsHistory fromJson(const QJsonObject& result);
};

}  // namespace onggi::client

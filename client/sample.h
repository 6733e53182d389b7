// Sample: one stats sample of one container (stats frames and stats.history).
#pragma once

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct PsiPair {
    double some = 0, full = 0;
};

struct Sample {
    QString id;
    QString time;  // RFC 3339; set in stats.history samples (frames carry it once per frame)
    qint64 cpuNs = 0;
    double cpuPercent = 0, cpuPercentOfLimit = 0;
    qint64 throttledPeriods = 0, throttledNs = 0;
    qint64 memoryCurrent = 0, memoryLimit = 0, memoryHigh = 0, memoryPeak = 0, memoryCache = 0, memoryAnon = 0;
    qint64 swapCurrent = 0;
    qint64 ioReadBytes = 0, ioWriteBytes = 0, ioReadOps = 0, ioWriteOps = 0;
    double ioReadBps = 0, ioWriteBps = 0;
    qint64 pidsCurrent = 0, pidsLimit = 0;
    qint64 netRxBytes = 0, netTxBytes = 0, netRxPackets = 0, netTxPackets = 0;
    bool hasPsi = false;
    PsiPair psiCpu, psiMemory, psiIo;
    qint64 oomEvents = 0, oomKillEvents = 0;
    QJsonObject raw;

    static Sample fromJson(const QJsonObject& o);
};

} // namespace onggi::client

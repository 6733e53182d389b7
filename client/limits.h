// Limits: a container's resource limits as in docs/protocol.md ("limits" of create/update/list).
// Unset (nullopt) = not given (update leaves it alone); 0 = unlimited.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace onggi::client {

struct IoLimit {
    QString device;  // "8:0"
    qint64 readBps = 0, writeBps = 0, readIops = 0, writeIops = 0;
};

struct Limits {
    std::optional<double> cpus;               // cores, 0 = unlimited
    std::optional<qint64> cpuWeight;          // 1..10000
    std::optional<QString> cpuset;            // "0-1"
    std::optional<qint64> memory;             // bytes
    std::optional<qint64> memoryHigh;         // bytes (cgroup v2 only)
    std::optional<qint64> memoryReservation;  // bytes: v2 memory.low, v1 soft limit (0 = none)
    std::optional<qint64> memorySwap;         // memory+swap bytes as docker; -1 = unlimited swap
    std::optional<qint64> pids;
    std::optional<QList<IoLimit>> io;

    bool isEmpty() const;
    QJsonObject toJson() const;  // only the fields that are set
    static Limits fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

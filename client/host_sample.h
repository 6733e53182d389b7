// HostSample: the "host" object of a stats frame (docs/protocol.md, stats.subscribe): the
// whole machine's CPU and memory, read by the helper in the same tick as the containers.
#pragma once

#include <QJsonObject>

namespace onggi::client {

struct HostSample {
    bool valid = false;  // false: the frame had no "host" (an older helper, /proc unreadable)
    int cpus = 0;
    double cpuPercent = 0;  // 100 = one core busy
    qint64 memoryTotal = 0, memoryUsed = 0, memoryAvailable = 0;
    qint64 swapTotal = 0, swapUsed = 0;

    static HostSample fromJson(const QJsonObject& host);
};

}  // namespace onggi::client

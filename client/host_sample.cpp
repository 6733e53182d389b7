#include "client/host_sample.h"

namespace onggi::client {

HostSample HostSample::fromJson(const QJsonObject& o)
{
    HostSample h;
    if (!o.contains(QLatin1String("memory_total"))) return h;
    auto i = [&](const char* k) {
        return o.value(QLatin1String(k)).toInteger(qint64(o.value(QLatin1String(k)).toDouble()));
    };
    h.valid = true;
    h.cpus = o.value(QLatin1String("cpus")).toInt();
    h.cpuPercent = o.value(QLatin1String("cpu_percent")).toDouble();
    h.memoryTotal = i("memory_total");
    h.memoryUsed = i("memory_used");
    h.memoryAvailable = i("memory_available");
    h.swapTotal = i("swap_total");
    h.swapUsed = i("swap_used");
    return h;
}

}  // namespace onggi::client

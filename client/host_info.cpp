#include "client/host_info.h"

#include <QJsonArray>

namespace onggi::client {

HostInfo HostInfo::fromJson(const QJsonObject& o)
{
    HostInfo h;
    h.kernel = o.value(QLatin1String("kernel")).toString();
    h.cgroupMode = o.value(QLatin1String("cgroup_mode")).toString();
    h.hostname = o.value(QLatin1String("hostname")).toString();
    h.cpus = o.value(QLatin1String("cpus")).toInt();
    h.memoryBytes = o.value(QLatin1String("memory_bytes")).toInteger();
    for (const QJsonValue& v : o.value(QLatin1String("features")).toArray()) h.features << v.toString();
    return h;
}

HelloInfo HelloInfo::fromJson(const QJsonObject& o)
{
    HelloInfo h;
    h.protocol = o.value(QLatin1String("protocol")).toInt();
    h.helperVersion = o.value(QLatin1String("helper_version")).toString();
    h.host = HostInfo::fromJson(o.value(QLatin1String("host")).toObject());
    const QJsonObject u = o.value(QLatin1String("user")).toObject();
    h.uid = u.value(QLatin1String("uid")).toInteger(-1);
    h.admin = u.value(QLatin1String("admin")).toBool();
    h.raw = o;
    return h;
}

}  // namespace onggi::client

#include "client/network_info.h"

#include <QJsonArray>

namespace onggi::client {

NetworkInfo NetworkInfo::fromJson(const QJsonObject& o)
{
    NetworkInfo n;
    n.name = o.value(QLatin1String("name")).toString();
    n.id = o.value(QLatin1String("id")).toString();
    n.bridge = o.value(QLatin1String("bridge")).toString();
    n.subnet = o.value(QLatin1String("subnet")).toString();
    n.gateway = o.value(QLatin1String("gateway")).toString();
    n.created = o.value(QLatin1String("created")).toString();
    n.builtin = o.value(QLatin1String("builtin")).toBool();
    n.isDefault = o.value(QLatin1String("default")).toBool();
    const QJsonValue c = o.value(QLatin1String("containers"));
    if (c.isArray()) {
        for (const QJsonValue& v : c.toArray()) {
            const QJsonObject e = v.toObject();
            n.endpoints.append({e.value(QLatin1String("id")).toString(), e.value(QLatin1String("name")).toString(),
                                e.value(QLatin1String("ip")).toString(), e.value(QLatin1String("host_ifname")).toString(),
                                e.value(QLatin1String("ifname")).toString(), e.value(QLatin1String("prefix")).toInt()});
        }
        n.containers = int(n.endpoints.size());
    } else {
        n.containers = c.toInt();
    }
    return n;
}

} // namespace onggi::client

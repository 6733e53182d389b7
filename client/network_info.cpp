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
                                e.value(QLatin1String("ip")).toString(),
                                e.value(QLatin1String("host_ifname")).toString(),
                                e.value(QLatin1String("ifname")).toString(), e.value(QLatin1String("prefix")).toInt()});
        }
        n.containers = int(n.endpoints.size());
    } else {
        n.containers = c.toInt();
    }
    return n;
}

ContainerNetworkView ContainerNetworkView::fromJson(const QJsonObject& o)
{
    ContainerNetworkView v;
    v.mode = o.value(QLatin1String("mode")).toString();
    const QJsonObject nets = o.value(QLatin1String("networks")).toObject();
    for (auto it = nets.begin(); it != nets.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        v.addresses.append({it.key(), a.value(QLatin1String("ip")).toString(),
                            a.value(QLatin1String("gateway")).toString(), a.value(QLatin1String("ifname")).toString(),
                            a.value(QLatin1String("prefix")).toInt()});
    }
    for (const QJsonValue& x : o.value(QLatin1String("ports")).toArray()) {
        const QJsonObject p = x.toObject();
        v.ports.append({p.value(QLatin1String("host_ip")).toString(), p.value(QLatin1String("protocol")).toString(),
                        p.value(QLatin1String("host_port")).toInt(), p.value(QLatin1String("container_port")).toInt()});
    }
    return v;
}

NetworkKernelView NetworkKernelView::fromJson(const QJsonObject& o)
{
    NetworkKernelView k;
    for (const QJsonValue& v : o.value(QLatin1String("links")).toArray()) {
        const QJsonObject l = v.toObject();
        Link x;
        x.ifindex = l.value(QLatin1String("ifindex")).toInt();
        x.master = l.value(QLatin1String("master")).toInt();
        x.peerIfindex = l.value(QLatin1String("peer_ifindex")).toInt();
        x.name = l.value(QLatin1String("name")).toString();
        x.kind = l.value(QLatin1String("kind")).toString();
        x.mac = l.value(QLatin1String("mac")).toString();
        x.up = l.value(QLatin1String("up")).toBool();
        x.mtu = l.value(QLatin1String("mtu")).toInt();
        x.rxBytes = l.value(QLatin1String("rx_bytes")).toInteger();
        x.txBytes = l.value(QLatin1String("tx_bytes")).toInteger();
        const QJsonObject c = l.value(QLatin1String("container")).toObject();
        x.containerId = c.value(QLatin1String("id")).toString();
        x.containerName = c.value(QLatin1String("name")).toString();
        x.containerIfname = c.value(QLatin1String("ifname")).toString();
        x.containerIp = c.value(QLatin1String("ip")).toString();
        k.links.append(x);
    }
    for (const QJsonValue& v : o.value(QLatin1String("addresses")).toArray()) {
        const QJsonObject a = v.toObject();
        k.addresses.append({a.value(QLatin1String("ifindex")).toInt(), a.value(QLatin1String("address")).toString()});
    }
    for (const QJsonValue& v : o.value(QLatin1String("routes")).toArray()) {
        const QJsonObject r = v.toObject();
        k.routes.append({r.value(QLatin1String("destination")).toString(), r.value(QLatin1String("gateway")).toString(),
                         r.value(QLatin1String("ifindex")).toInt()});
    }
    k.rules = o.value(QLatin1String("rules")).toString();
    return k;
}

}  // namespace onggi::client

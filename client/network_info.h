// NetworkInfo: one entry of network.list / network.inspect (docs/protocol.md), typed.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace onggi::client {

struct NetworkEndpoint {
    QString containerId, containerName, ip, hostIfname, ifname;
    int prefix = 0;
};

struct NetworkInfo {
    QString name, id, bridge, subnet, gateway, created;
    bool builtin = false, isDefault = false;
    int containers = 0;                 // network.list: running containers on it
    QList<NetworkEndpoint> endpoints;   // network.inspect
    static NetworkInfo fromJson(const QJsonObject& o);
};

} // namespace onggi::client

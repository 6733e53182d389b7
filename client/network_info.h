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
    int containers = 0;                // network.list: running containers on it
    QList<NetworkEndpoint> endpoints;  // network.inspect
    static NetworkInfo fromJson(const QJsonObject& o);
};

// The "network" object of container.inspect: its mode, its address on each network, the
// ports it publishes (resolved host ports while it runs).
struct ContainerNetworkView {
    struct Address {
        QString network, ip, gateway, ifname;
        int prefix = 0;
    };
    struct Port {
        QString hostIp, protocol;
        int hostPort = 0, containerPort = 0;
    };
    QString mode;  // private | host | none | a network's name
    QList<Address> addresses;
    QList<Port> ports;
    static ContainerNetworkView fromJson(const QJsonObject& o);
};

// network.kernel: the kernel's own view of Onggi's bridges (links, addresses, routes, rules).
struct NetworkKernelView {
    struct Link {
        int ifindex = 0, master = 0, peerIfindex = 0;
        QString name, kind, mac;
        bool up = false;
        int mtu = 0;
        qint64 rxBytes = 0, txBytes = 0;
        QString containerId, containerName, containerIfname, containerIp;  // a container's host end
    };
    struct Address {
        int ifindex = 0;
        QString address;
    };
    struct Route {
        QString destination, gateway;
        int ifindex = 0;
    };
    QList<Link> links;
    QList<Address> addresses;
    QList<Route> routes;
    QString rules;  // nft list table inet onggi
    static NetworkKernelView fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

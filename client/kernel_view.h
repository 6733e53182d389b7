// KernelView: container.kernel_view, the kernel's own view of one running container (its
// init's /proc entries, its cgroup files, its overlay upper directory), typed for the Learn
// lessons. See docs/protocol.md.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace onggi::client {

struct KernelView {
    struct IdMapLine {
        qint64 inside = 0, outside = 0, count = 0;
    };
    struct Namespace {
        QString kind, container, host;
    };
    struct Mount {
        QString mountPoint, fstype, source, options;
    };
    struct Interface {
        QString name;
        qint64 rxBytes = 0, txBytes = 0;
    };
    // knob: the stable id of what the file holds ("memory_limit"); file: what this host calls it
    // ("memory.limit_in_bytes" on v1, "memory.max" on v2). The helper's table names both.
    struct CgroupFile {
        QString knob, controller, file, path, value;
    };
    struct UpperEntry {
        QString path, kind;
        qint64 size = 0;
        bool inLower = false;
    };
    struct CapSet {
        QString hex;
        QStringList names;
    };
    // The network from both ends (rtnetlink): inside the container's namespace, and the host
    // side of each of its veths with the bridge it is a port of.
    struct NetLink {
        int ifindex = 0;
        QString name, kind;
        int peerIfindex = 0;
        bool up = false;
        QString mac;
        qint64 mtu = 0;
    };
    struct NetAddress {
        int ifindex = 0;
        QString dev, address;
    };
    struct NetRoute {
        QString destination, gateway, dev;
        int ifindex = 0;
    };
    struct VethPeer {
        int insideIfindex = 0;
        QString insideName;
        int ifindex = 0;
        QString name;
        bool up = false;
        QString mac, master;
    };
    // One lower layer and who else uses it.
    struct LayerUse {
        QString dir, layer;
        QStringList images, containers;
    };

    QString id, name;
    qint64 pid = 0;
    QList<qint64> nspid;
    QString processName, processState;
    QList<qint64> uids, gids;
    bool noNewPrivs = false;
    int seccompMode = -1, seccompFilters = 0, threads = 0;
    CapSet capEffective, capPermitted, capBounding, capInheritable, capAmbient;
    QList<IdMapLine> uidMap, gidMap, hostUidMap;
    QList<Namespace> namespaces;
    QString hostnameInside, hostnameHost;
    bool hostnameKnown = false;
    QString kernelRelease, machine;
    QList<Mount> mounts;
    qint64 hostMountCount = 0;
    QList<Interface> interfaces, hostInterfaces;
    QString procCgroup;
    QString cgroupMode, cgroupPath;
    QList<CgroupFile> cgroupFiles;
    qint64 oomKills = -1;  // -1: the kernel gave no count
    QStringList lower;
    QString upper, merged;
    QList<UpperEntry> upperChanges;
    bool upperTruncated = false;
    QStringList maskedPaths, readonlyPaths;
    QMap<QString, bool> pathsPresent;  // masked/read-only path -> exists in its root (absent when unknown)
    QList<NetLink> netLinks;
    QList<NetAddress> netAddresses;
    QList<NetRoute> netRoutes, hostRoutes;
    QList<VethPeer> vethPeers;
    QString netError;
    QList<LayerUse> layers;

    bool isEmpty() const { return pid <= 0; }
    // The cgroup file that holds a knob ("memory_limit"); nullptr when the host has none.
    const CgroupFile* cgroupFile(const QString& knob) const;
    // The value of the file of a knob; empty when the host lacks it.
    QString cgroupValue(const QString& knob) const;
    // A key of a flat keyed cgroup file, by its knob ("memory_oom", "oom_kill"); -1 when absent.
    qint64 cgroupKey(const QString& knob, const QString& key) const;
    static KernelView fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

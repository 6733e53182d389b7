#include "client/kernel_view.h"

#include <QJsonArray>

namespace onggi::client {

namespace {
QString s(const QJsonObject& o, const char* k) { return o.value(QLatin1String(k)).toString(); }
qint64 n(const QJsonObject& o, const char* k) { return o.value(QLatin1String(k)).toInteger(); }
QJsonObject obj(const QJsonObject& o, const char* k) { return o.value(QLatin1String(k)).toObject(); }
QJsonArray arr(const QJsonObject& o, const char* k) { return o.value(QLatin1String(k)).toArray(); }

QList<qint64> ints(const QJsonArray& a)
{
    QList<qint64> out;
    for (const QJsonValue& v : a) out << v.toInteger();
    return out;
}

QList<KernelView::IdMapLine> idMap(const QJsonArray& a)
{
    QList<KernelView::IdMapLine> out;
    for (const QJsonValue& v : a) {
        const QJsonObject o = v.toObject();
        out << KernelView::IdMapLine{n(o, "inside"), n(o, "outside"), n(o, "count")};
    }
    return out;
}

QList<KernelView::Interface> ifaces(const QJsonArray& a)
{
    QList<KernelView::Interface> out;
    for (const QJsonValue& v : a) {
        const QJsonObject o = v.toObject();
        out << KernelView::Interface{s(o, "name"), n(o, "rx_bytes"), n(o, "tx_bytes")};
    }
    return out;
}

KernelView::CapSet capSet(const QJsonObject& o)
{
    KernelView::CapSet c;
    c.hex = s(o, "hex");
    for (const QJsonValue& v : arr(o, "names")) c.names << v.toString();
    return c;
}

QStringList strings(const QJsonArray& a)
{
    QStringList out;
    for (const QJsonValue& v : a) out << v.toString();
    return out;
}
}  // namespace

const KernelView::CgroupFile* KernelView::cgroupFile(const QString& knob) const
{
    for (const CgroupFile& f : cgroupFiles)
        if (f.knob == knob) return &f;
    return nullptr;
}

QString KernelView::cgroupValue(const QString& knob) const
{
    const CgroupFile* f = cgroupFile(knob);
    return f ? f->value : QString();
}

qint64 KernelView::cgroupKey(const QString& knob, const QString& key) const
{
    const QString text = cgroupValue(knob);
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QStringList w = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (w.size() == 2 && w[0] == key) return w[1].toLongLong();
    }
    return -1;
}

KernelView KernelView::fromJson(const QJsonObject& o)
{
    KernelView v;
    v.id = s(o, "id");
    v.name = s(o, "name");
    v.pid = n(o, "pid");
    const QJsonObject p = obj(o, "process");
    v.nspid = ints(arr(p, "nspid"));
    v.processName = s(p, "name");
    v.processState = s(p, "state");
    v.uids = ints(arr(p, "uid"));
    v.gids = ints(arr(p, "gid"));
    v.noNewPrivs = p.value(QLatin1String("no_new_privs")).toBool();
    v.seccompMode = p.contains(QLatin1String("seccomp_mode")) ? int(n(p, "seccomp_mode")) : -1;
    v.seccompFilters = int(n(p, "seccomp_filters"));
    v.threads = int(n(p, "threads"));
    const QJsonObject caps = obj(p, "capabilities");
    v.capEffective = capSet(obj(caps, "effective"));
    v.capPermitted = capSet(obj(caps, "permitted"));
    v.capBounding = capSet(obj(caps, "bounding"));
    v.capInheritable = capSet(obj(caps, "inheritable"));
    v.capAmbient = capSet(obj(caps, "ambient"));
    v.uidMap = idMap(arr(o, "uid_map"));
    v.gidMap = idMap(arr(o, "gid_map"));
    v.hostUidMap = idMap(arr(o, "host_uid_map"));
    const QJsonObject ns = obj(o, "namespaces");
    for (auto it = ns.begin(); it != ns.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        v.namespaces << Namespace{it.key(), s(e, "container"), s(e, "host")};
    }
    const QJsonObject h = obj(o, "hostname");
    v.hostnameKnown = h.value(QLatin1String("container")).isString();
    v.hostnameInside = s(h, "container");
    v.hostnameHost = s(h, "host");
    const QJsonObject k = obj(o, "kernel");
    v.kernelRelease = s(k, "release");
    v.machine = s(k, "machine");
    for (const QJsonValue& m : arr(o, "mounts")) {
        const QJsonObject e = m.toObject();
        v.mounts << Mount{s(e, "mount_point"), s(e, "fstype"), s(e, "source"), s(e, "options")};
    }
    v.hostMountCount = n(o, "host_mount_count");
    v.interfaces = ifaces(arr(o, "interfaces"));
    v.hostInterfaces = ifaces(arr(o, "host_interfaces"));
    v.procCgroup = s(o, "proc_cgroup");
    const QJsonObject cg = obj(o, "cgroup");
    v.cgroupMode = s(cg, "mode");
    v.cgroupPath = s(cg, "path");
    for (const QJsonValue& f : arr(cg, "files")) {
        const QJsonObject e = f.toObject();
        v.cgroupFiles << CgroupFile{s(e, "knob"), s(e, "controller"), s(e, "file"), s(e, "path"), s(e, "value")};
    }
    v.oomKills = cg.value(QLatin1String("oom_kills")).isDouble() ? n(cg, "oom_kills") : -1;
    const QJsonObject r = obj(o, "rootfs");
    v.lower = strings(arr(r, "lower"));
    v.upper = s(r, "upper");
    v.merged = s(r, "merged");
    for (const QJsonValue& e : arr(r, "upper_changes")) {
        const QJsonObject u = e.toObject();
        v.upperChanges << UpperEntry{s(u, "path"), s(u, "kind"), n(u, "size"),
                                     u.value(QLatin1String("in_lower")).toBool()};
    }
    v.upperTruncated = r.value(QLatin1String("upper_truncated")).toBool();
    v.maskedPaths = strings(arr(o, "masked_paths"));
    v.readonlyPaths = strings(arr(o, "readonly_paths"));
    const QJsonObject present = obj(o, "paths_present");
    for (auto it = present.begin(); it != present.end(); ++it)
        if (it.value().isBool()) v.pathsPresent.insert(it.key(), it.value().toBool());
    for (const QJsonValue& e : arr(r, "layers")) {
        const QJsonObject l = e.toObject();
        LayerUse u{s(l, "dir"), s(l, "layer"), {}, {}};
        for (const QJsonValue& i : arr(l, "images")) u.images << s(i.toObject(), "name");
        for (const QJsonValue& c : arr(l, "containers")) u.containers << s(c.toObject(), "name");
        v.layers << u;
    }
    const QJsonObject net = obj(o, "network");
    v.netError = s(net, "error");
    const QJsonObject in = obj(net, "inside"), host = obj(net, "host");
    for (const QJsonValue& e : arr(in, "links")) {
        const QJsonObject l = e.toObject();
        v.netLinks << NetLink{int(n(l, "ifindex")),
                              s(l, "name"),
                              s(l, "kind"),
                              int(n(l, "peer_ifindex")),
                              l.value(QLatin1String("up")).toBool(),
                              s(l, "mac"),
                              n(l, "mtu")};
    }
    for (const QJsonValue& e : arr(in, "addresses")) {
        const QJsonObject a = e.toObject();
        v.netAddresses << NetAddress{int(n(a, "ifindex")), s(a, "dev"), s(a, "address")};
    }
    auto routes = [](const QJsonArray& a) {
        QList<NetRoute> out;
        for (const QJsonValue& e : a) {
            const QJsonObject rt = e.toObject();
            out << NetRoute{s(rt, "destination"), s(rt, "gateway"), s(rt, "dev"), int(n(rt, "ifindex"))};
        }
        return out;
    };
    v.netRoutes = routes(arr(in, "routes"));
    v.hostRoutes = routes(arr(host, "routes"));
    for (const QJsonValue& e : arr(host, "peers")) {
        const QJsonObject pe = e.toObject();
        v.vethPeers << VethPeer{
            int(n(pe, "inside_ifindex")),           s(pe, "inside_name"), int(n(pe, "ifindex")), s(pe, "name"),
            pe.value(QLatin1String("up")).toBool(), s(pe, "mac"),         s(pe, "master")};
    }
    return v;
}

}  // namespace onggi::client

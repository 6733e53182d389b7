#include "gui/widgets/lesson_live_sections.h"

#include <QStringList>

namespace onggi::gui {

namespace {
using KV = client::KernelView;

QString esc(const QString& s) { return s.toHtmlEscaped(); }
QString code(const QString& s) { return QStringLiteral("<code>%1</code>").arg(esc(s)); }
QString para(const QString& s) { return QStringLiteral("<p>%1</p>").arg(esc(s)); }
QString title(const QString& s) { return QStringLiteral("<h4>%1</h4>").arg(esc(s)); }

struct Table {
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
    Table& head(const QStringList& cols)
    {
        h += QStringLiteral("<tr>");
        for (const QString& c : cols) h += QStringLiteral("<th>%1</th>").arg(esc(c));
        h += QStringLiteral("</tr>");
        return *this;
    }
    Table& row(const QStringList& cells)
    {  // cells are HTML already
        h += QStringLiteral("<tr>");
        for (const QString& c : cells) h += QStringLiteral("<td>%1</td>").arg(c);
        h += QStringLiteral("</tr>");
        return *this;
    }
    QString end() const { return h + QStringLiteral("</table>"); }
};

QString routesTable(const QList<KV::NetRoute>& routes)
{
    Table t;
    t.head({LessonLiveSections::tr("Destination"), LessonLiveSections::tr("Via"), LessonLiveSections::tr("Device")});
    for (const auto& r : routes)
        t.row({code(r.destination == QLatin1String("default") ? LessonLiveSections::tr("default (everything else)")
                                                              : r.destination),
               esc(r.gateway.isEmpty() ? LessonLiveSections::tr("directly (on the link)") : r.gateway), code(r.dev)});
    return t.end();
}

QString shortLayer(const QString& digest)
{
    return digest.startsWith(QLatin1String("sha256:")) ? digest.mid(7, 12) : digest;
}
}  // namespace

QString LessonLiveSections::network(const KV& v)
{
    QString h;
    for (const auto& n : v.namespaces)
        if (n.kind == QLatin1String("net"))
            h += para(n.container == n.host ? tr("This container shares the host's network namespace.")
                                            : tr("Its own network namespace: %1").arg(n.container));
    if (!v.netError.isEmpty()) return h + para(tr("The kernel's network view could not be read: %1").arg(v.netError));

    h += title(tr("Inside the container: interfaces"));
    Table l;
    l.head({tr("Index"), tr("Name"), tr("Kind"), tr("Address"), tr("State")});
    for (const auto& k : v.netLinks) {
        QStringList addrs;
        for (const auto& a : v.netAddresses)
            if (a.ifindex == k.ifindex) addrs << a.address;
        QString kind =
            k.kind.isEmpty() ? (k.name == QLatin1String("lo") ? tr("loopback") : QStringLiteral("-")) : k.kind;
        if (k.kind == QLatin1String("veth") && k.peerIfindex > 0)
            kind = tr("veth (its peer is interface %1 outside)").arg(k.peerIfindex);
        l.row({QString::number(k.ifindex), code(k.name), esc(kind), code(addrs.join(QLatin1String(", "))),
               esc(k.up ? tr("up") : tr("down"))});
    }
    h += l.end();
    h += title(tr("Inside the container: routes"));
    h += v.netRoutes.isEmpty() ? para(tr("No routes: nothing leaves this container.")) : routesTable(v.netRoutes);

    if (v.vethPeers.isEmpty()) {
        h += para(tr(
            "Only the loopback device inside: this container has no network of Onggi's, so no veth pair and no bridge. "
            "Create one with a network (the default \"onggi\" network or --network) to see both ends."));
        return h;
    }
    h += title(tr("The veth pair: both ends"));
    Table p;
    p.head({tr("End"), tr("Index"), tr("Name"), tr("MAC address"), tr("Bridge"), tr("State")});
    for (const auto& e : v.vethPeers) {
        QString mac;
        for (const auto& k : v.netLinks)
            if (k.ifindex == e.insideIfindex) mac = k.mac;
        p.row({esc(tr("inside the container")), QString::number(e.insideIfindex), code(e.insideName), code(mac),
               QStringLiteral("-"), esc(tr("up"))});
        p.row({esc(tr("on the host")), QString::number(e.ifindex), code(e.name), code(e.mac),
               e.master.isEmpty() ? esc(tr("none")) : code(e.master), esc(e.up ? tr("up") : tr("down"))});
    }
    h += p.end();
    h += para(tr("What goes into one end comes out of the other: the host end is a port of the bridge, so the bridge "
                 "switches the container's packets to the other containers and to the host."));
    h += title(tr("On the host: its routes to the container"));
    h += v.hostRoutes.isEmpty() ? para(tr("The host has no route through the bridge.")) : routesTable(v.hostRoutes);
    return h;
}

QString LessonLiveSections::layers(const KV& v)
{
    if (v.layers.isEmpty()) return {};
    QString h = title(tr("Who else uses each lower layer"));
    Table t;
    t.head({tr("Lower layer (top first)"), tr("Images"), tr("Other containers of yours")});
    for (const auto& l : v.layers) {
        const QString layer = l.layer.isEmpty() ? tr("not an image layer") : shortLayer(l.layer);
        t.row({code(layer), esc(l.images.isEmpty() ? tr("none") : l.images.join(QLatin1String(", "))),
               esc(l.containers.isEmpty() ? tr("none") : l.containers.join(QLatin1String(", ")))});
    }
    h += t.end();
    h += para(tr("A layer is stored once on disk and shared read-only by every image and container listed: "
                 "only the upper layer belongs to this container alone."));
    return h;
}

QString LessonLiveSections::coverage(const KV& v, const QString& path)
{
    for (const auto& m : v.mounts)
        if (m.mountPoint == path)
            return tr("covered: %1 (%2, %3)").arg(m.fstype, m.source, m.options.section(QLatin1Char(','), 0, 0));
    const auto it = v.pathsPresent.constFind(path);
    if (it != v.pathsPresent.constEnd() && !it.value()) return tr("absent: the container has no such entry");
    return tr("not mounted over (covered by a read-only /proc, or unknown)");
}

QString LessonLiveSections::masked(const KV& v)
{
    Table t;
    t.head({tr("Path"), tr("How"), tr("What the container's mount table says")});
    for (const QString& p : v.maskedPaths) t.row({code(p), esc(tr("masked")), esc(coverage(v, p))});
    for (const QString& p : v.readonlyPaths) t.row({code(p), esc(tr("read-only")), esc(coverage(v, p))});
    return t.end();
}

}  // namespace onggi::gui

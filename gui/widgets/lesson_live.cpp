#include "gui/widgets/lesson_live.h"

#include "gui/models/units.h"
#include "gui/widgets/lesson_live_sections.h"

#include <QFileInfo>
#include <QSet>

namespace onggi::gui {

namespace {
using KV = client::KernelView;

QString esc(const QString& s) { return s.toHtmlEscaped(); }
QString code(const QString& s) { return QStringLiteral("<code>%1</code>").arg(esc(s)); }
QString pre(const QString& s) { return QStringLiteral("<pre>%1</pre>").arg(esc(s)); }

struct Table {
    QString h = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
    Table& head(const QStringList& cols)
    {
        h += QStringLiteral("<tr>");
        for (const QString& c : cols) h += QStringLiteral("<th>%1</th>").arg(esc(c));
        h += QStringLiteral("</tr>");
        return *this;
    }
    // cells are HTML already
    Table& row(const QStringList& cells)
    {
        h += QStringLiteral("<tr>");
        for (const QString& c : cells) h += QStringLiteral("<td>%1</td>").arg(c);
        h += QStringLiteral("</tr>");
        return *this;
    }
    QString end() const { return h + QStringLiteral("</table>"); }
};

QString para(const QString& s) { return QStringLiteral("<p>%1</p>").arg(esc(s)); }
QString title(const QString& s) { return QStringLiteral("<h4>%1</h4>").arg(esc(s)); }

QString idMapText(const QList<KV::IdMapLine>& m)
{
    QStringList l;
    for (const auto& e : m) l << QStringLiteral("%1 %2 %3").arg(e.inside).arg(e.outside).arg(e.count);
    return l.join(QLatin1Char('\n'));
}

// cgroup files of one controller, as rows file | value. knobs: the helper's ids of what the
// files hold ("memory_limit"); the helper says which file that is on this host.
QString cgroupRows(const KV& v, const QStringList& knobs)
{
    Table t;
    t.head({LessonLive::tr("File"), LessonLive::tr("Value now")});
    int n = 0;
    for (const QString& k : knobs)
        for (const auto& c : v.cgroupFiles)
            if (c.knob == k) {
                t.row({code(c.path), pre(c.value)});
                ++n;
            }
    if (n == 0) return para(LessonLive::tr("This host has none of these files for the container."));
    return t.end();
}

QString fmtBytesFile(const QString& value)
{
    bool ok = false;
    const qint64 b = value.toLongLong(&ok);
    if (!ok) return value;
    if (b >= (qint64(1) << 62)) return LessonLive::tr("unlimited");
    return Units::bytes(double(b));
}

QString nsTable(const KV& v)
{
    Table t;
    t.head({LessonLive::tr("Namespace"), LessonLive::tr("Container"), LessonLive::tr("Host (the helper)"), QString()});
    for (const auto& n : v.namespaces) {
        const bool same = !n.container.isEmpty() && n.container == n.host;
        t.row({QStringLiteral("<b>%1</b>").arg(esc(n.kind)), code(n.container), code(n.host),
               esc(same ? LessonLive::tr("shared with the host") : LessonLive::tr("its own"))});
    }
    return t.end();
}

QString hostnames(const KV& v)
{
    Table t;
    t.head({QString(), LessonLive::tr("Hostname")});
    t.row({esc(LessonLive::tr("inside (its UTS namespace)")),
           code(v.hostnameKnown ? v.hostnameInside : QStringLiteral("?"))});
    t.row({esc(LessonLive::tr("outside (this host)")), code(v.hostnameHost)});
    return t.end();
}

QString nspid(const KV& v)
{
    QStringList l;
    for (qint64 p : v.nspid) l << QString::number(p);
    Table t;
    t.head({LessonLive::tr("Seen from"), LessonLive::tr("PID")});
    t.row({esc(LessonLive::tr("the host")), code(l.isEmpty() ? QString::number(v.pid) : l.first())});
    t.row({esc(LessonLive::tr("inside the container")), code(l.isEmpty() ? QStringLiteral("?") : l.last())});
    return t.end() + para(LessonLive::tr("NSpid in /proc/%1/status: %2").arg(v.pid).arg(l.join(QLatin1Char(' '))));
}

QString interfaces(const KV& v)
{
    auto list = [](const QList<KV::Interface>& l) {
        QStringList out;
        for (const auto& i : l) out << i.name;
        return out.join(QLatin1String(", "));
    };
    Table t;
    t.head({QString(), LessonLive::tr("Network interfaces")});
    t.row({esc(LessonLive::tr("inside")), code(list(v.interfaces))});
    t.row({esc(LessonLive::tr("outside")), code(list(v.hostInterfaces))});
    return t.end();
}

QString capsHtml(const KV& v)
{
    QString h = title(LessonLive::tr("Effective capabilities of the init (CapEff %1)").arg(v.capEffective.hex));
    Table t;
    t.head({LessonLive::tr("Capability"), LessonLive::tr("What it allows")});
    for (const QString& c : v.capEffective.names) t.row({code(c), esc(LessonLive::capabilityMeaning(c))});
    h += t.end();
    QStringList missing;
    const QSet<QString> have(v.capEffective.names.begin(), v.capEffective.names.end());
    for (const QString& c :
         {QStringLiteral("CAP_SYS_ADMIN"), QStringLiteral("CAP_NET_ADMIN"), QStringLiteral("CAP_SYS_MODULE"),
          QStringLiteral("CAP_SYS_TIME"), QStringLiteral("CAP_SYS_PTRACE"), QStringLiteral("CAP_SYS_BOOT")})
        if (!have.contains(c)) missing << c;
    if (!missing.isEmpty()) {
        h += title(LessonLive::tr("Not held, among others"));
        Table m;
        m.head({LessonLive::tr("Capability"), LessonLive::tr("What it would allow")});
        for (const QString& c : missing) m.row({code(c), esc(LessonLive::capabilityMeaning(c))});
        h += m.end();
    }
    h += para(LessonLive::tr("Bounding set: %n capabilities. Permitted: %1. Ambient: %2.", nullptr,
                             int(v.capBounding.names.size()))
                  .arg(v.capPermitted.hex, v.capAmbient.hex));
    return h;
}

QString seccompHtml(const KV& v)
{
    QString mode;
    switch (v.seccompMode) {
    case 0: mode = LessonLive::tr("0: no filter"); break;
    case 1: mode = LessonLive::tr("1: strict (read, write, exit only)"); break;
    case 2: mode = LessonLive::tr("2: filter (%n BPF program(s) loaded)", nullptr, v.seccompFilters); break;
    default: mode = LessonLive::tr("unknown");
    }
    Table t;
    t.head({QString(), LessonLive::tr("Value in /proc/%1/status").arg(v.pid)});
    t.row({code(QStringLiteral("Seccomp")), esc(mode)});
    t.row({code(QStringLiteral("NoNewPrivs")),
           esc(v.noNewPrivs ? LessonLive::tr("1: exec can never gain privileges (no setuid)")
                            : LessonLive::tr("0: setuid programs may gain privileges"))});
    const bool sysAdmin = v.capEffective.names.contains(QLatin1String("CAP_SYS_ADMIN"));
    t.row({code(QStringLiteral("CAP_SYS_ADMIN")),
           esc(sysAdmin ? LessonLive::tr("held: mount and unshare are allowed by capabilities")
                        : LessonLive::tr("not held: mount and unshare fail with EPERM"))});
    return t.end();
}

QString mountsHtml(const KV& v, int max)
{
    Table t;
    t.head(
        {LessonLive::tr("Mount point"), LessonLive::tr("Type"), LessonLive::tr("Source"), LessonLive::tr("Options")});
    int n = 0;
    for (const auto& m : v.mounts) {
        if (n++ >= max) break;
        t.row({code(m.mountPoint), esc(m.fstype), esc(m.source), esc(m.options)});
    }
    return para(LessonLive::tr("%n mount(s) inside the container", nullptr, int(v.mounts.size())) +
                QStringLiteral(" · ") + LessonLive::tr("%n mount(s) on the host", nullptr, int(v.hostMountCount))) +
           t.end();
}

QString upperHtml(const KV& v)
{
    QString h;
    Table l;
    l.head({LessonLive::tr("Layer"), LessonLive::tr("Directory")});
    for (const QString& d : v.lower) l.row({esc(LessonLive::tr("lower (read-only)")), code(d)});
    l.row({esc(LessonLive::tr("upper (this container's changes)")), code(v.upper)});
    l.row({esc(LessonLive::tr("merged (its /)")), code(v.merged)});
    h += l.end();
    h += title(LessonLive::tr("What is in the upper layer now (%n entries)", nullptr, int(v.upperChanges.size())));
    if (v.upperChanges.isEmpty()) return h + para(LessonLive::tr("Nothing yet: the container has not changed a file."));
    Table t;
    t.head({LessonLive::tr("Path"), LessonLive::tr("Kind"), LessonLive::tr("In a lower layer?")});
    for (const auto& e : v.upperChanges) {
        QString kind = e.kind;
        if (e.kind == QLatin1String("file")) kind = LessonLive::tr("file (%1)").arg(Units::bytes(double(e.size)));
        else if (e.kind == QLatin1String("dir")) kind = LessonLive::tr("directory");
        else if (e.kind == QLatin1String("opaque_dir")) kind = LessonLive::tr("opaque directory (hides the lower one)");
        else if (e.kind == QLatin1String("whiteout")) kind = LessonLive::tr("whiteout (char device 0/0: deleted)");
        else if (e.kind == QLatin1String("symlink")) kind = LessonLive::tr("symbolic link");
        const QString lower = e.inLower ? LessonLive::tr("yes: copied up or hidden") : LessonLive::tr("no: new");
        t.row({code(e.path), esc(kind), esc(lower)});
    }
    h += t.end();
    if (v.upperTruncated) h += para(LessonLive::tr("(more entries than shown)"));
    return h;
}

QString memoryFiles(const KV& v)
{
    QString h = cgroupRows(v, QStringList{QStringLiteral("memory_limit"), QStringLiteral("memory_usage"),
                                          QStringLiteral("memory_peak"), QStringLiteral("memory_failcnt"),
                                          QStringLiteral("memory_oom")});
    const QString limit = v.cgroupValue(QStringLiteral("memory_limit"));
    h += para(LessonLive::tr("Limit: %1")
                  .arg(limit == QLatin1String("max") ? LessonLive::tr("unlimited") : fmtBytesFile(limit)));
    h += QStringLiteral("<p><b>%1</b></p>")
             .arg(esc(v.oomKills < 0 ? LessonLive::tr("The kernel gives no OOM kill count here.")
                                     : LessonLive::tr("oom_kill: %1").arg(v.oomKills)));
    return h;
}
}  // namespace

QString LessonLive::capabilityMeaning(const QString& cap)
{
    static const struct {
        const char* name;
        const char* text;
    } k[] = {
        {"CAP_CHOWN", QT_TR_NOOP("change the owner of any file")},
        {"CAP_DAC_OVERRIDE", QT_TR_NOOP("read, write and run files regardless of their permission bits")},
        {"CAP_DAC_READ_SEARCH", QT_TR_NOOP("read any file and list any directory, and open files by handle")},
        {"CAP_FOWNER", QT_TR_NOOP("act as the owner of any file (chmod, utime)")},
        {"CAP_FSETID", QT_TR_NOOP("keep the setuid/setgid bits when changing a file")},
        {"CAP_KILL", QT_TR_NOOP("send signals to processes of other users")},
        {"CAP_SETGID", QT_TR_NOOP("change its group IDs")},
        {"CAP_SETUID", QT_TR_NOOP("change its user IDs")},
        {"CAP_SETPCAP", QT_TR_NOOP("pass on or drop capabilities")},
        {"CAP_SETFCAP", QT_TR_NOOP("give files capabilities (setcap)")},
        {"CAP_NET_BIND_SERVICE", QT_TR_NOOP("listen on ports below 1024")},
        {"CAP_NET_RAW", QT_TR_NOOP("use raw sockets (ping)")},
        {"CAP_NET_ADMIN", QT_TR_NOOP("configure interfaces, routes and firewalls")},
        {"CAP_SYS_CHROOT", QT_TR_NOOP("call chroot")},
        {"CAP_MKNOD", QT_TR_NOOP("create device files")},
        {"CAP_AUDIT_WRITE", QT_TR_NOOP("write to the kernel's audit log")},
        {"CAP_SYS_ADMIN", QT_TR_NOOP("mount, create namespaces, and many other admin tasks")},
        {"CAP_SYS_MODULE", QT_TR_NOOP("load and unload kernel modules")},
        {"CAP_SYS_TIME", QT_TR_NOOP("set the system clock")},
        {"CAP_SYS_PTRACE", QT_TR_NOOP("trace and inspect any process")},
        {"CAP_SYS_BOOT", QT_TR_NOOP("reboot the machine")},
        {"CAP_SYS_RAWIO", QT_TR_NOOP("raw access to I/O ports and devices")},
        {"CAP_SYS_NICE", QT_TR_NOOP("raise priorities and change scheduling")},
        {"CAP_SYS_RESOURCE", QT_TR_NOOP("go past resource limits")},
        {"CAP_IPC_LOCK", QT_TR_NOOP("lock memory")},
        {"CAP_SYSLOG", QT_TR_NOOP("read and clear the kernel log")},
        {"CAP_BPF", QT_TR_NOOP("load BPF programs")},
    };
    for (const auto& e : k)
        if (cap == QLatin1String(e.name)) return tr(e.text);
    return {};
}

QString LessonLive::html(const QString& lesson, const client::KernelView& v)
{
    if (v.isEmpty())
        return para(
            tr("Select a running container: this panel then shows what the kernel says about it, every second."));
    QString h;
    if (lesson == QLatin1String("kernel")) {
        Table t;
        t.head({QString(), tr("Kernel")});
        t.row({esc(tr("the container runs on")), code(v.kernelRelease + QLatin1Char(' ') + v.machine)});
        t.row({esc(tr("this host runs")), code(v.kernelRelease + QLatin1Char(' ') + v.machine)});
        h +=
            t.end() +
            para(tr("The same kernel, because there is only one: the container's init is host process %1.").arg(v.pid));
    } else if (lesson == QLatin1String("process")) {
        h += nspid(v);
        h += para(tr("Its init: %1 (%2), %n thread(s).", nullptr, v.threads).arg(v.processName, v.processState));
    } else if (lesson == QLatin1String("namespaces")) {
        h += hostnames(v) + title(tr("User namespace: uid_map")) + pre(idMapText(v.uidMap));
        if (!v.uidMap.isEmpty() && v.uidMap.first().inside == 0)
            h += para(tr("Root (0) inside is uid %1 on the host.").arg(v.uidMap.first().outside));
        h += interfaces(v) + nsTable(v);
    } else if (lesson == QLatin1String("syscalls")) {
        h += nsTable(v) + seccompHtml(v);
    } else if (lesson == QLatin1String("cgroups")) {
        Table t;
        t.head({QString(), QString()});
        t.row({esc(tr("cgroup layout of this host")), code(v.cgroupMode)});
        t.row({esc(tr("the container's group")), code(v.cgroupPath)});
        h += t.end() + title(tr("/proc/%1/cgroup as the kernel writes it").arg(v.pid)) + pre(v.procCgroup);
        h += cgroupRows(v, QStringList{QStringLiteral("controllers"), QStringLiteral("memory_limit"),
                                       QStringLiteral("pids_limit"), QStringLiteral("pids_current")});
    } else if (lesson == QLatin1String("cpu")) {
        h += cgroupRows(v, QStringList{QStringLiteral("cpu_quota"), QStringLiteral("cpu_period"),
                                       QStringLiteral("cpu_weight"), QStringLiteral("cpu_stat")});
        const qint64 thr = v.cgroupKey(QStringLiteral("cpu_stat"), QStringLiteral("nr_throttled"));
        if (thr >= 0) h += QStringLiteral("<p><b>%1</b></p>").arg(esc(tr("Throttled periods so far: %1").arg(thr)));
    } else if (lesson == QLatin1String("memory")) {
        h += memoryFiles(v);
    } else if (lesson == QLatin1String("pids")) {
        h += cgroupRows(v, QStringList{QStringLiteral("pids_limit"), QStringLiteral("pids_current"),
                                       QStringLiteral("pids_events")});
        const qint64 refused = v.cgroupKey(QStringLiteral("pids_events"), QStringLiteral("max"));
        if (refused >= 0)
            h += QStringLiteral("<p><b>%1</b></p>").arg(esc(tr("fork() refused at the limit so far: %1").arg(refused)));
    } else if (lesson == QLatin1String("io")) {
        h += cgroupRows(v, QStringList{QStringLiteral("io_read_bps"), QStringLiteral("io_write_bps"),
                                       QStringLiteral("io_read_iops"), QStringLiteral("io_write_iops"),
                                       QStringLiteral("io_weight"), QStringLiteral("io_stat")});
        h += para(tr("An empty limit file means no limit on any device."));
    } else if (lesson == QLatin1String("freezer")) {
        h += cgroupRows(v, QStringList{QStringLiteral("freeze")});
        h += para(tr("State of the init in /proc/%1/status: %2").arg(v.pid).arg(v.processState));
    } else if (lesson == QLatin1String("guarantees")) {
        h += cgroupRows(v, QStringList{QStringLiteral("memory_min"), QStringLiteral("memory_low"),
                                       QStringLiteral("memory_high"), QStringLiteral("memory_limit"),
                                       QStringLiteral("cpu_weight")});
    } else if (lesson == QLatin1String("rootfs")) {
        h += mountsHtml(v, 40);
    } else if (lesson == QLatin1String("overlay")) {
        h += upperHtml(v) + LessonLiveSections::layers(v);
    } else if (lesson == QLatin1String("capabilities")) {
        h += capsHtml(v);
    } else if (lesson == QLatin1String("seccomp")) {
        h += seccompHtml(v);
    } else if (lesson == QLatin1String("masked")) {
        h += LessonLiveSections::masked(v);
    } else if (lesson == QLatin1String("network")) {
        h += interfaces(v) + LessonLiveSections::network(v);
    } else if (lesson == QLatin1String("runtimes")) {
        Table t;
        t.head({QString(), QString()});
        t.row({esc(tr("init program")), code(v.processName)});
        t.row({esc(tr("host PID")), code(QString::number(v.pid))});
        t.row({esc(tr("cgroup made by Onggi")), code(v.cgroupPath)});
        t.row({esc(tr("root filesystem")), code(v.merged)});
        h += t.end();
    } else if (lesson == QLatin1String("limits")) {
        Table t;
        t.head({QString(), tr("Kernel")});
        t.row({esc(tr("shared kernel")), code(v.kernelRelease)});
        h += t.end() + nsTable(v);
    } else {
        h += para(tr("No live view for this lesson."));
    }
    return h;
}

}  // namespace onggi::gui

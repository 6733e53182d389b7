#include "gui/widgets/learn_panel.h"

#include "gui/models/units.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace onggi::gui {

namespace {
QString esc(const QString& s) { return s.toHtmlEscaped(); }
QString code(const QString& s) { return QStringLiteral("<code>%1</code>").arg(esc(s)); }

QString nsHelp(const QString& ns) {
    if (ns == QLatin1String("pid")) return LearnPanel::tr("process IDs: the container's first process is PID 1 and it cannot see host processes");
    if (ns == QLatin1String("mnt")) return LearnPanel::tr("mount points: the container has its own root filesystem (pivot_root)");
    if (ns == QLatin1String("net")) return LearnPanel::tr("network devices, addresses, routes and ports");
    if (ns == QLatin1String("uts")) return LearnPanel::tr("hostname and domain name");
    if (ns == QLatin1String("ipc")) return LearnPanel::tr("System V IPC and POSIX message queues");
    if (ns == QLatin1String("cgroup")) return LearnPanel::tr("the view of /proc/self/cgroup: its own group looks like the root");
    if (ns == QLatin1String("user")) return LearnPanel::tr("user and group IDs: root inside can be an ordinary user outside");
    if (ns == QLatin1String("time")) return LearnPanel::tr("the monotonic and boot-time clocks");
    return {};
}

qint64 num(const QJsonObject& o, const char* k) { return o.value(QLatin1String(k)).toInteger(); }
}  // namespace

LearnPanel::LearnPanel(QWidget* parent) : QWidget(parent) {
    m_text = new QTextBrowser(this);
    m_text->setOpenExternalLinks(false);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_text);
    render();
}

void LearnPanel::setContainer(const QJsonObject& inspect, const QString& cgroupMode, const QJsonObject& sample) {
    m_inspect = inspect;
    m_mode = cgroupMode;
    m_sample = sample;
    render();
}

void LearnPanel::clear() {
    m_inspect = {};
    m_sample = {};
    render();
}

QString LearnPanel::html() const { return m_text->toHtml(); }

void LearnPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(e);
}

void LearnPanel::render() {
    if (m_inspect.isEmpty()) {
        m_text->setHtml(QStringLiteral("<p>%1</p>").arg(esc(tr("Select a running container to see how it is built "
                                                                "from namespaces, control groups and layers."))));
        return;
    }
    const QJsonObject c = m_inspect.value(QLatin1String("container")).toObject();
    const QString name = c.value(QLatin1String("name")).toString();
    const qint64 pid = num(c, "pid");
    QString h;
    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("How \"%1\" is built").arg(name)));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("A container is not a virtual machine: it is ordinary processes on "
                                                 "this kernel, isolated by namespaces, limited by control groups and "
                                                 "given their own root filesystem made of layers.")));

    // Namespaces
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("1. Namespaces: what the container can see")));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("Each namespace gives the processes inside their own copy of one kind "
                                                "of kernel resource. The kernel names a namespace by an inode number; "
                                                "two processes share a namespace exactly when the numbers match.")));
    const QJsonObject ns = m_inspect.value(QLatin1String("namespaces")).toObject();
    if (ns.isEmpty()) {
        h += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("The container is not running, so it has no namespaces right now.")));
    } else {
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                 .arg(esc(tr("Namespace")), esc(tr("Container (%1)").arg(pid > 0 ? QStringLiteral("/proc/%1/ns").arg(pid) : QString())),
                      esc(tr("This app (/proc/self/ns)")), esc(tr("Isolates")));
        for (auto it = ns.begin(); it != ns.end(); ++it) {
            const QString mine = QFileInfo(QStringLiteral("/proc/self/ns/") + it.key()).symLinkTarget().section(QLatin1Char('/'), -1);
            const QString theirs = it.value().toString();
            const bool same = !mine.isEmpty() && mine == theirs;
            h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td>%4 <i>%5</i></td></tr>")
                     .arg(esc(it.key()), code(theirs), code(mine.isEmpty() ? QStringLiteral("?") : mine), esc(nsHelp(it.key())),
                          esc(same ? tr("(shared with the host)") : tr("(separate)")));
        }
        h += QStringLiteral("</table>");
        if (pid > 0)
            h += QStringLiteral("<p>%1</p>").arg(esc(tr("Try it: sudo ls -l /proc/%1/ns and compare with ls -l /proc/self/ns; "
                                                        "sudo nsenter -t %1 -p -m ps enters them.").arg(pid)));
    }

    // cgroups
    const QString cg = m_inspect.value(QLatin1String("cgroup_path")).toString();
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("2. Control groups (cgroups): what the container may use")));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("The kernel counts and limits CPU, memory, I/O and processes per control group. "
                                                "Onggi put this container's processes in %1 and writes its limits to files "
                                                "there; the charts read the same files.").arg(cg)));
    const bool v2 = m_mode == QLatin1String("v2");
    const QString memDir = v2 ? QStringLiteral("/sys/fs/cgroup") + cg : QStringLiteral("/sys/fs/cgroup/memory") + cg;
    const QString cpuDir = v2 ? QStringLiteral("/sys/fs/cgroup") + cg : QStringLiteral("/sys/fs/cgroup/cpu") + cg;
    const QString pidsDir = v2 ? QStringLiteral("/sys/fs/cgroup") + cg : QStringLiteral("/sys/fs/cgroup/pids") + cg;
    h += QStringLiteral("<p>%1</p>").arg(esc(v2 ? tr("This host uses cgroup v2: one unified tree, all controllers in one directory.")
                                                : tr("This host uses cgroup v1 (mode: %1): one tree per controller, so the "
                                                     "same group appears under memory/, cpu/, pids/ ...").arg(m_mode)));
    const QJsonObject lim = c.value(QLatin1String("limits")).toObject();
    auto lv = [&](const char* k) { return num(lim, k); };
    const QString unlimited = tr("unlimited");
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
             .arg(esc(tr("File")), esc(tr("Value")), esc(tr("Meaning")));
    auto row = [&](const QString& file, const QString& value, const QString& meaning) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>").arg(code(file), esc(value), esc(meaning));
    };
    const qint64 mem = lv("memory");
    row(memDir + (v2 ? QStringLiteral("/memory.max") : QStringLiteral("/memory.limit_in_bytes")),
        mem > 0 ? QString::number(mem) + QStringLiteral(" (") + Units::bytes(double(mem)) + QLatin1Char(')') : unlimited,
        tr("memory limit"));
    if (!m_sample.isEmpty())
        row(memDir + (v2 ? QStringLiteral("/memory.current") : QStringLiteral("/memory.usage_in_bytes")),
            Units::bytes(double(num(m_sample, "memory_current"))), tr("memory in use now"));
    const double cpus = lim.value(QLatin1String("cpus")).toDouble();
    if (v2)
        row(cpuDir + QStringLiteral("/cpu.max"),
            cpus > 0 ? QStringLiteral("%1 100000").arg(qint64(cpus * 100000)) : QStringLiteral("max 100000"),
            tr("quota and period in microseconds"));
    else
        row(cpuDir + QStringLiteral("/cpu.cfs_quota_us"), cpus > 0 ? QString::number(qint64(cpus * 100000)) : QStringLiteral("-1"),
            tr("CPU time allowed per period of cpu.cfs_period_us (100000 µs)"));
    const qint64 pids = lv("pids");
    row(pidsDir + QStringLiteral("/pids.max"), pids > 0 ? QString::number(pids) : QStringLiteral("max"), tr("most processes"));
    if (!m_sample.isEmpty())
        row(pidsDir + QStringLiteral("/pids.current"), QString::number(num(m_sample, "pids_current")), tr("processes now"));
    row(memDir + (v2 ? QStringLiteral("/memory.events") : QStringLiteral("/memory.oom_control")),
        QString::number(m_sample.isEmpty() ? 0 : num(m_sample, "oom_kill_events")), tr("OOM kills so far (oom_kill)"));
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("Try it: move the memory slider in Limits and run cat %1 again.")
                                                 .arg(memDir + (v2 ? QStringLiteral("/memory.max") : QStringLiteral("/memory.limit_in_bytes")))));

    // Layers
    const QJsonObject rootfs = m_inspect.value(QLatin1String("rootfs")).toObject();
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("3. Layers: the container's files")));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("The image's layers are shared read-only by every container that uses them. "
                                                "The overlay filesystem stacks them under one writable upper directory of "
                                                "this container: a changed file is copied up, a deleted one is hidden by a "
                                                "whiteout. The merged view is what the container sees as /.")));
    h += QStringLiteral("<ul>");
    for (const QJsonValue& l : rootfs.value(QLatin1String("lower")).toArray())
        h += QStringLiteral("<li>%1 %2</li>").arg(esc(tr("lower (read-only):")), code(l.toString()));
    h += QStringLiteral("<li>%1 %2</li>").arg(esc(tr("upper (this container's changes):")), code(rootfs.value(QLatin1String("upper")).toString()));
    h += QStringLiteral("<li>%1 %2</li>").arg(esc(tr("merged (its /):")), code(rootfs.value(QLatin1String("merged")).toString()));
    h += QStringLiteral("</ul>");

    // Security
    const QJsonObject cfg = m_inspect.value(QLatin1String("config")).toObject();
    const QJsonObject proc = cfg.value(QLatin1String("process")).toObject();
    const QJsonArray caps = proc.value(QLatin1String("capabilities")).toObject().value(QLatin1String("effective")).toArray();
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("4. Capabilities and seccomp: what root inside may do")));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("Root in the container keeps only %n of the kernel's capabilities, and a seccomp "
                                                "filter refuses dangerous system calls.", nullptr, int(caps.size()))));
    QStringList capNames;
    for (const QJsonValue& v : caps) capNames << v.toString();
    if (!capNames.isEmpty()) h += QStringLiteral("<p>%1</p>").arg(code(capNames.join(QLatin1String(", "))));
    m_text->setHtml(h);
}

}  // namespace onggi::gui

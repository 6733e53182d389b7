#include "cli/create_flags.h"

#include "client/byte_size.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace onggi::cli {

namespace {
QString S(const char* s) { return QString::fromLatin1(s); }

bool size(const ArgParser& p, const char* name, std::optional<qint64>& out, QString* error, bool allowMinusOne = false)
{
    if (!p.isSet(S(name))) return true;
    const QString v = p.value(S(name));
    if (allowMinusOne && v.trimmed() == QLatin1String("-1")) {
        out = -1;
        return true;
    }
    const auto b = client::ByteSize::parse(v);
    if (!b) {
        *error =
            QCoreApplication::translate(
                "onggictl", "invalid size \"%1\" for --%2: use a number with an optional unit b, k, m, g (e.g. 64m)")
                .arg(v, S(name));
        return false;
    }
    out = *b;
    return true;
}
// docker's --device-read-bps/--device-write-bps/--device-read-iops/--device-write-iops:
// "/dev/sda:1mb" (a size) or "/dev/sda:100" (operations per second). The device is resolved here,
// where the path means what the user sees, and travels as MAJOR:MINOR.
bool deviceRates(const ArgParser& p, std::optional<QList<client::IoLimit>>& out, QString* error)
{
    struct Flag {
        const char* name;
        bool bytes;
        qint64 client::IoLimit::*field;
    };
    const Flag flags[] = {{"device-read-bps", true, &client::IoLimit::readBps},
                          {"device-write-bps", true, &client::IoLimit::writeBps},
                          {"device-read-iops", false, &client::IoLimit::readIops},
                          {"device-write-iops", false, &client::IoLimit::writeIops}};
    QMap<QString, client::IoLimit> byDevice;  // "8:0" -> its four rates
    for (const Flag& f : flags) {
        for (const QString& v : p.values(S(f.name))) {
            const qsizetype colon = v.lastIndexOf(QLatin1Char(':'));
            const QString path = v.left(colon), rate = v.mid(colon + 1);
            if (colon <= 0 || rate.isEmpty()) {
                *error = QCoreApplication::translate(
                             "onggictl", "invalid value \"%1\" for --%2: expected DEVICE:RATE, e.g. /dev/sda:1mb")
                             .arg(v, S(f.name));
                return false;
            }
            struct stat st {};
            if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISBLK(st.st_mode)) {
                *error =
                    QCoreApplication::translate("onggictl", "invalid value \"%1\" for --%2: %3 is not a block device")
                        .arg(v, S(f.name), path);
                return false;
            }
            std::optional<qint64> n;
            if (f.bytes) {
                n = client::ByteSize::parse(rate);
            } else {
                bool ok = false;
                const qint64 ops = rate.toLongLong(&ok);
                if (ok && ops >= 0) n = ops;
            }
            if (!n) {
                *error = f.bytes
                             ? QCoreApplication::translate(
                                   "onggictl", "invalid rate \"%1\" for --%2: use a size per second such as 1mb")
                                   .arg(rate, S(f.name))
                             : QCoreApplication::translate(
                                   "onggictl", "invalid rate \"%1\" for --%2: use a number of operations per second")
                                   .arg(rate, S(f.name));
                return false;
            }
            const QString dev = QStringLiteral("%1:%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
            client::IoLimit& l = byDevice[dev];
            l.device = dev;
            l.*(f.field) = *n;
        }
    }
    if (!byDevice.isEmpty()) out = byDevice.values();
    return true;
}
}  // namespace

void CreateFlags::addLimits(ArgParser& p)
{
    p.addOption({S("m"), S("memory")}, S("bytes"),
                QCoreApplication::translate("onggictl", "Memory limit (e.g. 64m, 1g)"));
    p.addOption({S("memory-swap")}, S("bytes"),
                QCoreApplication::translate("onggictl", "Memory plus swap limit; -1 for unlimited swap"));
    p.addOption({S("memory-high")}, S("bytes"),
                QCoreApplication::translate("onggictl", "Memory throttling threshold (cgroup v2 memory.high)"));
    p.addOption({S("memory-reservation")}, S("bytes"),
                QCoreApplication::translate(
                    "onggictl", "Memory soft limit: protected from reclaim (cgroup v2 memory.low, v1 soft limit)"));
    p.addOption({S("cpus")}, S("decimal"), QCoreApplication::translate("onggictl", "Number of CPUs (e.g. 0.5)"));
    p.addOption({S("cpu-weight")}, S("int"), QCoreApplication::translate("onggictl", "Relative CPU weight (1-10000)"));
    p.addOption({S("cpuset-cpus")}, S("string"),
                QCoreApplication::translate("onggictl", "CPUs in which to allow execution (0-3, 0,1)"));
    p.addOption({S("pids-limit")}, S("int"),
                QCoreApplication::translate("onggictl", "Maximum number of processes (0 = unlimited)"));
}

bool CreateFlags::buildLimits(const ArgParser& p, client::Limits& l, QString* error)
{
    if (!size(p, "memory", l.memory, error)) return false;
    if (!size(p, "memory-swap", l.memorySwap, error, true)) return false;
    if (!size(p, "memory-high", l.memoryHigh, error)) return false;
    if (!size(p, "memory-reservation", l.memoryReservation, error)) return false;
    if (p.isSet(S("cpus"))) {
        bool ok = false;
        const double c = p.value(S("cpus")).toDouble(&ok);
        if (!ok || c < 0 || c > 4096) {
            *error = QCoreApplication::translate(
                         "onggictl", "invalid value \"%1\" for --cpus: expected a number of CPUs such as 0.5")
                         .arg(p.value(S("cpus")));
            return false;
        }
        l.cpus = c;
    }
    if (p.isSet(S("cpu-weight"))) {
        bool ok = false;
        const qint64 w = p.value(S("cpu-weight")).toLongLong(&ok);
        if (!ok || w < 1 || w > 10000) {
            *error =
                QCoreApplication::translate("onggictl", "invalid value \"%1\" for --cpu-weight: expected 1 to 10000")
                    .arg(p.value(S("cpu-weight")));
            return false;
        }
        l.cpuWeight = w;
    }
    if (p.isSet(S("cpuset-cpus"))) l.cpuset = p.value(S("cpuset-cpus"));
    if (p.isSet(S("pids-limit"))) {
        bool ok = false;
        qint64 n = p.value(S("pids-limit")).toLongLong(&ok);
        if (!ok || n < -1) {
            *error = QCoreApplication::translate(
                         "onggictl", "invalid value \"%1\" for --pids-limit: expected a number of processes")
                         .arg(p.value(S("pids-limit")));
            return false;
        }
        l.pids = n < 0 ? 0 : n;  // docker: -1 = unlimited
    }
    return true;
}

void CreateFlags::add(ArgParser& p, bool forRun)
{
    if (forRun) {
        p.addFlag({S("d"), S("detach")},
                  QCoreApplication::translate("onggictl", "Run the container in the background and print its ID"));
        p.addFlag({S("rm")}, QCoreApplication::translate("onggictl", "Remove the container when it exits"));
    }
    p.addFlag({S("i"), S("interactive")}, QCoreApplication::translate("onggictl", "Keep STDIN open"));
    p.addFlag({S("t"), S("tty")}, QCoreApplication::translate("onggictl", "Allocate a pseudo-TTY"));
    p.addOption({S("name")}, S("string"), QCoreApplication::translate("onggictl", "Assign a name to the container"));
    p.addOption({S("e"), S("env")}, S("list"),
                QCoreApplication::translate("onggictl", "Set environment variables (KEY=value)"));
    p.addOption({S("v"), S("volume")}, S("list"),
                QCoreApplication::translate("onggictl", "Bind mount a host directory (/host:/container[:ro])"));
    p.addOption({S("h"), S("hostname")}, S("string"), QCoreApplication::translate("onggictl", "Container host name"));
    p.addOption({S("w"), S("workdir")}, S("string"),
                QCoreApplication::translate("onggictl", "Working directory inside the container"));
    p.addOption(
        {S("u"), S("user")}, S("user[:group]"),
        QCoreApplication::translate("onggictl", "User to run as: a name or UID, and optionally a group name or GID"));
    p.addOption({S("restart")}, S("string"),
                QCoreApplication::translate("onggictl", "Restart policy: no, on-failure[:max-retries], always"));
    p.addOption({S("log-opt")}, S("list"),
                QCoreApplication::translate("onggictl", "Log options: max-size=10m, max-file=3"));
    p.addFlag({S("init")},
              QCoreApplication::translate(
                  "onggictl", "Run an init inside the container that forwards signals and reaps processes"));
    p.addOption({S("cap-add")}, S("list"), QCoreApplication::translate("onggictl", "Add Linux capabilities"));
    p.addOption({S("cap-drop")}, S("list"), QCoreApplication::translate("onggictl", "Drop Linux capabilities"));
    p.addOption(
        {S("security-opt")}, S("list"),
        QCoreApplication::translate("onggictl", "Security options: seccomp=default|unconfined|/path/profile.json"));
    p.addFlag({S("read-only")},
              QCoreApplication::translate("onggictl", "Mount the container's root filesystem as read only"));
    p.addFlag({S("privileged")},
              QCoreApplication::translate("onggictl",
                                          "Give extended privileges to this container (all capabilities, no seccomp)"));
    p.addOption({S("userns")}, S("string"),
                QCoreApplication::translate(
                    "onggictl", "User namespace: \"private\" maps root to an unprivileged range, \"host\" does not"));
    p.addOption({S("network")}, S("string"),
                QCoreApplication::translate(
                    "onggictl",
                    "Network: a network's name, bridge (the default network), private (loopback only), none, host"));
    p.addOption({S("p"), S("publish")}, S("list"),
                QCoreApplication::translate(
                    "onggictl", "Publish a container's port to the host ([ip:][hostPort:]containerPort[/tcp|/udp])"));
    p.addFlag({S("P"), S("publish-all")},
              QCoreApplication::translate("onggictl", "Publish every exposed port to a free host port"));
    p.addOption({S("expose")}, S("list"),
                QCoreApplication::translate("onggictl", "Expose a port (port[/tcp|/udp]) for --publish-all"));
    p.addOption({S("ip")}, S("address"),
                QCoreApplication::translate("onggictl", "IPv4 address on the container's network"));
    p.addOption({S("dns")}, S("list"),
                QCoreApplication::translate("onggictl", "Name servers for the container instead of the host's"));
    p.addOption({S("add-host")}, S("list"),
                QCoreApplication::translate("onggictl", "Add a line to the container's /etc/hosts (name:ip)"));
    p.addOption({S("device-read-bps")}, S("list"),
                QCoreApplication::translate("onggictl",
                                            "Limit read rate (bytes per second) from a device (e.g. /dev/sda:1mb)"));
    p.addOption(
        {S("device-write-bps")}, S("list"),
        QCoreApplication::translate("onggictl", "Limit write rate (bytes per second) to a device (e.g. /dev/sda:1mb)"));
    p.addOption({S("device-read-iops")}, S("list"),
                QCoreApplication::translate(
                    "onggictl", "Limit read rate (operations per second) from a device (e.g. /dev/sda:100)"));
    p.addOption({S("device-write-iops")}, S("list"),
                QCoreApplication::translate(
                    "onggictl", "Limit write rate (operations per second) to a device (e.g. /dev/sda:100)"));
    addLimits(p);
}

bool CreateFlags::build(const ArgParser& p, client::CreateOptions& o, QString* error)
{
    const QStringList pos = p.positional();
    o.image = pos.value(0);
    o.cmd = pos.mid(1);
    o.name = p.value(S("name"));
    o.env = p.values(S("env"));
    for (const QString& e : o.env)
        if (e.isEmpty() || e.startsWith(QLatin1Char('='))) {
            *error = QCoreApplication::translate("onggictl", "invalid environment variable \"%1\": expected KEY=value")
                         .arg(e);
            return false;
        }
    o.hostname = p.value(S("hostname"));
    o.workdir = p.value(S("workdir"));
    o.user = p.value(S("user"));
    o.tty = p.isSet(S("tty"));
    o.openStdin = p.isSet(S("interactive")) && !o.tty;  // -i alone: a stdin pipe (a terminal is its own stdin)
    o.init = p.isSet(S("init"));
    if (p.isSet(S("restart"))) {
        const QString r = p.value(S("restart"));
        if (r == QLatin1String("unless-stopped")) o.restart = S("always");
        else o.restart = r;
    }
    for (const QString& lo : p.values(S("log-opt"))) {
        const qsizetype eq = lo.indexOf(QLatin1Char('='));
        const QString key = lo.left(eq);
        if (eq <= 0 || (key != QLatin1String("max-size") && key != QLatin1String("max-file"))) {
            *error = QCoreApplication::translate("onggictl",
                                                 "invalid --log-opt \"%1\": supported are max-size=SIZE and max-file=N")
                         .arg(lo);
            return false;
        }
        o.logOpts.insert(key, lo.mid(eq + 1));
    }
    for (const QString& v : p.values(S("volume"))) {
        const QStringList parts = v.split(QLatin1Char(':'));
        if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
            *error = QCoreApplication::translate("onggictl",
                                                 "invalid volume \"%1\": expected /host/path:/container/path[:ro]")
                         .arg(v);
            return false;
        }
        if (!parts.at(0).startsWith(QLatin1Char('/')) && !parts.at(0).startsWith(QLatin1Char('.'))) {
            *error = QCoreApplication::translate(
                         "onggictl", "invalid volume \"%1\": named volumes are not supported, give a host path")
                         .arg(v);
            return false;
        }
        client::VolumeSpec vs;
        vs.source = QDir(parts.at(0)).absolutePath();
        vs.target = parts.at(1);
        if (parts.size() == 3) {
            if (parts.at(2) == QLatin1String("ro")) vs.readonly = true;
            else if (parts.at(2) != QLatin1String("rw")) {
                *error = QCoreApplication::translate("onggictl", "invalid volume mode \"%1\" in \"%2\": use ro or rw")
                             .arg(parts.at(2), v);
                return false;
            }
        }
        o.volumes.append(vs);
    }
    o.security.capAdd = p.values(S("cap-add"));
    o.security.capDrop = p.values(S("cap-drop"));
    for (const QString& so : p.values(S("security-opt"))) {
        const qsizetype eq = so.indexOf(QLatin1Char('='));
        const QString key = so.left(eq), value = eq < 0 ? QString() : so.mid(eq + 1);
        if ((key == QLatin1String("seccomp")) && !value.isEmpty()) {
            if (value == QLatin1String("unconfined") || value == QLatin1String("default")) {
                o.security.seccomp = value;
            } else {
                // The profile's content, read here with the user's own rights: the root helper
                // opens no file on a user's behalf (docs/protocol.md, security.seccomp).
                QFile f(QDir(value).absolutePath());
                if (!f.open(QIODevice::ReadOnly)) {
                    *error = QCoreApplication::translate("onggictl", "cannot read the seccomp profile %1: %2")
                                 .arg(value, f.errorString());
                    return false;
                }
                const QByteArray text = f.read(512 * 1024 + 1).trimmed();
                if (text.size() > 512 * 1024 || !text.startsWith('{')) {
                    *error = QCoreApplication::translate(
                                 "onggictl", "%1 is not a seccomp profile (a JSON object of at most 512 KiB)")
                                 .arg(value);
                    return false;
                }
                o.security.seccomp = QString::fromUtf8(text);
            }
        } else {
            *error = QCoreApplication::translate(
                         "onggictl",
                         "invalid --security-opt \"%1\": supported is seccomp=default|unconfined|/path/profile.json")
                         .arg(so);
            return false;
        }
    }
    o.security.readOnly = p.isSet(S("read-only"));
    o.security.privileged = p.isSet(S("privileged"));
    if (p.isSet(S("userns"))) {
        const QString u = p.value(S("userns"));
        if (u == QLatin1String("private") || u == QLatin1String("true") || u.isEmpty()) o.security.userns = true;
        else if (u != QLatin1String("host") && u != QLatin1String("false")) {
            *error = QCoreApplication::translate("onggictl", "invalid --userns \"%1\": use private or host").arg(u);
            return false;
        }
    }
    if (p.isSet(S("network"))) {
        QString n = p.value(S("network"));
        if (n == QLatin1String("default")) n = S("bridge");
        if (n.isEmpty()) {
            *error = QCoreApplication::translate(
                "onggictl", "invalid --network \"\": give a network's name, bridge, private, host or none");
            return false;
        }
        o.namespaces.network = n;  // the helper knows the networks
    }
    auto portProblem = [error](const QString& flag, const QString& v, client::PortSpec::Problem pr) {
        switch (pr) {
        case client::PortSpec::Problem::range:
            *error = QCoreApplication::translate("onggictl", "invalid %1 \"%2\": ports are 1 to 65535").arg(flag, v);
            break;
        case client::PortSpec::Problem::protocol:
            *error =
                QCoreApplication::translate("onggictl", "invalid %1 \"%2\": the protocol is tcp or udp").arg(flag, v);
            break;
        case client::PortSpec::Problem::address:
            *error = QCoreApplication::translate("onggictl", "invalid %1 \"%2\": not an IPv4 address").arg(flag, v);
            break;
        default:
            *error = QCoreApplication::translate("onggictl",
                                                 "invalid %1 \"%2\": expected [ip:][hostPort:]containerPort[/tcp|/udp]")
                         .arg(flag, v);
        }
        return false;
    };
    for (const QString& v : p.values(S("publish"))) {
        client::PortSpec::Problem pr;
        auto ps = client::PortSpec::parse(v, &pr);
        if (!ps) return portProblem(S("--publish"), v, pr);
        o.network.ports.append(*ps);
    }
    for (const QString& v : p.values(S("expose"))) {
        client::PortSpec::Problem pr;
        auto ps = client::PortSpec::parse(v, &pr);
        if (!ps || ps->hostPort || !ps->hostIp.isEmpty())
            return portProblem(S("--expose"), v, ps ? client::PortSpec::Problem::syntax : pr);
        o.network.expose.append(*ps);
    }
    o.network.publishAll = p.isSet(S("publish-all"));
    o.network.ip = p.value(S("ip"));
    o.network.dns = p.values(S("dns"));
    for (const QString& h : p.values(S("add-host"))) {
        const qsizetype c = h.indexOf(QLatin1Char(':'));
        if (c <= 0 || c == h.size() - 1) {
            *error = QCoreApplication::translate("onggictl", "invalid --add-host \"%1\": expected name:ip").arg(h);
            return false;
        }
        o.network.extraHosts.append({h.left(c), h.mid(c + 1)});
    }
    if (!deviceRates(p, o.limits.io, error)) return false;
    return buildLimits(p, o.limits, error);
}

}  // namespace onggi::cli

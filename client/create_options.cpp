#include "client/create_options.h"

#include <QJsonArray>

namespace onggi::client {

QJsonObject CreateOptions::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("image"), image);
    if (!name.isEmpty()) o.insert(QLatin1String("name"), name);
    if (!cmd.isEmpty()) o.insert(QLatin1String("cmd"), QJsonArray::fromStringList(cmd));
    if (!env.isEmpty()) o.insert(QLatin1String("env"), QJsonArray::fromStringList(env));
    if (!hostname.isEmpty()) o.insert(QLatin1String("hostname"), hostname);
    if (!workdir.isEmpty()) o.insert(QLatin1String("workdir"), workdir);
    if (!user.isEmpty()) o.insert(QLatin1String("user"), user);
    if (tty) o.insert(QLatin1String("tty"), true);
    if (init) o.insert(QLatin1String("init"), true);
    if (autoRemove) o.insert(QLatin1String("auto_remove"), true);
    if (openStdin) o.insert(QLatin1String("open_stdin"), true);
    if (!restart.isEmpty()) o.insert(QLatin1String("restart"), restart);
    if (!logOpts.isEmpty()) {
        QJsonObject lo;
        for (auto it = logOpts.cbegin(); it != logOpts.cend(); ++it) lo.insert(it.key(), it.value());
        o.insert(QLatin1String("log_opts"), lo);
    }
    if (!limits.isEmpty()) o.insert(QLatin1String("limits"), limits.toJson());

    QJsonObject ns;
    if (!namespaces.network.isEmpty()) ns.insert(QLatin1String("network"), namespaces.network);
    auto b = [&](const char* k, const std::optional<bool>& v) {
        if (v) ns.insert(QLatin1String(k), *v);
    };
    b("pid", namespaces.pid);
    b("ipc", namespaces.ipc);
    b("uts", namespaces.uts);
    b("cgroup", namespaces.cgroup);
    b("time", namespaces.time);
    b("user", namespaces.user);
    if (!ns.isEmpty()) o.insert(QLatin1String("namespaces"), ns);

    if (!volumes.isEmpty()) {
        QJsonArray a;
        for (const VolumeSpec& v : volumes)
            a.append(QJsonObject{{QLatin1String("source"), v.source},
                                 {QLatin1String("target"), v.target},
                                 {QLatin1String("readonly"), v.readonly}});
        o.insert(QLatin1String("volumes"), a);
    }

    QJsonObject sec;
    if (!security.capAdd.isEmpty()) sec.insert(QLatin1String("cap_add"), QJsonArray::fromStringList(security.capAdd));
    if (!security.capDrop.isEmpty())
        sec.insert(QLatin1String("cap_drop"), QJsonArray::fromStringList(security.capDrop));
    if (!security.seccomp.isEmpty()) sec.insert(QLatin1String("seccomp"), security.seccomp);
    if (security.readOnly) sec.insert(QLatin1String("read_only"), true);
    if (security.privileged) sec.insert(QLatin1String("privileged"), true);
    if (security.userns) sec.insert(QLatin1String("userns"), true);
    if (!sec.isEmpty()) o.insert(QLatin1String("security"), sec);

    if (!network.ports.isEmpty()) {
        QJsonArray a;
        for (const PortSpec& p : network.ports) {
            QJsonObject po{{QLatin1String("container_port"), p.containerPort}, {QLatin1String("protocol"), p.protocol}};
            if (p.hostPort) po.insert(QLatin1String("host_port"), p.hostPort);
            if (!p.hostIp.isEmpty()) po.insert(QLatin1String("host_ip"), p.hostIp);
            a.append(po);
        }
        o.insert(QLatin1String("ports"), a);
    }
    if (network.publishAll) o.insert(QLatin1String("publish_all"), true);
    if (!network.expose.isEmpty()) {
        QJsonArray a;
        for (const PortSpec& p : network.expose)
            a.append(QJsonObject{{QLatin1String("port"), p.containerPort}, {QLatin1String("protocol"), p.protocol}});
        o.insert(QLatin1String("expose"), a);
    }
    if (!network.ip.isEmpty()) o.insert(QLatin1String("ip"), network.ip);
    if (!network.dns.isEmpty()) o.insert(QLatin1String("dns"), QJsonArray::fromStringList(network.dns));
    if (!network.extraHosts.isEmpty()) {
        QJsonArray a;
        for (const auto& h : network.extraHosts)
            a.append(QJsonObject{{QLatin1String("name"), h.first}, {QLatin1String("ip"), h.second}});
        o.insert(QLatin1String("extra_hosts"), a);
    }
    return o;
}

std::optional<PortSpec> PortSpec::parse(const QString& text, Problem* problem)
{
    auto fail = [problem](Problem p) -> std::optional<PortSpec> {
        if (problem) *problem = p;
        return std::nullopt;
    };
    if (problem) *problem = Problem::none;
    PortSpec s;
    QString rest = text;
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0) {
        s.protocol = rest.mid(slash + 1);
        rest = rest.left(slash);
        if (s.protocol != QLatin1String("tcp") && s.protocol != QLatin1String("udp")) return fail(Problem::protocol);
    }
    const QStringList parts = rest.split(QLatin1Char(':'));
    if (parts.size() > 3) return fail(Problem::syntax);
    auto number = [](const QString& t, int* out) {
        if (t.isEmpty() || t.size() > 6) return Problem::syntax;
        for (QChar c : t)
            if (!c.isDigit()) return Problem::syntax;
        *out = t.toInt();
        return *out >= 1 && *out <= 65535 ? Problem::none : Problem::range;
    };
    if (Problem p = number(parts.last(), &s.containerPort); p != Problem::none) return fail(p);
    if (parts.size() >= 2 && !parts.at(parts.size() - 2).isEmpty())
        if (Problem p = number(parts.at(parts.size() - 2), &s.hostPort); p != Problem::none) return fail(p);
    if (parts.size() == 3 && !parts.at(0).isEmpty()) {
        const QStringList oct = parts.at(0).split(QLatin1Char('.'));
        bool ok = oct.size() == 4;
        for (const QString& o : oct) {
            bool n = false;
            const int v = o.toInt(&n);
            ok = ok && n && v >= 0 && v <= 255 && !o.isEmpty() && o.size() <= 3;
        }
        if (!ok) return fail(Problem::address);
        s.hostIp = parts.at(0);
    }
    return s;
}

}  // namespace onggi::client

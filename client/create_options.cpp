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
    if (!security.capDrop.isEmpty()) sec.insert(QLatin1String("cap_drop"), QJsonArray::fromStringList(security.capDrop));
    if (!security.seccomp.isEmpty()) sec.insert(QLatin1String("seccomp"), security.seccomp);
    if (security.readOnly) sec.insert(QLatin1String("read_only"), true);
    if (security.privileged) sec.insert(QLatin1String("privileged"), true);
    if (security.userns) sec.insert(QLatin1String("userns"), true);
    if (!sec.isEmpty()) o.insert(QLatin1String("security"), sec);
    return o;
}

} // namespace onggi::client

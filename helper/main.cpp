// onggi-helper: the privileged daemon. See docs/protocol.md and helper/dispatcher.h.
#include "helper/fd_limit.h"
#include "helper/helper_daemon.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstdlib>

using namespace onggi::helper;

static QString env_or(const char* name, const QString& fallback)
{
    const char* v = std::getenv(name);
    return v && *v ? QString::fromLocal8Bit(v) : fallback;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("onggi-helper");
    QCoreApplication::setApplicationVersion(ONGGI_VERSION);

    HelperConfig defaults;
    QCommandLineParser cli;
    cli.setApplicationDescription("Onggi privileged helper daemon (JSON-RPC over a unix socket)");
    cli.addHelpOption();
    cli.addVersionOption();
    QCommandLineOption socket("socket", "Listen on this unix socket path (env ONGGI_SOCKET).", "path",
                              env_or("ONGGI_SOCKET", QString::fromStdString(defaults.socket)));
    QCommandLineOption state("state-dir", "State root (env ONGGI_STATE_DIR).", "dir",
                             env_or("ONGGI_STATE_DIR", QString::fromStdString(defaults.state_dir)));
    QCommandLineOption run("run-dir", "Runtime dir (env ONGGI_RUN_DIR).", "dir",
                           env_or("ONGGI_RUN_DIR", QString::fromStdString(defaults.run_dir)));
    QCommandLineOption shim("shim", "Path of onggi-shim (env ONGGI_SHIM).", "path", env_or("ONGGI_SHIM", ""));
    QCommandLineOption group("group", "Group whose members may connect besides root.", "name",
                             QString::fromStdString(defaults.group));
    QCommandLineOption cgparent("cgroup-parent", "Parent cgroup of the containers.", "path",
                                QString::fromStdString(defaults.cgroup_parent));
    QCommandLineOption logsize("log-max-size", "Containers' log size before rotation, bytes (default 10 MiB).", "bytes",
                               QString::number(defaults.log_max_size));
    QCommandLineOption logfiles("log-max-file", "Log files kept per container, the current one included (default 3).",
                                "n", QString::number(defaults.log_max_files));
    QCommandLineOption defnet("default-network",
                              "Network of a container created without one: onggi (a bridge, as docker's), private "
                              "(loopback only), none, host, or a network's name (env ONGGI_DEFAULT_NETWORK).",
                              "name",
                              env_or("ONGGI_DEFAULT_NETWORK", QString::fromStdString(defaults.default_network)));
    QCommandLineOption defsub("default-subnet", "Subnet of the default network onggi (env ONGGI_DEFAULT_SUBNET).",
                              "cidr", env_or("ONGGI_DEFAULT_SUBNET", QString::fromStdString(defaults.default_subnet)));
    QCommandLineOption insecure("insecure-registry",
                                "Pull from this registry over plain http (repeatable; env ONGGI_INSECURE_REGISTRIES).",
                                "host[:port]");
    QCommandLineOption reg_timeout("registry-timeout", "Fail a registry request after this many seconds without data.",
                                   "seconds", "30");
    QCommandLineOption maxload(
        "max-load-size",
        "Bytes one image load may stage and unpack, all together (default 64 GiB); a larger archive is refused.",
        "bytes", QString::number(defaults.max_load_bytes));
    QCommandLineOption delegated(
        "cgroup-delegated",
        "cgroup v2: our own cgroup is delegated to us (systemd Delegate=yes); the helper moves "
        "into <own>/supervisor and puts containers in <own>/containers (replaces --cgroup-parent).");
    QCommandLineOption subuid("subuid-file", "Subordinate uid ranges of the members (env ONGGI_SUBUID_FILE).", "path",
                              env_or("ONGGI_SUBUID_FILE", QString::fromStdString(defaults.subuid_file)));
    QCommandLineOption subgid("subgid-file", "Subordinate gid ranges of the members (env ONGGI_SUBGID_FILE).", "path",
                              env_or("ONGGI_SUBGID_FILE", QString::fromStdString(defaults.subgid_file)));
    QCommandLineOption budget("output-budget",
                              "Output queued for slow clients, all together, before the one holding most is dropped, "
                              "bytes (default 256 MiB).",
                              "bytes", QString::number(defaults.output_budget));
    QCommandLineOption idle(
        "idle-timeout",
        "Close a connection that sends no complete request for this many seconds (default 30; 0: never).", "seconds",
        QString::number(defaults.idle_timeout_ms / 1000.0));
    cli.addOptions({socket, state, run, shim, group, cgparent, defnet, defsub, logsize, logfiles, insecure, reg_timeout,
                    delegated, subuid, subgid, budget, idle, maxload});
    cli.process(app);

    HelperConfig cfg;
    cfg.run_dir = cli.value(run).toStdString();
    // Without an explicit socket, it lives in the run dir.
    if (!cli.isSet(socket) && !std::getenv("ONGGI_SOCKET") && cli.isSet(run)) cfg.socket = cfg.run_dir + "/helper.sock";
    else cfg.socket = cli.value(socket).toStdString();
    cfg.state_dir = cli.value(state).toStdString();
    cfg.shim = cli.value(shim).toStdString();
    cfg.group = cli.value(group).toStdString();
    cfg.cgroup_parent = cli.value(cgparent).toStdString();
    bool ok_size = false, ok_files = false;
    cfg.log_max_size = cli.value(logsize).toULongLong(&ok_size);
    cfg.log_max_files = cli.value(logfiles).toInt(&ok_files);
    if (!ok_size || !ok_files || cfg.log_max_size < 1024 || cfg.log_max_files < 1 || cfg.log_max_files > 100) {
        std::fprintf(stderr, "onggi-helper: --log-max-size must be at least 1024, --log-max-file 1..100\n");
        return 2;
    }
    cfg.default_network = cli.value(defnet).toStdString();
    cfg.default_subnet = cli.value(defsub).toStdString();
    for (const QString& h : cli.values(insecure)) cfg.insecure_registries.insert(h.toStdString());
    for (const QString& h : env_or("ONGGI_INSECURE_REGISTRIES", "").split(',', Qt::SkipEmptyParts))
        cfg.insecure_registries.insert(h.trimmed().toStdString());
    bool timeout_ok = false;
    double timeout_s = cli.value(reg_timeout).toDouble(&timeout_ok);
    if (!timeout_ok || timeout_s <= 0 || timeout_s > 3600) {
        std::fprintf(stderr, "onggi-helper: --registry-timeout must be a number of seconds in (0, 3600]\n");
        return 2;
    }
    cfg.registry_timeout_ms = int(timeout_s * 1000);
    bool maxload_ok = false;
    cfg.max_load_bytes = cli.value(maxload).toULongLong(&maxload_ok);
    if (!maxload_ok || cfg.max_load_bytes < (1u << 20)) {
        std::fprintf(stderr, "onggi-helper: --max-load-size must be at least 1048576 bytes\n");
        return 2;
    }
    bool budget_ok = false, idle_ok = false;
    cfg.output_budget = cli.value(budget).toULongLong(&budget_ok);
    const double idle_s = cli.value(idle).toDouble(&idle_ok);
    if (!budget_ok || cfg.output_budget < (1u << 20) || !idle_ok || idle_s < 0 || idle_s > 86400) {
        std::fprintf(stderr,
                     "onggi-helper: --output-budget must be at least 1048576 bytes, --idle-timeout 0..86400 seconds\n");
        return 2;
    }
    cfg.idle_timeout_ms = int(idle_s * 1000);
    cfg.cgroup_delegated = cli.isSet(delegated);
    cfg.subuid_file = cli.value(subuid).toStdString();
    cfg.subgid_file = cli.value(subgid).toStdString();
    for (const std::string* p : {&cfg.socket, &cfg.state_dir, &cfg.run_dir, &cfg.subuid_file, &cfg.subgid_file})
        if (p->empty() || (*p)[0] != '/') {
            std::fprintf(stderr, "onggi-helper: paths must be absolute: %s\n", p->c_str());
            return 2;
        }
    if (cfg.cgroup_parent.empty() || cfg.cgroup_parent[0] != '/' || cfg.cgroup_parent.find("..") != std::string::npos) {
        std::fprintf(stderr, "onggi-helper: --cgroup-parent must be an absolute cgroup path\n");
        return 2;
    }

    if (raise_fd_limit() < 0) std::perror("onggi-helper: warning: could not raise RLIMIT_NOFILE");

    HelperDaemon daemon(cfg);
    auto st = daemon.start();
    if (!st) {
        std::fprintf(stderr, "onggi-helper: %s\n", st.error().message().c_str());
        return 1;
    }
    return app.exec();
}

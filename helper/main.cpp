// onggi-helper: the privileged daemon. See docs/protocol.md and helper/dispatcher.h.
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
    QCommandLineOption subuid("subuid-file", "Subordinate uid ranges of the members (env ONGGI_SUBUID_FILE).", "path",
                              env_or("ONGGI_SUBUID_FILE", QString::fromStdString(defaults.subuid_file)));
    QCommandLineOption subgid("subgid-file", "Subordinate gid ranges of the members (env ONGGI_SUBGID_FILE).", "path",
                              env_or("ONGGI_SUBGID_FILE", QString::fromStdString(defaults.subgid_file)));
    cli.addOptions({socket, state, run, shim, group, cgparent, subuid, subgid});
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

    HelperDaemon daemon(cfg);
    auto st = daemon.start();
    if (!st) {
        std::fprintf(stderr, "onggi-helper: %s\n", st.error().message().c_str());
        return 1;
    }
    return app.exec();
}

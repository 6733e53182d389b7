// onggictl: the command-line client of onggi-helper. Global flags, then one command.
#include "cli/commands.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <map>

using namespace onggi::cli;

namespace {

struct Command {
    int (*fn)(CliContext&, const QStringList&);
    const char* summary;
};

const std::map<QString, Command>& commands()
{
    static const std::map<QString, Command> table = {
        {QStringLiteral("run"),
         {cmdRun, QT_TRANSLATE_NOOP("onggictl", "Create and run a new container from an image")}},
        {QStringLiteral("create"), {cmdCreate, QT_TRANSLATE_NOOP("onggictl", "Create a new container")}},
        {QStringLiteral("ps"), {cmdPs, QT_TRANSLATE_NOOP("onggictl", "List containers")}},
        {QStringLiteral("start"), {cmdStart, QT_TRANSLATE_NOOP("onggictl", "Start one or more stopped containers")}},
        {QStringLiteral("attach"),
         {cmdAttach, QT_TRANSLATE_NOOP("onggictl", "Attach the local terminal to a running container's terminal")}},
        {QStringLiteral("stop"), {cmdStop, QT_TRANSLATE_NOOP("onggictl", "Stop one or more running containers")}},
        {QStringLiteral("restart"), {cmdRestart, QT_TRANSLATE_NOOP("onggictl", "Restart one or more containers")}},
        {QStringLiteral("kill"), {cmdKill, QT_TRANSLATE_NOOP("onggictl", "Kill one or more running containers")}},
        {QStringLiteral("rm"), {cmdRm, QT_TRANSLATE_NOOP("onggictl", "Remove one or more containers")}},
        {QStringLiteral("pause"),
         {cmdPause, QT_TRANSLATE_NOOP("onggictl", "Pause all processes within one or more containers")}},
        {QStringLiteral("unpause"),
         {cmdUnpause, QT_TRANSLATE_NOOP("onggictl", "Unpause all processes within one or more containers")}},
        {QStringLiteral("logs"), {cmdLogs, QT_TRANSLATE_NOOP("onggictl", "Fetch the logs of a container")}},
        {QStringLiteral("exec"), {cmdExec, QT_TRANSLATE_NOOP("onggictl", "Execute a command in a running container")}},
        {QStringLiteral("inspect"),
         {cmdInspect, QT_TRANSLATE_NOOP("onggictl", "Return low-level information on containers")}},
        {QStringLiteral("update"),
         {cmdUpdate, QT_TRANSLATE_NOOP("onggictl", "Update the resource limits of containers")}},
        {QStringLiteral("top"),
         {cmdTop, QT_TRANSLATE_NOOP("onggictl", "Display the running processes of a container")}},
        {QStringLiteral("images"), {cmdImages, QT_TRANSLATE_NOOP("onggictl", "List images")}},
        {QStringLiteral("history"), {cmdHistory, QT_TRANSLATE_NOOP("onggictl", "Show the history of an image")}},
        {QStringLiteral("image"),
         {cmdImage, QT_TRANSLATE_NOOP("onggictl", "Manage images (inspect, history, pull, ls, rm, tag, prune)")}},
        {QStringLiteral("pull"), {cmdPull, QT_TRANSLATE_NOOP("onggictl", "Download an image from a registry")}},
        {QStringLiteral("rmi"), {cmdRmi, QT_TRANSLATE_NOOP("onggictl", "Remove one or more images")}},
        {QStringLiteral("stats"), {cmdStats, QT_TRANSLATE_NOOP("onggictl", "Display a live stream of resource usage")}},
        {QStringLiteral("events"), {cmdEvents, QT_TRANSLATE_NOOP("onggictl", "Get real time events from the helper")}},
        {QStringLiteral("version"), {cmdVersion, QT_TRANSLATE_NOOP("onggictl", "Show the version information")}},
        {QStringLiteral("info"), {cmdInfo, QT_TRANSLATE_NOOP("onggictl", "Display system-wide information")}},
        {QStringLiteral("commit"),
         {cmdCommit, QT_TRANSLATE_NOOP("onggictl", "Create a new image from a container's changes")}},
        {QStringLiteral("save"),
         {cmdSave,
          QT_TRANSLATE_NOOP("onggictl", "Save one or more images to a tar archive (docker save and OCI layout)")}},
        {QStringLiteral("load"),
         {cmdLoad, QT_TRANSLATE_NOOP("onggictl", "Load images from a tar archive (docker save or OCI layout)")}},
        {QStringLiteral("tag"),
         {cmdTag, QT_TRANSLATE_NOOP("onggictl", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")}},
        {QStringLiteral("system"), {cmdSystem, QT_TRANSLATE_NOOP("onggictl", "Manage Onggi (df: disk usage)")}},
        {QStringLiteral("port"),
         {cmdPort, QT_TRANSLATE_NOOP("onggictl", "List port mappings or a specific mapping for the container")}},
        {QStringLiteral("network"), {cmdNetwork, QT_TRANSLATE_NOOP("onggictl", "Manage networks")}},
    };
    return table;
}

void printUsage()
{
    QString t =
        QCoreApplication::translate("onggictl", "Usage:  onggictl [OPTIONS] COMMAND") + QLatin1String("\n\n") +
        QCoreApplication::translate("onggictl", "A container manager for your desktop: the command line of Onggi.") +
        QLatin1String("\n\n") + QCoreApplication::translate("onggictl", "Options:") + QLatin1Char('\n');
    t += QLatin1String("  -H, --host string   ") +
         QCoreApplication::translate("onggictl", "Helper socket (default $ONGGI_SOCKET or /run/onggi/helper.sock)") +
         QLatin1Char('\n');
    t += QLatin1String("      --json          ") + QCoreApplication::translate("onggictl", "Print results as JSON") +
         QLatin1Char('\n');
    t += QLatin1String("  -D, --debug         ") +
         QCoreApplication::translate("onggictl", "Show the protocol messages on stderr") + QLatin1Char('\n');
    t += QLatin1String("  -v, --version       ") +
         QCoreApplication::translate("onggictl", "Print version information and quit") + QLatin1Char('\n');
    t += QLatin1Char('\n') + QCoreApplication::translate("onggictl", "Commands:") + QLatin1Char('\n');
    for (const auto& [name, c] : commands())
        t += QLatin1String("  ") + name.leftJustified(10) + QCoreApplication::translate("onggictl", c.summary) +
             QLatin1Char('\n');
    t += QLatin1Char('\n') +
         QCoreApplication::translate("onggictl", "Run 'onggictl COMMAND --help' for more information on a command.") +
         QLatin1Char('\n');
    CliContext::out(t);
}

void loadTranslations(QCoreApplication& app)
{
    auto* t = new QTranslator(&app);
    const QString dir = qEnvironmentVariable("ONGGI_TRANSLATIONS_DIR");
    const QStringList dirs = {
        dir, QCoreApplication::applicationDirPath() + QLatin1String("/../share/onggi/translations"),
        QCoreApplication::applicationDirPath() + QLatin1String("/../translations"), QStringLiteral(":/i18n")};
    for (const QString& d : dirs)
        if (!d.isEmpty() && t->load(QLocale(), QStringLiteral("onggi"), QStringLiteral("_"), d)) {
            app.installTranslator(t);
            return;
        }
    delete t;
}

}  // namespace

int main(int argc, char** argv)
{
    // Started with stdin, stdout or stderr closed (`onggictl run -i ... <&-`): /dev/null takes
    // its place, else the first socket we open would become "stdin" and be read as input.
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            const int n = ::open("/dev/null", O_RDWR);
            if (n >= 0 && n != fd) {
                ::dup2(n, fd);
                ::close(n);
            }
        }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onggictl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ONGGI_VERSION));
    loadTranslations(app);

    const QStringList args = app.arguments().mid(1);
    CliContext ctx;
    int i = 0;
    for (; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("-H") || a == QLatin1String("--host")) {
            if (i + 1 >= args.size()) {
                CliContext::errLine(QCoreApplication::translate("onggictl", "flag needs an argument: %1").arg(a));
                return kExitCliError;
            }
            ctx.socketPath = args.at(++i);
        } else if (a.startsWith(QLatin1String("--host="))) {
            ctx.socketPath = a.mid(7);
        } else if (a == QLatin1String("--json")) {
            ctx.json = true;
        } else if (a == QLatin1String("-D") || a == QLatin1String("--debug")) {
            ctx.debug = true;
        } else if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
            CliContext::outLine(QCoreApplication::translate("onggictl", "onggictl version %1, protocol %2")
                                    .arg(QCoreApplication::applicationVersion())
                                    .arg(1));
            return kExitOk;
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("help")) {
            printUsage();
            return kExitOk;
        } else if (a.startsWith(QLatin1Char('-'))) {
            CliContext::errLine(QCoreApplication::translate("onggictl", "unknown flag: %1").arg(a));
            CliContext::errLine(QCoreApplication::translate("onggictl", "See 'onggictl --help'."));
            return kExitCliError;
        } else {
            break;
        }
    }
    if (i >= args.size()) {
        printUsage();
        return kExitOk;
    }
    // "unix:///run/onggi/helper.sock" as docker's -H.
    if (ctx.socketPath.startsWith(QLatin1String("unix://"))) ctx.socketPath = ctx.socketPath.mid(7);
    QString name = args.at(i);
    if (name == QLatin1String("resume")) name = QStringLiteral("unpause");
    const auto it = commands().find(name);
    if (it == commands().end()) {
        CliContext::errLine(
            QCoreApplication::translate("onggictl", "onggictl: '%1' is not an onggictl command.").arg(name));
        CliContext::errLine(QCoreApplication::translate("onggictl", "See 'onggictl --help'."));
        return kExitFailure;
    }
    const int rc = it->second.fn(ctx, args.mid(i + 1));
    std::fflush(stdout);
    std::fflush(stderr);
    return rc;
}

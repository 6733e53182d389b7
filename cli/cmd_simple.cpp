// start, stop, restart, kill, rm, pause, unpause: one request per container (ContainerAction).
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

namespace {

int simple(CliContext& ctx, const QStringList& args, const char* name, const QString& usage, const QString& summary,
           const QString& method)
{
    ArgParser p(QString::fromLatin1(name), usage, summary);
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    return ContainerAction::run(ctx, p.positional(), method);
}

bool timeoutArg(CliContext& ctx, const ArgParser& p, QJsonObject& params, int* rc)
{
    if (!p.isSet(QStringLiteral("time"))) return true;
    bool ok = false;
    const int t = p.value(QStringLiteral("time")).toInt(&ok);
    if (!ok || t < 0) {
        *rc = ctx.failText(QCoreApplication::translate("onggictl", "invalid timeout \"%1\": expected seconds >= 0").arg(p.value(QStringLiteral("time"))));
        return false;
    }
    params.insert(QLatin1String("timeout"), t);
    return true;
}
} // namespace

int cmdStart(CliContext& ctx, const QStringList& args)
{
    return simple(ctx, args, "start", QCoreApplication::translate("onggictl", "start CONTAINER [CONTAINER...]"), QCoreApplication::translate("onggictl", "Start one or more stopped containers"),
                  QStringLiteral("container.start"));
}

int cmdPause(CliContext& ctx, const QStringList& args)
{
    return simple(ctx, args, "pause", QCoreApplication::translate("onggictl", "pause CONTAINER [CONTAINER...]"),
                  QCoreApplication::translate("onggictl", "Pause all processes within one or more containers (cgroup freezer)"), QStringLiteral("container.pause"));
}

int cmdUnpause(CliContext& ctx, const QStringList& args)
{
    return simple(ctx, args, "unpause", QCoreApplication::translate("onggictl", "unpause CONTAINER [CONTAINER...]"),
                  QCoreApplication::translate("onggictl", "Unpause all processes within one or more containers"), QStringLiteral("container.resume"));
}

static int stopLike(CliContext& ctx, const QStringList& args, const char* name, const QString& usage,
                    const QString& summary, const QString& method)
{
    ArgParser p(QString::fromLatin1(name), usage, summary);
    p.addOption({QStringLiteral("t"), QStringLiteral("time")}, QStringLiteral("int"),
                QCoreApplication::translate("onggictl", "Seconds to wait before killing the container (default 10)"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject extra;
    if (!timeoutArg(ctx, p, extra, &rc)) return rc;
    return ContainerAction::run(ctx, p.positional(), method, extra);
}

int cmdStop(CliContext& ctx, const QStringList& args)
{
    return stopLike(ctx, args, "stop", QCoreApplication::translate("onggictl", "stop [OPTIONS] CONTAINER [CONTAINER...]"),
                    QCoreApplication::translate("onggictl", "Stop one or more running containers (SIGTERM, then SIGKILL after the timeout)"),
                    QStringLiteral("container.stop"));
}

int cmdRestart(CliContext& ctx, const QStringList& args)
{
    return stopLike(ctx, args, "restart", QCoreApplication::translate("onggictl", "restart [OPTIONS] CONTAINER [CONTAINER...]"),
                    QCoreApplication::translate("onggictl", "Restart one or more containers"), QStringLiteral("container.restart"));
}

int cmdKill(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("kill"), QCoreApplication::translate("onggictl", "kill [OPTIONS] CONTAINER [CONTAINER...]"),
                QCoreApplication::translate("onggictl", "Kill one or more running containers"));
    p.addOption({QStringLiteral("s"), QStringLiteral("signal")}, QStringLiteral("string"),
                QCoreApplication::translate("onggictl", "Signal to send to the container (default \"KILL\")"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject extra;
    if (p.isSet(QStringLiteral("signal"))) {
        QString sig = p.value(QStringLiteral("signal")).toUpper();
        bool isNumber = false;
        const int n = sig.toInt(&isNumber);
        if (isNumber) extra.insert(QLatin1String("signal"), n);
        else extra.insert(QLatin1String("signal"), sig.startsWith(QLatin1String("SIG")) ? sig : QStringLiteral("SIG") + sig);
    }
    return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.kill"), extra);
}

int cmdRm(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("rm"), QCoreApplication::translate("onggictl", "rm [OPTIONS] CONTAINER [CONTAINER...]"), QCoreApplication::translate("onggictl", "Remove one or more containers"));
    p.addFlag({QStringLiteral("f"), QStringLiteral("force")}, QCoreApplication::translate("onggictl", "Force the removal of a running container (uses SIGKILL)"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject extra;
    if (p.isSet(QStringLiteral("force"))) extra.insert(QLatin1String("force"), true);
    return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.remove"), extra);
}

} // namespace onggi::cli

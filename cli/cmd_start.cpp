// onggictl start: start created or exited containers; with -a (and -i) one container is started
// attached: a terminal container to its terminal, as run -it does; one without a terminal with
// its new output (stdout and stderr apart) and, with -i when created with -i, our stdin as its
// stdin, as run does. Either way onggictl exits with the container's exit code.
#include "cli/commands.h"
#include "cli/container_action.h"
#include "cli/container_runner.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace onggi::cli {

int cmdStart(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("start"),
                QCoreApplication::translate("onggictl", "start [OPTIONS] CONTAINER [CONTAINER...]"),
                QCoreApplication::translate("onggictl", "Start one or more stopped containers"));
    p.addFlag(
        {QStringLiteral("a"), QStringLiteral("attach")},
        QCoreApplication::translate(
            "onggictl", "Attach STDOUT/STDERR (or the terminal of a container created with -t) and wait for the exit"));
    p.addFlag({QStringLiteral("i"), QStringLiteral("interactive")},
              QCoreApplication::translate("onggictl", "Attach the container's STDIN"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const bool attach = p.isSet(QStringLiteral("attach")), interactive = p.isSet(QStringLiteral("interactive"));
    if (!attach && !interactive) return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.start"));
    if (p.positional().size() != 1)
        return ctx.failText(
            QCoreApplication::translate("onggictl", "you cannot start and attach multiple containers at once"));
    if (!ctx.ensureConnected()) return kExitCliError;
    const QString name = p.positional().at(0);
    client::RpcResult in = ctx.call(QStringLiteral("container.inspect"), {{QLatin1String("id"), name}});
    if (!in.ok()) return ctx.fail(in.error, kExitCliError);
    const QJsonObject info = in.result.value(QLatin1String("container")).toObject();
    const QString id = info.value(QLatin1String("id")).toString();
    if (info.value(QLatin1String("tty")).toBool())
        return ContainerRunner::startAttached(ctx, id, name, interactive, false);
    client::RpcResult sub = ctx.call(QStringLiteral("events.subscribe"));
    const qint64 eventsSub = sub.ok() ? sub.result.value(QLatin1String("subscription")).toInteger(-1) : -1;
    // Only output from this start on, as docker's start -a; stdin only when it was created with -i.
    const bool feedStdin = interactive && info.value(QLatin1String("open_stdin")).toBool();
    return ContainerRunner::startFollowing(ctx, id, eventsSub, feedStdin, false, 0);
}

}  // namespace onggi::cli

// onggictl start: start created or exited containers; with -a (and -i) one terminal container
// is started attached to its terminal, as run -it does.
#include "cli/commands.h"
#include "cli/container_action.h"
#include "cli/container_runner.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdStart(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("start"), QCoreApplication::translate("onggictl", "start [OPTIONS] CONTAINER [CONTAINER...]"),
                QCoreApplication::translate("onggictl", "Start one or more stopped containers"));
    p.addFlag({QStringLiteral("a"), QStringLiteral("attach")},
              QCoreApplication::translate("onggictl", "Attach to the container's terminal (containers created with -t)"));
    p.addFlag({QStringLiteral("i"), QStringLiteral("interactive")}, QCoreApplication::translate("onggictl", "Attach the container's STDIN"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const bool attach = p.isSet(QStringLiteral("attach")), interactive = p.isSet(QStringLiteral("interactive"));
    if (!attach && !interactive) return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.start"));
    if (p.positional().size() != 1)
        return ctx.failText(QCoreApplication::translate("onggictl", "you cannot start and attach multiple containers at once"));
    if (!ctx.ensureConnected()) return kExitCliError;
    const QString name = p.positional().at(0);
    return ContainerRunner::startAttached(ctx, name, name, interactive, false);
}

} // namespace onggi::cli

// onggictl start: start created or exited containers.
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdStart(CliContext& ctx, const QStringList& args)
{
    return ContainerAction::simple(ctx, args, "start", QCoreApplication::translate("onggictl", "start CONTAINER [CONTAINER...]"),
                                   QCoreApplication::translate("onggictl", "Start one or more stopped containers"), QStringLiteral("container.start"));
}

} // namespace onggi::cli

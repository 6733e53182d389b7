// onggictl stop: SIGTERM, then SIGKILL after the timeout.
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdStop(CliContext& ctx, const QStringList& args)
{
    return ContainerAction::stopLike(
        ctx, args, "stop", QCoreApplication::translate("onggictl", "stop [OPTIONS] CONTAINER [CONTAINER...]"),
        QCoreApplication::translate("onggictl",
                                    "Stop one or more running containers (SIGTERM, then SIGKILL after the timeout)"),
        QStringLiteral("container.stop"));
}

}  // namespace onggi::cli

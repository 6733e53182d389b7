// onggictl restart: stop (with the timeout) and start again.
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdRestart(CliContext& ctx, const QStringList& args)
{
    return ContainerAction::stopLike(
        ctx, args, "restart", QCoreApplication::translate("onggictl", "restart [OPTIONS] CONTAINER [CONTAINER...]"),
        QCoreApplication::translate("onggictl", "Restart one or more containers"), QStringLiteral("container.restart"));
}

}  // namespace onggi::cli

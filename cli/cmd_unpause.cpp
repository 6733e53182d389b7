// onggictl unpause: thaw paused containers.
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdUnpause(CliContext& ctx, const QStringList& args)
{
    return ContainerAction::simple(
        ctx, args, "unpause", QCoreApplication::translate("onggictl", "unpause CONTAINER [CONTAINER...]"),
        QCoreApplication::translate("onggictl", "Unpause all processes within one or more containers"),
        QStringLiteral("container.resume"));
}

}  // namespace onggi::cli

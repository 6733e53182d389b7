// onggictl pause: freeze every process of containers (cgroup freezer).
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdPause(CliContext& ctx, const QStringList& args)
{
    return ContainerAction::simple(
        ctx, args, "pause", QCoreApplication::translate("onggictl", "pause CONTAINER [CONTAINER...]"),
        QCoreApplication::translate("onggictl", "Pause all processes within one or more containers (cgroup freezer)"),
        QStringLiteral("container.pause"));
}

}  // namespace onggi::cli

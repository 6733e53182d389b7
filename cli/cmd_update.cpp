// onggictl update: change the limits of containers, live (the cgroup) and for the next start.
#include "cli/commands.h"
#include "cli/container_action.h"
#include "cli/create_flags.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdUpdate(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("update"),
                QCoreApplication::translate("onggictl", "update [OPTIONS] CONTAINER [CONTAINER...]"),
                QCoreApplication::translate("onggictl", "Update the resource limits of one or more containers"));
    CreateFlags::addLimits(p);
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::Limits limits;
    QString error;
    if (!CreateFlags::buildLimits(p, limits, &error)) return ctx.failText(error);
    if (limits.isEmpty())
        return ctx.failText(
            QCoreApplication::translate("onggictl", "you must provide one or more flags when using this command"));
    return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.update"),
                                {{QLatin1String("limits"), limits.toJson()}});
}

}  // namespace onggi::cli

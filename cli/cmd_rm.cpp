// onggictl rm: remove containers; -f kills running ones first.
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdRm(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("rm"), QCoreApplication::translate("onggictl", "rm [OPTIONS] CONTAINER [CONTAINER...]"),
                QCoreApplication::translate("onggictl", "Remove one or more containers"));
    p.addFlag({QStringLiteral("f"), QStringLiteral("force")},
              QCoreApplication::translate("onggictl", "Force the removal of a running container (uses SIGKILL)"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject extra;
    if (p.isSet(QStringLiteral("force"))) extra.insert(QLatin1String("force"), true);
    return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.remove"), extra);
}

}  // namespace onggi::cli

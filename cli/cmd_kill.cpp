// onggictl kill: send a signal to containers' init (default SIGKILL).
#include "cli/commands.h"
#include "cli/container_action.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdKill(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("kill"),
                QCoreApplication::translate("onggictl", "kill [OPTIONS] CONTAINER [CONTAINER...]"),
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
        else
            extra.insert(QLatin1String("signal"),
                         sig.startsWith(QLatin1String("SIG")) ? sig : QStringLiteral("SIG") + sig);
    }
    return ContainerAction::run(ctx, p.positional(), QStringLiteral("container.kill"), extra);
}

}  // namespace onggi::cli

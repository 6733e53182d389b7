// onggictl commit CONTAINER [REPOSITORY[:TAG]]: the container's writable layer as a new image
// (images.commit; root only). Prints the new image's id, as docker.
#include "cli/commands.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdCommit(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("commit"),
                QCoreApplication::translate("onggictl", "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]"),
                QCoreApplication::translate("onggictl", "Create a new image from a container's changes"));
    p.addOption({QStringLiteral("m"), QStringLiteral("message")}, QStringLiteral("MESSAGE"),
                QCoreApplication::translate("onggictl", "Commit message"));
    p.setPositionalRange(1, 2);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject params{{QLatin1String("container"), p.positional().at(0)}};
    if (p.positional().size() > 1) params.insert(QLatin1String("image"), p.positional().at(1));
    const QString msg = p.value(QStringLiteral("message"));
    if (!msg.isEmpty()) params.insert(QLatin1String("comment"), msg);
    client::RpcResult r = ctx.call(QStringLiteral("images.commit"), params);
    if (!r.ok()) return ctx.fail(r.error);
    CliContext::outLine(r.result.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString());
    return kExitOk;
}

}  // namespace onggi::cli

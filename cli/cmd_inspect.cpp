// onggictl inspect: the helper's full record of one or more containers, as a JSON array.
#include "cli/commands.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdInspect(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("inspect"), QCoreApplication::translate("onggictl", "inspect CONTAINER [CONTAINER...]"),
                QCoreApplication::translate("onggictl", "Return low-level information on containers (JSON)"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    if (!ctx.ensureConnected()) return kExitCliError;
    QList<client::RpcReply*> replies;
    for (const QString& id : p.positional())
        replies << ctx.send(QStringLiteral("container.inspect"), {{QLatin1String("id"), id}});
    QJsonArray out;
    rc = kExitOk;
    for (client::RpcReply* r : replies) {
        ctx.client().waitForReply(r);
        if (r->isError()) rc = ctx.fail(r->error());
        else out.append(r->result());
        delete r;
    }
    CliContext::printJson(out);
    return rc;
}

}  // namespace onggi::cli

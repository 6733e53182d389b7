#include "cli/container_action.h"

#include <QJsonArray>
#include <QList>
#include <QPointer>

namespace onggi::cli {

int ContainerAction::run(CliContext& ctx, const QStringList& ids, const QString& method, const QJsonObject& extra,
                         const QString& idKey)
{
    if (!ctx.ensureConnected()) return kExitCliError;
    QList<client::RpcReply*> replies;
    for (const QString& id : ids) {
        QJsonObject p = extra;
        p.insert(idKey, id);
        replies << ctx.send(method, p);
    }
    int rc = kExitOk;
    QJsonArray report;
    for (int i = 0; i < ids.size(); ++i) {
        client::RpcReply* r = replies.at(i);
        ctx.client().waitForReply(r);
        if (r->isError()) {
            rc = ctx.fail(r->error(), kExitFailure);
            report.append(QJsonObject{{QLatin1String("id"), ids.at(i)}, {QLatin1String("error"), r->error().errc},
                                      {QLatin1String("message"), r->error().message}});
        } else if (ctx.json) {
            QJsonObject o = r->result();
            o.insert(QLatin1String("id"), ids.at(i));
            report.append(o);
        } else {
            CliContext::outLine(ids.at(i));
        }
        delete r;
    }
    if (ctx.json) CliContext::printJson(report);
    return rc;
}

} // namespace onggi::cli

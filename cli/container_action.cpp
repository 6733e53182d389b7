#include "cli/container_action.h"

#include <QCoreApplication>
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
            report.append(QJsonObject{{QLatin1String("id"), ids.at(i)},
                                      {QLatin1String("error"), r->error().errc},
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

int ContainerAction::simple(CliContext& ctx, const QStringList& args, const char* name, const QString& usage,
                            const QString& summary, const QString& method)
{
    ArgParser p(QString::fromLatin1(name), usage, summary);
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    return run(ctx, p.positional(), method);
}

int ContainerAction::stopLike(CliContext& ctx, const QStringList& args, const char* name, const QString& usage,
                              const QString& summary, const QString& method)
{
    ArgParser p(QString::fromLatin1(name), usage, summary);
    p.addOption({QStringLiteral("t"), QStringLiteral("time")}, QStringLiteral("int"),
                QCoreApplication::translate("onggictl", "Seconds to wait before killing the container (default 10)"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject extra;
    if (p.isSet(QStringLiteral("time"))) {
        bool ok = false;
        const int t = p.value(QStringLiteral("time")).toInt(&ok);
        if (!ok || t < 0)
            return ctx.failText(QCoreApplication::translate("onggictl", "invalid timeout \"%1\": expected seconds >= 0")
                                    .arg(p.value(QStringLiteral("time"))));
        extra.insert(QLatin1String("timeout"), t);
    }
    return run(ctx, p.positional(), method, extra);
}

}  // namespace onggi::cli

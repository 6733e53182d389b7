// onggictl image prune [-a]: remove dangling images (with -a every image no container uses), then
// the layers and blobs nothing needs any more (root only).
#include "cli/commands.h"
#include "client/byte_size.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdImagePrune(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("image prune"), QCoreApplication::translate("onggictl", "image prune [OPTIONS]"),
                QCoreApplication::translate("onggictl", "Remove unused images, layers and blobs"));
    p.addFlag(
        {QStringLiteral("a"), QStringLiteral("all")},
        QCoreApplication::translate("onggictl", "Remove all images not used by a container, not just dangling ones"));
    p.addFlag(
        {QStringLiteral("f"), QStringLiteral("force")},
        QCoreApplication::translate(
            "onggictl", "Do not prompt for confirmation (accepted for docker's scripts; onggictl never prompts)"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r =
        ctx.call(QStringLiteral("images.prune"), {{QLatin1String("all"), p.isSet(QStringLiteral("all"))}});
    if (!r.ok()) return ctx.fail(r.error);
    if (ctx.json) {
        CliContext::printJson(r.result);
        return kExitOk;
    }
    const QJsonArray deleted = r.result.value(QLatin1String("deleted")).toArray();
    if (!deleted.isEmpty()) {
        CliContext::outLine(QCoreApplication::translate("onggictl", "Deleted Images:"));
        for (const QJsonValue& v : deleted)
            CliContext::outLine(QCoreApplication::translate("onggictl", "deleted: %1").arg(v.toString()));
        CliContext::outLine(QString());
    }
    const int layers = r.result.value(QLatin1String("layers")).toInt();
    const int blobs = r.result.value(QLatin1String("blobs")).toInt();
    CliContext::outLine(QCoreApplication::translate("onggictl", "Unused layers removed: %1").arg(layers));
    CliContext::outLine(QCoreApplication::translate("onggictl", "Unused blobs removed: %1").arg(blobs));
    CliContext::outLine(
        QCoreApplication::translate("onggictl", "Total reclaimed space: %1")
            .arg(client::ByteSize::formatDecimal(double(r.result.value(QLatin1String("reclaimed")).toInteger()))));
    return kExitOk;
}

}  // namespace onggi::cli

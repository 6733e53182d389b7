// onggictl history: how an image was built, newest first (images.history), with each layer's size.
#include "cli/commands.h"
#include "cli/human_time.h"
#include "cli/table_printer.h"
#include "client/byte_size.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdHistory(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("history"), QCoreApplication::translate("onggictl", "history [OPTIONS] IMAGE"),
                QCoreApplication::translate("onggictl", "Show the history of an image"));
    p.addFlag({QStringLiteral("no-trunc")}, QCoreApplication::translate("onggictl", "Don't truncate output"));
    p.setPositionalRange(1, 1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r =
        ctx.call(QStringLiteral("images.history"), {{QLatin1String("image"), p.positional().value(0)}});
    if (!r.ok()) return ctx.fail(r.error);
    const QJsonArray rows = r.result.value(QLatin1String("history")).toArray();
    if (ctx.json) {
        CliContext::printJson(rows);
        return kExitOk;
    }
    const bool noTrunc = p.isSet(QStringLiteral("no-trunc"));
    TablePrinter t(
        {QCoreApplication::translate("onggictl", "LAYER"), QCoreApplication::translate("onggictl", "CREATED"),
         QCoreApplication::translate("onggictl", "CREATED BY"), QCoreApplication::translate("onggictl", "SIZE"),
         QCoreApplication::translate("onggictl", "COMMENT")});
    for (const QJsonValue& v : rows) {
        const QJsonObject o = v.toObject();
        QString layer = o.value(QLatin1String("layer")).toString();
        layer = layer.isEmpty() ? QStringLiteral("<missing>") : (noTrunc ? layer : layer.mid(7, 12));
        QString by = o.value(QLatin1String("created_by")).toString();
        if (!noTrunc && by.size() > 45) by = by.left(44) + QChar(0x2026);
        t.addRow({layer, HumanTime::ago(o.value(QLatin1String("created")).toString()), by,
                  client::ByteSize::formatDecimal(double(o.value(QLatin1String("size")).toInteger())),
                  o.value(QLatin1String("comment")).toString()});
    }
    CliContext::out(t.toString());
    return kExitOk;
}

// onggictl image inspect: the image's record, config (entrypoint, cmd, env, exposed ports,
// labels) and layers, as JSON.
int cmdImageInspect(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("image inspect"),
                QCoreApplication::translate("onggictl", "image inspect IMAGE [IMAGE...]"),
                QCoreApplication::translate("onggictl", "Display detailed information on one or more images"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonArray out;
    rc = kExitOk;
    for (const QString& img : p.positional()) {
        client::RpcResult r = ctx.call(QStringLiteral("images.inspect"), {{QLatin1String("image"), img}});
        if (!r.ok()) rc = ctx.fail(r.error);
        else out.append(r.result.value(QLatin1String("image")));
    }
    CliContext::printJson(out);
    return rc;
}

// onggictl image SUBCOMMAND: docker's management command (inspect, history, pull, ls, rm).
int cmdImage(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("inspect")) return cmdImageInspect(ctx, rest);
    if (sub == QLatin1String("history")) return cmdHistory(ctx, rest);
    if (sub == QLatin1String("pull")) return cmdPull(ctx, rest);
    if (sub == QLatin1String("ls")) return cmdImages(ctx, rest);
    if (sub == QLatin1String("rm")) return cmdRmi(ctx, rest);
    if (sub == QLatin1String("tag")) return cmdTag(ctx, rest);
    if (sub == QLatin1String("prune")) return cmdImagePrune(ctx, rest);
    return ctx.failText(
        QCoreApplication::translate("onggictl", "Usage: onggictl image inspect|history|pull|ls|rm|tag|prune ..."));
}

}  // namespace onggi::cli

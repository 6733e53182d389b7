// onggictl system df: the disk used by images and containers, and what could be freed.
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "client/byte_size.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

namespace {

int cmdSystemDf(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("system df"), QCoreApplication::translate("onggictl", "system df [OPTIONS]"),
                QCoreApplication::translate("onggictl", "Show disk usage"));
    p.addFlag({QStringLiteral("v"), QStringLiteral("verbose")},
              QCoreApplication::translate("onggictl", "Show the size of each container"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r = ctx.call(QStringLiteral("system.df"));
    if (!r.ok()) return ctx.fail(r.error);
    if (ctx.json) {
        CliContext::printJson(r.result);
        return kExitOk;
    }
    auto bytes = [](const QJsonObject& o, const char* k) {
        return client::ByteSize::formatDecimal(double(o.value(QLatin1String(k)).toInteger()));
    };
    auto reclaim = [&](const QJsonObject& o) {
        const double size = double(o.value(QLatin1String("size")).toInteger());
        const double rec = double(o.value(QLatin1String("reclaimable")).toInteger());
        return bytes(o, "reclaimable") +
               (size > 0 ? QStringLiteral(" (%1%)").arg(qRound(100 * rec / size)) : QString());
    };
    const QJsonObject im = r.result.value(QLatin1String("images")).toObject();
    const QJsonObject co = r.result.value(QLatin1String("containers")).toObject();
    TablePrinter t({QCoreApplication::translate("onggictl", "TYPE"), QCoreApplication::translate("onggictl", "TOTAL"),
                    QCoreApplication::translate("onggictl", "ACTIVE"), QCoreApplication::translate("onggictl", "SIZE"),
                    QCoreApplication::translate("onggictl", "RECLAIMABLE")});
    t.addRow({QCoreApplication::translate("onggictl", "Images"),
              QString::number(im.value(QLatin1String("count")).toInt()),
              QString::number(im.value(QLatin1String("active")).toInt()), bytes(im, "size"), reclaim(im)});
    t.addRow({QCoreApplication::translate("onggictl", "Containers"),
              QString::number(co.value(QLatin1String("count")).toInt()),
              QString::number(co.value(QLatin1String("active")).toInt()), bytes(co, "size"), reclaim(co)});
    CliContext::out(t.toString());
    if (p.isSet(QStringLiteral("verbose"))) {
        TablePrinter c(
            {QCoreApplication::translate("onggictl", "CONTAINER ID"), QCoreApplication::translate("onggictl", "NAMES"),
             QCoreApplication::translate("onggictl", "STATUS"), QCoreApplication::translate("onggictl", "SIZE")});
        for (const QJsonValue& v : co.value(QLatin1String("list")).toArray()) {
            const QJsonObject o = v.toObject();
            c.addRow({o.value(QLatin1String("id")).toString().left(12), o.value(QLatin1String("name")).toString(),
                      o.value(QLatin1String("state")).toString(), bytes(o, "size")});
        }
        CliContext::outLine(QString());
        CliContext::out(c.toString());
    }
    return kExitOk;
}

}  // namespace

int cmdSystem(CliContext& ctx, const QStringList& args)
{
    if (args.value(0) == QLatin1String("df")) return cmdSystemDf(ctx, args.mid(1));
    return ctx.failText(QCoreApplication::translate("onggictl", "Usage: onggictl system df"));
}

}  // namespace onggi::cli

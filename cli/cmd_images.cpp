// onggictl images: the images in the helper's store.
#include "cli/commands.h"
#include "cli/human_time.h"
#include "cli/table_printer.h"
#include "client/byte_size.h"
#include "client/image_info.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdImages(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("images"), QCoreApplication::translate("onggictl", "images [OPTIONS]"),
                QCoreApplication::translate("onggictl", "List images"));
    p.addFlag({QStringLiteral("q"), QStringLiteral("quiet")},
              QCoreApplication::translate("onggictl", "Only show image IDs"));
    p.addFlag({QStringLiteral("no-trunc")}, QCoreApplication::translate("onggictl", "Don't truncate output"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r = ctx.call(QStringLiteral("images.list"));
    if (!r.ok()) return ctx.fail(r.error);
    const QJsonArray list = r.result.value(QLatin1String("images")).toArray();
    if (ctx.json) {
        CliContext::printJson(list);
        return kExitOk;
    }
    const bool noTrunc = p.isSet(QStringLiteral("no-trunc"));
    auto shortId = [&](const QString& id) {
        if (noTrunc) return id;
        QString h = id.startsWith(QLatin1String("sha256:")) ? id.mid(7) : id;
        return h.left(12);
    };
    if (p.isSet(QStringLiteral("quiet"))) {
        for (const QJsonValue& v : list) CliContext::outLine(shortId(client::ImageInfo::fromJson(v.toObject()).id));
        return kExitOk;
    }
    TablePrinter t({QCoreApplication::translate("onggictl", "REPOSITORY"),
                    QCoreApplication::translate("onggictl", "TAG"), QCoreApplication::translate("onggictl", "IMAGE ID"),
                    QCoreApplication::translate("onggictl", "CREATED"), QCoreApplication::translate("onggictl", "SIZE"),
                    QCoreApplication::translate("onggictl", "SHARED SIZE")});
    for (const QJsonValue& v : list) {
        const auto i = client::ImageInfo::fromJson(v.toObject());
        t.addRow({i.name, i.tag.isEmpty() ? QStringLiteral("<none>") : i.tag, shortId(i.id), HumanTime::ago(i.created),
                  client::ByteSize::formatDecimal(double(i.size)),
                  client::ByteSize::formatDecimal(double(i.raw.value(QLatin1String("shared_size")).toInteger()))});
    }
    CliContext::out(t.toString());
    return kExitOk;
}

}  // namespace onggi::cli

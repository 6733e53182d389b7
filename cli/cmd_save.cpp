// onggictl save -o FILE IMAGE [IMAGE...]: docker save. The helper writes FILE with this user's
// own rights (docs/protocol.md images.save); the archive is docker-save and OCI layout at once.
// Progress on stderr (packing layers, then writing), unless -q or --json.
#include "cli/archive_progress_view.h"
#include "cli/commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace onggi::cli {

int cmdSave(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("save"), QCoreApplication::translate("onggictl", "save -o FILE IMAGE [IMAGE...]"),
                QCoreApplication::translate("onggictl",
                                            "Save one or more images to a tar archive (docker save and OCI layout)"));
    p.addOption({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("FILE"),
                QCoreApplication::translate("onggictl", "Write to this file"));
    p.addFlag({QStringLiteral("q"), QStringLiteral("quiet")},
              QCoreApplication::translate("onggictl", "Suppress the save progress"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const QString out = p.value(QStringLiteral("output"));
    if (out.isEmpty()) {
        CliContext::errLine(QCoreApplication::translate("onggictl", "save: name the archive with -o FILE"));
        return kExitCliError;
    }
    QJsonArray images;
    for (const QString& i : p.positional()) images.append(i);
    const bool progress = !p.isSet(QStringLiteral("quiet")) && !ctx.json;
    client::RpcResult r = callWithArchiveProgress(ctx, QStringLiteral("images.save"),
                                                  {{QLatin1String("images"), images},
                                                   {QLatin1String("path"), QFileInfo(out).absoluteFilePath()},
                                                   {QLatin1String("progress"), progress}});
    if (!r.ok()) return ctx.fail(r.error);
    if (r.result.value(QLatin1String("rewritten")).toBool())
        CliContext::errLine(QCoreApplication::translate(
                                "onggictl", "Note: the layers were packed anew, so the saved image has the ID %1.")
                                .arg(r.result.value(QLatin1String("id")).toString()));
    return kExitOk;
}

}  // namespace onggi::cli

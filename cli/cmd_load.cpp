// onggictl load -i FILE: docker load of a docker-save or OCI layout tar (plain, gzip or zstd).
// The helper reads FILE with this user's own rights; loading is root only (names are shared).
// Progress on stderr as docker/podman show it (cli/archive_progress_view.h), unless -q or --json.
#include "cli/archive_progress_view.h"
#include "cli/commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace onggi::cli {

int cmdLoad(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("load"), QCoreApplication::translate("onggictl", "load -i FILE"),
                QCoreApplication::translate("onggictl", "Load images from a tar archive (docker save or OCI layout)"));
    p.addOption({QStringLiteral("i"), QStringLiteral("input")}, QStringLiteral("FILE"),
                QCoreApplication::translate("onggictl", "Read from this file"));
    p.addFlag({QStringLiteral("q"), QStringLiteral("quiet")},
              QCoreApplication::translate("onggictl", "Suppress the load progress"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const QString in = p.value(QStringLiteral("input"));
    if (in.isEmpty()) {
        CliContext::errLine(QCoreApplication::translate("onggictl", "load: name the archive with -i FILE"));
        return kExitCliError;
    }
    const bool progress = !p.isSet(QStringLiteral("quiet")) && !ctx.json;
    client::RpcResult r = callWithArchiveProgress(
        ctx, QStringLiteral("images.load"),
        {{QLatin1String("path"), QFileInfo(in).absoluteFilePath()}, {QLatin1String("progress"), progress}});
    if (!r.ok()) return ctx.fail(r.error);
    for (const auto& v : r.result.value(QLatin1String("images")).toArray()) {
        const QJsonObject img = v.toObject();
        const QJsonArray tags = img.value(QLatin1String("repo_tags")).toArray();
        if (tags.isEmpty())
            CliContext::outLine(QCoreApplication::translate("onggictl", "Loaded image ID: %1")
                                    .arg(img.value(QLatin1String("id")).toString()));
        for (const auto& t : tags)
            CliContext::outLine(QCoreApplication::translate("onggictl", "Loaded image: %1").arg(t.toString()));
    }
    return kExitOk;
}

}  // namespace onggi::cli

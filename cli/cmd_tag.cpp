// onggictl tag SOURCE_IMAGE TARGET_IMAGE[:TAG]: another name for an image (root only).
#include "cli/commands.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdTag(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("tag"),
                QCoreApplication::translate("onggictl", "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"),
                QCoreApplication::translate("onggictl", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"));
    p.setPositionalRange(2, 2);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r = ctx.call(QStringLiteral("images.tag"), {{QLatin1String("image"), p.positional().at(0)},
                                                                  {QLatin1String("target"), p.positional().at(1)}});
    if (!r.ok()) return ctx.fail(r.error);
    return kExitOk;
}

}  // namespace onggi::cli

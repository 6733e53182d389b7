// onggictl rmi: remove images (refused while a container uses one).
#include "cli/commands.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdRmi(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("rmi"), QCoreApplication::translate("onggictl", "rmi [OPTIONS] IMAGE [IMAGE...]"),
                QCoreApplication::translate("onggictl", "Remove one or more images"));
    p.addFlag({QStringLiteral("f"), QStringLiteral("force")},
              QCoreApplication::translate("onggictl", "Force removal of the image"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    if (!ctx.ensureConnected()) return kExitCliError;
    QList<client::RpcReply*> replies;
    for (const QString& img : p.positional())
        replies << ctx.send(
            QStringLiteral("images.remove"),
            {{QLatin1String("image"), img}, {QLatin1String("force"), p.isSet(QStringLiteral("force"))}});
    rc = kExitOk;
    for (int i = 0; i < replies.size(); ++i) {
        ctx.client().waitForReply(replies.at(i));
        if (replies.at(i)->isError()) rc = ctx.fail(replies.at(i)->error());
        else CliContext::outLine(QCoreApplication::translate("onggictl", "Deleted: %1").arg(p.positional().at(i)));
        delete replies.at(i);
    }
    return rc;
}

}  // namespace onggi::cli

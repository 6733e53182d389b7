// onggictl attach: the local terminal on a running terminal container's own terminal (its
// main process), as docker attach. ctrl-p ctrl-q detaches and leaves it running; when the
// container exits, onggictl exits with its exit code.
#include "cli/commands.h"
#include "cli/container_runner.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdAttach(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("attach"), QCoreApplication::translate("onggictl", "attach [OPTIONS] CONTAINER"),
                QCoreApplication::translate("onggictl", "Attach the local terminal to a running container's terminal"));
    p.addFlag({QStringLiteral("no-stdin")}, QCoreApplication::translate("onggictl", "Do not attach STDIN"));
    p.setPositionalRange(1, 1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    if (!ctx.ensureConnected()) return kExitCliError;
    const QString name = p.positional().at(0);
    client::HelperClient& c = ctx.client();
    // Pipelined: the wait is registered right after the attach, so no exit can slip between.
    client::RpcReply* attached = c.attach(name);
    client::RpcReply* wait = c.waitForExit(name);
    c.waitForReply(attached);
    if (attached->isError()) {
        const int code = ctx.fail(attached->error(), kExitFailure);
        delete attached;
        delete wait;
        return code;
    }
    const int fd = attached->takeFd();
    delete attached;
    if (fd < 0) {
        delete wait;
        return ctx.failText(QCoreApplication::translate("onggictl", "the helper sent no terminal for the session"));
    }
    return ContainerRunner::attachSession(ctx, name, fd, wait, !p.isSet(QStringLiteral("no-stdin")));
}

}  // namespace onggi::cli

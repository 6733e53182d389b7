// onggictl create: write a container's config without starting it; prints the id.
#include "cli/commands.h"
#include "cli/container_runner.h"
#include "cli/create_flags.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdCreate(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("create"),
                QCoreApplication::translate("onggictl", "create [OPTIONS] IMAGE [COMMAND] [ARG...]"),
                QCoreApplication::translate("onggictl", "Create a new container"));
    CreateFlags::add(p, false);
    p.setStopAtFirstPositional(true);
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::CreateOptions opts;
    QString error;
    if (!CreateFlags::build(p, opts, &error)) return ctx.failText(error);
    if (opts.security.privileged)
        CliContext::errLine(QCoreApplication::translate(
            "onggictl", "WARNING: --privileged gives the container every capability and no seccomp filter; "
                        "a process inside can take over the host."));
    client::RpcResult r = createPullingIfAbsent(ctx, opts.toJson());
    if (!r.ok()) return ctx.fail(r.error, kExitCliError);
    if (ctx.json) CliContext::printJson(r.result);
    else CliContext::outLine(r.result.value(QLatin1String("id")).toString());
    return kExitOk;
}

}  // namespace onggi::cli

// onggictl run: create + start a container; attached (default) it streams the output and exits
// with the container's exit code; -d prints the id; -it runs an interactive terminal session.
#include "cli/commands.h"
#include "cli/container_runner.h"
#include "cli/create_flags.h"

#include <QCoreApplication>

namespace onggi::cli {

int cmdRun(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("run"),
                QCoreApplication::translate("onggictl", "run [OPTIONS] IMAGE [COMMAND] [ARG...]"),
                QCoreApplication::translate("onggictl", "Create and run a new container from an image"));
    CreateFlags::add(p, true);
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
    if (p.isSet(QStringLiteral("rm")) && !opts.restart.isEmpty() && opts.restart != QLatin1String("no"))
        return ctx.failText(QCoreApplication::translate("onggictl", "conflicting options: --restart and --rm"));
    return ContainerRunner::run(ctx, opts, p.isSet(QStringLiteral("detach")), p.isSet(QStringLiteral("rm")),
                                p.isSet(QStringLiteral("interactive")));
}

}  // namespace onggi::cli

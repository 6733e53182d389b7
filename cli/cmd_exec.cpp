// onggictl exec: run a command in a running container. Without -t the helper collects the
// output; with -t it passes a pty master (SCM_RIGHTS) and the terminal is relayed here.
#include "cli/commands.h"
#include "cli/container_runner.h"
#include "cli/pty_relay.h"
#include "client/exec_result.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cstdio>

namespace onggi::cli {

int cmdExec(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("exec"),
                QCoreApplication::translate("onggictl", "exec [OPTIONS] CONTAINER COMMAND [ARG...]"),
                QCoreApplication::translate("onggictl", "Execute a command in a running container"));
    p.addFlag({QStringLiteral("i"), QStringLiteral("interactive")},
              QCoreApplication::translate("onggictl", "Keep STDIN open"));
    p.addFlag({QStringLiteral("t"), QStringLiteral("tty")},
              QCoreApplication::translate("onggictl", "Allocate a pseudo-TTY"));
    p.addFlag({QStringLiteral("d"), QStringLiteral("detach")},
              QCoreApplication::translate("onggictl", "Detached mode: not supported, rejected"));
    p.addOption({QStringLiteral("e"), QStringLiteral("env")}, QStringLiteral("list"),
                QCoreApplication::translate("onggictl", "Set environment variables"));
    p.addOption({QStringLiteral("w"), QStringLiteral("workdir")}, QStringLiteral("string"),
                QCoreApplication::translate("onggictl", "Working directory inside the container"));
    p.addOption(
        {QStringLiteral("u"), QStringLiteral("user")}, QStringLiteral("user[:group]"),
        QCoreApplication::translate("onggictl", "User to run as: a name or UID, and optionally a group name or GID"));
    p.setStopAtFirstPositional(true);
    p.setPositionalRange(2, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    if (p.isSet(QStringLiteral("detach")))
        return ctx.failText(QCoreApplication::translate("onggictl", "exec -d is not supported"));
    const bool tty = p.isSet(QStringLiteral("tty"));
    QJsonObject params{{QLatin1String("id"), p.positional().at(0)},
                       {QLatin1String("cmd"), QJsonArray::fromStringList(p.positional().mid(1))},
                       {QLatin1String("tty"), tty}};
    if (p.isSet(QStringLiteral("env")))
        params.insert(QLatin1String("env"), QJsonArray::fromStringList(p.values(QStringLiteral("env"))));
    if (p.isSet(QStringLiteral("workdir"))) params.insert(QLatin1String("workdir"), p.value(QStringLiteral("workdir")));
    if (p.isSet(QStringLiteral("user"))) params.insert(QLatin1String("user"), p.value(QStringLiteral("user")));
    client::RpcResult r = ctx.call(QStringLiteral("container.exec"), params, tty);
    if (!r.ok())
        return ctx.fail(r.error, r.error.errc == QLatin1String("not_found")
                                     ? kExitFailure
                                     : ContainerRunner::startFailureCode(r.error));
    if (!tty) {
        const client::ExecResult e = client::ExecResult::fromJson(r.result);
        if (ctx.json) {
            CliContext::printJson(r.result);
            return e.exitCode;
        }
        std::fwrite(e.stdoutData.constData(), 1, size_t(e.stdoutData.size()), stdout);
        std::fflush(stdout);
        std::fwrite(e.stderrData.constData(), 1, size_t(e.stderrData.size()), stderr);
        if (e.truncated)
            CliContext::errLine(
                QCoreApplication::translate("onggictl", "onggictl: output truncated by the helper (over 4 MiB)"));
        return e.exitCode;
    }
    if (r.fd < 0)
        return ctx.failText(QCoreApplication::translate("onggictl", "the helper sent no terminal for the session"));
    if (!PtyRelay::run(r.fd, ctx.client())) return ctx.fail(ctx.client().lastError(), kExitCliError);
    client::RpcResult w = ctx.call(QStringLiteral("container.exec.wait"),
                                   {{QLatin1String("exec_id"), r.result.value(QLatin1String("exec_id"))}});
    if (!w.ok()) return ctx.fail(w.error, kExitCliError);
    return w.result.value(QLatin1String("exit_code")).toInt();
}

}  // namespace onggi::cli

// onggictl top: the processes of a container, with their ids inside and on the host.
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "client/process_info.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdTop(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("top"), QCoreApplication::translate("onggictl", "top CONTAINER"),
                QCoreApplication::translate("onggictl", "Display the running processes of a container"));
    p.setPositionalRange(1, 1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r = ctx.call(QStringLiteral("container.top"), {{QLatin1String("id"), p.positional().at(0)}});
    if (!r.ok()) return ctx.fail(r.error);
    const QJsonArray list = r.result.value(QLatin1String("processes")).toArray();
    if (ctx.json) {
        CliContext::printJson(list);
        return kExitOk;
    }
    //: PID = process id inside the container; HOST PID = the same process's id on the host
    TablePrinter t({QCoreApplication::translate("onggictl", "PID"), QCoreApplication::translate("onggictl", "HOST PID"),
                    QCoreApplication::translate("onggictl", "UID"), QCoreApplication::translate("onggictl", "STATE"),
                    QCoreApplication::translate("onggictl", "CMD")});
    for (const QJsonValue& v : list) {
        const auto pi = client::ProcessInfo::fromJson(v.toObject());
        t.addRow({QString::number(pi.pid), QString::number(pi.hostPid), QString::number(pi.uid), pi.state, pi.cmd});
    }
    CliContext::out(t.toString());
    return kExitOk;
}

}  // namespace onggi::cli

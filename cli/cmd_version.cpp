// onggictl version: this client, the helper and the protocol they speak.
#include "cli/commands.h"
#include "client/byte_size.h"
#include "client/container_summary.h"
#include "client/host_info.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdVersion(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("version"), QCoreApplication::translate("onggictl", "version"),
                QCoreApplication::translate("onggictl", "Show the onggictl and helper version information"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const QString clientVersion = QCoreApplication::applicationVersion();
    client::RpcResult r;
    if (ctx.ensureConnected())
        r = ctx.call(QStringLiteral("hello"), {{QLatin1String("client"), QStringLiteral("onggictl/") + clientVersion},
                                               {QLatin1String("protocol"), client::HelperClient::kProtocolVersion}});
    else r.error = ctx.client().lastError();
    if (ctx.json) {
        QJsonObject o{{QLatin1String("client"),
                       QJsonObject{{QLatin1String("version"), clientVersion},
                                   {QLatin1String("protocol"), client::HelperClient::kProtocolVersion}}}};
        if (r.ok()) o.insert(QLatin1String("helper"), r.result);
        CliContext::printJson(o);
    } else {
        CliContext::outLine(QCoreApplication::translate("onggictl", "Client:"));
        CliContext::outLine(QCoreApplication::translate("onggictl", " Version:     %1").arg(clientVersion));
        CliContext::outLine(
            QCoreApplication::translate("onggictl", " Protocol:    %1").arg(client::HelperClient::kProtocolVersion));
        if (r.ok()) {
            const auto h = client::HelloInfo::fromJson(r.result);
            CliContext::outLine(QString());
            CliContext::outLine(QCoreApplication::translate("onggictl", "Helper:"));
            CliContext::outLine(QCoreApplication::translate("onggictl", " Version:     %1").arg(h.helperVersion));
            CliContext::outLine(QCoreApplication::translate("onggictl", " Protocol:    %1").arg(h.protocol));
            CliContext::outLine(QCoreApplication::translate("onggictl", " Kernel:      %1").arg(h.host.kernel));
            CliContext::outLine(QCoreApplication::translate("onggictl", " Cgroups:     %1").arg(h.host.cgroupMode));
        }
    }
    if (!r.ok()) return ctx.fail(r.error, kExitFailure);
    return kExitOk;
}

}  // namespace onggi::cli

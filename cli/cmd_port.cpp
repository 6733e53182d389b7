// onggictl port: the published ports of a container (docker port), "80/tcp -> 0.0.0.0:32768",
// or the host address of one container port.
#include "cli/commands.h"
#include "client/network_info.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdPort(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("port"),
                QCoreApplication::translate("onggictl", "port CONTAINER [PRIVATE_PORT[/PROTO]]"),
                QCoreApplication::translate("onggictl", "List port mappings or a specific mapping for the container"));
    p.setPositionalRange(1, 2);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    int wantPort = 0;
    QString wantProto;
    if (p.positional().size() == 2) {
        const QString spec = p.positional().at(1);
        const QString num = spec.section(QLatin1Char('/'), 0, 0);
        wantProto =
            spec.contains(QLatin1Char('/')) ? spec.section(QLatin1Char('/'), 1).toLower() : QStringLiteral("tcp");
        bool ok = false;
        wantPort = num.toInt(&ok);
        if (!ok || wantPort < 1 || wantPort > 65535 ||
            (wantProto != QLatin1String("tcp") && wantProto != QLatin1String("udp")))
            return ctx.failText(
                QCoreApplication::translate("onggictl", "invalid port '%1': expected PORT[/tcp|/udp]").arg(spec));
    }
    client::RpcResult r = ctx.call(QStringLiteral("container.inspect"), {{QLatin1String("id"), p.positional().at(0)}});
    if (!r.ok()) return ctx.fail(r.error);
    const auto view = client::ContainerNetworkView::fromJson(r.result.value(QLatin1String("network")).toObject());
    QJsonArray json;
    QString text;
    for (const auto& m : view.ports) {
        if (wantPort && (m.containerPort != wantPort || m.protocol != wantProto)) continue;
        const QString host = (m.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : m.hostIp) + QLatin1Char(':') +
                             QString::number(m.hostPort);
        json.append(QJsonObject{{QLatin1String("container_port"), m.containerPort},
                                {QLatin1String("protocol"), m.protocol},
                                {QLatin1String("host_ip"), m.hostIp},
                                {QLatin1String("host_port"), m.hostPort}});
        text += wantPort ? host + QLatin1Char('\n')
                         : QString::number(m.containerPort) + QLatin1Char('/') + m.protocol + QLatin1String(" -> ") +
                               host + QLatin1Char('\n');
    }
    if (ctx.json) {
        CliContext::printJson(json);
        return kExitOk;
    }
    if (wantPort && json.isEmpty())
        return ctx.failText(QCoreApplication::translate("onggictl", "no public port '%1' published for %2")
                                .arg(QString::number(wantPort) + QLatin1Char('/') + wantProto, p.positional().at(0)),
                            kExitFailure);
    CliContext::out(text);
    return kExitOk;
}

}  // namespace onggi::cli

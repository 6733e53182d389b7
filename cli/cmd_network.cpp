// onggictl network: create, ls, inspect, rm, connect, disconnect (docker's words).
#include "cli/commands.h"
#include "cli/human_time.h"
#include "cli/table_printer.h"
#include "client/network_info.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

namespace {

int networkCreate(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("network create"),
                QCoreApplication::translate("onggictl", "network create [OPTIONS] NETWORK"),
                QCoreApplication::translate("onggictl", "Create a network"));
    p.addOption({QStringLiteral("subnet")}, QStringLiteral("cidr"),
                QCoreApplication::translate("onggictl", "Subnet in CIDR form (default: a free 10.89.N.0/24)"));
    p.addOption({QStringLiteral("gateway")}, QStringLiteral("address"),
                QCoreApplication::translate("onggictl", "The bridge's address (default: the subnet's first)"));
    p.setPositionalRange(1, 1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject params{{QLatin1String("name"), p.positional().at(0)}};
    if (p.isSet(QStringLiteral("subnet"))) params.insert(QLatin1String("subnet"), p.value(QStringLiteral("subnet")));
    if (p.isSet(QStringLiteral("gateway"))) params.insert(QLatin1String("gateway"), p.value(QStringLiteral("gateway")));
    client::RpcResult r = ctx.call(QStringLiteral("network.create"), params);
    if (!r.ok()) return ctx.fail(r.error);
    if (ctx.json) CliContext::printJson(r.result);
    else CliContext::outLine(r.result.value(QLatin1String("id")).toString());
    return kExitOk;
}

int networkLs(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("network ls"), QCoreApplication::translate("onggictl", "network ls [OPTIONS]"),
                QCoreApplication::translate("onggictl", "List networks"));
    p.addFlag({QStringLiteral("q"), QStringLiteral("quiet")},
              QCoreApplication::translate("onggictl", "Only show network names"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r = ctx.call(QStringLiteral("network.list"));
    if (!r.ok()) return ctx.fail(r.error);
    const QJsonArray list = r.result.value(QLatin1String("networks")).toArray();
    if (ctx.json) {
        CliContext::printJson(list);
        return kExitOk;
    }
    if (p.isSet(QStringLiteral("quiet"))) {
        for (const QJsonValue& v : list) CliContext::outLine(client::NetworkInfo::fromJson(v.toObject()).name);
        return kExitOk;
    }
    TablePrinter t({QCoreApplication::translate("onggictl", "NAME"), QCoreApplication::translate("onggictl", "BRIDGE"),
                    QCoreApplication::translate("onggictl", "SUBNET"),
                    QCoreApplication::translate("onggictl", "GATEWAY"),
                    QCoreApplication::translate("onggictl", "CONTAINERS")});
    for (const QJsonValue& v : list) {
        const auto n = client::NetworkInfo::fromJson(v.toObject());
        t.addRow({n.isDefault ? QCoreApplication::translate("onggictl", "%1 (default)").arg(n.name) : n.name, n.bridge,
                  n.subnet, n.gateway, QString::number(n.containers)});
    }
    CliContext::out(t.toString());
    return kExitOk;
}

int networkInspect(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("network inspect"),
                QCoreApplication::translate("onggictl", "network inspect NETWORK [NETWORK...]"),
                QCoreApplication::translate("onggictl", "Display detailed information on networks"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonArray out;
    rc = kExitOk;
    for (const QString& n : p.positional()) {
        client::RpcResult r = ctx.call(QStringLiteral("network.inspect"), {{QLatin1String("name"), n}});
        if (!r.ok()) rc = ctx.fail(r.error);
        else out.append(r.result);
    }
    CliContext::printJson(out);
    return rc;
}

int networkRm(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("network rm"),
                QCoreApplication::translate("onggictl", "network rm NETWORK [NETWORK...]"),
                QCoreApplication::translate("onggictl", "Remove networks"));
    p.setPositionalRange(1, -1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    rc = kExitOk;
    for (const QString& n : p.positional()) {
        client::RpcResult r = ctx.call(QStringLiteral("network.remove"), {{QLatin1String("name"), n}});
        if (!r.ok()) rc = ctx.fail(r.error);
        else CliContext::outLine(n);
    }
    return rc;
}

int networkConnect(CliContext& ctx, const QStringList& args, bool connect)
{
    ArgParser p(connect ? QStringLiteral("network connect") : QStringLiteral("network disconnect"),
                connect ? QCoreApplication::translate("onggictl", "network connect NETWORK CONTAINER")
                        : QCoreApplication::translate("onggictl", "network disconnect NETWORK CONTAINER"),
                connect ? QCoreApplication::translate("onggictl", "Connect a container to a network")
                        : QCoreApplication::translate("onggictl", "Disconnect a container from a network"));
    p.setPositionalRange(2, 2);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    client::RpcResult r = ctx.call(
        connect ? QStringLiteral("network.connect") : QStringLiteral("network.disconnect"),
        {{QLatin1String("network"), p.positional().at(0)}, {QLatin1String("container"), p.positional().at(1)}});
    if (!r.ok()) return ctx.fail(r.error);
    return kExitOk;
}

}  // namespace

int cmdNetwork(CliContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("create")) return networkCreate(ctx, rest);
    if (sub == QLatin1String("ls") || sub == QLatin1String("list")) return networkLs(ctx, rest);
    if (sub == QLatin1String("inspect")) return networkInspect(ctx, rest);
    if (sub == QLatin1String("rm") || sub == QLatin1String("remove")) return networkRm(ctx, rest);
    if (sub == QLatin1String("connect")) return networkConnect(ctx, rest, true);
    if (sub == QLatin1String("disconnect")) return networkConnect(ctx, rest, false);
    const QString usage =
        QCoreApplication::translate("onggictl", "Usage:  onggictl network COMMAND") + QLatin1String("\n\n") +
        QCoreApplication::translate("onggictl", "Manage networks") + QLatin1String("\n\n") +
        QCoreApplication::translate("onggictl", "Commands:") + QLatin1Char('\n') + QLatin1String("  connect     ") +
        QCoreApplication::translate("onggictl", "Connect a container to a network") + QLatin1Char('\n') +
        QLatin1String("  create      ") + QCoreApplication::translate("onggictl", "Create a network") +
        QLatin1Char('\n') + QLatin1String("  disconnect  ") +
        QCoreApplication::translate("onggictl", "Disconnect a container from a network") + QLatin1Char('\n') +
        QLatin1String("  inspect     ") +
        QCoreApplication::translate("onggictl", "Display detailed information on networks") + QLatin1Char('\n') +
        QLatin1String("  ls          ") + QCoreApplication::translate("onggictl", "List networks") + QLatin1Char('\n') +
        QLatin1String("  rm          ") + QCoreApplication::translate("onggictl", "Remove networks") +
        QLatin1Char('\n');
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        CliContext::out(usage);
        return sub.isEmpty() ? kExitCliError : kExitOk;
    }
    return ctx.failText(QCoreApplication::translate("onggictl", "onggictl network: unknown command \"%1\"").arg(sub) +
                        QLatin1Char('\n') + usage);
}

}  // namespace onggi::cli

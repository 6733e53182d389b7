// onggictl events: container and image events as they happen (events.subscribe), until interrupted.
#include "cli/commands.h"
#include "client/event.h"

#include <QCoreApplication>

#include <cstdio>

namespace onggi::cli {

int cmdEvents(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("events"), QCoreApplication::translate("onggictl", "events [OPTIONS]"),
                QCoreApplication::translate("onggictl", "Get real time events from the helper"));
    p.addOption(
        {QStringLiteral("f"), QStringLiteral("filter")}, QStringLiteral("filter"),
        QCoreApplication::translate("onggictl", "Filter output: container=<name or id>, type=container or type=image"));
    p.addOption({QStringLiteral("format")}, QStringLiteral("string"),
                QCoreApplication::translate("onggictl", "Output format: json for one object a line"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject params, filters;
    for (const QString& f : p.values(QStringLiteral("filter"))) {
        if (f.startsWith(QLatin1String("container=")) && f.size() > 10) filters.insert(QLatin1String("id"), f.mid(10));
        else if (f == QLatin1String("type=container") || f == QLatin1String("type=image"))
            filters.insert(QLatin1String("type"), f.mid(5));
        else
            return ctx.failText(
                QCoreApplication::translate(
                    "onggictl",
                    "invalid filter \"%1\": supported are container=<name or id>, type=container and type=image")
                    .arg(f));
    }
    if (!filters.isEmpty()) params.insert(QLatin1String("filters"), filters);
    const bool asJson = ctx.json || p.value(QStringLiteral("format")) == QLatin1String("json");
    client::HelperClient& c = ctx.client();
    qint64 subId = -2;
    QObject::connect(&c, &client::HelperClient::eventReceived, [&](const client::Event& e) {
        if (e.subscription != subId) return;
        if (asJson) {
            CliContext::printJson(e.raw, false);
        } else {
            QStringList attrs;
            if (!e.name.isEmpty()) attrs << QStringLiteral("name=") + e.name;
            for (auto it = e.attributes.begin(); it != e.attributes.end(); ++it)
                attrs << it.key() + QLatin1Char('=') + it.value();
            CliContext::outLine(QStringLiteral("%1 %2 %3 %4 (%5)")
                                    .arg(e.time, e.type, e.action, e.id, attrs.join(QStringLiteral(", "))));
        }
        std::fflush(stdout);
    });
    client::RpcResult r = ctx.call(QStringLiteral("events.subscribe"), params);
    if (!r.ok()) return ctx.fail(r.error);
    subId = r.result.value(QLatin1String("subscription")).toInteger();
    for (;;) {
        if (!c.waitForActivity(-1) && !c.isConnected()) return ctx.fail(c.lastError());
    }
}

}  // namespace onggi::cli

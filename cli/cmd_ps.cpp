// onggictl ps: list containers (docker's columns).
#include "cli/commands.h"
#include "cli/human_time.h"
#include "cli/table_printer.h"
#include "client/container_summary.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

namespace {

QString status(const client::ContainerSummary& c)
{
    auto since = [](const QString& t) {
        const QDateTime d = HumanTime::parse(t);
        return d.isValid() ? HumanTime::duration(qMax<qint64>(0, d.secsTo(QDateTime::currentDateTimeUtc())))
                           : QString();
    };
    if (c.state == QLatin1String("running"))
        return QCoreApplication::translate("onggictl", "Up %1").arg(since(c.startedAt));
    if (c.state == QLatin1String("paused"))
        return QCoreApplication::translate("onggictl", "Up %1 (Paused)").arg(since(c.startedAt));
    if (c.state == QLatin1String("exited")) {
        QString s =
            QCoreApplication::translate("onggictl", "Exited (%1) %2").arg(c.exitCode).arg(HumanTime::ago(c.finishedAt));
        if (c.oomKilled) s += QCoreApplication::translate("onggictl", " (OOM killed)");
        return s.trimmed();
    }
    if (c.state == QLatin1String("created")) return QCoreApplication::translate("onggictl", "Created");
    return c.state;
}
}  // namespace

int cmdPs(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("ps"), QCoreApplication::translate("onggictl", "ps [OPTIONS]"),
                QCoreApplication::translate("onggictl", "List containers"));
    p.addFlag({QStringLiteral("a"), QStringLiteral("all")},
              QCoreApplication::translate("onggictl", "Show all containers (default shows just running)"));
    p.addFlag({QStringLiteral("q"), QStringLiteral("quiet")},
              QCoreApplication::translate("onggictl", "Only display container IDs"));
    p.addFlag({QStringLiteral("no-trunc")}, QCoreApplication::translate("onggictl", "Don't truncate output"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const bool noTrunc = p.isSet(QStringLiteral("no-trunc"));
    client::RpcResult r =
        ctx.call(QStringLiteral("container.list"), {{QLatin1String("all"), p.isSet(QStringLiteral("all"))}});
    if (!r.ok()) return ctx.fail(r.error);
    const QJsonArray list = r.result.value(QLatin1String("containers")).toArray();
    if (ctx.json) {
        CliContext::printJson(list);
        return kExitOk;
    }
    if (p.isSet(QStringLiteral("quiet"))) {
        for (const QJsonValue& v : list) {
            const auto c = client::ContainerSummary::fromJson(v.toObject());
            CliContext::outLine(noTrunc ? c.id : c.shortId);
        }
        return kExitOk;
    }
    TablePrinter t(
        {QCoreApplication::translate("onggictl", "CONTAINER ID"), QCoreApplication::translate("onggictl", "IMAGE"),
         QCoreApplication::translate("onggictl", "COMMAND"), QCoreApplication::translate("onggictl", "CREATED"),
         QCoreApplication::translate("onggictl", "STATUS"), QCoreApplication::translate("onggictl", "NAMES")});
    for (const QJsonValue& v : list) {
        const auto c = client::ContainerSummary::fromJson(v.toObject());
        QString cmd = c.command;
        if (!noTrunc && cmd.size() > 20) cmd = cmd.left(19) + QChar(0x2026);
        t.addRow({noTrunc ? c.id : c.shortId, c.image, QLatin1Char('"') + cmd + QLatin1Char('"'),
                  HumanTime::ago(c.created), status(c), c.name});
    }
    CliContext::out(t.toString());
    return kExitOk;
}

}  // namespace onggi::cli

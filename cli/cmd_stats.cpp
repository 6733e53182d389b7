// onggictl stats: live resource use (stats.subscribe frames), docker's table; --no-stream
// prints one frame (the second, so that rates are measured), --format json one object a line.
#include "cli/commands.h"
#include "cli/table_printer.h"
#include "client/byte_size.h"
#include "client/container_summary.h"
#include "client/sample.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <cstdio>
#include <unistd.h>

namespace onggi::cli {

namespace {

QString pct(double v) { return QString::number(v, 'f', 2) + QLatin1Char('%'); }
}  // namespace

int cmdStats(CliContext& ctx, const QStringList& args)
{
    ArgParser p(
        QStringLiteral("stats"), QCoreApplication::translate("onggictl", "stats [OPTIONS] [CONTAINER...]"),
        QCoreApplication::translate("onggictl", "Display a live stream of container(s) resource usage statistics"));
    p.addFlag({QStringLiteral("no-stream")},
              QCoreApplication::translate("onggictl", "Disable streaming stats and only pull the first result"));
    p.addOption({QStringLiteral("format")}, QStringLiteral("string"),
                QCoreApplication::translate("onggictl", "Output format: table (default) or json"));
    p.addOption({QStringLiteral("interval")}, QStringLiteral("ms"),
                QCoreApplication::translate("onggictl", "Sampling interval in milliseconds (100-10000, default 1000)"));
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    const QString format = p.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return ctx.failText(
            QCoreApplication::translate("onggictl", "unsupported --format \"%1\": use table or json").arg(format));
    const bool asJson = ctx.json || format == QLatin1String("json");
    const bool noStream = p.isSet(QStringLiteral("no-stream"));
    int interval = noStream ? 500 : 1000;
    if (p.isSet(QStringLiteral("interval"))) {
        bool ok = false;
        interval = p.value(QStringLiteral("interval")).toInt(&ok);
        if (!ok || interval < 100 || interval > 10000)
            return ctx.failText(QCoreApplication::translate("onggictl", "--interval must be 100 to 10000 ms"));
    }
    if (!ctx.ensureConnected()) return kExitCliError;
    client::HelperClient& c = ctx.client();

    // Names for the table (pipelined with the subscription).
    client::RpcReply* list = ctx.send(QStringLiteral("container.list"), {{QLatin1String("all"), true}});
    QJsonObject sp{{QLatin1String("interval_ms"), interval}};
    if (!p.positional().isEmpty()) sp.insert(QLatin1String("ids"), QJsonArray::fromStringList(p.positional()));
    client::RpcReply* sub = ctx.send(QStringLiteral("stats.subscribe"), sp);
    c.waitForReply(sub);
    c.waitForReply(list);
    if (sub->isError()) return ctx.fail(sub->error());
    const qint64 subId = sub->result().value(QLatin1String("subscription")).toInteger();
    QHash<QString, QString> names;
    for (const QJsonValue& v : list->result().value(QLatin1String("containers")).toArray()) {
        const auto s = client::ContainerSummary::fromJson(v.toObject());
        names.insert(s.id, s.name);
    }
    delete sub;
    delete list;

    const bool tty = ::isatty(STDOUT_FILENO);
    int frames = 0;
    bool done = false;
    QObject::connect(
        &c, &client::HelperClient::statsReceived,
        [&](qint64 s, const QString& time, const QList<client::Sample>& samples) {
            if (s != subId || done) return;
            ++frames;
            if (noStream && frames < 2) return;  // the first frame has no rates yet
            if (asJson) {
                for (const client::Sample& x : samples) {
                    QJsonObject o = x.raw;
                    o.insert(QLatin1String("name"), names.value(x.id));
                    if (!o.contains(QLatin1String("time"))) o.insert(QLatin1String("time"), time);
                    CliContext::printJson(o, false);
                }
            } else {
                TablePrinter t({QCoreApplication::translate("onggictl", "CONTAINER ID"),
                                QCoreApplication::translate("onggictl", "NAME"),
                                QCoreApplication::translate("onggictl", "CPU %"),
                                QCoreApplication::translate("onggictl", "MEM USAGE / LIMIT"),
                                QCoreApplication::translate("onggictl", "MEM %"),
                                QCoreApplication::translate("onggictl", "NET I/O"),
                                QCoreApplication::translate("onggictl", "BLOCK I/O"),
                                QCoreApplication::translate("onggictl", "PIDS")});
                for (const client::Sample& x : samples) {
                    const QString limit = x.memoryLimit > 0 ? client::ByteSize::formatBinary(double(x.memoryLimit))
                                                            : QCoreApplication::translate("onggictl", "unlimited");
                    const QString memPct = x.memoryLimit > 0
                                               ? pct(100.0 * double(x.memoryCurrent) / double(x.memoryLimit))
                                               : QStringLiteral("--");
                    t.addRow({x.id.left(12), names.value(x.id, QStringLiteral("--")), pct(x.cpuPercent),
                              client::ByteSize::formatBinary(double(x.memoryCurrent)) + QStringLiteral(" / ") + limit,
                              memPct,
                              client::ByteSize::formatDecimal(double(x.netRxBytes)) + QStringLiteral(" / ") +
                                  client::ByteSize::formatDecimal(double(x.netTxBytes)),
                              client::ByteSize::formatDecimal(double(x.ioReadBytes)) + QStringLiteral(" / ") +
                                  client::ByteSize::formatDecimal(double(x.ioWriteBytes)),
                              QString::number(x.pidsCurrent)});
                }
                if (tty && !noStream) CliContext::out(QStringLiteral("\x1b[2J\x1b[H"));
                CliContext::out(t.toString());
            }
            std::fflush(stdout);
            if (noStream) done = true;
        });
    while (!done) {
        if (!c.waitForActivity(-1) && !c.isConnected()) return ctx.fail(c.lastError());
    }
    return kExitOk;
}

}  // namespace onggi::cli

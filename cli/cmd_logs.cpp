// onggictl logs: a container's output (stdout to stdout, stderr to stderr); -f follows it.
#include "cli/commands.h"
#include "client/log_line.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <cstdio>

namespace onggi::cli {

int cmdLogs(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("logs"), QCoreApplication::translate("onggictl", "logs [OPTIONS] CONTAINER"),
                QCoreApplication::translate("onggictl", "Fetch the logs of a container"));
    p.addFlag({QStringLiteral("f"), QStringLiteral("follow")},
              QCoreApplication::translate("onggictl", "Follow log output"));
    p.addOption(
        {QStringLiteral("n"), QStringLiteral("tail")}, QStringLiteral("string"),
        QCoreApplication::translate("onggictl", "Number of lines to show from the end of the logs (default \"all\")"));
    p.addFlag({QStringLiteral("t"), QStringLiteral("timestamps")},
              QCoreApplication::translate("onggictl", "Show timestamps"));
    p.setPositionalRange(1, 1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    qint64 tail = -1;
    if (p.isSet(QStringLiteral("tail")) && p.value(QStringLiteral("tail")) != QLatin1String("all")) {
        bool ok = false;
        tail = p.value(QStringLiteral("tail")).toLongLong(&ok);
        if (!ok || tail < 0)
            return ctx.failText(
                QCoreApplication::translate("onggictl", "invalid --tail \"%1\": a number of lines or \"all\"")
                    .arg(p.value(QStringLiteral("tail"))));
    }
    const bool ts = p.isSet(QStringLiteral("timestamps"));
    const bool follow = p.isSet(QStringLiteral("follow"));
    auto print = [&](const client::LogLine& l) {
        if (ctx.json) {
            CliContext::printJson(QJsonObject{{QLatin1String("t"), l.time},
                                              {QLatin1String("stream"), l.stream},
                                              {QLatin1String("line"), l.line}},
                                  false);
            return;
        }
        QByteArray b = l.bytes;  // the exact bytes, also when they are not UTF-8
        if (ts) b.prepend(l.time.toUtf8() + ' ');
        std::fwrite(b.constData(), 1, size_t(b.size()), l.stream == QLatin1String("stderr") ? stderr : stdout);
    };
    qint64 sub = -2;
    bool ended = false;
    client::HelperClient& c = ctx.client();
    // Notifications read in the same chunk as the reply come before we know our subscription.
    QList<client::LogLine> early;
    QSet<qint64> endedEarly;
    QObject::connect(&c, &client::HelperClient::logLineReceived, [&](const client::LogLine& l) {
        if (l.subscription == sub) print(l);
        else if (sub == -2) early.append(l);
    });
    // Rotation deleted lines before we read them (we read slower than the container wrote).
    QObject::connect(&c, &client::HelperClient::logGap, [&](qint64 s, qint64 lost) {
        if (s != sub && sub != -2) return;
        std::fflush(stdout);
        if (ctx.json)
            CliContext::printJson(QJsonObject{{QLatin1String("gap"), true}, {QLatin1String("lost_bytes"), lost}},
                                  false);
        else std::fprintf(stderr, "%s\n", qPrintable(client::LogLine::gapNotice(lost)));
    });
    QObject::connect(&c, &client::HelperClient::logEnded, [&](qint64 s) {
        if (s == sub) ended = true;
        else if (sub == -2) endedEarly.insert(s);
    });
    QJsonObject params{{QLatin1String("id"), p.positional().at(0)},
                       {QLatin1String("tail"), tail},
                       {QLatin1String("follow"), false},
                       {QLatin1String("timestamps"), ts}};
    // A large log comes in pages (the helper reads a bounded amount per reply); the follow
    // request, if any, continues from the last page's cursor.
    client::RpcResult r;
    for (bool first = true;; first = false) {
        r = ctx.call(QStringLiteral("container.logs"), params);
        if (!r.ok()) return ctx.fail(r.error);
        if (first && r.result.value(QLatin1String("rotated")).toBool() && !ctx.json)
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "onggictl", "(older lines of this log were deleted by rotation: %1 bytes)")
                                        .arg(r.result.value(QLatin1String("rotated_bytes")).toInteger())));
        for (const QJsonValue& v : r.result.value(QLatin1String("lines")).toArray())
            print(client::LogLine::fromJson(v.toObject()));
        params.insert(QLatin1String("cursor"), r.result.value(QLatin1String("cursor")));
        if (!r.result.value(QLatin1String("more")).toBool()) break;
    }
    if (!follow) return kExitOk;
    std::fflush(stdout);
    params.insert(QLatin1String("follow"), true);
    r = ctx.call(QStringLiteral("container.logs"), params);
    if (!r.ok()) return ctx.fail(r.error);
    for (const QJsonValue& v : r.result.value(QLatin1String("lines")).toArray())
        print(client::LogLine::fromJson(v.toObject()));
    sub = r.result.value(QLatin1String("subscription")).toInteger(-1);
    for (const client::LogLine& l : early)
        if (l.subscription == sub) print(l);
    if (endedEarly.contains(sub)) ended = true;
    std::fflush(stdout);
    while (!ended && sub >= 0) {
        if (!c.waitForActivity(-1)) {
            if (!c.isConnected()) return ctx.fail(c.lastError());
        }
        std::fflush(stdout);
        std::fflush(stderr);
    }
    return kExitOk;
}

}  // namespace onggi::cli

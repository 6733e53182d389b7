// onggictl pull: images.pull with per-layer progress. On a terminal the layer lines are redrawn in
// place (docker's look); otherwise one plain line per layer phase change, for logs and scripts.
// Ctrl-C closes the connection, which cancels the pull in the helper.
#include "cli/commands.h"
#include "client/byte_size.h"
#include "client/pull_progress.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace onggi::cli {

namespace {

class PullView {
public:
    PullView(bool tty, bool to_stderr) : tty_(tty), stderr_(to_stderr) {}
    void update(const client::PullProgress& p)
    {
        if (p.layer.isEmpty()) {
            if (p.phase == QLatin1String("resolving"))
                line(QCoreApplication::translate("onggictl", "Pulling %1").arg(p.message));
            return;
        }
        auto it = rows_.find(p.layer);
        if (it == rows_.end()) {
            order_.push_back(p.layer);
            it = rows_.emplace(p.layer, Row{}).first;
        }
        bool changed = it->second.phase != p.phase;
        it->second = {p.phase, text(p)};
        if (tty_) redraw();
        else if (changed) line(p.layer + QStringLiteral(": ") + it->second.text);
    }

private:
    struct Row {
        QString phase, text;
    };
    static QString text(const client::PullProgress& p)
    {
        QString s = p.phaseText();
        if ((p.phase == QLatin1String("downloading") || p.phase == QLatin1String("extracting")) && p.total > 0)
            s += QStringLiteral("  %1/%2").arg(client::ByteSize::formatDecimal(double(p.current)),
                                               client::ByteSize::formatDecimal(double(p.total)));
        if (p.phase == QLatin1String("retrying") && !p.message.isEmpty()) s += QStringLiteral(" (%1)").arg(p.message);
        return s;
    }
    void write(const QString& s)
    {
        std::fputs(s.toUtf8().constData(), stderr_ ? stderr : stdout);
        std::fflush(stderr_ ? stderr : stdout);
    }
    void line(const QString& s) { write(s + QLatin1Char('\n')); }
    void redraw()
    {
        QString out;
        if (drawn_) out += QStringLiteral("\x1b[%1A").arg(drawn_);
        for (const auto& l : order_) out += QStringLiteral("\x1b[2K%1: %2\n").arg(l, rows_[l].text);
        drawn_ = int(order_.size());
        write(out);
    }
    bool tty_, stderr_;
    std::vector<QString> order_;
    std::map<QString, Row> rows_;
    int drawn_ = 0;
};

}  // namespace

client::RpcResult pullImage(CliContext& ctx, const QString& image, const QJsonObject& auth, bool quiet, bool toStderr)
{
    client::HelperClient& c = ctx.client();
    PullView view(::isatty(toStderr ? STDERR_FILENO : STDOUT_FILENO), toStderr);
    qint64 pullId = 0;
    auto conn = QObject::connect(&c, &client::HelperClient::notification,
                                 [&](const QString& method, const QJsonObject& params) {
                                     if (method != QLatin1String("images.pull.progress")) return;
                                     auto p = client::PullProgress::fromJson(params);
                                     if (p.phase == QLatin1String("started")) pullId = p.pull;
                                     if (p.pull != pullId || quiet) return;
                                     view.update(p);
                                 });
    QJsonObject params{{QLatin1String("image"), image}};
    if (!auth.isEmpty()) params.insert(QLatin1String("auth"), auth);
    client::RpcResult r = ctx.call(QStringLiteral("images.pull"), params);
    QObject::disconnect(conn);
    return r;
}

int cmdPull(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("pull"), QCoreApplication::translate("onggictl", "pull [OPTIONS] NAME[:TAG|@DIGEST]"),
                QCoreApplication::translate("onggictl", "Download an image from a registry"));
    p.addFlag({QStringLiteral("q"), QStringLiteral("quiet")},
              QCoreApplication::translate("onggictl", "Suppress verbose output"));
    p.addOption({QStringLiteral("u"), QStringLiteral("username")}, QStringLiteral("name"),
                QCoreApplication::translate("onggictl", "Registry user name (for this pull only)"));
    p.addFlag({QStringLiteral("password-stdin")},
              QCoreApplication::translate("onggictl", "Read the registry password from stdin"));
    p.setPositionalRange(1, 1);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    QJsonObject auth;
    if (p.isSet(QStringLiteral("username"))) {
        auth.insert(QLatin1String("username"), p.value(QStringLiteral("username")));
        if (p.isSet(QStringLiteral("password-stdin"))) {
            std::string pw;
            std::getline(std::cin, pw);
            if (!pw.empty() && pw.back() == '\r') pw.pop_back();
            auth.insert(QLatin1String("password"), QString::fromStdString(pw));
        }
    } else if (p.isSet(QStringLiteral("password-stdin"))) {
        return ctx.failText(QCoreApplication::translate("onggictl", "--password-stdin needs --username"));
    }
    const bool quiet = p.isSet(QStringLiteral("quiet"));
    client::RpcResult r = pullImage(ctx, p.positional().value(0), auth, quiet || ctx.json, false);
    if (!r.ok()) return ctx.fail(r.error);
    const QJsonObject img = r.result.value(QLatin1String("image")).toObject();
    if (ctx.json) {
        CliContext::printJson(img);
        return kExitOk;
    }
    const QString digest = img.value(QLatin1String("repo_digest")).toString();
    const QString name =
        img.value(QLatin1String("name")).toString() + QLatin1Char(':') + img.value(QLatin1String("tag")).toString();
    if (quiet) {
        CliContext::outLine(name);
        return kExitOk;
    }
    if (!digest.isEmpty()) CliContext::outLine(QCoreApplication::translate("onggictl", "Digest: %1").arg(digest));
    CliContext::outLine(QCoreApplication::translate("onggictl", "Status: Downloaded %1").arg(name));
    return kExitOk;
}

client::RpcResult createPullingIfAbsent(CliContext& ctx, const QJsonObject& createParams)
{
    client::RpcResult r = ctx.call(QStringLiteral("container.create"), createParams);
    // As docker: an image that is not here is pulled (progress on stderr), then create again.
    if (r.ok() || r.error.errc != QLatin1String("not_found") ||
        !r.error.message.contains(QLatin1String("no such image")))
        return r;
    const QString image = createParams.value(QLatin1String("image")).toString();
    CliContext::errLine(QCoreApplication::translate("onggictl", "Unable to find image '%1' locally").arg(image));
    client::RpcResult pulled = pullImage(ctx, image, QJsonObject(), false, true);
    if (!pulled.ok()) return pulled;
    return ctx.call(QStringLiteral("container.create"), createParams);
}

}  // namespace onggi::cli

#include "cli/archive_progress_view.h"

#include "cli/commands.h"
#include "client/byte_size.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace onggi::cli {

QString ArchiveProgressView::text(const client::ArchiveProgress& p)
{
    const bool bytes = p.countsBytes();
    auto amount = [bytes](qint64 n) { return bytes ? client::ByteSize::formatDecimal(double(n)) : QString::number(n); };
    if (p.total <= 0)
        //: progress of onggictl load/save: %1 the phase ("Reading the archive"), %2 how much so far
        return QCoreApplication::translate("onggictl", "%1: %2").arg(p.phaseText(), amount(p.current));
    const qint64 pct = std::min<qint64>(100, p.current * 100 / p.total);
    //: progress of onggictl load/save: %1 the phase ("Writing the archive"), %2 done, %3 of the total, %4 percent
    return QCoreApplication::translate("onggictl", "%1: %2/%3 (%4%)")
        .arg(p.phaseText(), amount(p.current), amount(p.total))
        .arg(pct);
}

void ArchiveProgressView::update(const client::ArchiveProgress& p)
{
    const bool newPhase = p.phase != phase_;
    if (newPhase) {
        phase_ = p.phase;
        step_ = -1;
        ended_ = false;
    }
    if (tty_) {
        write(QStringLiteral("\r\x1b[2K") + text(p));
        drawn_ = true;
        return;
    }
    const bool last = p.total > 0 && p.current >= p.total;
    const int step = p.total > 0 ? int(std::min<qint64>(10, p.current * 10 / p.total)) : -1;
    if (ended_ || (!newPhase && !last && step <= step_)) return;
    step_ = step;
    ended_ = last;
    write(text(p) + QLatin1Char('\n'));
}

void ArchiveProgressView::finish()
{
    if (!drawn_) return;
    drawn_ = false;
    write(QStringLiteral("\n"));
}

void ArchiveProgressView::write(const QString& s)
{
    std::fputs(s.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

client::RpcResult callWithArchiveProgress(CliContext& ctx, const QString& method, const QJsonObject& params)
{
    ArchiveProgressView view(::isatty(STDERR_FILENO));
    QMetaObject::Connection conn;
    if (params.value(QLatin1String("progress")).toBool())
        conn = QObject::connect(&ctx.client(), &client::HelperClient::notification,
                                [&view](const QString& m, const QJsonObject& n) {
                                    if (m == QLatin1String("images.archive.progress"))
                                        view.update(client::ArchiveProgress::fromJson(n));
                                });
    client::RpcResult r = ctx.call(method, params);
    QObject::disconnect(conn);
    view.finish();
    return r;
}

}  // namespace onggi::cli

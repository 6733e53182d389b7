#include "helper/polkit_authority.h"

#include "helper/peer.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace onggi::helper {

const char* PolkitAuthority::verdict_name(Verdict v)
{
    switch (v) {
    case Verdict::yes: return "authorized";
    case Verdict::no: return "denied";
    case Verdict::challenge: return "challenge";
    case Verdict::dismissed: return "dismissed";
    case Verdict::unavailable: return "unavailable";
    }
    return "unavailable";
}

PolkitAuthority::PolkitAuthority(std::string pkcheck, int timeout_ms, QObject* parent)
    : QObject(parent), pkcheck_(std::move(pkcheck)), timeout_ms_(timeout_ms)
{
}

void PolkitAuthority::check(const Peer& peer, const std::string& action_id, std::function<void(Verdict)> done)
{
    QString program = QString::fromStdString(pkcheck_);
    if (program.isEmpty()) program = QStandardPaths::findExecutable(QStringLiteral("pkcheck"));
    if (program.isEmpty() || peer.pid <= 0 || peer.start_time == 0) return done(Verdict::unavailable);

    auto* p = new QProcess(this);
    p->setProgram(program);
    // pid,start-time,uid: polkit compares the start time with /proc and takes our uid (from
    // SO_PEERCRED) instead of looking it up again.
    p->setArguments({QStringLiteral("--process"),
                     QStringLiteral("%1,%2,%3").arg(peer.pid).arg(qulonglong(peer.start_time)).arg(peer.uid),
                     QStringLiteral("--action-id"), QString::fromStdString(action_id),
                     QStringLiteral("--allow-user-interaction")});
    p->setStandardInputFile(QProcess::nullDevice());
    p->setProcessChannelMode(QProcess::MergedChannels);
    auto finished = std::make_shared<bool>(false);
    auto finish = [p, finished, done](Verdict v) {
        if (*finished) return;
        *finished = true;
        // Why polkit could not answer, once per helper (not once per request).
        static bool told = false;
        if (v == Verdict::unavailable && !told) {
            told = true;
            const QByteArray out = p->readAll().trimmed().left(300);
            qInfo("helper: polkit does not answer (%s); members' privileged asks are refused",
                  out.isEmpty() ? "no pkcheck" : out.constData());
        }
        p->deleteLater();
        done(v);
    };
    connect(p, &QProcess::finished, this, [p, finish](int code, QProcess::ExitStatus st) {
        // pkcheck(1): 0 authorized, 1 not authorized, 2 challenge, 3 dismissed; anything else
        // (126: no authority, no bus) is an error of polkit itself.
        if (st != QProcess::NormalExit) return finish(Verdict::unavailable);
        switch (code) {
        case 0: return finish(Verdict::yes);
        case 1: {
            // 1 is also what pkcheck answers for some errors ("Error checking for authorization").
            const QByteArray out = p->peek(4096);
            return finish(out.startsWith("Error") ? Verdict::unavailable : Verdict::no);
        }
        case 2: return finish(Verdict::challenge);
        case 3: return finish(Verdict::dismissed);
        default: return finish(Verdict::unavailable);
        }
    });
    connect(p, &QProcess::errorOccurred, this, [p, finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) finish(Verdict::unavailable);
        else if (e == QProcess::Timedout) {
        } else if (p->state() == QProcess::NotRunning) finish(Verdict::unavailable);
    });
    QTimer::singleShot(timeout_ms_, p, [p, finish] {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            finish(Verdict::challenge);  // nobody answered the authentication dialog in time
        }
    });
    p->start();
}

}  // namespace onggi::helper

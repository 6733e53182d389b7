#include "cli/container_runner.h"

#include "cli/attach_relay.h"
#include "cli/commands.h"
#include "client/attach_frame.h"
#include "client/event.h"
#include "client/log_line.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace onggi::cli {

namespace {

void writeLine(const client::LogLine& l)
{
    const QByteArray b = l.line.toUtf8();
    FILE* f = l.stream == QLatin1String("stderr") ? stderr : stdout;
    std::fwrite(b.constData(), 1, size_t(b.size()), f);
}

// Remove the container (attached --rm), quietly when it is already gone.
void removeQuietly(CliContext& ctx, const QString& id)
{
    client::RpcResult r =
        ctx.call(QStringLiteral("container.remove"), {{QLatin1String("id"), id}, {QLatin1String("force"), true}});
    if (!r.ok() && r.error.errc != QLatin1String("not_found")) ctx.fail(r.error);
}
// run -i without a terminal: our stdin, as input frames, to the container's stdin through the
// attach socket its start handed us; at our end of input we shut down our sending side, and the
// shim closes the container's stdin once all of it is written (the container reads EOF).
class StdinFeed {
public:
    explicit StdinFeed(int sock) : sock_(sock), stdinOpen_(sock >= 0)
    {
        if (sock_ >= 0) ::fcntl(sock_, F_SETFL, ::fcntl(sock_, F_GETFL) | O_NONBLOCK);
    }
    ~StdinFeed()
    {
        if (sock_ >= 0) ::close(sock_);
    }
    StdinFeed(const StdinFeed&) = delete;
    StdinFeed& operator=(const StdinFeed&) = delete;

    void fill(pollfd& in, pollfd& sock) const
    {
        if (sock_ < 0) return;
        in = {stdinOpen_ && out_.size() < kMaxPending ? STDIN_FILENO : -1, POLLIN, 0};
        sock = {sock_, short(POLLIN | (out_.isEmpty() ? 0 : POLLOUT)), 0};
    }
    void handle(const pollfd& in, const pollfd& sock)
    {
        if (sock_ < 0) return;
        if (in.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) {  // POLLNVAL: no stdin at all (<&-)
            char buf[16384];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n > 0) out_ += client::AttachFrame::input(buf, n);
            else if (n == 0 || (errno != EINTR && errno != EAGAIN)) stdinOpen_ = false;
        }
        if (sock.revents & POLLOUT) {
            const ssize_t w = ::send(sock_, out_.constData(), size_t(out_.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
            if (w > 0) out_.remove(0, w);
            else if (w < 0 && errno != EINTR && errno != EAGAIN) return close();
        }
        if (!stdinOpen_ && out_.isEmpty() && !shutDown_) {
            ::shutdown(sock_, SHUT_WR);
            shutDown_ = true;
        }
        if (sock.revents & (POLLIN | POLLHUP | POLLERR)) {
            // Nothing is sent to us on it (output is in the log); EOF: the container has ended.
            char buf[4096];
            const ssize_t n = ::recv(sock_, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) close();
        }
    }

private:
    static constexpr qsizetype kMaxPending = 1 << 20;
    void close()
    {
        ::close(sock_);
        sock_ = -1;
    }
    int sock_;
    bool stdinOpen_;
    bool shutDown_ = false;
    QByteArray out_;
};
}  // namespace

int ContainerRunner::startFailureCode(const client::RpcError& e)
{
    const QString m = e.message.toLower();
    if (e.sysErrno == ENOENT || m.contains(QLatin1String("not found")) || m.contains(QLatin1String("no such file")))
        return kExitNotFound;
    if (e.sysErrno == EACCES || e.sysErrno == ENOEXEC || m.contains(QLatin1String("permission denied")))
        return kExitCannotInvoke;
    return kExitCliError;
}

int ContainerRunner::attachSession(CliContext& ctx, const QString& name, int attachFd, client::RpcReply* wait,
                                   bool interactive)
{
    client::HelperClient& c = ctx.client();
    const AttachRelay::Outcome how = AttachRelay::run(attachFd, c, interactive);
    if (how == AttachRelay::Outcome::Detached) {
        delete wait;
        CliContext::errLine(QString());
        CliContext::errLine(QCoreApplication::translate(
                                "onggictl", "Detached from %1; it keeps running. Come back with: onggictl attach %1")
                                .arg(name));
        return kExitOk;
    }
    if (how == AttachRelay::Outcome::ConnectionLost) {
        delete wait;
        return ctx.fail(c.lastError(), kExitCliError);
    }
    c.waitForReply(wait);
    int code;
    if (wait->isError()) code = ctx.fail(wait->error(), kExitCliError);
    else code = wait->result().value(QLatin1String("exit_code")).toInt();
    delete wait;
    return code;
}

int ContainerRunner::startAttached(CliContext& ctx, const QString& id, const QString& name, bool interactive,
                                   bool removeOnFailure)
{
    client::HelperClient& c = ctx.client();
    // Pipelined: the helper answers the wait once the container ran and exited, however short.
    // The terminal has our size before the container's first instruction (full-screen programs).
    int rows = 0, cols = 0;
    AttachRelay::terminalSize(rows, cols);
    client::RpcReply* started = c.start(id, true, rows, cols);
    client::RpcReply* wait = c.waitForExit(id);
    c.waitForReply(started);
    if (started->isError()) {
        const client::RpcError e = started->error();
        delete started;
        delete wait;
        const int code = startFailureCode(e);
        ctx.fail(e, code);
        if (removeOnFailure) removeQuietly(ctx, id);
        return code;
    }
    const int fd = started->takeFd();
    delete started;
    if (fd < 0) {
        delete wait;
        return ctx.failText(QCoreApplication::translate("onggictl", "the helper sent no terminal for the session"));
    }
    return attachSession(ctx, name, fd, wait, interactive);
}

int ContainerRunner::run(CliContext& ctx, client::CreateOptions opts, bool detach, bool remove, bool interactive)
{
    client::HelperClient& c = ctx.client();
    // With a terminal, attached: start attached to the container's own terminal.
    const bool viaAttach = !detach && opts.tty;
    // --rm is the helper's auto-remove in every mode, as docker's: the helper removes the
    // container right after it ended, once our log stream and the die event are sent, and
    // before it reads any later request. Its files need no fsync then, and the removal is off
    // the path of `run --rm`.
    opts.autoRemove = remove;
    // -i without -t (CreateFlags set openStdin): the container's stdin is a pipe that our stdin
    // feeds, through the attach socket of its start; its output still comes from the log.
    const bool feedStdin = !detach && opts.openStdin;

    if (!ctx.ensureConnected()) return kExitCliError;
    client::RpcReply* sub = detach || viaAttach ? nullptr : ctx.send(QStringLiteral("events.subscribe"));
    client::RpcResult created = createPullingIfAbsent(ctx, opts.toJson());
    if (!created.ok()) {
        delete sub;
        return ctx.fail(created.error, kExitCliError);
    }
    const QString id = created.result.value(QLatin1String("id")).toString();
    qint64 eventsSub = -1;
    if (sub) {
        c.waitForReply(sub);
        if (!sub->isError()) eventsSub = sub->result().value(QLatin1String("subscription")).toInteger(-1);
        delete sub;
    }

    if (viaAttach) {
        const QString name = created.result.value(QLatin1String("name")).toString();
        return startAttached(ctx, id, name.isEmpty() ? id.left(12) : name, interactive, remove);
    }
    if (detach) {
        client::RpcResult started = ctx.call(QStringLiteral("container.start"), {{QLatin1String("id"), id}});
        if (!started.ok()) {
            const int code = startFailureCode(started.error);
            ctx.fail(started.error, code);
            if (remove) removeQuietly(ctx, id);
            return code;
        }
        CliContext::outLine(id);
        return kExitOk;
    }
    return startFollowing(ctx, id, eventsSub, feedStdin, remove, -1);
}

int ContainerRunner::startFollowing(CliContext& ctx, const QString& id, qint64 eventsSub, bool feedStdin,
                                    bool removeOnFailure, int tail)
{
    client::HelperClient& c = ctx.client();
    // Signals are forwarded to the container while attached (docker's sig-proxy).
    sigset_t sigs, oldSigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    ::sigprocmask(SIG_BLOCK, &sigs, &oldSigs);
    int sfd = ::signalfd(-1, &sigs, SFD_CLOEXEC | SFD_NONBLOCK);
    auto restoreSignals = [&] {
        if (sfd >= 0) {
            ::close(sfd);
            sfd = -1;
            ::sigprocmask(SIG_SETMASK, &oldSigs, nullptr);
        }
    };

    // Attached: output until the log ends, exit code from the "die" event.
    int exitCode = -1;
    qint64 logSub = -2;
    bool logEnded = false;
    QList<client::LogLine> early;  // container.log before we know our subscription
    QMetaObject::Connection ce =
        QObject::connect(&c, &client::HelperClient::eventReceived, [&](const client::Event& e) {
            if (e.id == id && (e.action == QLatin1String("die")) && (eventsSub < 0 || e.subscription == eventsSub))
                exitCode = e.attributes.value(QStringLiteral("exit_code")).toInt();
        });
    // Notifications can be read in the same chunk as the reply that names their subscription,
    // or as the start's reply (a short container has ended by then): listen from before the
    // requests are sent, and keep what comes until the subscription id is known.
    QSet<qint64> endedSubs;
    QMetaObject::Connection cl =
        QObject::connect(&c, &client::HelperClient::logLineReceived, [&](const client::LogLine& l) {
            if (l.subscription == logSub) writeLine(l);
            else if (logSub == -2) early.append(l);
        });
    QMetaObject::Connection cle = QObject::connect(&c, &client::HelperClient::logEnded, [&](qint64 s) {
        if (s == logSub) logEnded = true;
        else if (logSub == -2) endedSubs.insert(s);
    });
    auto stopListening = [&] {
        QObject::disconnect(ce);
        QObject::disconnect(cl);
        QObject::disconnect(cle);
    };
    // Attached: follow the log from before the start, pipelined with it, so that not a line
    // is missed however short the container (an auto-removed one is gone right after it).
    client::RpcReply* logsReply = ctx.send(QStringLiteral("container.logs"), {{QLatin1String("id"), id},
                                                                              {QLatin1String("tail"), tail},
                                                                              {QLatin1String("follow"), true},
                                                                              {QLatin1String("next_run"), true},
                                                                              {QLatin1String("timestamps"), false}});
    QJsonObject startParams{{QLatin1String("id"), id}};
    if (feedStdin) startParams.insert(QLatin1String("attach"), true);
    client::RpcResult started = ctx.call(QStringLiteral("container.start"), startParams, feedStdin);
    if (!started.ok()) {
        stopListening();
        delete logsReply;
        restoreSignals();
        const int code = startFailureCode(started.error);
        ctx.fail(started.error, code);
        if (removeOnFailure) removeQuietly(ctx, id);
        return code;
    }

    // The log reply came before the start's (the helper answers in order): its lines are those
    // of earlier runs that `tail` asked for (none for a new container).
    c.waitForReply(logsReply);
    client::RpcResult logs;
    if (logsReply->isError()) logs.error = logsReply->error();
    else logs.result = logsReply->result();
    delete logsReply;
    if (logs.ok()) {
        logSub = logs.result.value(QLatin1String("subscription")).toInteger(-1);
        for (const QJsonValue& v : logs.result.value(QLatin1String("lines")).toArray())
            writeLine(client::LogLine::fromJson(v.toObject()));
        for (const client::LogLine& l : early)
            if (l.subscription == logSub) writeLine(l);
        if (endedSubs.contains(logSub)) logEnded = true;
    } else {
        logEnded = true;  // no output to show; still wait for the exit
    }
    std::fflush(stdout);
    std::fflush(stderr);
    StdinFeed feed(feedStdin ? started.fd : -1);
    bool lost = false;
    bool gone = false;
    while (!(logEnded && exitCode >= 0)) {
        if (!logEnded && exitCode >= 0 && logSub < 0) break;
        pollfd p[4] = {{c.socketDescriptor(), short(POLLIN | (c.wantsWrite() ? POLLOUT : 0)), 0},
                       {sfd, POLLIN, 0},
                       {-1, 0, 0},
                       {-1, 0, 0}};
        feed.fill(p[2], p[3]);
        if (::poll(p, 4, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        feed.handle(p[2], p[3]);
        if (p[1].revents & POLLIN) {
            signalfd_siginfo si;
            while (::read(sfd, &si, sizeof si) == sizeof si) {
                const char* name = si.ssi_signo == SIGINT ? "SIGINT" : si.ssi_signo == SIGTERM ? "SIGTERM" : "SIGHUP";
                client::RpcReply* k =
                    ctx.send(QStringLiteral("container.kill"),
                             {{QLatin1String("id"), id}, {QLatin1String("signal"), QString::fromLatin1(name)}});
                // A container that is not running any more cannot end later: stop waiting for
                // it (the signal is then ours, as a second ^C is in docker).
                QObject::connect(k, &client::RpcReply::finished, k, [k, &gone] {
                    if (k->isError() && (k->error().errc == QLatin1String("not_found") ||
                                         k->error().errc == QLatin1String("bad_state")))
                        gone = true;
                    k->deleteLater();
                });
            }
        }
        if (p[0].revents && !c.handleEvents(p[0].revents)) {
            lost = true;
            break;
        }
        if (gone) break;
        std::fflush(stdout);
        std::fflush(stderr);
    }
    stopListening();
    restoreSignals();
    if (lost || exitCode < 0) {
        if (exitCode < 0) {
            // No die event (e.g. events not allowed): the container's record has the code.
            client::RpcResult in = ctx.call(QStringLiteral("container.inspect"), {{QLatin1String("id"), id}});
            if (in.ok())
                exitCode =
                    in.result.value(QLatin1String("container")).toObject().value(QLatin1String("exit_code")).toInt(-1);
            else if (!lost) return ctx.fail(in.error, kExitCliError);
        }
        if (exitCode < 0) return ctx.fail(c.lastError(), kExitCliError);
    }
    return exitCode;  // --rm: the helper removed it already (auto-remove)
}

}  // namespace onggi::cli

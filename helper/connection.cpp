#include "helper/connection.h"
#include "helper/dispatcher.h"
#include "helper/peer_limits.h"

#include <QSocketNotifier>
#include <QTimer>

#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cstring>

namespace onggi::helper {

static quint64 next_serial = 1;

Connection::Connection(int fd, Peer peer, Dispatcher* dispatcher, QObject* parent)
    : QObject(parent), fd_(fd), peer_(peer), dispatcher_(dispatcher), serial_(next_serial++)
{
    rn_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    wn_ = new QSocketNotifier(fd_, QSocketNotifier::Write, this);
    wn_->setEnabled(false);
    connect(rn_, &QSocketNotifier::activated, this, &Connection::on_readable);
    connect(wn_, &QSocketNotifier::activated, this, &Connection::on_writable);
}

Connection::~Connection()
{
    if (limits_ && !dead_) limits_->closed(this);  // deleted without shutdown (the server going away)
    for (auto& o : out_)
        if (o.fd >= 0) ::close(o.fd);
    if (fd_ >= 0) ::close(fd_);
}

void Connection::set_limits(std::shared_ptr<PeerLimits> limits)
{
    limits_ = std::move(limits);
    limits_->opened(this);
    if (limits_->settings().idle_timeout_ms > 0) {
        idle_ = new QTimer(this);
        idle_->setSingleShot(true);
        idle_->setInterval(limits_->settings().idle_timeout_ms);
        connect(idle_, &QTimer::timeout, this, &Connection::on_idle_timeout);
        idle_->start();
    }
}

Result<PeerLimits::Slot> Connection::take_subscription()
{
    if (!limits_) return PeerLimits::Slot();
    return limits_->take_subscription(this);
}

void Connection::add_queued(long long delta)
{
    queued_ = size_t((long long)queued_ + delta);
    if (limits_) limits_->queued(this, delta);
}

void Connection::send_line(std::string line, int fd)
{
    if (dead_ || dropping_) {
        if (fd >= 0) ::close(fd);
        return;
    }
    line += '\n';
    // The budget counts bytes: hold no more than that (the append above may have doubled the
    // allocation of a line built to its exact size).
    if (line.capacity() > line.size() + line.size() / 8 + 64) line.shrink_to_fit();
    queue(std::move(line), nullptr, fd);
}

void Connection::send_shared(std::string head, std::shared_ptr<const std::string> tail)
{
    if (dead_ || dropping_ || !tail) return;
    queue(std::move(head), std::move(tail), -1);
}

void Connection::queue(std::string data, std::shared_ptr<const std::string> tail, int fd)
{
    Out o{std::move(data), std::move(tail), 0, fd};
    const long long n = (long long)o.size();
    out_.push_back(std::move(o));
    add_queued(n);
    flush();
    if (!dead_) enforce_limits();
}

void Connection::enforce_limits()
{
    if (!limits_) {
        // The client does not read what it asked for (e.g. a subscription it never drains).
        if (queued_ > kMaxQueuedBytes && out_.size() > 1)
            drop_slow_reader("the client does not read: more than 16 MiB of output queued");
        return;
    }
    // This connection over its own or its uid's cap, or the helper's budget spent: whoever
    // holds most is dropped. The PeerLimits outlives every connection, `this` may be dropped.
    std::shared_ptr<PeerLimits> limits = limits_;
    std::string why;
    for (int i = 0; i < 1024; ++i) {
        Connection* x = limits->over_limit(dropping_ || dead_ ? nullptr : this, &why);
        if (!x) break;
        x->drop_slow_reader(why);
    }
}

void Connection::drop_slow_reader(const std::string& why)
{
    if (dead_ || dropping_) return;
    dropping_ = true;
    qInfo("helper: dropping a slow reader (uid %u, pid %d): %s", unsigned(peer_.uid), int(peer_.pid), why.c_str());
    // Keep the rest of a line already begun (the client must be able to parse what follows).
    long long freed = 0;
    while (out_.size() > (out_.empty() || out_.front().off == 0 ? 0u : 1u)) {
        Out& o = out_.back();
        freed += (long long)(o.size() - o.off);
        if (o.fd >= 0) ::close(o.fd);
        out_.pop_back();
    }
    if (freed) add_queued(-freed);
    std::string line = error_line(nullptr, error_object(rpc_code::slow_reader, "slow_reader", why)) + "\n";
    const long long n = (long long)line.size();
    out_.push_back(Out{std::move(line), nullptr, 0, -1});
    add_queued(n);
    close_with_error(json());
}

void Connection::close_with_error(const json& error)
{
    if (!error.is_null()) send_line(error_line(nullptr, error));
    // A client that does not read even that is closed after a grace period.
    QTimer::singleShot(kDropGraceMs, this, [this] { shutdown(); });
    close_after_flush();
}

void Connection::on_idle_timeout()
{
    if (dead_ || closing_) return;
    const std::string why = had_request_ ? "a request line left unfinished for " : "no complete request within ";
    close_with_error(error_object(Error(Errc::timeout, why + std::to_string(idle_->interval() / 1000) + " s")));
}

void Connection::close_after_flush()
{
    closing_ = true;
    rn_->setEnabled(false);
    flush();
}

void Connection::request_finished()
{
    if (in_flight_ > 0) --in_flight_;
    update_notifiers();
}

void Connection::update_notifiers()
{
    if (dead_) return;
    // Back-pressure: stop reading while many replies are pending or much output is queued.
    const size_t cap = limits_ ? limits_->settings().max_queued_per_connection : kMaxQueuedBytes;
    bool read = !closing_ && in_flight_ < kMaxInFlight && queued_ < cap / 4;
    rn_->setEnabled(read);
    wn_->setEnabled(!out_.empty());
}

void Connection::flush()
{
    while (!dead_ && !out_.empty()) {
        Out& o = out_.front();
        const char* p = o.data.data() + o.off;
        size_t len = o.data.size() - o.off;
        ssize_t n;
        if (o.tail) {
            // The head's rest and the shared tail in one call.
            struct iovec iov[2];
            int cnt = 0;
            size_t toff = 0;
            if (o.off < o.data.size()) iov[cnt++] = {const_cast<char*>(p), len};
            else toff = o.off - o.data.size();
            iov[cnt++] = {const_cast<char*>(o.tail->data() + toff), o.tail->size() - toff};
            struct msghdr msg {};
            msg.msg_iov = iov;
            msg.msg_iovlen = size_t(cnt);
            n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        } else if (o.fd >= 0) {
            struct msghdr msg {};
            struct iovec iov {
                const_cast<char*>(p), len
            };
            alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))];
            std::memset(ctrl, 0, sizeof ctrl);
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = ctrl;
            msg.msg_controllen = sizeof ctrl;
            struct cmsghdr* c = CMSG_FIRSTHDR(&msg);
            c->cmsg_level = SOL_SOCKET;
            c->cmsg_type = SCM_RIGHTS;
            c->cmsg_len = CMSG_LEN(sizeof(int));
            std::memcpy(CMSG_DATA(c), &o.fd, sizeof(int));
            n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                ::close(o.fd);
                o.fd = -1;
            }
        } else {
            n = ::send(fd_, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) break;
            shutdown();  // EPIPE, ECONNRESET: the client went away
            return;
        }
        o.off += size_t(n);
        add_queued(-(long long)n);
        if (o.off == o.size()) out_.pop_front();
    }
    if (dead_) return;
    if (closing_ && out_.empty()) {
        shutdown();
        return;
    }
    update_notifiers();
}

void Connection::on_writable() { flush(); }

void Connection::on_readable()
{
    if (dead_ || closing_) return;
    char buf[65536];
    for (int rounds = 0; rounds < 16; ++rounds) {  // then yield to other clients
        ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        if (n <= 0) {  // EOF or error: replies still in flight are dropped with the connection
            shutdown();
            return;
        }
        size_t start = in_.size();
        in_.append(buf, size_t(n));
        size_t scan = start, line_start = 0;
        while (!closing_ && !dead_) {
            size_t nl = in_.find('\n', scan);
            if (nl == std::string::npos) break;
            std::string line = in_.substr(line_start, nl - line_start);
            line_start = nl + 1;
            scan = line_start;
            if (line.size() > kMaxLineBytes) {
                send_line(error_line(nullptr, error_object(rpc_code::invalid_request, "invalid_request",
                                                           "request line longer than 1 MiB")));
                close_after_flush();
                return;
            }
            handle_line(std::move(line));
        }
        if (dead_) return;
        in_.erase(0, line_start);
        if (in_.size() > kMaxLineBytes) {
            send_line(error_line(
                nullptr, error_object(rpc_code::invalid_request, "invalid_request", "request line longer than 1 MiB")));
            close_after_flush();
            return;
        }
        if (closing_ || in_flight_ >= kMaxInFlight) break;
    }
    if (idle_ && !closing_) {
        // Idle timeout: running while no complete request came yet, or a line is left unfinished.
        if (had_request_ && in_.empty()) idle_->stop();
        else if (had_request_ && !idle_->isActive()) idle_->start();
    }
    update_notifiers();
}

void Connection::handle_line(std::string&& line)
{
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) return;  // blank lines are ignored
    had_request_ = true;
    if (dispatcher_) dispatcher_->dispatch(this, line);
}

void Connection::shutdown()
{
    if (dead_) return;
    dead_ = true;
    if (limits_) limits_->closed(this);
    if (idle_) idle_->stop();
    rn_->setEnabled(false);
    wn_->setEnabled(false);
    ::shutdown(fd_, SHUT_RDWR);
    // Announced from the event loop, never from inside the call that found the client gone: a
    // write that fails (EPIPE) happens inside a notify() made while the event bus, the log
    // followers or the stats service walk their subscribers, and each of them drops its entry
    // on closed(). Emitting here erased the entry under the walk (a crash seen when `run --rm`
    // left right after the die event, before "destroy" was sent to it).
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit closed();
            deleteLater();
        },
        Qt::QueuedConnection);
}

}  // namespace onggi::helper

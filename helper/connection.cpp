#include "helper/connection.h"
#include "helper/dispatcher.h"

#include <QSocketNotifier>
#include <QTimer>

#include <sys/socket.h>
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
    for (auto& o : out_)
        if (o.fd >= 0) ::close(o.fd);
    if (fd_ >= 0) ::close(fd_);
}

void Connection::send_line(std::string line, int fd)
{
    if (dead_) {
        if (fd >= 0) ::close(fd);
        return;
    }
    line += '\n';
    queued_ += line.size();
    out_.push_back(Out{std::move(line), 0, fd});
    if (queued_ > kMaxQueuedBytes) {
        // The client does not read what it asked for (e.g. a subscription it never drains).
        shutdown();
        return;
    }
    flush();
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
    bool read = !closing_ && in_flight_ < kMaxInFlight && queued_ < kMaxQueuedBytes / 4;
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
        if (o.fd >= 0) {
            struct msghdr msg {};
            struct iovec iov { const_cast<char*>(p), len };
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
        queued_ -= size_t(n);
        if (o.off == o.data.size()) out_.pop_front();
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
            send_line(error_line(nullptr, error_object(rpc_code::invalid_request, "invalid_request",
                                                       "request line longer than 1 MiB")));
            close_after_flush();
            return;
        }
        if (closing_ || in_flight_ >= kMaxInFlight) break;
    }
    update_notifiers();
}

void Connection::handle_line(std::string&& line)
{
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) return;  // blank lines are ignored
    if (dispatcher_) dispatcher_->dispatch(this, line);
}

void Connection::shutdown()
{
    if (dead_) return;
    dead_ = true;
    rn_->setEnabled(false);
    wn_->setEnabled(false);
    ::shutdown(fd_, SHUT_RDWR);
    // Announced from the event loop, never from inside the call that found the client gone: a
    // write that fails (EPIPE) happens inside a notify() made while the event bus, the log
    // followers or the stats service walk their subscribers, and each of them drops its entry
    // on closed(). Emitting here erased the entry under the walk (a crash seen when `run --rm`
    // left right after the die event, before "destroy" was sent to it).
    QMetaObject::invokeMethod(this, [this] {
        emit closed();
        deleteLater();
    }, Qt::QueuedConnection);
}

} // namespace onggi::helper

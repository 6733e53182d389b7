#include "client/helper_client.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace onggi::client {

namespace {
constexpr int kMaxFdsPerMessage = 8;
constexpr qsizetype kReadChunk = 64 * 1024;

}  // namespace

HelperClient::HelperClient(QObject* parent) : QObject(parent), clientName_(QStringLiteral("onggi-client/0.1")) {}

HelperClient::~HelperClient()
{
    if (fd_ >= 0) {
        delete readNotifier_;
        delete writeNotifier_;
        readNotifier_ = writeNotifier_ = nullptr;
        ::close(fd_);
        fd_ = -1;
    }
    for (int fd : fds_) ::close(fd);
    fds_.clear();
    // Replies parented to other objects are told the connection is gone.
    const auto pending = std::exchange(pending_, {});
    for (const auto& r : pending)
        if (r && r->parent() != this)
            r->finish({},
                      RpcError::client(RpcError::kConnectionLost, QStringLiteral("connection_lost"),
                                       QStringLiteral("client destroyed")),
                      -1);
}

QString HelperClient::defaultSocketPath()
{
    const QByteArray env = qgetenv("ONGGI_SOCKET");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QStringLiteral("/run/onggi/helper.sock");
}

bool HelperClient::connectToHelper(const QString& socketPath)
{
    disconnectFromHelper();
    socketPath_ = socketPath.isEmpty() ? defaultSocketPath() : socketPath;
    const QByteArray path = socketPath_.toLocal8Bit();
    auto fail = [&](int code, const char* errc, int e) {
        lastError_ = RpcError::client(
            code, QString::fromLatin1(errc),
            QStringLiteral("connect %1: %2").arg(socketPath_, QString::fromLocal8Bit(std::strerror(e))), e);
        lastError_.socketPath = socketPath_;
        return false;
    };
    struct sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (path.isEmpty() || size_t(path.size()) >= sizeof addr.sun_path)
        return fail(RpcError::kConnectFailed, "connect_failed", ENAMETOOLONG);
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(RpcError::kConnectFailed, "connect_failed", errno);
    int r;
    do {
        r = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        const int e = errno;
        ::close(fd);
        if (e == ENOENT || e == ENOTDIR) return fail(RpcError::kSocketMissing, "socket_missing", e);
        if (e == EACCES || e == EPERM) return fail(RpcError::kSocketDenied, "socket_permission_denied", e);
        return fail(RpcError::kConnectFailed, "connect_failed", e);
    }
    const QString keep = socketPath_;
    if (!adoptSocket(fd)) return false;
    socketPath_ = keep;
    return true;
}

bool HelperClient::adoptSocket(int fd)
{
    disconnectFromHelper();
    if (fd < 0) return false;
    const int fl = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    fd_ = fd;
    lastError_ = RpcError();
    hasHello_ = false;
    in_.clear();
    out_.clear();
    if (QCoreApplication::instance()) {
        readNotifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
        connect(readNotifier_, &QSocketNotifier::activated, this, &HelperClient::onReadable);
        writeNotifier_ = new QSocketNotifier(fd_, QSocketNotifier::Write, this);
        writeNotifier_->setEnabled(false);
        connect(writeNotifier_, &QSocketNotifier::activated, this, &HelperClient::onWritable);
    }
    return true;
}

void HelperClient::disconnectFromHelper()
{
    if (fd_ < 0) return;
    closeWith(RpcError::client(RpcError::kConnectionLost, QStringLiteral("connection_lost"),
                               QStringLiteral("disconnected by the client")));
}

void HelperClient::closeWith(const RpcError& why)
{
    if (fd_ >= 0) {
        delete readNotifier_;
        delete writeNotifier_;
        readNotifier_ = writeNotifier_ = nullptr;
        ::close(fd_);
        fd_ = -1;
    }
    for (int fd : fds_) ::close(fd);
    fds_.clear();
    out_.clear();
    in_.clear();
    RpcError e = why;
    e.socketPath = socketPath_;
    // A refusal the helper sent before closing is the more useful error to keep.
    if (!lastError_.isError()) lastError_ = e;
    failAll(lastError_.isError() ? lastError_ : e);
    emit disconnected(lastError_);
}

void HelperClient::failAll(const RpcError& why)
{
    const auto pending = std::exchange(pending_, {});
    for (const auto& r : pending)
        if (r) r->finish({}, why, -1);
}

RpcReply* HelperClient::call(const QString& method, const QJsonObject& params, bool expectFd, QObject* owner)
{
    const qint64 id = nextId_++;
    auto* reply = new RpcReply(id, method, expectFd, owner ? owner : this);
    if (fd_ < 0) {
        RpcError e = lastError_.isError() ? lastError_
                                          : RpcError::client(RpcError::kNotConnected, QStringLiteral("not_connected"),
                                                             QStringLiteral("not connected"));
        // Finished now (isFinished() is true), signalled from the event loop so that a caller
        // can still connect to finished().
        reply->finished_ = true;
        reply->error_ = e;
        QTimer::singleShot(0, reply, [reply] { emit reply->finished(); });
        return reply;
    }
    QJsonObject req{
        {QLatin1String("jsonrpc"), QLatin1String("2.0")}, {QLatin1String("id"), id}, {QLatin1String("method"), method}};
    if (!params.isEmpty()) req.insert(QLatin1String("params"), params);
    out_ += QJsonDocument(req).toJson(QJsonDocument::Compact);
    out_ += '\n';
    pending_.insert(id, reply);
    writeSome();
    return reply;
}

RpcReply* HelperClient::hello()
{
    return call(QStringLiteral("hello"),
                QJsonObject{{QLatin1String("client"), clientName_}, {QLatin1String("protocol"), kProtocolVersion}});
}

RpcReply* HelperClient::start(const QString& id, bool attach, int rows, int cols, QObject* owner)
{
    QJsonObject p{{QLatin1String("id"), id}};
    if (attach) p.insert(QLatin1String("attach"), true);
    if (attach && rows > 0 && cols > 0 && rows <= 65535 && cols <= 65535)
        p.insert(QLatin1String("size"), QJsonObject{{QLatin1String("rows"), rows}, {QLatin1String("cols"), cols}});
    return call(QStringLiteral("container.start"), p, attach, owner);
}

RpcReply* HelperClient::attach(const QString& id, QObject* owner)
{
    return call(QStringLiteral("container.attach"), {{QLatin1String("id"), id}}, true, owner);
}

RpcReply* HelperClient::waitForExit(const QString& id, QObject* owner)
{
    return call(QStringLiteral("container.wait"), {{QLatin1String("id"), id}}, false, owner);
}

RpcResult HelperClient::callSync(const QString& method, const QJsonObject& params, int timeoutMs, bool expectFd)
{
    RpcReply* reply = call(method, params, expectFd, nullptr);
    RpcResult out;
    if (!waitForReply(reply, timeoutMs)) {
        if (!reply->isFinished()) {
            pending_.remove(reply->id());
            out.error = RpcError::client(RpcError::kClientTimeout, QStringLiteral("client_timeout"),
                                         QStringLiteral("%1: no reply in %2 ms").arg(method).arg(timeoutMs));
            delete reply;
            return out;
        }
    }
    out.result = reply->result();
    out.error = reply->error();
    out.fd = reply->takeFd();
    delete reply;
    return out;
}

bool HelperClient::waitForReply(RpcReply* reply, int timeoutMs)
{
    QPointer<RpcReply> guard(reply);
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    while (guard && !guard->isFinished()) {
        if (fd_ < 0) break;
        const qint64 left = deadline.remainingTime();
        if (left == 0) break;
        waitForActivity(int(qMin<qint64>(left < 0 ? INT_MAX : left, INT_MAX)));
    }
    return guard && guard->isFinished();
}

bool HelperClient::waitForActivity(int timeoutMs)
{
    if (fd_ < 0) return false;
    struct pollfd p {};
    p.fd = fd_;
    p.events = POLLIN | (out_.isEmpty() ? 0 : POLLOUT);
    int r;
    do {
        r = ::poll(&p, 1, timeoutMs);
    } while (r < 0 && errno == EINTR);
    if (r <= 0) return false;
    return handleEvents(p.revents);
}

bool HelperClient::handleEvents(short revents)
{
    if (fd_ >= 0 && (revents & POLLOUT)) writeSome();
    if (fd_ >= 0 && (revents & (POLLIN | POLLHUP | POLLERR))) {
        readSome();
        processLines();
    }
    return fd_ >= 0;
}

bool HelperClient::flush(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    while (fd_ >= 0 && !out_.isEmpty()) {
        writeSome();
        if (out_.isEmpty()) break;
        struct pollfd p {
            fd_, POLLOUT, 0
        };
        const qint64 left = deadline.remainingTime();
        if (left == 0) return false;
        if (::poll(&p, 1, int(qMin<qint64>(left < 0 ? INT_MAX : left, INT_MAX))) < 0 && errno != EINTR) return false;
    }
    return fd_ >= 0;
}

void HelperClient::onReadable()
{
    if (readSome()) processLines();
}

void HelperClient::onWritable() { writeSome(); }

bool HelperClient::writeSome()
{
    while (fd_ >= 0 && !out_.isEmpty()) {
        const ssize_t n = ::send(fd_, out_.constData(), size_t(out_.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) break;
            const int e = errno;
            // The helper may have written a refusal before closing: read it first.
            if (readSome()) processLines();
            if (fd_ >= 0)
                closeWith(RpcError::client(RpcError::kConnectionLost, QStringLiteral("connection_lost"),
                                           QStringLiteral("send: %1").arg(QString::fromLocal8Bit(std::strerror(e))),
                                           e));
            return false;
        }
        out_.remove(0, n);
    }
    updateNotifiers();
    return fd_ >= 0;
}

void HelperClient::updateNotifiers()
{
    if (writeNotifier_) writeNotifier_->setEnabled(fd_ >= 0 && !out_.isEmpty());
}

bool HelperClient::readSome()
{
    for (int round = 0; round < 64 && fd_ >= 0; ++round) {
        const qsizetype old = in_.size();
        in_.resize(old + kReadChunk);
        struct iovec iov {
            in_.data() + old, size_t(kReadChunk)
        };
        alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int) * kMaxFdsPerMessage)];
        struct msghdr msg {};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = ctrl;
        msg.msg_controllen = sizeof ctrl;
        const ssize_t n = ::recvmsg(fd_, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
        const int e = errno;
        in_.resize(old + qMax<ssize_t>(n, 0));
        if (n > 0) {
            for (struct cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
                if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
                const size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
                for (size_t i = 0; i < count; ++i) {
                    int fd;
                    std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                    fds_.push_back(fd);
                }
            }
            if (in_.size() > kMaxLineBytes && in_.indexOf('\n') < 0) {
                closeWith(RpcError::client(RpcError::kBadReply, QStringLiteral("bad_reply"),
                                           QStringLiteral("reply line over %1 bytes").arg(kMaxLineBytes)));
                return false;
            }
            if (n < kReadChunk) return true;
            continue;
        }
        if (n < 0 && e == EINTR) continue;
        if (n < 0 && (e == EAGAIN || e == EWOULDBLOCK)) return true;
        // EOF or error: deliver complete lines already read (a refusal), then close.
        processLines();
        if (fd_ >= 0)
            closeWith(RpcError::client(RpcError::kConnectionLost, QStringLiteral("connection_lost"),
                                       n == 0
                                           ? QStringLiteral("the helper closed the connection")
                                           : QStringLiteral("recv: %1").arg(QString::fromLocal8Bit(std::strerror(e))),
                                       n == 0 ? 0 : e));
        return false;
    }
    return fd_ >= 0;
}

void HelperClient::processLines()
{
    for (;;) {
        const qsizetype nl = in_.indexOf('\n');
        if (nl < 0) return;
        const QByteArray line = in_.left(nl);
        in_.remove(0, nl + 1);
        if (!line.trimmed().isEmpty()) handleLine(line);
    }
}

void HelperClient::handleLine(const QByteArray& line)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        emit protocolError(RpcError::client(RpcError::kBadReply, QStringLiteral("bad_reply"),
                                            QStringLiteral("not a JSON object: %1").arg(pe.errorString())));
        return;
    }
    const QJsonObject o = doc.object();
    const QJsonValue idv = o.value(QLatin1String("id"));
    const bool isReply = o.contains(QLatin1String("result")) || o.contains(QLatin1String("error"));
    if (isReply && (idv.isDouble() || idv.isString())) {
        const qint64 id = idv.isDouble() ? idv.toInteger(-1) : idv.toString().toLongLong();
        QPointer<RpcReply> r = pending_.take(id);
        if (!r) return;  // cancelled, or an id we never sent
        int fd = -1;
        if (r->expectFd_ && !fds_.empty()) {
            fd = fds_.front();
            fds_.pop_front();
        }
        if (o.contains(QLatin1String("error"))) {
            r->finish({}, RpcError::fromJson(o.value(QLatin1String("error")).toObject()), fd);
        } else {
            const QJsonObject result = o.value(QLatin1String("result")).toObject();
            if (r->method() == QLatin1String("hello")) {
                hello_ = HelloInfo::fromJson(result);
                hasHello_ = true;
            }
            r->finish(result, RpcError(), fd);
        }
        return;
    }
    if (isReply) {
        // An error not tied to a request (id null): the helper refuses the connection (not in
        // group onggi) or could not parse what we sent. Every pending request gets it.
        RpcError e = RpcError::fromJson(o.value(QLatin1String("error")).toObject());
        e.socketPath = socketPath_;
        lastError_ = e;
        emit protocolError(e);
        failAll(e);
        return;
    }
    const QString method = o.value(QLatin1String("method")).toString();
    if (method.isEmpty()) {
        emit protocolError(RpcError::client(RpcError::kBadReply, QStringLiteral("bad_reply"),
                                            QStringLiteral("neither a reply nor a notification")));
        return;
    }
    const QJsonObject params = o.value(QLatin1String("params")).toObject();
    emit notification(method, params);
    if (method == QLatin1String("event")) {
        emit eventReceived(Event::fromJson(params));
    } else if (method == QLatin1String("stats")) {
        QList<Sample> samples;
        const QJsonArray a = params.value(QLatin1String("containers")).toArray();
        samples.reserve(a.size());
        for (const QJsonValue& v : a) samples.append(Sample::fromJson(v.toObject()));
        emit statsReceived(params.value(QLatin1String("subscription")).toInteger(),
                           params.value(QLatin1String("time")).toString(), samples);
    } else if (method == QLatin1String("container.log")) {
        emit logLineReceived(LogLine::fromJson(params));
    } else if (method == QLatin1String("container.log.end")) {
        emit logEnded(params.value(QLatin1String("subscription")).toInteger());
    } else if (method == QLatin1String("container.log.gap")) {
        emit logGap(params.value(QLatin1String("subscription")).toInteger(),
                    params.value(QLatin1String("lost_bytes")).toInteger());
    }
}

}  // namespace onggi::client

// HelperClient: one connection to onggi-helper (docs/protocol.md), shared by the GUI and
// onggictl. Newline-delimited JSON-RPC 2.0 over a unix stream socket, requests matched to
// replies by id (pipelining is fine), notifications dispatched as signals, fds received by
// SCM_RIGHTS (interactive exec's pty).
//
// Two ways to use it:
//  - async (GUI): call() returns an RpcReply that emits finished(); notifications arrive as
//    signals from the event loop (a QSocketNotifier).
//  - blocking (CLI, tests): callSync(), or waitForReply()/waitForActivity() that poll() the
//    socket without an event loop; notification signals are emitted from inside these calls.
#pragma once

#include "client/event.h"
#include "client/host_info.h"
#include "client/log_line.h"
#include "client/rpc_error.h"
#include "client/rpc_reply.h"
#include "client/sample.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>

class QSocketNotifier;

namespace onggi::client {

struct RpcResult {
    QJsonObject result;
    RpcError error;
    int fd = -1;  // owned by the caller when >= 0
    bool ok() const { return !error.isError(); }
};

class HelperClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kProtocolVersion = 1;
    static constexpr qsizetype kMaxLineBytes = 64 << 20;  // a reply larger than this is refused

    explicit HelperClient(QObject* parent = nullptr);
    ~HelperClient() override;

    // $ONGGI_SOCKET, else /run/onggi/helper.sock.
    static QString defaultSocketPath();
    // "onggictl/0.1" or "onggi/0.1": sent in hello.
    void setClientName(const QString& name) { clientName_ = name; }

    // Connects (a local connect does not block). On failure lastError() says why: socket_missing
    // (helper not running), socket_permission_denied (not in group onggi), connect_failed.
    bool connectToHelper(const QString& socketPath = QString());
    // Adopts a connected stream socket (tests: socketpair). Takes ownership.
    bool adoptSocket(int fd);
    void disconnectFromHelper();
    bool isConnected() const { return fd_ >= 0; }
    QString socketPath() const { return socketPath_; }
    const RpcError& lastError() const { return lastError_; }

    // Async: queue one request. The reply is parented to `owner` if given (else to this);
    // expectFd: the reply carries an fd by SCM_RIGHTS (container.exec with tty).
    RpcReply* call(const QString& method, const QJsonObject& params = QJsonObject(), bool expectFd = false,
                   QObject* owner = nullptr);
    // Async hello: the reply's result parses with HelloInfo::fromJson.
    RpcReply* hello();
    // container.start; with attach (terminal containers only) the container's init waits until
    // the attach connection exists, and the reply carries it (takeFd(): a socket that delivers
    // the terminal's output and takes AttachFrame messages). rows/cols (> 0, with attach): the
    // terminal's size from the container's first instruction on.
    RpcReply* start(const QString& id, bool attach = false, int rows = 0, int cols = 0, QObject* owner = nullptr);
    // container.attach: the reply carries an attach connection to a running terminal container.
    RpcReply* attach(const QString& id, QObject* owner = nullptr);
    // container.wait: replies {"exit_code","oom_killed"} once the container is not running.
    RpcReply* waitForExit(const QString& id, QObject* owner = nullptr);

    // Blocking: send, then poll until the reply (or timeout / connection lost).
    RpcResult callSync(const QString& method, const QJsonObject& params = QJsonObject(), int timeoutMs = -1,
                       bool expectFd = false);
    bool waitForReply(RpcReply* reply, int timeoutMs = -1);
    // Wait until something arrives (or timeoutMs passes) and dispatch it. False when the
    // connection is gone or on timeout with nothing read.
    bool waitForActivity(int timeoutMs = -1);
    // Write what is queued, blocking.
    bool flush(int timeoutMs = -1);
    // For callers with their own poll() loop (onggictl relaying a pty): the socket, and
    // "it polled readable/writable: do the I/O and dispatch". False once disconnected.
    int socketDescriptor() const { return fd_; }
    bool wantsWrite() const { return !out_.isEmpty(); }
    bool handleEvents(short revents);

    // The hello of this connection, once a hello reply came (via hello() or callSync("hello")).
    const HelloInfo& helloInfo() const { return hello_; }
    bool hasHello() const { return hasHello_; }

signals:
    void disconnected(const onggi::client::RpcError& why);
    // Every notification, raw.
    void notification(const QString& method, const QJsonObject& params);
    // Typed notifications.
    void eventReceived(const onggi::client::Event& event);
    void statsReceived(qint64 subscription, const QString& time, const QList<onggi::client::Sample>& samples);
    void logLineReceived(const onggi::client::LogLine& line);
    void logEnded(qint64 subscription);
    // container.log.gap: rotation deleted lostBytes of the log before this follower read them.
    void logGap(qint64 subscription, qint64 lostBytes);
    // A line that is not JSON-RPC, or an error with a null id (e.g. permission denied before
    // any request): the connection is closed right after.
    void protocolError(const onggi::client::RpcError& error);

private:
    void onReadable();
    void onWritable();
    bool readSome();  // false on EOF / error (the connection is then closed)
    void processLines();
    void handleLine(const QByteArray& line);
    void failAll(const RpcError& why);
    void closeWith(const RpcError& why);
    bool writeSome();
    void updateNotifiers();
    void forget(RpcReply* r);

    friend class RpcReply;

    int fd_ = -1;
    QString socketPath_;
    QString clientName_;
    RpcError lastError_;
    QSocketNotifier* readNotifier_ = nullptr;
    QSocketNotifier* writeNotifier_ = nullptr;
    QByteArray in_, out_;
    std::deque<int> fds_;  // received by SCM_RIGHTS, not yet given to a reply
    QHash<qint64, QPointer<RpcReply>> pending_;
    qint64 nextId_ = 1;
    HelloInfo hello_;
    bool hasHello_ = false;
    bool inDispatch_ = false;
};

}  // namespace onggi::client

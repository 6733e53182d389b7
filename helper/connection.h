// Connection: one client on the helper socket. Non-blocking; reads whole lines into a buffer
// bounded by kMaxLineBytes, writes through a bounded queue (a client that stops reading is
// dropped rather than letting memory grow), and can attach a file descriptor (SCM_RIGHTS) to a
// reply line. Lives on the main thread only.
#pragma once

#include "helper/peer.h"
#include "helper/peer_limits.h"
#include "helper/rpc.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>
#include <string>

class QSocketNotifier;
class QTimer;

namespace onggi::helper {

class Dispatcher;

class Connection : public QObject {
    Q_OBJECT
public:
    // Without PeerLimits (a connection made outside the Server): then the client is too slow.
    static constexpr size_t kMaxQueuedBytes = 16u << 20;
    // A dropped client has this long to read the rest and its error (its queue is gone already:
    // what it holds meanwhile is one line at most and the fd).
    static constexpr int kDropGraceMs = 30000;
    static constexpr int kMaxInFlight = 256;  // requests awaiting replies

    Connection(int fd, Peer peer, Dispatcher* dispatcher, QObject* parent = nullptr);
    ~Connection() override;

    const Peer& peer() const { return peer_; }
    // The Server's accounting (docs/protocol.md "Limits"): byte caps, the output budget,
    // subscriptions and the idle timeout. Called once, right after construction.
    void set_limits(std::shared_ptr<PeerLimits> limits);
    PeerLimits* limits() const { return limits_.get(); }
    // A place for one more subscription (events, stats, log follow), held by the service's
    // record of it; busy when a cap is reached. An empty slot without PeerLimits.
    Result<PeerLimits::Slot> take_subscription();
    quint64 serial() const { return serial_; }

    // Queue one line (a newline is appended). With fd >= 0, the fd is sent with the line's first
    // byte by SCM_RIGHTS and closed here afterwards (ownership passes to the connection).
    void send_line(std::string line, int fd = -1);
    void notify(const std::string& method, const json& params) { send_line(notification_line(method, params)); }
    // Queue one line made of this connection's `head` and a `tail` shared by many connections
    // (one encoding of a stats frame for every subscriber that gets the same bytes; only the
    // head, with the subscription number, is its own). The tail ends with the newline. Its
    // bytes count in full against this connection's caps, as a line of its own would.
    void send_shared(std::string head, std::shared_ptr<const std::string> tail);
    // Flush what can be flushed, then close.
    void close_after_flush();
    bool closing() const { return closing_; }
    // A slow reader: what is queued is thrown away, one error line (slow_reader, `why`) is
    // sent after the line being written, then the connection closes.
    void drop_slow_reader(const std::string& why);
    bool dropping() const { return dropping_; }
    size_t queued_bytes() const { return queued_; }
    size_t queued_lines() const { return out_.size(); }

    // Request bookkeeping for the dispatcher.
    void request_started() { ++in_flight_; }
    void request_finished();
    int in_flight() const { return in_flight_; }

signals:
    void closed();  // emitted once; the object is deleted later

private:
    void on_readable();
    void on_writable();
    void handle_line(std::string&& line);
    void flush();
    void shutdown();
    void update_notifiers();
    void add_queued(long long delta);
    void enforce_limits();
    void on_idle_timeout();
    void close_with_error(const json& error);

    void queue(std::string data, std::shared_ptr<const std::string> tail, int fd);

    struct Out {
        std::string data;                         // the line, or the head of a shared one
        std::shared_ptr<const std::string> tail;  // the shared rest, or null
        size_t off = 0;                           // bytes of data + tail already sent
        int fd = -1;
        size_t size() const { return data.size() + (tail ? tail->size() : 0); }
    };

    int fd_;
    Peer peer_;
    QPointer<Dispatcher> dispatcher_;
    QSocketNotifier* rn_ = nullptr;
    QSocketNotifier* wn_ = nullptr;
    std::string in_;
    std::deque<Out> out_;
    size_t queued_ = 0;
    int in_flight_ = 0;
    bool closing_ = false;
    bool dead_ = false;
    bool dropping_ = false;
    bool had_request_ = false;  // a complete request arrived (the idle timeout is for those that never send one)
    std::shared_ptr<PeerLimits> limits_;
    QTimer* idle_ = nullptr;
    quint64 serial_;
};

}  // namespace onggi::helper

// Connection: one client on the helper socket. Non-blocking; reads whole lines into a buffer
// bounded by kMaxLineBytes, writes through a bounded queue (a client that stops reading is
// dropped rather than letting memory grow), and can attach a file descriptor (SCM_RIGHTS) to a
// reply line. Lives on the main thread only.
#pragma once

#include "helper/peer.h"
#include "helper/rpc.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <string>

class QSocketNotifier;

namespace onggi::helper {

class Dispatcher;

class Connection : public QObject {
    Q_OBJECT
public:
    static constexpr size_t kMaxQueuedBytes = 64u << 20;  // then the client is too slow: drop it
    static constexpr int kMaxInFlight = 256;              // requests awaiting replies

    Connection(int fd, Peer peer, Dispatcher* dispatcher, QObject* parent = nullptr);
    ~Connection() override;

    const Peer& peer() const { return peer_; }
    quint64 serial() const { return serial_; }

    // Queue one line (a newline is appended). With fd >= 0, the fd is sent with the line's first
    // byte by SCM_RIGHTS and closed here afterwards (ownership passes to the connection).
    void send_line(std::string line, int fd = -1);
    void notify(const std::string& method, const json& params) { send_line(notification_line(method, params)); }
    // Flush what can be flushed, then close.
    void close_after_flush();
    bool closing() const { return closing_; }
    size_t queued_bytes() const { return queued_; }

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

    struct Out {
        std::string data;
        size_t off = 0;
        int fd = -1;
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
    quint64 serial_;
};

} // namespace onggi::helper

// LogFollowers: container.logs {"follow":true} subscriptions. Each follower has a position in
// the container's log (helper/log_reader.h, valid across rotation); new complete lines are
// pushed as container.log notifications, and container.log.end when the container stops (after
// the last lines) or on unsubscribe.
// Driven by inotify on each followed container's directory (the shim's writes), not by
// polling: a quiet log costs nothing. Writes are coalesced (one pass per container at most
// every kPassMs), followers at the same position share one read and one encoding of each line,
// and a follower whose connection has more than kMaxBacklogBytes queued is skipped until it
// drains, so a client that does not read never makes the helper read for it.
// A follower whose place was deleted by rotation before it read it (it read slowly, the
// container wrote fast) is told so by a container.log.gap notification with the bytes it lost,
// then goes on from the oldest line kept.
#pragma once

#include "helper/log_reader.h"
#include "helper/peer_limits.h"

#include <QObject>
#include <QPointer>

#include <cstdint>
#include <map>
#include <set>
#include <string>

class QSocketNotifier;
class QTimer;

namespace onggi::helper {

class Connection;
class Dispatcher;

class LogFollowers : public QObject {
    Q_OBJECT
public:
    static constexpr int kPassMs = 50;
    static constexpr size_t kMaxBacklogBytes = 4u << 20;
    static constexpr uint64_t kPageBytes = 1u << 20;

    LogFollowers(Dispatcher* dispatcher, QObject* parent = nullptr);
    ~LogFollowers() override;

    // busy when the connection's or its uid's subscription caps are reached.
    Result<int64_t> follow(Connection* conn, const std::string& container_id, const std::string& log_path, LogPos pos,
                           bool timestamps);
    // The container stopped: send what is left and end its followers.
    void container_stopped(const std::string& container_id);
    bool unsubscribe(Connection* conn, int64_t id);
    size_t size() const { return followers_.size(); }

private:
    struct Follower {
        QPointer<Connection> conn;
        std::string container_id, path;
        LogPos pos;
        bool timestamps = true;
        bool ending = false;    // the container stopped: the end follows once it has read all
        PeerLimits::Slot slot;  // its place under the caller's subscription caps
    };
    struct Watch {
        int wd = -1;
        size_t users = 0;
    };
    void on_inotify();
    void mark(const std::string& container_id);
    void pass();
    // One page for every follower of the container; true when some have more to read now. An
    // ending follower that has read all gets container.log.end and is removed.
    bool pump_container(const std::string& container_id);
    void watch(const std::string& container_id, const std::string& dir);
    void unwatch(const std::string& container_id);
    void erase(std::map<int64_t, Follower>::iterator it);

    Dispatcher* dispatcher_;
    int inotify_fd_ = -1;
    QSocketNotifier* notifier_ = nullptr;
    QTimer* pass_timer_;
    std::map<int64_t, Follower> followers_;
    std::map<std::string, Watch> watches_;
    std::map<int, std::string> by_wd_;
    std::set<std::string> dirty_;
};

}  // namespace onggi::helper

// LogFollowers: container.logs {"follow":true} subscriptions. Each follower has an offset in
// the container's log file; new complete lines are pushed as container.log notifications,
// and container.log.end when the container stops (after the last lines) or on unsubscribe.
#pragma once

#include <QObject>
#include <QPointer>

#include <cstdint>
#include <map>
#include <string>

class QTimer;

namespace onggi::helper {

class Connection;
class Dispatcher;

class LogFollowers : public QObject {
    Q_OBJECT
public:
    LogFollowers(Dispatcher* dispatcher, QObject* parent = nullptr);

    int64_t follow(Connection* conn, const std::string& container_id, const std::string& log_path, uint64_t offset,
                   bool timestamps);
    // The container stopped: flush what is left and end its followers.
    void container_stopped(const std::string& container_id);
    bool unsubscribe(Connection* conn, int64_t id);

private:
    struct Follower {
        QPointer<Connection> conn;
        std::string container_id, path;
        uint64_t offset = 0;
        bool timestamps = true;
    };
    void poll();
    bool pump(int64_t id, Follower& f);  // false when the connection is gone

    Dispatcher* dispatcher_;
    QTimer* timer_;
    std::map<int64_t, Follower> followers_;
};

} // namespace onggi::helper

#include "helper/log_followers.h"
#include "helper/connection.h"
#include "helper/dispatcher.h"
#include "helper/log_reader.h"

#include <QTimer>

namespace onggi::helper {

LogFollowers::LogFollowers(Dispatcher* dispatcher, QObject* parent)
    : QObject(parent), dispatcher_(dispatcher), timer_(new QTimer(this))
{
    timer_->setInterval(100);
    connect(timer_, &QTimer::timeout, this, &LogFollowers::poll);
    dispatcher_->add_unsubscriber([this](Connection* c, int64_t id) { return unsubscribe(c, id); });
}

int64_t LogFollowers::follow(Connection* conn, const std::string& container_id, const std::string& log_path,
                             uint64_t offset, bool timestamps)
{
    int64_t id = dispatcher_->next_subscription_id();
    followers_[id] = Follower{QPointer<Connection>(conn), container_id, log_path, offset, timestamps};
    connect(conn, &Connection::closed, this, [this, id] { followers_.erase(id); });
    if (!timer_->isActive()) timer_->start();
    return id;
}

bool LogFollowers::pump(int64_t id, Follower& f)
{
    if (!f.conn) return false;
    for (int round = 0; round < 4; ++round) {
        auto chunk = LogReader::from(f.path, f.offset, f.timestamps);
        if (!chunk || chunk->end_offset == f.offset) break;
        f.offset = chunk->end_offset;
        for (auto& l : chunk->lines) {
            l["subscription"] = id;
            l["id"] = f.container_id;
            f.conn->notify("container.log", l);
        }
        if (f.conn->closing()) break;
    }
    return bool(f.conn);
}

void LogFollowers::poll()
{
    for (auto it = followers_.begin(); it != followers_.end();) {
        if (!pump(it->first, it->second)) it = followers_.erase(it);
        else ++it;
    }
    if (followers_.empty()) timer_->stop();
}

void LogFollowers::container_stopped(const std::string& container_id)
{
    for (auto it = followers_.begin(); it != followers_.end();) {
        if (it->second.container_id != container_id) {
            ++it;
            continue;
        }
        if (pump(it->first, it->second)) it->second.conn->notify("container.log.end", {{"subscription", it->first}});
        it = followers_.erase(it);
    }
}

bool LogFollowers::unsubscribe(Connection* conn, int64_t id)
{
    auto it = followers_.find(id);
    if (it == followers_.end() || it->second.conn != conn) return false;
    conn->notify("container.log.end", {{"subscription", id}});
    followers_.erase(it);
    return true;
}

} // namespace onggi::helper

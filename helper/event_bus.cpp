#include "helper/event_bus.h"
#include "engine/image/image_store.h"
#include "helper/connection.h"
#include "helper/container_record.h"
#include "helper/dispatcher.h"

#include <ctime>

namespace onggi::helper {

std::string rfc3339_from_ns(int64_t ns)
{
    time_t s = time_t(ns / 1000000000);
    struct tm tm;
    ::gmtime_r(&s, &tm);
    char buf[64];
    size_t n = ::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    ::snprintf(buf + n, sizeof buf - n, ".%09lldZ", (long long)(ns % 1000000000));
    return buf;
}

std::string now_rfc3339_nano()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return rfc3339_from_ns(int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec);
}

EventBus::EventBus(Dispatcher* dispatcher, QObject* parent) : QObject(parent), dispatcher_(dispatcher)
{
    dispatcher_->add_unsubscriber([this](Connection* c, int64_t id) { return unsubscribe(c, id); });
}

Result<int64_t> EventBus::subscribe(Connection* conn, const std::string& filter_id, const std::string& type)
{
    auto slot = conn->take_subscription();
    if (!slot) return slot.error();
    int64_t id = dispatcher_->next_subscription_id();
    subs_[id] = Sub{QPointer<Connection>(conn), filter_id, type, std::move(slot).value()};
    connect(conn, &Connection::closed, this, [this, id] { subs_.erase(id); });
    return id;
}

bool EventBus::unsubscribe(Connection* conn, int64_t id)
{
    auto it = subs_.find(id);
    if (it == subs_.end() || it->second.conn != conn) return false;
    subs_.erase(it);
    return true;
}

void EventBus::publish(const std::string& action, const ContainerRecord& c,
                       const std::map<std::string, std::string>& attributes)
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    const int64_t unix_ns = int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    const std::string time = rfc3339_from_ns(unix_ns);
    if (action == "oom") oom_run_[c.id] = c.started_at;
    else if (action == "destroy") oom_run_.erase(c.id);
    for (auto it = subs_.begin(); it != subs_.end();) {
        auto& s = it->second;
        if (!s.conn) {
            it = subs_.erase(it);
            continue;
        }
        if (s.type != "image" && (s.filter_id.empty() || s.filter_id == c.id) && s.conn->peer().may_see(c.owner_uid)) {
            json attrs = json::object();
            for (const auto& [k, v] : attributes) attrs[k] = v;
            attrs["image"] = c.image;
            s.conn->notify("event", {{"subscription", it->first},
                                     {"time", time},
                                     {"type", "container"},
                                     {"action", action},
                                     {"id", c.id},
                                     {"name", c.name},
                                     {"attributes", attrs}});
        }
        ++it;
    }
    for (const auto& l : listeners_) l(action, c, unix_ns, attributes);
}

void EventBus::publish_image(const std::string& action, const std::string& id, const std::string& name,
                             const std::map<std::string, std::string>& attributes)
{
    const std::string time = now_rfc3339_nano();
    json attrs = json::object();
    for (const auto& [k, v] : attributes) attrs[k] = v;
    for (auto it = subs_.begin(); it != subs_.end();) {
        auto& s = it->second;
        if (!s.conn) {
            it = subs_.erase(it);
            continue;
        }
        if (s.type != "container" && s.filter_id.empty())
            s.conn->notify("event", {{"subscription", it->first},
                                     {"time", time},
                                     {"type", "image"},
                                     {"action", action},
                                     {"id", id},
                                     {"name", name},
                                     {"attributes", attrs}});
        ++it;
    }
}

void publish_record_change(EventBus& bus, const image::RecordChange& c)
{
    for (const auto& n : c.tags_removed) bus.publish_image("untag", c.id, n);
    if (c.removed) {
        bus.publish_image("delete", c.id, c.tags_removed.empty() ? "<none>" : c.tags_removed.front());
        return;
    }
    if (!c.created)
        for (const auto& n : c.tags_added) bus.publish_image("tag", c.id, n);
}

}  // namespace onggi::helper

namespace onggi::helper {

bool EventBus::oom_announced(const ContainerRecord& c) const
{
    auto it = oom_run_.find(c.id);
    return it != oom_run_.end() && it->second == c.started_at;
}

}  // namespace onggi::helper

#include "helper/log_followers.h"
#include "helper/connection.h"
#include "helper/dispatcher.h"

#include <QSocketNotifier>
#include <QTimer>

#include <sys/inotify.h>
#include <unistd.h>

#include <tuple>
#include <vector>

namespace onggi::helper {

LogFollowers::LogFollowers(Dispatcher* dispatcher, QObject* parent)
    : QObject(parent), dispatcher_(dispatcher), pass_timer_(new QTimer(this))
{
    pass_timer_->setSingleShot(true);
    pass_timer_->setInterval(kPassMs);
    connect(pass_timer_, &QTimer::timeout, this, &LogFollowers::pass);
    inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_fd_ >= 0) {
        notifier_ = new QSocketNotifier(inotify_fd_, QSocketNotifier::Read, this);
        connect(notifier_, &QSocketNotifier::activated, this, &LogFollowers::on_inotify);
    } else {
        qWarning("helper: inotify unavailable (%s): log followers poll every 250 ms", std::strerror(errno));
    }
    dispatcher_->add_unsubscriber([this](Connection* c, int64_t id) { return unsubscribe(c, id); });
}

LogFollowers::~LogFollowers()
{
    if (inotify_fd_ >= 0) ::close(inotify_fd_);
}

void LogFollowers::watch(const std::string& container_id, const std::string& dir)
{
    Watch& w = watches_[container_id];
    if (w.users++ > 0 || inotify_fd_ < 0) return;
    // The directory, not the file: rotation renames the file and creates a new one.
    w.wd = ::inotify_add_watch(inotify_fd_, dir.c_str(), IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE);
    if (w.wd >= 0) by_wd_[w.wd] = container_id;
    else qWarning("helper: inotify watch on %s: %s", dir.c_str(), std::strerror(errno));
}

void LogFollowers::unwatch(const std::string& container_id)
{
    auto it = watches_.find(container_id);
    if (it == watches_.end() || --it->second.users > 0) return;
    if (it->second.wd >= 0) {
        ::inotify_rm_watch(inotify_fd_, it->second.wd);
        by_wd_.erase(it->second.wd);
    }
    watches_.erase(it);
}

void LogFollowers::erase(std::map<int64_t, Follower>::iterator it)
{
    unwatch(it->second.container_id);
    followers_.erase(it);
}

Result<int64_t> LogFollowers::follow(Connection* conn, const std::string& container_id, const std::string& log_path,
                                     LogPos pos, bool timestamps)
{
    auto slot = conn->take_subscription();
    if (!slot) return slot.error();
    int64_t id = dispatcher_->next_subscription_id();
    followers_[id] =
        Follower{QPointer<Connection>(conn), container_id, log_path, pos, timestamps, false, std::move(slot).value()};
    watch(container_id, log_path.substr(0, log_path.rfind('/')));
    connect(conn, &Connection::closed, this, [this, id] {
        if (auto it = followers_.find(id); it != followers_.end()) erase(it);
    });
    mark(container_id);  // lines written between the reply's read and the watch
    return id;
}

void LogFollowers::on_inotify()
{
    alignas(struct inotify_event) char buf[16384];
    for (;;) {
        ssize_t n = ::read(inotify_fd_, buf, sizeof buf);
        if (n <= 0) break;
        for (char* p = buf; p < buf + n;) {
            auto* e = reinterpret_cast<struct inotify_event*>(p);
            if (auto it = by_wd_.find(e->wd); it != by_wd_.end()) dirty_.insert(it->second);
            p += sizeof(struct inotify_event) + e->len;
        }
    }
    if (!dirty_.empty() && !pass_timer_->isActive()) pass_timer_->start(kPassMs);
}

void LogFollowers::mark(const std::string& container_id)
{
    dirty_.insert(container_id);
    if (!pass_timer_->isActive()) pass_timer_->start(kPassMs);
}

void LogFollowers::pass()
{
    std::set<std::string> todo;
    todo.swap(dirty_);
    if (inotify_fd_ < 0)
        for (const auto& [id, f] : followers_) todo.insert(f.container_id);
    for (const auto& cid : todo)
        if (pump_container(cid)) dirty_.insert(cid);  // more to read, or a reader to wait for
    if (!dirty_.empty() || (inotify_fd_ < 0 && !followers_.empty()))
        pass_timer_->start(inotify_fd_ < 0 ? 250 : kPassMs);
}

bool LogFollowers::pump_container(const std::string& container_id)
{
    // Followers at the same place share one read: group them.
    std::map<std::tuple<std::string, uint64_t, uint64_t, uint64_t, uint64_t, bool>, std::vector<int64_t>> groups;
    bool again = false;
    for (auto it = followers_.begin(); it != followers_.end();) {
        Follower& f = it->second;
        if (f.container_id != container_id) {
            ++it;
            continue;
        }
        if (!f.conn || f.conn->closing()) {
            erase(it++);
            continue;
        }
        if (f.conn->queued_bytes() > kMaxBacklogBytes) {
            again = true;  // it reads slowly: later, from where it is
            ++it;
            continue;
        }
        groups[{f.path, f.pos.ino, f.pos.first, f.pos.offset, f.pos.abs, f.timestamps}].push_back(it->first);
        ++it;
    }
    std::vector<int64_t> done;  // ending followers that have read all
    for (auto& [key, ids] : groups) {
        const auto& [path, ino, first, off, abs, ts] = key;
        const LogPos at{ino, first, off, abs};
        auto chunk = LogReader::from(path, at, ts, kPageBytes);
        if (!chunk || !chunk->more)
            for (int64_t sid : ids)
                if (auto it = followers_.find(sid); it != followers_.end() && it->second.ending) done.push_back(sid);
        if (!chunk) continue;
        if (chunk->more) again = true;
        if (chunk->end == at) continue;
        // Each line encoded once; only the subscription number differs between followers.
        std::vector<std::string> bodies;
        bodies.reserve(chunk->lines.size());
        for (auto& l : chunk->lines) {
            l["id"] = container_id;
            bodies.push_back(
                l.dump(-1, ' ', false, json::error_handler_t::replace).substr(1));  // without the opening brace
        }
        for (int64_t sid : ids) {
            auto it = followers_.find(sid);
            if (it == followers_.end()) continue;
            Follower& f = it->second;
            if (const uint64_t lost = LogReader::lost(at, *chunk); lost > 0 && f.conn) {
                // Rotation deleted the file it was in before it read all of it: say how much it
                // lost (everything deleted up to the oldest file left, from where it was on),
                // before the lines that follow the gap.
                f.conn->notify("container.log.gap",
                               {{"subscription", sid}, {"id", container_id}, {"lost_bytes", lost}});
            }
            f.pos = chunk->end;
            const std::string head = "{\"jsonrpc\":\"2.0\",\"method\":\"container.log\",\"params\":{\"subscription\":" +
                                     std::to_string(sid) + ",";
            for (const auto& b : bodies) {
                if (!f.conn) break;
                f.conn->send_line(head + b + "}");
            }
        }
    }
    for (int64_t sid : done) {
        auto it = followers_.find(sid);
        if (it == followers_.end()) continue;
        if (it->second.conn) it->second.conn->notify("container.log.end", {{"subscription", sid}});
        erase(it);
    }
    for (const auto& [sid, f] : followers_)
        if (f.container_id == container_id && f.ending) again = true;  // one still reading slowly
    return again;
}

void LogFollowers::container_stopped(const std::string& container_id)
{
    // Everything left, then the end: now for those that keep up (the log is capped by rotation),
    // page by page as each one reads for those that do not, so a follower's queue never holds
    // more than kMaxBacklogBytes + a page (a whole log queued at once would make it a slow reader).
    for (auto& [sid, f] : followers_)
        if (f.container_id == container_id) f.ending = true;
    for (int page = 0; page < 1024 && pump_container(container_id); ++page) {
        bool reading = false;  // some ending follower can take more now
        for (const auto& [sid, f] : followers_)
            if (f.container_id == container_id && f.conn && f.conn->queued_bytes() <= kMaxBacklogBytes) reading = true;
        if (!reading) {
            mark(container_id);
            break;
        }
    }
}

bool LogFollowers::unsubscribe(Connection* conn, int64_t id)
{
    auto it = followers_.find(id);
    if (it == followers_.end() || it->second.conn != conn) return false;
    conn->notify("container.log.end", {{"subscription", id}});
    erase(it);
    return true;
}

}  // namespace onggi::helper

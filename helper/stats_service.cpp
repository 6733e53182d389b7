#include "helper/stats_service.h"

#include "helper/event_bus.h"

#include <QCoreApplication>

#include <poll.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <numeric>
#include <set>

namespace onggi::helper {

namespace {

constexpr int kHistoryIntervalMs = 1000;

uint64_t mono_ms() { return stats::monotonic_ns() / 1000000; }

uint64_t unix_ms()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return uint64_t(ts.tv_sec) * 1000 + uint64_t(ts.tv_nsec) / 1000000;
}

json opt(uint64_t v) { return v == stats::HistoryPoint::kNone ? json(nullptr) : json(v); }
json pct(uint64_t v) { return v == stats::HistoryPoint::kNone ? json(nullptr) : json(double(v) / 100.0); }

// The frame's "host" object: CPU over the interval since the previous reading, memory now.
json host_json(const stats::HostCounters& prev, const stats::HostCounters& cur)
{
    return {
        {"cpus", cur.cpus},
        {"cpu_percent", prev.mono_ns ? stats::host_cpu_percent(prev, cur) : 0.0},
        {"memory_total", cur.memory_total},
        {"memory_used", cur.memory_total - cur.memory_available},
        {"memory_available", cur.memory_available},
        {"swap_total", cur.swap_total},
        {"swap_used", cur.swap_total >= cur.swap_free ? cur.swap_total - cur.swap_free : 0},
    };
}

bool tracked_state(const ContainerRecord& c) { return c.live() && c.pid > 0; }

// The service acts for every user: an admin peer sees all containers.
const Peer kRoot{0, 0, 0};

}  // namespace

json StatsService::sample_json(const std::string& id, const stats::HistoryPoint& p, bool with_time)
{
    json psi = json::object();
    auto add_psi = [&](const char* name, uint64_t some, uint64_t full) {
        if (some == stats::HistoryPoint::kNone) return;
        psi[name] = {{"some", double(some) / 100.0},
                     {"full", full == stats::HistoryPoint::kNone ? 0.0 : double(full) / 100.0}};
    };
    add_psi("cpu", p.psi_cpu_some_x100, p.psi_cpu_full_x100);
    add_psi("memory", p.psi_memory_some_x100, p.psi_memory_full_x100);
    add_psi("io", p.psi_io_some_x100, p.psi_io_full_x100);
    json s = {
        {"id", id},
        {"cpu_ns", p.cpu_ns},
        {"cpu_percent", double(p.cpu_percent_x100) / 100.0},
        {"cpu_percent_of_limit", pct(p.cpu_percent_of_limit_x100)},
        {"cpu_limit", p.cpu_limit_millicores == stats::HistoryPoint::kNone
                          ? json(nullptr)
                          : json(double(p.cpu_limit_millicores) / 1000.0)},
        {"throttled_periods", p.throttled_periods},
        {"throttled_ns", p.throttled_ns},
        {"memory_current", p.memory_current},
        {"memory_limit", opt(p.memory_limit)},
        {"memory_high", opt(p.memory_high)},
        {"memory_peak", opt(p.memory_peak)},
        {"memory_cache", p.memory_cache},
        {"memory_anon", p.memory_anon},
        {"swap_current", p.swap_current},
        {"io_read_bytes", p.io_read_bytes},
        {"io_write_bytes", p.io_write_bytes},
        {"io_read_ops", p.io_read_ops},
        {"io_write_ops", p.io_write_ops},
        {"io_read_bps", p.io_read_bps},
        {"io_write_bps", p.io_write_bps},
        {"pids_current", p.pids_current},
        {"pids_limit", opt(p.pids_limit)},
        {"net_rx_bytes", p.net_rx_bytes},
        {"net_tx_bytes", p.net_tx_bytes},
        {"net_rx_packets", p.net_rx_packets},
        {"net_tx_packets", p.net_tx_packets},
        {"psi", psi},
        {"oom_events", p.oom_events},
        {"oom_kill_events", p.oom_kill_events},
        {"net_rx_bps", p.net_rx_bps},
        {"net_tx_bps", p.net_tx_bps},
        {"throttled_percent", double(p.throttled_percent_x100) / 100.0},
        {"rate_ms", p.rate_ms},
        {"pid", p.pid},
    };
    if (with_time) s["time"] = rfc3339_from_ns(int64_t(p.unix_ms) * 1000000);
    return s;
}

StatsService::StatsService(HelperContext& ctx, QObject* parent)
    : QObject(parent), ctx_(ctx), history_(ctx.containers->config().state_dir + "/stats")
{
    // stats.subscribe {"interval_ms":1000,"ids":["web"]} -> {"subscription":N}
    ctx_.dispatcher->add("stats.subscribe", [this](const Call& call) {
        auto p = decode_stats_subscribe(call.params());
        if (!p) return call.fail(p.error());
        const int interval = p->interval_ms;
        std::vector<std::string> ids;
        for (const auto& ref : p->ids) {
            auto c = ctx_.containers->find(ref, call.peer());
            if (!c) return call.fail(c.error());
            ids.push_back(c.value()->id);
        }
        QPointer<Connection> conn = call.connection();
        if (!conn) return;
        auto slot = conn->take_subscription();
        if (!slot) return call.fail(slot.error());
        int64_t sub = ctx_.dispatcher->next_subscription_id();
        Sub s;
        s.slot = std::move(slot).value();
        s.conn = conn;
        s.peer = call.peer();
        s.ids = std::move(ids);
        s.interval_ms = std::max(kTickQuantumMs, (interval + kTickQuantumMs / 2) / kTickQuantumMs * kTickQuantumMs);
        s.due_ms = mono_ms() + uint64_t(s.interval_ms);
        connect(conn, &Connection::closed, this, [this, c = conn.data(), sub] { drop_sub(c, sub); });
        call.reply({{"subscription", sub}});
        // The first frame at once: the last tick's samples, rates included; nothing is read.
        std::vector<std::string> now;
        for (const auto& id : visible_ids(s))
            if (latest_.count(id)) now.push_back(id);
        uint64_t t = 0;
        for (const auto& id : now) t = std::max(t, latest_[id].point.unix_ms);
        send_frame(sub, s, frame_tail(now, t ? t : unix_ms()));
        subs_[sub] = std::move(s);
        retime();
    });
    ctx_.dispatcher->add_unsubscriber([this](Connection* c, int64_t sub) { return drop_sub(c, sub); });

    // stats.history {"id":"web","seconds":900} -> {"interval_ms":1000,"samples":[...]}
    ctx_.dispatcher->add("stats.history", [this](const Call& call) {
        auto p = decode_stats_history(call.params());
        if (!p) return call.fail(p.error());
        const int64_t seconds = p->seconds;
        auto c = ctx_.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string id = c.value()->id;
        uint64_t since = unix_ms() - uint64_t(seconds) * 1000;
        json samples = json::array();
        for (const auto& pt : history_.ring(id).since(since)) samples.push_back(sample_json(id, pt, true));
        json ooms = json::array();
        for (const auto& m : history_.ooms(id))
            if (m.unix_ms >= since)
                ooms.push_back({{"time", rfc3339_from_ns(int64_t(m.unix_ms) * 1000000)},
                                {"oom_kill_count", m.kills},
                                {"memory_limit", opt(m.memory_limit)},
                                {"memory_current", opt(m.memory_current)}});
        call.reply(
            {{"interval_ms", kHistoryIntervalMs}, {"samples", std::move(samples)}, {"oom_kills", std::move(ooms)}});
    });

    if (auto h = stats::HostReader::open()) host_reader_ = std::move(h.value());
    else qWarning("stats: %s", h.error().message().c_str());
    started_ticks_ = process_starttime(::getpid());
    reconcile();
    // Starts, exits, updates and removals as they happen (ContainerManager passes the id by
    // value, so a removal's id stays valid while listeners run); reconcile() stays as a net.
    // Queued: the change is reported from inside container.start (and create, stop...) before
    // the reply goes out; opening a container's stats files and its OOM watcher (~20 files)
    // there would delay every start. One turn of the event loop later is still long before the
    // first sample, and the OOM watcher of a fresh container counts from zero anyway.
    ctx_.containers->on_change([this](const std::string& id) {
        QMetaObject::invokeMethod(
            this, [this, id] { on_change(id); }, Qt::QueuedConnection);
    });

    // Find started and stopped containers four times a second (cheap: no file is read).
    auto* rec = new QTimer(this);
    rec->setInterval(250);
    connect(rec, &QTimer::timeout, this, &StatsService::reconcile);
    rec->start();
    ctx_.events->on_publish([this](const std::string& action, const ContainerRecord& c, int64_t unix_ns,
                                   const std::map<std::string, std::string>& attrs) {
        if (action == "oom") record_oom(c, unix_ns, attrs);
    });
    tick_timer_.setTimerType(Qt::PreciseTimer);
    connect(&tick_timer_, &QTimer::timeout, this, &StatsService::tick);
    history_due_ms_ = mono_ms() + kHistoryIntervalMs;
    retime();
    // Keep the history of a helper that is stopped cleanly.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] { history_.save_dirty(); });
}

StatsService::~StatsService() { history_.save_dirty(); }

const ContainerRecord* StatsService::record(const std::string& id) const
{
    auto r = ctx_.containers->find(id, kRoot);
    return r ? r.value() : nullptr;
}

void StatsService::reconcile()
{
    std::map<std::string, const ContainerRecord*> now;
    for (const ContainerRecord* c : ctx_.containers->visible(kRoot, true)) now[c->id] = c;
    std::vector<std::string> drop;
    for (const auto& [id, t] : tracked_)
        if (!now.count(id)) drop.push_back(id);
    for (const auto& id : drop) {
        untrack(id);
        history_.forget(id);
    }
    for (const auto& [id, c] : now) on_change(id);
}

void StatsService::on_change(const std::string& id)
{
    const ContainerRecord* c = record(id);
    if (!c) {  // removed
        untrack(id);
        history_.forget(id);
        return;
    }
    if (!tracked_state(*c)) {
        untrack(id);
        return;
    }
    auto it = tracked_.find(id);
    if (it != tracked_.end() && it->second.pid != c->pid) {
        untrack(id);  // restarted: a new init, maybe a new cgroup
        it = tracked_.end();
    }
    if (it == tracked_.end()) {
        track(*c);
        return;
    }
    it->second.state = c->state;
    std::string limits = c->to_json().value("limits", json()).dump();
    if (limits != it->second.limits) {
        it->second.limits = limits;
        sampler_.refresh(id);  // read the new limits on the next sample
    }
}

void StatsService::track(const ContainerRecord& c)
{
    const bool fresh = started_ticks_ > 0 && c.pid_starttime >= started_ticks_;
    auto cg = ctx_.containers->open_cgroup(c.id);
    if (!cg) {
        // not_found: a short container ended (and its shim removed the cgroup) before this
        // queued change was handled; its exit is on its way. Nothing to warn about.
        if (cg.error().code != Errc::not_found) qWarning("stats: %s", cg.error().message().c_str());
        return;
    }
    Tracked t;
    t.pid = c.pid;
    t.state = c.state;
    t.limits = c.to_json().value("limits", json()).dump();
    if (auto s = sampler_.add(c.id, *cg.value(), c.pid); !s) {
        qWarning("stats: %s", s.error().message().c_str());
        return;
    }
    if (auto w = stats::OomWatcher::watch(*cg.value(), fresh)) {
        t.oom = std::move(w.value());
        t.notifier = new QSocketNotifier(
            t.oom->fd(), t.oom->poll_events() == POLLPRI ? QSocketNotifier::Exception : QSocketNotifier::Read, this);
        std::string id = c.id;
        connect(t.notifier, &QSocketNotifier::activated, this, [this, id] { check_oom(id); });
    } else {
        qWarning("stats: %s", w.error().message().c_str());
    }
    // The Cgroup itself is not kept: the reader and the watcher hold what they read (on v2 it
    // held the directory's descriptor, one more per container for nothing).
    const bool watching = t.oom != nullptr;
    const std::string id = c.id;
    tracked_[id] = std::move(t);
    (void)history_.ring(id);  // load what an earlier helper kept
    // The baseline the first tick's rates are computed from (no consumer sees this reading).
    std::vector<std::string> gone;
    (void)sampler_.sample_some({id}, &gone);
    if (!gone.empty()) {
        untrack(id);
        return;
    }
    if (fresh && watching) {
        check_oom(id);  // a kill before the watch began
        // v1: an OOM that was under way when the eventfd was registered notified nobody and
        // may be counted just after this check: look twice more.
        for (int ms : {20, 200}) QTimer::singleShot(ms, this, [this, id] { check_oom(id); });
    }
}

void StatsService::untrack(const std::string& id)
{
    auto it = tracked_.find(id);
    if (it == tracked_.end()) return;
    if (it->second.oom) check_oom(id);  // a kill reported just before the exit
    it = tracked_.find(id);
    if (it == tracked_.end()) return;
    if (it->second.notifier) {
        it->second.notifier->setEnabled(false);
        it->second.notifier->deleteLater();
    }
    sampler_.remove(id);
    latest_.erase(id);
    tracked_.erase(it);
    if (auto s = history_.save(id); !s) qWarning("stats: %s", s.error().message().c_str());
}

void StatsService::check_oom(const std::string& id)
{
    auto it = tracked_.find(id);
    if (it == tracked_.end() || !it->second.oom) return;
    auto ev = it->second.oom->check();
    if (!ev) return;
    if (ev->new_kills > 0) {
        // A kill seen only after init died was already announced from the shim's exit.json.
        const ContainerRecord* c = record(id);
        bool exited = c && !c->live();
        if (c && !(exited && ctx_.events->oom_announced(*c)))
            ctx_.events->publish("oom", *c, {{"oom_kill_count", std::to_string(ev->total_kills)}});
    }
    if (ev->recheck_ms > 0) QTimer::singleShot(ev->recheck_ms, this, [this, id] { check_oom(id); });
}

void StatsService::retime()
{
    int g = kHistoryIntervalMs;
    for (const auto& [id, sub] : subs_) g = std::gcd(g, sub.interval_ms);
    g = std::max(g, kTickQuantumMs);
    if (g != tick_ms_ || !tick_timer_.isActive()) {
        tick_ms_ = g;
        tick_timer_.start(tick_ms_);
    }
}

std::vector<std::string> StatsService::visible_ids(const Sub& s) const
{
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        const ContainerRecord* c = record(id);
        if (c && s.peer.may_see(c->owner_uid)) out.push_back(id);
    };
    if (s.ids.empty())
        for (const auto& [id, t] : tracked_) add(id);
    else
        for (const auto& id : s.ids)
            if (tracked_.count(id)) add(id);
    return out;
}

void StatsService::tick()
{
    const uint64_t now = mono_ms();
    const uint64_t slack = uint64_t(tick_ms_) / 2;  // a consumer takes the tick nearest its due time
    auto next = [&](uint64_t due, int interval) {
        due += uint64_t(interval);
        return due + slack <= now ? now + uint64_t(interval) : due;  // late by a whole interval: skip, never bunch
    };
    const bool history = now + slack >= history_due_ms_;
    std::set<std::string> want;
    if (history)
        for (const auto& [id, t] : tracked_) want.insert(id);
    std::vector<std::pair<int64_t, std::vector<std::string>>> due;
    std::vector<int64_t> closed;
    for (auto& [sub, s] : subs_) {
        if (!s.conn) {
            closed.push_back(sub);
            continue;
        }
        if (now + slack < s.due_ms) continue;
        auto ids = visible_ids(s);
        want.insert(ids.begin(), ids.end());
        due.emplace_back(sub, std::move(ids));
        s.due_ms = next(s.due_ms, s.interval_ms);
    }
    for (int64_t sub : closed) drop_sub(nullptr, sub);
    if (!history && due.empty()) return;

    // The one reading of this tick, in one batch so the sampler's parent gate applies (an
    // idle host reads two or three files).
    std::vector<std::string> gone;
    const uint64_t unix_now = unix_ms();
    std::set<std::string> fresh;
    for (const auto& e : sampler_.sample_some(std::vector<std::string>(want.begin(), want.end()), &gone)) {
        auto p = stats::HistoryPoint::from(e, unix_now);
        if (auto t = tracked_.find(e.id); t != tracked_.end()) p.pid = uint64_t(t->second.pid);
        Latest& l = latest_[e.id];
        l.point = p;
        l.text = sample_json(e.id, p, false).dump(-1, ' ', false, json::error_handler_t::replace);
        fresh.insert(e.id);
        if (history) history_.push(e.id, p);
    }
    // The host in the same tick, once, for every frame of it.
    if (!due.empty() && host_reader_) {
        if (auto h = host_reader_->read()) {
            host_latest_ = host_json(host_prev_, h.value()).dump();
            host_prev_ = h.value();
        }
    }
    // One encoding per set of containers: subscribers that see the same ones in this tick (one
    // uid, or all of root's, at any interval) get the same bytes; only the number differs.
    std::map<std::vector<std::string>, std::shared_ptr<const std::string>> frames;
    for (auto& [sub, ids] : due) {
        std::erase_if(ids, [&](const std::string& id) { return !fresh.count(id); });
        auto it = subs_.find(sub);
        if (it == subs_.end() || !it->second.conn) continue;
        auto& tail = frames[ids];
        if (!tail) tail = frame_tail(ids, unix_now);
        send_frame(sub, it->second, tail);
    }
    for (const auto& id : gone) untrack(id);
    if (history) {
        history_due_ms_ = next(history_due_ms_, kHistoryIntervalMs);
        if (--save_countdown_ <= 0) {  // once a minute, so a crash loses at most a minute
            save_countdown_ = 60;
            history_.save_dirty();
        }
    }
}

std::shared_ptr<const std::string> StatsService::frame_tail(const std::vector<std::string>& ids,
                                                            uint64_t unix_now) const
{
    // The same object notification_line() would write, "subscription" first so that the head
    // can carry it: {"jsonrpc":"2.0","method":"stats","params":{"subscription":N, + this.
    std::string t = "\"time\":" + json(rfc3339_from_ns(int64_t(unix_now) * 1000000)).dump() + ",\"containers\":[";
    size_t reserve = t.size() + host_latest_.size() + 16;
    for (const auto& id : ids)
        if (auto it = latest_.find(id); it != latest_.end()) reserve += it->second.text.size() + 1;
    t.reserve(reserve);
    bool first = true;
    for (const auto& id : ids) {
        auto it = latest_.find(id);
        if (it == latest_.end()) continue;
        if (!first) t += ',';
        first = false;
        t += it->second.text;
    }
    t += ']';
    if (!host_latest_.empty()) {
        t += ",\"host\":";
        t += host_latest_;
    }
    t += "}}\n";
    return std::make_shared<const std::string>(std::move(t));
}

void StatsService::send_frame(int64_t sub, const Sub& s, std::shared_ptr<const std::string> tail)
{
    if (!s.conn) return;
    s.conn->send_shared(
        "{\"jsonrpc\":\"2.0\",\"method\":\"stats\",\"params\":{\"subscription\":" + std::to_string(sub) + ",",
        std::move(tail));
}

void StatsService::record_oom(const ContainerRecord& c, int64_t unix_ns,
                              const std::map<std::string, std::string>& attrs)
{
    OomMark m;
    m.unix_ms = uint64_t(unix_ns / 1000000);
    if (auto a = attrs.find("oom_kill_count"); a != attrs.end())
        m.kills = std::strtoull(a->second.c_str(), nullptr, 10);
    // The limit and use of the container's last tick (its cgroup may be gone by now).
    const stats::HistoryPoint* last = nullptr;
    if (auto it = latest_.find(c.id); it != latest_.end()) last = &it->second.point;
    std::vector<stats::HistoryPoint> tail;
    if (!last) {
        tail = history_.ring(c.id).points(1);
        if (!tail.empty()) last = &tail.back();
    }
    if (last) {
        m.memory_limit = last->memory_limit;
        m.memory_current = last->memory_current;
        if (m.kills == 0) m.kills = last->oom_kill_events + 1;
    }
    history_.add_oom(c.id, m);
}

bool StatsService::drop_sub(Connection* conn, int64_t sub)
{
    auto it = subs_.find(sub);
    if (it == subs_.end()) return false;
    if (conn && it->second.conn && it->second.conn.data() != conn) return false;  // not theirs
    subs_.erase(it);
    retime();
    return true;
}

void install_stats_service(HelperContext& ctx) { new StatsService(ctx, ctx.dispatcher); }

}  // namespace onggi::helper

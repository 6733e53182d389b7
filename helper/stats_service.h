// StatsService: stats.subscribe / stats.history (docs/protocol.md) and OOM events.
//  * Every running or paused container is tracked: its cgroup files are kept open by an
//    engine::stats::Sampler (pread per sample) and an OomWatcher whose fd sits in a
//    QSocketNotifier, so an OOM kill is published as an "oom" event the moment the kernel
//    reports it (v1: eventfd deduplicated by the oom_kill counter; v2: memory.events).
//  * A container is tracked the moment ContainerManager reports its start (on_change), and
//    the watcher of one started by this helper counts from zero: a kill in the container's first milliseconds, before
//    the helper even knew the init pid, is published at once. A 250 ms reconcile is the safety net. A kill the watcher
//    cannot see any more (the cgroup already removed) is published by ContainerManager::finish_exit from the shim's
//    exit.json, which the shim reads from the cgroup before removing it; EventBus::oom_announced keeps it to one event
//    per run.
//  * One tick, one truth (the ksystemstats shape): ONE timer samples each container that some
//    consumer wants at most once per tick; the engine computes the rates once, from
//    CLOCK_MONOTONIC over the real interval since that container's previous tick, and that
//    same sample goes to history and to every subscriber whose interval includes the tick.
//    Consumers: history (every tracked container, each 1000 ms: 15 min ring, persisted by
//    HistoryStore) and each subscription (100..10000 ms, rounded to 100 ms). The tick is
//    the greatest common divisor of their intervals; each consumer keeps its own due time,
//    and takes the tick nearest to it. No consumer ever reads the cgroup itself, so none can
//    shorten another's interval (once, each subscription's own timer sampled the shared
//    reader and the second of two back-to-back timers computed its rate over microseconds).
//    A new subscription gets the last tick's samples at once (with their rates).
//  * Encoded once: each sample is encoded once per tick, and each frame once per set of
//    containers; the subscribers that see the same set in a tick (the same uid's, or root's)
//    share those bytes and only the subscription number is their own (as log followers share
//    lines). 100 subscribers of 500 containers once cost 45 MB/s of JSON encoding.
//  * The host's CPU and memory ("host" in every frame, for the dashboard's totals) are read in
//    the same tick as the containers, once per tick in which some subscriber gets a frame;
//    the host's CPU rate is over the real interval since the previous reading (not secret:
//    any user reads /proc/stat and /proc/meminfo).
//  * OOM kills are kept in history with the time of the kill and the memory limit then,
//    whichever path announced them (EventBus::on_publish), also when the kill took init and
//    the cgroup with it; a container's history stays until it is removed.
// Safe: params are decoded and bounded first; ids resolve through ContainerManager::find with
// the caller's peer, so nobody sees or subscribes to another user's containers.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/container_state.h"
#include "engine/stats/host_reader.h"
#include "engine/stats/oom_watcher.h"
#include "engine/stats/sampler.h"
#include "helper/handlers/handlers.h"
#include "helper/history_store.h"

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace onggi::helper {

class StatsService : public QObject {
    Q_OBJECT
public:
    StatsService(HelperContext& ctx, QObject* parent = nullptr);
    ~StatsService() override;

    // A protocol Sample object from a history point ("time" added when with_time).
    static json sample_json(const std::string& id, const stats::HistoryPoint& p, bool with_time);

    size_t tracked() const { return tracked_.size(); }

private:
    static constexpr int kTickQuantumMs = 100;

    struct Tracked {
        std::unique_ptr<stats::OomWatcher> oom;
        QSocketNotifier* notifier = nullptr;
        pid_t pid = 0;
        ContainerState state = ContainerState::created;
        std::string limits;  // serialized, to notice updates
    };
    struct Sub {
        QPointer<Connection> conn;
        Peer peer;
        std::vector<std::string> ids;  // empty: every container the peer may see
        int interval_ms = 1000;        // a multiple of kTickQuantumMs
        uint64_t due_ms = 0;           // CLOCK_MONOTONIC ms of its next frame
        PeerLimits::Slot slot;         // its place under the caller's subscription caps
    };
    // The last tick's sample of a container: what a new subscriber gets first.
    struct Latest {
        stats::HistoryPoint point;
        std::string text;  // its protocol Sample object, encoded once per tick for every frame
    };

    void on_change(const std::string& id);
    void reconcile();  // track what runs, drop what stopped or was removed
    const ContainerRecord* record(const std::string& id) const;
    void track(const ContainerRecord& c);
    void untrack(const std::string& id);
    void check_oom(const std::string& id);
    void tick();
    void retime();  // the tick interval after a subscription came or went
    std::vector<std::string> visible_ids(const Sub& s) const;
    // A frame's bytes after its subscription number, for every subscriber that gets these ids
    // in this tick: encoded once, shared (Connection::send_shared).
    std::shared_ptr<const std::string> frame_tail(const std::vector<std::string>& ids, uint64_t unix_ms) const;
    static void send_frame(int64_t sub, const Sub& s, std::shared_ptr<const std::string> tail);
    bool drop_sub(Connection* conn, int64_t sub);
    void record_oom(const ContainerRecord& c, int64_t unix_ns, const std::map<std::string, std::string>& attrs);

    HelperContext& ctx_;
    stats::Sampler sampler_;
    HistoryStore history_;
    std::map<std::string, Tracked> tracked_;
    std::map<int64_t, Sub> subs_;
    std::map<std::string, Latest> latest_;
    std::optional<stats::HostReader> host_reader_;  // /proc/stat + /proc/meminfo
    stats::HostCounters host_prev_;                 // the last reading (rates from it)
    std::string host_latest_;                       // the last tick's "host" object, encoded; or empty
    QTimer tick_timer_;
    int tick_ms_ = 1000;
    uint64_t history_due_ms_ = 0;
    int save_countdown_ = 60;
    // This helper's start (clock ticks since boot, as ContainerRecord::pid_starttime): a
    // container whose init started later was started by this helper, so its cgroup is new and
    // the OOM kills already counted in it are news; older ones were re-adopted.
    uint64_t started_ticks_ = 0;
};

// Called once by HelperDaemon at startup (helper/helper_daemon.cpp).
void install_stats_service(HelperContext& ctx);

}  // namespace onggi::helper

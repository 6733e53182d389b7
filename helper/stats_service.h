// StatsService: stats.subscribe / stats.history (docs/protocol.md) and OOM events.
//  * Every running or paused container is tracked: its cgroup files are kept open by an
//    engine::stats::Sampler (pread per sample) and an OomWatcher whose fd sits in a
//    QSocketNotifier, so an OOM kill is published as an "oom" event the moment the kernel
//    reports it (v1: eventfd deduplicated by the oom_kill counter; v2: memory.events).
//  * A container is tracked the moment ContainerManager reports its start (on_change), and
//    the watcher of one started by this helper counts from zero: a kill in the container's first milliseconds, before the
//    helper even knew the init pid, is published at once. A 250 ms reconcile is the safety
//    net. A kill the watcher cannot see any more (the cgroup already removed) is published
//    by ContainerManager::finish_exit from the shim's exit.json, which the shim reads from
//    the cgroup before removing it; EventBus::oom_announced keeps it to one event per run.
//  * Once a second every tracked container is sampled into its history ring (15 min at 1 s),
//    persisted by HistoryStore so history survives helper restarts.
//  * Each subscription has its own timer (100..10000 ms) and gets one batched frame per tick
//    with the containers its peer may see, and the host's CPU and memory ("host") read in
//    the same tick (not secret: any user reads /proc/stat and /proc/meminfo).
// Safe: params are decoded and bounded first; ids resolve through ContainerManager::find with
// the caller's peer, so nobody sees or subscribes to another user's containers.
#pragma once

#include "engine/cgroup/cgroup.h"
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
    struct Tracked {
        std::unique_ptr<cgroup::Cgroup> cgroup;
        std::unique_ptr<stats::OomWatcher> oom;
        QSocketNotifier* notifier = nullptr;
        pid_t pid = 0;
        std::string state;
        std::string limits;  // serialized, to notice updates
    };
    struct Sub {
        QPointer<Connection> conn;
        Peer peer;
        std::vector<std::string> ids;  // empty: every container the peer may see
        QTimer* timer = nullptr;
        stats::HostCounters host_prev;  // this subscription's last host reading (its own rates)
    };

    void on_change(const std::string& id);
    void reconcile();  // track what runs, drop what stopped or was removed
    const ContainerRecord* record(const std::string& id) const;
    void track(const ContainerRecord& c);
    void untrack(const std::string& id);
    void check_oom(const std::string& id);
    void history_tick();
    void send_frame(int64_t sub);
    bool drop_sub(Connection* conn, int64_t sub);

    HelperContext& ctx_;
    stats::Sampler sampler_;
    std::optional<stats::HostReader> host_reader_;  // /proc/stat + /proc/meminfo, for "host"
    HistoryStore history_;
    std::map<std::string, Tracked> tracked_;
    std::map<int64_t, Sub> subs_;
    QTimer history_timer_;
    int save_countdown_ = 60;
    // This helper's start (clock ticks since boot, as ContainerRecord::pid_starttime): a
    // container whose init started later was started by this helper, so its cgroup is new and
    // the OOM kills already counted in it are news; older ones were re-adopted.
    uint64_t started_ticks_ = 0;
};

// Called once by HelperDaemon at startup (helper/helper_daemon.cpp).
void install_stats_service(HelperContext& ctx);

} // namespace onggi::helper

// Pushes OOM events the moment the kernel reports them, through one fd the caller polls
// (the helper wraps it in a QSocketNotifier).
//   v1: an eventfd registered on memory.oom_control through cgroup.event_control. It fires
//       before the OOM killer has chosen a victim and more than once per kill, so events are
//       counted from the oom_kill counter of memory.oom_control, never from the eventfd.
//   v2: memory.events itself, polled for POLLPRI: the kernel marks the open file changed after
//       bumping oom/oom_kill (kernfs_notify), and reading it clears the mark. No inotify
//       instance per container: fs.inotify.max_user_instances (128 by default) stopped OOM
//       watching past about 120 containers.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/unique_fd.h"

#include <cstdint>
#include <memory>

namespace onggi::stats {

struct OomEvent {
    uint64_t new_kills = 0;    // OOM kills since the last check (what to report)
    uint64_t total_kills = 0;  // the kernel's counter
    uint64_t new_ooms = 0;     // v2: memory.events "oom" increments; v1: eventfd wakeups
    // v1: the eventfd fired but the kill is not counted yet (the killer runs after the
    // notification). Call check() again after recheck_ms even if fd() stays quiet.
    int recheck_ms = 0;
};

class OomWatcher {
public:
    // from_zero: the cgroup was made for the run that just started (the shim makes it at start
    // and removes it at exit), so kills it already counted happened before the watch began and
    // are reported by the first check(); call it at once. Otherwise (re-adopting a container
    // after a helper restart) only kills after this call are reported.
    static Result<std::unique_ptr<OomWatcher>> watch(const cgroup::Cgroup& cg, bool from_zero = false);
    ~OomWatcher();

    // Ready for poll_events() when the kernel has something to say: POLLIN (v1, an eventfd) or
    // POLLPRI (v2, memory.events; a QSocketNotifier of type Exception).
    int fd() const { return v2_ ? counter_.get() : fd_.get(); }
    short poll_events() const;
    // Drain fd() and report what changed since the last call. Never blocks.
    Result<OomEvent> check();
    uint64_t total_kills() const { return kills_; }

private:
    OomWatcher() = default;
    Result<uint64_t> read_counter(uint64_t* ooms);

    bool v2_ = false;
    UniqueFd fd_;       // eventfd (v1)
    UniqueFd counter_;  // memory.oom_control (v1) or memory.events (v2), for pread
    uint64_t kills_ = 0, ooms_ = 0;
    int pending_ = 0;  // v1: rechecks left after a wakeup that did not show a kill yet
    std::string path_;
};

}  // namespace onggi::stats

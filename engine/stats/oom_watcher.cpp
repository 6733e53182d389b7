#include "engine/stats/oom_watcher.h"

#include "engine/cgroup/cgroup_files.h"
#include "engine/cgroup/knobs.h"
#include "engine/core/files.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

namespace onggi::stats {

OomWatcher::~OomWatcher() = default;

short OomWatcher::poll_events() const { return v2_ ? POLLPRI : POLLIN; }

Result<std::unique_ptr<OomWatcher>> OomWatcher::watch(const cgroup::Cgroup& cg, bool from_zero)
{
    std::unique_ptr<OomWatcher> w(new OomWatcher());
    w->path_ = cg.path();
    auto ctx = "watch OOM of " + cg.path();
    const std::string counter = cgroup::knob_path(cg, cgroup::Knob::memory_oom);
    if (counter.empty()) return Error(Errc::unsupported, "the memory controller is not mounted").wrap(ctx);
    w->v2_ = cg.mode() == cgroup::Mode::v2;
    w->counter_.reset(::open(counter.c_str(), O_RDONLY | O_CLOEXEC));
    if (!w->counter_) return Error::from_errno("open " + counter).wrap(ctx);
    if (!w->v2_) {
        w->fd_.reset(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
        if (!w->fd_) return Error::from_errno("eventfd").wrap(ctx);
        // "<event_fd> <fd of memory.oom_control>" (Documentation/admin-guide/cgroup-v1/memory.rst §9).
        std::string reg = std::to_string(w->fd_.get()) + " " + std::to_string(w->counter_.get());
        if (auto s = write_file(cgroup::knob_path(cg, cgroup::Knob::memory_oom_control_events), reg); !s)
            return std::move(s).error().wrap(ctx);
    }
    uint64_t ooms = 0;
    auto k = w->read_counter(&ooms);
    if (!k) return std::move(k).error().wrap(ctx);
    w->kills_ = from_zero ? 0 : k.value();
    w->ooms_ = from_zero ? 0 : ooms;
    return w;
}

Result<uint64_t> OomWatcher::read_counter(uint64_t* ooms)
{
    char buf[1024];
    ssize_t n;
    do n = ::pread(counter_.get(), buf, sizeof buf - 1, 0);
    while (n < 0 && errno == EINTR);
    if (n < 0) return Error::from_errno("read OOM counter of " + path_);
    std::string_view t(buf, size_t(n));
    if (v2_ && ooms) *ooms = cgroup::files::keyed(t, "oom").value_or(0);
    return cgroup::files::keyed(t, "oom_kill").value_or(0);
}

Result<OomEvent> OomWatcher::check()
{
    OomEvent ev;
    uint64_t wakeups = 0;
    if (!v2_) {  // v2: the read of memory.events below clears its changed mark
        uint64_t v = 0;
        if (::read(fd_.get(), &v, sizeof v) == sizeof v) wakeups = v;
    }
    uint64_t ooms = 0;
    auto k = read_counter(&ooms);
    if (!k) return std::move(k).error();
    uint64_t kills = k.value();
    if (kills > kills_) ev.new_kills = kills - kills_;
    kills_ = kills;
    ev.total_kills = kills;
    if (v2_) {
        if (ooms > ooms_) ev.new_ooms = ooms - ooms_;
        ooms_ = ooms;
    } else {
        ev.new_ooms = wakeups;
        // The eventfd fires before the killer has picked its victim: look again shortly
        // (up to 20 x 5 ms) so the kill is reported at once, not at the next tick.
        if (wakeups > 0 && ev.new_kills == 0) pending_ = 20;
        else if (ev.new_kills > 0) pending_ = 0;
        else if (pending_ > 0) --pending_;
        ev.recheck_ms = pending_ > 0 ? 5 : 0;
    }
    return ev;
}

}  // namespace onggi::stats

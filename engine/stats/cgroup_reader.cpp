#include "engine/stats/cgroup_reader.h"

#include "engine/cgroup/cgroup_files.h"
#include "engine/cgroup/knobs.h"

#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace onggi::stats {

namespace f = cgroup::files;

size_t CgroupReader::fast_file_count() const
{
    size_t n = 0;
    for (auto& f : files_) n += f.tier == Tier::every;
    return n;
}

size_t CgroupReader::held_fd_count() const
{
    size_t n = 0;
    for (auto& f : files_) n += bool(f.fd);
    return n;
}

Status CgroupReader::add(Key key, const std::string& path, bool required, Tier tier)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (!required && (errno == ENOENT || errno == EACCES)) return {};
        return Error::from_errno("open " + path);
    }
    File f{key, UniqueFd(fd), tier};
    // Files read once a minute or after an update (limits), or at most on every slow tick and
    // only when the container ran (PSI; v1 memory.oom_control, which the OOM watcher holds open
    // already) are opened when read, not held: 9 descriptors fewer per container in the helper
    // on a hybrid host. An open costs a few us more, on a fifth of the ticks at most.
    if (tier == Tier::limits || tier == Tier::slow_psi || key == Key::oom_control) {
        f.fd.reset();
        f.path = path;
    }
    files_.push_back(std::move(f));
    return {};
}

namespace {

// Same network namespace (device and inode of the nsfs files)? false when either is unreadable.
bool same_netns(const std::string& a, const std::string& b)
{
    struct stat sa, sb;
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace

Result<CgroupReader> CgroupReader::open(const cgroup::Cgroup& cg, pid_t init_pid, ReaderOptions opt)
{
    CgroupReader r;
    r.path_ = cg.path();
    auto wrap = [&](Error e) { return std::move(e).wrap("stats reader for " + cg.path()); };
    using T = Tier;
    // Which files, in which tier: the names come from the one table (engine/cgroup/knobs.h).
    struct Entry {
        Key key;
        cgroup::Knob knob;
        bool required;
        bool on;
        Tier tier;
    };
    using K = cgroup::Knob;
    std::vector<Entry> list;
    if (cg.mode() == cgroup::Mode::v2) {
        list = {
            {Key::cpu_stat_v2, K::cpu_stat, true, true, T::every},
            {Key::cpu_max, K::cpu_quota, false, true, T::limits},
            {Key::mem_current, K::memory_usage, false, true, T::every},
            {Key::mem_max, K::memory_limit, false, true, T::limits},
            {Key::mem_high, K::memory_high, false, true, T::limits},
            {Key::mem_peak, K::memory_peak, false, true, T::slow_cpu_mem},
            // Reclaim can free a swap slot of a page kept in memory without the tasks running:
            // that case waits for the sweep.
            {Key::swap_current, K::memory_swap_usage, false, true, T::slow_cpu_mem},
            {Key::swap_max, K::memory_swap_limit, false, true, T::limits},
            {Key::mem_stat_v2, K::memory_stat, false, opt.memory_stat, T::slow_cpu_mem},
            {Key::mem_events, K::memory_oom, false, true, T::slow_cpu},
            {Key::io_stat, K::io_stat, false, opt.io, T::every},
            {Key::pids_current, K::pids_current, false, true, T::on_cpu},
            {Key::pids_max, K::pids_limit, false, true, T::limits},
            {Key::cpu_pressure, K::cpu_pressure, false, opt.pressure, T::slow_psi},
            {Key::mem_pressure, K::memory_pressure, false, opt.pressure, T::slow_psi},
            {Key::io_pressure, K::io_pressure, false, opt.pressure, T::slow_psi},
        };
    } else {
        if (cg.controller_dir("memory").empty() && cg.controller_dir("cpu").empty() &&
            cg.controller_dir("cpuacct").empty())
            return wrap(Error(Errc::not_found, "no cpu, cpuacct or memory hierarchy"));
        // cpuacct.usage is exact (ns) and read every sample; the user/system split is tick
        // based either way (since 5.15 cpuacct.usage_all's columns come from the tick-based
        // cpustat, so they do not sum to cpuacct.usage): cpuacct.usage_all (ns per CPU, one
        // read) or on older kernels cpuacct.stat (USER_HZ ticks), read on slow samples.
        const std::string all = cgroup::knob_path(cg, K::cpu_usage_all);
        const bool have_all = !all.empty() && cgroup::files::exists(all);
        // The swap in use comes from memory.stat (total_swap) when it is read, else from
        // memory.memsw.usage_in_bytes.
        list = {
            {Key::cpuacct_all, K::cpu_usage_all, false, have_all, T::slow_cpu},
            {Key::cpuacct_usage, K::cpu_usage, false, true, T::every},
            {Key::cpuacct_stat, K::cpuacct_stat, false, !have_all, T::slow_cpu},
            {Key::cpu_stat_v1, K::cpu_stat, false, true, T::cpu_stat},
            {Key::cfs_quota, K::cpu_quota, false, true, T::limits},
            {Key::cfs_period, K::cpu_period, false, true, T::limits},
            {Key::mem_usage, K::memory_usage, false, true, T::every},
            {Key::mem_limit, K::memory_limit, false, true, T::limits},
            {Key::mem_max_usage, K::memory_peak, false, true, T::slow_cpu_mem},
            {Key::memsw_usage, K::memory_swap_usage, false, !opt.memory_stat, T::slow_cpu_mem},
            {Key::memsw_limit, K::memory_swap_limit, false, true, T::limits},
            {Key::mem_stat_v1, K::memory_stat, false, opt.memory_stat, T::slow_cpu_mem},
            {Key::oom_control, K::memory_oom, false, true, T::slow_cpu},
            {Key::blkio_bytes, K::io_service_bytes, false, opt.io, T::on_cpu},
            {Key::blkio_ops, K::io_serviced, false, opt.io, T::on_cpu},
            {Key::pids_current, K::pids_current, false, true, T::on_cpu},
            {Key::pids_max, K::pids_limit, false, true, T::limits},
            {Key::cpu_pressure, K::cpu_pressure, false, opt.pressure, T::slow_psi},
            {Key::mem_pressure, K::memory_pressure, false, opt.pressure, T::slow_psi},
            {Key::io_pressure, K::io_pressure, false, opt.pressure, T::slow_psi},
        };
    }
    for (const Entry& e : list) {
        if (!e.on) continue;
        const std::string path = cgroup::knob_path(cg, e.knob);
        if (path.empty()) continue;  // the host lacks the controller (v1)
        if (auto s = r.add(e.key, path, e.required, e.tier); !s) return wrap(std::move(s).error());
    }
    if (opt.net && init_pid > 0) {
        std::string proc = opt.proc_root + "/" + std::to_string(init_pid);
        r.host_netns_ = opt.gate && same_netns(proc + "/ns/net", opt.proc_root + "/self/ns/net");
        if (!r.host_netns_)
            if (auto s = r.add(Key::net_dev, proc + "/net/dev", false, Tier::net); !s)
                return wrap(std::move(s).error());
    }
    if (r.files_.empty()) return wrap(Error(Errc::not_found, "no statistics files"));
    for (auto& f : r.files_) {
        r.have_cpu_ |= f.key == Key::cpuacct_usage || f.key == Key::cpu_stat_v2;
        r.have_mem_ |= f.key == Key::mem_usage || f.key == Key::mem_current;
    }
    // The gates compare against this sample's CPU and memory usage: read those first.
    std::stable_partition(r.files_.begin(), r.files_.end(), [](const File& f) { return f.tier == Tier::every; });
    r.slow_every_ = opt.slow_every == 0 ? 1 : opt.slow_every;
    r.sweep_every_ = opt.sweep_every == 0 ? 1 : opt.sweep_every;
    r.gate_ = opt.gate;
    return r;
}

bool CgroupReader::due(const File& f, bool sweep, bool slow, bool quiet, bool quota, uint64_t cpu, uint64_t mem) const
{
    if (sweep || !f.ever) return true;
    if (!gate_) {
        switch (f.tier) {
        case Tier::every:
        case Tier::on_cpu:
        case Tier::cpu_stat:
        case Tier::net: return true;
        default: return slow;
        }
    }
    const bool cpu_moved = !have_cpu_ || cpu != f.cpu_at;
    const bool mem_moved = !have_mem_ || mem != f.mem_at;
    switch (f.tier) {
    case Tier::every: return !quiet;
    case Tier::on_cpu: return cpu_moved;
    case Tier::cpu_stat: return quota && (cpu_moved || f.hot);
    case Tier::slow_cpu: return slow && cpu_moved;
    case Tier::slow_cpu_mem: return slow && (cpu_moved || mem_moved);
    case Tier::slow_psi: return slow && (cpu_moved || f.hot);
    case Tier::net: return f.hot || (slow && cpu_moved);
    case Tier::limits: return false;
    }
    return true;
}

Status CgroupReader::read(Sample& out, bool quiet)
{
    const bool sweep = force_ || ticks_ % sweep_every_ == 0;
    const bool slow = sweep || ticks_ % slow_every_ == 0;
    // Start from the last sample: what is not read now is carried over.
    out = last_;
    auto& s = out.cg;
    char buf[16384];
    uint64_t memsw_usage = 0, memsw_limit = 0;
    bool have_memsw = false, have_memsw_limit = false, have_limit = false;
    int read_ok = 0, tried = 0;
    // The "every" files come first: after them, s holds this sample's CPU and memory usage.
    for (auto& fl : files_) {
        const uint64_t cpu = s.cpu_usage_ns, mem = s.memory_current;
        if (!due(fl, sweep, slow, quiet, s.cpu_quota_us.has_value(), cpu, mem)) continue;
        UniqueFd now;  // a file not held open (limits), for this read
        if (!fl.fd) {
            now.reset(::open(fl.path.c_str(), O_RDONLY | O_CLOEXEC));
            if (!now) {
                // Out of descriptors: carried, and due again next time (it has not been read).
                if (errno == EMFILE || errno == ENFILE) continue;
                ++tried;
                if (errno == ENODEV || errno == ENOENT) continue;  // the cgroup is gone
                return Error::from_errno("open " + fl.path);
            }
        }
        const int fd = fl.fd ? fl.fd.get() : now.get();
        ++tried;
        ssize_t n;
        do n = ::pread(fd, buf, sizeof buf - 1, 0);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            // ENODEV: the cgroup was removed under the open file.
            if (errno == ENODEV || errno == ENOENT || errno == ESRCH) continue;
            return Error::from_errno("read statistics of " + path_);
        }
        ++read_ok;
        // Whether the CPU moved since this file's last read (unknown, so false, on its first).
        const bool first = !fl.ever;
        const bool cpu_moved = !first && (!have_cpu_ || cpu != fl.cpu_at);
        fl.ever = true;
        fl.cpu_at = cpu;
        fl.mem_at = mem;
        std::string_view t(buf, size_t(n));
        switch (fl.key) {
        case Key::cpuacct_all: {
            // "cpu user system\n0 132000000 32000000\n1 ...": sum the columns.
            uint64_t user = 0, sys = 0;
            bool header = true;
            f::for_each_line(t, [&](std::string_view line) {
                if (std::exchange(header, false)) return;
                size_t a = line.find(' ');
                size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
                if (b == std::string_view::npos) return;
                user += f::parse_u64(line.substr(a + 1, b - a - 1)).value_or(0);
                sys += f::parse_u64(line.substr(b + 1)).value_or(0);
            });
            s.cpu_user_ns = user;
            s.cpu_system_ns = sys;
            break;
        }
        case Key::cpuacct_usage: s.cpu_usage_ns = f::parse_u64(t).value_or(0); break;
        case Key::cpuacct_stat: {
            long hz = ::sysconf(_SC_CLK_TCK);
            uint64_t tick = hz > 0 ? 1000000000ull / uint64_t(hz) : 10000000ull;
            s.cpu_user_ns = f::keyed(t, "user").value_or(0) * tick;
            s.cpu_system_ns = f::keyed(t, "system").value_or(0) * tick;
            break;
        }
        case Key::cpu_stat_v1: {
            uint64_t throttled = s.cpu_nr_throttled, throttled_ns = s.cpu_throttled_ns;
            s.cpu_nr_periods = f::keyed(t, "nr_periods").value_or(0);
            s.cpu_nr_throttled = f::keyed(t, "nr_throttled").value_or(0);
            s.cpu_throttled_ns = f::keyed(t, "throttled_time").value_or(0);
            // The period timer adds throttling while the tasks wait: look once more.
            fl.hot = cpu_moved || (!first && (throttled != s.cpu_nr_throttled || throttled_ns != s.cpu_throttled_ns));
            break;
        }
        case Key::cfs_quota: {
            auto q = f::trim(t);
            s.cpu_quota_us.reset();  // "-1": none (a quota removed since the last read)
            if (!q.empty() && q[0] != '-') s.cpu_quota_us = f::parse_u64(q);
            break;
        }
        case Key::cfs_period: s.cpu_period_us = f::parse_u64(t).value_or(0); break;
        case Key::mem_usage: s.memory_current = f::parse_u64(t).value_or(0); break;
        case Key::mem_limit:
            s.memory_limit = f::parse_v1_limit(t);
            have_limit = true;
            break;
        case Key::mem_max_usage: s.memory_peak = f::parse_u64(t); break;
        case Key::memsw_usage:
            memsw_usage = f::parse_u64(t).value_or(0);
            have_memsw = true;
            break;
        case Key::memsw_limit:
            if (auto v = f::parse_v1_limit(t)) {
                memsw_limit = *v;
                have_memsw_limit = true;
            }
            break;
        case Key::mem_stat_v1:
            s.memory_cache = f::keyed(t, "total_cache").value_or(0);
            s.memory_anon = f::keyed(t, "total_rss").value_or(0);
            if (auto sw = f::keyed(t, "total_swap")) s.memory_swap_current = *sw;
            break;
        case Key::oom_control: s.oom_kill_events = f::keyed(t, "oom_kill").value_or(0); break;
        case Key::blkio_bytes: f::parse_blkio(t, s.io_read_bytes, s.io_write_bytes); break;
        case Key::blkio_ops: f::parse_blkio(t, s.io_read_ops, s.io_write_ops); break;
        case Key::cpu_stat_v2:
            s.cpu_usage_ns = f::keyed(t, "usage_usec").value_or(0) * 1000;
            s.cpu_user_ns = f::keyed(t, "user_usec").value_or(0) * 1000;
            s.cpu_system_ns = f::keyed(t, "system_usec").value_or(0) * 1000;
            s.cpu_nr_periods = f::keyed(t, "nr_periods").value_or(0);
            s.cpu_nr_throttled = f::keyed(t, "nr_throttled").value_or(0);
            s.cpu_throttled_ns = f::keyed(t, "throttled_usec").value_or(0) * 1000;
            break;
        case Key::cpu_max: f::parse_cpu_max(t, s.cpu_quota_us, s.cpu_period_us); break;
        case Key::mem_current: s.memory_current = f::parse_u64(t).value_or(0); break;
        case Key::mem_max: s.memory_limit = f::parse_max(t); break;
        case Key::mem_high: s.memory_high = f::parse_max(t); break;
        case Key::mem_peak: s.memory_peak = f::parse_u64(t); break;
        case Key::swap_current: s.memory_swap_current = f::parse_u64(t); break;
        case Key::swap_max: s.memory_swap_limit = f::parse_max(t); break;
        case Key::mem_stat_v2:
            s.memory_cache = f::keyed(t, "file").value_or(0);
            s.memory_anon = f::keyed(t, "anon").value_or(0);
            break;
        case Key::mem_events:
            s.oom_events = f::keyed(t, "oom").value_or(0);
            s.oom_kill_events = f::keyed(t, "oom_kill").value_or(0);
            break;
        case Key::io_stat: {
            auto io = f::parse_io_stat(t);
            s.io_read_bytes = io.rbytes;
            s.io_write_bytes = io.wbytes;
            s.io_read_ops = io.rios;
            s.io_write_ops = io.wios;
            break;
        }
        case Key::pids_current: s.pids_current = f::parse_u64(t).value_or(0); break;
        case Key::pids_max: s.pids_limit = f::parse_max(t); break;
        case Key::cpu_pressure:
        case Key::mem_pressure:
        case Key::io_pressure: {
            auto p = f::parse_pressure(t);
            auto& slot = fl.key == Key::cpu_pressure   ? s.cpu_pressure
                         : fl.key == Key::mem_pressure ? s.memory_pressure
                                                       : s.io_pressure;
            if (!p.some.present) {
                fl.hot = false;
                break;
            }
            cgroup::Stats::Pressure v{p.some.avg10, p.full.avg10, p.some.total_us, p.full.total_us};
            // Averages decay and a blocked task stalls without running: keep reading while
            // there is pressure to see.
            fl.hot = v.some_avg10 > 0 || v.full_avg10 > 0 || !slot || slot->some_total_us != v.some_total_us ||
                     slot->full_total_us != v.full_total_us;
            slot = v;
            break;
        }
        case Key::net_dev: {
            NetCounters nc;
            size_t ifaces = 0;
            if (!parse_net_dev(t, nc, &ifaces)) break;
            // Interfaces appeared in a namespace that had only lo: their counters hold traffic
            // from before this read, so no rate across this sample.
            if (ifaces > 0 && !fl.hot && out.net) out.net_epoch = ++net_epoch_;
            fl.hot = ifaces > 0;
            out.net = nc;
            break;
        }
        }
    }
    if (tried > 0 && read_ok == 0) return Error(Errc::not_found, "cgroup " + path_ + " is gone");
    last_reads_ = size_t(tried);
    if (have_memsw) s.memory_swap_current = memsw_usage > s.memory_current ? memsw_usage - s.memory_current : 0;
    if (have_limit) {
        s.memory_swap_limit.reset();
        if (have_memsw_limit && s.memory_limit && memsw_limit >= *s.memory_limit)
            s.memory_swap_limit = memsw_limit - *s.memory_limit;
    }
    out.mono_ns = monotonic_ns();
    last_ = out;
    ++ticks_;
    force_ = false;
    return {};
}

}  // namespace onggi::stats

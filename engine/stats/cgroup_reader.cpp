#include "engine/stats/cgroup_reader.h"

#include "engine/cgroup/cgroup_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace onggi::stats {

namespace f = cgroup::files;

Status CgroupReader::add(Key key, const std::string& path, bool required)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (!required && (errno == ENOENT || errno == EACCES)) return {};
        return Error::from_errno("open " + path);
    }
    files_.push_back({key, UniqueFd(fd)});
    return {};
}

Result<CgroupReader> CgroupReader::open(const cgroup::Cgroup& cg, pid_t init_pid, ReaderOptions opt)
{
    CgroupReader r;
    r.path_ = cg.path();
    auto wrap = [&](Error e) { return std::move(e).wrap("stats reader for " + cg.path()); };
    if (cg.mode() == cgroup::Mode::v2) {
        std::string d = cg.controller_dir("memory");
        struct { Key k; const char* name; bool required; bool on; } list[] = {
            {Key::cpu_stat_v2, "cpu.stat", true, true},
            {Key::cpu_max, "cpu.max", false, true},
            {Key::mem_current, "memory.current", false, true},
            {Key::mem_max, "memory.max", false, true},
            {Key::mem_high, "memory.high", false, true},
            {Key::mem_peak, "memory.peak", false, true},
            {Key::swap_current, "memory.swap.current", false, true},
            {Key::swap_max, "memory.swap.max", false, true},
            {Key::mem_stat_v2, "memory.stat", false, opt.memory_stat},
            {Key::mem_events, "memory.events", false, true},
            {Key::io_stat, "io.stat", false, opt.io},
            {Key::pids_current, "pids.current", false, true},
            {Key::pids_max, "pids.max", false, true},
            {Key::cpu_pressure, "cpu.pressure", false, opt.pressure},
            {Key::mem_pressure, "memory.pressure", false, opt.pressure},
            {Key::io_pressure, "io.pressure", false, opt.pressure},
        };
        for (auto& e : list)
            if (e.on)
                if (auto s = r.add(e.k, d + "/" + e.name, e.required); !s) return wrap(std::move(s).error());
    } else {
        std::string acct = cg.controller_dir("cpuacct"), cpu = cg.controller_dir("cpu");
        std::string mem = cg.controller_dir("memory"), blk = cg.controller_dir("blkio");
        std::string pids = cg.controller_dir("pids"), uni = cg.controller_dir("unified");
        if (mem.empty() && cpu.empty() && acct.empty()) return wrap(Error(Errc::not_found, "no cpu, cpuacct or memory hierarchy"));
        struct { Key k; const std::string& dir; const char* name; bool on; } list[] = {
            {Key::cpuacct_usage, acct, "cpuacct.usage", true},
            {Key::cpuacct_user, acct, "cpuacct.usage_user", true},
            {Key::cpuacct_sys, acct, "cpuacct.usage_sys", true},
            {Key::cpu_stat_v1, cpu, "cpu.stat", true},
            {Key::cfs_quota, cpu, "cpu.cfs_quota_us", true},
            {Key::cfs_period, cpu, "cpu.cfs_period_us", true},
            {Key::mem_usage, mem, "memory.usage_in_bytes", true},
            {Key::mem_limit, mem, "memory.limit_in_bytes", true},
            {Key::mem_max_usage, mem, "memory.max_usage_in_bytes", true},
            {Key::memsw_usage, mem, "memory.memsw.usage_in_bytes", true},
            {Key::memsw_limit, mem, "memory.memsw.limit_in_bytes", true},
            {Key::mem_stat_v1, mem, "memory.stat", opt.memory_stat},
            {Key::oom_control, mem, "memory.oom_control", true},
            {Key::blkio_bytes, blk, "blkio.throttle.io_service_bytes_recursive", opt.io},
            {Key::blkio_ops, blk, "blkio.throttle.io_serviced_recursive", opt.io},
            {Key::pids_current, pids, "pids.current", true},
            {Key::pids_max, pids, "pids.max", true},
            {Key::cpu_pressure, uni, "cpu.pressure", opt.pressure},
            {Key::mem_pressure, uni, "memory.pressure", opt.pressure},
            {Key::io_pressure, uni, "io.pressure", opt.pressure},
        };
        for (auto& e : list) {
            if (!e.on || e.dir.empty()) continue;
            if (auto s = r.add(e.k, e.dir + "/" + e.name, false); !s) return wrap(std::move(s).error());
        }
        // Kernels without cpuacct.usage_user/_sys: cpuacct.stat in USER_HZ ticks.
        bool has_user = false;
        for (auto& fl : r.files_) has_user |= fl.key == Key::cpuacct_user;
        if (!has_user && !acct.empty())
            if (auto s = r.add(Key::cpuacct_stat, acct + "/cpuacct.stat", false); !s) return wrap(std::move(s).error());
    }
    if (opt.net && init_pid > 0)
        if (auto s = r.add(Key::net_dev, "/proc/" + std::to_string(init_pid) + "/net/dev", false); !s)
            return wrap(std::move(s).error());
    if (r.files_.empty()) return wrap(Error(Errc::not_found, "no statistics files"));
    return r;
}

Status CgroupReader::read(Sample& out)
{
    out = Sample{};
    auto& s = out.cg;
    char buf[16384];
    uint64_t memsw_usage = 0, memsw_limit = 0;
    bool have_memsw = false, have_memsw_limit = false;
    int read_ok = 0;
    for (auto& fl : files_) {
        ssize_t n;
        do n = ::pread(fl.fd.get(), buf, sizeof buf - 1, 0);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            // ENODEV: the cgroup was removed under the open file.
            if (errno == ENODEV || errno == ENOENT || errno == ESRCH) continue;
            return Error::from_errno("read statistics of " + path_);
        }
        ++read_ok;
        std::string_view t(buf, size_t(n));
        switch (fl.key) {
        case Key::cpuacct_usage: s.cpu_usage_ns = f::parse_u64(t).value_or(0); break;
        case Key::cpuacct_user: s.cpu_user_ns = f::parse_u64(t).value_or(0); break;
        case Key::cpuacct_sys: s.cpu_system_ns = f::parse_u64(t).value_or(0); break;
        case Key::cpuacct_stat: {
            long hz = ::sysconf(_SC_CLK_TCK);
            uint64_t tick = hz > 0 ? 1000000000ull / uint64_t(hz) : 10000000ull;
            s.cpu_user_ns = f::keyed(t, "user").value_or(0) * tick;
            s.cpu_system_ns = f::keyed(t, "system").value_or(0) * tick;
            break;
        }
        case Key::cpu_stat_v1:
            s.cpu_nr_periods = f::keyed(t, "nr_periods").value_or(0);
            s.cpu_nr_throttled = f::keyed(t, "nr_throttled").value_or(0);
            s.cpu_throttled_ns = f::keyed(t, "throttled_time").value_or(0);
            break;
        case Key::cfs_quota: {
            auto q = f::trim(t);
            if (!q.empty() && q[0] != '-') s.cpu_quota_us = f::parse_u64(q);
            break;
        }
        case Key::cfs_period: s.cpu_period_us = f::parse_u64(t).value_or(0); break;
        case Key::mem_usage: s.memory_current = f::parse_u64(t).value_or(0); break;
        case Key::mem_limit: s.memory_limit = f::parse_v1_limit(t); break;
        case Key::mem_max_usage: s.memory_peak = f::parse_u64(t); break;
        case Key::memsw_usage: memsw_usage = f::parse_u64(t).value_or(0); have_memsw = true; break;
        case Key::memsw_limit:
            if (auto v = f::parse_v1_limit(t)) { memsw_limit = *v; have_memsw_limit = true; }
            break;
        case Key::mem_stat_v1:
            s.memory_cache = f::keyed(t, "total_cache").value_or(0);
            s.memory_anon = f::keyed(t, "total_rss").value_or(0);
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
            if (!p.some.present) break;
            cgroup::Stats::Pressure v{p.some.avg10, p.full.avg10, p.some.total_us, p.full.total_us};
            (fl.key == Key::cpu_pressure ? s.cpu_pressure : fl.key == Key::mem_pressure ? s.memory_pressure : s.io_pressure) = v;
            break;
        }
        case Key::net_dev: {
            NetCounters nc;
            if (parse_net_dev(t, nc)) out.net = nc;
            break;
        }
        }
    }
    if (read_ok == 0) return Error(Errc::not_found, "cgroup " + path_ + " is gone");
    if (have_memsw) s.memory_swap_current = memsw_usage > s.memory_current ? memsw_usage - s.memory_current : 0;
    if (have_memsw_limit && s.memory_limit && memsw_limit >= *s.memory_limit) s.memory_swap_limit = memsw_limit - *s.memory_limit;
    out.mono_ns = monotonic_ns();
    return {};
}

} // namespace onggi::stats

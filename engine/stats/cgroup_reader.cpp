#include "engine/stats/cgroup_reader.h"

#include "engine/cgroup/cgroup_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace onggi::stats {

namespace f = cgroup::files;

size_t CgroupReader::fast_file_count() const
{
    size_t n = 0;
    for (auto& f : files_) n += !f.slow;
    return n;
}

Status CgroupReader::add(Key key, const std::string& path, bool required, bool slow)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (!required && (errno == ENOENT || errno == EACCES)) return {};
        return Error::from_errno("open " + path);
    }
    files_.push_back({key, UniqueFd(fd), slow});
    return {};
}

Result<CgroupReader> CgroupReader::open(const cgroup::Cgroup& cg, pid_t init_pid, ReaderOptions opt)
{
    CgroupReader r;
    r.path_ = cg.path();
    auto wrap = [&](Error e) { return std::move(e).wrap("stats reader for " + cg.path()); };
    if (cg.mode() == cgroup::Mode::v2) {
        std::string d = cg.controller_dir("memory");
        struct { Key k; const char* name; bool required; bool on; bool slow; } list[] = {
            {Key::cpu_stat_v2, "cpu.stat", true, true, false},
            {Key::cpu_max, "cpu.max", false, true, true},
            {Key::mem_current, "memory.current", false, true, false},
            {Key::mem_max, "memory.max", false, true, true},
            {Key::mem_high, "memory.high", false, true, true},
            {Key::mem_peak, "memory.peak", false, true, true},
            {Key::swap_current, "memory.swap.current", false, true, true},
            {Key::swap_max, "memory.swap.max", false, true, true},
            {Key::mem_stat_v2, "memory.stat", false, opt.memory_stat, true},
            {Key::mem_events, "memory.events", false, true, true},
            {Key::io_stat, "io.stat", false, opt.io, false},
            {Key::pids_current, "pids.current", false, true, false},
            {Key::pids_max, "pids.max", false, true, true},
            {Key::cpu_pressure, "cpu.pressure", false, opt.pressure, true},
            {Key::mem_pressure, "memory.pressure", false, opt.pressure, true},
            {Key::io_pressure, "io.pressure", false, opt.pressure, true},
        };
        for (auto& e : list)
            if (e.on)
                if (auto s = r.add(e.k, d + "/" + e.name, e.required, e.slow); !s) return wrap(std::move(s).error());
    } else {
        std::string acct = cg.controller_dir("cpuacct"), cpu = cg.controller_dir("cpu");
        std::string mem = cg.controller_dir("memory"), blk = cg.controller_dir("blkio");
        std::string pids = cg.controller_dir("pids"), uni = cg.controller_dir("unified");
        if (mem.empty() && cpu.empty() && acct.empty()) return wrap(Error(Errc::not_found, "no cpu, cpuacct or memory hierarchy"));
        // cpuacct.usage is exact (ns) and read every sample; the user/system split is tick
        // based either way: cpuacct.usage_all (ns per CPU, one read) or on older kernels
        // cpuacct.stat (USER_HZ ticks), read on slow samples.
        bool have_all = !acct.empty() && cgroup::files::exists(acct + "/cpuacct.usage_all");
        // The swap in use comes from memory.stat (total_swap) when it is read, else from
        // memory.memsw.usage_in_bytes.
        struct { Key k; const std::string& dir; const char* name; bool on; bool slow; } list[] = {
            {Key::cpuacct_all, acct, "cpuacct.usage_all", have_all, true},
            {Key::cpuacct_usage, acct, "cpuacct.usage", true, false},
            {Key::cpuacct_stat, acct, "cpuacct.stat", !have_all, true},
            {Key::cpu_stat_v1, cpu, "cpu.stat", true, false},
            {Key::cfs_quota, cpu, "cpu.cfs_quota_us", true, true},
            {Key::cfs_period, cpu, "cpu.cfs_period_us", true, true},
            {Key::mem_usage, mem, "memory.usage_in_bytes", true, false},
            {Key::mem_limit, mem, "memory.limit_in_bytes", true, true},
            {Key::mem_max_usage, mem, "memory.max_usage_in_bytes", true, true},
            {Key::memsw_usage, mem, "memory.memsw.usage_in_bytes", !opt.memory_stat, true},
            {Key::memsw_limit, mem, "memory.memsw.limit_in_bytes", true, true},
            {Key::mem_stat_v1, mem, "memory.stat", opt.memory_stat, true},
            {Key::oom_control, mem, "memory.oom_control", true, true},
            {Key::blkio_bytes, blk, "blkio.throttle.io_service_bytes_recursive", opt.io, false},
            {Key::blkio_ops, blk, "blkio.throttle.io_serviced_recursive", opt.io, false},
            {Key::pids_current, pids, "pids.current", true, false},
            {Key::pids_max, pids, "pids.max", true, true},
            {Key::cpu_pressure, uni, "cpu.pressure", opt.pressure, true},
            {Key::mem_pressure, uni, "memory.pressure", opt.pressure, true},
            {Key::io_pressure, uni, "io.pressure", opt.pressure, true},
        };
        for (auto& e : list) {
            if (!e.on || e.dir.empty()) continue;
            if (auto s = r.add(e.k, e.dir + "/" + e.name, false, e.slow); !s) return wrap(std::move(s).error());
        }
    }
    if (opt.net && init_pid > 0)
        if (auto s = r.add(Key::net_dev, "/proc/" + std::to_string(init_pid) + "/net/dev", false, false); !s)
            return wrap(std::move(s).error());
    if (r.files_.empty()) return wrap(Error(Errc::not_found, "no statistics files"));
    r.slow_every_ = opt.slow_every == 0 ? 1 : opt.slow_every;
    return r;
}

Status CgroupReader::read(Sample& out)
{
    const bool slow = force_ || ticks_ % slow_every_ == 0;
    // Start from the last sample: what is not read now (slow files) is carried over.
    out = last_;
    auto& s = out.cg;
    char buf[16384];
    uint64_t memsw_usage = 0, memsw_limit = 0;
    bool have_memsw = false, have_memsw_limit = false, have_limit = false;
    int read_ok = 0;
    for (auto& fl : files_) {
        if (fl.slow && !slow) continue;
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
        case Key::cpuacct_all: {
            // "cpu user system\n0 132000000 32000000\n1 ...": sum the columns.
            uint64_t user = 0, sys = 0;
            size_t pos = t.find('\n');
            while (pos != std::string_view::npos && pos + 1 < t.size()) {
                size_t eol = t.find('\n', pos + 1);
                std::string_view line = t.substr(pos + 1, eol == std::string_view::npos ? std::string_view::npos : eol - pos - 1);
                pos = eol;
                size_t a = line.find(' ');
                size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
                if (b == std::string_view::npos) continue;
                user += f::parse_u64(line.substr(a + 1, b - a - 1)).value_or(0);
                sys += f::parse_u64(line.substr(b + 1)).value_or(0);
            }
            s.cpu_user_ns = user;
            s.cpu_system_ns = sys;
            break;
        }
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
        case Key::mem_limit: s.memory_limit = f::parse_v1_limit(t); have_limit = true; break;
        case Key::mem_max_usage: s.memory_peak = f::parse_u64(t); break;
        case Key::memsw_usage: memsw_usage = f::parse_u64(t).value_or(0); have_memsw = true; break;
        case Key::memsw_limit:
            if (auto v = f::parse_v1_limit(t)) { memsw_limit = *v; have_memsw_limit = true; }
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
    if (have_limit) {
        s.memory_swap_limit.reset();
        if (have_memsw_limit && s.memory_limit && memsw_limit >= *s.memory_limit) s.memory_swap_limit = memsw_limit - *s.memory_limit;
    }
    out.mono_ns = monotonic_ns();
    last_ = out;
    ++ticks_;
    force_ = false;
    return {};
}

} // namespace onggi::stats

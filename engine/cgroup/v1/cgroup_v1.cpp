#include "engine/cgroup/v1/cgroup_v1.h"

#include "engine/cgroup/cgroup_files.h"
#include "engine/cgroup/knobs.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <ctime>

namespace onggi::cgroup::v1 {

namespace {

// File names come from the one table (engine/cgroup/knobs.h).
const char* K(Knob k) { return knob_name(k, Mode::v1); }

std::string realpath_of(const std::string& p)
{
    char buf[PATH_MAX];
    if (::realpath(p.c_str(), buf)) return buf;
    return p;
}

void sleep_ms(long ms)
{
    struct timespec ts {
        ms / 1000, (ms % 1000) * 1000000
    };
    ::nanosleep(&ts, nullptr);
}

std::string dev_rule(const spec::DeviceRule& d)
{
    if (d.type == "a") return "a";
    std::string s = d.type + " ";
    s += d.major ? std::to_string(*d.major) : "*";
    s += ":";
    s += d.minor ? std::to_string(*d.minor) : "*";
    s += " " + d.access;
    return s;
}

Status check_device(const std::string& where, int64_t major, int64_t minor)
{
    if (major < 0 || minor < 0 || major > 4095 || minor > 1048575)
        return Error(Errc::invalid_argument,
                     where + ": device " + std::to_string(major) + ":" + std::to_string(minor) + " is out of range");
    return {};
}

}  // namespace

Result<std::unique_ptr<Cgroup>> CgroupV1::make(const HostInfo& host, const std::string& path, bool create)
{
    std::unique_ptr<CgroupV1> cg(new CgroupV1());
    cg->path_ = path;
    cg->mode_ = host.mode;
    std::vector<std::string> seen;  // real paths of hierarchy roots, so co-mounts are made once
    std::vector<std::string> made;  // what create() made, for rollback
    auto rollback = [&](Error e) -> Result<std::unique_ptr<Cgroup>> {
        for (auto it = made.rbegin(); it != made.rend(); ++it) ::rmdir(it->c_str());
        return std::move(e).wrap((create ? "create cgroup " : "open cgroup ") + path);
    };
    for (const auto& ctl : host.controllers) {
        std::string hroot = host.root + "/" + ctl;
        if (!files::exists(hroot)) continue;
        std::string dir = hroot + path;
        std::string real = realpath_of(hroot);
        bool first = std::find(seen.begin(), seen.end(), real) == seen.end();
        if (first && create) {
            auto m = files::make_dirs(dir);
            if (!m) return rollback(std::move(m).error());
            // A new cpuset cgroup starts with empty cpus and mems, and takes no task until
            // they are set: copy them down from the parent, level by level.
            if (ctl == "cpuset") {
                for (auto& d : m.value()) {
                    std::string parent = d.substr(0, d.rfind('/'));
                    for (const char* f : {K(Knob::cpuset_cpus), K(Knob::cpuset_mems)}) {
                        auto mine = files::read(d + "/" + f);
                        if (mine && !files::trim(mine.value()).empty()) continue;
                        auto p = files::read(parent + "/" + f);
                        if (!p) {
                            made.insert(made.end(), m->begin(), m->end());
                            return rollback(std::move(p).error());
                        }
                        if (auto w = files::write(d, f, std::string(files::trim(p.value()))); !w) {
                            made.insert(made.end(), m->begin(), m->end());
                            return rollback(std::move(w).error());
                        }
                    }
                }
            }
            made.insert(made.end(), m->begin(), m->end());
        }
        if (!files::exists(dir)) continue;
        cg->dirs_[ctl] = dir;
        if (first) {
            seen.push_back(real);
            cg->unique_dirs_.push_back(dir);
        }
    }
    if (cg->unique_dirs_.empty())
        return Error(Errc::not_found, "no cgroup v1 hierarchy has " + path)
            .wrap(create ? "create cgroup" : "open cgroup");
    if (!host.unified.empty()) {
        std::string dir = host.unified + path;
        if (create) {
            if (auto m = files::make_dirs(dir); m) made.insert(made.end(), m->begin(), m->end());
        }
        if (files::exists(dir)) cg->unified_ = dir;
    }
    return std::unique_ptr<Cgroup>(std::move(cg));
}

std::string CgroupV1::controller_dir(const std::string& controller) const
{
    if (controller == "unified") return unified_;
    if (controller == "io") return controller_dir("blkio");
    auto it = dirs_.find(controller);
    return it == dirs_.end() ? std::string() : it->second;
}

Status CgroupV1::apply_cpu(const spec::Resources& r)
{
    std::string cpu = controller_dir("cpu");
    bool wants = r.cpu_shares || r.cpu_quota || r.cpu_period || r.cpu_idle;
    if (wants && cpu.empty()) return Error(Errc::unsupported, "the cpu controller is not mounted");
    if (r.cpu_shares) {
        if (*r.cpu_shares < 2 || *r.cpu_shares > 262144)
            return Error(Errc::invalid_argument, "cpu.shares must be 2..262144, not " + std::to_string(*r.cpu_shares));
        ONGGI_CHECK(files::write(cpu, K(Knob::cpu_weight), std::to_string(*r.cpu_shares)), "cpu shares");
    }
    if (r.cpu_period && (*r.cpu_period < 1000 || *r.cpu_period > 1000000))
        return Error(Errc::invalid_argument,
                     "cpu period must be 1000..1000000 us, not " + std::to_string(*r.cpu_period));
    if (r.cpu_quota && *r.cpu_quota >= 0 && *r.cpu_quota < 1000)
        return Error(Errc::invalid_argument,
                     "cpu quota must be -1 (unlimited) or at least 1000 us, not " + std::to_string(*r.cpu_quota));
    std::string quota = r.cpu_quota ? std::to_string(*r.cpu_quota < 0 ? -1 : *r.cpu_quota) : "";
    if (r.cpu_period && r.cpu_quota) {
        // The kernel checks quota against period on each write; one order may be refused
        // where the other is accepted (runc tries period first, then the other way).
        auto p = files::write(cpu, K(Knob::cpu_period), std::to_string(*r.cpu_period));
        if (!p) {
            ONGGI_CHECK(files::write(cpu, K(Knob::cpu_quota), quota), "cpu quota");
            ONGGI_CHECK(files::write(cpu, K(Knob::cpu_period), std::to_string(*r.cpu_period)), "cpu period");
        } else {
            ONGGI_CHECK(files::write(cpu, K(Knob::cpu_quota), quota), "cpu quota");
        }
    } else if (r.cpu_period) {
        ONGGI_CHECK(files::write(cpu, K(Knob::cpu_period), std::to_string(*r.cpu_period)), "cpu period");
    } else if (r.cpu_quota) {
        ONGGI_CHECK(files::write(cpu, K(Knob::cpu_quota), quota), "cpu quota");
    }
    if (r.cpu_idle) {
        if (!files::exists(cpu + "/" + K(Knob::cpu_idle)))
            return Error(Errc::unsupported, "cpu idle: the kernel has no cpu.idle");
        ONGGI_CHECK(files::write(cpu, K(Knob::cpu_idle), std::to_string(*r.cpu_idle)), "cpu idle");
    }
    if (!r.cpu_cpus.empty() || !r.cpu_mems.empty()) {
        std::string cs = controller_dir("cpuset");
        if (cs.empty()) return Error(Errc::unsupported, "the cpuset controller is not mounted");
        if (!r.cpu_cpus.empty()) ONGGI_CHECK(files::write(cs, K(Knob::cpuset_cpus), r.cpu_cpus), "cpuset cpus");
        if (!r.cpu_mems.empty()) ONGGI_CHECK(files::write(cs, K(Knob::cpuset_mems), r.cpu_mems), "cpuset mems");
    }
    return {};
}

Status CgroupV1::apply_memory(const spec::Resources& r)
{
    bool wants = r.memory_limit || r.memory_swap || r.memory_reservation || r.disable_oom_killer ||
                 (r.memory_swappiness && *r.memory_swappiness >= 0) || r.memory_kernel_tcp;
    if (!wants) return {};
    std::string mem = controller_dir("memory");
    if (mem.empty()) return Error(Errc::unsupported, "the memory controller is not mounted");
    auto bytes = [](int64_t v) { return v < 0 ? std::string("-1") : std::to_string(v); };
    if (r.memory_limit && *r.memory_limit >= 0 && *r.memory_limit < 4096)
        return Error(Errc::invalid_argument, "memory limit must be -1 (unlimited) or at least 4096 bytes");
    if (r.memory_limit && r.memory_swap && *r.memory_swap >= 0 &&
        (*r.memory_limit < 0 || *r.memory_swap < *r.memory_limit))
        return Error(Errc::invalid_argument, "memory+swap limit must not be below the memory limit");
    if (r.memory_swap && !files::exists(mem + "/" + K(Knob::memory_swap_limit)))
        return Error(Errc::unsupported, "swap limit: the kernel has no swap accounting (memory.memsw.*)");
    if (r.memory_limit && r.memory_swap) {
        // memsw must stay >= limit after each write: lowering writes limit first, raising
        // writes memsw first. Try one order, then the other.
        auto l = files::write(mem, K(Knob::memory_limit), bytes(*r.memory_limit));
        if (!l) {
            ONGGI_CHECK(files::write(mem, K(Knob::memory_swap_limit), bytes(*r.memory_swap)), "memory+swap limit");
            ONGGI_CHECK(files::write(mem, K(Knob::memory_limit), bytes(*r.memory_limit)), "memory limit");
        } else {
            ONGGI_CHECK(files::write(mem, K(Knob::memory_swap_limit), bytes(*r.memory_swap)), "memory+swap limit");
        }
    } else if (r.memory_limit) {
        ONGGI_CHECK(files::write(mem, K(Knob::memory_limit), bytes(*r.memory_limit)), "memory limit");
    } else if (r.memory_swap) {
        ONGGI_CHECK(files::write(mem, K(Knob::memory_swap_limit), bytes(*r.memory_swap)), "memory+swap limit");
    }
    if (r.memory_reservation)
        ONGGI_CHECK(files::write(mem, K(Knob::memory_low), bytes(*r.memory_reservation)),
                    "memory reservation (soft limit)");
    if (r.memory_swappiness && *r.memory_swappiness >= 0) {
        if (*r.memory_swappiness > 100)
            return Error(Errc::invalid_argument,
                         "memory swappiness must be 0..100, not " + std::to_string(*r.memory_swappiness));
        ONGGI_CHECK(files::write(mem, K(Knob::memory_swappiness), std::to_string(*r.memory_swappiness)),
                    "memory swappiness");
    }
    if (r.disable_oom_killer)
        ONGGI_CHECK(files::write(mem, K(Knob::memory_oom), *r.disable_oom_killer ? "1" : "0"), "disable OOM killer");
    // memory.kernel has had no effect since Linux 5.16 (the caller warns); the TCP buffer limit still works.
    if (r.memory_kernel_tcp) {
        if (!files::exists(mem + "/" + K(Knob::memory_kernel_tcp)))
            return Error(Errc::unsupported, "kernelTCP: this kernel has no memory.kmem.tcp.limit_in_bytes");
        ONGGI_CHECK(files::write(mem, K(Knob::memory_kernel_tcp), bytes(*r.memory_kernel_tcp)), "kernel TCP limit");
    }
    return {};
}

Status CgroupV1::apply_hugetlb_and_network(const spec::Resources& r)
{
    if (!r.hugepage_limits.empty()) {
        std::string h = controller_dir("hugetlb");
        if (h.empty())
            return Error(Errc::unsupported, "hugepageLimits: the hugetlb controller is not mounted on this host");
        for (const auto& l : r.hugepage_limits) {
            const std::string file = hugetlb_limit_name(l.page_size, Mode::v1);
            if (!files::exists(h + "/" + file))
                return Error(Errc::invalid_argument,
                             "hugepageLimits: page size " + l.page_size + " is not one this host has");
            ONGGI_CHECK(files::write(h, file, std::to_string(l.limit)), "hugepageLimits " + l.page_size);
        }
    }
    if (r.net_class_id) {
        std::string n = controller_dir("net_cls");
        if (n.empty())
            return Error(Errc::unsupported, "network.classID: the net_cls controller is not mounted on this host");
        ONGGI_CHECK(files::write(n, K(Knob::net_cls_classid), std::to_string(*r.net_class_id)), "network.classID");
    }
    if (!r.net_priorities.empty()) {
        std::string n = controller_dir("net_prio");
        if (n.empty())
            return Error(Errc::unsupported, "network.priorities: the net_prio controller is not mounted on this host");
        for (const auto& p : r.net_priorities)  // one "IFNAME PRIO" per write
            ONGGI_CHECK(files::write(n, K(Knob::net_prio_ifpriomap), p.interface + " " + std::to_string(p.priority)),
                        "network.priorities " + p.interface);
    }
    return {};
}

Status CgroupV1::apply_blkio(const spec::Resources& r)
{
    bool wants = r.blkio_weight || !r.blkio_weight_device.empty() || !r.throttle_read_bps.empty() ||
                 !r.throttle_write_bps.empty() || !r.throttle_read_iops.empty() || !r.throttle_write_iops.empty();
    if (!wants) return {};
    std::string b = controller_dir("blkio");
    if (b.empty()) return Error(Errc::unsupported, "the blkio controller is not mounted");
    // CFQ's blkio.weight, or BFQ's blkio.bfq.weight on newer kernels.
    std::string weight = files::exists(b + "/" + K(Knob::io_weight)) ? K(Knob::io_weight) : K(Knob::io_bfq_weight);
    if (r.blkio_weight) {
        if (*r.blkio_weight < 10 || *r.blkio_weight > 1000)
            return Error(Errc::invalid_argument,
                         "blkio weight must be 10..1000, not " + std::to_string(*r.blkio_weight));
        if (!files::exists(b + "/" + weight))
            return Error(Errc::unsupported,
                         "blkio weight: no blkio.weight (the disk scheduler is neither CFQ nor BFQ)");
        ONGGI_CHECK(files::write(b, weight, std::to_string(*r.blkio_weight)), "blkio weight");
    }
    for (const auto& wd : r.blkio_weight_device) {
        ONGGI_CHECK(check_device("blkio weight device", wd.major, wd.minor), "linux.resources");
        if (!wd.weight) continue;
        std::string f = weight + "_device";
        if (!files::exists(b + "/" + f)) return Error(Errc::unsupported, "blkio weight device: no " + f);
        ONGGI_CHECK(
            files::write(b, f,
                         std::to_string(wd.major) + ":" + std::to_string(wd.minor) + " " + std::to_string(*wd.weight)),
            "blkio weight device");
    }
    auto throttle = [&](const std::vector<spec::ThrottleDevice>& list, const char* file) -> Status {
        for (const auto& t : list) {
            ONGGI_CHECK(check_device(file, t.major, t.minor), "linux.resources");
            ONGGI_CHECK(
                files::write(b, file,
                             std::to_string(t.major) + ":" + std::to_string(t.minor) + " " + std::to_string(t.rate)),
                "blkio throttle");
        }
        return {};
    };
    ONGGI_CHECK(throttle(r.throttle_read_bps, K(Knob::io_read_bps)), "read bps");
    ONGGI_CHECK(throttle(r.throttle_write_bps, K(Knob::io_write_bps)), "write bps");
    ONGGI_CHECK(throttle(r.throttle_read_iops, K(Knob::io_read_iops)), "read iops");
    ONGGI_CHECK(throttle(r.throttle_write_iops, K(Knob::io_write_iops)), "write iops");
    return {};
}

Status CgroupV1::apply_devices(const spec::Resources& r)
{
    if (r.devices.empty()) return {};
    std::string d = controller_dir("devices");
    if (d.empty()) return Error(Errc::unsupported, "the devices controller is not mounted");
    for (const auto& rule : r.devices) {
        ONGGI_CHECK(validate_device_rule(rule), "linux.resources.devices");
        ONGGI_CHECK(files::write(d, rule.allow ? K(Knob::devices_allow) : K(Knob::devices_deny), dev_rule(rule)),
                    "device rule");
    }
    return {};
}

Status CgroupV1::apply(const spec::Resources& r)
{
    ONGGI_CHECK(apply_cpu(r), "cpu");
    ONGGI_CHECK(apply_memory(r), "memory");
    if (r.pids_limit) {
        std::string p = controller_dir("pids");
        if (p.empty()) return Error(Errc::unsupported, "the pids controller is not mounted");
        ONGGI_CHECK(files::write(p, K(Knob::pids_limit), *r.pids_limit <= 0 ? "max" : std::to_string(*r.pids_limit)),
                    "pids limit");
    }
    ONGGI_CHECK(apply_blkio(r), "blkio");
    ONGGI_CHECK(apply_devices(r), "devices");
    if (auto s = apply_hugetlb_and_network(r); !s) return s;
    for (const auto& [key, value] : r.unified) {
        if (key == knob_name(Knob::memory_high, Mode::v2))
            return Error(Errc::unsupported,
                         "memory.high needs cgroup v2; on cgroup v1 use the memory reservation (soft limit)");
        return Error(Errc::unsupported,
                     "linux.resources.unified[" + key + "] needs cgroup v2; this host uses v1 controllers");
    }
    return {};
}

Status CgroupV1::add_process(pid_t pid)
{
    if (pid <= 0) return Error(Errc::invalid_argument, "pid must be positive");
    std::string p = std::to_string(pid);
    for (const auto& d : unique_dirs_) ONGGI_CHECK(files::write(d, K(Knob::procs), p), "add process " + p);
    if (!unified_.empty()) ONGGI_CHECK(files::write(unified_, K(Knob::procs), p), "add process " + p);
    return {};
}

Status CgroupV1::set_freezer(const char* state)
{
    std::string f = controller_dir("freezer");
    if (f.empty()) return Error(Errc::unsupported, "the freezer controller is not mounted");
    ONGGI_CHECK(files::write(f, K(Knob::freeze), state), std::string("freezer ") + state);
    return {};
}

Status CgroupV1::freeze()
{
    ONGGI_CHECK(set_freezer("FROZEN"), "freeze");
    std::string f = controller_dir("freezer");
    // FREEZING until every task is in the refrigerator; a task in an uninterruptible sleep
    // can hold it back. Re-writing FROZEN retries the tasks that were missed.
    long waited = 0;
    for (int i = 0; waited < 5000; ++i) {
        auto st = files::read(f + "/" + K(Knob::freeze));
        if (!st) return std::move(st).error().wrap("freeze");
        if (files::trim(st.value()) == "FROZEN") return {};
        if (i % 10 == 9) (void)files::write(f, K(Knob::freeze), "FROZEN");
        long ms = std::min<long>(1 + i, 20);
        sleep_ms(ms);
        waited += ms;
    }
    (void)files::write(f, K(Knob::freeze), "THAWED");
    return Error(Errc::timeout, "freeze: tasks of " + path_ + " did not freeze within 5 s");
}

Status CgroupV1::thaw() { return set_freezer("THAWED"); }

Result<bool> CgroupV1::frozen() const
{
    std::string f = controller_dir("freezer");
    if (f.empty()) return Error(Errc::unsupported, "the freezer controller is not mounted");
    auto st = files::read(f + "/" + K(Knob::freeze));
    if (!st) return std::move(st).error().wrap("frozen");
    return files::trim(st.value()) == "FROZEN";
}

Result<std::vector<pid_t>> CgroupV1::pids() const
{
    for (const char* c : {"pids", "freezer", "memory", "cpu", "cpuacct"}) {
        std::string d = controller_dir(c);
        if (!d.empty()) return files::procs_recursive(d);
    }
    return files::procs_recursive(unique_dirs_.front());
}

Status CgroupV1::kill_all(int signal)
{
    if (signal <= 0 || signal >= 65) return Error(Errc::invalid_argument, "bad signal " + std::to_string(signal));
    // Hybrid: cgroup.kill on the unified directory kills every task atomically (5.14+).
    if (signal == SIGKILL && !unified_.empty() && files::exists(unified_ + "/" + K(Knob::kill)))
        (void)files::write(unified_, K(Knob::kill), "1");
    // Freeze so no task forks past the list, signal each, thaw (crun's way on v1). A paused
    // container stays paused for other signals; SIGKILL needs the thaw to take effect.
    bool have_freezer = !controller_dir("freezer").empty();
    bool was_frozen = false;
    if (have_freezer) {
        if (auto f = frozen(); f) was_frozen = f.value();
    }
    bool froze = have_freezer && !was_frozen && freeze().ok();
    Error err;
    bool failed = false;
    for (int round = 0; round < 3; ++round) {
        auto list = pids();
        if (!list) return std::move(list).error().wrap("kill all");
        if (list->empty()) break;
        for (pid_t p : list.value())
            if (::kill(p, signal) < 0 && errno != ESRCH && !failed) {
                err = Error::from_errno("kill " + std::to_string(p));
                failed = true;
            }
        if (froze || was_frozen || signal != SIGKILL) break;  // the list was complete
    }
    if (have_freezer && (froze || (was_frozen && signal == SIGKILL))) (void)thaw();
    if (failed) return std::move(err).wrap("kill all");
    return {};
}

Result<uint64_t> CgroupV1::oom_kills() const
{
    const std::string mem = controller_dir("memory");
    if (mem.empty()) return Error(Errc::not_found, "no memory controller for cgroup " + path());
    auto t = files::read(mem + "/" + K(Knob::memory_oom));
    if (!t) return std::move(t).error();
    return files::keyed(t.value(), "oom_kill").value_or(0);
}

Result<Stats> CgroupV1::stats() const
{
    Stats s;
    auto rd = [](const std::string& dir, const char* f) -> std::optional<std::string> {
        if (dir.empty()) return std::nullopt;
        auto t = files::read(dir + "/" + f);
        if (!t) return std::nullopt;
        return std::move(t.value());
    };
    bool any = false;
    std::string acct = controller_dir("cpuacct");
    if (auto t = rd(acct, K(Knob::cpu_usage))) {
        s.cpu_usage_ns = files::parse_u64(*t).value_or(0);
        any = true;
    }
    auto u = rd(acct, K(Knob::cpu_usage_user));
    auto k = rd(acct, K(Knob::cpu_usage_sys));
    if (u && k) {
        s.cpu_user_ns = files::parse_u64(*u).value_or(0);
        s.cpu_system_ns = files::parse_u64(*k).value_or(0);
    } else if (auto t = rd(acct, K(Knob::cpuacct_stat))) {
        long hz = ::sysconf(_SC_CLK_TCK);
        uint64_t ns_per_tick = hz > 0 ? 1000000000ull / uint64_t(hz) : 10000000ull;
        s.cpu_user_ns = files::keyed(*t, "user").value_or(0) * ns_per_tick;
        s.cpu_system_ns = files::keyed(*t, "system").value_or(0) * ns_per_tick;
    }
    if (auto t = rd(controller_dir("cpu"), K(Knob::cpu_stat))) {
        s.cpu_nr_periods = files::keyed(*t, "nr_periods").value_or(0);
        s.cpu_nr_throttled = files::keyed(*t, "nr_throttled").value_or(0);
        s.cpu_throttled_ns = files::keyed(*t, "throttled_time").value_or(0);
        any = true;
    }
    if (auto t = rd(controller_dir("cpu"), K(Knob::cpu_quota))) {
        auto q = files::trim(*t);
        if (!q.empty() && q[0] != '-') s.cpu_quota_us = files::parse_u64(q);
    }
    if (auto t = rd(controller_dir("cpu"), K(Knob::cpu_period))) s.cpu_period_us = files::parse_u64(*t).value_or(0);
    std::string mem = controller_dir("memory");
    if (auto t = rd(mem, K(Knob::memory_usage))) {
        s.memory_current = files::parse_u64(*t).value_or(0);
        any = true;
    }
    if (auto t = rd(mem, K(Knob::memory_limit))) s.memory_limit = files::parse_v1_limit(*t);
    if (auto t = rd(mem, K(Knob::memory_peak))) s.memory_peak = files::parse_u64(*t);
    auto msw = rd(mem, K(Knob::memory_swap_usage));
    if (msw) {
        uint64_t both = files::parse_u64(*msw).value_or(0);
        s.memory_swap_current = both > s.memory_current ? both - s.memory_current : 0;
    }
    if (auto t = rd(mem, K(Knob::memory_swap_limit))) {
        auto both = files::parse_v1_limit(*t);
        if (both && s.memory_limit && *both >= *s.memory_limit) s.memory_swap_limit = *both - *s.memory_limit;
    }
    if (auto t = rd(mem, K(Knob::memory_stat))) {
        s.memory_cache = files::keyed(*t, "total_cache").value_or(files::keyed(*t, "cache").value_or(0));
        s.memory_anon = files::keyed(*t, "total_rss").value_or(files::keyed(*t, "rss").value_or(0));
    }
    if (auto t = rd(mem, K(Knob::memory_oom))) s.oom_kill_events = files::keyed(*t, "oom_kill").value_or(0);
    std::string blk = controller_dir("blkio");
    if (auto t = rd(blk, K(Knob::io_service_bytes))) files::parse_blkio(*t, s.io_read_bytes, s.io_write_bytes);
    else if (auto t2 = rd(blk, K(Knob::io_service_bytes_local)))
        files::parse_blkio(*t2, s.io_read_bytes, s.io_write_bytes);
    if (auto t = rd(blk, K(Knob::io_serviced))) files::parse_blkio(*t, s.io_read_ops, s.io_write_ops);
    else if (auto t2 = rd(blk, K(Knob::io_serviced_local))) files::parse_blkio(*t2, s.io_read_ops, s.io_write_ops);
    std::string pids = controller_dir("pids");
    if (auto t = rd(pids, K(Knob::pids_current))) {
        s.pids_current = files::parse_u64(*t).value_or(0);
        any = true;
    }
    if (auto t = rd(pids, K(Knob::pids_limit))) s.pids_limit = files::parse_max(*t);
    auto psi = [&](const char* f) -> std::optional<Stats::Pressure> {
        auto t = rd(unified_, f);
        return t ? files::pressure_stats(*t) : std::nullopt;
    };
    s.cpu_pressure = psi(K(Knob::cpu_pressure));
    s.memory_pressure = psi(K(Knob::memory_pressure));
    s.io_pressure = psi(K(Knob::io_pressure));
    if (!any) return Error(Errc::not_found, "no statistics readable for cgroup " + path_);
    return s;
}

Status CgroupV1::remove()
{
    auto list = pids();
    if (list && !list->empty())
        return Error(Errc::busy, "cgroup " + path_ + " still has " + std::to_string(list->size()) + " processes")
            .wrap("remove cgroup");
    Status first;
    for (const auto& d : unique_dirs_)
        if (auto r = files::remove_dir(d); !r && first.ok()) first = std::move(r).error().wrap("remove cgroup");
    if (!unified_.empty())
        if (auto r = files::remove_dir(unified_); !r && first.ok()) first = std::move(r).error().wrap("remove cgroup");
    return first;
}

}  // namespace onggi::cgroup::v1

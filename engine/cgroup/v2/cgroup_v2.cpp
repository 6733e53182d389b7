#include "engine/cgroup/v2/cgroup_v2.h"

#include "engine/cgroup/cgroup_files.h"
#include "engine/cgroup/knobs.h"
#include "engine/cgroup/v2/device_filter.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <map>

namespace onggi::cgroup::v2 {

namespace {

// File names come from the one table (engine/cgroup/knobs.h).
const char* K(Knob k) { return knob_name(k, Mode::v2); }

void sleep_ms(long ms)
{
    struct timespec ts {
        ms / 1000, (ms % 1000) * 1000000
    };
    ::nanosleep(&ts, nullptr);
}

// The controllers Onggi sets limits with: the domain ones first, then the threaded ones
// (cpuset, cpu, pids). Order matters in the one-by-one fallback below: a threaded controller
// enabled in a cgroup that has processes makes it a thread root, and every domain controller
// (io, memory) is refused there afterwards (EOPNOTSUPP) - the cgroup is damaged for good.
const char* const kDomain[] = {"io", "memory", "hugetlb", "rdma", "misc"};
const char* const kThreaded[] = {"cpuset", "cpu", "pids"};

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    size_t pos = 0;
    text = files::trim(text);
    while (pos < text.size()) {
        size_t sp = text.find_first_of(" \n", pos);
        if (sp == std::string_view::npos) sp = text.size();
        if (sp > pos) out.emplace_back(text.substr(pos, sp - pos));
        pos = sp + 1;
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& w)
{
    return std::find(v.begin(), v.end(), w) != v.end();
}

// Enable in dir/cgroup.subtree_control every wanted controller dir/cgroup.controllers offers.
// When the kernel refuses the whole set, domain controllers are enabled one by one first; a
// controller refused for its own reason (cpuset with a real-time task) is left out. A cgroup
// with processes of its own cannot give domain controllers to children (cgroup v2's "no
// internal processes" rule, EBUSY): then everything enabled here is undone and the error says
// so, and the cgroup is left as it was.
Status enable_subtree(const std::string& dir, bool root_level)
{
    auto avail = files::read(dir + "/" + K(Knob::controllers));
    if (!avail) return std::move(avail).error();
    auto before = files::read(dir + "/" + K(Knob::subtree_control));
    if (!before) return std::move(before).error();
    const std::vector<std::string> offered = words(avail.value()), enabled = words(before.value());
    std::vector<std::string> want;
    for (const char* c : kDomain)
        if (has(offered, c) && !has(enabled, c)) want.push_back(c);
    for (const char* c : kThreaded)
        if (has(offered, c) && !has(enabled, c)) want.push_back(c);
    if (want.empty()) return {};
    std::string all;
    for (auto& w : want) all += (all.empty() ? "+" : " +") + w;
    if (files::write(dir, K(Knob::subtree_control), all)) return {};

    std::vector<std::string> done;
    auto undo = [&] {
        for (auto it = done.rbegin(); it != done.rend(); ++it)
            (void)files::write(dir, K(Knob::subtree_control), "-" + *it);
    };
    for (auto& w : want) {
        auto r = files::write(dir, K(Knob::subtree_control), "+" + w);
        if (r) {
            done.push_back(w);
            continue;
        }
        if (r.error().sys_errno == EBUSY && !root_level) {
            undo();
            auto procs = files::read(dir + "/" + K(Knob::procs));
            const bool has_procs = procs && !files::trim(procs.value()).empty();
            return Error(Errc::busy,
                         dir + " has processes of its own" + std::string(has_procs ? "" : " (or threads)") +
                             ": cgroup v2 gives controllers only to the children of a cgroup without processes "
                             "(\"no internal processes\"); put the containers below a cgroup that holds no process, "
                             "e.g. a sibling of this one, or move these processes into a leaf cgroup",
                         EBUSY);
        }
        if (r.error().sys_errno == EOPNOTSUPP) {
            undo();
            return Error(Errc::unsupported,
                         dir + " is a threaded cgroup (cgroup.type): domain controllers such as io and memory "
                               "cannot be enabled below it; choose a parent cgroup of type domain",
                         EOPNOTSUPP);
        }
        // Refused for a reason of its own (e.g. cpuset while a real-time task runs): left out;
        // a limit that needs it says so when it is set.
    }
    return {};
}

Status check_device(const std::string& where, int64_t major, int64_t minor)
{
    if (major < 0 || minor < 0 || major > 4095 || minor > 1048575)
        return Error(Errc::invalid_argument,
                     where + ": device " + std::to_string(major) + ":" + std::to_string(minor) + " is out of range");
    return {};
}

}  // namespace

Result<std::unique_ptr<Cgroup>> CgroupV2::make(const HostInfo& host, const std::string& path, bool create)
{
    std::unique_ptr<CgroupV2> cg(new CgroupV2());
    cg->path_ = path;
    cg->dir_ = host.root + path;
    const char* what = create ? "create cgroup " : "open cgroup ";
    if (create) {
        // Walk down from the root: enable controllers at each level, then make the next.
        std::string level = host.root;
        std::vector<std::string> made;
        size_t pos = 1;
        while (pos <= path.size()) {
            size_t s = path.find('/', pos);
            if (s == std::string::npos) s = path.size();
            if (auto r = enable_subtree(level, level == host.root); !r) {
                for (auto it = made.rbegin(); it != made.rend(); ++it) ::rmdir(it->c_str());
                return std::move(r).error().wrap("enable controllers in " + level).wrap(what + path);
            }
            level = host.root + path.substr(0, s);
            auto m = files::make_dirs(level);
            if (!m) {
                for (auto it = made.rbegin(); it != made.rend(); ++it) ::rmdir(it->c_str());
                return std::move(m).error().wrap(what + path);
            }
            made.insert(made.end(), m->begin(), m->end());
            pos = s + 1;
        }
    }
    cg->fd_.reset(::open(cg->dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!cg->fd_) return Error::from_errno("open " + cg->dir_).wrap(what + path);
    return std::unique_ptr<Cgroup>(std::move(cg));
}

Status CgroupV2::apply_cpu(const spec::Resources& r)
{
    if (r.cpu_shares) {
        if (*r.cpu_shares < 2 || *r.cpu_shares > 262144)
            return Error(Errc::invalid_argument, "cpu shares must be 2..262144, not " + std::to_string(*r.cpu_shares));
        ONGGI_CHECK(files::write(dir_, K(Knob::cpu_weight), std::to_string(shares_to_weight(*r.cpu_shares))),
                    "cpu weight");
    }
    if (r.cpu_period && (*r.cpu_period < 1000 || *r.cpu_period > 1000000))
        return Error(Errc::invalid_argument,
                     "cpu period must be 1000..1000000 us, not " + std::to_string(*r.cpu_period));
    if (r.cpu_quota && *r.cpu_quota >= 0 && *r.cpu_quota < 1000)
        return Error(Errc::invalid_argument,
                     "cpu quota must be -1 (unlimited) or at least 1000 us, not " + std::to_string(*r.cpu_quota));
    if (r.cpu_quota || r.cpu_period) {
        // cpu.max is "$MAX $PERIOD"; keep the half that is not being changed.
        std::string quota = "max", period = "100000";
        if (auto cur = files::read(dir_ + "/" + K(Knob::cpu_quota))) {
            std::string_view t = files::trim(cur.value());
            size_t sp = t.find(' ');
            if (sp != std::string_view::npos) {
                quota = std::string(t.substr(0, sp));
                period = std::string(t.substr(sp + 1));
            }
        }
        if (r.cpu_quota) quota = *r.cpu_quota < 0 ? "max" : std::to_string(*r.cpu_quota);
        if (r.cpu_period) period = std::to_string(*r.cpu_period);
        ONGGI_CHECK(files::write(dir_, K(Knob::cpu_quota), quota + " " + period), "cpu quota");
    }
    if (r.cpu_idle) ONGGI_CHECK(files::write(dir_, K(Knob::cpu_idle), std::to_string(*r.cpu_idle)), "cpu idle");
    if (!r.cpu_cpus.empty()) ONGGI_CHECK(files::write(dir_, K(Knob::cpuset_cpus), r.cpu_cpus), "cpuset cpus");
    if (!r.cpu_mems.empty()) ONGGI_CHECK(files::write(dir_, K(Knob::cpuset_mems), r.cpu_mems), "cpuset mems");
    return {};
}

Status CgroupV2::apply_memory(const spec::Resources& r)
{
    auto bytes = [](int64_t v) { return v < 0 ? std::string("max") : std::to_string(v); };
    if (r.memory_limit && *r.memory_limit >= 0 && *r.memory_limit < 4096)
        return Error(Errc::invalid_argument, "memory limit must be -1 (unlimited) or at least 4096 bytes");
    if (r.memory_limit) ONGGI_CHECK(files::write(dir_, K(Knob::memory_limit), bytes(*r.memory_limit)), "memory limit");
    if (r.memory_swap) {
        // OCI gives memory+swap; v2 limits swap alone: swap.max = (memory+swap) - memory.
        std::string value = "max";
        if (*r.memory_swap >= 0) {
            std::optional<uint64_t> limit;
            if (r.memory_limit) {
                if (*r.memory_limit >= 0) limit = uint64_t(*r.memory_limit);
            } else if (auto cur = files::read(dir_ + "/" + K(Knob::memory_limit))) {
                limit = files::parse_max(cur.value());
            }
            if (!limit) return Error(Errc::invalid_argument, "a memory+swap limit needs a memory limit");
            if (uint64_t(*r.memory_swap) < *limit)
                return Error(Errc::invalid_argument, "memory+swap limit must not be below the memory limit");
            value = std::to_string(uint64_t(*r.memory_swap) - *limit);
        }
        if (!files::exists(dir_ + "/" + K(Knob::memory_swap_limit)))
            return Error(Errc::unsupported, "swap limit: the kernel has no memory.swap.max");
        ONGGI_CHECK(files::write(dir_, K(Knob::memory_swap_limit), value), "swap limit");
    }
    if (r.memory_reservation)
        ONGGI_CHECK(files::write(dir_, K(Knob::memory_low), bytes(*r.memory_reservation)),
                    "memory reservation (memory.low)");
    // memory.swappiness does not exist on v2 (there is only the global vm.swappiness): ignored,
    // as runc does. Disabling the OOM killer does not exist either.
    if (r.disable_oom_killer && *r.disable_oom_killer)
        return Error(Errc::unsupported, "disabling the OOM killer needs cgroup v1");
    return {};
}

Status CgroupV2::apply_io(const spec::Resources& r)
{
    if (r.blkio_weight) {
        if (*r.blkio_weight < 10 || *r.blkio_weight > 1000)
            return Error(Errc::invalid_argument,
                         "blkio weight must be 10..1000, not " + std::to_string(*r.blkio_weight));
        if (files::exists(dir_ + "/" + K(Knob::io_bfq_weight))) {
            ONGGI_CHECK(files::write(dir_, K(Knob::io_bfq_weight), std::to_string(*r.blkio_weight)), "io weight");
        } else {
            uint64_t w = 1 + (uint64_t(*r.blkio_weight) - 10) * 9999 / 990;  // 10..1000 -> 1..10000
            ONGGI_CHECK(files::write(dir_, K(Knob::io_weight), "default " + std::to_string(w)), "io weight");
        }
    }
    for (const auto& wd : r.blkio_weight_device) {
        ONGGI_CHECK(check_device("blkio weight device", wd.major, wd.minor), "linux.resources");
        if (!wd.weight) continue;
        std::string dev = std::to_string(wd.major) + ":" + std::to_string(wd.minor);
        if (files::exists(dir_ + "/" + K(Knob::io_bfq_weight))) {
            ONGGI_CHECK(files::write(dir_, K(Knob::io_bfq_weight), dev + " " + std::to_string(*wd.weight)),
                        "io weight device");
        } else {
            uint64_t w = 1 + (uint64_t(std::clamp<uint16_t>(*wd.weight, 10, 1000)) - 10) * 9999 / 990;
            ONGGI_CHECK(files::write(dir_, K(Knob::io_weight), dev + " " + std::to_string(w)), "io weight device");
        }
    }
    // io.max takes one line per device: "8:0 rbps=1048576 wbps=max riops=max wiops=max".
    std::map<std::pair<int64_t, int64_t>, std::string> lines;
    auto add = [&](const std::vector<spec::ThrottleDevice>& list, const char* key) -> Status {
        for (const auto& t : list) {
            ONGGI_CHECK(check_device(key, t.major, t.minor), "linux.resources");
            std::string& l = lines[{t.major, t.minor}];
            l += std::string(" ") + key + "=" + (t.rate == 0 ? std::string("max") : std::to_string(t.rate));
        }
        return {};
    };
    ONGGI_CHECK(add(r.throttle_read_bps, "rbps"), "io");
    ONGGI_CHECK(add(r.throttle_write_bps, "wbps"), "io");
    ONGGI_CHECK(add(r.throttle_read_iops, "riops"), "io");
    ONGGI_CHECK(add(r.throttle_write_iops, "wiops"), "io");
    for (const auto& [dev, l] : lines)
        ONGGI_CHECK(
            files::write(dir_, K(Knob::io_read_bps), std::to_string(dev.first) + ":" + std::to_string(dev.second) + l),
            "io limit");
    return {};
}

Status CgroupV2::apply_unified(const spec::Resources& r)
{
    for (const auto& [key, value] : r.unified) {
        // A controller knob of this cgroup: "memory.high". No paths, no cgroup core files
        // (cgroup.procs, cgroup.subtree_control are Onggi's to manage).
        if (key.empty() || key.find('/') != std::string::npos || key.find('.') == std::string::npos ||
            key.rfind("cgroup.", 0) == 0 || key.front() == '.')
            return Error(Errc::invalid_argument, "linux.resources.unified: '" + key + "' is not a controller file");
        if (value.size() > 4096)
            return Error(Errc::invalid_argument, "linux.resources.unified[" + key + "] is too long");
        if (!files::exists(dir_ + "/" + key))
            return Error(Errc::unsupported,
                         "linux.resources.unified[" + key + "]: no such file in the cgroup (controller not enabled?)");
        ONGGI_CHECK(files::write(dir_, key, value), "linux.resources.unified[" + key + "]");
    }
    return {};
}

Status CgroupV2::apply(const spec::Resources& r)
{
    ONGGI_CHECK(apply_cpu(r), "cpu");
    ONGGI_CHECK(apply_memory(r), "memory");
    if (r.pids_limit)
        ONGGI_CHECK(files::write(dir_, K(Knob::pids_limit), *r.pids_limit <= 0 ? "max" : std::to_string(*r.pids_limit)),
                    "pids limit");
    ONGGI_CHECK(apply_io(r), "io");
    // Device rules: v2 has no devices controller; a BPF_CGROUP_DEVICE program decides. An
    // empty list leaves the program in place (a live update that does not mention devices).
    if (!r.devices.empty()) {
        auto filter = DeviceFilter::compile(r.devices);
        if (!filter) return std::move(filter).error();
        ONGGI_CHECK(filter->attach(fd_.get()), "devices");
    }
    ONGGI_CHECK(apply_unified(r), "unified");
    for (const auto& l : r.hugepage_limits) {
        const std::string file = hugetlb_limit_name(l.page_size, Mode::v2);
        auto ctl = files::read(dir_ + "/" + K(Knob::controllers));
        if (!ctl || !has(words(ctl.value()), "hugetlb"))
            return Error(Errc::unsupported, "hugepageLimits: the hugetlb controller is not enabled for this cgroup");
        if (!files::exists(dir_ + "/" + file))
            return Error(Errc::invalid_argument,
                         "hugepageLimits: page size " + l.page_size + " is not one this host has");
        ONGGI_CHECK(files::write(dir_, file, std::to_string(l.limit)), "hugepageLimits " + l.page_size);
    }
    if (r.net_class_id || !r.net_priorities.empty())
        return Error(Errc::unsupported,
                     "linux.resources.network: net_cls and net_prio are cgroup v1 controllers; cgroup v2 has none");
    return {};
}

Status CgroupV2::add_process(pid_t pid)
{
    if (pid <= 0) return Error(Errc::invalid_argument, "pid must be positive");
    return files::write(dir_, K(Knob::procs), std::to_string(pid));
}

Status CgroupV2::freeze()
{
    if (!files::exists(dir_ + "/" + K(Knob::freeze))) return Error(Errc::unsupported, "cgroup.freeze needs Linux 5.2");
    ONGGI_CHECK(files::write(dir_, K(Knob::freeze), "1"), "freeze");
    long waited = 0;
    for (int i = 0; waited < 5000; ++i) {
        auto f = frozen();
        if (!f) return std::move(f).error().wrap("freeze");
        if (f.value()) return {};
        long ms = std::min<long>(1 + i, 20);
        sleep_ms(ms);
        waited += ms;
    }
    (void)files::write(dir_, K(Knob::freeze), "0");
    return Error(Errc::timeout, "freeze: tasks of " + path_ + " did not freeze within 5 s");
}

Status CgroupV2::thaw()
{
    if (!files::exists(dir_ + "/" + K(Knob::freeze))) return Error(Errc::unsupported, "cgroup.freeze needs Linux 5.2");
    return files::write(dir_, K(Knob::freeze), "0");
}

Result<bool> CgroupV2::frozen() const
{
    auto ev = files::read(dir_ + "/cgroup.events");
    if (!ev) return std::move(ev).error().wrap("frozen");
    return files::keyed(ev.value(), "frozen").value_or(0) == 1;
}

Result<std::vector<pid_t>> CgroupV2::pids() const { return files::procs_recursive(dir_); }

Status CgroupV2::kill_all(int signal)
{
    if (signal <= 0 || signal >= 65) return Error(Errc::invalid_argument, "bad signal " + std::to_string(signal));
    if (signal == SIGKILL && files::exists(dir_ + "/" + K(Knob::kill))) return files::write(dir_, K(Knob::kill), "1");
    bool was_frozen = false;
    if (auto f = frozen(); f) was_frozen = f.value();
    bool froze = !was_frozen && freeze().ok();
    auto list = pids();
    if (!list) return std::move(list).error().wrap("kill all");
    Status st;
    for (pid_t p : list.value())
        if (::kill(p, signal) < 0 && errno != ESRCH && st.ok()) st = Error::from_errno("kill " + std::to_string(p));
    if (froze || (was_frozen && signal == SIGKILL)) (void)thaw();
    return st;
}

Result<uint64_t> CgroupV2::oom_kills() const
{
    auto t = files::read(dir_ + "/" + K(Knob::memory_oom));
    if (!t) return std::move(t).error();
    return files::keyed(t.value(), "oom_kill").value_or(0);
}

Result<Stats> CgroupV2::stats() const
{
    Stats s;
    auto rd = [&](const char* f) -> std::optional<std::string> {
        auto t = files::read(dir_ + "/" + f);
        if (!t) return std::nullopt;
        return std::move(t.value());
    };
    bool any = false;
    if (auto t = rd(K(Knob::cpu_stat))) {
        any = true;
        s.cpu_usage_ns = files::keyed(*t, "usage_usec").value_or(0) * 1000;
        s.cpu_user_ns = files::keyed(*t, "user_usec").value_or(0) * 1000;
        s.cpu_system_ns = files::keyed(*t, "system_usec").value_or(0) * 1000;
        s.cpu_nr_periods = files::keyed(*t, "nr_periods").value_or(0);
        s.cpu_nr_throttled = files::keyed(*t, "nr_throttled").value_or(0);
        s.cpu_throttled_ns = files::keyed(*t, "throttled_usec").value_or(0) * 1000;
    }
    if (auto t = rd(K(Knob::cpu_quota))) files::parse_cpu_max(*t, s.cpu_quota_us, s.cpu_period_us);
    if (auto t = rd(K(Knob::memory_usage))) {
        s.memory_current = files::parse_u64(*t).value_or(0);
        any = true;
    }
    if (auto t = rd(K(Knob::memory_limit))) s.memory_limit = files::parse_max(*t);
    if (auto t = rd(K(Knob::memory_high))) s.memory_high = files::parse_max(*t);
    if (auto t = rd(K(Knob::memory_peak))) s.memory_peak = files::parse_u64(*t);
    if (auto t = rd(K(Knob::memory_swap_usage))) s.memory_swap_current = files::parse_u64(*t);
    if (auto t = rd(K(Knob::memory_swap_limit))) s.memory_swap_limit = files::parse_max(*t);
    if (auto t = rd(K(Knob::memory_stat))) {
        s.memory_cache = files::keyed(*t, "file").value_or(0);
        s.memory_anon = files::keyed(*t, "anon").value_or(0);
    }
    if (auto t = rd(K(Knob::memory_oom))) {
        s.oom_events = files::keyed(*t, "oom").value_or(0);
        s.oom_kill_events = files::keyed(*t, "oom_kill").value_or(0);
    }
    if (auto t = rd(K(Knob::io_stat))) {
        auto io = files::parse_io_stat(*t);
        s.io_read_bytes = io.rbytes;
        s.io_write_bytes = io.wbytes;
        s.io_read_ops = io.rios;
        s.io_write_ops = io.wios;
    }
    if (auto t = rd(K(Knob::pids_current))) s.pids_current = files::parse_u64(*t).value_or(0);
    if (auto t = rd(K(Knob::pids_limit))) s.pids_limit = files::parse_max(*t);
    auto psi = [&](const char* f) -> std::optional<Stats::Pressure> {
        auto t = rd(f);
        return t ? files::pressure_stats(*t) : std::nullopt;
    };
    s.cpu_pressure = psi(K(Knob::cpu_pressure));
    s.memory_pressure = psi(K(Knob::memory_pressure));
    s.io_pressure = psi(K(Knob::io_pressure));
    if (!any) return Error(Errc::not_found, "no statistics readable for cgroup " + path_);
    return s;
}

Status CgroupV2::remove()
{
    auto list = pids();
    if (list && !list->empty())
        return Error(Errc::busy, "cgroup " + path_ + " still has " + std::to_string(list->size()) + " processes")
            .wrap("remove cgroup");
    fd_.reset();
    return files::remove_dir(dir_);
}

}  // namespace onggi::cgroup::v2

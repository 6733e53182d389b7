#include "engine/cgroup/knobs.h"

#include <array>

namespace onggi::cgroup {

namespace {

struct Row {
    Knob knob;
    const char* id;
    const char *v1_controller, *v1_file;  // nullptr: v1 has none
    const char *v2_controller, *v2_file;  // nullptr: v2 has none
};

// clang-format off
constexpr Row kTable[] = {
    // v1: each hierarchy has its own cgroup.procs, which the backend writes itself ("cgroup" names no
    // v1 controller, so knob_path() gives none there).
    {Knob::procs,             "procs",             "cgroup",   "cgroup.procs",                  "cgroup",  "cgroup.procs"},
    {Knob::controllers,       "controllers",       nullptr,    nullptr,                         "cgroup",  "cgroup.controllers"},
    {Knob::subtree_control,   "subtree_control",   nullptr,    nullptr,                         "cgroup",  "cgroup.subtree_control"},
    {Knob::freeze,            "freeze",            "freezer",  "freezer.state",                 "freezer", "cgroup.freeze"},
    // v1: in the unified directory of a hybrid host (5.14+).
    {Knob::kill,              "kill",              "unified",  "cgroup.kill",                   "cgroup",  "cgroup.kill"},
    // v1 cpu.stat has the throttling counters only; v2's has the usage too.
    {Knob::cpu_stat,          "cpu_stat",          "cpu",      "cpu.stat",                      "cpu",     "cpu.stat"},
    {Knob::cpu_usage,         "cpu_usage",         "cpuacct",  "cpuacct.usage",                 nullptr,   nullptr},
    {Knob::cpu_usage_all,     "cpu_usage_all",     "cpuacct",  "cpuacct.usage_all",             nullptr,   nullptr},
    {Knob::cpu_usage_user,    "cpu_usage_user",    "cpuacct",  "cpuacct.usage_user",            nullptr,   nullptr},
    {Knob::cpu_usage_sys,     "cpu_usage_sys",     "cpuacct",  "cpuacct.usage_sys",             nullptr,   nullptr},
    {Knob::cpuacct_stat,      "cpuacct_stat",      "cpuacct",  "cpuacct.stat",                  nullptr,   nullptr},
    // v2 cpu.max is "quota period": the quota's file, read with parse_cpu_max.
    {Knob::cpu_quota,         "cpu_quota",         "cpu",      "cpu.cfs_quota_us",              "cpu",     "cpu.max"},
    {Knob::cpu_period,        "cpu_period",        "cpu",      "cpu.cfs_period_us",             nullptr,   nullptr},
    {Knob::cpu_weight,        "cpu_weight",        "cpu",      "cpu.shares",                    "cpu",     "cpu.weight"},
    {Knob::cpu_idle,          "cpu_idle",          "cpu",      "cpu.idle",                      "cpu",     "cpu.idle"},
    {Knob::cpuset_cpus,       "cpuset_cpus",       "cpuset",   "cpuset.cpus",                   "cpuset",  "cpuset.cpus"},
    {Knob::cpuset_mems,       "cpuset_mems",       "cpuset",   "cpuset.mems",                   "cpuset",  "cpuset.mems"},
    {Knob::cpu_pressure,      "cpu_pressure",      "unified",  "cpu.pressure",                  "cpu",     "cpu.pressure"},
    {Knob::memory_usage,      "memory_usage",      "memory",   "memory.usage_in_bytes",         "memory",  "memory.current"},
    {Knob::memory_limit,      "memory_limit",      "memory",   "memory.limit_in_bytes",         "memory",  "memory.max"},
    {Knob::memory_peak,       "memory_peak",       "memory",   "memory.max_usage_in_bytes",     "memory",  "memory.peak"},
    {Knob::memory_high,       "memory_high",       nullptr,    nullptr,                         "memory",  "memory.high"},
    // The reservation: v1's soft limit, v2's best-effort protection.
    {Knob::memory_low,        "memory_low",        "memory",   "memory.soft_limit_in_bytes",    "memory",  "memory.low"},
    {Knob::memory_min,        "memory_min",        nullptr,    nullptr,                         "memory",  "memory.min"},
    // v1 counts memory plus swap (memsw), v2 swap alone.
    {Knob::memory_swap_usage, "memory_swap_usage", "memory",   "memory.memsw.usage_in_bytes",   "memory",  "memory.swap.current"},
    {Knob::memory_swap_limit, "memory_swap_limit", "memory",   "memory.memsw.limit_in_bytes",   "memory",  "memory.swap.max"},
    {Knob::memory_stat,       "memory_stat",       "memory",   "memory.stat",                   "memory",  "memory.stat"},
    {Knob::memory_failcnt,    "memory_failcnt",    "memory",   "memory.failcnt",                nullptr,   nullptr},
    // Where OOM kills are counted: v1 oom_control (also the eventfd's target), v2 memory.events.
    {Knob::memory_oom,        "memory_oom",        "memory",   "memory.oom_control",            "memory",  "memory.events"},
    // v1: where an eventfd is registered on memory.oom_control ("<eventfd> <fd>").
    {Knob::memory_oom_control_events, "memory_oom_control_events", "memory", "cgroup.event_control", nullptr, nullptr},
    {Knob::memory_swappiness, "memory_swappiness", "memory",   "memory.swappiness",             nullptr,   nullptr},
    {Knob::memory_kernel_tcp, "memory_kernel_tcp", "memory",   "memory.kmem.tcp.limit_in_bytes", nullptr,  nullptr},
    {Knob::memory_pressure,   "memory_pressure",   "unified",  "memory.pressure",               "memory",  "memory.pressure"},
    {Knob::pids_current,      "pids_current",      "pids",     "pids.current",                  "pids",    "pids.current"},
    {Knob::pids_limit,        "pids_limit",        "pids",     "pids.max",                      "pids",    "pids.max"},
    {Knob::pids_events,       "pids_events",       "pids",     "pids.events",                   "pids",    "pids.events"},
    // v2 io.stat has bytes and operations; v1's throttle layer counts them in two files.
    {Knob::io_stat,           "io_stat",           nullptr,    nullptr,                         "io",      "io.stat"},
    {Knob::io_service_bytes,  "io_service_bytes",  "blkio",    "blkio.throttle.io_service_bytes_recursive", nullptr, nullptr},
    {Knob::io_serviced,       "io_serviced",       "blkio",    "blkio.throttle.io_serviced_recursive",      nullptr, nullptr},
    // Without _recursive: what kernels before the recursive files had.
    {Knob::io_service_bytes_local, "io_service_bytes_local", "blkio", "blkio.throttle.io_service_bytes", nullptr, nullptr},
    {Knob::io_serviced_local, "io_serviced_local", "blkio",    "blkio.throttle.io_serviced",    nullptr,   nullptr},
    // CFQ's weight (v1) / the default weight (v2), and BFQ's on newer kernels.
    {Knob::io_weight,         "io_weight",         "blkio",    "blkio.weight",                  "io",      "io.weight"},
    {Knob::io_bfq_weight,     "io_bfq_weight",     "blkio",    "blkio.bfq.weight",              "io",      "io.bfq.weight"},
    // v2 io.max holds the four throttles, one line per device.
    {Knob::io_read_bps,       "io_read_bps",       "blkio",    "blkio.throttle.read_bps_device",  "io",    "io.max"},
    {Knob::io_write_bps,      "io_write_bps",      "blkio",    "blkio.throttle.write_bps_device", nullptr, nullptr},
    {Knob::io_read_iops,      "io_read_iops",      "blkio",    "blkio.throttle.read_iops_device", nullptr, nullptr},
    {Knob::io_write_iops,     "io_write_iops",     "blkio",    "blkio.throttle.write_iops_device", nullptr, nullptr},
    {Knob::io_pressure,       "io_pressure",       "unified",  "io.pressure",                   "io",      "io.pressure"},
    // v2 has no such files: devices are a BPF program there, and net_cls/net_prio are v1 only.
    {Knob::devices_allow,     "devices_allow",     "devices",  "devices.allow",                 nullptr,   nullptr},
    {Knob::devices_deny,      "devices_deny",      "devices",  "devices.deny",                  nullptr,   nullptr},
    {Knob::net_cls_classid,   "net_cls_classid",   "net_cls",  "net_cls.classid",               nullptr,   nullptr},
    {Knob::net_prio_ifpriomap, "net_prio_ifpriomap", "net_prio", "net_prio.ifpriomap",          nullptr,   nullptr},
};
// clang-format on

constexpr size_t kCount = sizeof kTable / sizeof kTable[0];

// Row i describes knob i: the enum and the table cannot drift apart.
constexpr bool table_in_order()
{
    for (size_t i = 0; i < kCount; ++i)
        if (size_t(kTable[i].knob) != i) return false;
    return size_t(Knob::net_prio_ifpriomap) + 1 == kCount;
}
static_assert(table_in_order(), "kTable must list every Knob once, in the enum's order");

constexpr std::array<Knob, kCount> make_all()
{
    std::array<Knob, kCount> a{};
    for (size_t i = 0; i < kCount; ++i) a[i] = kTable[i].knob;
    return a;
}
constexpr std::array<Knob, kCount> kAll = make_all();

constexpr Knob kLesson[] = {
    Knob::memory_limit,    Knob::memory_usage,   Knob::memory_peak, Knob::memory_low,  Knob::memory_min,
    Knob::memory_high,     Knob::memory_failcnt, Knob::memory_oom,  Knob::cpu_quota,   Knob::cpu_period,
    Knob::cpu_weight,      Knob::cpu_stat,       Knob::cpu_usage,   Knob::cpuset_cpus, Knob::pids_limit,
    Knob::pids_current,    Knob::pids_events,    Knob::io_weight,   Knob::io_read_bps, Knob::io_write_bps,
    Knob::io_read_iops,    Knob::io_write_iops,  Knob::io_stat,     Knob::freeze,      Knob::controllers,
    Knob::subtree_control,
};

}  // namespace

std::span<const Knob> all_knobs() { return kAll; }

std::string_view knob_id(Knob k) { return kTable[size_t(k)].id; }

std::optional<Knob> knob_by_id(std::string_view id)
{
    for (const Row& r : kTable)
        if (id == r.id) return r.knob;
    return std::nullopt;
}

std::optional<KnobFile> knob_file(Knob k, Mode m)
{
    const Row& r = kTable[size_t(k)];
    const bool v2 = m == Mode::v2;
    const char* ctl = v2 ? r.v2_controller : r.v1_controller;
    const char* file = v2 ? r.v2_file : r.v1_file;
    if (!file) return std::nullopt;
    return KnobFile{ctl, file};
}

const char* knob_name(Knob k, Mode m)
{
    const Row& r = kTable[size_t(k)];
    const char* file = m == Mode::v2 ? r.v2_file : r.v1_file;
    return file ? file : "";
}

std::string hugetlb_limit_name(const std::string& page_size, Mode m)
{
    return "hugetlb." + page_size + (m == Mode::v2 ? ".max" : ".limit_in_bytes");
}

std::string knob_path(const Cgroup& cg, Knob k)
{
    auto f = knob_file(k, cg.mode());
    if (!f) return {};
    const std::string dir = cg.controller_dir(std::string(f->controller));
    if (dir.empty()) return {};
    return dir + "/" + std::string(f->file);
}

std::span<const Knob> lesson_knobs() { return kLesson; }

}  // namespace onggi::cgroup

// One interface for a container's control group, with a v1 and a v2 backend chosen by probing
// the host (statfs magic on /sys/fs/cgroup). Hybrid hosts (v1 controllers plus a cgroup2 mount
// with no controllers) use the v1 backend. The root is injectable so backends are unit-tested
// against fixture trees of real cgroupfs file contents.
#pragma once

#include "engine/core/result.h"
#include "engine/spec/spec.h"

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace onggi::cgroup {

enum class Mode { v1, v2, hybrid };  // hybrid = v1 controllers + an empty cgroup2 at /unified

struct HostInfo {
    Mode mode = Mode::v2;
    std::string root = "/sys/fs/cgroup";   // mount root (v2) or the tmpfs holding v1 hierarchies
    std::vector<std::string> controllers;  // available: cpu memory pids io/blkio cpuset freezer ...
    // hybrid only: the cgroup2 mount with no controllers (/sys/fs/cgroup/unified). The v1
    // backend also makes the container's cgroup there: it gives per-container PSI
    // (*.pressure), cgroup.kill and a cgroup namespace view of the unified tree.
    std::string unified;
};

// Probe the real host. Cached after the first call.
Result<HostInfo> probe_host();
// Probe a given mount root (tests, or a host with cgroupfs elsewhere). Not cached.
Result<HostInfo> probe_root(const std::string& root);
const char* mode_name(Mode m);  // "v1" "v2" "hybrid"

// Everything read from the cgroup files in one sample. Absent values stay nullopt.
struct Stats {
    uint64_t cpu_usage_ns = 0, cpu_user_ns = 0, cpu_system_ns = 0;
    uint64_t cpu_nr_periods = 0, cpu_nr_throttled = 0, cpu_throttled_ns = 0;
    std::optional<uint64_t> cpu_quota_us;  // nullopt = no quota
    uint64_t cpu_period_us = 0;
    uint64_t memory_current = 0;
    std::optional<uint64_t> memory_limit, memory_high, memory_peak, memory_swap_current, memory_swap_limit;
    uint64_t memory_cache = 0, memory_anon = 0;
    uint64_t io_read_bytes = 0, io_write_bytes = 0, io_read_ops = 0, io_write_ops = 0;
    uint64_t pids_current = 0;
    std::optional<uint64_t> pids_limit;
    // v2: memory.events oom / oom_kill. v1: oom_kill from memory.oom_control; v1 has no
    // counter of OOM events (only the eventfd), so oom_events stays 0 there.
    uint64_t oom_events = 0, oom_kill_events = 0;
    // PSI avg10 and total (us), when the kernel gives them
    struct Pressure {
        double some_avg10 = 0, full_avg10 = 0;
        uint64_t some_total_us = 0, full_total_us = 0;
    };
    std::optional<Pressure> cpu_pressure, memory_pressure, io_pressure;
};

class Cgroup {
public:
    virtual ~Cgroup() = default;

    // Path relative to the hierarchy root, e.g. "/onggi/3f2a...".
    virtual const std::string& path() const = 0;
    virtual Mode mode() const = 0;

    // Apply limits. Called at create and for live updates; fields left unset are not touched.
    // memory.high: pass it as unified["memory.high"]; the v2 backend writes it, the v1 backend
    // answers Errc::unsupported (v1 has no throttling limit; memory_reservation maps to the v1
    // soft limit memory.soft_limit_in_bytes, and to memory.low on v2).
    virtual Status apply(const spec::Resources& r) = 0;
    virtual Status add_process(pid_t pid) = 0;
    // v2: an O_DIRECTORY fd of the cgroup for clone3(CLONE_INTO_CGROUP); v1: -1.
    virtual int dir_fd() const = 0;

    virtual Status freeze() = 0;
    virtual Status thaw() = 0;
    virtual Result<bool> frozen() const = 0;

    virtual Result<std::vector<pid_t>> pids() const = 0;  // every process, recursively
    virtual Status kill_all(int signal) = 0;              // cgroup.kill on v2 >= 5.14, else per pid
    virtual Result<Stats> stats() const = 0;
    // Processes the kernel's OOM killer ended in this cgroup (Stats::oom_kill_events), from the
    // one file that says it: what the shim asks when the container has ended.
    virtual Result<uint64_t> oom_kills() const = 0;
    // Remove the cgroup directories; fails with busy if processes remain.
    virtual Status remove() = 0;

    // The directory of one controller's cgroup ("memory", "cpu", "pids", "freezer", ...;
    // on v2 every controller answers the one directory; "unified" on hybrid hosts). Empty
    // when the host lacks it. The stats sampler opens its files from here.
    virtual std::string controller_dir(const std::string& controller) const = 0;
};

// Create (mkdir in each hierarchy) or open an existing cgroup at `path` (relative, must
// start with '/', no "..", no empty components). root overrides the host root for tests.
Result<std::unique_ptr<Cgroup>> create(const HostInfo& host, const std::string& path);
Result<std::unique_ptr<Cgroup>> open(const HostInfo& host, const std::string& path);

// cgroup v1: blkio.throttle.io_service_bytes/io_serviced count a disk's bios only once that
// disk's queue has had a throttle rule (blk-throttle is set up on a queue on demand); on a
// fresh boot every container reads 0 bytes of I/O. This sets and removes an unreachable rule
// (1 TiB/s read) for each disk in /sys/block, in the cgroup `parent` (created if missing), so
// the counters work for every cgroup after it. No rule is left behind. v2: nothing to do.
// Returns how many disks took the rule.
Result<size_t> prime_io_accounting(const HostInfo& host, const std::string& parent);

// cgroup v2: the cgroup the calling process is in ("/system.slice/onggi-helper.service"), from
// the "0::" line of /proc/self/cgroup.
Result<std::string> self_path();

// cgroup v2, a cgroup delegated to this process (systemd's Delegate=yes): take it over for
// containers. Processes in `root` itself, this one included, move into the leaf
// <root>/supervisor, so that <root> holds no process and may give controllers to its children
// (cgroup v2's "no internal processes" rule). Returns "<root>/containers", the parent for the
// containers. systemd >= 254 with DelegateSubgroup=supervisor starts us in that leaf already.
Result<std::string> take_delegated(const HostInfo& host, const std::string& root);

// Helpers shared by both backends and by the helper's validation.
Status validate_path(const std::string& path);
// A device rule as the v1 devices controller takes it: type a|c|b, access letters of "rwm",
// major/minor absent (any) or 0..4095 / 0..1048575.
Status validate_device_rule(const spec::DeviceRule& rule);
uint64_t shares_to_weight(uint64_t shares);  // v1 cpu.shares -> v2 cpu.weight (runc's formula)
uint64_t weight_to_shares(uint64_t weight);

}  // namespace onggi::cgroup

// Reads one container's metrics from files it keeps open: each sample is one pread() per
// file at offset 0 (cgroupfs and /proc/<pid>/net/dev are seq_files, re-generated on a read
// from offset 0). About 4x cheaper than open/read/close per file; see bench/stats.
//
// A pread of a small cgroup file costs 1.5-2.5 us here, so the cost of a sample is the number
// of files read. Each file belongs to a tier that says when it must be read; a file not read
// is carried from the last sample, and only when it cannot have changed or with the bounded
// staleness written beside its tier:
//
//   every    CPU usage and memory usage (v1 cpuacct.usage, memory.usage_in_bytes; v2 cpu.stat,
//            memory.current), and v2 io.stat (with cgroup writeback the flusher charges a
//            container's dirty pages to it while its tasks sleep, so no CPU gate is exact).
//   on_cpu   counters that only move in the context of the container's own tasks: pids.current
//            (fork/exit), v1 blkio.throttle.* (v1 has no cgroup writeback: bios are charged to
//            the submitting task's cgroup, kworkers and swap-out go to the root). Read when the
//            CPU counter moved since this file's last read. Exceptions, caught by the sweep:
//            an exited task is uncharged from pids when its parent reaps it, and init's parent
//            is the shim, outside the cgroup (the container is ending then anyway).
//   cpu_stat v1 cpu.stat (throttling): cannot move without a CFS quota, so skipped while there
//            is none. With a quota, nr_throttled/throttled_time are bumped by the period timer
//            while the tasks wait throttled; the tasks run again right after, so the file is
//            read when the CPU moved since its last read, and once more after a read that saw
//            the CPU or the throttling counters move.
//   slow     display values that are allowed to lag by up to slow_every samples (memory.stat
//            cache/anon/swap, peak, memsw usage, OOM counters, the user/system split, PSI),
//            read on slow ticks only, and then only when something they depend on moved since
//            their last read: CPU (user/system split, OOM counters: both charged in task
//            context), CPU or memory usage (memory.stat, peak, memsw usage), CPU or the last
//            PSI read showing pressure (avg10 > 0 or totals moving: averages decay, stalls of
//            a blocked task go on without CPU).
//   net      /proc/<init>/net/dev: not opened at all when the container shares the helper's
//            network namespace (the numbers would be the host's); while its namespace has
//            only "lo" (excluded, as docker does) the counters are zero and the interface list
//            is re-read on slow ticks when the CPU moved; with any other interface, every tick.
//   limits   quota, period, memory/memsw/swap/high limits, pids.max: they change through
//            container.update, which calls refresh(), or by hand; read on sweeps and after
//            refresh_all().
//
// Held open: the files of the every, on_cpu, cpu_stat, net and most slow tiers. Opened for
// each read instead: the limits, PSI and v1 memory.oom_control (the OOM watcher holds that one
// already), read at most on slow ticks: the helper held 22 descriptors per running container
// on a hybrid host, 13 now (held_fd_count()).
//
// A sweep (every sweep_every-th sample, the first, and after refresh_all()) reads every
// file: it bounds the staleness of the exceptions named above to sweep_every samples.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/unique_fd.h"
#include "engine/stats/sample.h"

#include <sys/types.h>

#include <string>
#include <vector>

namespace onggi::stats {

// Which groups of files to read; each costs one syscall per sample it is read in.
struct ReaderOptions {
    bool memory_stat = true;  // memory.stat (cache/anon/swap): the most expensive file on v1
    bool io = true;
    bool pressure = true;  // v2, or the unified directory of a hybrid host
    bool net = true;       // /proc/<init pid>/net/dev
    // Slow values are read on every slow_every-th sample (1 = every sample).
    unsigned slow_every = 5;
    // Every file, limits included, is read on every sweep_every-th sample.
    unsigned sweep_every = 60;
    // false: no CPU/memory/netns gates (on_cpu and cpu_stat files every sample, slow files on
    // every slow tick, net/dev every sample, limits on slow ticks): the reader before gating,
    // kept for the bench and as a way out.
    bool gate = true;
    // Where <pid>/net/dev and <pid>/ns/net, self/ns/net are found (tests use a fixture tree).
    std::string proc_root = "/proc";
};

class CgroupReader {
public:
    enum class Tier : uint8_t { every, on_cpu, cpu_stat, slow_cpu, slow_cpu_mem, slow_psi, net, limits };

    CgroupReader() = default;
    CgroupReader(CgroupReader&&) = default;
    CgroupReader& operator=(CgroupReader&&) = default;

    // Open the files of `cg` that the host has. init_pid > 0 adds its net/dev (its netns
    // is pinned while the file is open, so counters stay readable after the pid is gone)
    // unless it shares this process's network namespace.
    static Result<CgroupReader> open(const cgroup::Cgroup& cg, pid_t init_pid = 0, ReaderOptions opt = {});

    // One sample: pread the files due, parse, stamp with CLOCK_MONOTONIC. Fails with
    // not_found when the cgroup is gone. quiet: the caller knows that nothing in this cgroup
    // was charged since this reader's last read (its parent's CPU, memory and I/O counters
    // stood still; see Sampler): the "every" files are carried too, except on a sweep.
    Status read(Sample& out, bool quiet = false);

    size_t file_count() const { return files_.size(); }
    size_t held_fd_count() const;    // files held open between reads (not the limits, PSI, v1 oom_control)
    size_t fast_file_count() const;  // files of the "every" tier
    size_t last_read_count() const { return last_reads_; }  // files read by the last read()
    // The container shares this process's network namespace (no net/dev: it would be the host's).
    bool host_netns() const { return host_netns_; }
    // Read every file on the next sample (call after changing limits).
    void refresh_all() { force_ = true; }

private:
    enum class Key : uint8_t {
        // v1
        cpuacct_all,
        cpuacct_usage,
        cpuacct_stat,
        cpu_stat_v1,
        cfs_quota,
        cfs_period,
        mem_usage,
        mem_limit,
        mem_max_usage,
        memsw_usage,
        memsw_limit,
        mem_stat_v1,
        oom_control,
        blkio_bytes,
        blkio_ops,
        // v2
        cpu_stat_v2,
        cpu_max,
        mem_current,
        mem_max,
        mem_high,
        mem_peak,
        swap_current,
        swap_max,
        mem_stat_v2,
        mem_events,
        io_stat,
        // both
        pids_current,
        pids_max,
        cpu_pressure,
        mem_pressure,
        io_pressure,
        net_dev,
    };
    struct File {
        Key key;
        UniqueFd fd;  // held open; empty for a file opened at each read (limits)
        Tier tier;
        bool ever = false;    // read at least once
        bool hot = false;     // cpu_stat: re-read once more; slow_psi: pressure seen; net: non-lo interfaces
        uint64_t cpu_at = 0;  // CPU counter when last read
        uint64_t mem_at = 0;  // memory usage when last read
        std::string path;     // for a file not held open
    };
    Status add(Key key, const std::string& path, bool required, Tier tier);
    bool due(const File& f, bool sweep, bool slow, bool quiet, bool quota, uint64_t cpu, uint64_t mem) const;

    std::vector<File> files_;
    std::string path_;
    unsigned slow_every_ = 5, sweep_every_ = 60;
    bool gate_ = true;
    bool have_cpu_ = false, have_mem_ = false;  // the gates' counters are read every tick
    bool host_netns_ = false;
    uint64_t ticks_ = 0;
    bool force_ = true;
    size_t last_reads_ = 0;
    uint32_t net_epoch_ = 0;
    Sample last_;  // what is not read is carried from here
};

}  // namespace onggi::stats

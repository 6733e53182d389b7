// Reads one container's metrics from files it keeps open: each sample is one pread() per
// file at offset 0 (cgroupfs and /proc/<pid>/net/dev are seq_files, re-generated on a read
// from offset 0). About 4x cheaper than open/read/close per file; see bench/stats.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/unique_fd.h"
#include "engine/stats/sample.h"

#include <sys/types.h>

#include <vector>

namespace onggi::stats {

// Which groups of files to read; each costs one syscall per sample it is read in.
struct ReaderOptions {
    bool memory_stat = true;  // memory.stat (cache/anon/swap): the most expensive file on v1
    bool io = true;
    bool pressure = true;     // v2, or the unified directory of a hybrid host
    bool net = true;          // /proc/<init pid>/net/dev
    // Files that change slowly or only when Onggi itself changes them (limits, memory.stat,
    // PSI averages, OOM counters: the OOM watcher pushes those at once) are read on every
    // slow_every-th sample and carried in between; counters that rates are made of (CPU,
    // memory.current, pids.current, I/O, network) are read on every sample. 1 = read all.
    unsigned slow_every = 5;
};

class CgroupReader {
public:
    CgroupReader() = default;
    CgroupReader(CgroupReader&&) = default;
    CgroupReader& operator=(CgroupReader&&) = default;

    // Open the files of `cg` that the host has. init_pid > 0 adds its net/dev (its netns
    // is pinned while the file is open, so counters stay readable after the pid is gone).
    static Result<CgroupReader> open(const cgroup::Cgroup& cg, pid_t init_pid = 0, ReaderOptions opt = {});

    // One sample: pread every file, parse, stamp with CLOCK_MONOTONIC. Fails with not_found
    // when the cgroup is gone.
    Status read(Sample& out);

    size_t file_count() const { return files_.size(); }
    size_t fast_file_count() const;
    // Read every file on the next sample (call after changing limits).
    void refresh_all() { force_ = true; }

private:
    enum class Key : uint8_t {
        // v1
        cpuacct_all, cpuacct_usage, cpuacct_user, cpuacct_sys, cpuacct_stat, cpu_stat_v1, cfs_quota, cfs_period,
        mem_usage, mem_limit, mem_max_usage, memsw_usage, memsw_limit, mem_stat_v1, oom_control,
        blkio_bytes, blkio_ops,
        // v2
        cpu_stat_v2, cpu_max, mem_current, mem_max, mem_high, mem_peak, swap_current, swap_max,
        mem_stat_v2, mem_events, io_stat,
        // both
        pids_current, pids_max, cpu_pressure, mem_pressure, io_pressure, net_dev,
    };
    struct File {
        Key key;
        UniqueFd fd;
        bool slow;
    };
    Status add(Key key, const std::string& path, bool required, bool slow);

    std::vector<File> files_;
    std::string path_;
    unsigned slow_every_ = 5;
    uint64_t ticks_ = 0;
    bool force_ = true;
    Sample last_;  // slow values are carried from here
};

} // namespace onggi::stats

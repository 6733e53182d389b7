// The host's own CPU and memory, for the dashboard's totals: /proc/stat (the "cpu" line) and
// /proc/meminfo, read in the same tick as the containers' cgroup files. The files are kept
// open and read with pread, as CgroupReader does; the proc root is injectable for tests.
// Rates come from two readings' CLOCK_MONOTONIC times and jiffy counters, never from the
// interval a caller meant: each consumer keeps its own previous reading (HostCounters), so
// nobody's rate depends on another's timer.
#pragma once

#include "engine/core/result.h"
#include "engine/core/unique_fd.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace onggi::stats {

struct HostCounters {
    uint64_t mono_ns = 0;
    // /proc/stat "cpu" line, in USER_HZ ticks: busy = user+nice+system+irq+softirq+steal
    // (guest time is already in user/nice); idle = idle+iowait.
    uint64_t cpu_busy = 0, cpu_total = 0;
    int cpus = 0;  // "cpuN" lines: online CPUs
    // /proc/meminfo, bytes. The protocol's memory_used = total - available: what the host
    // could not hand out without swapping (page cache it can drop counts as available).
    uint64_t memory_total = 0, memory_available = 0, memory_free = 0, memory_cached = 0;
    uint64_t swap_total = 0, swap_free = 0;
};

// The text of /proc/stat and /proc/meminfo into `out` (mono_ns untouched). False when a file
// lacks what is needed (no "cpu " line, no MemTotal).
bool parse_proc_stat(std::string_view text, HostCounters& out);
bool parse_meminfo(std::string_view text, HostCounters& out);

// Host CPU use from prev to cur, 100 = one core busy (as a container's cpu_percent): busy
// ticks over total ticks, times the CPUs. 0 when the interval is empty or counters went back.
double host_cpu_percent(const HostCounters& prev, const HostCounters& cur);

class HostReader {
public:
    // proc_root: "/proc" (tests: a fixture directory with stat and meminfo).
    static Result<HostReader> open(const std::string& proc_root = "/proc");
    // Two preads, two parses.
    Result<HostCounters> read() const;

private:
    UniqueFd stat_, meminfo_;
};

}  // namespace onggi::stats

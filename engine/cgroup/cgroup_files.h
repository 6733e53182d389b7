// Small readers and writers for cgroupfs files, shared by the v1 and v2 backends and the
// stats sampler. Every parser takes the file's text as it comes from the kernel (the formats
// of Documentation/admin-guide/cgroup-v1/*.rst and cgroup-v2.rst) and never throws.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/result.h"

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace onggi::cgroup::files {

// "12345\n" -> 12345. "max" and garbage -> nullopt.
std::optional<uint64_t> parse_u64(std::string_view text);
// v1 limits: a value at or above 2^62 (the kernel's PAGE_COUNTER_MAX rounded) means unlimited.
std::optional<uint64_t> parse_v1_limit(std::string_view text);
// "max" -> nullopt, a number -> the number (v2 limits and pids.max).
std::optional<uint64_t> parse_max(std::string_view text);
// Each line of `text` without its '\n' (a last line without one too), in order: the one line loop
// of every parser of kernel text (cgroupfs, /proc). fn may return bool: false stops.
template <class Fn>
void for_each_line(std::string_view text, Fn&& fn)
{
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        if constexpr (std::is_void_v<std::invoke_result_t<Fn&, std::string_view>>) fn(line);
        else if (!fn(line)) return;
    }
}
// The value of the first line "<key><sep><value>", trimmed; nullopt when no line has the key.
// sep ' ': flat keyed cgroup files; ':': /proc/meminfo, /proc/PID/status.
std::optional<std::string_view> keyed_field(std::string_view text, std::string_view key, char sep = ' ');
// Flat keyed file ("key value" per line: cpu.stat, memory.stat, memory.events, oom_control).
std::optional<uint64_t> keyed(std::string_view text, std::string_view key);
// v2 cpu.max: "max 100000" or "50000 100000".
void parse_cpu_max(std::string_view text, std::optional<uint64_t>& quota, uint64_t& period);
// First line/word of a file with the trailing newline removed.
std::string_view trim(std::string_view text);

// PSI: "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull ..." (Documentation/accounting/psi.rst).
struct PressureLine {
    double avg10 = 0;
    uint64_t total_us = 0;
    bool present = false;
};
struct PressurePair {
    PressureLine some, full;
};
PressurePair parse_pressure(std::string_view text);
// A *.pressure file as Stats carries it; nullopt when the file has no "some" line.
std::optional<Stats::Pressure> pressure_stats(std::string_view text);

// v2 io.stat: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0" per device; summed.
struct IoTotals {
    uint64_t rbytes = 0, wbytes = 0, rios = 0, wios = 0;
};
IoTotals parse_io_stat(std::string_view text);
// v1 blkio.throttle.io_service_bytes(_recursive) / io_serviced: "8:0 Read 123" lines; summed
// per operation, the "Total" lines skipped.
void parse_blkio(std::string_view text, uint64_t& read, uint64_t& write);

// Read a small cgroup file (no size surprises from cgroupfs).
Result<std::string> read(const std::string& path);
// One write() of `value` into dir/file, with the file and value in the error context.
Status write(const std::string& dir, const std::string& file, const std::string& value);
bool exists(const std::string& path);

// pids of dir/cgroup.procs and of every descendant cgroup.
Result<std::vector<pid_t>> procs_recursive(const std::string& dir);
// rmdir the cgroup and its descendant cgroups, deepest first. Retries briefly on EBUSY
// (a v1 memory cgroup goes offline asynchronously after its last task exits).
Status remove_dir(const std::string& dir);
// mkdir -p dir; returns the directories it created, outermost first.
Result<std::vector<std::string>> make_dirs(const std::string& dir);

}  // namespace onggi::cgroup::files

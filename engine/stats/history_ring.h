// A bounded per-container history (default 900 points = 15 min at 1 s) that survives helper
// restarts: serialize() writes every field as a zig-zag varint delta from the point before,
// so slowly changing counters take one or two bytes (about 40 bytes a point, ~35 KiB for
// 15 minutes), and load() accepts files written with fewer or more fields.
#pragma once

#include "engine/core/result.h"
#include "engine/stats/sampler.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::stats {

// One point of history. Percentages are stored x100 (1234 = 12.34 %); absent values are kNone.
struct HistoryPoint {
    static constexpr uint64_t kNone = ~uint64_t(0);
    uint64_t unix_ms = 0;
    uint64_t cpu_ns = 0, cpu_percent_x100 = 0, cpu_percent_of_limit_x100 = kNone;
    uint64_t throttled_periods = 0, throttled_ns = 0;
    uint64_t memory_current = 0, memory_limit = kNone, memory_high = kNone, memory_peak = kNone;
    uint64_t memory_cache = 0, memory_anon = 0, swap_current = 0;
    uint64_t io_read_bytes = 0, io_write_bytes = 0, io_read_ops = 0, io_write_ops = 0;
    uint64_t io_read_bps = 0, io_write_bps = 0;
    uint64_t pids_current = 0, pids_limit = kNone;
    uint64_t net_rx_bytes = 0, net_tx_bytes = 0, net_rx_packets = 0, net_tx_packets = 0;
    uint64_t psi_cpu_some_x100 = kNone, psi_cpu_full_x100 = kNone;
    uint64_t psi_memory_some_x100 = kNone, psi_memory_full_x100 = kNone;
    uint64_t psi_io_some_x100 = kNone, psi_io_full_x100 = kNone;
    uint64_t oom_events = 0, oom_kill_events = 0;
    // Added later (files written before have none: they load as the defaults here).
    uint64_t net_rx_bps = 0, net_tx_bps = 0;  // rates the engine computed, like io_*_bps
    uint64_t throttled_percent_x100 = 0;      // share of wall time spent throttled
    uint64_t rate_ms = 0;                     // the real (monotonic) interval the rates cover; 0: no rates
    uint64_t pid = 0;                         // the run's init pid (host): a new run starts a new line
    uint64_t cpu_limit_millicores = kNone;    // the CFS quota in thousandths of a core; kNone: none

    bool has_rates() const { return rate_ms > 0; }
    bool operator==(const HistoryPoint&) const = default;
    static HistoryPoint from(const Sampler::Entry& e, uint64_t unix_ms);
};

class HistoryRing {
public:
    explicit HistoryRing(size_t capacity = 900);

    void push(const HistoryPoint& p);
    size_t size() const { return count_; }
    size_t capacity() const { return buf_.size(); }
    // Oldest first. last_n = 0: all.
    std::vector<HistoryPoint> points(size_t last_n = 0) const;
    // Points with unix_ms >= since_ms, oldest first.
    std::vector<HistoryPoint> since(uint64_t since_ms) const;
    void clear() { head_ = count_ = 0; }

    std::string serialize() const;
    // Bad magic, a truncated or oversized file: invalid_argument, nothing half-loaded.
    static Result<HistoryRing> load(const std::string& bytes);

private:
    std::vector<HistoryPoint> buf_;
    size_t head_ = 0;  // next write position
    size_t count_ = 0;
};

}  // namespace onggi::stats

// One reading of a container's metrics, and the rates between two readings. Rates use the
// CLOCK_MONOTONIC timestamps of the samples, never the tick interval the caller intended.
#pragma once

#include "engine/cgroup/cgroup.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace onggi::stats {

struct NetCounters {
    uint64_t rx_bytes = 0, rx_packets = 0, tx_bytes = 0, tx_packets = 0;
};

// /proc/<pid>/net/dev of the container's init (its network namespace): every interface but
// "lo", summed. Returns false when the text has no interface table. `interfaces` (when given)
// gets the number of interfaces other than "lo".
bool parse_net_dev(std::string_view text, NetCounters& out, size_t* interfaces = nullptr);

struct Sample {
    uint64_t mono_ns = 0;  // CLOCK_MONOTONIC when the sample was taken
    cgroup::Stats cg;
    std::optional<NetCounters> net;
    // Bumped when the set of interfaces summed in `net` changed from "only lo" to some (their
    // counters include traffic from before the reader saw them): no net rates across it.
    uint32_t net_epoch = 0;
};

struct Rates {
    double seconds = 0;                          // between the two samples
    double cpu_percent = 0;                      // 100 = one core busy
    std::optional<double> cpu_percent_of_limit;  // 100 = the whole quota used
    double throttled_periods_per_s = 0;
    double throttled_percent = 0;  // share of wall time spent throttled
    double io_read_bytes_per_s = 0, io_write_bytes_per_s = 0, io_read_ops_per_s = 0, io_write_ops_per_s = 0;
    double net_rx_bytes_per_s = 0, net_tx_bytes_per_s = 0, net_rx_packets_per_s = 0, net_tx_packets_per_s = 0;
};

// Rates from `prev` to `cur`. Counters that went backwards (a cgroup re-created, counters
// reset) give 0 rather than a huge number; a zero or negative interval gives all zeros; net
// rates are 0 across a change of net_epoch.
Rates compute_rates(const Sample& prev, const Sample& cur);

uint64_t monotonic_ns();

}  // namespace onggi::stats

#include "engine/stats/sample.h"

#include "engine/cgroup/cgroup_files.h"

#include <ctime>

namespace onggi::stats {

uint64_t monotonic_ns()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1000000000ull + uint64_t(ts.tv_nsec);
}

bool parse_net_dev(std::string_view text, NetCounters& out, size_t* interfaces)
{
    out = {};
    if (interfaces) *interfaces = 0;
    bool table = false;
    cgroup::files::for_each_line(text, [&](std::string_view line) {
        size_t colon = line.find(':');
        if (colon == std::string_view::npos) return;  // the two header lines have '|', no ':'
        std::string_view name = cgroup::files::trim(line.substr(0, colon));
        if (name.find('|') != std::string_view::npos) return;
        table = true;
        if (name == "lo") return;
        // rx: bytes packets errs drop fifo frame compressed multicast; tx: bytes packets ...
        uint64_t v[10] = {};
        int n = 0;
        size_t i = colon + 1;
        while (i < line.size() && n < 10) {
            while (i < line.size() && line[i] == ' ') ++i;
            size_t j = i;
            while (j < line.size() && line[j] != ' ') ++j;
            if (j > i) v[n++] = cgroup::files::parse_u64(line.substr(i, j - i)).value_or(0);
            i = j;
        }
        if (n < 10) return;
        if (interfaces) ++*interfaces;
        out.rx_bytes += v[0];
        out.rx_packets += v[1];
        out.tx_bytes += v[8];
        out.tx_packets += v[9];
    });
    return table;
}

static double per_s(uint64_t a, uint64_t b, double s) { return b >= a ? double(b - a) / s : 0.0; }

Rates compute_rates(const Sample& prev, const Sample& cur)
{
    Rates r;
    if (cur.mono_ns <= prev.mono_ns) return r;
    double s = double(cur.mono_ns - prev.mono_ns) / 1e9;
    r.seconds = s;
    const auto& a = prev.cg;
    const auto& b = cur.cg;
    double cpu_ns = b.cpu_usage_ns >= a.cpu_usage_ns ? double(b.cpu_usage_ns - a.cpu_usage_ns) : 0.0;
    r.cpu_percent = cpu_ns / (s * 1e9) * 100.0;
    if (b.cpu_quota_us && *b.cpu_quota_us > 0 && b.cpu_period_us > 0) {
        double cores = double(*b.cpu_quota_us) / double(b.cpu_period_us);
        r.cpu_percent_of_limit = r.cpu_percent / cores;
    }
    r.throttled_periods_per_s = per_s(a.cpu_nr_throttled, b.cpu_nr_throttled, s);
    r.throttled_percent = per_s(a.cpu_throttled_ns, b.cpu_throttled_ns, s) / 1e9 * 100.0;
    r.io_read_bytes_per_s = per_s(a.io_read_bytes, b.io_read_bytes, s);
    r.io_write_bytes_per_s = per_s(a.io_write_bytes, b.io_write_bytes, s);
    r.io_read_ops_per_s = per_s(a.io_read_ops, b.io_read_ops, s);
    r.io_write_ops_per_s = per_s(a.io_write_ops, b.io_write_ops, s);
    if (prev.net && cur.net && prev.net_epoch == cur.net_epoch) {
        r.net_rx_bytes_per_s = per_s(prev.net->rx_bytes, cur.net->rx_bytes, s);
        r.net_tx_bytes_per_s = per_s(prev.net->tx_bytes, cur.net->tx_bytes, s);
        r.net_rx_packets_per_s = per_s(prev.net->rx_packets, cur.net->rx_packets, s);
        r.net_tx_packets_per_s = per_s(prev.net->tx_packets, cur.net->tx_packets, s);
    }
    return r;
}

}  // namespace onggi::stats

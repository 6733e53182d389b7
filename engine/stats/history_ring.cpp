#include "engine/stats/history_ring.h"

#include <algorithm>
#include <cmath>

namespace onggi::stats {

namespace {

// Every field, in file order. New fields go at the end only.
constexpr uint64_t HistoryPoint::*kFields[] = {
    &HistoryPoint::unix_ms,
    &HistoryPoint::cpu_ns,
    &HistoryPoint::cpu_percent_x100,
    &HistoryPoint::cpu_percent_of_limit_x100,
    &HistoryPoint::throttled_periods,
    &HistoryPoint::throttled_ns,
    &HistoryPoint::memory_current,
    &HistoryPoint::memory_limit,
    &HistoryPoint::memory_high,
    &HistoryPoint::memory_peak,
    &HistoryPoint::memory_cache,
    &HistoryPoint::memory_anon,
    &HistoryPoint::swap_current,
    &HistoryPoint::io_read_bytes,
    &HistoryPoint::io_write_bytes,
    &HistoryPoint::io_read_ops,
    &HistoryPoint::io_write_ops,
    &HistoryPoint::io_read_bps,
    &HistoryPoint::io_write_bps,
    &HistoryPoint::pids_current,
    &HistoryPoint::pids_limit,
    &HistoryPoint::net_rx_bytes,
    &HistoryPoint::net_tx_bytes,
    &HistoryPoint::net_rx_packets,
    &HistoryPoint::net_tx_packets,
    &HistoryPoint::psi_cpu_some_x100,
    &HistoryPoint::psi_cpu_full_x100,
    &HistoryPoint::psi_memory_some_x100,
    &HistoryPoint::psi_memory_full_x100,
    &HistoryPoint::psi_io_some_x100,
    &HistoryPoint::psi_io_full_x100,
    &HistoryPoint::oom_events,
    &HistoryPoint::oom_kill_events,
    &HistoryPoint::net_rx_bps,
    &HistoryPoint::net_tx_bps,
    &HistoryPoint::throttled_percent_x100,
    &HistoryPoint::rate_ms,
    &HistoryPoint::pid,
    &HistoryPoint::cpu_limit_millicores,
};
constexpr size_t kFieldCount = sizeof kFields / sizeof kFields[0];
constexpr char kMagic[4] = {'O', 'G', 'H', 'R'};
constexpr uint8_t kVersion = 1;
constexpr uint64_t kMaxCapacity = 1 << 20;
constexpr uint64_t kMaxFields = 1024;

void put_varint(std::string& out, uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(char(uint8_t(v) | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

bool get_varint(const std::string& in, size_t& pos, uint64_t& v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size()) return false;
        uint8_t b = uint8_t(in[pos++]);
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}

uint64_t zigzag(uint64_t delta) { return (delta << 1) ^ uint64_t(int64_t(delta) >> 63); }
uint64_t unzigzag(uint64_t z) { return (z >> 1) ^ (~(z & 1) + 1); }

uint64_t x100(double v) { return v < 0 ? 0 : uint64_t(std::llround(v * 100.0)); }

}  // namespace

HistoryPoint HistoryPoint::from(const Sampler::Entry& e, uint64_t unix_ms)
{
    HistoryPoint p;
    const auto& s = e.sample.cg;
    p.unix_ms = unix_ms;
    p.cpu_ns = s.cpu_usage_ns;
    if (e.rates) {
        p.cpu_percent_x100 = x100(e.rates->cpu_percent);
        if (e.rates->cpu_percent_of_limit) p.cpu_percent_of_limit_x100 = x100(*e.rates->cpu_percent_of_limit);
        p.io_read_bps = uint64_t(std::llround(e.rates->io_read_bytes_per_s));
        p.io_write_bps = uint64_t(std::llround(e.rates->io_write_bytes_per_s));
        p.net_rx_bps = uint64_t(std::llround(e.rates->net_rx_bytes_per_s));
        p.net_tx_bps = uint64_t(std::llround(e.rates->net_tx_bytes_per_s));
        p.throttled_percent_x100 = x100(e.rates->throttled_percent);
        p.rate_ms = std::max<uint64_t>(1, uint64_t(std::llround(e.rates->seconds * 1000.0)));
    }
    if (s.cpu_quota_us && *s.cpu_quota_us > 0 && s.cpu_period_us > 0)
        p.cpu_limit_millicores = uint64_t(std::llround(double(*s.cpu_quota_us) * 1000.0 / double(s.cpu_period_us)));
    p.throttled_periods = s.cpu_nr_throttled;
    p.throttled_ns = s.cpu_throttled_ns;
    p.memory_current = s.memory_current;
    p.memory_limit = s.memory_limit.value_or(kNone);
    p.memory_high = s.memory_high.value_or(kNone);
    p.memory_peak = s.memory_peak.value_or(kNone);
    p.memory_cache = s.memory_cache;
    p.memory_anon = s.memory_anon;
    p.swap_current = s.memory_swap_current.value_or(0);
    p.io_read_bytes = s.io_read_bytes;
    p.io_write_bytes = s.io_write_bytes;
    p.io_read_ops = s.io_read_ops;
    p.io_write_ops = s.io_write_ops;
    p.pids_current = s.pids_current;
    p.pids_limit = s.pids_limit.value_or(kNone);
    if (e.sample.net) {
        p.net_rx_bytes = e.sample.net->rx_bytes;
        p.net_tx_bytes = e.sample.net->tx_bytes;
        p.net_rx_packets = e.sample.net->rx_packets;
        p.net_tx_packets = e.sample.net->tx_packets;
    }
    if (s.cpu_pressure) {
        p.psi_cpu_some_x100 = x100(s.cpu_pressure->some_avg10);
        p.psi_cpu_full_x100 = x100(s.cpu_pressure->full_avg10);
    }
    if (s.memory_pressure) {
        p.psi_memory_some_x100 = x100(s.memory_pressure->some_avg10);
        p.psi_memory_full_x100 = x100(s.memory_pressure->full_avg10);
    }
    if (s.io_pressure) {
        p.psi_io_some_x100 = x100(s.io_pressure->some_avg10);
        p.psi_io_full_x100 = x100(s.io_pressure->full_avg10);
    }
    p.oom_events = s.oom_events;
    p.oom_kill_events = s.oom_kill_events;
    return p;
}

HistoryRing::HistoryRing(size_t capacity) : buf_(std::clamp<size_t>(capacity, 1, kMaxCapacity)) {}

void HistoryRing::push(const HistoryPoint& p)
{
    buf_[head_] = p;
    head_ = (head_ + 1) % buf_.size();
    if (count_ < buf_.size()) ++count_;
}

std::vector<HistoryPoint> HistoryRing::points(size_t last_n) const
{
    size_t n = last_n == 0 ? count_ : std::min(last_n, count_);
    std::vector<HistoryPoint> out;
    out.reserve(n);
    size_t start = (head_ + buf_.size() - n) % buf_.size();
    for (size_t i = 0; i < n; ++i) out.push_back(buf_[(start + i) % buf_.size()]);
    return out;
}

std::vector<HistoryPoint> HistoryRing::since(uint64_t since_ms) const
{
    auto all = points();
    auto it = std::find_if(all.begin(), all.end(), [&](const HistoryPoint& p) { return p.unix_ms >= since_ms; });
    return std::vector<HistoryPoint>(it, all.end());
}

std::string HistoryRing::serialize() const
{
    std::string out(kMagic, 4);
    out.push_back(char(kVersion));
    put_varint(out, buf_.size());
    put_varint(out, count_);
    put_varint(out, kFieldCount);
    HistoryPoint prev{};
    for (auto& f : kFields) prev.*f = 0;
    for (const auto& p : points()) {
        for (auto f : kFields) put_varint(out, zigzag(p.*f - prev.*f));
        prev = p;
    }
    return out;
}

Result<HistoryRing> HistoryRing::load(const std::string& in)
{
    auto bad = [](const std::string& why) { return Error(Errc::invalid_argument, "history file: " + why); };
    if (in.size() < 5 || in.compare(0, 4, kMagic, 4) != 0) return bad("not an Onggi history (bad magic)");
    if (uint8_t(in[4]) != kVersion) return bad("version " + std::to_string(uint8_t(in[4])) + " is not supported");
    size_t pos = 5;
    uint64_t cap = 0, count = 0, nfields = 0;
    if (!get_varint(in, pos, cap) || !get_varint(in, pos, count) || !get_varint(in, pos, nfields))
        return bad("truncated header");
    if (cap == 0 || cap > kMaxCapacity) return bad("capacity " + std::to_string(cap) + " out of range");
    if (count > cap) return bad("more points than capacity");
    if (nfields == 0 || nfields > kMaxFields) return bad("field count out of range");
    if (count * nfields > in.size() - pos) return bad("truncated: " + std::to_string(count) + " points do not fit");
    HistoryRing ring(cap);
    std::vector<uint64_t> prev(nfields, 0);
    for (uint64_t i = 0; i < count; ++i) {
        HistoryPoint p;
        for (uint64_t k = 0; k < nfields; ++k) {
            uint64_t z;
            if (!get_varint(in, pos, z)) return bad("truncated at point " + std::to_string(i));
            prev[k] += unzigzag(z);
            if (k < kFieldCount) p.*kFields[k] = prev[k];
        }
        ring.push(p);
    }
    if (pos != in.size()) return bad("trailing bytes");
    return ring;
}

}  // namespace onggi::stats

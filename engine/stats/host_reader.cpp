#include "engine/stats/host_reader.h"

#include "engine/cgroup/cgroup_files.h"
#include "engine/stats/sample.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <vector>

namespace onggi::stats {

namespace {

// The fields of a "cpu" line after its name, as numbers (up to 10: user nice system idle
// iowait irq softirq steal guest guest_nice).
std::vector<uint64_t> numbers(std::string_view line)
{
    std::vector<uint64_t> out;
    size_t pos = 0;
    while (pos < line.size() && out.size() < 10) {
        while (pos < line.size() && line[pos] == ' ') ++pos;
        size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        if (end > pos) {
            auto v = cgroup::files::parse_u64(line.substr(pos, end - pos));
            if (!v) break;
            out.push_back(*v);
        }
        pos = end;
    }
    return out;
}

Result<std::string_view> pread_all(int fd, std::vector<char>& buf, const char* what)
{
    ssize_t n;
    do n = ::pread(fd, buf.data(), buf.size(), 0);
    while (n < 0 && errno == EINTR);
    if (n < 0) return Error::from_errno(std::string("read ") + what);
    return std::string_view(buf.data(), size_t(n));
}

}  // namespace

bool parse_proc_stat(std::string_view text, HostCounters& out)
{
    bool have_total = false, bad = false;
    int cpus = 0;
    cgroup::files::for_each_line(text, [&](std::string_view line) {
        if (line.substr(0, 3) != "cpu") return false;  // the cpu lines come first; "intr" is long
        if (line.size() > 3 && line[3] == ' ') {
            auto f = numbers(line.substr(4));
            if (f.size() < 4) {
                bad = true;
                return false;
            }
            auto at = [&](size_t i) { return i < f.size() ? f[i] : 0; };
            const uint64_t idle = at(3) + at(4);
            const uint64_t busy = at(0) + at(1) + at(2) + at(5) + at(6) + at(7);
            out.cpu_busy = busy;
            out.cpu_total = busy + idle;
            have_total = true;
        } else {
            ++cpus;
        }
        return true;
    });
    if (bad) return false;
    if (!have_total) return false;
    out.cpus = cpus;
    return true;
}

bool parse_meminfo(std::string_view text, HostCounters& out)
{
    // "MemTotal:       16310452 kB"
    auto kb = [&](std::string_view key) -> std::optional<uint64_t> {
        auto v = cgroup::files::keyed_field(text, key, ':');
        if (!v) return std::nullopt;
        if (v->size() > 3 && v->substr(v->size() - 3) == " kB") v = v->substr(0, v->size() - 3);
        auto n = cgroup::files::parse_u64(cgroup::files::trim(*v));
        if (!n) return std::nullopt;
        return *n * 1024;
    };
    auto total = kb("MemTotal");
    if (!total || *total == 0) return false;
    out.memory_total = *total;
    out.memory_free = kb("MemFree").value_or(0);
    out.memory_cached = kb("Cached").value_or(0);
    // Kernels before 3.14 have no MemAvailable: free + cached is the old estimate.
    out.memory_available = kb("MemAvailable").value_or(out.memory_free + out.memory_cached);
    if (out.memory_available > out.memory_total) out.memory_available = out.memory_total;
    out.swap_total = kb("SwapTotal").value_or(0);
    out.swap_free = kb("SwapFree").value_or(0);
    return true;
}

double host_cpu_percent(const HostCounters& prev, const HostCounters& cur)
{
    if (cur.mono_ns <= prev.mono_ns || cur.cpu_total <= prev.cpu_total || cur.cpu_busy < prev.cpu_busy) return 0;
    const double busy = double(cur.cpu_busy - prev.cpu_busy), total = double(cur.cpu_total - prev.cpu_total);
    const double share = std::min(1.0, busy / total);
    return share * 100.0 * std::max(1, cur.cpus);
}

Result<HostReader> HostReader::open(const std::string& proc_root)
{
    HostReader r;
    r.stat_.reset(::open((proc_root + "/stat").c_str(), O_RDONLY | O_CLOEXEC));
    if (!r.stat_) return Error::from_errno("open " + proc_root + "/stat");
    r.meminfo_.reset(::open((proc_root + "/meminfo").c_str(), O_RDONLY | O_CLOEXEC));
    if (!r.meminfo_) return Error::from_errno("open " + proc_root + "/meminfo");
    return r;
}

Result<HostCounters> HostReader::read() const
{
    // /proc/stat: 64 KiB holds the cpu lines of ~600 CPUs; the rest (intr, ctxt...) may be cut.
    std::vector<char> buf(64 * 1024);
    HostCounters c;
    c.mono_ns = monotonic_ns();
    auto st = pread_all(stat_.get(), buf, "/proc/stat");
    if (!st) return std::move(st).error();
    if (!parse_proc_stat(st.value(), c)) return Error(Errc::internal, "/proc/stat: no cpu line");
    auto mi = pread_all(meminfo_.get(), buf, "/proc/meminfo");
    if (!mi) return std::move(mi).error();
    if (!parse_meminfo(mi.value(), c)) return Error(Errc::internal, "/proc/meminfo: no MemTotal");
    return c;
}

}  // namespace onggi::stats

#include "engine/cgroup/cgroup_files.h"

#include "engine/core/files.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <ctime>

namespace onggi::cgroup::files {

std::string_view trim(std::string_view t)
{
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ' || t.back() == '\t' || t.back() == '\r'))
        t.remove_suffix(1);
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n')) t.remove_prefix(1);
    return t;
}

std::optional<uint64_t> parse_u64(std::string_view text)
{
    text = trim(text);
    if (text.empty()) return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
    return v;
}

std::optional<uint64_t> parse_v1_limit(std::string_view text)
{
    auto v = parse_u64(text);
    if (!v || *v >= (uint64_t(1) << 62)) return std::nullopt;
    return v;
}

std::optional<uint64_t> parse_max(std::string_view text)
{
    if (trim(text) == "max") return std::nullopt;
    return parse_u64(text);
}

std::optional<std::string_view> keyed_field(std::string_view text, std::string_view key, char sep)
{
    std::optional<std::string_view> out;
    for_each_line(text, [&](std::string_view line) {
        if (line.size() <= key.size() || line.substr(0, key.size()) != key || line[key.size()] != sep) return true;
        out = trim(line.substr(key.size() + 1));
        return false;
    });
    return out;
}

std::optional<uint64_t> keyed(std::string_view text, std::string_view key)
{
    auto v = keyed_field(text, key);
    if (!v) return std::nullopt;
    return parse_u64(*v);
}

void parse_cpu_max(std::string_view text, std::optional<uint64_t>& quota, uint64_t& period)
{
    text = trim(text);
    size_t sp = text.find(' ');
    quota = parse_max(text.substr(0, sp));
    period = sp == std::string_view::npos ? 0 : parse_u64(text.substr(sp + 1)).value_or(0);
}

static void parse_pressure_line(std::string_view line, PressureLine& out)
{
    out.present = true;
    size_t pos = 0;
    while (pos < line.size()) {
        size_t sp = line.find(' ', pos);
        if (sp == std::string_view::npos) sp = line.size();
        std::string_view field = line.substr(pos, sp - pos);
        pos = sp + 1;
        if (field.substr(0, 6) == "avg10=") {
            std::string s(field.substr(6));
            out.avg10 = std::strtod(s.c_str(), nullptr);
        } else if (field.substr(0, 6) == "total=") {
            out.total_us = parse_u64(field.substr(6)).value_or(0);
        }
    }
}

PressurePair parse_pressure(std::string_view text)
{
    PressurePair p;
    for_each_line(text, [&](std::string_view line) {
        if (line.substr(0, 5) == "some ") parse_pressure_line(line.substr(5), p.some);
        else if (line.substr(0, 5) == "full ") parse_pressure_line(line.substr(5), p.full);
    });
    return p;
}

std::optional<Stats::Pressure> pressure_stats(std::string_view text)
{
    auto p = parse_pressure(text);
    if (!p.some.present) return std::nullopt;
    return Stats::Pressure{p.some.avg10, p.full.avg10, p.some.total_us, p.full.total_us};
}

IoTotals parse_io_stat(std::string_view text)
{
    IoTotals t;
    for_each_line(text, [&](std::string_view line) {
        size_t f = line.find(' ');
        while (f != std::string_view::npos && f < line.size()) {
            size_t next = line.find(' ', f + 1);
            std::string_view field =
                line.substr(f + 1, next == std::string_view::npos ? std::string_view::npos : next - f - 1);
            f = next;
            size_t eq = field.find('=');
            if (eq == std::string_view::npos) continue;
            std::string_view k = field.substr(0, eq);
            uint64_t v = parse_u64(field.substr(eq + 1)).value_or(0);
            if (k == "rbytes") t.rbytes += v;
            else if (k == "wbytes") t.wbytes += v;
            else if (k == "rios") t.rios += v;
            else if (k == "wios") t.wios += v;
        }
    });
    return t;
}

void parse_blkio(std::string_view text, uint64_t& read, uint64_t& write)
{
    read = write = 0;
    for_each_line(text, [&](std::string_view line) {
        // "8:0 Read 4096"; the last line is "Total N" with no device.
        size_t a = line.find(' ');
        if (a == std::string_view::npos) return;
        size_t b = line.find(' ', a + 1);
        if (b == std::string_view::npos) return;
        std::string_view op = line.substr(a + 1, b - a - 1);
        uint64_t v = parse_u64(line.substr(b + 1)).value_or(0);
        if (op == "Read") read += v;
        else if (op == "Write") write += v;
    });
}

Result<std::string> read(const std::string& path) { return read_file(path, 1 << 20); }

Status write(const std::string& dir, const std::string& file, const std::string& value)
{
    return write_file(dir + "/" + file, value);
}

bool exists(const std::string& path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

// The child cgroups of dir (their paths) into out; false, with errno set, when dir cannot be opened.
static bool child_dirs(const std::string& dir, std::vector<std::string>& out)
{
    DIR* d = ::opendir(dir.c_str());
    if (!d) return false;
    while (auto* e = ::readdir(d)) {
        if (e->d_type != DT_DIR) continue;
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        out.push_back(dir + "/" + n);
    }
    ::closedir(d);
    return true;
}

static Status collect(const std::string& dir, std::vector<pid_t>& out, int depth)
{
    if (depth > 64) return Error(Errc::invalid_argument, "cgroup tree deeper than 64 levels: " + dir);
    auto text = read(dir + "/cgroup.procs");
    if (!text) return std::move(text).error();
    for_each_line(text.value(), [&](std::string_view line) {
        if (auto v = parse_u64(line)) out.push_back(pid_t(*v));
    });
    std::vector<std::string> subs;
    if (!child_dirs(dir, subs)) return Error::from_errno("opendir " + dir);
    for (auto& s : subs)
        if (auto r = collect(s, out, depth + 1); !r) {
            if (r.error().code == Errc::not_found) continue;  // removed meanwhile
            return r;
        }
    return {};
}

Result<std::vector<pid_t>> procs_recursive(const std::string& dir)
{
    std::vector<pid_t> out;
    if (auto r = collect(dir, out, 0); !r) return std::move(r).error();
    return out;
}

static Status rmdir_retry(const std::string& dir)
{
    for (int i = 0;; ++i) {
        if (::rmdir(dir.c_str()) == 0 || errno == ENOENT) return {};
        if (errno != EBUSY || i >= 50) return Error::from_errno("rmdir " + dir);
        struct timespec ts {
            0, 10 * 1000 * 1000
        };  // 10 ms, at most 0.5 s in all
        ::nanosleep(&ts, nullptr);
    }
}

static Status remove_rec(const std::string& dir, int depth)
{
    if (depth > 64) return Error(Errc::invalid_argument, "cgroup tree deeper than 64 levels: " + dir);
    std::vector<std::string> subs;
    if (!child_dirs(dir, subs)) {
        if (errno == ENOENT) return {};
        return Error::from_errno("opendir " + dir);
    }
    for (auto& s : subs) ONGGI_CHECK(remove_rec(s, depth + 1), "remove child cgroup");
    return rmdir_retry(dir);
}

Status remove_dir(const std::string& dir) { return remove_rec(dir, 0); }

Result<std::vector<std::string>> make_dirs(const std::string& dir)
{
    std::vector<std::string> made;
    size_t pos = 1;
    for (;;) {
        size_t slash = dir.find('/', pos);
        std::string part = slash == std::string::npos ? dir : dir.substr(0, slash);
        if (!part.empty()) {
            if (::mkdir(part.c_str(), 0755) == 0) {
                made.push_back(part);
            } else if (errno != EEXIST) {
                int e = errno;
                for (auto it = made.rbegin(); it != made.rend(); ++it) ::rmdir(it->c_str());
                return Error::from_errno("mkdir " + part, e);
            }
        }
        if (slash == std::string::npos) break;
        pos = slash + 1;
    }
    return made;
}

}  // namespace onggi::cgroup::files

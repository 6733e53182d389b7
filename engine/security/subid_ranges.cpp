// /etc/subuid and /etc/subgid: find or allocate the host id range a user-namespaced container's
// ids map to. Onggi uses one entry named "onggi" for all its user-namespaced containers (like
// Docker's "dockremap"): container root is an unprivileged host id that owns nothing else.
#include "engine/security/security.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <sstream>

namespace onggi::security {

namespace {

constexpr uint64_t sub_id_min = 100000;       // login.defs SUB_UID_MIN
constexpr uint64_t sub_id_max = 600100000;    // login.defs SUB_UID_MAX

struct Entry {
    std::string name;
    uint64_t start = 0, count = 0;
};

std::vector<Entry> parse_entries(const std::string& text)
{
    std::vector<Entry> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto a = line.find(':');
        auto b = a == std::string::npos ? a : line.find(':', a + 1);
        if (b == std::string::npos) continue;
        Entry e;
        e.name = line.substr(0, a);
        try {
            e.start = std::stoull(line.substr(a + 1, b - a - 1));
            e.count = std::stoull(line.substr(b + 1));
        } catch (...) {
            continue;  // a malformed line is not ours to judge; skip it
        }
        out.push_back(e);
    }
    return out;
}

Result<std::string> read_all(int fd)
{
    std::string s;
    char buf[4096];
    if (::lseek(fd, 0, SEEK_SET) < 0) return Error::from_errno("seek");
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::from_errno("read");
        if (n == 0) break;
        s.append(buf, size_t(n));
        if (s.size() > (8u << 20)) return Error(Errc::invalid_argument, "file too large");
    }
    return s;
}

} // namespace

Result<IdRange> find_subid_range(const std::string& file, const std::string& name)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return Error::from_errno("open " + file);
    auto text = read_all(fd.get());
    if (!text) return std::move(text).error().wrap(file);
    for (const auto& e : parse_entries(*text))
        if (e.name == name && e.count > 0 && e.start + e.count <= 0xffffffffull)
            return IdRange{uint32_t(e.start), uint32_t(std::min<uint64_t>(e.count, 0xffffffffull))};
    return Error(Errc::not_found, file + ": no entry for \"" + name + "\"");
}

Result<IdRange> ensure_subid_range(const std::string& file, const std::string& name, uint32_t count)
{
    if (name.empty() || name.find_first_of(":\n") != std::string::npos)
        return Error(Errc::invalid_argument, "subordinate id owner name \"" + name + "\" is not valid");
    if (count == 0) return Error(Errc::invalid_argument, "subordinate id range size must be > 0");
    UniqueFd fd(::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (!fd) return Error::from_errno("open " + file);
    // Serialise against another helper (or a second call) allocating at the same time.
    if (::flock(fd.get(), LOCK_EX) != 0) return Error::from_errno("lock " + file);
    auto text = read_all(fd.get());
    if (!text) return std::move(text).error().wrap(file);
    auto entries = parse_entries(*text);
    for (const auto& e : entries)
        if (e.name == name && e.count >= count && e.start + e.count <= 0xffffffffull)
            return IdRange{uint32_t(e.start), count};
    // Lowest free gap in [SUB_UID_MIN, SUB_UID_MAX] that no existing entry overlaps (useradd's rule).
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.start < b.start; });
    uint64_t start = sub_id_min;
    for (const auto& e : entries) {
        if (e.start + e.count <= start) continue;
        if (e.start >= start + count) break;
        start = e.start + e.count;
    }
    if (start + count - 1 > sub_id_max)
        return Error(Errc::unsupported, file + ": no free range of " + std::to_string(count) + " ids left");
    std::string line = (text->empty() || text->back() == '\n' ? "" : "\n") + name + ":" + std::to_string(start) + ":" +
                       std::to_string(count) + "\n";
    ssize_t n = ::write(fd.get(), line.data(), line.size());
    if (n != ssize_t(line.size())) return Error::from_errno("append to " + file);
    if (::fsync(fd.get()) != 0) return Error::from_errno("fsync " + file);
    return IdRange{uint32_t(start), count};
}

} // namespace onggi::security

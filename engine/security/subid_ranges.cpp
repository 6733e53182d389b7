// /etc/subuid and /etc/subgid: find or allocate the host id range a user-namespaced container's
// ids map to. Onggi uses one entry named "onggi" for all its user-namespaced containers (like
// Docker's "dockremap"): container root is an unprivileged host id that owns nothing else.
#include "engine/security/security.h"

#include "engine/core/files.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <shadow.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <sstream>

namespace onggi::security {

namespace {

constexpr uint64_t sub_id_min = 100000;     // login.defs SUB_UID_MIN
constexpr uint64_t sub_id_max = 600100000;  // login.defs SUB_UID_MAX

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

}  // namespace

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

namespace {

// shadow's lock for /etc/subuid and /etc/subgid (commonio_lock, used by useradd and
// `usermod --add-subuids`): "<file>.lock" made by link(2) from "<file>.<pid>" holding our pid; a
// lock whose pid is gone is stale and taken over. For files in /etc also lckpwdf(), as shadow
// does for every database it edits as root.
class ShadowLock {
public:
    ~ShadowLock()
    {
        if (locked_) ::unlink(lock_.c_str());
        if (pwd_) ::ulckpwdf();
    }

    Status acquire(const std::string& file)
    {
        if (file.rfind("/etc/", 0) == 0 && file.find('/', 5) == std::string::npos) {
            if (::lckpwdf() != 0) return Error::from_errno("lock the password files (lckpwdf)");
            pwd_ = true;
        }
        lock_ = file + ".lock";
        const std::string mine = file + "." + std::to_string(::getpid());
        for (int attempt = 0; attempt < 150; ++attempt) {  // up to ~15 s, as lckpwdf waits
            UniqueFd fd(::open(mine.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600));
            if (!fd) return Error::from_errno("create " + mine);
            const std::string pid = std::to_string(::getpid());
            if (::write(fd.get(), pid.data(), pid.size()) != ssize_t(pid.size())) {
                ::unlink(mine.c_str());
                return Error::from_errno("write " + mine);
            }
            fd.reset();
            const int rc = ::link(mine.c_str(), lock_.c_str());
            const int e = errno;
            ::unlink(mine.c_str());
            if (rc == 0) {
                locked_ = true;
                return {};
            }
            if (e != EEXIST) return Error::from_errno("lock " + file, e);
            // Held: by a live process (wait), or stale (remove and try again).
            UniqueFd held(::open(lock_.c_str(), O_RDONLY | O_CLOEXEC));
            char buf[32] = {};
            long holder = held ? std::strtol((::read(held.get(), buf, sizeof buf - 1), buf), nullptr, 10) : 0;
            if (holder > 0 && ::kill(pid_t(holder), 0) != 0 && errno == ESRCH) {
                ::unlink(lock_.c_str());
                continue;
            }
            ::usleep(100000);
        }
        return Error(Errc::busy, file + " is locked by another program (" + lock_ + ")");
    }

private:
    std::string lock_;
    bool locked_ = false, pwd_ = false;
};

}  // namespace

Result<IdRange> ensure_subid_range(const std::string& file, const std::string& name, uint32_t count)
{
    if (name.empty() || name.find_first_of(":\n") != std::string::npos)
        return Error(Errc::invalid_argument, "subordinate id owner name \"" + name + "\" is not valid");
    if (count == 0) return Error(Errc::invalid_argument, "subordinate id range size must be > 0");
    ShadowLock lock;
    ONGGI_CHECK(lock.acquire(file), "subordinate ids");
    std::string text;
    {
        UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd && errno != ENOENT) return Error::from_errno("open " + file);
        if (fd) {
            auto t = read_all(fd.get());
            if (!t) return std::move(t).error().wrap(file);
            text = std::move(*t);
        }
    }
    auto entries = parse_entries(text);
    // The user's own range, when there is one (useradd may have made it): reused, never a
    // second one. The first that is big enough, else the biggest.
    const Entry* best = nullptr;
    for (const auto& e : entries) {
        if (e.name != name || e.count == 0 || e.start + e.count > 0xffffffffull) continue;
        if (e.count >= count) return IdRange{uint32_t(e.start), count};
        if (!best || e.count > best->count) best = &e;
    }
    if (best) return IdRange{uint32_t(best->start), uint32_t(best->count)};
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
    // As shadow writes it: the whole file anew beside it ("<file>+"), flushed, renamed over.
    std::string out = text;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += name + ":" + std::to_string(start) + ":" + std::to_string(count) + "\n";
    struct stat st {};
    const mode_t mode = ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    ONGGI_CHECK(write_file_atomic(file, out, int(mode), Sync::durable), "subordinate ids");
    return IdRange{uint32_t(start), count};
}

}  // namespace onggi::security

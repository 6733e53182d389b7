#include "helper/fd_limit.h"

#include <dirent.h>
#include <poll.h>
#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace onggi::helper {

namespace {
struct rlimit g_original {};
bool g_captured = false;
}  // namespace

long raise_fd_limit()
{
    struct rlimit cur {};
    if (::getrlimit(RLIMIT_NOFILE, &cur) != 0) return -1;
    g_original = cur;
    g_captured = true;
    constexpr rlim_t cap = rlim_t(1) << 20;
    rlim_t want = cur.rlim_max == RLIM_INFINITY || cur.rlim_max > cap ? cap : cur.rlim_max;
    if (want <= cur.rlim_cur) return long(cur.rlim_cur);
    struct rlimit raised = cur;
    raised.rlim_cur = want;
    if (::setrlimit(RLIMIT_NOFILE, &raised) != 0) return -1;
    return long(want);
}

void restore_child_fd_limit()
{
    // Also when the helper's own limit was changed since (prlimit): a child is not short of
    // descriptors because the helper is.
    struct rlimit cur {};
    if (!g_captured || ::getrlimit(RLIMIT_NOFILE, &cur) != 0) return;
    if (cur.rlim_cur != g_original.rlim_cur || cur.rlim_max != g_original.rlim_max)
        ::setrlimit(RLIMIT_NOFILE, &g_original);
}

FdUse fd_use()
{
    FdUse u;
    struct rlimit cur {};
    if (::getrlimit(RLIMIT_NOFILE, &cur) == 0) u.limit = cur.rlim_cur == RLIM_INFINITY ? -1 : long(cur.rlim_cur);
    if (DIR* d = ::opendir("/proc/self/fd")) {
        long n = 0;
        while (const struct dirent* e = ::readdir(d))
            if (e->d_name[0] != '.') ++n;
        ::closedir(d);
        u.open = n - 1;  // the directory's own descriptor
        return u;
    }
    // No descriptor left to read the directory with: ask poll(2) which numbers are open (POLLNVAL:
    // not open), in blocks. The numbers go up to the larger of the two limits (a lowered soft
    // limit keeps the descriptors above it open).
    rlim_t top = cur.rlim_max == RLIM_INFINITY || cur.rlim_max > (rlim_t(1) << 20) ? rlim_t(1) << 20 : cur.rlim_max;
    if (cur.rlim_cur != RLIM_INFINITY && cur.rlim_cur > top) top = cur.rlim_cur;
    // poll(2) takes at most RLIMIT_NOFILE entries at once (EINVAL above).
    const rlim_t most = cur.rlim_cur == RLIM_INFINITY || cur.rlim_cur > 4096 ? 4096 : std::max<rlim_t>(cur.rlim_cur, 1);
    std::vector<struct pollfd> block(static_cast<size_t>(most));
    long n = 0;
    for (rlim_t base = 0; base < top; base += block.size()) {
        const size_t cnt = size_t(std::min<rlim_t>(block.size(), top - base));
        for (size_t i = 0; i < cnt; ++i) block[i] = {int(base + i), 0, 0};
        if (::poll(block.data(), cnt, 0) < 0) return u;
        for (size_t i = 0; i < cnt; ++i)
            if (!(block[i].revents & POLLNVAL)) ++n;
    }
    u.open = n;
    return u;
}

namespace {
// Whose limit it was, in the words of fd_exhausted and shim_fd_exhausted (worded_fd_exhaustion
// looks for them, so that an error is never worded twice).
constexpr const char* kHostFull = ": the host's table of open files is full";
constexpr const char* kInHelper = ": too many open files in the helper";
constexpr const char* kInShim = ": too many open files in onggi-shim";
}  // namespace

bool is_fd_exhaustion(int err) { return err == EMFILE || err == ENFILE; }

Error fd_exhausted(const std::string& what, int err)
{
    if (err == ENFILE) return Error(Errc::system, what + kHostFull + " (fs.file-max)", ENFILE);
    const FdUse u = fd_use();
    std::string numbers;
    if (u.open >= 0) numbers = std::to_string(u.open) + " open";
    if (u.limit >= 0) numbers += (numbers.empty() ? "" : ", ") + std::string("limit ") + std::to_string(u.limit);
    return Error(Errc::system, what + kInHelper + (numbers.empty() ? "" : " (" + numbers + ")"), EMFILE);
}

Error worded_fd_exhaustion(const Error& e)
{
    if (!is_fd_exhaustion(e.sys_errno) || is_shim_fd_exhaustion(e)) return e;
    if (e.context.find(e.sys_errno == ENFILE ? kHostFull : kInHelper) != std::string::npos) return e;
    Error out = fd_exhausted(e.context, e.sys_errno);
    out.code = e.code;
    return out;
}

long child_fd_hard_limit()
{
    if (!g_captured || g_original.rlim_max == RLIM_INFINITY) return -1;
    return long(g_original.rlim_max);
}

long child_fd_limit()
{
    if (!g_captured || g_original.rlim_cur == RLIM_INFINITY) return -1;
    return long(g_original.rlim_cur);
}

Error shim_fd_exhausted(const std::string& what, const Error& shim_error)
{
    const long limit = child_fd_limit();
    return Error(shim_error.code,
                 what + kInShim + (limit >= 0 ? " (its limit " + std::to_string(limit) + ")" : std::string()) + ": " +
                     shim_error.context,
                 shim_error.sys_errno);
}

bool is_shim_fd_exhaustion(const Error& e)
{
    return e.sys_errno == EMFILE && e.context.find(kInShim) != std::string::npos;
}

nlohmann::json fd_exhaustion_data(const Error& e)
{
    if (!is_shim_fd_exhaustion(e)) return fd_exhaustion_data(e.sys_errno);
    nlohmann::json d = {{"reason", "shim_fd_limit"}};
    if (const long limit = child_fd_limit(); limit >= 0) d["fd_limit"] = limit;
    return d;
}

nlohmann::json fd_exhaustion_data(int err)
{
    if (err == ENFILE) return {{"reason", "host_fd_limit"}};
    const FdUse u = fd_use();
    return {{"reason", "helper_fd_limit"}, {"open_fds", u.open}, {"fd_limit", u.limit}};
}

}  // namespace onggi::helper

#include "helper/fd_limit.h"

#include <sys/resource.h>

namespace onggi::helper {

namespace {
struct rlimit g_original {};
bool g_raised = false;
} // namespace

long raise_fd_limit()
{
    struct rlimit cur {};
    if (::getrlimit(RLIMIT_NOFILE, &cur) != 0) return -1;
    g_original = cur;
    constexpr rlim_t cap = rlim_t(1) << 20;
    rlim_t want = cur.rlim_max == RLIM_INFINITY || cur.rlim_max > cap ? cap : cur.rlim_max;
    if (want <= cur.rlim_cur) return long(cur.rlim_cur);
    struct rlimit raised = cur;
    raised.rlim_cur = want;
    if (::setrlimit(RLIMIT_NOFILE, &raised) != 0) return -1;
    g_raised = true;
    return long(want);
}

void restore_child_fd_limit()
{
    if (g_raised) ::setrlimit(RLIMIT_NOFILE, &g_original);
}

} // namespace onggi::helper

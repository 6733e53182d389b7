#include "helper/user_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <functional>
#include <thread>

namespace onggi::helper {
namespace {

// Runs fn (returning >= 0 or -errno) in a thread that is `who`; root runs it as it is.
int run_as(const Identity& who, const std::function<int()>& fn)
{
    if (who.uid == 0) return fn();
    int r = -EPERM;
    std::thread t([&] {
        if (::syscall(SYS_setgroups, who.groups.size(), who.groups.data()) < 0 ||
            ::syscall(SYS_setresgid, who.gid, who.gid, who.gid) < 0 ||
            ::syscall(SYS_setresuid, who.uid, who.uid, who.uid) < 0) {
            r = -errno;
            return;
        }
        r = fn();
    });
    t.join();
    return r;
}

}  // namespace

Result<UniqueFd> UserFile::open_as(const std::string& path, int flags, mode_t mode, const Identity& who)
{
    if (path.empty() || path[0] != '/') return Error(Errc::invalid_argument, "path " + path + ": must be absolute");
    // O_NONBLOCK: opening a fifo must not stall the helper (a fifo is then refused below).
    const int fd = run_as(who, [&] {
        int f = ::open(path.c_str(), flags | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, mode);
        return f < 0 ? -errno : f;
    });
    if (fd < 0) return Error::from_errno(path, -fd);
    UniqueFd f(fd);
    struct stat st;
    if (::fstat(fd, &st) < 0) return Error::from_errno(path);
    if (!S_ISREG(st.st_mode)) return Error(Errc::invalid_argument, path + ": not a regular file");
    if (::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) return Error::from_errno(path);
    return f;
}

Status UserFile::remove_as(const std::string& path, const Identity& who)
{
    const int r = run_as(who, [&] { return ::unlink(path.c_str()) < 0 ? -errno : 0; });
    if (r < 0) return Error::from_errno("remove " + path, -r);
    return {};
}

}  // namespace onggi::helper

#include "helper/volume_source.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/openat2.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <deque>
#include <thread>

namespace onggi::helper {

namespace {

int openat2_path(int dir, const std::string& name, uint64_t resolve)
{
    struct open_how how {};
    how.flags = uint64_t(O_PATH | O_NOFOLLOW | O_CLOEXEC);
    how.resolve = resolve;
    long fd = ::syscall(SYS_openat2, dir, name.c_str(), &how, sizeof how);
    return fd < 0 ? -errno : int(fd);
}

void push_front_components(std::deque<std::string>& q, const std::string& path)
{
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= path.size()) {
        size_t slash = path.find('/', pos);
        if (slash == std::string::npos) slash = path.size();
        if (slash > pos) parts.push_back(path.substr(pos, slash - pos));
        pos = slash + 1;
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) q.push_front(*it);
}

// The walk, run by a thread that has the user's credentials. Returns an O_PATH fd or -errno.
int walk_as(const std::string& path, uid_t uid)
{
    std::deque<std::string> todo;
    push_front_components(todo, path);
    UniqueFd dir(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return -errno;
    int links = 0;
    while (!todo.empty()) {
        std::string name = todo.front();
        todo.pop_front();
        if (name == ".") continue;
        int fd = openat2_path(dir.get(), name, RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
        if (fd < 0) return fd;
        UniqueFd f(fd);
        struct stat st;
        if (::fstat(fd, &st) < 0) return -errno;
        if (S_ISLNK(st.st_mode)) {
            // Only a symlink the user owns is theirs to point somewhere (and 40 at most, as namei).
            if (st.st_uid != uid || ++links > 40) return -ELOOP;
            char target[PATH_MAX];
            ssize_t n = ::readlinkat(fd, "", target, sizeof target - 1);
            if (n < 0) return -errno;
            target[n] = 0;
            if (target[0] == '/') {
                dir.reset(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
                if (!dir) return -errno;
            }
            push_front_components(todo, target);
            continue;
        }
        if (!todo.empty() && !S_ISDIR(st.st_mode)) return -ENOTDIR;
        dir = std::move(f);
    }
    return dir.release();
}

}  // namespace

Identity VolumeSource::identity_of(uid_t uid, gid_t fallback_gid)
{
    Identity id;
    id.uid = uid;
    if (uid == 0) {
        id.name = "root";
        return id;
    }
    std::vector<char> buf(16384);
    struct passwd pw {};
    struct passwd* pwp = nullptr;
    if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &pwp) != 0 || !pwp) {
        id.gid = fallback_gid;
        id.groups = {fallback_gid};
        id.name = std::to_string(uid);
        return id;
    }
    id.gid = pwp->pw_gid;
    id.name = pwp->pw_name;
    int n = 64;
    id.groups.resize(size_t(n));
    if (::getgrouplist(pwp->pw_name, pwp->pw_gid, id.groups.data(), &n) < 0) {
        id.groups.resize(size_t(n));
        if (::getgrouplist(pwp->pw_name, pwp->pw_gid, id.groups.data(), &n) < 0) n = 0;
    }
    id.groups.resize(size_t(n));
    return id;
}

Result<VolumeSource> VolumeSource::open_as(const std::string& path, const Identity& who)
{
    if (path.empty() || path[0] != '/')
        return Error(Errc::invalid_argument, "volume source " + path + ": must be an absolute path");
    int fd = -1;
    if (who.uid == 0) {
        fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
        if (fd < 0) fd = -errno;
    } else {
        // A thread of its own becomes the user; the raw syscalls change only this thread's
        // credentials (glibc's wrappers would change every thread's), and it ends right after.
        std::thread t([&] {
            if (::syscall(SYS_setgroups, who.groups.size(), who.groups.data()) < 0 ||
                ::syscall(SYS_setresgid, who.gid, who.gid, who.gid) < 0 ||
                ::syscall(SYS_setresuid, who.uid, who.uid, who.uid) < 0) {
                fd = -errno;
                return;
            }
            fd = walk_as(path, who.uid);
        });
        t.join();
    }
    if (fd < 0) return Error::from_errno("volume source " + path, -fd);
    VolumeSource v;
    v.fd.reset(fd);
    struct stat st;
    if (::fstat(fd, &st) < 0) return Error::from_errno("volume source " + path);
    v.dev = st.st_dev;
    v.ino = st.st_ino;
    v.owner = st.st_uid;
    v.group = st.st_gid;
    v.directory = S_ISDIR(st.st_mode);
    return v;
}

}  // namespace onggi::helper

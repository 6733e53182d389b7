// The one file that runs between clone() and execve(). Review rules:
//  - raw syscalls and async-signal-safe libc wrappers only; no allocation, no locks, no
//    libstdc++ containers, no Qt, no exceptions, no stdio;
//  - every failure is reported as ChildReport{stage, errno} on report_fd, then _exit;
//  - every mount target is resolved inside the rootfs with openat2(RESOLVE_IN_ROOT) and
//    mounted through /proc/self/fd/N, so a symlink in the image cannot redirect a mount to
//    the host (CVE-2021-30465).
#include "engine/runtime/child.h"

#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/openat2.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

namespace onggi::runtime {

namespace {

int g_report_fd = -1;

// --- tiny libc-free helpers -----------------------------------------------------------

size_t str_len(const char* s)
{
    size_t n = 0;
    while (s[n]) ++n;
    return n;
}

bool has_char(const char* s, char ch)
{
    for (; *s; ++s)
        if (*s == ch) return true;
    return false;
}

// "/proc/self/fd/<fd>" into buf (at least 32 bytes).
const char* fd_path(char* buf, int fd)
{
    const char prefix[] = "/proc/self/fd/";
    size_t i = 0;
    for (; prefix[i]; ++i) buf[i] = prefix[i];
    char digits[12];
    int n = 0;
    unsigned v = unsigned(fd);
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    while (n) buf[i++] = digits[--n];
    buf[i] = 0;
    return buf;
}

void write_all(int fd, const void* data, size_t len)
{
    const char* p = static_cast<const char*>(data);
    while (len) {
        ssize_t n = ::write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        p += n;
        len -= size_t(n);
    }
}

[[noreturn]] void fail(Stage stage, int err)
{
    if (g_report_fd >= 0) {
        ChildReport r{static_cast<int32_t>(stage), err};
        write_all(g_report_fd, &r, sizeof r);
    }
    ::_exit(127);
}

void check(int rc, Stage stage)
{
    if (rc < 0) fail(stage, errno);
}

// rc is 0 or -errno (the security:: child functions).
void check_neg(int rc, Stage stage)
{
    if (rc < 0) fail(stage, -rc);
}

int open_in_root(int rootfd, const char* path, int oflags)
{
    struct open_how how {};
    how.flags = uint64_t(O_PATH | O_CLOEXEC | oflags);
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    long fd = ::syscall(SYS_openat2, rootfd, path, &how, sizeof how);
    return fd < 0 ? -errno : int(fd);
}

// Resolve `path` inside the rootfs, creating it (a directory, or an empty file) and its
// missing parents. Returns an O_PATH fd or -errno.
int ensure_in_root(int rootfd, const char* path, bool dir, int depth = 0)
{
    int fd = open_in_root(rootfd, path, 0);
    if (fd >= 0 || fd != -ENOENT || depth > 64) return fd;
    char buf[PATH_MAX];
    size_t len = str_len(path);
    if (len >= sizeof buf) return -ENAMETOOLONG;
    for (size_t i = 0; i <= len; ++i) buf[i] = path[i];
    while (len > 1 && buf[len - 1] == '/') buf[--len] = 0;
    size_t slash = len;
    while (slash > 0 && buf[slash - 1] != '/') --slash;
    if (slash == 0) return -ENOENT;  // relative without a parent: nothing to create
    const char* leaf = buf + slash;
    int pfd;
    if (slash == 1) {
        pfd = open_in_root(rootfd, "/", 0);
    } else {
        buf[slash - 1] = 0;
        pfd = ensure_in_root(rootfd, buf, true, depth + 1);
    }
    if (pfd < 0) return pfd;
    int rc = 0;
    if (dir) {
        if (::mkdirat(pfd, leaf, 0755) < 0 && errno != EEXIST) rc = -errno;
    } else {
        int f = ::openat(pfd, leaf, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (f < 0 && errno != EEXIST) rc = -errno;
        if (f >= 0) ::close(f);
    }
    ::close(pfd);
    if (rc < 0) return rc;
    // Re-resolve the full path (the leaf may be ".." or a name created by someone else).
    return open_in_root(rootfd, path, 0);
}

// Per-mount flags the kernel locks in a user namespace must be repeated on a remount.
unsigned long locked_flags(const char* path)
{
    struct statvfs st;
    if (::statvfs(path, &st) < 0) return 0;
    unsigned long f = 0;
    if (st.f_flag & ST_NOSUID) f |= MS_NOSUID;
    if (st.f_flag & ST_NODEV) f |= MS_NODEV;
    if (st.f_flag & ST_NOEXEC) f |= MS_NOEXEC;
    if (st.f_flag & ST_NOATIME) f |= MS_NOATIME;
    if (st.f_flag & ST_NODIRATIME) f |= MS_NODIRATIME;
    if (st.f_flag & ST_RELATIME) f |= MS_RELATIME;
    if (st.f_flag & ST_RDONLY) f |= MS_RDONLY;
    return f;
}

constexpr unsigned long kPerMountFlags =
    MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME;

// Re-resolve target (to reach the mount just made on it) and apply per-mount flags and
// propagation.
void finish_mount(int rootfd, const MountOp& m, unsigned long flags)
{
    if (!(flags & kPerMountFlags) && !m.propagation) return;
    int fd = open_in_root(rootfd, m.target, 0);
    if (fd < 0) fail(Stage::mount_target, -fd);
    char p[32];
    fd_path(p, fd);
    if (flags & kPerMountFlags) {
        unsigned long f = MS_BIND | MS_REMOUNT | (flags & kPerMountFlags) | (locked_flags(p) & ~MS_RDONLY);
        check(::mount(nullptr, p, nullptr, f, nullptr), Stage::mount);
    }
    if (m.propagation) check(::mount(nullptr, p, nullptr, m.propagation, nullptr), Stage::mount);
    ::close(fd);
}

void do_mount(int rootfd, const MountOp& m, bool userns)
{
    // A bind of a file (a volume that is a file, /etc/hosts) needs a file to land on, whether it
    // is bound by path or attached as a detached tree (move_mount refuses a dir over a file).
    bool is_dir = (m.kind != MountOp::bind && m.kind != MountOp::tree) || m.source_is_dir;
    int fd = ensure_in_root(rootfd, m.target, is_dir);
    if (fd < 0) fail(Stage::mount_target, -fd);
    char p[32];
    fd_path(p, fd);
    switch (m.kind) {
    case MountOp::plain: {
        if (::mount(m.source, p, m.fstype, m.flags & ~(MS_BIND | MS_REC), m.data) < 0) {
            int e = errno;
            if (!(m.sysfs_fallback && (e == EPERM || e == EINVAL || e == EACCES))) fail(Stage::mount, e);
            // sysfs needs a network namespace owned by our user namespace: bind the host's.
            check(::mount("/sys", p, nullptr, MS_BIND | MS_REC, nullptr), Stage::mount);
            ::close(fd);
            finish_mount(rootfd, m, m.flags | MS_RDONLY);
            return;
        }
        ::close(fd);
        // A new mount got its flags from mount(2); only propagation is left.
        if (m.propagation) finish_mount(rootfd, m, 0);
        return;
    }
    case MountOp::bind: {
        check(::mount(m.source, p, nullptr, MS_BIND | (m.recursive ? MS_REC : 0), nullptr), Stage::mount);
        ::close(fd);
        finish_mount(rootfd, m, m.flags);
        return;
    }
    case MountOp::tree: {
        // A detached mount the parent prepared (a volume opened as its owner, or any bind of a
        // user-namespaced container): attach it here. No path of the host is looked up.
        check(int(::syscall(SYS_move_mount, m.tree_fd, "", fd, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH)),
              Stage::mount);
        ::close(fd);
        finish_mount(rootfd, m, m.flags);
        return;
    }
    case MountOp::remount: {
        ::close(fd);
        finish_mount(rootfd, m, m.flags);
        return;
    }
    case MountOp::cgroup_v1: {
        int rc = ::mount(m.source, p, "cgroup", m.flags, m.data);
        if (rc < 0 && userns && (errno == EPERM || errno == EBUSY)) {
            ::close(fd);  // a hierarchy we may not mount in this user namespace: leave it empty
            return;
        }
        check(rc, Stage::mount);
        ::close(fd);
        return;
    }
    }
}

// The parent directory of a /dev path ("/dev/net/tun" -> "/dev/net"), created in the rootfs.
int device_parent(int rootfd, const char* path)
{
    char buf[256];
    size_t len = str_len(path);
    if (len >= sizeof buf) return -ENAMETOOLONG;
    size_t slash = len;
    while (slash > 0 && path[slash - 1] != '/') --slash;
    for (size_t i = 0; i + 1 < slash; ++i) buf[i] = path[i];
    buf[slash > 1 ? slash - 1 : 1] = 0;
    if (slash <= 1) buf[0] = '/';
    return ensure_in_root(rootfd, buf, true);
}

void make_device(int rootfd, const DeviceNode& d, bool userns)
{
    int dirfd = device_parent(rootfd, d.path);
    if (dirfd < 0) fail(Stage::devices, -dirfd);
    const char* name = d.path;
    for (const char* q = d.path; *q; ++q)
        if (*q == '/') name = q + 1;
    if (!userns || S_ISFIFO(d.mode)) {
        if (d.from_spec && ::unlinkat(dirfd, name, 0) < 0 && errno != ENOENT) fail(Stage::devices, errno);
        if (::mknodat(dirfd, name, d.mode, d.dev) < 0 && errno != EEXIST) fail(Stage::devices, errno);
    } else {
        // mknod is not allowed in a user namespace: bind the host's node onto an empty file.
        int f = ::openat(dirfd, name, O_CREAT | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (f < 0) fail(Stage::devices, errno);
        ::close(f);
        int t = open_in_root(dirfd, name, 0);
        if (t < 0) fail(Stage::devices, -t);
        char p[32];
        check(::mount(d.path, fd_path(p, t), nullptr, MS_BIND, nullptr), Stage::devices);
        ::close(t);
    }
    if ((d.uid != uid_t(-1) || d.gid != gid_t(-1)) && ::fchownat(dirfd, name, d.uid, d.gid, AT_SYMLINK_NOFOLLOW) < 0)
        fail(Stage::devices, errno);
    ::close(dirfd);
}

void make_devices(int rootfd, const ChildConfig& c)
{
    for (size_t i = 0; i < c.n_devices; ++i)
        if (c.make_dev || c.devices[i].from_spec) make_device(rootfd, c.devices[i], c.userns);
    if (!c.make_dev) return;
    int devfd = open_in_root(rootfd, "/dev", O_DIRECTORY);
    if (devfd < 0) fail(Stage::devices, -devfd);
    static const char* const links[][2] = {{"/proc/self/fd", "fd"},       {"/proc/self/fd/0", "stdin"},
                                           {"/proc/self/fd/1", "stdout"}, {"/proc/self/fd/2", "stderr"},
                                           {"pts/ptmx", "ptmx"},          {"/proc/kcore", "core"}};
    for (const auto& l : links)
        if (::symlinkat(l[0], devfd, l[1]) < 0 && errno != EEXIST) fail(Stage::devices, errno);
    ::close(devfd);
}

// newroot: an fd of the new root directory (O_PATH is fine); closed here.
void pivot_into_fd(int newroot)
{
    int oldroot = ::open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    check(oldroot, Stage::pivot_root);
    check(::fchdir(newroot), Stage::pivot_root);
    check(int(::syscall(SYS_pivot_root, ".", ".")), Stage::pivot_root);
    // The old root is now mounted on top of "."; detach it without propagating to the host.
    check(::fchdir(oldroot), Stage::pivot_root);
    check(::mount(nullptr, ".", nullptr, MS_SLAVE | MS_REC, nullptr), Stage::pivot_root);
    check(::umount2(".", MNT_DETACH), Stage::pivot_root);
    check(::chdir("/"), Stage::pivot_root);
    ::close(oldroot);
    ::close(newroot);
}

void pivot_into(const char* rootfs)
{
    int newroot = ::open(rootfs, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    check(newroot, Stage::pivot_root);
    pivot_into_fd(newroot);
}

// ChildConfig::overlay_from_fds, part 1, before setresuid: the host paths, looked up while the
// file permission checks still see the host's uid 0 (the clone's credentials until setresuid).
struct OverlayFds {
    int root = -1, upper = -1, work = -1;
};

OverlayFds open_overlay_dirs(const ChildConfig& c)
{
    OverlayFds o;
    constexpr int fl = O_PATH | O_DIRECTORY | O_CLOEXEC;
    o.root = ::open(c.rootfs, fl);
    check(o.root, Stage::overlay);
    o.upper = ::open(c.upper_dir, fl);
    check(o.upper, Stage::overlay);
    o.work = ::open(c.work_dir, fl);
    check(o.work, Stage::overlay);
    for (size_t i = 0; i < c.n_layers; ++i) {
        c.layer_dir_fds[i] = ::open(c.layer_paths[i], fl);
        check(c.layer_dir_fds[i], Stage::overlay);
    }
    return o;
}

// Part 2, as root of the user namespace: the idmapped layers into our mount namespace (each
// over its own directory, where nobody else sees it), then the overlay from fd paths, attached
// on rootfs. Returns the overlay's root (an fd of the mount itself, not of what it covers).
int mount_overlay_from_fds(const ChildConfig& c, const OverlayFds& o)
{
    for (size_t i = 0; i < c.n_layers; ++i) {
        check(int(::syscall(SYS_move_mount, c.layer_trees[i], "", c.layer_dir_fds[i], "",
                            MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH)),
              Stage::overlay);
        ::close(c.layer_dir_fds[i]);
    }
    int fs = int(::syscall(SYS_fsopen, "overlay", FSOPEN_CLOEXEC));
    check(fs, Stage::overlay);
    char up[32], wk[32];
    check(int(::syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "lowerdir", c.overlay_lower, 0)), Stage::overlay);
    check(int(::syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "upperdir", fd_path(up, o.upper), 0)), Stage::overlay);
    check(int(::syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "workdir", fd_path(wk, o.work), 0)), Stage::overlay);
    if (c.overlay_userxattr)
        check(int(::syscall(SYS_fsconfig, fs, FSCONFIG_SET_FLAG, "userxattr", nullptr, 0)), Stage::overlay);
    check(int(::syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, nullptr, nullptr, 0)), Stage::overlay);
    int mnt = int(::syscall(SYS_fsmount, fs, FSMOUNT_CLOEXEC, 0));
    check(mnt, Stage::overlay);
    ::close(fs);
    check(int(::syscall(SYS_move_mount, mnt, "", o.root, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH)),
          Stage::overlay);
    ::close(o.root);
    ::close(o.upper);
    ::close(o.work);
    return mnt;
}

void mask_paths(const ChildConfig& c)
{
    if (!c.n_masked) return;
    int root = ::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    check(root, Stage::masked_paths);
    int null_fd = -1;  // the container's /dev/null, opened once and verified (CVE-2025-31133)
    for (size_t i = 0; i < c.n_masked; ++i) {
        int fd = open_in_root(root, c.masked[i], 0);
        if (fd == -ENOENT) continue;
        if (fd < 0) fail(Stage::masked_paths, -fd);
        struct stat st;
        check(::fstat(fd, &st), Stage::masked_paths);
        char p[32];
        fd_path(p, fd);
        if (S_ISDIR(st.st_mode))
            check(::mount("tmpfs", p, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=0,mode=0555"),
                  Stage::masked_paths);
        else {
            // CVE-2025-31133: never bind "/dev/null" by name -- a symlink or another file put
            // there would be mounted over the masked path instead. Open it without following
            // any symlink, check it is the char device 1:3, and bind that very inode.
            if (null_fd < 0) {
                struct open_how how {};
                how.flags = uint64_t(O_PATH | O_CLOEXEC | O_NOFOLLOW);
                how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
                null_fd = int(::syscall(SYS_openat2, root, "/dev/null", &how, sizeof how));
                check(null_fd, Stage::masked_paths);
                check_neg(security::child_check_dev_null(null_fd), Stage::masked_paths);
            }
            char src[32];
            fd_path(src, null_fd);
            check(::mount(src, p, nullptr, MS_BIND, nullptr), Stage::masked_paths);
        }
        ::close(fd);
    }
    if (null_fd >= 0) ::close(null_fd);
    ::close(root);
}

void readonly_paths(const ChildConfig& c)
{
    if (!c.n_readonly) return;
    int root = ::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    check(root, Stage::readonly_paths);
    for (size_t i = 0; i < c.n_readonly; ++i) {
        int fd = open_in_root(root, c.readonly[i], 0);
        if (fd == -ENOENT) continue;
        if (fd < 0) fail(Stage::readonly_paths, -fd);
        char p[32];
        fd_path(p, fd);
        check(::mount(p, p, nullptr, MS_BIND | MS_REC, nullptr), Stage::readonly_paths);
        ::close(fd);
        fd = open_in_root(root, c.readonly[i], 0);
        if (fd < 0) fail(Stage::readonly_paths, -fd);
        fd_path(p, fd);
        check(::mount(nullptr, p, nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY | locked_flags(p), nullptr),
              Stage::readonly_paths);
        ::close(fd);
    }
    ::close(root);
}

void write_sysctls(const ChildConfig& c)
{
    for (size_t i = 0; i < c.n_sysctl; ++i) {
        int fd = ::open(c.sysctl_paths[i], O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
        check(fd, Stage::sysctl);
        size_t len = str_len(c.sysctl_values[i]);
        if (::write(fd, c.sysctl_values[i], len) != ssize_t(len)) fail(Stage::sysctl, errno ? errno : EIO);
        ::close(fd);
    }
}

void loopback_up()
{
    int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    check(s, Stage::loopback);
    struct ifreq ifr {};
    ifr.ifr_name[0] = 'l';
    ifr.ifr_name[1] = 'o';
    check(::ioctl(s, SIOCGIFFLAGS, &ifr), Stage::loopback);
    ifr.ifr_flags |= IFF_UP;
    check(::ioctl(s, SIOCSIFFLAGS, &ifr), Stage::loopback);
    ::close(s);
}

void set_stdio(const int stdio[3], int console_fd)
{
    if (console_fd >= 0) {
        check(::ioctl(console_fd, TIOCSCTTY, 0), Stage::console);
        for (int i = 0; i < 3; ++i) check(::dup2(console_fd, i), Stage::console);
        return;
    }
    for (int i = 0; i < 3; ++i)
        if (stdio[i] >= 0 && stdio[i] != i) check(::dup2(stdio[i], i), Stage::stdio);
}

void set_rlimits(const RlimitEntry* r, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        check(int(::syscall(SYS_prlimit64, 0, r[i].resource, &r[i].value, nullptr)), Stage::rlimits);
}

// Without no_new_privs only a task holding CAP_SYS_ADMIN may load a seccomp filter. The filter
// is still the last thing before execve (onggi's own set-up is never subject to it): the child
// keeps CAP_SYS_ADMIN in its effective and permitted sets until the filter is in, then drops it
// with one capset. Only when process.capabilities is absent and the user is not root (the kernel
// then clears every capability at setuid) is the filter loaded before the identity change.
constexpr uint64_t kCapSysAdmin = uint64_t(1) << 21;  // CAP_SYS_ADMIN
bool g_seccomp_loaded = false;
bool g_admin_held = false;  // CAP_SYS_ADMIN kept only to load the filter

int capset_sets(uint64_t eff, uint64_t perm, uint64_t inh)
{
    __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    data[0].effective = uint32_t(eff);
    data[1].effective = uint32_t(eff >> 32);
    data[0].permitted = uint32_t(perm);
    data[1].permitted = uint32_t(perm >> 32);
    data[0].inheritable = uint32_t(inh);
    data[1].inheritable = uint32_t(inh >> 32);
    return ::syscall(SYS_capset, &hdr, data) != 0 ? -errno : 0;
}

// The final sets plus CAP_SYS_ADMIN, and the final ambient set (a subset of both).
int apply_caps_holding_admin(const security::SecurityPlan& sec)
{
    if (int rc = capset_sets(sec.effective | kCapSysAdmin, sec.permitted | kCapSysAdmin, sec.inheritable); rc < 0)
        return rc;
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) return -errno;
    for (int cap = 0; cap <= sec.last_cap && cap < 64; ++cap)
        if ((sec.ambient & (uint64_t(1) << cap)) && ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) != 0)
            return -errno;
    return 0;
}

// drop bounding -> groups/gid/uid keeping caps -> capability sets (security.h's order).
void set_identity(const security::SecurityPlan* sec, uid_t uid, gid_t gid, const gid_t* groups, size_t n_groups)
{
    if (sec && sec->seccomp_before_caps() && !sec->set_caps && uid != 0) {
        check_neg(security::child_load_seccomp(*sec), Stage::seccomp);
        g_seccomp_loaded = true;
    }
    if (sec) check_neg(security::child_drop_bounding(*sec), Stage::drop_bounding);
    check(int(::syscall(SYS_setgroups, n_groups, groups)), Stage::setgroups);
    check(int(::syscall(SYS_setresgid, gid, gid, gid)), Stage::setgid);
    if (sec && sec->set_caps) check(::prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), Stage::setuid);
    check(int(::syscall(SYS_setresuid, uid, uid, uid)), Stage::setuid);
    if (sec && sec->set_caps) {
        check(::prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0), Stage::setuid);
        if (sec->seccomp_before_caps() && !(sec->effective & kCapSysAdmin)) {
            check_neg(apply_caps_holding_admin(*sec), Stage::capabilities);
            g_admin_held = true;
        } else {
            check_neg(security::child_apply_caps(*sec), Stage::capabilities);
        }
    }
}

// The last steps before execve: no_new_privs, the filter, and giving up CAP_SYS_ADMIN if it
// was held only for the filter (that capset is the one syscall the filter sees from us).
void finish_security(const security::SecurityPlan* sec)
{
    if (!sec) return;
    check_neg(security::child_set_no_new_privs(*sec), Stage::no_new_privs);
    if (!g_seccomp_loaded) check_neg(security::child_load_seccomp(*sec), Stage::seccomp);
    g_seccomp_loaded = true;
    if (g_admin_held) check_neg(capset_sets(sec->effective, sec->permitted, sec->inheritable), Stage::capabilities);
    g_admin_held = false;
}

// Is `path` a file execve would run? 0, or the errno execve would give (ENOENT, EACCES...).
int executable_file(const char* path)
{
    struct stat st;
    if (::stat(path, &st) < 0) return errno;
    if (!S_ISREG(st.st_mode)) return EACCES;
    // access() checks the x bits for this uid and a noexec mount.
    if (::access(path, X_OK) < 0) return errno;
    return 0;
}

// Resolve process.args[0] as execvp does (the container's PATH for a name without '/') into
// `out`, before `start`, so that a missing program fails `create` (runtime.md#start).
// Returns 0 or the errno to report.
int resolve_program(const char* name, const char* path_env, char (&out)[PATH_MAX])
{
    size_t name_len = str_len(name);
    if (name_len == 0) return ENOENT;
    if (has_char(name, '/') || !path_env) {
        if (name_len >= sizeof out) return ENAMETOOLONG;
        for (size_t k = 0; k <= name_len; ++k) out[k] = name[k];
        return executable_file(out);
    }
    int result = ENOENT;
    const char* p = path_env;
    for (;;) {
        const char* end = p;
        while (*end && *end != ':') ++end;
        size_t dlen = size_t(end - p);
        if (dlen + 2 + name_len < sizeof out) {
            size_t i = 0;
            if (dlen == 0) out[i++] = '.';
            for (const char* q = p; q < end; ++q) out[i++] = *q;
            out[i++] = '/';
            for (size_t k = 0; k <= name_len; ++k) out[i++] = name[k];
            int e = executable_file(out);
            if (e == 0) return 0;
            if (e == EACCES) result = EACCES;
        }
        if (!*end) break;
        p = end + 1;
    }
    return result;
}

// The LSM labels the program gets at execve: "exec PROFILE" to AppArmor's own attr file (the
// older shared /proc/self/attr/exec where the kernel has no apparmor directory), the SELinux
// context to /proc/self/attr/exec. Written by the task itself, before it drops privileges.
void write_attr(const char* path, const char* fallback, const char* prefix, const char* value, Stage stage)
{
    int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 && fallback && errno == ENOENT) fd = ::open(fallback, O_WRONLY | O_CLOEXEC);
    check(fd, stage);
    char buf[4096];
    size_t n = 0;
    for (const char* q = prefix; *q && n < sizeof buf; ++q) buf[n++] = *q;
    for (const char* q = value; *q && n < sizeof buf; ++q) buf[n++] = *q;
    if (n >= sizeof buf) fail(stage, ENAMETOOLONG);
    if (::write(fd, buf, n) != ssize_t(n)) fail(stage, errno ? errno : EIO);
    ::close(fd);
}

void set_lsm_labels(const char* apparmor_profile, const char* selinux_label)
{
    if (apparmor_profile)
        write_attr("/proc/self/attr/apparmor/exec", "/proc/self/attr/exec", "exec ", apparmor_profile, Stage::apparmor);
    if (selinux_label) write_attr("/proc/self/attr/exec", nullptr, "", selinux_label, Stage::selinux_label);
}

// The runtime may block or ignore signals (run forwards them, the shim ignores SIGPIPE);
// none of that may reach the container: default dispositions, empty mask.
void reset_signals()
{
    struct sigaction sa {};
    sa.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP) ::sigaction(sig, &sa, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// --- --init: PID 1 that reaps zombies and forwards signals -----------------------------

volatile pid_t g_main_child = 0;

void forward_signal(int sig)
{
    if (g_main_child > 0) ::kill(g_main_child, sig);
}

[[noreturn]] void run_init(const ChildConfig& c, const char* program)
{
    sigset_t all, old;
    sigfillset(&all);
    ::sigprocmask(SIG_BLOCK, &all, &old);
    pid_t child = raw_fork();
    if (child < 0) fail(Stage::init_fork, errno);
    if (child == 0) {
        ::sigprocmask(SIG_SETMASK, &old, nullptr);
        ::execve(program, c.argv, c.envp);
        fail(Stage::execve, errno);
    }
    g_main_child = child;
    ::prctl(PR_SET_NAME, "onggi-init", 0, 0, 0);
    // Our copy of the report pipe must go, or the parent never sees EOF.
    ::syscall(SYS_close_range, 3u, ~0u, 0u);
    g_report_fd = -1;
    struct sigaction sa {};
    sa.sa_handler = forward_signal;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sig == SIGKILL || sig == SIGSTOP || sig == SIGCHLD) continue;
        ::sigaction(sig, &sa, nullptr);
    }
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    for (;;) {
        int status = 0;
        pid_t p = ::wait4(-1, &status, 0, nullptr);
        if (p < 0) {
            if (errno == EINTR) continue;
            ::_exit(255);  // ECHILD without having seen the main child: cannot happen
        }
        if (p != child) continue;  // a reaped orphan
        if (WIFEXITED(status)) ::_exit(WEXITSTATUS(status));
        ::_exit(128 + WTERMSIG(status));
    }
}

}  // namespace

pid_t raw_fork(unsigned long extra_flags)
{
    return pid_t(::syscall(SYS_clone, SIGCHLD | extra_flags, nullptr, nullptr, nullptr, nullptr));
}

void child_main(const ChildConfig& c)
{
    g_report_fd = c.report_fd;
    ::umask(0);
    reset_signals();
    // Errors are ignored on purpose: without it the helper still kills the cgroup of a
    // container whose shim is gone (docs/shim.md).
    if (c.parent_death_signal) ::prctl(PR_SET_PDEATHSIG, c.parent_death_signal, 0, 0, 0);

    // 1. Wait for the parent: id maps written, cgroup joined.
    if (c.sync_fd >= 0) {
        char b;
        ssize_t n;
        do n = ::read(c.sync_fd, &b, 1);
        while (n < 0 && errno == EINTR);
        if (n != 1) fail(Stage::sync, n < 0 ? errno : EPIPE);
        if (!c.pre_pivot_sync) ::close(c.sync_fd);
    }
    if (c.join_mnt_fd >= 0) {
        check(::setns(c.join_mnt_fd, CLONE_NEWNS), Stage::join_mount_ns);
        ::close(c.join_mnt_fd);
    }
    OverlayFds ofds;
    if (c.overlay_from_fds) ofds = open_overlay_dirs(c);
    if (c.userns) {
        check(int(::syscall(SYS_setresgid, 0, 0, 0)), Stage::setid_userns);
        check(int(::syscall(SYS_setresuid, 0, 0, 0)), Stage::setid_userns);
        if (c.parent_death_signal) ::prctl(PR_SET_PDEATHSIG, c.parent_death_signal, 0, 0, 0);
    }
    if (c.unshare_cgroupns) check(::unshare(CLONE_NEWCGROUP), Stage::cgroup_ns);
    check(::setsid(), Stage::setsid);
    set_stdio(c.stdio, c.console_fd);

    // 2. Root filesystem and mounts, all in our own mount namespace.
    // Cut every mount we inherited off the caller's peer groups first (rslave when asked for
    // slave, else rprivate): nothing we mount may propagate back, even where the caller's "/"
    // is shared. rootfsPropagation itself goes onto the new root after pivot_root (which
    // refuses a shared parent).
    if (!c.shared_mountns)
        check(
            ::mount(nullptr, "/", nullptr, MS_REC | ((c.root_propagation & MS_SLAVE) ? MS_SLAVE : MS_PRIVATE), nullptr),
            Stage::propagation);
    int rootfd;
    if (c.overlay_from_fds) {
        rootfd = mount_overlay_from_fds(c, ofds);
    } else {
        if (c.overlay_data) check(::mount("overlay", c.rootfs, "overlay", 0, c.overlay_data), Stage::overlay);
        else check(::mount(c.rootfs, c.rootfs, nullptr, MS_BIND | MS_REC, nullptr), Stage::rootfs);
        // In a shared mount namespace only this one mount may be seen by the namespace's other
        // processes; what goes below it stays ours (and leaves with it).
        if (c.shared_mountns)
            check(::mount(nullptr, c.rootfs, nullptr, MS_PRIVATE | MS_REC, nullptr), Stage::propagation);
        rootfd = ::open(c.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
        check(rootfd, Stage::rootfs);
    }
    for (size_t i = 0; i < c.n_mounts; ++i) do_mount(rootfd, c.mounts[i], c.userns);
    if (c.make_dev || c.n_devices) make_devices(rootfd, c);
    if (c.pre_pivot_sync) {
        ChildReport r{static_cast<int32_t>(Stage::hooks), 0};
        write_all(g_report_fd, &r, sizeof r);
        char b;
        ssize_t n;
        do n = ::read(c.sync_fd, &b, 1);
        while (n < 0 && errno == EINTR);
        if (n != 1) fail(Stage::sync, n < 0 ? errno : EPIPE);
        ::close(c.sync_fd);
    }
    if (c.shared_mountns) {
        ::close(rootfd);
        check(::chdir(c.rootfs), Stage::chroot);
        check(::chroot("."), Stage::chroot);
        check(::chdir("/"), Stage::chroot);
    } else if (c.overlay_from_fds) {
        pivot_into_fd(rootfd);
    } else {
        ::close(rootfd);
        pivot_into(c.rootfs);
    }

    // 3. Kernel settings that need the new /proc, then lock things down.
    write_sysctls(c);
    mask_paths(c);
    readonly_paths(c);
    if (c.root_readonly)
        check(::mount(nullptr, "/", nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY | locked_flags("/"), nullptr),
              Stage::root_readonly);
    // Last of the mount work (an unbindable tree refuses the binds above).
    if (c.root_propagation & (MS_SHARED | MS_UNBINDABLE))
        check(::mount(nullptr, "/", nullptr, c.root_propagation, nullptr), Stage::propagation);
    if (c.hostname) check(::sethostname(c.hostname, str_len(c.hostname)), Stage::hostname);
    if (c.domainname) check(::setdomainname(c.domainname, str_len(c.domainname)), Stage::domainname);
    if (c.loopback_up) loopback_up();
    set_rlimits(c.rlimits, c.n_rlimits);
    if (c.oom_score_adj) {
        int fd = ::open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
        check(fd, Stage::oom_score_adj);
        size_t len = str_len(c.oom_score_adj);
        if (::write(fd, c.oom_score_adj, len) != ssize_t(len)) fail(Stage::oom_score_adj, errno);
        ::close(fd);
    }

    // 4. Identity and capabilities (security.h's order), then the working directory as that user.
    set_lsm_labels(c.apparmor_profile, c.selinux_label);
    set_identity(c.security, c.uid, c.gid, c.groups, c.n_groups);
    if (c.parent_death_signal) ::prctl(PR_SET_PDEATHSIG, c.parent_death_signal, 0, 0, 0);
    check(::chdir(c.cwd), Stage::cwd);
    check_neg(security::child_verify_cwd(), Stage::cwd);  // CVE-2024-21626: cwd inside the root
    ::umask(mode_t(c.umask));
    // The program must exist and be executable now, as this user: a missing one fails `create`.
    char program[PATH_MAX];
    // No process in the config (only with create): park, and never run anything.
    if (c.argv[0]) {
        if (int e = resolve_program(c.argv[0], c.path_env, program)) fail(Stage::program, e);
    }
    // Nothing of the runtime's leaks into the container: every fd above stderr closes at execve.
    ::syscall(SYS_close_range, 3u, ~0u, CLOSE_RANGE_CLOEXEC);

    // 5. create/start split: say we are ready, then block until `start`. start_fd stays open
    // (close-on-exec): `start` returns once it closes, i.e. once the program is exec'd and
    // signals reach it rather than this parked state.
    if (c.start_fd >= 0) {
        ChildReport r{static_cast<int32_t>(Stage::ready), 0};
        write_all(g_report_fd, &r, sizeof r);
        ::close(g_report_fd);
        g_report_fd = -1;  // the creator is gone; later failures only show in the exit code
        char b;
        ssize_t n;
        do n = ::read(c.start_fd, &b, 1);
        while (n < 0 && errno == EINTR);
        if (n != 1 || !c.argv[0]) ::_exit(127);
    }

    // 6. The seccomp filter last, then the program.
    finish_security(c.security);
    if (c.init) run_init(c, program);
    ::execve(program, c.argv, c.envp);
    fail(Stage::execve, errno);
}

void exec_child_main(const ExecChildConfig& c)
{
    g_report_fd = c.report_fd;
    reset_signals();
    if (c.setsid || c.console_fd >= 0) check(::setsid(), Stage::setsid);
    set_stdio(c.stdio, c.console_fd);
    set_rlimits(c.rlimits, c.n_rlimits);
    set_lsm_labels(c.apparmor_profile, c.selinux_label);
    if (c.set_ids) set_identity(c.security, c.uid, c.gid, c.groups, c.n_groups);
    check(::chdir(c.cwd), Stage::cwd);
    check_neg(security::child_verify_cwd(), Stage::cwd);  // CVE-2024-21626: cwd inside the root
    char program[PATH_MAX];
    if (int e = resolve_program(c.program ? c.program : c.argv[0], c.program ? nullptr : c.path_env, program))
        fail(Stage::program, e);
    ::syscall(SYS_close_range, 3u, ~0u, CLOSE_RANGE_CLOEXEC);
    finish_security(c.security);
    ::execve(program, c.argv, c.envp);
    fail(Stage::execve, errno);
}

}  // namespace onggi::runtime

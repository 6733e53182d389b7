// CVE-2019-5736: a process in a container could open /proc/<runtime pid>/exe while the runtime
// (or the shim) ran inside the container's namespaces and, after the runtime exited, reopen it
// for writing and replace the host binary. The defence (runc's): the runtime re-executes itself
// from a sealed memfd copy, so /proc/PID/exe is an anonymous, unwritable file.
#include "engine/security/security.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <linux/memfd.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif

namespace onggi::security {

namespace {

constexpr int required_seals = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;

}  // namespace

bool is_sealed_memfd(int fd)
{
    int seals = ::fcntl(fd, F_GET_SEALS);
    return seals >= 0 && (seals & required_seals) == required_seals;
}

bool running_from_sealed_copy()
{
    UniqueFd self(::open("/proc/self/exe", O_RDONLY | O_CLOEXEC));
    return self && is_sealed_memfd(self.get());
}

namespace {

// A sealed memfd with the contents of the open file `src` (size from st).
Result<UniqueFd> sealed_copy(int src, const struct stat& st)
{
    UniqueFd mem(::memfd_create("onggi-cloned-binary", MFD_CLOEXEC | MFD_ALLOW_SEALING));
    if (!mem) return Error::from_errno("memfd_create");
    off_t off = 0;
    while (off < st.st_size) {
        ssize_t n = ::sendfile(mem.get(), src, &off, size_t(st.st_size - off));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::from_errno("copy the binary to a memfd");
        if (n == 0) return Error(Errc::system, "copy the binary to a memfd: short copy");
    }
    if (::fcntl(mem.get(), F_ADD_SEALS, required_seals) != 0) return Error::from_errno("seal memfd");
    return mem;
}

}  // namespace

Result<UniqueFd> sealed_copy_of_self()
{
    UniqueFd self(::open("/proc/self/exe", O_RDONLY | O_CLOEXEC));
    if (!self) return Error::from_errno("open /proc/self/exe");
    struct stat st {};
    if (::fstat(self.get(), &st) != 0) return Error::from_errno("stat /proc/self/exe");
    return sealed_copy(self.get(), st);
}

Result<std::string> SealedExecutable::exec_path(const std::string& path)
{
    UniqueFd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file) return Error::from_errno("open " + path);
    struct stat st {};
    if (::fstat(file.get(), &st) != 0) return Error::from_errno("stat " + path);
    if (!S_ISREG(st.st_mode)) return Error(Errc::invalid_argument, path + " is not a regular file");
    const int64_t mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (!fd_ || path != path_ || uint64_t(st.st_dev) != dev_ || uint64_t(st.st_ino) != ino_ || st.st_size != size_ ||
        mtime_ns != mtime_ns_) {
        auto copy = sealed_copy(file.get(), st);
        if (!copy) return std::move(copy).error().wrap("sealed copy of " + path);
        fd_ = std::move(copy.value());
        path_ = path;
        dev_ = st.st_dev;
        ino_ = st.st_ino;
        size_ = st.st_size;
        mtime_ns_ = mtime_ns;
    }
    return "/proc/self/fd/" + std::to_string(fd_.get());
}

Status ensure_cloned_binary(int /*argc*/, char** argv, char** envp)
{
    if (running_from_sealed_copy()) return {};
    auto mem = sealed_copy_of_self();
    if (!mem) return std::move(mem).error().wrap("CVE-2019-5736 protection");
    // execveat(fd, "", AT_EMPTY_PATH) runs the memfd itself; the close-on-exec memfd is fine for
    // an ELF binary (only scripts need the fd after exec).
    ::syscall(SYS_execveat, mem->get(), "", argv, envp, AT_EMPTY_PATH);
    return Error::from_errno("CVE-2019-5736 protection: re-exec from sealed memfd");
}

int child_verify_cwd()
{
    // CVE-2024-21626: a cwd reached through a leaked fd (/proc/self/fd/N) lies outside the root;
    // the kernel then reports it as "(unreachable)/..." (or fails with ENOENT).
    char buf[4096];
    long n = ::syscall(SYS_getcwd, buf, sizeof buf);
    if (n < 0) return -errno;
    if (n == 0 || buf[0] != '/') return -EPERM;
    return 0;
}

int child_mark_fds_cloexec()
{
    // CVE-2024-21626: no fd of the runtime may survive execve into the container.
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
    if (::syscall(SYS_close_range, 3u, ~0u, CLOSE_RANGE_CLOEXEC) == 0) return 0;
    // Old kernels: walk the table.
    long max = ::sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > (1 << 20)) max = 1 << 20;
    for (int fd = 3; fd < max; ++fd) {
        int fl = ::fcntl(fd, F_GETFD);
        if (fl >= 0 && !(fl & FD_CLOEXEC)) ::fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
    }
    return 0;
}

int child_check_dev_null(int fd)
{
    // CVE-2025-31133: before /dev/null is bind-mounted over a masked path, make sure it is the
    // real null device (char 1:3) and not a symlink or a file swapped in by the container.
    struct stat st {};
    if (::fstat(fd, &st) != 0) return -errno;
    if (!S_ISCHR(st.st_mode) || major(st.st_rdev) != 1 || minor(st.st_rdev) != 3) return -EPERM;
    return 0;
}

}  // namespace onggi::security

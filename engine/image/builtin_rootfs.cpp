#include "engine/image/builtin_rootfs.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace onggi::image {

std::string host_busybox_path()
{
    if (const char* p = std::getenv("ONGGI_BUSYBOX"); p && *p) return p;
    return "/bin/busybox";
}

static Status copy_file(const std::string& from, const std::string& to, mode_t mode)
{
    UniqueFd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in) return Error::from_errno("open " + from);
    struct stat st;
    if (::fstat(in.get(), &st) < 0) return Error::from_errno("stat " + from);
    std::string tmp = to + ".tmp";
    UniqueFd out(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode));
    if (!out) return Error::from_errno("create " + tmp);
    off_t off = 0;
    while (off < st.st_size) {
        ssize_t n = ::sendfile(out.get(), in.get(), &off, size_t(st.st_size - off));
        if (n <= 0) return Error::from_errno("copy " + from);
    }
    if (::fchmod(out.get(), mode) < 0) return Error::from_errno("chmod " + tmp);
    if (::rename(tmp.c_str(), to.c_str()) < 0) return Error::from_errno("rename " + tmp);
    return {};
}

// busybox --list-full prints "bin/sh", "usr/bin/awk", ... one applet per line.
static Result<std::string> list_applets(const std::string& busybox)
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) < 0) return Error::from_errno("pipe");
    pid_t pid = ::fork();
    if (pid < 0) return Error::from_errno("fork");
    if (pid == 0) {
        ::dup2(p[1], 1);
        ::execl(busybox.c_str(), "busybox", "--list-full", (char*)nullptr);
        ::_exit(127);
    }
    ::close(p[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(p[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0) out.append(buf, size_t(n));
    ::close(p[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error(Errc::unsupported, busybox + " --list-full failed: is busybox-static installed?");
    return out;
}

static Status write_if_missing(const std::string& path, const std::string& text)
{
    if (::access(path.c_str(), F_OK) == 0) return {};
    return write_file_atomic(path, text);
}

Status make_busybox_rootfs(const std::string& dir)
{
    const std::string bb = host_busybox_path();
    ONGGI_CHECK(make_dirs(dir), "create rootfs dir");
    for (const char* d : {"bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "tmp", "root", "home",
                          "var", "var/log", "run", "mnt"})
        ONGGI_CHECK(make_dirs(dir + "/" + d), "create rootfs dir");
    ::chmod((dir + "/tmp").c_str(), 01777);
    ::chmod((dir + "/root").c_str(), 0700);

    const std::string target = dir + "/bin/busybox";
    struct stat st;
    if (::stat(target.c_str(), &st) < 0) ONGGI_CHECK(copy_file(bb, target, 0755), "copy busybox into rootfs");

    auto applets = list_applets(bb);
    if (!applets) return std::move(applets).error();
    std::istringstream in(applets.value());
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line == "bin/busybox" || line.find("..") != std::string::npos || line[0] == '/') continue;
        std::string link = dir + "/" + line;
        int depth = 0;
        for (char c : line) depth += c == '/';
        std::string rel;
        for (int i = 0; i < depth; ++i) rel += "../";
        rel += "bin/busybox";
        if (::symlink(rel.c_str(), link.c_str()) < 0 && errno != EEXIST) return Error::from_errno("symlink " + link);
    }

    ONGGI_CHECK(
        write_if_missing(dir + "/etc/passwd",
                         "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"),
        "write etc/passwd");
    ONGGI_CHECK(write_if_missing(dir + "/etc/group", "root:x:0:\nnogroup:x:65534:\n"), "write etc/group");
    ONGGI_CHECK(write_if_missing(dir + "/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n"), "write etc/hosts");
    ONGGI_CHECK(write_if_missing(dir + "/etc/resolv.conf", ""), "write etc/resolv.conf");
    return {};
}

}  // namespace onggi::image

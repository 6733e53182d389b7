// For tests of the shim's attach socket: connect to DIR/attach.sock the way the helper does,
// through /proc/self/fd/<dir fd>/ (a state path may be longer than sun_path). -1 on failure.
#pragma once

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace onggi::test {

inline int connect_attach_socket(const std::string& dir)
{
    const int dfd = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return -1;
    const std::string via = "/proc/self/fd/" + std::to_string(dfd) + "/attach.sock";
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, via.c_str(), via.size() + 1);
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) {
        ::close(fd);
        fd = -1;
    }
    ::close(dfd);
    return fd;
}

}  // namespace onggi::test

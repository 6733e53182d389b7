#include "helper/attach_socket.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onggi::helper {

Result<int> connect_attach_socket(const std::string& shim_dir, const std::string& name)
{
    // The socket's path can be longer than sun_path allows: connect through a directory fd.
    const std::string& dir = shim_dir;
    UniqueFd dfd(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dfd) return Error::from_errno("attach: open " + dir);
    const std::string via = "/proc/self/fd/" + std::to_string(dfd.get()) + "/attach.sock";
    struct sockaddr_un a {};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, via.c_str(), via.size() + 1);
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return Error::from_errno("attach: socket");
    int r;
    do r = ::connect(fd.get(), reinterpret_cast<sockaddr*>(&a), sizeof a);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        if (errno == ENOENT || errno == ECONNREFUSED)  // the shim is ending, or predates attach
            return Error(Errc::bad_state, "container " + name + " cannot be attached (its shim has no attach socket)",
                         errno);
        if (errno == EAGAIN)
            return Error(Errc::busy, "container " + name + ": too many attach requests at once", errno);
        return Error::from_errno("attach to " + name);
    }
    // Handed to the client as an ordinary blocking socket; it sets what it wants.
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd.release();
}

}  // namespace onggi::helper

#include "helper/server.h"
#include "helper/connection.h"
#include "helper/dispatcher.h"
#include "helper/peer.h"

#include <QSocketNotifier>

#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace onggi::helper {

// Connections (docs/protocol.md "Limits", helper/peer_limits.h): 1024 in all; one uid other than
// root holds at most 128, and the last 64 are root's alone, so a member who opens all they may
// never locks root out.
Server::Server(Dispatcher* dispatcher, std::string group, LimitSettings limits, QObject* parent)
    : QObject(parent), dispatcher_(dispatcher), group_(std::move(group)), limits_(std::make_shared<PeerLimits>(limits))
{
}

Server::~Server()
{
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(path_.c_str());
    }
}

Status Server::listen(const std::string& path)
{
    struct sockaddr_un addr {};
    if (path.empty() || path[0] != '/' || path.size() >= sizeof addr.sun_path)
        return Error(Errc::invalid_argument, "socket path must be absolute and shorter than 108 bytes: " + path);
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);

    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return Error::from_errno("socket");
    // A stale socket from a crashed helper is replaced; anything that is not a socket is not.
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            ::close(fd);
            return Error(Errc::already_exists, path + " exists and is not a socket");
        }
        // Is another helper listening there?
        int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (probe >= 0 && ::connect(probe, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            ::close(probe);
            ::close(fd);
            return Error(Errc::busy, "another helper is listening on " + path);
        }
        if (probe >= 0) ::close(probe);
        ::unlink(path.c_str());
    }
    // Bind with a tight umask, then open up to 0660 with the group set.
    mode_t old = ::umask(0177);
    int rc = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::umask(old);
    if (rc < 0) {
        int e = errno;
        ::close(fd);
        return Error::from_errno("bind " + path, e);
    }
    // Listen at once: a client that sees the socket appear may connect right away (it was
    // refused between bind and listen while the group was looked up, often so in a slow VM).
    // Until the chmod below only root can connect (the umask above).
    if (::listen(fd, 128) < 0) {
        int e = errno;
        ::close(fd);
        return Error::from_errno("listen", e);
    }
    if (!group_.empty()) {
        if (struct group* g = ::getgrnam(group_.c_str())) {
            if (::chown(path.c_str(), 0, g->gr_gid) < 0 && ::geteuid() == 0) {
                int e = errno;
                ::close(fd);
                return Error::from_errno("chown " + path, e);
            }
        }
    }
    if (::chmod(path.c_str(), 0660) < 0) {
        int e = errno;
        ::close(fd);
        return Error::from_errno("chmod " + path, e);
    }
    fd_ = fd;
    path_ = path;
    notifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &Server::on_accept);
    return {};
}

void Server::on_accept()
{
    for (;;) {
        int c = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (c < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            return;  // EAGAIN, or EMFILE (the client will see a reset; we keep serving others)
        }
        auto peer = peer_of(c);
        Status ok = peer ? authorize_peer(peer.value(), group_) : Status(peer.error());
        if (ok) ok = limits_->admit(peer.value());
        if (!ok) {
            // One error line, best effort (the socket buffer is empty: this does not block), then close.
            std::string line = error_line(nullptr, error_object(ok.error())) + "\n";
            (void)!::send(c, line.data(), line.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            ::close(c);
            continue;
        }
        auto* conn = new Connection(c, peer.value(), dispatcher_, this);
        conn->set_limits(limits_);  // counted until it closes
    }
}

}  // namespace onggi::helper

#include "engine/shim/attach_server.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace onggi::shim {

namespace {

int64_t monotonic_ms()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

}  // namespace

Status AttachServer::listen(const std::string& dir, int master)
{
    master_ = master;
    int fl = ::fcntl(master_, F_GETFL);
    if (fl < 0 || ::fcntl(master_, F_SETFL, fl | O_NONBLOCK) < 0)
        return Error::from_errno("attach: pty master non-blocking");
    UniqueFd dfd(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dfd) return Error::from_errno("attach: open " + dir);
    path_ = dir + "/attach.sock";
    // sun_path holds 108 bytes; /proc/self/fd/N/attach.sock always fits, the state path may not.
    const std::string via = "/proc/self/fd/" + std::to_string(dfd.get()) + "/attach.sock";
    struct sockaddr_un a {};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, via.c_str(), via.size() + 1);
    ::unlink(path_.c_str());
    listen_fd_.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!listen_fd_) return Error::from_errno("attach: socket");
    // Created 0600 (root only) from the start: the umask covers the window before chmod.
    mode_t old = ::umask(0177);
    int r = ::bind(listen_fd_.get(), reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::umask(old);
    if (r < 0) return Error::from_errno("attach: bind " + path_);
    if (::chmod(path_.c_str(), 0600) < 0) return Error::from_errno("attach: chmod " + path_);
    if (::listen(listen_fd_.get(), 16) < 0) return Error::from_errno("attach: listen " + path_);
    return {};
}

Status AttachServer::listen_stdin(const std::string& dir, UniqueFd pipe_w)
{
    stdin_mode_ = true;
    stdin_w_ = std::move(pipe_w);
    return listen(dir, stdin_w_.get());
}

void AttachServer::end_stdin()
{
    input_.clear();
    stdin_w_.reset();  // the container's read end sees EOF
    master_ = -1;
}

void AttachServer::fill(std::vector<pollfd>& p) const
{
    p.push_back({listen_fd_.get(), short(listen_fd_ && clients_.size() < kMaxClients ? POLLIN : 0), 0});
    const bool take_input = input_.size() < kMaxInputQueued;
    for (const auto& c : clients_)
        p.push_back(
            {c.fd.get(), short((take_input && !c.input_closed ? POLLIN : 0) | (c.out.empty() ? 0 : POLLOUT)), 0});
    p.push_back({input_.empty() ? -1 : master_, POLLOUT, 0});
}

void AttachServer::handle(const std::vector<pollfd>& p, size_t first)
{
    if (first >= p.size()) return;
    if (p[first].revents & POLLIN) accept_all();
    // Clients accepted just now are past the entries fill() made; they are polled next round.
    const size_t n = std::min(clients_.size(), p.size() - first - 2);
    for (size_t i = 0; i < n; ++i) {
        Client& c = clients_[i];
        short re = p[first + 1 + i].revents;
        if (re & POLLOUT) flush(c);
        // POLLHUP: closed on both sides (a half close shows as POLLIN + EOF), so it is gone;
        // with input still readable, that input is taken first.
        if (re & POLLERR) c.dead = true;
        else if ((re & POLLHUP) && (c.input_closed || input_.size() >= kMaxInputQueued)) c.dead = true;
        else if (re & (POLLIN | POLLHUP)) {
            read_from(c);
            if (re & POLLHUP) c.dead = true;
        }
    }
    if (!input_.empty()) write_input();
    if (stdin_mode_ && stdin_owner_ >= 0 && !owner_done_) {
        // Looked up before reap(): its fd number cannot belong to another client yet.
        auto owner =
            std::find_if(clients_.begin(), clients_.end(), [&](const Client& c) { return c.fd.get() == stdin_owner_; });
        owner_done_ = owner == clients_.end() || owner->dead || owner->input_closed;
    }
    if (owner_done_ && master_ >= 0 && input_.empty()) end_stdin();
    reap();
}

void AttachServer::accept_all()
{
    while (clients_.size() < kMaxClients) {
        int fd = ::accept4(listen_fd_.get(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) break;  // EAGAIN, or a client that went away before we took it
        Client c;
        c.fd.reset(fd);
        if (stdin_mode_ && !first_attach_) stdin_owner_ = fd;
        clients_.push_back(std::move(c));
        first_attach_ = true;
    }
}

void AttachServer::read_from(Client& c)
{
    char buf[16384];
    for (int round = 0; round < 4 && !c.dead && !c.input_closed && input_.size() < kMaxInputQueued; ++round) {
        ssize_t r = ::recv(c.fd.get(), buf, sizeof buf, MSG_DONTWAIT);
        if (r > 0) {
            c.in.append(buf, size_t(r));
            parse_frames(c);
            if (size_t(r) < sizeof buf) break;
        } else if (r == 0) {
            c.input_closed = true;  // no more input from it; it is dropped once it closes entirely
            break;
        } else {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) c.dead = true;
            break;
        }
    }
}

void AttachServer::parse_frames(Client& c)
{
    size_t pos = 0;
    while (!c.dead && c.in.size() - pos >= 3) {
        const auto* h = reinterpret_cast<const unsigned char*>(c.in.data() + pos);
        const uint8_t type = h[0];
        const size_t len = (size_t(h[1]) << 8) | h[2];
        if (type != kFrameInput && type != kFrameResize) {
            c.dead = true;  // not our protocol: drop the client, never guess
            break;
        }
        if (type == kFrameResize && len != 4) {
            c.dead = true;
            break;
        }
        if (c.in.size() - pos - 3 < len) break;  // the rest of this frame is still on its way
        const char* payload = c.in.data() + pos + 3;
        if (type == kFrameInput) {
            input_.append(payload, len);
        } else {
            const auto* b = reinterpret_cast<const unsigned char*>(payload);
            struct winsize ws {};
            ws.ws_row = uint16_t((b[0] << 8) | b[1]);
            ws.ws_col = uint16_t((b[2] << 8) | b[3]);
            if (!stdin_mode_) (void)::ioctl(master_, TIOCSWINSZ, &ws);  // the kernel sends SIGWINCH to the foreground
        }
        pos += 3 + len;
    }
    c.in.erase(0, pos);
}

void AttachServer::write_input()
{
    if (master_ < 0) {
        input_.clear();  // stdin already closed: input after the end goes nowhere
        return;
    }
    while (!input_.empty()) {
        ssize_t w = ::write(master_, input_.data(), input_.size());
        if (w > 0) {
            input_.erase(0, size_t(w));
            continue;
        }
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;  // the terminal is full: later
        // EIO: the terminal's other side is gone; EPIPE: the container closed its stdin.
        if (stdin_mode_) end_stdin();
        else input_.clear();
        return;
    }
}

void AttachServer::flush(Client& c)
{
    while (!c.out.empty() && !c.dead) {
        ssize_t w = ::send(c.fd.get(), c.out.data(), c.out.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (w > 0) {
            c.out.erase(0, size_t(w));
            continue;
        }
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        c.dead = true;
    }
}

void AttachServer::broadcast(const char* data, size_t len)
{
    if (stdin_mode_) return;  // output is in the log only
    for (auto& c : clients_) {
        if (c.dead) continue;
        size_t off = 0;
        if (c.out.empty()) {
            // Straight to the socket when nothing is queued: the common case copies nothing.
            while (off < len) {
                ssize_t w = ::send(c.fd.get(), data + off, len - off, MSG_DONTWAIT | MSG_NOSIGNAL);
                if (w > 0) {
                    off += size_t(w);
                    continue;
                }
                if (w < 0 && errno == EINTR) continue;
                if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) c.dead = true;
                break;
            }
        }
        if (c.dead || off == len) continue;
        if (c.out.size() + (len - off) > kMaxQueued) {
            c.dead = true;  // too slow: dropped, so that it never holds up the container
            continue;
        }
        c.out.append(data + off, len - off);
    }
    // Dropped clients are removed in handle(): fill()'s entries must keep their places until then.
}

void AttachServer::nobody_came()
{
    if (stdin_mode_ && stdin_owner_ < 0) {
        owner_done_ = true;
        if (input_.empty()) end_stdin();
    }
}

bool AttachServer::take_first_attach()
{
    if (!first_attach_ || first_taken_) return false;
    first_taken_ = true;
    return true;
}

void AttachServer::reap()
{
    std::erase_if(clients_, [](const Client& c) { return c.dead; });
}

void AttachServer::finish(int ms)
{
    listen_fd_.reset();
    if (!path_.empty()) ::unlink(path_.c_str());
    const int64_t deadline = monotonic_ms() + ms;
    for (;;) {
        std::vector<pollfd> p;
        for (auto& c : clients_) {
            flush(c);
            if (!c.dead && !c.out.empty()) p.push_back({c.fd.get(), POLLOUT, 0});
        }
        reap();
        const int64_t left = deadline - monotonic_ms();
        if (p.empty() || left <= 0) break;
        (void)::poll(p.data(), nfds_t(p.size()), int(left));
    }
    clients_.clear();  // closing each socket: the clients see EOF
}

}  // namespace onggi::shim

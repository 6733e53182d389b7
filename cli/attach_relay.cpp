#include "cli/attach_relay.h"

#include "cli/raw_terminal.h"
#include "client/attach_frame.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace onggi::cli {

namespace {

constexpr qsizetype kMaxOutbound = 256 * 1024;  // stdin not yet sent: stop reading beyond this

QByteArray windowSizeFrame()
{
    int rows = 0, cols = 0;
    if (AttachRelay::terminalSize(rows, cols)) return client::AttachFrame::resize(quint16(rows), quint16(cols));
    return {};
}

// Detach keys as docker: ctrl-p then ctrl-q detaches; ctrl-p then anything else sends both.
class DetachFilter {
public:
    // Appends what should go to the container to out; true when the sequence is complete.
    bool feed(const char* p, ssize_t n, QByteArray& out)
    {
        for (ssize_t i = 0; i < n; ++i) {
            const char ch = p[i];
            if (held_) {
                held_ = false;
                if (ch == AttachRelay::kDetach2) return true;
                out.append(AttachRelay::kDetach1);
            }
            if (ch == AttachRelay::kDetach1) held_ = true;
            else out.append(ch);
        }
        return false;
    }

private:
    bool held_ = false;
};

}  // namespace

bool AttachRelay::terminalSize(int& rows, int& cols)
{
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 && ::ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0) return false;
    if (ws.ws_row == 0 || ws.ws_col == 0) return false;
    rows = ws.ws_row;
    cols = ws.ws_col;
    return true;
}

AttachRelay::Outcome AttachRelay::run(int sock, client::HelperClient& client, bool interactive)
{
    std::fflush(stdout);
    ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
    sigset_t winch;
    sigemptyset(&winch);
    sigaddset(&winch, SIGWINCH);
    sigset_t old;
    ::sigprocmask(SIG_BLOCK, &winch, &old);
    const int sfd = ::signalfd(-1, &winch, SFD_CLOEXEC | SFD_NONBLOCK);
    QByteArray outbound = windowSizeFrame();
    Outcome outcome = Outcome::Ended;
    {
        RawTerminal raw(interactive ? STDIN_FILENO : -1);
        DetachFilter detach;
        bool stdinOpen = interactive;
        char buf[16384];
        for (;;) {
            const bool readStdin = stdinOpen && outbound.size() < kMaxOutbound;
            pollfd p[4] = {{sock, short(POLLIN | (outbound.isEmpty() ? 0 : POLLOUT)), 0},
                           {readStdin ? STDIN_FILENO : -1, POLLIN, 0},
                           {sfd, POLLIN, 0},
                           {client.socketDescriptor(), short(POLLIN | (client.wantsWrite() ? POLLOUT : 0)), 0}};
            if (::poll(p, 4, -1) < 0) {
                if (errno == EINTR) continue;
                break;
            }
            if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::recv(sock, buf, sizeof buf, MSG_DONTWAIT);
                if (n > 0) {
                    writeAll(STDOUT_FILENO, buf, n);
                } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                    break;  // EOF: the container's terminal closed (it exited)
                }
            }
            if (p[0].revents & POLLOUT) {
                const ssize_t w =
                    ::send(sock, outbound.constData(), size_t(outbound.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
                if (w > 0) outbound.remove(0, w);
                else if (w < 0 && errno != EINTR && errno != EAGAIN) outbound.clear();  // EOF follows on read
            }
            if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
                if (n > 0) {
                    QByteArray data;
                    const bool detached = detach.feed(buf, n, data);
                    outbound += client::AttachFrame::input(data);
                    if (detached) {
                        outcome = Outcome::Detached;
                        break;
                    }
                } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                    // End of input that is not a terminal: tell the terminal (VEOF), as a user's ^D.
                    stdinOpen = false;
                    const char eof = 4;
                    outbound += client::AttachFrame::input(&eof, 1);
                }
            }
            if (p[2].revents & POLLIN) {
                signalfd_siginfo si;
                while (::read(sfd, &si, sizeof si) == sizeof si) {}
                outbound += windowSizeFrame();
            }
            if (p[3].revents && !client.handleEvents(p[3].revents)) {
                outcome = Outcome::ConnectionLost;
                break;
            }
        }
        if (outcome == Outcome::Detached && !outbound.isEmpty()) {
            // What was typed before the detach keys still reaches the container.
            pollfd pf{sock, POLLOUT, 0};
            while (!outbound.isEmpty() && ::poll(&pf, 1, 1000) > 0) {
                const ssize_t w =
                    ::send(sock, outbound.constData(), size_t(outbound.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
                if (w <= 0) break;
                outbound.remove(0, w);
            }
        }
    }
    ::close(sock);
    if (sfd >= 0) ::close(sfd);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    return outcome;
}

}  // namespace onggi::cli

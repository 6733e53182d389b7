#include "cli/pty_relay.h"

#include "cli/raw_terminal.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <termios.h>
#include <unistd.h>

namespace onggi::cli {

namespace {

void copyWindowSize(int master)
{
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 || ::ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0)
        ::ioctl(master, TIOCSWINSZ, &ws);
}

}  // namespace

bool PtyRelay::run(int master, client::HelperClient& client)
{
    std::fflush(stdout);
    sigset_t winch;
    sigemptyset(&winch);
    sigaddset(&winch, SIGWINCH);
    sigset_t old;
    ::sigprocmask(SIG_BLOCK, &winch, &old);
    const int sfd = ::signalfd(-1, &winch, SFD_CLOEXEC | SFD_NONBLOCK);
    copyWindowSize(master);
    bool connectionOk = true;
    {
        RawTerminal raw(STDIN_FILENO);
        bool stdinOpen = true;
        char buf[16384];
        for (;;) {
            pollfd p[4] = {{master, POLLIN, 0},
                           {stdinOpen ? STDIN_FILENO : -1, POLLIN, 0},
                           {sfd, POLLIN, 0},
                           {client.socketDescriptor(), short(POLLIN | (client.wantsWrite() ? POLLOUT : 0)), 0}};
            if (::poll(p, 4, -1) < 0) {
                if (errno == EINTR) continue;
                break;
            }
            if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::read(master, buf, sizeof buf);
                if (n > 0) {
                    writeAll(STDOUT_FILENO, buf, n);
                } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                    break;  // EIO: every slave fd is closed, the session is over
                }
            }
            if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
                if (n > 0) {
                    writeAll(master, buf, n);
                } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                    // End of input that is not a terminal: tell the pty (VEOF), as a user's ^D.
                    stdinOpen = false;
                    const char eof = 4;
                    writeAll(master, &eof, 1);
                }
            }
            if (p[2].revents & POLLIN) {
                signalfd_siginfo si;
                while (::read(sfd, &si, sizeof si) == sizeof si) {}
                copyWindowSize(master);
            }
            if (p[3].revents && !client.handleEvents(p[3].revents)) {
                connectionOk = false;
                break;
            }
        }
    }
    ::close(master);
    if (sfd >= 0) ::close(sfd);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    return connectionOk;
}

}  // namespace onggi::cli

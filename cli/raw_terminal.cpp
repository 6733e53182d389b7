#include "cli/raw_terminal.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace onggi::cli {

RawTerminal::RawTerminal(int fd) : fd_(fd)
{
    if (::isatty(fd_) && ::tcgetattr(fd_, &saved_) == 0) {
        termios raw = saved_;
        ::cfmakeraw(&raw);
        active_ = ::tcsetattr(fd_, TCSANOW, &raw) == 0;
    }
}

RawTerminal::~RawTerminal() { restore(); }

void RawTerminal::restore()
{
    if (active_) ::tcsetattr(fd_, TCSANOW, &saved_);
    active_ = false;
}

bool writeAll(int fd, const char* p, ssize_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(fd, p, size_t(n));
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                pollfd pf{fd, POLLOUT, 0};
                ::poll(&pf, 1, 1000);
                continue;
            }
            return false;
        }
        p += w;
        n -= w;
    }
    return true;
}

}  // namespace onggi::cli

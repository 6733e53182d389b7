#include "cli/raw_terminal.h"

#include <unistd.h>

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

} // namespace onggi::cli

// RawTerminal: puts a terminal fd in raw mode for the lifetime of the object (restored in the
// destructor); does nothing when the fd is not a terminal.
#pragma once

#include <sys/types.h>
#include <termios.h>

namespace onggi::cli {

class RawTerminal {
public:
    explicit RawTerminal(int fd);
    ~RawTerminal();
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;
    bool active() const { return active_; }
    void restore();

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

// Write all n bytes to fd (a terminal, pty master or socket, blocking or not): retries on
// EINTR, waits up to 1 s per EAGAIN. False on any other error. Shared by the attach and pty
// relays.
bool writeAll(int fd, const char* p, ssize_t n);

}  // namespace onggi::cli

// RawTerminal: puts a terminal fd in raw mode for the lifetime of the object (restored in the
// destructor); does nothing when the fd is not a terminal.
#pragma once

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

} // namespace onggi::cli

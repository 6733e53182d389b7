// PtyRelay: an interactive session on a pty master the helper passed by SCM_RIGHTS
// (container.exec with tty): the local terminal in raw mode, stdin -> pty, pty -> stdout,
// the window size copied at start and on every SIGWINCH (TIOCSWINSZ on the master, so the
// protocol needs no resize call). The helper connection keeps being serviced meanwhile.
#pragma once

#include "client/helper_client.h"

namespace onggi::cli {

class PtyRelay {
public:
    // Returns when the pty's other side is closed (the process and its children exited), or
    // the helper connection is lost (false). Takes ownership of masterFd.
    static bool run(int masterFd, client::HelperClient& client);
};

}  // namespace onggi::cli

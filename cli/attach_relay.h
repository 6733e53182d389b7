// AttachRelay: the local terminal on an attach connection (container.attach, or container.start
// with attach; docs/shim.md "Attach"): the connection's output to stdout; stdin, in raw mode when
// it is a terminal, to the container as AttachFrame input; the window size at start and on every
// SIGWINCH as a resize frame. Detach keys ctrl-p ctrl-q (as docker) leave the container running.
// The helper connection keeps being serviced meanwhile (a pipelined container.wait is answered).
#pragma once

#include "client/helper_client.h"

namespace onggi::cli {

class AttachRelay {
public:
    enum class Outcome {
        Ended,           // the connection reached EOF: the container's terminal is closed
        Detached,        // the user typed the detach keys
        ConnectionLost,  // the helper connection is gone
    };
    static constexpr char kDetach1 = 0x10;  // ctrl-p
    static constexpr char kDetach2 = 0x11;  // ctrl-q

    // The local terminal's size (stdout's, else stdin's); false when neither is a terminal.
    static bool terminalSize(int& rows, int& cols);
    // Takes ownership of sock. interactive: send stdin (docker -i); else only output and resizes.
    static Outcome run(int sock, client::HelperClient& client, bool interactive);
};

}  // namespace onggi::cli

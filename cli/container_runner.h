// ContainerRunner: what "run" does after create: start, then (attached) stream the output and
// wait for the exit (events die + container.logs follow), forwarding SIGINT/SIGTERM/SIGHUP to
// the container; or (with -t) start it attached to its terminal (container.start with attach)
// and relay that terminal here until it exits or the user detaches (ctrl-p ctrl-q).
#pragma once

#include "cli/cli_context.h"
#include "client/create_options.h"

namespace onggi::cli {

class ContainerRunner {
public:
    // exit code: the container's, or 125/126/127 when onggictl or the start failed.
    static int run(CliContext& ctx, client::CreateOptions opts, bool detach, bool remove, bool interactive);
    // docker's 126/127 for a command that cannot be run; else 125.
    static int startFailureCode(const client::RpcError& e);
    // A terminal session on an attach connection (owned), with `wait` the container.wait sent
    // for this container (owned; sent before attaching so that no exit is missed). Returns the
    // container's exit code, 0 when the user detached, 125 when the helper connection is lost.
    static int attachSession(CliContext& ctx, const QString& name, int attachFd, client::RpcReply* wait,
                             bool interactive);
    // container.start with attach + container.wait, pipelined; then attachSession. For a
    // container created with a terminal (run -it, start -ai).
    static int startAttached(CliContext& ctx, const QString& id, const QString& name, bool interactive,
                             bool removeOnFailure);
    // A container without a terminal (run, start -a): container.logs follow (the last `tail`
    // lines first, -1 = all) pipelined before container.start, then its output here, stdout and
    // stderr apart, until it exits; eventsSub: our events.subscribe, whose "die" has the exit
    // code. feedStdin: started with attach, our stdin is its stdin (created with open_stdin).
    static int startFollowing(CliContext& ctx, const QString& id, qint64 eventsSub, bool feedStdin,
                              bool removeOnFailure, int tail);
};

}  // namespace onggi::cli

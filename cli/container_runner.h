// ContainerRunner: what "run" does after create: start, then (attached) stream the output and
// wait for the exit (events die + container.logs follow), forwarding SIGINT/SIGTERM/SIGHUP to
// the container; or (with -t) run the command through an interactive exec session.
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
};

} // namespace onggi::cli

// Exec into a running container: join every namespace of its init that differs from ours
// (user first, mount last), its cgroup, then fork so that the pid and time namespaces apply,
// and exec with the container's capabilities, no_new_privs and seccomp.
//
// Process tree: the caller forks an intermediate process (joined to the cgroup by the caller,
// then setns into everything); the intermediate clones the final process with CLONE_PARENT so
// that the caller is its parent and can wait for it, and exits.
#pragma once

#include "engine/core/result.h"
#include "engine/runtime/stage.h"
#include "engine/spec/spec.h"

#include <sys/types.h>

#include <string>

namespace onggi::runtime {

struct ExecOptions {
    pid_t target_pid = -1;
    uint64_t target_start_time = 0;  // 0: do not check
    std::string cgroup_path;         // the container's cgroup; empty: do not join one
    int stdio[3] = {-1, -1, -1};
    int console_fd = -1;        // a pty slave that becomes the controlling terminal
    std::string seccomp_cache;  // directory of compiled seccomp programs; empty: compile each time
    std::string program;        // an absolute path to run with spec.process.args as argv (hooks); empty: args[0]
};

// spec.process describes what to run (args, env, cwd, user, capabilities, rlimits,
// noNewPrivileges); spec.linux.seccomp is applied. Returns the pid of the exec'd process,
// a child of the caller, once execve succeeded.
Result<pid_t> exec_in_container(const spec::Spec& spec, const ExecOptions& opt, Stage* failed_stage = nullptr);

// Wait for a child; the exit code as a shell reports it (128+signal when killed).
int wait_exit_code(pid_t pid);

}  // namespace onggi::runtime

// OCI hooks (config.md#posix-platform-hooks, runtime.md#lifecycle). Each hook gets the
// container's state JSON on its stdin and runs with its own args and env (nothing of the
// runtime's environment), to completion or until its timeout (then SIGKILL: a failure).
//
// Where each list runs in onggi-runtime:
//   prestart, createRuntime  in the runtime's namespaces, during create, once the container's
//                            namespaces exist and before its root is set up (launch's on_created)
//   createContainer          in the container's namespaces, during create, after the mounts and
//                            before pivot_root (launch's before_pivot); the path resolves in the
//                            runtime's mount namespace, as the spec says
//   startContainer           in the container's namespaces, during start, before the program
//   poststart                in the runtime's namespaces, after the program started, before start returns
//   poststop                 in the runtime's namespaces, after the container is deleted
// A failing prestart, createRuntime, createContainer or startContainer hook fails the
// operation and the container is stopped; a failing poststart or poststop hook is a warning.
#pragma once

#include "engine/core/result.h"
#include "engine/spec/spec.h"

#include <sys/types.h>

#include <string>
#include <vector>

namespace onggi::runtime {

struct HookTarget {
    pid_t pid = -1;           // run inside the namespaces of this process; -1: the runtime's own
    uint64_t start_time = 0;  // of that process, against pid reuse (0: unchecked)
};

// Runs hooks[i] in order; stops at the first that fails. `kind` names the list in errors
// ("prestart" -> "hooks.prestart[1] (/usr/bin/x): exited with status 3").
Status run_hooks(const std::vector<spec::Hook>& hooks, const std::string& kind, const std::string& state_json,
                 const HookTarget& where = {});

// Runs every hook of the list; a failure is a warning on stderr ("onggi-runtime: warning: ...").
void run_hooks_warn(const std::vector<spec::Hook>& hooks, const std::string& kind, const std::string& state_json,
                    const HookTarget& where = {});

}  // namespace onggi::runtime

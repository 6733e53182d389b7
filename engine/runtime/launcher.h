// Starts a container's first process from an OCI spec: prepares every piece of data the child
// needs (mount plan, id maps, capabilities, seccomp, argv/envp, cgroup), clones into the new
// namespaces, finishes the parent's half (id maps, v1 cgroup join) and waits until the child
// has exec'd (run) or is parked before exec (create). On any failure nothing is left behind:
// the child is reaped, the cgroup removed, and no mount ever touched the host's table.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/result.h"
#include "engine/runtime/stage.h"
#include "engine/spec/spec.h"

#include <sys/types.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace onggi::runtime {

struct LaunchOptions {
    std::string id;
    std::string bundle;           // the bundle directory; root.path and relative bind sources are resolved in it
    std::string cgroup_path;      // "/onggi/<id>"; empty: linux.cgroupsPath, else no cgroup at all
    bool init = false;            // --init: PID 1 reaps zombies and forwards signals
    bool wait_for_start = false;  // create: park the child before execve until start() (see start_fd)
    int stdio[3] = {-1, -1, -1};  // fds for the container's 0 1 2; -1 = inherit ours
    int console_fd = -1;          // pty slave; overrides stdio
    std::string seccomp_cache;    // directory of compiled seccomp programs; empty: compile each time
    // The container's init gets SIGKILL when the process that called launch() dies
    // (PR_SET_PDEATHSIG): the shim sets it, so a killed shim leaves no container running
    // unsupervised. Not for onggi-runtime, whose create returns while the container lives.
    bool die_with_parent = false;
    // Bind mount sources opened by the caller (the helper opens a volume as its owner, once,
    // and passes the O_PATH fd on; docs/shim.md --mount-fd): spec.mounts index -> fd. Such a
    // mount is a detached copy of that very object (open_tree), never a path looked up again.
    std::map<size_t, int> mount_fds;
    // The hooks' moments (hook_runner.h), called with the container's pid. on_created: its
    // namespaces exist (and its cgroup, id maps), nothing is set up in them yet. before_pivot:
    // its mounts are done, pivot_root (or chroot) is next. An error fails the launch.
    std::function<Status(pid_t)> on_created, before_pivot;
    // The caller runs spec.hooks (onggi-runtime does). Otherwise a spec with hooks is refused
    // (Errc::unsupported) rather than run without them.
    bool runs_hooks = false;
    // Runs in the parent right after the child is cloned (its namespaces exist) and let go,
    // while the child sets up its mounts: work on the container's namespaces that needs none of
    // that set-up (the shim's veth pairs) overlaps with it. Needs wait_for_start, so the program
    // is not exec'd before it is done. A failure kills the child and fails launch() with it.
    std::function<Status(pid_t)> after_clone;
};

// A container's rootfs mount in a mount namespace it shares (docs/oci-mount-namespace.md).
struct SharedRootfs {
    std::string rootfs;     // the mount point (real path); empty: the container has its own mount namespace
    std::string ns_path;    // linux.namespaces' mount path; empty: the runtime's mount namespace
    uint64_t ns_inode = 0;  // that namespace, recognised again at delete
};

// Detaches (MNT_DETACH, with everything below it) the rootfs mount in that namespace, if the
// namespace still is the one recorded; a namespace that is gone took its mounts with it.
Status detach_shared_rootfs(const SharedRootfs& s);

struct Launched {
    pid_t pid = -1;  // host pid of the container's init
    uint64_t start_time =
        0;  // The error for a child's {stage, errno} report; Stage::program names process.args[0] (program)
    // the way docker does ("executable file not found in $PATH").
    Error child_failure(const std::string& who, Stage stage, int err, const std::string& program);

    // /proc/PID/stat field 22, to recognise the pid later
    int start_fd = -1;        // create mode: the fd number, inside that process, that start() writes to
    std::string cgroup_path;  // empty when there is no cgroup
    std::unique_ptr<cgroup::Cgroup> cgroup;
    // Without a mount namespace of its own the rootfs mount (and all below it) is left in the
    // runtime's mount namespace or the one joined by path: detach_shared_rootfs() at delete.
    SharedRootfs shared_rootfs;
    // What the spec asked for and was not applied, said as crun says it (a warning, not an error):
    // linux.resources.memory.kernel, and kernelTCP on cgroup v2.
    std::vector<std::string> warnings;
};

// The failing step is stored in *failed_stage (Stage::none when the failure is the parent's).
Result<Launched> launch(const spec::Spec& spec, const LaunchOptions& opt, Stage* failed_stage = nullptr);

// Release a container parked by launch(wait_for_start=true): writes one byte to
// /proc/PID/fd/START_FD after checking that PID still is the process that was created, and
// returns once the program is exec'd (the parked process's end of that pipe closes at execve)
// and has first waited for something (at most 250 ms more): it has set up its signal handlers.
Status start_parked(pid_t pid, uint64_t start_time, int start_fd);

// The error for a child's {stage, errno} report; Stage::program names process.args[0] (program)
// the way docker does ("executable file not found in $PATH").
Error child_failure(const std::string& who, Stage stage, int err, const std::string& program);

// The host's LSMs: AppArmor loaded and enabled (its securityfs directory and module parameter),
// SELinux (selinuxfs mounted). A config that asks for a label of an LSM the host does not run
// is refused (Errc::unsupported, naming the field) rather than run unconfined.
bool apparmor_enabled();
bool selinux_enabled();
Status check_lsm_labels(const spec::Spec& spec);

// /proc/PID/stat field 22 (start time in clock ticks); 0 when the process is gone.
uint64_t process_start_time(pid_t pid);
// /proc/PID/stat field 3 ('R', 'S', 'D', 'Z', ...); 0 when the process is gone.
char process_state(pid_t pid);
// The process exists, is the one we started, and is not a zombie.
bool process_alive(pid_t pid, uint64_t start_time);

// Mount option names to MS_* flags, as runc and crun read them. Exposed for the unit tests.
struct ParsedMountOptions {
    unsigned long flags = 0;        // MS_RDONLY MS_NOSUID ...
    unsigned long clear = 0;        // flags an option turned off ("rw", "suid", ...)
    unsigned long propagation = 0;  // MS_PRIVATE|MS_REC ...
    bool bind = false, recursive = false;
    std::string data;  // the rest, comma separated ("mode=755,size=65536k")
};
ParsedMountOptions parse_mount_options(const std::vector<std::string>& options);

}  // namespace onggi::runtime

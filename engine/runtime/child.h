// The code that runs in a container's first process between clone() and execve(), and in the
// process that `exec` puts into a running container. Everything it reads is prepared by the
// parent as plain C data (no std::string, no containers); the child makes raw syscalls only and
// reports a failure as a fixed-size ChildReport {stage, errno} on a close-on-exec pipe, then
// _exits. EOF on that pipe means execve succeeded. Implemented in child.cpp, one reviewed file.
#pragma once

#include "engine/runtime/stage.h"
#include "engine/security/security.h"

#include <sys/resource.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>

namespace onggi::runtime {

struct ChildReport {
    int32_t stage = 0;  // Stage
    int32_t err = 0;    // errno, 0 for Stage::ready
};

// One mount, as the child performs it. target is the path inside the container ("/proc").
struct MountOp {
    enum Kind : int32_t {
        plain,      // mount(source, target, fstype, flags, data)
        bind,       // bind (recursive when `recursive`), then remount with flags when they matter
        remount,    // MS_REMOUNT of target with flags (e.g. make a tmpfs read-only after sub-mounts)
        cgroup_v1,  // one v1 hierarchy; data = "cpu" / "none,name=systemd"; needs a cgroup ns
        tree,       // move_mount of tree_fd, a detached mount the parent made (open_tree
                    // OPEN_TREE_CLONE, maybe idmapped), then flags as for bind
    };
    Kind kind = plain;
    const char* source = nullptr;
    const char* target = nullptr;
    const char* fstype = nullptr;
    unsigned long flags = 0;        // MS_* besides the propagation ones
    unsigned long propagation = 0;  // MS_PRIVATE / MS_SLAVE / MS_SHARED / MS_UNBINDABLE (| MS_REC)
    const char* data = nullptr;
    bool recursive = false;
    bool source_is_dir = true;    // bind of a file: the target is created as an empty file
    bool sysfs_fallback = false;  // sysfs refused (user ns without net ns): bind the host's /sys
    int tree_fd = -1;             // kind == tree
};

struct DeviceNode {
    const char* path;  // "/dev/null"
    mode_t mode;       // S_IFCHR | 0666
    dev_t dev;
    bool from_spec = false;  // linux.devices: made even without a tmpfs /dev, replacing what is there
    uid_t uid = uid_t(-1);   // chown when not -1
    gid_t gid = gid_t(-1);
};

struct RlimitEntry {
    int resource;
    rlimit value;
};

// The container's first process.
struct ChildConfig {
    int report_fd = -1;             // write end, CLOEXEC
    int sync_fd = -1;               // read end: wait for the parent (id maps, v1 cgroup join); -1 = none
    int start_fd = -1;              // read end: block here until `start` (create/start split); -1 = none
    int stdio[3] = {-1, -1, -1};    // dup2'ed onto 0 1 2 when >= 0
    int console_fd = -1;            // pty slave: becomes stdio and controlling terminal
    bool userns = false;            // a new user namespace: setresuid(0) after the maps, no mknod
    bool unshare_cgroupns = false;  // after the v1 cgroup join
    // No mount namespace of its own (docs/oci-mount-namespace.md): the runtime's (linux.namespaces
    // has no "mount") or one joined by path (join_mnt_fd, entered first). Nothing of the caller's
    // mounts is touched: the rootfs is bound onto itself and made rprivate, every mount goes
    // below it, and chroot replaces pivot_root (which would move the root of every process of
    // that namespace). The caller detaches the rootfs mount at delete.
    bool shared_mountns = false;
    int join_mnt_fd = -1;
    // After the mounts and before pivot_root: report Stage::hooks and wait for one more byte on
    // sync_fd (the createContainer hooks run meanwhile).
    bool pre_pivot_sync = false;
    // root filesystem
    const char* rootfs = nullptr;        // absolute host path (the overlay mount point with overlay_data)
    const char* overlay_data = nullptr;  // "lowerdir=..,upperdir=..,workdir=.." or nullptr
    // With a user namespace the overlay is put together from fds instead (overlay_data unused):
    // the child, once root of its namespace, is an unprivileged host id that may not look up
    // the state directories. Before its setresuid (still the host's uid 0 for the file
    // permission checks) it opens rootfs, upper_dir, work_dir and each layer_paths[i]
    // (O_PATH, into layer_dir_fds, a buffer of n_layers ints); then, as root of the namespace,
    // moves each layer_trees[i] (the layer idmapped to the container's ids, detached, made by
    // the parent) over its own layer directory and mounts overlay with fsopen/fsmount from
    // "/proc/self/fd/N" paths (lowerdir = overlay_lower, prepared by the parent), onto rootfs.
    bool overlay_from_fds = false;
    const char* overlay_lower = nullptr;
    const char* upper_dir = nullptr;
    const char* work_dir = nullptr;
    const char* const* layer_paths = nullptr;
    const int* layer_trees = nullptr;
    int* layer_dir_fds = nullptr;
    size_t n_layers = 0;
    bool overlay_userxattr = false;
    unsigned long root_propagation = 0;  // rootfsPropagation: slave before the mounts, shared/unbindable after them
    const MountOp* mounts = nullptr;
    size_t n_mounts = 0;
    bool make_dev = false;  // /dev is a tmpfs: create the standard nodes and links (and always linux.devices)
    const DeviceNode* devices = nullptr;
    size_t n_devices = 0;
    const char* const* masked = nullptr;
    size_t n_masked = 0;
    const char* const* readonly = nullptr;
    size_t n_readonly = 0;
    bool root_readonly = false;
    const char* const* sysctl_paths = nullptr;  // "/proc/sys/net/ipv4/ip_forward"
    const char* const* sysctl_values = nullptr;
    size_t n_sysctl = 0;
    const char* hostname = nullptr;
    const char* domainname = nullptr;
    bool loopback_up = false;
    // process
    const RlimitEntry* rlimits = nullptr;
    size_t n_rlimits = 0;
    const char* oom_score_adj = nullptr;  // text for /proc/self/oom_score_adj
    const security::SecurityPlan* security = nullptr;
    uid_t uid = 0;
    gid_t gid = 0;
    const gid_t* groups = nullptr;
    size_t n_groups = 0;
    int umask = 022;
    const char* cwd = "/";
    char* const* argv = nullptr;
    char* const* envp = nullptr;
    const char* path_env = nullptr;  // the container's PATH, for a program name without '/'
    bool init = false;               // fork: PID 1 reaps zombies and forwards signals
    // LSM labels for the program, taking effect at its execve (checked enabled by the parent).
    const char* apparmor_profile = nullptr;
    const char* selinux_label = nullptr;
    // PR_SET_PDEATHSIG: sent when the parent (the shim) dies. Set first, and again after each
    // change of identity (the kernel clears it when the effective uid or gid changes).
    int parent_death_signal = 0;
};

// Never returns: execs the container's program or _exits after reporting.
[[noreturn]] void child_main(const ChildConfig& c);

// A process entering a running container: already inside its namespaces (the parent did
// setns and forked), it sets stdio, cwd, ids, capabilities, no_new_privs, seccomp, then execs.
struct ExecChildConfig {
    int report_fd = -1;
    int stdio[3] = {-1, -1, -1};
    int console_fd = -1;
    bool setsid = false;
    const security::SecurityPlan* security = nullptr;
    bool set_ids = true;
    uid_t uid = 0;
    gid_t gid = 0;
    const gid_t* groups = nullptr;
    size_t n_groups = 0;
    const RlimitEntry* rlimits = nullptr;
    size_t n_rlimits = 0;
    const char* cwd = "/";
    char* const* argv = nullptr;
    char* const* envp = nullptr;
    const char* path_env = nullptr;
    const char* program = nullptr;  // run this absolute path with argv (a hook); nullptr: look up argv[0]
    const char* apparmor_profile = nullptr;
    const char* selinux_label = nullptr;
};

[[noreturn]] void exec_child_main(const ExecChildConfig& c);

// Raw fork (clone syscall, no atfork handlers). Returns like fork().
pid_t raw_fork(unsigned long extra_flags = 0);

}  // namespace onggi::runtime

// The steps of a container's start, as the child reports them when one fails.
// Names are stable: they go into error.json ("stage") and the helper's replies.
#pragma once

#include <cstdint>

namespace onggi::runtime {

enum class Stage : int32_t {
    none = 0,
    ready,         // not a failure: the process waits for `start`
    sync,          // waiting for the parent (id maps, cgroup join)
    setid_userns,  // becoming root of the new user namespace
    cgroup_ns,     // unshare(CLONE_NEWCGROUP)
    setsid,
    stdio,
    console,
    propagation,   // making "/" private/slave
    rootfs,        // bind mount of root.path onto itself
    overlay,       // mount of the overlay root
    mount,         // one of spec.mounts
    mount_target,  // creating or resolving a mount target inside the rootfs
    devices,       // /dev nodes and links
    pivot_root,
    masked_paths,
    readonly_paths,
    root_readonly,
    sysctl,
    hostname,
    domainname,
    loopback,
    rlimits,
    oom_score_adj,
    drop_bounding,
    setgroups,
    setgid,
    setuid,
    capabilities,
    cwd,
    start_wait,
    no_new_privs,
    seccomp,
    init_fork,
    execve,
    setns,  // exec: joining a namespace
    fork,
    program,        // process.args[0] is not an executable file (checked before `start`)
    hooks,          // not a failure: mounts done, waiting for the createContainer hooks before pivot_root
    join_mount_ns,  // setns into linux.namespaces' mount path
    chroot,         // no mount namespace of its own: chroot instead of pivot_root
    apparmor,       // process.apparmorProfile: /proc/self/attr/apparmor/exec
    selinux_label,  // process.selinuxLabel: /proc/self/attr/exec
};

const char* stage_name(Stage s);
inline const char* stage_name(int32_t s) { return stage_name(static_cast<Stage>(s)); }

}  // namespace onggi::runtime

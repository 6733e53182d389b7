#include "engine/runtime/stage.h"

namespace onggi::runtime {

const char* stage_name(Stage s)
{
    switch (s) {
    case Stage::none: return "none";
    case Stage::ready: return "ready";
    case Stage::sync: return "sync";
    case Stage::setid_userns: return "setid_userns";
    case Stage::cgroup_ns: return "cgroup_ns";
    case Stage::setsid: return "setsid";
    case Stage::stdio: return "stdio";
    case Stage::console: return "console";
    case Stage::propagation: return "propagation";
    case Stage::rootfs: return "rootfs";
    case Stage::overlay: return "overlay";
    case Stage::mount: return "mount";
    case Stage::mount_target: return "mount_target";
    case Stage::devices: return "devices";
    case Stage::pivot_root: return "pivot_root";
    case Stage::masked_paths: return "masked_paths";
    case Stage::readonly_paths: return "readonly_paths";
    case Stage::root_readonly: return "root_readonly";
    case Stage::sysctl: return "sysctl";
    case Stage::hostname: return "hostname";
    case Stage::domainname: return "domainname";
    case Stage::loopback: return "loopback";
    case Stage::rlimits: return "rlimits";
    case Stage::oom_score_adj: return "oom_score_adj";
    case Stage::drop_bounding: return "drop_bounding";
    case Stage::setgroups: return "setgroups";
    case Stage::setgid: return "setgid";
    case Stage::setuid: return "setuid";
    case Stage::capabilities: return "capabilities";
    case Stage::cwd: return "cwd";
    case Stage::start_wait: return "start_wait";
    case Stage::no_new_privs: return "no_new_privs";
    case Stage::seccomp: return "seccomp";
    case Stage::init_fork: return "init_fork";
    case Stage::execve: return "execve";
    case Stage::setns: return "setns";
    case Stage::fork: return "fork";
    case Stage::program: return "program";
    case Stage::hooks: return "hooks";
    case Stage::join_mount_ns: return "join_mount_ns";
    case Stage::chroot: return "chroot";
    case Stage::apparmor: return "apparmor";
    case Stage::selinux_label: return "selinux_label";
    }
    return "unknown";
}

}  // namespace onggi::runtime

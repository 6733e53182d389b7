// Security settings of a container, prepared in the parent before clone and applied in the
// child with raw syscalls only (no allocation, no locks, no libcap/libseccomp calls there).
//
// Order in the child (engine/runtime/child.cpp):
//   mounts + masked/readonly paths + pivot_root
//   -> child_drop_bounding  -> setgroups/setresgid/setresuid (PR_SET_KEEPCAPS)
//   -> child_apply_caps     -> chdir/close fds
//   -> child_set_no_new_privs -> child_load_seccomp -> execve
#pragma once

#include "engine/core/result.h"
#include "engine/spec/spec.h"

#include <linux/filter.h>

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::security {

struct SecurityPlan {
    bool set_caps = false;  // false: process.capabilities absent, leave the sets alone
    uint64_t bounding = 0, effective = 0, inheritable = 0, permitted = 0, ambient = 0;
    bool no_new_privs = false;
    std::vector<sock_filter> seccomp;  // compiled BPF program; empty = no filter
    unsigned seccomp_flags = 0;        // SECCOMP_FILTER_FLAG_*
};

// Translate names to bit masks and compile the seccomp profile (libseccomp export_bpf).
// Unknown capability or syscall names are errors naming the field, as runc does.
Result<SecurityPlan> prepare(const spec::Spec& spec);

// Child side: 0 on success or -errno.
int child_drop_bounding(const SecurityPlan& plan);
int child_apply_caps(const SecurityPlan& plan);
int child_set_no_new_privs(const SecurityPlan& plan);
int child_load_seccomp(const SecurityPlan& plan);

// Defaults, at least as strict as Docker's.
spec::Capabilities default_capabilities();  // Docker's 14
spec::Seccomp default_seccomp();            // allow-list, EPERM default
std::vector<std::string> default_masked_paths();
std::vector<std::string> default_readonly_paths();
// An OCI (linux.seccomp) or Docker (seccomp/default.json) profile file.
Result<spec::Seccomp> load_seccomp_profile(const std::string& path);

} // namespace onggi::security

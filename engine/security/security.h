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
#include "engine/core/unique_fd.h"
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
    int last_cap = 40;                 // /proc/sys/kernel/cap_last_cap, read in prepare()
    // Without no_new_privs the kernel only accepts a filter from a task holding CAP_SYS_ADMIN,
    // so the filter must be loaded before the capabilities are dropped (as runc does); it then
    // has to allow the few syscalls the child still makes (setresuid, capset, prctl, execve).
    bool seccomp_before_caps() const { return !no_new_privs && !seccomp.empty(); }
};

// Translate names to bit masks and compile the seccomp profile (libseccomp export_bpf).
// Unknown capability or syscall names are errors naming the field, as runc does.
// seccomp_cache: a root-only directory of compiled programs (compile_seccomp_cached); empty:
// compile every time.
Result<SecurityPlan> prepare(const spec::Spec& spec, const std::string& seccomp_cache = {});

// Child side: 0 on success or -errno.
int child_drop_bounding(const SecurityPlan& plan);
int child_apply_caps(const SecurityPlan& plan);
int child_set_no_new_privs(const SecurityPlan& plan);
int child_load_seccomp(const SecurityPlan& plan);

// Capability names ("CAP_CHOWN", "chown", "cap_chown" all accepted) and masks.
int kernel_last_cap();                                   // /proc/sys/kernel/cap_last_cap
Result<int> capability_number(const std::string& name);  // invalid_argument when unknown
Result<std::string> capability_name(int cap);            // "CAP_CHOWN"
Result<std::string> normalize_capability(const std::string& name);
// Error context names the field: "process.capabilities.bounding[3]: unknown capability \"CAP_FOO\"".
// Capabilities above kernel_last_cap() are skipped (runc/crun behaviour).
Result<uint64_t> capability_mask(const std::vector<std::string>& names, const std::string& field);
std::vector<std::string> mask_to_names(uint64_t mask);
std::vector<std::string> all_capability_names();  // every capability of this kernel
// The calling process's bounding set: what a container started from here can get at most.
// "ALL" / privileged means this set (as Docker does), not every capability of the kernel.
uint64_t own_bounding_set();
std::vector<std::string> default_capability_names();  // Docker's 14

// Compile a profile to BPF (libseccomp export). Syscalls unknown on this arch are skipped.
Result<std::vector<sock_filter>> compile_seccomp(const spec::Seccomp& profile, unsigned* flags_out = nullptr);
// The same, through a cache of compiled programs in cache_dir (created 0700; used only when it
// is ours and writable by nobody else), keyed by seccomp_cache_key(): the SHA-256 of the
// profile, the libseccomp version and the machine. libseccomp needs ~10 ms for the default
// profile; a cached program is one small read. *hit says whether the cache answered.
Result<std::vector<sock_filter>> compile_seccomp_cached(const spec::Seccomp& profile, const std::string& cache_dir,
                                                        unsigned* flags_out = nullptr, bool* hit = nullptr);
std::string seccomp_cache_key(const spec::Seccomp& profile);

// Defaults, at least as strict as Docker's.
spec::Capabilities default_capabilities();  // Docker's 14
spec::Seccomp default_seccomp();            // allow-list, EPERM default
// The default profile plus the syscalls Docker unlocks for capabilities in `caps` (a mask):
// CAP_SYS_ADMIN -> mount, unshare, setns, clone with namespace flags...; CAP_SYS_MODULE -> init_module...
spec::Seccomp default_seccomp_for(uint64_t caps);
std::vector<std::string> default_masked_paths();
std::vector<std::string> default_readonly_paths();
// linux.resources.devices: deny all, then Docker's allow-list (null zero full random urandom tty
// console ptmx pts tun, mknod of any node).
std::vector<spec::DeviceRule> default_device_rules();
// Default linux.resources.pids.limit: a fork bomb stops here instead of taking the host down.
int64_t default_pids_limit();
// An OCI (linux.seccomp) or Docker (seccomp/default.json) profile file.
// Docker's includes/excludes are evaluated for the capabilities `caps` (a mask) of the container,
// the native architecture and the running kernel. Errors name the field ("syscalls[2].action: ...").
Result<spec::Seccomp> load_seccomp_profile(const std::string& path);
Result<spec::Seccomp> load_seccomp_profile(const std::string& path, uint64_t caps);
Result<spec::Seccomp> parse_seccomp_profile(const std::string& json_text, uint64_t caps = 0);

// ---------------------------------------------------------------------------------------------
// Runtime CVEs.

// CVE-2019-5736: call first in main() of onggi-runtime and onggi-shim. Re-executes the program
// from a sealed memfd copy (F_SEAL_SEAL|SHRINK|GROW|WRITE) unless already running from one, so
// /proc/PID/exe seen from a container cannot be opened for writing. Returns only on error (or
// when already sealed, with ok).
Status ensure_cloned_binary(int argc, char** argv, char** envp);

// A sealed memfd copy of another executable, kept by a long-lived parent (the helper keeps one
// of onggi-shim) that execs its children from it: each child then starts already sealed and
// skips ensure_cloned_binary's copy and second execve (~2 MB and one exec per container start).
// The copy is made again when the file on disk changes (device, inode, size or mtime).
class SealedExecutable {
public:
    // What to exec: "/proc/self/fd/N" (the fd is close-on-exec; the kernel resolves the path
    // before closing it, which is fine for an ELF binary).
    Result<std::string> exec_path(const std::string& path);

private:
    UniqueFd fd_;
    std::string path_;
    uint64_t dev_ = 0, ino_ = 0;
    int64_t size_ = -1, mtime_ns_ = 0;
};
bool running_from_sealed_copy();
bool is_sealed_memfd(int fd);
Result<UniqueFd> sealed_copy_of_self();
// CVE-2024-21626, child side, raw syscalls, 0 or -errno:
int child_verify_cwd();        // after chdir: -EPERM when the cwd lies outside the root
int child_mark_fds_cloexec();  // close_range(3, ~0, CLOEXEC) (fallback: fcntl walk)
// CVE-2025-31133, child side: fd (O_PATH is fine) must be the char device 1:3, else -EPERM.
int child_check_dev_null(int fd);

// ---------------------------------------------------------------------------------------------
// User options -> spec (the helper calls this after building the rest of the spec).

struct IdRange {
    uint32_t start = 0, count = 0;
};
// The first "name:start:count" entry for `name` (not_found when there is none).
Result<IdRange> find_subid_range(const std::string& file, const std::string& name);
// The range of `name`, allocated when it has none: a fresh non-overlapping range (lowest free
// gap >= 100000, useradd's rule) appended under shadow's lock ("<file>.lock" made with link(2),
// stale when its pid is gone; lckpwdf() too for files in /etc), the file rewritten whole and
// renamed over. A range the user already has is reused (the first of at least `count` ids,
// else the biggest). Root's user-namespaced containers use the entry "onggi" (like Docker's
// "dockremap"); each member of the group gets one under their login name.
Result<IdRange> ensure_subid_range(const std::string& file, const std::string& name, uint32_t count = 65536);

struct Options {
    std::vector<std::string> cap_add, cap_drop;  // names with or without CAP_, any case; "ALL"
    // "default" | "unconfined" | an absolute path to an OCI or Docker JSON profile | the profile
    // JSON itself (starts with '{'; lets a client send a file the root helper should not open).
    std::string seccomp = "default";
    bool read_only = false;
    bool privileged = false;  // all caps, no seccomp, no masked paths, all devices: the caller warns
    bool userns = false;
    // userns settings (tests point these at temp files)
    std::string subuid_file = "/etc/subuid", subgid_file = "/etc/subgid";
    std::string subid_owner = "onggi";
    bool create_subid_entry = true;
    uint32_t userns_size = 65536;
};

// Sets process.capabilities, process.noNewPrivileges, linux.seccomp, masked/readonly paths,
// ro /sys and /sys/fs/cgroup, root.readonly, linux.resources.devices, a default pids limit
// (when none is set), and the user namespace + id mappings. Errors name the option
// ("security.cap_add[1]: unknown capability \"CAP_FOO\"").
Status apply_options(spec::Spec& spec, const Options& options);

}  // namespace onggi::security

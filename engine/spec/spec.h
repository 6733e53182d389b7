// The OCI runtime-spec config.json as typed structs (runtime-spec 1.x, the fields Onggi honours).
// parse_spec() validates and names the offending field in its error ("linux.resources.memory.limit:
// expected an integer"); to_json() writes back a config that runc and crun accept.
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onggi::spec {

struct User {
    uint32_t uid = 0;
    uint32_t gid = 0;
    std::optional<uint32_t> umask;
    std::vector<uint32_t> additional_gids;
};

struct Rlimit {
    std::string type;  // "RLIMIT_NOFILE"
    uint64_t hard = 0;
    uint64_t soft = 0;
};

// Capability names as in the spec ("CAP_CHOWN"). Absent = empty set.
struct Capabilities {
    std::vector<std::string> bounding, effective, inheritable, permitted, ambient;
};

struct Process {
    bool terminal = false;
    User user;
    std::vector<std::string> args;
    std::vector<std::string> env;
    std::string cwd = "/";
    std::optional<Capabilities> capabilities;
    std::vector<Rlimit> rlimits;
    bool no_new_privileges = false;
    std::optional<int> oom_score_adj;
    std::string apparmor_profile;  // applied at execve where AppArmor is enabled, refused where not
    std::string selinux_label;     // process.selinuxLabel: the same, with SELinux
};

struct Root {
    std::string path = "rootfs";  // relative to the bundle, or absolute
    bool readonly = false;
};

struct IdMapping {
    uint32_t container_id = 0;
    uint32_t host_id = 0;
    uint32_t size = 0;
};

struct Mount {
    std::string destination;
    std::string type;
    std::string source;
    std::vector<std::string> options;
    // An id-mapped bind mount (OCI runtime-spec 1.1, options "idmap"/"ridmap"): each entry is
    // written as "containerID hostID size" into the uid_map/gid_map of the namespace the mount
    // is idmapped with, so a file stored with id containerID shows (and is written) as host id
    // hostID. Empty with the "idmap" option: the container's own linux.uidMappings/gidMappings.
    std::vector<IdMapping> uid_mappings, gid_mappings;
    bool idmapped() const;
};

struct Namespace {
    std::string type;  // pid network mount ipc uts user cgroup time
    std::string path;  // join an existing one when set
};

struct ThrottleDevice {
    int64_t major = 0;
    int64_t minor = 0;
    uint64_t rate = 0;
};

struct WeightDevice {
    int64_t major = 0;
    int64_t minor = 0;
    std::optional<uint16_t> weight;
};

struct DeviceRule {
    bool allow = false;
    std::string type = "a";  // a, c, b
    std::optional<int64_t> major, minor;
    std::string access = "rwm";
};

struct HugepageLimit {
    std::string page_size;  // "2MB", "1GB", "64KB"
    uint64_t limit = 0;     // bytes
};

struct NetPriority {
    std::string interface;
    uint32_t priority = 0;
};

struct Resources {
    // memory (bytes). limit=-1 means unlimited. swap is memory+swap as in the OCI spec.
    std::optional<int64_t> memory_limit, memory_reservation, memory_swap;
    // kmem: kernel is ignored with a warning (no effect since Linux 5.16, none on v2); kernelTCP
    // is memory.kmem.tcp.limit_in_bytes on v1, ignored with a warning on v2.
    std::optional<int64_t> memory_kernel, memory_kernel_tcp;
    std::optional<int64_t> memory_swappiness;
    std::optional<bool> disable_oom_killer;
    // cpu
    std::optional<uint64_t> cpu_shares;  // v1 shares 2..262144; v2 weight is derived
    std::optional<int64_t> cpu_quota;    // us per period, -1 = unlimited
    std::optional<uint64_t> cpu_period;  // us
    std::string cpu_cpus, cpu_mems;      // cpuset lists "0-1"
    std::optional<int64_t> cpu_idle;
    // pids
    std::optional<int64_t> pids_limit;  // <= 0 = unlimited
    // block io
    std::optional<uint16_t> blkio_weight;
    std::vector<WeightDevice> blkio_weight_device;
    std::vector<ThrottleDevice> throttle_read_bps, throttle_write_bps, throttle_read_iops, throttle_write_iops;
    // devices cgroup (v1) / eBPF (v2)
    std::vector<DeviceRule> devices;
    // v2 only, raw key -> value ("memory.high" -> "67108864")
    std::map<std::string, std::string> unified;
    // hugetlb controller (v1 hugetlb.<size>.limit_in_bytes, v2 hugetlb.<size>.max)
    std::vector<HugepageLimit> hugepage_limits;
    // v1 only: net_cls.classid and net_prio.ifpriomap
    std::optional<uint32_t> net_class_id;
    std::vector<NetPriority> net_priorities;

    bool empty() const;
};

struct SeccompArg {
    uint32_t index = 0;
    uint64_t value = 0;
    uint64_t value_two = 0;
    std::string op;  // SCMP_CMP_EQ, SCMP_CMP_MASKED_EQ, ...
};

struct SeccompSyscall {
    std::vector<std::string> names;
    std::string action;  // SCMP_ACT_ALLOW, SCMP_ACT_ERRNO, ...
    std::optional<uint32_t> errno_ret;
    std::vector<SeccompArg> args;
};

struct Seccomp {
    std::string default_action = "SCMP_ACT_ALLOW";
    std::optional<uint32_t> default_errno_ret;
    std::vector<std::string> architectures;
    std::vector<std::string> flags;
    std::vector<SeccompSyscall> syscalls;
};

// linux.devices: a node the container's /dev must have (config-linux.md#devices).
struct Device {
    std::string path;  // "/dev/fuse"
    std::string type;  // c, b, u, p
    int64_t major = 0, minor = 0;
    std::optional<uint32_t> file_mode, uid, gid;
};

struct Linux {
    std::vector<Namespace> namespaces;
    std::vector<Device> devices;
    std::vector<IdMapping> uid_mappings, gid_mappings;
    std::optional<Resources> resources;
    std::string cgroups_path;  // "/onggi/<id>" or "slice:prefix:name" (systemd form, not supported)
    std::map<std::string, std::string> sysctl;
    std::optional<Seccomp> seccomp;
    std::vector<std::string> masked_paths, readonly_paths;
    std::string rootfs_propagation;
    std::string mount_label;  // SELinux context= of the container's new mounts; refused without SELinux
    // time namespace offsets (seconds)
    std::optional<int64_t> time_offset_monotonic, time_offset_boottime;

    bool has_namespace(const std::string& type) const;
    const Namespace* find_namespace(const std::string& type) const;
};

struct Hook {
    std::string path;                    // absolute
    std::vector<std::string> args, env;  // args[0] is argv[0]; empty args: argv = {path}
    std::optional<int> timeout;          // seconds, > 0
};

// config.md#posix-platform-hooks: where and when each list runs is in engine/runtime/hook_runner.h.
struct Hooks {
    std::vector<Hook> prestart, create_runtime, create_container, start_container, poststart, poststop;
    bool empty() const;
};

struct Spec {
    std::string oci_version = "1.0.2";
    // config.md#process: OPTIONAL in the config, REQUIRED when start is called. Without one a
    // container can be created (parked), and start fails (and stops it).
    bool has_process = true;
    Process process;
    Root root;
    std::string hostname;
    std::string domainname;
    std::vector<Mount> mounts;
    Linux linux;
    std::map<std::string, std::string> annotations;
    Hooks hooks;
};

// Parse and validate. Errors have code invalid_argument (or unsupported for a valid but
// unimplemented field) and a context naming the JSON path of the field.
Result<Spec> parse_spec(const std::string& json_text);
Result<Spec> load_spec(const std::string& bundle_dir);  // reads <bundle>/config.json
std::string to_json(const Spec& spec, int indent = 2);

// The default spec `onggi-runtime spec` writes (like `runc spec`): sh in busybox, all the
// usual namespaces, the standard mounts, Docker's capability set, masked/readonly paths.
Spec default_spec();

}  // namespace onggi::spec

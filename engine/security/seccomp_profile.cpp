// The default seccomp profile (Docker's default.json in intent: an allow-list, EPERM for the
// rest) and loading custom profiles in OCI (linux.seccomp) or Docker (default.json) format.
#include "engine/security/security.h"

#include "engine/core/files.h"

#include <linux/capability.h>
#include <nlohmann/json.hpp>
#include <sys/utsname.h>

#include <cerrno>
#include <cstdio>

namespace onggi::security {

namespace {

using json = nlohmann::json;

constexpr uint64_t ns_clone_flags = 0x7E020000;  // CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
constexpr uint64_t cap_bit(int c) { return uint64_t(1) << c; }

// Syscalls every container may make (moby profiles/seccomp/default.json, "allow" block).
// io_uring_* are left out, as Docker 25+ does: the io_uring interface has been a steady source
// of kernel escapes and bypasses seccomp's view of individual operations.
const char* const base_allow[] = {
    "accept",
    "accept4",
    "access",
    "adjtimex",
    "alarm",
    "arch_prctl",
    "bind",
    "brk",
    "cachestat",
    "capget",
    "capset",
    "chdir",
    "chmod",
    "chown",
    "chown32",
    "clock_adjtime",
    "clock_adjtime64",
    "clock_getres",
    "clock_getres_time64",
    "clock_gettime",
    "clock_gettime64",
    "clock_nanosleep",
    "clock_nanosleep_time64",
    "close",
    "close_range",
    "connect",
    "copy_file_range",
    "creat",
    "dup",
    "dup2",
    "dup3",
    "epoll_create",
    "epoll_create1",
    "epoll_ctl",
    "epoll_ctl_old",
    "epoll_pwait",
    "epoll_pwait2",
    "epoll_wait",
    "epoll_wait_old",
    "eventfd",
    "eventfd2",
    "execve",
    "execveat",
    "exit",
    "exit_group",
    "faccessat",
    "faccessat2",
    "fadvise64",
    "fadvise64_64",
    "fallocate",
    "fanotify_mark",
    "fchdir",
    "fchmod",
    "fchmodat",
    "fchmodat2",
    "fchown",
    "fchown32",
    "fchownat",
    "fcntl",
    "fcntl64",
    "fdatasync",
    "fgetxattr",
    "flistxattr",
    "flock",
    "fork",
    "fremovexattr",
    "fsetxattr",
    "fstat",
    "fstat64",
    "fstatat64",
    "fstatfs",
    "fstatfs64",
    "fsync",
    "ftruncate",
    "ftruncate64",
    "futex",
    "futex_requeue",
    "futex_time64",
    "futex_wait",
    "futex_waitv",
    "futex_wake",
    "futimesat",
    "getcpu",
    "getcwd",
    "getdents",
    "getdents64",
    "getegid",
    "getegid32",
    "geteuid",
    "geteuid32",
    "getgid",
    "getgid32",
    "getgroups",
    "getgroups32",
    "getitimer",
    "getpeername",
    "getpgid",
    "getpgrp",
    "getpid",
    "getppid",
    "getpriority",
    "getrandom",
    "getresgid",
    "getresgid32",
    "getresuid",
    "getresuid32",
    "getrlimit",
    "get_robust_list",
    "getrusage",
    "getsid",
    "getsockname",
    "getsockopt",
    "get_thread_area",
    "gettid",
    "gettimeofday",
    "getuid",
    "getuid32",
    "getxattr",
    "inotify_add_watch",
    "inotify_init",
    "inotify_init1",
    "inotify_rm_watch",
    "io_cancel",
    "ioctl",
    "io_destroy",
    "io_getevents",
    "io_pgetevents",
    "io_pgetevents_time64",
    "ioprio_get",
    "ioprio_set",
    "io_setup",
    "io_submit",
    "ipc",
    "kill",
    "landlock_add_rule",
    "landlock_create_ruleset",
    "landlock_restrict_self",
    "lchown",
    "lchown32",
    "lgetxattr",
    "link",
    "linkat",
    "listen",
    "listxattr",
    "llistxattr",
    "_llseek",
    "lremovexattr",
    "lseek",
    "lsetxattr",
    "lstat",
    "lstat64",
    "madvise",
    "map_shadow_stack",
    "membarrier",
    "memfd_create",
    "memfd_secret",
    "mincore",
    "mkdir",
    "mkdirat",
    "mknod",
    "mknodat",
    "mlock",
    "mlock2",
    "mlockall",
    "mmap",
    "mmap2",
    "mprotect",
    "mq_getsetattr",
    "mq_notify",
    "mq_open",
    "mq_timedreceive",
    "mq_timedreceive_time64",
    "mq_timedsend",
    "mq_timedsend_time64",
    "mq_unlink",
    "mremap",
    "msgctl",
    "msgget",
    "msgrcv",
    "msgsnd",
    "msync",
    "munlock",
    "munlockall",
    "munmap",
    "name_to_handle_at",
    "nanosleep",
    "newfstatat",
    "_newselect",
    "open",
    "openat",
    "openat2",
    "pause",
    "pidfd_open",
    "pidfd_send_signal",
    "pipe",
    "pipe2",
    "pkey_alloc",
    "pkey_free",
    "pkey_mprotect",
    "poll",
    "ppoll",
    "ppoll_time64",
    "prctl",
    "pread64",
    "preadv",
    "preadv2",
    "prlimit64",
    "process_mrelease",
    "pselect6",
    "pselect6_time64",
    "pwrite64",
    "pwritev",
    "pwritev2",
    "read",
    "readahead",
    "readlink",
    "readlinkat",
    "readv",
    "recv",
    "recvfrom",
    "recvmmsg",
    "recvmmsg_time64",
    "recvmsg",
    "remap_file_pages",
    "removexattr",
    "rename",
    "renameat",
    "renameat2",
    "restart_syscall",
    "rmdir",
    "rseq",
    "rt_sigaction",
    "rt_sigpending",
    "rt_sigprocmask",
    "rt_sigqueueinfo",
    "rt_sigreturn",
    "rt_sigsuspend",
    "rt_sigtimedwait",
    "rt_sigtimedwait_time64",
    "rt_tgsigqueueinfo",
    "sched_getaffinity",
    "sched_getattr",
    "sched_getparam",
    "sched_get_priority_max",
    "sched_get_priority_min",
    "sched_getscheduler",
    "sched_rr_get_interval",
    "sched_rr_get_interval_time64",
    "sched_setaffinity",
    "sched_setattr",
    "sched_setparam",
    "sched_setscheduler",
    "sched_yield",
    "seccomp",
    "select",
    "semctl",
    "semget",
    "semop",
    "semtimedop",
    "semtimedop_time64",
    "send",
    "sendfile",
    "sendfile64",
    "sendmmsg",
    "sendmsg",
    "sendto",
    "setfsgid",
    "setfsgid32",
    "setfsuid",
    "setfsuid32",
    "setgid",
    "setgid32",
    "setgroups",
    "setgroups32",
    "setitimer",
    "setpgid",
    "setpriority",
    "setregid",
    "setregid32",
    "setresgid",
    "setresgid32",
    "setresuid",
    "setresuid32",
    "setreuid",
    "setreuid32",
    "setrlimit",
    "set_robust_list",
    "setsid",
    "setsockopt",
    "set_thread_area",
    "set_tid_address",
    "setuid",
    "setuid32",
    "setxattr",
    "shmat",
    "shmctl",
    "shmdt",
    "shmget",
    "shutdown",
    "sigaltstack",
    "signalfd",
    "signalfd4",
    "sigprocmask",
    "sigreturn",
    "socketcall",
    "socketpair",
    "splice",
    "stat",
    "stat64",
    "statfs",
    "statfs64",
    "statx",
    "symlink",
    "symlinkat",
    "sync",
    "sync_file_range",
    "syncfs",
    "sysinfo",
    "tee",
    "tgkill",
    "time",
    "timer_create",
    "timer_delete",
    "timer_getoverrun",
    "timer_gettime",
    "timer_gettime64",
    "timer_settime",
    "timer_settime64",
    "timerfd_create",
    "timerfd_gettime",
    "timerfd_gettime64",
    "timerfd_settime",
    "timerfd_settime64",
    "times",
    "tkill",
    "truncate",
    "truncate64",
    "ugetrlimit",
    "umask",
    "uname",
    "unlink",
    "unlinkat",
    "utime",
    "utimensat",
    "utimensat_time64",
    "utimes",
    "vfork",
    "vmsplice",
    "wait4",
    "waitid",
    "waitpid",
    "write",
    "writev",
};

// Syscalls unlocked by a capability the container holds (Docker's "includes.caps" blocks).
struct CapRule {
    int cap;
    std::vector<std::string> names;
};
const std::vector<CapRule>& cap_rules()
{
    static const std::vector<CapRule> r = {
        {CAP_DAC_READ_SEARCH, {"open_by_handle_at"}},
        {CAP_SYS_ADMIN,
         {"bpf",           "fanotify_init", "fsconfig",   "fsmount",   "fsopen",          "fspick",   "lookup_dcookie",
          "mount",         "mount_setattr", "move_mount", "open_tree", "perf_event_open", "quotactl", "quotactl_fd",
          "setdomainname", "sethostname",   "setns",      "syslog",    "umount",          "umount2",  "unshare",
          "clone",         "clone3"}},
        {CAP_SYS_BOOT, {"reboot"}},
        {CAP_SYS_CHROOT, {"chroot"}},
        {CAP_SYS_MODULE, {"delete_module", "init_module", "finit_module"}},
        {CAP_SYS_PACCT, {"acct"}},
        {CAP_SYS_PTRACE, {"kcmp", "pidfd_getfd", "process_madvise", "process_vm_readv", "process_vm_writev", "ptrace"}},
        {CAP_SYS_RAWIO, {"iopl", "ioperm"}},
        {CAP_SYS_TIME, {"settimeofday", "stime", "clock_settime", "clock_settime64"}},
        {CAP_SYS_TTY_CONFIG, {"vhangup"}},
        {CAP_SYS_NICE, {"get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node"}},
        {CAP_SYSLOG, {"syslog"}},
        {CAP_BPF, {"bpf"}},
        {CAP_PERFMON, {"perf_event_open"}},
    };
    return r;
}

// "6.18.0-foo" -> {6, 18}
std::pair<int, int> kernel_version()
{
    struct utsname u {};
    if (::uname(&u) != 0) return {0, 0};
    int a = 0, b = 0;
    std::sscanf(u.release, "%d.%d", &a, &b);
    return {a, b};
}

bool kernel_at_least(const std::string& v)
{
    int a = 0, b = 0;
    if (std::sscanf(v.c_str(), "%d.%d", &a, &b) < 1) return false;
    auto [ka, kb] = kernel_version();
    return ka > a || (ka == a && kb >= b);
}

const char* native_arch_docker()
{
#if defined(__x86_64__)
    return "amd64";
#elif defined(__aarch64__)
    return "arm64";
#elif defined(__i386__)
    return "386";
#else
    return "unknown";
#endif
}

const char* native_scmp_arch()
{
#if defined(__x86_64__)
    return "SCMP_ARCH_X86_64";
#elif defined(__aarch64__)
    return "SCMP_ARCH_AARCH64";
#elif defined(__i386__)
    return "SCMP_ARCH_X86";
#else
    return "";
#endif
}

std::vector<std::string> native_architectures()
{
#if defined(__x86_64__)
    return {"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"};
#elif defined(__aarch64__)
    return {"SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"};
#else
    return {};
#endif
}

}  // namespace

spec::Seccomp default_seccomp() { return default_seccomp_for(0); }

spec::Seccomp default_seccomp_for(uint64_t caps)
{
    spec::Seccomp s;
    s.default_action = "SCMP_ACT_ERRNO";
    s.default_errno_ret = EPERM;
    s.architectures = native_architectures();

    spec::SeccompSyscall allow;
    allow.action = "SCMP_ACT_ALLOW";
    for (const char* n : base_allow) allow.names.emplace_back(n);
    // Since 4.8 ptrace can no longer be used to bypass seccomp, so Docker allows it there.
    if (kernel_at_least("4.8"))
        for (const char* n :
             {"ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd", "process_madvise"})
            allow.names.emplace_back(n);
    bool sys_admin = caps & cap_bit(CAP_SYS_ADMIN);
    for (const auto& r : cap_rules())
        if (caps & cap_bit(r.cap))
            for (const auto& n : r.names) allow.names.push_back(n);
    s.syscalls.push_back(allow);

    // socket: anything but AF_VSOCK (40), which would reach the host's hypervisor sockets.
    spec::SeccompSyscall sock{{"socket"}, "SCMP_ACT_ALLOW", std::nullopt, {{0, 40, 0, "SCMP_CMP_NE"}}};
    s.syscalls.push_back(sock);

    // personality: only the harmless personas (Linux, Linux32, UNAME26 and the query).
    for (uint64_t p : {0x0ull, 0x8ull, 0x20000ull, 0x20008ull, 0xffffffffull})
        s.syscalls.push_back({{"personality"}, "SCMP_ACT_ALLOW", std::nullopt, {{0, p, 0, "SCMP_CMP_EQ"}}});

    if (!sys_admin) {
        // clone: only without namespace flags (on x86 the flags are argument 0).
        s.syscalls.push_back(
            {{"clone"}, "SCMP_ACT_ALLOW", std::nullopt, {{0, ns_clone_flags, 0, "SCMP_CMP_MASKED_EQ"}}});
        // clone3 passes its flags in memory that seccomp cannot read: ENOSYS makes libc fall back to clone.
        s.syscalls.push_back({{"clone3"}, "SCMP_ACT_ERRNO", uint32_t(ENOSYS), {}});
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Loading profile files.

namespace {

class ProfileReader {
public:
    explicit ProfileReader(uint64_t caps) : caps_(caps) {}

    Result<spec::Seccomp> read(const json& root, const std::string& base)
    {
        spec::Seccomp s;
        if (!root.is_object()) return fail(base.empty() ? "(top level)" : base, "expected an object");
        auto p = [&](const std::string& k) { return base.empty() ? k : base + "." + k; };

        if (!str(root, "defaultAction", p("defaultAction"), s.default_action, true)) return err_;
        if (root.contains("defaultErrnoRet") && !root["defaultErrnoRet"].is_null()) {
            uint32_t v = 0;
            if (!u32(root["defaultErrnoRet"], p("defaultErrnoRet"), v)) return err_;
            s.default_errno_ret = v;
        }
        if (!strings(root, "architectures", p("architectures"), s.architectures)) return err_;
        if (!strings(root, "flags", p("flags"), s.flags)) return err_;
        if (root.contains("listenerPath") && !root["listenerPath"].is_null() && root["listenerPath"] != "")
            return fail(p("listenerPath"), "seccomp notify listeners are not supported", Errc::unsupported);

        // Docker: archMap picks the native architecture and its sub-architectures.
        if (root.contains("archMap") && !root["archMap"].is_null()) {
            const json& am = root["archMap"];
            if (!am.is_array()) return fail(p("archMap"), "expected an array");
            for (size_t i = 0; i < am.size(); ++i) {
                std::string ap = p("archMap") + "[" + std::to_string(i) + "]";
                if (!am[i].is_object()) return fail(ap, "expected an object");
                std::string arch;
                std::vector<std::string> subs;
                if (!str(am[i], "architecture", ap + ".architecture", arch, true)) return err_;
                if (!strings(am[i], "subArchitectures", ap + ".subArchitectures", subs)) return err_;
                if (arch == native_scmp_arch()) {
                    s.architectures.clear();
                    s.architectures.push_back(arch);
                    s.architectures.insert(s.architectures.end(), subs.begin(), subs.end());
                }
            }
        }

        if (root.contains("syscalls") && !root["syscalls"].is_null()) {
            const json& sc = root["syscalls"];
            if (!sc.is_array()) return fail(p("syscalls"), "expected an array");
            for (size_t i = 0; i < sc.size(); ++i) {
                std::string rp = p("syscalls") + "[" + std::to_string(i) + "]";
                const json& e = sc[i];
                if (!e.is_object()) return fail(rp, "expected an object");
                spec::SeccompSyscall rule;
                if (!strings(e, "names", rp + ".names", rule.names)) return err_;
                if (e.contains("name") && !e["name"].is_null()) {  // Docker's legacy single name
                    if (!e["name"].is_string()) return fail(rp + ".name", "expected a string");
                    rule.names.push_back(e["name"].get<std::string>());
                }
                if (rule.names.empty()) return fail(rp + ".names", "at least one syscall name is required");
                for (size_t n = 0; n < rule.names.size(); ++n)
                    if (rule.names[n].empty() || rule.names[n].size() > 64)
                        return fail(rp + ".names[" + std::to_string(n) + "]", "not a syscall name");
                if (!str(e, "action", rp + ".action", rule.action, true)) return err_;
                if (e.contains("errnoRet") && !e["errnoRet"].is_null()) {
                    uint32_t v = 0;
                    if (!u32(e["errnoRet"], rp + ".errnoRet", v)) return err_;
                    rule.errno_ret = v;
                }
                if (e.contains("args") && !e["args"].is_null()) {
                    const json& a = e["args"];
                    if (!a.is_array()) return fail(rp + ".args", "expected an array");
                    if (a.size() > 6) return fail(rp + ".args", "at most 6 argument conditions");
                    for (size_t k = 0; k < a.size(); ++k) {
                        std::string ap = rp + ".args[" + std::to_string(k) + "]";
                        if (!a[k].is_object()) return fail(ap, "expected an object");
                        spec::SeccompArg arg;
                        uint64_t idx = 0;
                        if (!a[k].contains("index")) return fail(ap + ".index", "required");
                        if (!u64(a[k]["index"], ap + ".index", idx)) return err_;
                        if (idx > 5) return fail(ap + ".index", "must be between 0 and 5");
                        arg.index = uint32_t(idx);
                        if (a[k].contains("value") && !u64(a[k]["value"], ap + ".value", arg.value)) return err_;
                        if (a[k].contains("valueTwo") && !u64(a[k]["valueTwo"], ap + ".valueTwo", arg.value_two))
                            return err_;
                        if (!str(a[k], "op", ap + ".op", arg.op, true)) return err_;
                        rule.args.push_back(arg);
                    }
                }
                bool keep = true;
                if (!conditions(e, rp, keep)) return err_;
                if (keep) s.syscalls.push_back(std::move(rule));
            }
        }
        // Names, actions, operators and architectures are checked by compiling the profile.
        auto prog = compile_seccomp(s);
        if (!prog) {
            Error e = std::move(prog).error();
            const std::string oci = "linux.seccomp.";  // compile_seccomp names OCI fields
            if (base.empty() && e.context.rfind(oci, 0) == 0) e.context = e.context.substr(oci.size());
            return e;
        }
        return s;
    }

private:
    // Docker's includes/excludes: {"caps": [...], "arches": [...], "minKernel": "4.8"}.
    bool conditions(const json& e, const std::string& rp, bool& keep)
    {
        for (const char* key : {"includes", "excludes"}) {
            if (!e.contains(key) || e[key].is_null()) continue;
            const json& c = e[key];
            std::string cp = rp + "." + key;
            if (!c.is_object()) return failb(cp, "expected an object");
            std::vector<std::string> caps, arches;
            std::string min_kernel;
            if (!strings(c, "caps", cp + ".caps", caps)) return false;
            if (!strings(c, "arches", cp + ".arches", arches)) return false;
            if (!str(c, "minKernel", cp + ".minKernel", min_kernel, false)) return false;
            bool include = std::string(key) == "includes";
            bool cap_match_all = true, cap_match_any = false;
            for (size_t i = 0; i < caps.size(); ++i) {
                auto n = capability_number(caps[i]);
                if (!n) return failb(cp + ".caps[" + std::to_string(i) + "]", n.error().context);
                bool have = caps_ & cap_bit(*n);
                cap_match_all = cap_match_all && have;
                cap_match_any = cap_match_any || have;
            }
            bool arch_match = false;
            for (const auto& a : arches) arch_match = arch_match || a == native_arch_docker();
            if (include) {
                if (!caps.empty() && !cap_match_all) keep = false;
                if (!arches.empty() && !arch_match) keep = false;
                if (!min_kernel.empty() && !kernel_at_least(min_kernel)) keep = false;
            } else {
                if (!caps.empty() && cap_match_any) keep = false;
                if (!arches.empty() && arch_match) keep = false;
            }
        }
        return true;
    }

    Result<spec::Seccomp> fail(const std::string& field, const std::string& what, Errc code = Errc::invalid_argument)
    {
        err_ = Error(code, field + ": " + what);
        return err_;
    }
    bool failb(const std::string& field, const std::string& what)
    {
        err_ = Error(Errc::invalid_argument, field + ": " + what);
        return false;
    }
    bool str(const json& o, const char* key, const std::string& field, std::string& out, bool required)
    {
        if (!o.contains(key) || o[key].is_null()) {
            if (required) return failb(field, "required");
            return true;
        }
        if (!o[key].is_string()) return failb(field, "expected a string");
        out = o[key].get<std::string>();
        return true;
    }
    bool strings(const json& o, const char* key, const std::string& field, std::vector<std::string>& out)
    {
        if (!o.contains(key) || o[key].is_null()) return true;
        const json& a = o[key];
        if (!a.is_array()) return failb(field, "expected an array of strings");
        for (size_t i = 0; i < a.size(); ++i) {
            if (!a[i].is_string()) return failb(field + "[" + std::to_string(i) + "]", "expected a string");
            out.push_back(a[i].get<std::string>());
        }
        return true;
    }
    bool u64(const json& v, const std::string& field, uint64_t& out)
    {
        if (v.is_number_unsigned()) out = v.get<uint64_t>();
        else if (v.is_number_integer() && v.get<int64_t>() >= 0) out = uint64_t(v.get<int64_t>());
        else return failb(field, "expected a non-negative integer");
        return true;
    }
    bool u32(const json& v, const std::string& field, uint32_t& out)
    {
        uint64_t x = 0;
        if (!u64(v, field, x)) return false;
        if (x > 0xffffffffull) return failb(field, "out of range");
        out = uint32_t(x);
        return true;
    }

    uint64_t caps_;
    Error err_;
};

}  // namespace

Result<spec::Seccomp> parse_seccomp_profile(const std::string& text, uint64_t caps)
{
    json root = json::parse(text, nullptr, false);
    if (root.is_discarded()) return Error(Errc::invalid_argument, "seccomp profile: not valid JSON");
    ProfileReader r(caps);
    // A whole OCI config.json: the profile is linux.seccomp.
    if (root.is_object() && root.contains("linux") && !root.contains("defaultAction")) {
        const json& l = root["linux"];
        if (!l.is_object() || !l.contains("seccomp") || !l["seccomp"].is_object())
            return Error(Errc::invalid_argument, "linux.seccomp: required in a config.json used as a seccomp profile");
        return r.read(l["seccomp"], "linux.seccomp");
    }
    return r.read(root, "");
}

Result<spec::Seccomp> load_seccomp_profile(const std::string& path) { return load_seccomp_profile(path, 0); }

Result<spec::Seccomp> load_seccomp_profile(const std::string& path, uint64_t caps)
{
    auto text = read_file(path, 4 << 20);
    if (!text) return std::move(text).error().wrap("read seccomp profile " + path);
    auto s = parse_seccomp_profile(*text, caps);
    if (!s) return std::move(s).error().wrap("seccomp profile " + path);
    return s;
}

}  // namespace onggi::security

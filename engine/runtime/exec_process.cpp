#include "engine/runtime/exec_process.h"
#include "engine/cgroup/cgroup.h"
#include "engine/core/unique_fd.h"
#include "engine/runtime/child.h"
#include "engine/runtime/launcher.h"
#include "engine/security/security.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <deque>
#include <vector>

namespace onggi::runtime {

int wait_exit_code(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return 255;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 255;
}

namespace {

bool same_file(const std::string& a, const std::string& b)
{
    struct stat sa, sb;
    if (::stat(a.c_str(), &sa) < 0 || ::stat(b.c_str(), &sb) < 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

ssize_t read_full(int fd, void* buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = ::read(fd, static_cast<char*>(buf) + got, len - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += size_t(n);
    }
    return ssize_t(got);
}

}  // namespace

Result<pid_t> exec_in_container(const spec::Spec& spec, const ExecOptions& opt, Stage* failed_stage)
{
    if (failed_stage) *failed_stage = Stage::none;
    if (!process_alive(opt.target_pid, opt.target_start_time))
        return Error(Errc::bad_state, "the container is not running");
    if (spec.process.args.empty()) return Error(Errc::invalid_argument, "exec: no command given");

    // Namespaces of the target that differ from ours. User first: it grants the capabilities
    // for the others; mount last: after it our paths are the container's.
    static const std::pair<const char*, int> kinds[] = {
        {"user", CLONE_NEWUSER}, {"cgroup", CLONE_NEWCGROUP}, {"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS},
        {"net", CLONE_NEWNET},   {"pid", CLONE_NEWPID},       {"time", 0x80},        {"mnt", CLONE_NEWNS}};
    std::vector<UniqueFd> ns_fds;
    std::vector<int> ns_fd_nums, ns_types;
    const std::string base = "/proc/" + std::to_string(opt.target_pid) + "/ns/";
    bool joins_user = false;
    for (const auto& [name, type] : kinds) {
        std::string theirs = base + name;
        if (::access(theirs.c_str(), F_OK) != 0) continue;  // kernel without that namespace kind
        if (same_file(theirs, std::string("/proc/self/ns/") + name)) continue;
        UniqueFd fd(::open(theirs.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) return Error::from_errno("open " + theirs);
        ns_fd_nums.push_back(fd.get());
        ns_types.push_back(type);
        ns_fds.push_back(std::move(fd));
        if (type == CLONE_NEWUSER) joins_user = true;
    }
    // Its root: the same as its mount namespace's after pivot_root, but a container without a
    // mount namespace of its own (docs/oci-mount-namespace.md) is chroot-ed there.
    const std::string root_path = "/proc/" + std::to_string(opt.target_pid) + "/root";
    UniqueFd root_fd(::open(root_path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root_fd) return Error::from_errno("open " + root_path);
    // The pid may have been reused while we opened: check again.
    if (!process_alive(opt.target_pid, opt.target_start_time)) return Error(Errc::bad_state, "the container exited");

    std::unique_ptr<cgroup::Cgroup> cg;
    if (!opt.cgroup_path.empty()) {
        auto host = cgroup::probe_host();
        if (!host) return std::move(host).error().wrap("probe cgroups");
        auto opened = cgroup::open(host.value(), opt.cgroup_path);
        if (!opened) return std::move(opened).error().wrap("open cgroup " + opt.cgroup_path);
        cg = std::move(opened.value());
    }

    // Prepared data for the final child.
    auto sec = security::prepare(spec, opt.seccomp_cache);
    if (!sec) return std::move(sec).error().wrap("security");
    security::SecurityPlan plan = std::move(sec.value());
    std::deque<std::string> strings;
    auto keep = [&](const std::string& s) {
        strings.push_back(s);
        return const_cast<char*>(strings.back().c_str());
    };
    std::vector<char*> argv, envp;
    const char* path_env = nullptr;
    for (const auto& a : spec.process.args) argv.push_back(keep(a));
    argv.push_back(nullptr);
    for (const auto& e : spec.process.env) {
        envp.push_back(keep(e));
        if (e.rfind("PATH=", 0) == 0) path_env = envp.back() + 5;
    }
    envp.push_back(nullptr);
    if (!path_env) path_env = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    std::vector<gid_t> groups(spec.process.user.additional_gids.begin(), spec.process.user.additional_gids.end());
    std::vector<RlimitEntry> rlimits;
    for (const auto& r : spec.process.rlimits) {
        static const std::pair<const char*, int> names[] = {
            {"RLIMIT_NOFILE", RLIMIT_NOFILE}, {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_CORE", RLIMIT_CORE},
            {"RLIMIT_STACK", RLIMIT_STACK},   {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_AS", RLIMIT_AS},
            {"RLIMIT_CPU", RLIMIT_CPU},       {"RLIMIT_FSIZE", RLIMIT_FSIZE}};
        for (const auto& [n, v] : names)
            if (r.type == n) rlimits.push_back({v, {rlim_t(r.soft), rlim_t(r.hard)}});
    }
    ExecChildConfig cc;
    for (int i = 0; i < 3; ++i) cc.stdio[i] = opt.stdio[i];
    cc.console_fd = opt.console_fd;
    cc.security = &plan;
    cc.uid = spec.process.user.uid;
    cc.gid = spec.process.user.gid;
    cc.groups = groups.data();
    cc.n_groups = groups.size();
    cc.rlimits = rlimits.data();
    cc.n_rlimits = rlimits.size();
    std::string cwd = spec.process.cwd.empty() ? "/" : spec.process.cwd;
    cc.cwd = cwd.c_str();
    cc.argv = argv.data();
    cc.envp = envp.data();
    cc.path_env = path_env;
    cc.program = opt.program.empty() ? nullptr : opt.program.c_str();
    ONGGI_CHECK(check_lsm_labels(spec), "security");
    cc.apparmor_profile = spec.process.apparmor_profile.empty() ? nullptr : spec.process.apparmor_profile.c_str();
    cc.selinux_label = spec.process.selinux_label.empty() ? nullptr : spec.process.selinux_label.c_str();
    (void)joins_user;

    int rep[2], syn[2], pidp[2];
    if (::pipe2(rep, O_CLOEXEC) < 0 || ::pipe2(syn, O_CLOEXEC) < 0 || ::pipe2(pidp, O_CLOEXEC) < 0)
        return Error::from_errno("pipe");
    UniqueFd rep_r(rep[0]), rep_w(rep[1]), syn_r(syn[0]), syn_w(syn[1]), pid_r(pidp[0]), pid_w(pidp[1]);
    cc.report_fd = rep_w.get();

    pid_t mid = raw_fork();
    if (mid < 0) return Error::from_errno("fork");
    if (mid == 0) {
        // Intermediate: raw syscalls only from here (see child.cpp's rules).
        char b;
        if (::read(syn_r.get(), &b, 1) != 1) ::_exit(1);
        for (size_t i = 0; i < ns_fd_nums.size(); ++i) {
            if (::setns(ns_fd_nums[i], ns_types[i]) < 0) {
                ChildReport r{int32_t(Stage::setns), errno};
                (void)!::write(rep_w.get(), &r, sizeof r);
                ::_exit(1);
            }
        }
        if (::fchdir(root_fd.get()) < 0 || ::chroot(".") < 0) {
            ChildReport r{int32_t(Stage::chroot), errno};
            (void)!::write(rep_w.get(), &r, sizeof r);
            ::_exit(1);
        }
        pid_t child = raw_fork(CLONE_PARENT);
        if (child < 0) {
            ChildReport r{int32_t(Stage::fork), errno};
            (void)!::write(rep_w.get(), &r, sizeof r);
            ::_exit(1);
        }
        if (child == 0) exec_child_main(cc);
        (void)!::write(pid_w.get(), &child, sizeof child);
        ::_exit(0);
    }
    rep_w.reset();
    syn_r.reset();
    pid_w.reset();
    auto fail = [&](Error e, Stage s) -> Result<pid_t> {
        if (failed_stage) *failed_stage = s;
        return e;
    };
    if (cg) {
        if (auto r = cg->add_process(mid); !r) {
            ::kill(mid, SIGKILL);
            wait_exit_code(mid);
            return fail(std::move(r).error().wrap("join cgroup"), Stage::none);
        }
    }
    char go = 'g';
    (void)!::write(syn_w.get(), &go, 1);
    syn_w.reset();
    wait_exit_code(mid);
    pid_t child = -1;
    bool have_child = read_full(pid_r.get(), &child, sizeof child) == ssize_t(sizeof child);
    ChildReport report{};
    ssize_t got = read_full(rep_r.get(), &report, sizeof report);
    if (got == ssize_t(sizeof report)) {
        if (have_child) wait_exit_code(child);
        Stage s = static_cast<Stage>(report.stage);
        return fail(child_failure("exec", s, report.err, opt.program.empty() ? spec.process.args[0] : opt.program), s);
    }
    if (!have_child) return fail(Error(Errc::internal, "exec: the intermediate process died"), Stage::fork);
    return child;
}

}  // namespace onggi::runtime

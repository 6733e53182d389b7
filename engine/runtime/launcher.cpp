#include "engine/runtime/launcher.h"
#include "engine/core/files.h"
#include "engine/core/shim_contract.h"
#include "engine/core/unique_fd.h"
#include "engine/runtime/child.h"
#include "engine/security/security.h"

#include <fcntl.h>
#include <linux/nsfs.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <sstream>

namespace onggi::runtime {

namespace {

struct CloneArgs {  // struct clone_args of linux/sched.h (v2, with cgroup)
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
constexpr uint64_t kCloneIntoCgroup = 0x200000000ULL;
#ifndef CLONE_NEWTIME
constexpr int CLONE_NEWTIME = 0x80;
#endif

// Everything the child reads, owned here so that the ChildConfig's pointers stay valid.
struct Prepared {
    std::deque<std::string> strings;  // deque: pointers to elements stay valid as it grows
    std::vector<MountOp> mounts;
    std::vector<DeviceNode> devices;
    std::vector<const char*> masked, readonly, sysctl_paths, sysctl_values;
    std::vector<RlimitEntry> rlimits;
    std::vector<gid_t> groups;
    std::vector<char*> argv, envp;
    security::SecurityPlan security;
    ChildConfig child;
    // Detached mounts and user namespaces made for the child (kept open until it has used them).
    std::vector<UniqueFd> fds;
    std::map<std::string, int> idmap_userns;  // "uid_map|gid_map" text -> fd in `fds`
    std::vector<const char*> layer_paths;
    std::vector<int> layer_trees, layer_dir_fds;

    int own(int fd)
    {
        fds.emplace_back(fd);
        return fd;
    }

    const char* keep(std::string s)
    {
        strings.push_back(std::move(s));
        return strings.back().c_str();
    }
};

const DeviceNode kDevices[] = {
    {"/dev/null", S_IFCHR | 0666, makedev(1, 3)},    {"/dev/zero", S_IFCHR | 0666, makedev(1, 5)},
    {"/dev/full", S_IFCHR | 0666, makedev(1, 7)},    {"/dev/random", S_IFCHR | 0666, makedev(1, 8)},
    {"/dev/urandom", S_IFCHR | 0666, makedev(1, 9)}, {"/dev/tty", S_IFCHR | 0666, makedev(5, 0)},
};

int rlimit_resource(const std::string& name)
{
    static const std::map<std::string, int> m = {{"RLIMIT_AS", RLIMIT_AS},
                                                 {"RLIMIT_CORE", RLIMIT_CORE},
                                                 {"RLIMIT_CPU", RLIMIT_CPU},
                                                 {"RLIMIT_DATA", RLIMIT_DATA},
                                                 {"RLIMIT_FSIZE", RLIMIT_FSIZE},
                                                 {"RLIMIT_LOCKS", RLIMIT_LOCKS},
                                                 {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
                                                 {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
                                                 {"RLIMIT_NICE", RLIMIT_NICE},
                                                 {"RLIMIT_NOFILE", RLIMIT_NOFILE},
                                                 {"RLIMIT_NPROC", RLIMIT_NPROC},
                                                 {"RLIMIT_RSS", RLIMIT_RSS},
                                                 {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
                                                 {"RLIMIT_RTTIME", RLIMIT_RTTIME},
                                                 {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
                                                 {"RLIMIT_STACK", RLIMIT_STACK}};
    auto it = m.find(name);
    return it == m.end() ? -1 : it->second;
}

std::string absolute_in(const std::string& base, const std::string& path)
{
    if (!path.empty() && path[0] == '/') return path;
    return base + "/" + path;
}

// v1 hierarchies as the host mounts them: mount point -> super options ("cpu", "name=systemd").
struct Hierarchy {
    std::string name;  // basename of the mount point: "cpu", "systemd", "unified"
    std::string fstype;
    std::string options;
    std::string mountpoint;
};

std::vector<Hierarchy> host_hierarchies()
{
    std::vector<Hierarchy> out;
    auto text = read_file("/proc/self/mountinfo");
    if (!text) return out;
    std::istringstream in(text.value());
    std::string line;
    while (std::getline(in, line)) {
        auto dash = line.find(" - ");
        if (dash == std::string::npos) continue;
        std::istringstream left(line.substr(0, dash)), right(line.substr(dash + 3));
        std::string id, parent, devno, root, mp;
        left >> id >> parent >> devno >> root >> mp;
        std::string fstype, source, super;
        right >> fstype >> source >> super;
        if (fstype != "cgroup" && fstype != "cgroup2") continue;
        if (mp.rfind("/sys/fs/cgroup/", 0) != 0 && mp != "/sys/fs/cgroup") continue;
        Hierarchy h;
        h.fstype = fstype;
        h.mountpoint = mp;
        h.name = mp == "/sys/fs/cgroup" ? "" : mp.substr(15);
        if (h.name.find('/') != std::string::npos) continue;
        std::string opts;
        std::istringstream so(super);
        std::string o;
        while (std::getline(so, o, ','))
            if (o != "rw" && o != "ro") opts += (opts.empty() ? "" : ",") + o;
        h.options = opts;
        out.push_back(h);
    }
    return out;
}

}  // namespace

ParsedMountOptions parse_mount_options(const std::vector<std::string>& options)
{
    struct Flag {
        const char* name;
        bool clear;
        unsigned long flag;
    };
    static const Flag flags[] = {
        {"ro", false, MS_RDONLY},
        {"rw", true, MS_RDONLY},
        {"nosuid", false, MS_NOSUID},
        {"suid", true, MS_NOSUID},
        {"nodev", false, MS_NODEV},
        {"dev", true, MS_NODEV},
        {"noexec", false, MS_NOEXEC},
        {"exec", true, MS_NOEXEC},
        {"sync", false, MS_SYNCHRONOUS},
        {"async", true, MS_SYNCHRONOUS},
        {"dirsync", false, MS_DIRSYNC},
        {"remount", false, MS_REMOUNT},
        {"mand", false, MS_MANDLOCK},
        {"nomand", true, MS_MANDLOCK},
        {"atime", true, MS_NOATIME},
        {"noatime", false, MS_NOATIME},
        {"diratime", true, MS_NODIRATIME},
        {"nodiratime", false, MS_NODIRATIME},
        {"relatime", false, MS_RELATIME},
        {"norelatime", true, MS_RELATIME},
        {"strictatime", false, MS_STRICTATIME},
        {"nostrictatime", true, MS_STRICTATIME},
    };
    static const std::map<std::string, unsigned long> propagation = {
        {"private", MS_PRIVATE},       {"rprivate", MS_PRIVATE | MS_REC},
        {"shared", MS_SHARED},         {"rshared", MS_SHARED | MS_REC},
        {"slave", MS_SLAVE},           {"rslave", MS_SLAVE | MS_REC},
        {"unbindable", MS_UNBINDABLE}, {"runbindable", MS_UNBINDABLE | MS_REC},
    };
    ParsedMountOptions p;
    for (const auto& o : options) {
        bool known = false;
        for (const auto& f : flags)
            if (o == f.name) {
                if (f.clear) {
                    p.flags &= ~f.flag;
                    p.clear |= f.flag;
                } else {
                    p.flags |= f.flag;
                }
                known = true;
            }
        if (known) continue;
        if (auto it = propagation.find(o); it != propagation.end()) {
            p.propagation = it->second;
            continue;
        }
        if (o == "bind") {
            p.bind = true;
            continue;
        }
        if (o == "rbind") {
            p.bind = p.recursive = true;
            continue;
        }
        if (o == "tmpcopyup" || o == "defaults") continue;  // crun extensions / fstab words
        p.data += (p.data.empty() ? "" : ",") + o;
    }
    return p;
}

uint64_t process_start_time(pid_t pid)
{
    auto text = read_file("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!text) return 0;
    const std::string& s = text.value();
    auto close = s.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream in(s.substr(close + 2));
    std::string field;
    char state = 0;
    in >> state;  // field 3
    for (int i = 4; i < 22; ++i) in >> field;
    uint64_t start = 0;
    in >> start;
    if (state == 'Z' || state == 'X') return 0;
    return start;
}

char process_state(pid_t pid)
{
    auto text = read_file("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!text) return 0;
    auto close = text.value().rfind(')');
    return close != std::string::npos && close + 2 < text.value().size() ? text.value()[close + 2] : 0;
}

bool process_alive(pid_t pid, uint64_t start_time)
{
    if (pid <= 0) return false;
    uint64_t now = process_start_time(pid);
    return now != 0 && (start_time == 0 || now == start_time);
}

Error child_failure(const std::string& who, Stage stage, int err, const std::string& program)
{
    if (stage != Stage::program) return Error::from_errno(who + ": " + stage_name(stage), err);
    // As docker says it: the program of process.args[0], not a stage of ours, is at fault.
    const bool searched = program.find('/') == std::string::npos;
    std::string what = who + ": process.args[0] \"" + program + "\"";
    if (err == ENOENT && searched) what += ": executable file not found in $PATH";
    if (err == EACCES) what += ": not an executable file";
    return Error::from_errno(what, err);
}

Status start_parked(pid_t pid, uint64_t start_time, int start_fd)
{
    if (!process_alive(pid, start_time)) return Error(Errc::bad_state, "the container's process is gone");
    std::string path = "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(start_fd);
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd) return Error::from_errno("open start pipe " + path);
    char b = 's';
    if (::write(fd.get(), &b, 1) != 1) return Error::from_errno("write start pipe");
    // The parked process keeps its end of this pipe until execve closes it (and so does the
    // program's process under --init). Return only then: a signal sent after `start` returns
    // reaches the program, never the parked set-up (which, as PID 1 of a pid namespace, would
    // drop it). POLLERR on a write end means no reader is left.
    struct pollfd pfd {
        fd.get(), 0, 0
    };
    for (int waited_ms = 0;;) {
        int n = ::poll(&pfd, 1, 100);
        if (n < 0 && errno != EINTR) return Error::from_errno("wait for the container's program");
        if (n > 0 && (pfd.revents & (POLLERR | POLLHUP))) break;
        if (n == 0 && (waited_ms += 100) >= 30000)
            return Error(Errc::timeout, "the container's process did not exec its program within 30 s");
        if (!process_alive(pid, start_time)) return {};  // it exited (or failed) at once: nothing to wait for
    }
    // Exec'd. A program sets up its signal handlers as it starts (a shell's trap, a daemon's
    // sigaction); until it first waits for something it is still starting. Give it that long,
    // at most 250 ms, so that a TERM sent when `start` returns meets the program's own handler.
    for (int i = 0; i < 250; ++i) {
        char state = process_state(pid);
        if (state != 'R' && state != 'D') break;  // sleeping, stopped, or gone
        ::usleep(1000);
    }
    return {};
}

bool apparmor_enabled()
{
    auto p = read_file("/sys/module/apparmor/parameters/enabled", 16);
    return p && !p.value().empty() && p.value()[0] == 'Y' && ::access("/sys/kernel/security/apparmor", F_OK) == 0;
}

bool selinux_enabled() { return ::access("/sys/fs/selinux/enforce", F_OK) == 0; }

Status check_lsm_labels(const spec::Spec& spec)
{
    if (!spec.process.apparmor_profile.empty() && !apparmor_enabled())
        return Error(Errc::unsupported, "process.apparmorProfile: AppArmor is not enabled on this host, so profile '" +
                                            spec.process.apparmor_profile +
                                            "' cannot be applied; remove it or enable AppArmor");
    if (!spec.process.selinux_label.empty() && !selinux_enabled())
        return Error(Errc::unsupported, "process.selinuxLabel: SELinux is not enabled on this host, so label '" +
                                            spec.process.selinux_label +
                                            "' cannot be applied; remove it or enable SELinux");
    // linux.mountLabel is not refused: without SELinux a mount's context confines nothing, so
    // nothing the caller relies on is lost; launch() warns that it is ignored (as crun ignores it).
    return {};
}

Status detach_shared_rootfs(const SharedRootfs& s)
{
    if (s.rootfs.empty()) return {};
    UniqueFd ns;
    struct stat st;
    if (!s.ns_path.empty()) {
        ns.reset(::open(s.ns_path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!ns) return {};  // the namespace is gone, and its mounts with it
        if (::fstat(ns.get(), &st) < 0 || uint64_t(st.st_ino) != s.ns_inode) return {};
    } else if (::stat("/proc/self/ns/mnt", &st) < 0 || uint64_t(st.st_ino) != s.ns_inode) {
        return Error(Errc::bad_state, "the container's rootfs is mounted in another mount namespace than this one; "
                                      "run delete where create ran");
    }
    // A child does it, so that our own mount namespace never changes.
    pid_t pid = raw_fork();
    if (pid < 0) return Error::from_errno("fork");
    if (pid == 0) {
        if (ns && ::setns(ns.get(), CLONE_NEWNS) < 0) ::_exit(2);
        ::_exit(::umount2(s.rootfs.c_str(), MNT_DETACH | UMOUNT_NOFOLLOW) < 0 && errno != EINVAL ? 1 : 0);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error(Errc::system, "detach the rootfs mount " + s.rootfs + " in the shared mount namespace");
    return {};
}

namespace {

std::string map_text(const std::vector<spec::IdMapping>& maps)
{
    std::string text;
    for (const auto& m : maps)
        text += std::to_string(m.container_id) + " " + std::to_string(m.host_id) + " " + std::to_string(m.size) + "\n";
    return text;
}

// A user namespace holding these maps, only to idmap mounts with (mount_setattr takes the
// namespace, not the maps): a child clones into a new one and waits while we write its maps
// and open /proc/PID/ns/user, then exits. crun does the same. One per distinct map in a launch.
Result<int> idmap_userns(Prepared& p, const std::vector<spec::IdMapping>& uids,
                         const std::vector<spec::IdMapping>& gids)
{
    const std::string ut = map_text(uids), gt = map_text(gids);
    if (ut.empty() || gt.empty()) return Error(Errc::invalid_argument, "an id-mapped mount needs uid and gid mappings");
    if (auto it = p.idmap_userns.find(ut + "|" + gt); it != p.idmap_userns.end()) return it->second;
    int hold[2];
    if (::pipe2(hold, O_CLOEXEC) < 0) return Error::from_errno("pipe");
    UniqueFd hold_r(hold[0]), hold_w(hold[1]);
    pid_t pid = raw_fork(CLONE_NEWUSER);
    if (pid < 0) return Error::from_errno("clone a user namespace for an id-mapped mount");
    if (pid == 0) {  // raw syscalls only: wait for EOF, then go
        ::close(hold[1]);
        char b;
        while (::read(hold[0], &b, 1) < 0 && errno == EINTR) {}
        ::_exit(0);
    }
    hold_r.reset();
    const std::string proc = "/proc/" + std::to_string(pid);
    Status st = write_file(proc + "/uid_map", ut);
    if (st) st = write_file(proc + "/gid_map", gt);
    int fd = -1;
    if (st) {
        fd = ::open((proc + "/ns/user").c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) st = Error::from_errno("open " + proc + "/ns/user");
    }
    hold_w.reset();
    int status;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!st) return std::move(st).error().wrap("user namespace for an id-mapped mount");
    p.own(fd);
    p.idmap_userns[ut + "|" + gt] = fd;
    return fd;
}

Status set_idmap(int tree, int userns_fd, bool recursive, bool readonly, const std::string& what)
{
    mount_attr a{};
    a.attr_set = MOUNT_ATTR_IDMAP | (readonly ? MOUNT_ATTR_RDONLY : 0);
    a.userns_fd = uint64_t(userns_fd);
    if (::mount_setattr(tree, "", AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0), &a, sizeof a) < 0)
        return Error::from_errno(
            "id-map " + what +
            " (mount_setattr MOUNT_ATTR_IDMAP; needs Linux >= 5.12 and a filesystem that supports it)");
    return {};
}

Status prepare_mounts(const spec::Spec& spec, const LaunchOptions& opt, const std::string& cgroup_path, bool cgroupns,
                      bool userns, bool new_netns, Prepared& p)
{
    for (size_t i = 0; i < spec.mounts.size(); ++i) {
        const auto& m = spec.mounts[i];
        const std::string where = "mounts[" + std::to_string(i) + "] (" + m.destination + ")";
        ParsedMountOptions po = parse_mount_options(m.options);
        if (po.flags & MS_REMOUNT) return Error(Errc::unsupported, where + ".options: 'remount' is not supported");
        MountOp op;
        op.target = p.keep(m.destination);
        op.propagation = po.propagation;
        if (m.type == "bind" || po.bind) {
            op.kind = MountOp::bind;
            std::string src = absolute_in(opt.bundle, m.source);
            op.recursive = po.recursive || m.type == "bind";
            op.flags = po.flags;
            auto given = opt.mount_fds.find(i);
            const bool idmapped = m.idmapped();
            if (given == opt.mount_fds.end() && !userns && !idmapped) {
                struct stat st;
                if (::stat(src.c_str(), &st) < 0) return Error::from_errno(where + ".source: " + src);
                op.source = p.keep(src);
                op.source_is_dir = S_ISDIR(st.st_mode);
                p.mounts.push_back(op);
                continue;
            }
            // A detached copy, made here: of the object the caller opened (never the path
            // again), or, in a user namespace, of a path the child could no longer look up.
            const unsigned tf = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (op.recursive ? AT_RECURSIVE : 0);
            int tree = given != opt.mount_fds.end() ? ::open_tree(given->second, "", tf | AT_EMPTY_PATH)
                                                    : ::open_tree(AT_FDCWD, src.c_str(), tf);
            if (tree < 0)
                return Error::from_errno(where + ".source: " + (given != opt.mount_fds.end() ? "the fd given" : src));
            p.own(tree);
            struct stat st;
            if (::fstat(tree, &st) < 0) return Error::from_errno(where + ".source");
            if (idmapped) {
                const bool own_maps = !m.uid_mappings.empty();
                auto ns = idmap_userns(p, own_maps ? m.uid_mappings : spec.linux.uid_mappings,
                                       own_maps ? m.gid_mappings : spec.linux.gid_mappings);
                if (!ns) return std::move(ns).error().wrap(where);
                ONGGI_CHECK(set_idmap(tree, *ns, op.recursive, false, where), "mounts");
            }
            op.kind = MountOp::tree;
            op.tree_fd = tree;
            op.source_is_dir = S_ISDIR(st.st_mode);
            p.mounts.push_back(op);
            continue;
        }
        if (m.type == "cgroup" || m.type == "cgroup2") {
            auto host = cgroup::probe_host();
            bool v2 = host && host->mode == cgroup::Mode::v2;
            unsigned long f = po.flags | MS_NOSUID | MS_NODEV | MS_NOEXEC;
            if (v2 && cgroupns) {
                op.kind = MountOp::plain;
                op.source = "cgroup2";
                op.fstype = "cgroup2";
                op.flags = f;
                p.mounts.push_back(op);
                continue;
            }
            if (v2) {  // no cgroup namespace: show only our own cgroup
                op.kind = MountOp::bind;
                op.source = p.keep("/sys/fs/cgroup" + cgroup_path);
                op.recursive = true;
                op.flags = f;
                if (!cgroup_path.empty()) p.mounts.push_back(op);
                continue;
            }
            // v1 / hybrid: a tmpfs holding one mount per hierarchy, read-only at the end.
            MountOp tmp;
            tmp.kind = MountOp::plain;
            tmp.source = "tmpfs";
            tmp.fstype = "tmpfs";
            tmp.target = op.target;
            tmp.flags = MS_NOSUID | MS_NODEV | MS_NOEXEC;
            tmp.data = "mode=755";
            p.mounts.push_back(tmp);
            for (const auto& h : host_hierarchies()) {
                if (h.name.empty()) continue;
                MountOp sub;
                sub.target = p.keep(m.destination + "/" + h.name);
                if (cgroupns) {
                    sub.kind = h.fstype == "cgroup2" ? MountOp::plain : MountOp::cgroup_v1;
                    sub.source = h.fstype == "cgroup2" ? "cgroup2" : "cgroup";
                    sub.fstype = h.fstype == "cgroup2" ? "cgroup2" : "cgroup";
                    sub.flags = f;
                    sub.data = h.fstype == "cgroup2" ? nullptr : p.keep(h.options.empty() ? "none" : h.options);
                } else {
                    if (cgroup_path.empty()) continue;
                    std::string src = h.mountpoint + cgroup_path;
                    if (::access(src.c_str(), F_OK) != 0) continue;
                    sub.kind = MountOp::bind;
                    sub.source = p.keep(src);
                    sub.recursive = true;
                    sub.flags = f;
                }
                p.mounts.push_back(sub);
            }
            if (po.flags & MS_RDONLY) {
                MountOp ro;
                ro.kind = MountOp::remount;
                ro.target = op.target;
                ro.flags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC;
                p.mounts.push_back(ro);
            }
            continue;
        }
        if (m.type.empty()) return Error(Errc::invalid_argument, where + ".type: required for a non-bind mount");
        op.kind = MountOp::plain;
        op.source = p.keep(m.source.empty() ? m.type : m.source);
        op.fstype = p.keep(m.type);
        op.flags = po.flags;
        std::string data = po.data;
        // linux.mountLabel: the SELinux context of the container's own filesystems (ignored, with a
        // warning from launch(), where SELinux is not enabled).
        if (!spec.linux.mount_label.empty() && selinux_enabled() &&
            (m.type == "tmpfs" || m.type == "devpts" || m.type == "mqueue"))
            data += (data.empty() ? "" : ",") + std::string("context=\"") + spec.linux.mount_label + "\"";
        op.data = data.empty() ? nullptr : p.keep(data);
        op.sysfs_fallback = m.type == "sysfs" && userns && !new_netns;
        // A proc mount without a pid namespace shows the host's processes, as crun and runc
        // mount it (config-linux.md#namespaces: an absent pid type is the runtime's namespace).
        if (m.destination == "/dev" && m.type == "tmpfs") p.child.make_dev = true;
        p.mounts.push_back(op);
    }
    return {};
}

Status write_id_map(pid_t pid, const char* file, const std::vector<spec::IdMapping>& maps)
{
    return write_file("/proc/" + std::to_string(pid) + "/" + file, map_text(maps));
}

// A user-namespaced container's overlay (ChildConfig::overlay_from_fds): every layer idmapped
// with the container's own maps, so that files of the host's root show as the container's
// root and each layer stays one shared, read-only copy for every user.
Status prepare_userns_overlay(const spec::Spec& spec, const std::string& lower, const std::string& upper,
                              const std::string& work, Prepared& p)
{
    ChildConfig& c = p.child;
    auto ns = idmap_userns(p, spec.linux.uid_mappings, spec.linux.gid_mappings);
    if (!ns) return std::move(ns).error().wrap("overlay layers");
    std::string lowerdir;
    size_t pos = 0;
    while (pos <= lower.size()) {
        size_t colon = lower.find(':', pos);
        if (colon == std::string::npos) colon = lower.size();
        std::string dir = lower.substr(pos, colon - pos);
        pos = colon + 1;
        if (dir.empty()) continue;
        int tree = ::open_tree(AT_FDCWD, dir.c_str(), OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
        if (tree < 0) return Error::from_errno("overlay layer " + dir);
        p.own(tree);
        ONGGI_CHECK(set_idmap(tree, *ns, false, true, "overlay layer " + dir), "overlay");
        p.layer_paths.push_back(p.keep(dir));
        p.layer_trees.push_back(tree);
        lowerdir += (lowerdir.empty() ? "" : ":") + std::string("/proc/self/fd/") + std::to_string(tree);
    }
    if (p.layer_trees.empty()) return Error(Errc::invalid_argument, "annotations: org.onggi.overlay.lowerdir is empty");
    p.layer_dir_fds.assign(p.layer_trees.size(), -1);
    c.overlay_from_fds = true;
    c.overlay_lower = p.keep(lowerdir);
    c.upper_dir = p.keep(upper);
    c.work_dir = p.keep(work);
    c.layer_paths = p.layer_paths.data();
    c.layer_trees = p.layer_trees.data();
    c.layer_dir_fds = p.layer_dir_fds.data();
    c.n_layers = p.layer_trees.size();
    return {};
}

// Join namespaces given by path (linux.namespaces[].path) before cloning: the clone inherits them.
Status join_namespace_paths(const spec::Spec& spec)
{
    static const std::map<std::string, int> types = {{"pid", CLONE_NEWPID},       {"network", CLONE_NEWNET},
                                                     {"ipc", CLONE_NEWIPC},       {"uts", CLONE_NEWUTS},
                                                     {"cgroup", CLONE_NEWCGROUP}, {"time", CLONE_NEWTIME}};
    for (const auto& ns : spec.linux.namespaces) {
        if (ns.path.empty() || ns.type == "mount") continue;  // mount: the child joins it (ChildConfig::join_mnt_fd)
        auto it = types.find(ns.type);
        if (it == types.end())
            return Error(Errc::unsupported,
                         "linux.namespaces: joining an existing " + ns.type +
                             " namespace is not supported (only pid, network, ipc, uts, cgroup, time)");
        UniqueFd fd(::open(ns.path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) return Error::from_errno("linux.namespaces: open " + ns.path);
        if (::setns(fd.get(), it->second) < 0) return Error::from_errno("linux.namespaces: join " + ns.path);
    }
    return {};
}

}  // namespace

Result<Launched> launch(const spec::Spec& spec, const LaunchOptions& opt, Stage* failed_stage)
{
    if (failed_stage) *failed_stage = Stage::none;
    Prepared p;
    ChildConfig& c = p.child;
    const auto& lx = spec.linux;
    auto new_ns = [&](const char* t) {
        const auto* n = lx.find_namespace(t);
        return n && n->path.empty();
    };
    if (!spec.has_process && !opt.wait_for_start)
        return Error(Errc::invalid_argument, "process: required field is missing (a container runs its process)");
    ONGGI_CHECK(check_lsm_labels(spec), "security");
    if (!spec.hooks.empty() && !opt.runs_hooks)
        return Error(Errc::unsupported, "hooks: this launcher does not run OCI hooks (onggi-runtime does)");
    const bool userns = new_ns("user");
    // Without a mount namespace of its own (none listed: the runtime's; a path: that one) the
    // container's mounts go below its rootfs in that shared namespace, and chroot replaces
    // pivot_root (docs/oci-mount-namespace.md).
    const bool own_mountns = new_ns("mount");
    UniqueFd join_mnt;
    SharedRootfs shared;
    if (!own_mountns) {
        if (userns)
            return Error(Errc::unsupported, "linux.namespaces: a new user namespace needs a new mount namespace "
                                            "(it may not mount in one it does not own)");
        struct stat nst;
        if (const auto* m = lx.find_namespace("mount")) {
            join_mnt.reset(::open(m->path.c_str(), O_RDONLY | O_CLOEXEC));
            if (!join_mnt) return Error::from_errno("linux.namespaces: open " + m->path);
            int type = ::ioctl(join_mnt.get(), NS_GET_NSTYPE);
            if (type != CLONE_NEWNS)
                return Error(Errc::invalid_argument, "linux.namespaces: " + m->path + " is not a mount namespace");
            if (::fstat(join_mnt.get(), &nst) < 0) return Error::from_errno("linux.namespaces: " + m->path);
            shared.ns_path = m->path;
        } else if (::stat("/proc/self/ns/mnt", &nst) < 0) {
            return Error::from_errno("stat /proc/self/ns/mnt");
        }
        shared.ns_inode = uint64_t(nst.st_ino);
    }
    const bool netns = new_ns("network");
    const bool cgroupns = new_ns("cgroup");

    // Root filesystem.
    char real[PATH_MAX];
    std::string rootfs = absolute_in(opt.bundle, spec.root.path);
    auto lower = spec.annotations.find(shim::kOverlayLowerdir);
    if (lower != spec.annotations.end()) {
        auto upper = spec.annotations.find(shim::kOverlayUpperdir);
        auto work = spec.annotations.find(shim::kOverlayWorkdir);
        if (upper == spec.annotations.end() || work == spec.annotations.end())
            return Error(Errc::invalid_argument,
                         "annotations: org.onggi.overlay.lowerdir needs org.onggi.overlay.upperdir and .workdir");
        for (const auto& s : {lower->second, upper->second, work->second})
            if (s.find(',') != std::string::npos)
                return Error(Errc::invalid_argument, "annotations: overlay directories must not contain ','");
        std::string data = "lowerdir=" + lower->second + ",upperdir=" + upper->second + ",workdir=" + work->second;
        if (data.size() >= 4096) return Error(Errc::invalid_argument, "annotations: overlay layer list is too long");
        if (auto r = make_dirs(rootfs); !r) return std::move(r).error().wrap("root.path");
        c.overlay_data = p.keep(data);
        if (userns) ONGGI_CHECK(prepare_userns_overlay(spec, lower->second, upper->second, work->second, p), "root");
    }
    if (!::realpath(rootfs.c_str(), real)) return Error::from_errno("root.path: " + rootfs);
    struct stat st;
    if (::stat(real, &st) < 0 || !S_ISDIR(st.st_mode))
        return Error(Errc::invalid_argument, "root.path: " + rootfs + " is not a directory");
    c.rootfs = p.keep(real);
    if (!own_mountns) {
        shared.rootfs = real;
        c.shared_mountns = true;
        c.join_mnt_fd = join_mnt.get();
    }
    c.root_readonly = spec.root.readonly;
    if (!lx.rootfs_propagation.empty()) {
        auto po = parse_mount_options({lx.rootfs_propagation});
        c.root_propagation = po.propagation;
    }

    // Cgroup path (created below, after everything that can fail cheaply).
    std::string cg_path = !opt.cgroup_path.empty() ? opt.cgroup_path : lx.cgroups_path;
    if (!cg_path.empty()) {
        if (auto r = cgroup::validate_path(cg_path); !r) return std::move(r).error().wrap("linux.cgroupsPath");
    }

    ONGGI_CHECK(prepare_mounts(spec, opt, cg_path, cgroupns, userns, netns, p), "mounts");
    c.mounts = p.mounts.data();
    c.n_mounts = p.mounts.size();
    // The standard nodes, then linux.devices (config-linux.md#devices), which win on the same path.
    for (const auto& d : kDevices) {
        bool overridden = false;
        for (const auto& sd : lx.devices) overridden = overridden || sd.path == d.path;
        if (!overridden) p.devices.push_back(d);
    }
    for (const auto& sd : lx.devices) {
        DeviceNode n{};
        n.path = p.keep(sd.path);
        mode_t type = sd.type == "b" ? S_IFBLK : sd.type == "p" ? S_IFIFO : S_IFCHR;
        n.mode = type | (sd.file_mode ? mode_t(*sd.file_mode) & 07777 : 0666);
        n.dev = sd.type == "p" ? 0 : makedev(unsigned(sd.major), unsigned(sd.minor));
        n.from_spec = true;
        if (sd.uid) n.uid = uid_t(*sd.uid);
        if (sd.gid) n.gid = gid_t(*sd.gid);
        if (!sd.uid && sd.gid) n.uid = 0;
        if (sd.uid && !sd.gid) n.gid = 0;
        p.devices.push_back(n);
    }
    c.devices = p.devices.data();
    c.n_devices = p.devices.size();
    c.userns = userns;
    for (const auto& s : lx.masked_paths) p.masked.push_back(p.keep(s));
    for (const auto& s : lx.readonly_paths) p.readonly.push_back(p.keep(s));
    c.masked = p.masked.data();
    c.n_masked = p.masked.size();
    c.readonly = p.readonly.data();
    c.n_readonly = p.readonly.size();
    for (const auto& [k, v] : lx.sysctl) {
        std::string path = "/proc/sys/" + k;
        for (size_t i = 10; i < path.size(); ++i)
            if (path[i] == '.') path[i] = '/';
        p.sysctl_paths.push_back(p.keep(path));
        p.sysctl_values.push_back(p.keep(v));
    }
    c.sysctl_paths = p.sysctl_paths.data();
    c.sysctl_values = p.sysctl_values.data();
    c.n_sysctl = p.sysctl_paths.size();
    if (!spec.hostname.empty()) c.hostname = p.keep(spec.hostname);
    if (!spec.domainname.empty()) {
        if (!new_ns("uts") && !lx.find_namespace("uts"))
            return Error(Errc::invalid_argument, "domainname: needs a uts namespace in linux.namespaces");
        c.domainname = p.keep(spec.domainname);
    }
    c.loopback_up = netns;

    // Process.
    const auto& proc = spec.process;
    for (const auto& r : proc.rlimits) {
        int res = rlimit_resource(r.type);
        if (res < 0) return Error(Errc::invalid_argument, "process.rlimits: unknown rlimit '" + r.type + "'");
        p.rlimits.push_back({res, {rlim_t(r.soft), rlim_t(r.hard)}});
    }
    c.rlimits = p.rlimits.data();
    c.n_rlimits = p.rlimits.size();
    if (proc.oom_score_adj) c.oom_score_adj = p.keep(std::to_string(*proc.oom_score_adj));
    auto sec = security::prepare(spec, opt.seccomp_cache);
    if (!sec) return std::move(sec).error().wrap("security");
    p.security = std::move(sec.value());
    c.security = &p.security;
    c.uid = proc.user.uid;
    c.gid = proc.user.gid;
    p.groups.assign(proc.user.additional_gids.begin(), proc.user.additional_gids.end());
    c.groups = p.groups.data();
    c.n_groups = p.groups.size();
    if (proc.user.umask) c.umask = int(*proc.user.umask);
    c.cwd = p.keep(proc.cwd);
    for (const auto& a : proc.args) p.argv.push_back(const_cast<char*>(p.keep(a)));
    p.argv.push_back(nullptr);
    for (const auto& e : proc.env) {
        p.envp.push_back(const_cast<char*>(p.keep(e)));
        if (e.rfind("PATH=", 0) == 0) c.path_env = p.envp.back() + 5;
    }
    p.envp.push_back(nullptr);
    if (!c.path_env) c.path_env = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    c.argv = p.argv.data();
    c.envp = p.envp.data();
    c.init = opt.init;
    if (!proc.apparmor_profile.empty()) c.apparmor_profile = p.keep(proc.apparmor_profile);
    if (!proc.selinux_label.empty()) c.selinux_label = p.keep(proc.selinux_label);
    c.parent_death_signal = opt.die_with_parent ? SIGKILL : 0;
    for (int i = 0; i < 3; ++i) c.stdio[i] = opt.stdio[i];
    c.console_fd = opt.console_fd;

    // Namespaces joined by path, and the time namespace (offsets must be set before any process enters it).
    ONGGI_CHECK(join_namespace_paths(spec), "join namespaces");
    if (new_ns("time")) {
        if (::unshare(CLONE_NEWTIME) < 0) return Error::from_errno("linux.namespaces: new time namespace");
        if (lx.time_offset_monotonic || lx.time_offset_boottime) {
            std::string offs = "monotonic " + std::to_string(lx.time_offset_monotonic.value_or(0)) + " 0\nboottime " +
                               std::to_string(lx.time_offset_boottime.value_or(0)) + " 0\n";
            if (auto r = write_file("/proc/self/timens_offsets", offs); !r)
                return std::move(r).error().wrap("linux.timeOffsets");
        }
    }

    // Cgroup.
    Launched out;
    if (!spec.linux.mount_label.empty() && !selinux_enabled())
        out.warnings.push_back("linux.mountLabel is ignored: SELinux is not enabled on this host, so label '" +
                               spec.linux.mount_label + "' would label nothing");
    std::unique_ptr<cgroup::Cgroup> cg;
    if (!cg_path.empty()) {
        auto host = cgroup::probe_host();
        if (!host) return std::move(host).error().wrap("probe cgroups");
        auto created = cgroup::create(host.value(), cg_path);
        if (!created) return std::move(created).error().wrap("create cgroup " + cg_path);
        cg = std::move(created.value());
        if (lx.resources && !lx.resources->empty()) {
            spec::Resources res = *lx.resources;
            if (res.memory_kernel)
                out.warnings.push_back(
                    "linux.resources.memory.kernel is ignored: kernel memory limits have had no effect "
                    "since Linux 5.16 (kernel memory counts against memory.limit)");
            if (res.memory_kernel_tcp && cg->mode() == cgroup::Mode::v2) {
                out.warnings.push_back("linux.resources.memory.kernelTCP is ignored: cgroup v2 has no TCP buffer limit "
                                       "(TCP memory counts against memory.limit)");
                res.memory_kernel_tcp.reset();
            }
            if (!res.devices.empty()) {
                // The nodes every container gets (runc's default allow list).
                for (auto [maj, min] : {std::pair{1, 3}, {1, 5}, {1, 7}, {1, 8}, {1, 9}, {5, 0}, {5, 1}, {5, 2}})
                    res.devices.push_back({true, "c", int64_t(maj), int64_t(min), "rwm"});
                res.devices.push_back({true, "c", 136, std::nullopt, "rwm"});
                // linux.devices MUST be available: allowed after the spec's own rules.
                for (const auto& sd : lx.devices)
                    if (sd.type != "p")
                        res.devices.push_back({true, sd.type == "b" ? "b" : "c", sd.major, sd.minor, "rwm"});
            }
            if (auto r = cg->apply(res); !r) {
                (void)cg->remove();
                return std::move(r).error().wrap("linux.resources");
            }
        }
    }
    auto fail_cleanup = [&](Error e) -> Result<Launched> {
        if (cg) (void)cg->remove();
        return e;
    };

    // Pipes: report (child -> parent), sync (parent -> child), start (create/start split).
    int rep[2], syn[2] = {-1, -1}, sta[2] = {-1, -1};
    if (::pipe2(rep, O_CLOEXEC) < 0) return fail_cleanup(Error::from_errno("pipe"));
    UniqueFd rep_r(rep[0]), rep_w(rep[1]);
    const bool v1_join = cg && cg->dir_fd() < 0;
    const bool need_sync = userns || v1_join || opt.on_created || opt.before_pivot;
    UniqueFd syn_r, syn_w, sta_r, sta_w;
    if (need_sync) {
        if (::pipe2(syn, O_CLOEXEC) < 0) return fail_cleanup(Error::from_errno("pipe"));
        syn_r.reset(syn[0]);
        syn_w.reset(syn[1]);
    }
    if (opt.wait_for_start) {
        if (::pipe2(sta, O_CLOEXEC) < 0) return fail_cleanup(Error::from_errno("pipe"));
        sta_r.reset(sta[0]);
        sta_w.reset(sta[1]);
    }
    c.report_fd = rep_w.get();
    c.sync_fd = syn_r.get();
    c.start_fd = sta_r.get();
    c.unshare_cgroupns = cgroupns && v1_join;
    c.pre_pivot_sync = bool(opt.before_pivot);

    uint64_t flags = own_mountns ? CLONE_NEWNS : 0;
    if (new_ns("pid")) flags |= CLONE_NEWPID;
    if (netns) flags |= CLONE_NEWNET;
    if (new_ns("ipc")) flags |= CLONE_NEWIPC;
    if (new_ns("uts")) flags |= CLONE_NEWUTS;
    if (userns) flags |= CLONE_NEWUSER;
    if (cgroupns && !v1_join) flags |= CLONE_NEWCGROUP;
    CloneArgs ca{};
    ca.flags = flags;
    ca.exit_signal = SIGCHLD;
    if (cg && cg->dir_fd() >= 0) {
        ca.flags |= kCloneIntoCgroup;
        ca.cgroup = uint64_t(cg->dir_fd());
    }
    long pid = ::syscall(SYS_clone3, &ca, sizeof ca);
    if (pid < 0) return fail_cleanup(Error::from_errno("clone3 into new namespaces"));
    if (pid == 0) child_main(c);  // never returns

    // Parent.
    rep_w.reset();
    syn_r.reset();
    join_mnt.reset();
    bool rootfs_mounted = false;  // in a shared mount namespace: detach it on failure
    auto reap = [&](Error e, Stage stage) -> Result<Launched> {
        ::kill(pid_t(pid), SIGKILL);
        int status;
        while (::waitpid(pid_t(pid), &status, 0) < 0 && errno == EINTR) {}
        if (failed_stage) *failed_stage = stage;
        static const Stage before_rootfs[] = {Stage::none,   Stage::sync,    Stage::setid_userns, Stage::cgroup_ns,
                                              Stage::setsid, Stage::stdio,   Stage::console,      Stage::propagation,
                                              Stage::rootfs, Stage::overlay, Stage::join_mount_ns};
        bool after = true;
        for (Stage s : before_rootfs) after = after && stage != s;
        if (!shared.rootfs.empty() && (rootfs_mounted || after)) (void)detach_shared_rootfs(shared);
        return fail_cleanup(std::move(e));
    };
    if (userns) {
        if (auto r = write_id_map(pid_t(pid), "uid_map", lx.uid_mappings); !r)
            return reap(std::move(r).error().wrap("linux.uidMappings"), Stage::none);
        if (auto r = write_id_map(pid_t(pid), "gid_map", lx.gid_mappings); !r)
            return reap(std::move(r).error().wrap("linux.gidMappings"), Stage::none);
    }
    if (v1_join) {
        if (auto r = cg->add_process(pid_t(pid)); !r)
            return reap(std::move(r).error().wrap("join cgroup " + cg_path), Stage::none);
    }
    if (opt.on_created) {
        if (auto r = opt.on_created(pid_t(pid)); !r) return reap(std::move(r).error(), Stage::none);
    }
    if (need_sync) {
        char b = 'g';
        if (::write(syn_w.get(), &b, 1) != 1) return reap(Error::from_errno("sync with container"), Stage::sync);
        if (!opt.before_pivot) syn_w.reset();
    }
    if (opt.after_clone) {
        if (!opt.wait_for_start)
            return reap(Error(Errc::internal, "launch: after_clone needs wait_for_start"), Stage::none);
        if (auto r = opt.after_clone(pid_t(pid)); !r) return reap(std::move(r).error(), Stage::none);
    }
    ChildReport report{};
    size_t got = 0;
    auto read_report = [&] {
        got = 0;
        while (got < sizeof report) {
            ssize_t n = ::read(rep_r.get(), reinterpret_cast<char*>(&report) + got, sizeof report - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += size_t(n);
        }
    };
    read_report();
    if (got == sizeof report && report.stage == int32_t(Stage::hooks)) {
        rootfs_mounted = true;
        if (auto r = opt.before_pivot(pid_t(pid)); !r) return reap(std::move(r).error(), Stage::none);
        char b = 'g';
        if (::write(syn_w.get(), &b, 1) != 1) return reap(Error::from_errno("sync with container"), Stage::sync);
        syn_w.reset();
        read_report();
    }
    if (got == sizeof report && report.stage != int32_t(Stage::ready)) {
        Stage s = static_cast<Stage>(report.stage);
        return reap(child_failure("container init", s, report.err, proc.args.empty() ? "" : proc.args[0]), s);
    }
    if (got != 0 && got != sizeof report)
        return reap(Error(Errc::internal, "container init: short report"), Stage::none);
    if (got == 0 && opt.wait_for_start)
        return reap(Error(Errc::internal, "container init: exited before it was ready"), Stage::none);
    // EOF: execve succeeded (or, with --init, PID 1 forked and the program exec'd).

    out.pid = pid_t(pid);
    out.start_time = process_start_time(out.pid);
    out.start_fd = opt.wait_for_start ? sta_w.get() : -1;
    out.cgroup_path = cg_path;
    out.cgroup = std::move(cg);
    out.shared_rootfs = shared;
    return out;
}

}  // namespace onggi::runtime

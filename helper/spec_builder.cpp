#include "helper/spec_builder.h"
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/knobs.h"
#include "engine/core/shim_contract.h"
#include "engine/security/security.h"

#include <linux/magic.h>
#include <sys/statfs.h>

#include <algorithm>
#include <cmath>

namespace onggi::helper {

Result<spec::Resources> limits_to_resources(const Limits& l, bool cgroup_v2)
{
    spec::Resources r;
    if (l.cpus) {
        r.cpu_period = 100000;
        r.cpu_quota = *l.cpus > 0 ? int64_t(std::llround(*l.cpus * 100000.0)) : -1;
        if (*r.cpu_quota > 0 && *r.cpu_quota < 1000) r.cpu_quota = 1000;  // kernel minimum is 1 ms
    }
    if (l.cpu_weight) {
        // 0 = the default (weight 100, 1024 shares). v2 takes the weight as given (cpu.weight,
        // through linux.resources.unified as runc reads it); a round trip through shares would
        // lose it (500 -> 13098 shares -> 499). v1 has only shares: weight 1..10000 -> shares
        // 2..262144, the inverse of runc's shares->weight conversion.
        const uint64_t w = *l.cpu_weight == 0 ? 100 : *l.cpu_weight;
        if (cgroup_v2) r.unified[cgroup::knob_name(cgroup::Knob::cpu_weight, cgroup::Mode::v2)] = std::to_string(w);
        else r.cpu_shares = cgroup::weight_to_shares(w);
    }
    if (l.cpuset) r.cpu_cpus = *l.cpuset;
    if (l.memory) r.memory_limit = *l.memory > 0 ? *l.memory : -1;
    if (l.memory_swap) r.memory_swap = *l.memory_swap > 0 ? *l.memory_swap : -1;
    if (l.memory_high) {
        if (!cgroup_v2) {
            if (*l.memory_high > 0)
                return Error(Errc::unsupported, "limits.memory_high: needs cgroup v2 (this host runs cgroup v1)");
        } else {
            r.unified[cgroup::knob_name(cgroup::Knob::memory_high, cgroup::Mode::v2)] =
                *l.memory_high > 0 ? std::to_string(*l.memory_high) : "max";
        }
    }
    if (l.memory_reservation) {
        // docker's --memory-reservation: a protection, not a throttle. v2 memory.low (as runc and
        // docker write it), v1 memory.soft_limit_in_bytes. 0 = none: memory.low 0, and on v1 the
        // soft limit's own "unlimited" (-1), since a soft limit of 0 would reclaim it first.
        r.memory_reservation = *l.memory_reservation > 0 ? *l.memory_reservation : (cgroup_v2 ? 0 : -1);
    }
    if (l.pids) r.pids_limit = *l.pids > 0 ? *l.pids : -1;
    if (l.io) {
        for (const auto& d : *l.io) {
            r.throttle_read_bps.push_back({d.major, d.minor, d.read_bps});
            r.throttle_write_bps.push_back({d.major, d.minor, d.write_bps});
            r.throttle_read_iops.push_back({d.major, d.minor, d.read_iops});
            r.throttle_write_iops.push_back({d.major, d.minor, d.write_iops});
        }
    }
    return r;
}

Status apply_security(spec::Spec& s, const SecurityOptions& o, const SpecInput& in)
{
    security::Options opt;
    opt.cap_add = o.cap_add;
    opt.cap_drop = o.cap_drop;
    opt.seccomp = o.seccomp;
    opt.read_only = o.read_only;
    opt.privileged = o.privileged;
    opt.userns = o.userns;
    opt.subid_owner = in.subid_owner;
    opt.subuid_file = in.subuid_file;
    opt.subgid_file = in.subgid_file;
    return security::apply_options(s, opt);
}

Result<spec::Spec> build_spec(const CreateParams& p, const image::ImageRecord& img, const SpecInput& in)
{
    spec::Spec s = spec::default_spec();

    // process
    // The default open-file limit (1024:1024, as docker's) never above the hard limit the shim
    // starts with: the container's init cannot raise it (a helper under LimitNOFILE=100 failed
    // every start with "rlimits: Operation not permitted").
    if (in.nofile_hard >= 0)
        for (auto& r : s.process.rlimits)
            if (r.type == "RLIMIT_NOFILE" && r.hard > uint64_t(in.nofile_hard)) {
                r.hard = uint64_t(in.nofile_hard);
                r.soft = std::min(r.soft, r.hard);
            }
    s.process.terminal = p.tty;
    // As docker: the image's Entrypoint, then the given command or else the image's Cmd.
    s.process.args = img.entrypoint;
    const auto& cmd = p.cmd.empty() ? img.cmd : p.cmd;
    s.process.args.insert(s.process.args.end(), cmd.begin(), cmd.end());
    if (s.process.args.empty()) return Error(Errc::invalid_argument, "cmd: the image has no default command; give one");
    std::vector<std::string> env = img.env;
    auto put_env = [&env](const std::string& kv) {
        std::string key = kv.substr(0, kv.find('=') + 1);
        auto it = std::find_if(env.begin(), env.end(), [&](const std::string& e) { return e.rfind(key, 0) == 0; });
        if (it != env.end()) *it = kv;
        else env.push_back(kv);
    };
    const std::string hostname = p.hostname.empty() ? in.id.substr(0, 12) : p.hostname;
    put_env("HOSTNAME=" + hostname);
    if (p.tty) put_env("TERM=xterm");
    for (const auto& kv : p.env) put_env(kv);
    s.process.env = env;
    s.process.cwd = p.workdir.empty() ? (img.workdir.empty() ? "/" : img.workdir) : p.workdir;
    if (p.uid) s.process.user.uid = *p.uid;
    if (p.gid) s.process.user.gid = *p.gid;

    // root: the overlay of the image layers and this container's upper dir, mounted by the
    // runtime inside the container's mount namespace.
    s.root.path = in.paths.rootfs();
    s.hostname = hostname;
    std::string lower;
    for (const auto& d : in.lower_dirs) {
        if (d.find(':') != std::string::npos || d.find(',') != std::string::npos)
            return Error(Errc::internal, "layer path contains ':' or ',': " + d);
        lower += (lower.empty() ? "" : ":") + d;
    }
    if (lower.empty()) return Error(Errc::internal, "image " + img.name + " has no layers");
    s.annotations[shim::kOverlayLowerdir] = lower;
    s.annotations[shim::kOverlayUpperdir] = in.paths.upper();
    s.annotations[shim::kOverlayWorkdir] = in.paths.work();
    s.annotations["org.onggi.image"] = img.name + ":" + img.tag;
    s.annotations["org.onggi.image.id"] = img.id;

    // namespaces
    std::vector<spec::Namespace> ns = {{"mount", ""}};
    if (p.namespaces.pid) ns.push_back({"pid", ""});
    if (p.namespaces.ipc) ns.push_back({"ipc", ""});
    if (p.namespaces.uts) ns.push_back({"uts", ""});
    if (p.namespaces.cgroup) ns.push_back({"cgroup", ""});
    if (p.namespaces.network != "host") ns.push_back({"network", ""});
    if (p.namespaces.time) ns.push_back({"time", ""});
    if (p.namespaces.user) return Error(Errc::invalid_argument, "namespaces.user: use security.userns");
    s.linux.namespaces = ns;
    if (!p.namespaces.uts) s.hostname.clear();
    if (!p.namespaces.ipc)  // without its own IPC namespace a fresh mqueue mount would fail
        s.mounts.erase(std::remove_if(s.mounts.begin(), s.mounts.end(),
                                      [](const spec::Mount& m) { return m.destination == "/dev/mqueue"; }),
                       s.mounts.end());
    if (!p.namespaces.pid)  // the runtime mounts a fresh proc only in a pid namespace: the host's, as docker --pid host
                            // shows it
        for (auto& m : s.mounts)
            if (m.destination == "/proc") m = {"/proc", "bind", "/proc", {"rbind", "nosuid", "noexec", "nodev"}};
    // sysfs needs a private netns: bind the host's read-only. Not recursively: the host's mounts
    // below /sys stay out (on cgroup v2 its /sys/fs/cgroup would be the same cgroup2 superblock
    // the container's own cgroup mount then lands on: EBUSY), and so do debugfs, securityfs, ...
    if (p.namespaces.network == "host")
        for (auto& m : s.mounts)
            if (m.destination == "/sys") m = {"/sys", "none", "/sys", {"bind", "nosuid", "noexec", "nodev", "ro"}};

    // cgroup + limits
    s.linux.cgroups_path = in.cgroup_parent + "/" + in.id;
    auto res = limits_to_resources(p.limits, in.cgroup_v2);
    if (!res) return std::move(res).error();
    // memory.oom.group stays 0, as docker leaves it (docs/protocol.md): the OOM killer ends the
    // one process it picks, and every kill is an `oom` event with its count, while the container
    // runs on (its init decides, as a shell that ran a job would).
    if (!res->empty()) s.linux.resources = res.value();

    // volumes
    for (const auto& v : p.volumes) {
        spec::Mount m;
        m.destination = v.target;
        m.type = "bind";
        m.source = v.source;
        m.options = {"rbind", v.readonly ? "ro" : "rw", "nosuid", "nodev"};
        s.mounts.push_back(m);
    }

    ONGGI_CHECK(apply_security(s, p.security, in), "security");
    return s;
}

}  // namespace onggi::helper

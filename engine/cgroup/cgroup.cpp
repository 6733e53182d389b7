#include "engine/cgroup/cgroup.h"

#include "engine/cgroup/cgroup_files.h"
#include "engine/cgroup/knobs.h"
#include "engine/cgroup/v1/cgroup_v1.h"
#include "engine/cgroup/v2/cgroup_v2.h"

#include <dirent.h>
#include <sys/statfs.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif
#ifndef CGROUP_SUPER_MAGIC
#define CGROUP_SUPER_MAGIC 0x27e0eb
#endif

namespace onggi::cgroup {

const char* mode_name(Mode m)
{
    switch (m) {
    case Mode::v1: return "v1";
    case Mode::v2: return "v2";
    case Mode::hybrid: return "hybrid";
    }
    return "?";
}

static Result<long> fs_magic(const std::string& path)
{
    struct statfs sf;
    if (::statfs(path.c_str(), &sf) < 0) return Error::from_errno("statfs " + path);
    return long(sf.f_type);
}

Result<HostInfo> probe_root(const std::string& root)
{
    auto magic = fs_magic(root);
    if (!magic) return std::move(magic).error().wrap("probe cgroups");
    HostInfo h;
    h.root = root;
    if (magic.value() == CGROUP2_SUPER_MAGIC) {
        h.mode = Mode::v2;
        auto ctl = files::read(root + "/" + knob_name(Knob::controllers, Mode::v2));
        if (!ctl) return std::move(ctl).error().wrap("probe cgroups");
        std::string_view t = files::trim(ctl.value());
        size_t pos = 0;
        while (pos < t.size()) {
            size_t sp = t.find(' ', pos);
            if (sp == std::string_view::npos) sp = t.size();
            if (sp > pos) h.controllers.emplace_back(t.substr(pos, sp - pos));
            pos = sp + 1;
        }
        return h;
    }
    // v1: a tmpfs with one cgroup mount per hierarchy; co-mounted ones are named "cpu,cpuacct"
    // with symlinks "cpu" and "cpuacct" beside them.
    DIR* d = ::opendir(root.c_str());
    if (!d) return Error::from_errno("opendir " + root).wrap("probe cgroups");
    std::vector<std::string> names;
    while (auto* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        names.push_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (auto& n : names) {
        auto m = fs_magic(root + "/" + n);
        if (!m) continue;
        if (m.value() == CGROUP2_SUPER_MAGIC) {
            h.unified = root + "/" + n;
            continue;
        }
        if (m.value() != CGROUP_SUPER_MAGIC) continue;
        size_t pos = 0;
        while (pos <= n.size()) {
            size_t c = n.find(',', pos);
            if (c == std::string::npos) c = n.size();
            std::string ctl = n.substr(pos, c - pos);
            if (!ctl.empty() && ctl.rfind("name=", 0) != 0 &&
                std::find(h.controllers.begin(), h.controllers.end(), ctl) == h.controllers.end())
                h.controllers.push_back(ctl);
            pos = c + 1;
        }
    }
    if (h.controllers.empty() && h.unified.empty())
        return Error(Errc::unsupported, "no cgroup hierarchy is mounted under " + root);
    if (h.controllers.empty()) {  // only a cgroup2 mount somewhere below: treat it as v2
        auto v2 = probe_root(h.unified);
        if (!v2) return v2;
        return v2;
    }
    h.mode = h.unified.empty() ? Mode::v1 : Mode::hybrid;
    return h;
}

Result<HostInfo> probe_host()
{
    static std::mutex mu;
    static std::optional<HostInfo> cached;
    std::lock_guard lock(mu);
    if (cached) return *cached;
    auto h = probe_root("/sys/fs/cgroup");
    if (h) cached = h.value();
    return h;
}

Status validate_path(const std::string& path)
{
    if (path.empty() || path[0] != '/')
        return Error(Errc::invalid_argument, "cgroup path must start with '/': " + path);
    if (path.size() > 1024) return Error(Errc::invalid_argument, "cgroup path is longer than 1024 bytes");
    if (path == "/") return Error(Errc::invalid_argument, "cgroup path must not be the root");
    size_t pos = 1;
    while (pos <= path.size()) {
        size_t s = path.find('/', pos);
        if (s == std::string::npos) s = path.size();
        std::string part = path.substr(pos, s - pos);
        if (part.empty()) return Error(Errc::invalid_argument, "cgroup path has an empty component: " + path);
        if (part == "." || part == "..")
            return Error(Errc::invalid_argument, "cgroup path must not contain '.' or '..': " + path);
        if (part.size() > 255) return Error(Errc::invalid_argument, "cgroup path component longer than 255 bytes");
        for (char c : part)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                return Error(Errc::invalid_argument, "cgroup path has a control character: " + path);
        // Names the kernel or Onggi reserves: a component that looks like a knob file.
        if (part.rfind("cgroup.", 0) == 0)
            return Error(Errc::invalid_argument, "cgroup path component must not start with 'cgroup.': " + path);
        pos = s + 1;
    }
    return {};
}

Status validate_device_rule(const spec::DeviceRule& rule)
{
    if (rule.type != "a" && rule.type != "c" && rule.type != "b")
        return Error(Errc::invalid_argument, "device rule type must be a, c or b, not '" + rule.type + "'");
    if (rule.access.empty() || rule.access.size() > 3 || rule.access.find_first_not_of("rwm") != std::string::npos)
        return Error(Errc::invalid_argument, "device rule access must be letters of rwm, not '" + rule.access + "'");
    if ((rule.major && (*rule.major < 0 || *rule.major > 4095)) ||
        (rule.minor && (*rule.minor < 0 || *rule.minor > 1048575)))
        return Error(Errc::invalid_argument, "device rule major must be 0..4095 and minor 0..1048575");
    return {};
}

uint64_t shares_to_weight(uint64_t shares)
{
    if (shares == 0) return 0;
    shares = std::clamp<uint64_t>(shares, 2, 262144);
    return 1 + ((shares - 2) * 9999) / 262142;
}

uint64_t weight_to_shares(uint64_t weight)
{
    if (weight == 0) return 0;
    weight = std::clamp<uint64_t>(weight, 1, 10000);
    return 2 + ((weight - 1) * 262142) / 9999;
}

static Result<std::unique_ptr<Cgroup>> make(const HostInfo& host, const std::string& path, bool create)
{
    if (auto r = validate_path(path); !r) return std::move(r).error();
    if (host.mode == Mode::v2) return v2::CgroupV2::make(host, path, create);
    return v1::CgroupV1::make(host, path, create);
}

Result<std::unique_ptr<Cgroup>> create(const HostInfo& host, const std::string& path) { return make(host, path, true); }

Result<size_t> prime_io_accounting(const HostInfo& host, const std::string& parent)
{
    if (host.mode == Mode::v2) return size_t(0);
    auto cg = make(host, parent, true);
    if (!cg) return std::move(cg).error().wrap("prime I/O accounting");
    const std::string blkio = cg.value()->controller_dir("blkio");
    if (blkio.empty()) return size_t(0);
    const std::string rule_file = knob_name(Knob::io_read_bps, Mode::v1);
    DIR* d = ::opendir("/sys/block");
    if (!d) return Error::from_errno("open /sys/block");
    std::vector<std::string> devs;
    while (struct dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') devs.push_back(e->d_name);
    ::closedir(d);
    size_t primed = 0;
    for (const auto& name : devs) {
        auto dev = files::read("/sys/block/" + name + "/dev");
        if (!dev) continue;
        unsigned maj = 0, min = 0;
        if (std::sscanf(dev.value().c_str(), "%u:%u", &maj, &min) != 2) continue;
        const std::string id = std::to_string(maj) + ":" + std::to_string(min);
        // Devices without a request queue (some virtual ones) refuse the rule: skipped.
        if (!files::write(blkio, rule_file, id + " 1099511627776")) continue;
        (void)files::write(blkio, rule_file, id + " 0");  // 0 removes the rule
        ++primed;
    }
    return primed;
}
Result<std::unique_ptr<Cgroup>> open(const HostInfo& host, const std::string& path) { return make(host, path, false); }

Result<std::string> self_path()
{
    auto t = files::read("/proc/self/cgroup");
    if (!t) return std::move(t).error().wrap("own cgroup");
    std::optional<std::string> own;
    files::for_each_line(t.value(), [&](std::string_view line) {
        if (line.rfind("0::", 0) == 0) own = std::string(line.substr(3));
        return !own;
    });
    if (own) return *own;
    return Error(Errc::not_found, "own cgroup: /proc/self/cgroup has no cgroup v2 line");
}

Result<std::string> take_delegated(const HostInfo& host, const std::string& root)
{
    if (host.mode != Mode::v2)
        return Error(Errc::unsupported, "a delegated cgroup needs the unified hierarchy (cgroup v2)");
    if (auto r = validate_path(root); !r) return std::move(r).error().wrap("delegated cgroup");
    const std::string dir = host.root + root, leaf = dir + "/supervisor";
    auto made = files::make_dirs(leaf);
    if (!made) return std::move(made).error().wrap("delegated cgroup " + root);
    // Every process of the root moves (a write of a pid to cgroup.procs moves all its threads).
    // Processes are moved until none is left: one may fork while we move.
    for (int round = 0; round < 16; ++round) {
        auto procs = files::read(dir + "/" + knob_name(Knob::procs, Mode::v2));
        if (!procs) return std::move(procs).error().wrap("delegated cgroup " + root);
        if (files::trim(procs.value()).empty()) return root + "/containers";
        Status moved;
        files::for_each_line(procs.value(), [&](std::string_view line) {
            const std::string pid(line);
            if (pid.empty()) return true;
            if (auto r = files::write(leaf, knob_name(Knob::procs, Mode::v2), pid);
                !r && r.error().sys_errno != ESRCH) {
                moved = std::move(r).error().wrap("move process " + pid + " into " + root + "/supervisor");
                return false;
            }
            return true;
        });
        if (!moved) return std::move(moved).error();
    }
    return Error(Errc::busy, "delegated cgroup " + root + ": processes keep appearing in it");
}

}  // namespace onggi::cgroup

// apply_options(): the user's security choices (docs/protocol.md "security") into the OCI spec.
#include "engine/security/security.h"

#include <algorithm>

namespace onggi::security {

namespace {

bool is_all(const std::string& s)
{
    std::string u = s;
    for (auto& c : u) c = char(std::toupper(static_cast<unsigned char>(c)));
    return u == "ALL" || u == "CAP_ALL";
}

void set_mount_ro(spec::Spec& s, const std::string& dest, bool ro)
{
    for (auto& m : s.mounts) {
        if (m.destination != dest) continue;
        auto& o = m.options;
        o.erase(std::remove_if(o.begin(), o.end(), [](const std::string& x) { return x == "ro" || x == "rw"; }),
                o.end());
        o.push_back(ro ? "ro" : "rw");
    }
}

}  // namespace

Status apply_options(spec::Spec& s, const Options& o)
{
    // --- capabilities: Docker's semantics. ALL in cap_drop empties the set, ALL in cap_add fills it,
    // then single names are added and removed. A name in both lists is a contradiction.
    std::vector<std::string> caps = default_capability_names();
    bool add_all = o.privileged, drop_all = false;
    std::vector<int> add, drop;
    for (size_t i = 0; i < o.cap_add.size(); ++i) {
        if (is_all(o.cap_add[i])) {
            add_all = true;
            continue;
        }
        auto n = capability_number(o.cap_add[i]);
        if (!n)
            return Error(Errc::invalid_argument, "security.cap_add[" + std::to_string(i) + "]: " + n.error().context);
        add.push_back(*n);
    }
    for (size_t i = 0; i < o.cap_drop.size(); ++i) {
        if (is_all(o.cap_drop[i])) {
            drop_all = true;
            continue;
        }
        auto n = capability_number(o.cap_drop[i]);
        if (!n)
            return Error(Errc::invalid_argument, "security.cap_drop[" + std::to_string(i) + "]: " + n.error().context);
        if (std::find(add.begin(), add.end(), *n) != add.end())
            return Error(Errc::invalid_argument,
                         "security.cap_drop[" + std::to_string(i) + "]: " + o.cap_drop[i] + " is also in cap_add");
        drop.push_back(*n);
    }
    auto mask = capability_mask(caps, "default capabilities");
    if (!mask) return mask.error();
    uint64_t m = *mask;
    if (drop_all) m = 0;
    // "All" is what this process may hand on (a helper in a restricted environment lacks some).
    const uint64_t all = own_bounding_set();
    m &= all;
    if (add_all) m = all;
    for (int c : add) m |= uint64_t(1) << c;  // a named cap outside `all` fails loudly at start
    if (!o.privileged)
        for (int c : drop) m &= ~(uint64_t(1) << c);
    spec::Capabilities cs;
    cs.bounding = cs.effective = cs.permitted = mask_to_names(m);
    if (o.privileged) cs.inheritable = cs.bounding;  // as Docker --privileged
    s.process.capabilities = cs;

    // --- resources: device allow-list and a PID limit unless the caller set one.
    spec::Resources res = s.linux.resources.value_or(spec::Resources{});
    if (o.privileged) {
        spec::DeviceRule allow_all;
        allow_all.allow = true;
        allow_all.type = "a";
        allow_all.access = "rwm";
        res.devices = {allow_all};
    } else {
        res.devices = default_device_rules();
    }
    if (!res.pids_limit) res.pids_limit = default_pids_limit();
    s.linux.resources = res;

    // --- filesystem view
    s.root.readonly = o.read_only;
    if (o.privileged) {
        s.linux.masked_paths.clear();
        s.linux.readonly_paths.clear();
        set_mount_ro(s, "/sys", false);
        set_mount_ro(s, "/sys/fs/cgroup", false);
    } else {
        s.linux.masked_paths = default_masked_paths();
        s.linux.readonly_paths = default_readonly_paths();
        // CVE-2022-0492: release_agent must stay unreachable -- cgroupfs read-only.
        set_mount_ro(s, "/sys", true);
        set_mount_ro(s, "/sys/fs/cgroup", true);
    }

    // --- no_new_privs and seccomp
    s.process.no_new_privileges = !o.privileged;
    if (o.privileged || o.seccomp == "unconfined") {
        s.linux.seccomp.reset();
    } else if (o.seccomp.empty() || o.seccomp == "default") {
        s.linux.seccomp = default_seccomp_for(m);
    } else if (o.seccomp[0] == '{') {  // the profile itself, sent by a client that read the file
        auto p = parse_seccomp_profile(o.seccomp, m);
        if (!p) return std::move(p).error().wrap("security.seccomp");
        s.linux.seccomp = std::move(*p);
    } else if (o.seccomp[0] == '/') {
        auto p = load_seccomp_profile(o.seccomp, m);
        if (!p) return std::move(p).error().wrap("security.seccomp");
        s.linux.seccomp = std::move(*p);
    } else {
        return Error(Errc::invalid_argument,
                     "security.seccomp: expected \"default\", \"unconfined\", an absolute path or a JSON profile");
    }

    // --- user namespace: container ids 0..count-1 -> the "onggi" subordinate range.
    auto& ns = s.linux.namespaces;
    ns.erase(std::remove_if(ns.begin(), ns.end(),
                            [](const spec::Namespace& n) { return n.type == "user" && n.path.empty(); }),
             ns.end());
    s.linux.uid_mappings.clear();
    s.linux.gid_mappings.clear();
    if (o.userns) {
        auto u = o.create_subid_entry ? ensure_subid_range(o.subuid_file, o.subid_owner, o.userns_size)
                                      : find_subid_range(o.subuid_file, o.subid_owner);
        if (!u) return std::move(u).error().wrap("security.userns");
        auto g = o.create_subid_entry ? ensure_subid_range(o.subgid_file, o.subid_owner, o.userns_size)
                                      : find_subid_range(o.subgid_file, o.subid_owner);
        if (!g) return std::move(g).error().wrap("security.userns");
        uint32_t size = std::min({o.userns_size, u->count, g->count});
        ns.insert(ns.begin(), spec::Namespace{"user", ""});
        s.linux.uid_mappings = {{0, u->start, size}};
        s.linux.gid_mappings = {{0, g->start, size}};
    }
    return {};
}

}  // namespace onggi::security

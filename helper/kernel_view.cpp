#include "helper/kernel_view.h"

#include "engine/cgroup/knobs.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "engine/net/netlink.h"
#include "engine/security/security.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace onggi::helper {

using nlohmann::json;

namespace {

constexpr size_t kSmallFile = 64 << 10;

std::string read_small(const std::string& path, size_t max = kSmallFile)
{
    auto r = read_file(path, max);
    return r ? r.value() : std::string();
}

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
    return s.substr(b);
}

std::vector<std::string> words(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// Mountinfo escapes space, tab, newline and backslash as \ooo.
std::string unescape_octal(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7' && s[i + 2] >= '0' &&
            s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
            out.push_back(char((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0')));
            i += 3;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

json caps_of(const std::string& hex)
{
    uint64_t mask = 0;
    try {
        mask = std::stoull(hex, nullptr, 16);
    } catch (...) {
        return json{{"hex", hex}, {"names", json::array()}};
    }
    return json{{"hex", hex}, {"names", security::mask_to_names(mask)}};
}

std::string ns_link(const std::string& path)
{
    char buf[128];
    ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

}  // namespace

json KernelView::parse_id_map(const std::string& text)
{
    json out = json::array();
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line) && out.size() < 340) {
        auto w = words(line);
        if (w.size() != 3) continue;
        try {
            out.push_back(
                {{"inside", std::stoull(w[0])}, {"outside", std::stoull(w[1])}, {"count", std::stoull(w[2])}});
        } catch (...) {
        }
    }
    return out;
}

json KernelView::parse_status(const std::string& text)
{
    json out = json::object();
    std::istringstream in(text);
    std::string line;
    auto ints = [](const std::string& v) {
        json a = json::array();
        for (const auto& w : words(v)) {
            try {
                a.push_back(std::stoll(w));
            } catch (...) {
            }
        }
        return a;
    };
    static const std::pair<const char*, const char*> caps[] = {{"CapInh", "inheritable"},
                                                               {"CapPrm", "permitted"},
                                                               {"CapEff", "effective"},
                                                               {"CapBnd", "bounding"},
                                                               {"CapAmb", "ambient"}};
    json cj = json::object();
    while (std::getline(in, line)) {
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string key = line.substr(0, colon), val = trim(line.substr(colon + 1));
        if (key == "Name") out["name"] = val;
        else if (key == "State") out["state"] = val;
        else if (key == "NSpid") out["nspid"] = ints(val);
        else if (key == "NStgid") out["nstgid"] = ints(val);
        else if (key == "Uid") out["uid"] = ints(val);
        else if (key == "Gid") out["gid"] = ints(val);
        else if (key == "NoNewPrivs") out["no_new_privs"] = val == "1";
        else if (key == "Seccomp") out["seccomp_mode"] = std::atoi(val.c_str());
        else if (key == "Seccomp_filters") out["seccomp_filters"] = std::atoi(val.c_str());
        else if (key == "Threads") out["threads"] = std::atoi(val.c_str());
        else
            for (const auto& [k, name] : caps)
                if (key == k) cj[name] = caps_of(val);
    }
    out["capabilities"] = cj;
    return out;
}

json KernelView::parse_net_dev(const std::string& text)
{
    json out = json::array();
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line) && out.size() < kMaxInterfaces) {
        auto colon = line.find(':');
        if (colon == std::string::npos || line.find('|') != std::string::npos) continue;
        auto w = words(line.substr(colon + 1));
        if (w.size() < 9) continue;
        try {
            out.push_back({{"name", trim(line.substr(0, colon))},
                           {"rx_bytes", std::stoull(w[0])},
                           {"tx_bytes", std::stoull(w[8])}});
        } catch (...) {
        }
    }
    return out;
}

json KernelView::parse_mountinfo(const std::string& text, size_t max)
{
    json out = json::array();
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line) && out.size() < max) {
        auto w = words(line);
        // id parent major:minor root mount_point options [optional...] - fstype source super_options
        size_t dash = 0;
        for (size_t i = 6; i < w.size(); ++i)
            if (w[i] == "-") {
                dash = i;
                break;
            }
        if (dash == 0 || dash + 2 >= w.size()) continue;
        out.push_back({{"mount_point", unescape_octal(w[4])},
                       {"options", w[5]},
                       {"fstype", w[dash + 1]},
                       {"source", unescape_octal(w[dash + 2])}});
    }
    return out;
}

Result<json> KernelView::upper_changes(const std::string& upper, const std::vector<std::string>& lower, size_t max,
                                       bool* truncated)
{
    *truncated = false;
    json out = json::array();
    UniqueFd root(::open(upper.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!root) return Error::from_errno("open upper " + upper);
    std::vector<UniqueFd> lowers;
    for (const auto& l : lower) lowers.emplace_back(::open(l.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    // Depth-first, at most 16 levels; each directory opened relative to its parent, never following.
    struct Frame {
        int fd;
        std::string rel;
        int depth;
    };
    std::vector<UniqueFd> held;
    std::vector<Frame> todo{{root.get(), "", 0}};
    while (!todo.empty()) {
        Frame f = todo.back();
        todo.pop_back();
        int dup = ::fcntl(f.fd, F_DUPFD_CLOEXEC, 0);
        if (dup < 0) continue;
        DIR* d = ::fdopendir(dup);
        if (!d) {
            ::close(dup);
            continue;
        }
        std::vector<std::pair<std::string, json>> here;
        while (dirent* e = ::readdir(d)) {
            if (!std::strcmp(e->d_name, ".") || !std::strcmp(e->d_name, "..")) continue;
            if (out.size() + here.size() >= max) {
                *truncated = true;
                break;
            }
            struct stat st {};
            if (::fstatat(f.fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) continue;
            const std::string rel = f.rel + "/" + e->d_name;
            std::string kind = "other";
            if (S_ISCHR(st.st_mode) && st.st_rdev == 0) kind = "whiteout";
            else if (S_ISREG(st.st_mode)) kind = "file";
            else if (S_ISLNK(st.st_mode)) kind = "symlink";
            else if (S_ISDIR(st.st_mode)) {
                kind = "dir";
                UniqueFd sub(::openat(f.fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
                if (sub) {
                    char v[4] = {};
                    std::string p = "/proc/self/fd/" + std::to_string(sub.get());
                    if (::getxattr(p.c_str(), "trusted.overlay.opaque", v, sizeof v) > 0 && v[0] == 'y')
                        kind = "opaque_dir";
                    else if (::getxattr(p.c_str(), "user.overlay.opaque", v, sizeof v) > 0 && v[0] == 'y')
                        kind = "opaque_dir";
                    if (f.depth < 16) {
                        todo.push_back({sub.get(), rel, f.depth + 1});
                        held.push_back(std::move(sub));
                    }
                }
            }
            bool in_lower = false;
            for (const auto& l : lowers) {
                struct stat ls {};
                if (l && ::fstatat(l.get(), rel.c_str() + 1, &ls, AT_SYMLINK_NOFOLLOW) == 0) {
                    in_lower = true;
                    break;
                }
            }
            here.push_back(
                {rel, json{{"path", rel}, {"kind", kind}, {"size", int64_t(st.st_size)}, {"in_lower", in_lower}}});
        }
        ::closedir(d);
        for (auto& [_, j] : here) out.push_back(std::move(j));
        if (*truncated) break;
    }
    std::sort(out.begin(), out.end(), [](const json& a, const json& b) { return a["path"] < b["path"]; });
    return out;
}

Result<std::string> KernelView::hostname_in(pid_t pid)
{
    UniqueFd ns(::open(("/proc/" + std::to_string(pid) + "/ns/uts").c_str(), O_RDONLY | O_CLOEXEC));
    if (!ns) return Error::from_errno("open uts namespace of " + std::to_string(pid));
    // setns(CLONE_NEWUTS) changes only the calling thread; the thread ends right after, so the
    // helper's other threads never see the container's UTS namespace.
    std::string name;
    int err = 0;
    std::thread t([&] {
        if (::setns(ns.get(), CLONE_NEWUTS) < 0) {
            err = errno;
            return;
        }
        struct utsname u {};
        if (::uname(&u) < 0) {
            err = errno;
            return;
        }
        name = u.nodename;
    });
    t.join();
    if (err) return Error(Errc::system, "enter uts namespace of " + std::to_string(pid), err);
    return name;
}

json KernelView::network_of(pid_t pid)
{
    json out = {{"inside", {{"links", json::array()}, {"addresses", json::array()}, {"routes", json::array()}}},
                {"host", {{"peers", json::array()}, {"routes", json::array()}}}};
    auto in = net::Netlink::open_in(pid);
    if (!in) {
        out["error"] = in.error().message();
        return out;
    }
    std::map<int, std::string> names;
    std::vector<net::LinkInfo> inside_links;
    if (auto links = in->links(); links) inside_links = links.value();
    for (const auto& l : inside_links) {
        if (out["inside"]["links"].size() >= kMaxInterfaces) break;
        names[l.ifindex] = l.name;
        out["inside"]["links"].push_back({{"ifindex", l.ifindex},
                                          {"name", l.name},
                                          {"kind", l.kind},
                                          {"peer_ifindex", l.peer_ifindex},
                                          {"up", l.up},
                                          {"mac", l.mac},
                                          {"mtu", l.mtu}});
    }
    if (auto addrs = in->addresses(); addrs)
        for (const auto& a : addrs.value())
            if (out["inside"]["addresses"].size() < kMaxInterfaces)
                out["inside"]["addresses"].push_back(
                    {{"ifindex", a.ifindex}, {"dev", names[a.ifindex]}, {"address", a.address.to_string()}});
    auto route_json = [](const net::RouteInfo& r, const std::string& dev) {
        return json{
            {"destination", r.destination.prefix == 0 ? std::string("default") : r.destination.subnet().to_string()},
            {"gateway", r.gateway ? net::Ipv4Net::format(r.gateway) : std::string()},
            {"dev", dev},
            {"ifindex", r.ifindex}};
    };
    if (auto routes = in->routes(); routes)
        for (const auto& r : routes.value())
            if (r.table == RT_TABLE_MAIN && r.type == RTN_UNICAST && out["inside"]["routes"].size() < kMaxInterfaces)
                out["inside"]["routes"].push_back(route_json(r, names[r.ifindex]));

    auto host = net::Netlink::open();
    if (!host) return out;
    auto hl = host->links();
    if (!hl) return out;
    std::map<int, const net::LinkInfo*> by_index;
    for (const auto& l : hl.value()) by_index[l.ifindex] = &l;
    std::set<int> bridges;
    for (const auto& l : inside_links) {
        if (l.kind != "veth" || l.peer_ifindex <= 0) continue;
        auto it = by_index.find(l.peer_ifindex);
        // The peer's own peer must be this end: an index alone could name a link of another namespace.
        if (it == by_index.end() || it->second->kind != "veth" || it->second->peer_ifindex != l.ifindex) continue;
        const net::LinkInfo& p = *it->second;
        json j = {{"inside_ifindex", l.ifindex},
                  {"inside_name", l.name},
                  {"ifindex", p.ifindex},
                  {"name", p.name},
                  {"up", p.up},
                  {"mac", p.mac},
                  {"master_ifindex", p.master},
                  {"master", ""}};
        if (auto m = by_index.find(p.master); p.master > 0 && m != by_index.end()) {
            j["master"] = m->second->name;
            bridges.insert(p.master);
        }
        out["host"]["peers"].push_back(j);
    }
    if (!bridges.empty())
        if (auto routes = host->routes(); routes)
            for (const auto& r : routes.value())
                if (bridges.count(r.ifindex) && r.table == RT_TABLE_MAIN && r.type == RTN_UNICAST)
                    out["host"]["routes"].push_back(
                        route_json(r, by_index.count(r.ifindex) ? by_index[r.ifindex]->name : std::string()));
    return out;
}

json KernelView::paths_present(pid_t pid, const std::vector<std::string>& paths)
{
    json out = json::object();
    UniqueFd root(::open(("/proc/" + std::to_string(pid) + "/root").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root) return out;
    for (const auto& p : paths) {
        if (out.size() >= 256) break;
        std::string rel = p;
        while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
        if (rel.empty()) continue;
        open_how how{};
        how.flags = O_PATH | O_NOFOLLOW | O_CLOEXEC;
        how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
        const long fd = ::syscall(SYS_openat2, root.get(), rel.c_str(), &how, sizeof how);
        if (fd >= 0) ::close(int(fd));
        // Only a clear "no such entry" is "absent"; any other failure leaves it unknown.
        if (fd >= 0) out[p] = true;
        else if (errno == ENOENT || errno == ENOTDIR) out[p] = false;
    }
    return out;
}

json KernelView::layer_sharing(const std::vector<std::string>& lower, const std::vector<std::string>& lower_layers,
                               const std::vector<Input::LayerUser>& users)
{
    json out = json::array();
    for (size_t i = 0; i < lower.size(); ++i) {
        const std::string layer = i < lower_layers.size() ? lower_layers[i] : std::string();
        json images = json::array(), containers = json::array();
        if (!layer.empty())
            for (const auto& u : users)
                if (std::find(u.layers.begin(), u.layers.end(), layer) != u.layers.end()) {
                    json& list = u.kind == "image" ? images : containers;
                    if (list.size() < 64) list.push_back({{"name", u.name}, {"id", u.id}});
                }
        out.push_back({{"dir", lower[i]}, {"layer", layer}, {"images", images}, {"containers", containers}});
    }
    return out;
}

json KernelView::cgroup_files() const
{
    json out = {{"mode", ""}, {"files", json::array()}};
    if (!in_.cgroup) return out;
    const cgroup::Cgroup& cg = *in_.cgroup;
    out["mode"] = cgroup::mode_name(cg.mode());
    // The lessons' files, named by the one table; each carries its knob id, which is how the GUI
    // finds "the memory limit" without knowing what this host calls it.
    for (cgroup::Knob k : cgroup::lesson_knobs()) {
        auto f = cgroup::knob_file(k, cg.mode());
        if (!f) continue;
        const std::string path = cgroup::knob_path(cg, k);
        if (path.empty()) continue;
        auto r = read_file(path, 16 << 10);
        if (!r) continue;
        out["files"].push_back({{"knob", cgroup::knob_id(k)},
                                {"controller", f->controller},
                                {"file", f->file},
                                {"path", path},
                                {"value", trim(r.value())}});
    }
    auto oom = cg.oom_kills();
    out["oom_kills"] = oom ? json(oom.value()) : json(nullptr);
    return out;
}

Result<json> KernelView::collect() const
{
    const std::string base = "/proc/" + std::to_string(in_.pid);
    auto status = read_file(base + "/status", kSmallFile);
    if (!status) return std::move(status).error().wrap("container init " + std::to_string(in_.pid));
    json out = {{"pid", in_.pid}};
    out["process"] = parse_status(status.value());
    out["uid_map"] = parse_id_map(read_small(base + "/uid_map"));
    out["gid_map"] = parse_id_map(read_small(base + "/gid_map"));
    out["host_uid_map"] = parse_id_map(read_small("/proc/self/uid_map"));
    json ns = json::object();
    for (const char* n : {"cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"})
        ns[n] = {{"container", ns_link(base + "/ns/" + n)}, {"host", ns_link(std::string("/proc/self/ns/") + n)}};
    out["namespaces"] = ns;
    struct utsname u {};
    ::uname(&u);
    auto inside = hostname_in(in_.pid);
    out["hostname"] = {{"container", inside ? json(inside.value()) : json(nullptr)}, {"host", u.nodename}};
    out["kernel"] = {{"release", u.release}, {"machine", u.machine}};
    const std::string mi = read_small(base + "/mountinfo", 1 << 20);
    out["mounts"] = parse_mountinfo(mi, kMaxMounts);
    out["host_mount_count"] = parse_mountinfo(read_small("/proc/self/mountinfo", 1 << 20), 100000).size();
    out["interfaces"] = parse_net_dev(read_small(base + "/net/dev"));
    out["host_interfaces"] = parse_net_dev(read_small("/proc/self/net/dev"));
    out["proc_cgroup"] = trim(read_small(base + "/cgroup"));
    out["cgroup"] = cgroup_files();
    out["cgroup"]["path"] = in_.cgroup_path;
    bool truncated = false;
    auto changes = in_.upper.empty() ? Result<json>(json::array())
                                     : upper_changes(in_.upper, in_.lower, kMaxUpperEntries, &truncated);
    out["rootfs"] = {{"lower", in_.lower},
                     {"upper", in_.upper},
                     {"merged", in_.merged},
                     {"upper_changes", changes ? changes.value() : json::array()},
                     {"upper_truncated", truncated}};
    out["rootfs"]["layers"] = layer_sharing(in_.lower, in_.lower_layers, in_.layer_users);
    out["network"] = network_of(in_.pid);
    out["masked_paths"] = in_.masked_paths;
    {
        std::vector<std::string> all = in_.masked_paths;
        all.insert(all.end(), in_.readonly_paths.begin(), in_.readonly_paths.end());
        out["paths_present"] = paths_present(in_.pid, all);
    }
    out["readonly_paths"] = in_.readonly_paths;
    return out;
}

}  // namespace onggi::helper

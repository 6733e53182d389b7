#include "helper/net/network_manager.h"
#include "engine/core/files.h"
#include "engine/net/netlink.h"
#include "helper/event_bus.h"
#include "helper/name_generator.h"
#include "helper/net/etc_files.h"

#include <QDebug>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace onggi::helper {

namespace {

constexpr const char* kBuiltin = "onggi";

bool is_mode_word(const std::string& m) { return m == "none" || m == "host" || m == "private"; }

int unprivileged_port_start()
{
    auto t = read_file("/proc/sys/net/ipv4/ip_unprivileged_port_start", 64);
    if (!t) return 1024;
    try {
        return std::stoi(t.value());
    } catch (...) {
        return 1024;
    }
}

// In place (O_TRUNC, same inode): the file is bind-mounted into running containers.
void write_in_place(const std::string& path, const std::string& text)
{
    // In place: the file is bind-mounted into the container, a rename would not reach it. Not
    // truncated to zero first: ext4 flushes a file truncated to 0 and written again when it is
    // closed (auto_da_alloc), which made each rewrite of a hosts file cost ~3 ms on a loaded host
    // (bench/net: 50 containers on one user-defined network, 160 ms per start, 150 per stop).
    // The new text is padded with newlines to the old length, then the file is cut to size: a
    // reader sees blank lines at worst, never a piece of an old line after the new text.
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        qWarning("helper: network: write %s: %s", path.c_str(), strerror(errno));
        return;
    }
    struct stat st {};
    const size_t old_size = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? size_t(st.st_size) : 0;
    if (old_size == text.size()) {  // unchanged: nothing to write
        std::string old(old_size, '\0');
        if (::pread(fd, old.data(), old.size(), 0) == ssize_t(old.size()) && old == text) {
            ::close(fd);
            return;
        }
    }
    std::string out = text;
    if (old_size > out.size()) out.append(old_size - out.size(), '\n');
    size_t off = 0;
    while (off < out.size()) {
        ssize_t n = ::pwrite(fd, out.data() + off, out.size() - off, off_t(off));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            qWarning("helper: network: write %s: %s", path.c_str(), strerror(errno));
            break;
        }
        off += size_t(n);
    }
    if (old_size > text.size() && ::ftruncate(fd, off_t(text.size())) < 0)
        qWarning("helper: network: truncate %s: %s", path.c_str(), strerror(errno));
    ::close(fd);
}

}  // namespace

NetworkManager::NetworkManager(NetworkManagerConfig cfg) : cfg_(std::move(cfg)), store_(cfg_.state_dir) {}
NetworkManager::~NetworkManager() = default;

json NetworkManager::Live::to_json() const
{
    json p = json::array(), h = json::array();
    for (const auto& m : ports) p.push_back(m.to_json());
    for (const auto& x : extra_hosts) h.push_back({{"name", x.name}, {"ip", x.ip}});
    json j = json::parse(net::attachments_to_json(attachments));
    j["id"] = id;
    j["name"] = name;
    j["hostname"] = hostname;
    j["bundle"] = bundle;
    j["ports"] = p;
    j["extra_hosts"] = h;
    return j;
}

NetworkManager::Live NetworkManager::Live::record() const
{
    Live r;
    r.id = id;
    r.name = name;
    r.hostname = hostname;
    r.bundle = bundle;
    r.attachments = attachments;
    r.ports = ports;
    r.extra_hosts = extra_hosts;
    return r;
}

Status NetworkManager::load()
{
    ONGGI_CHECK(store_.init(), "networks");
    ONGGI_CHECK(make_dirs(cfg_.run_dir + "/net", 0700), "create run dir");
    return {};
}

Status NetworkManager::save_live(const Live& l) const
{
    return write_file_atomic(run_file(l.id), l.to_json().dump() + "\n", 0600, Sync::process);
}

void NetworkManager::restore(const std::set<std::string>& running)
{
    restoring_ = true;
    DIR* d = ::opendir((cfg_.run_dir + "/net").c_str());
    std::vector<std::string> files;
    if (d) {
        while (struct dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n.size() == 64 + 5 && n.compare(64, 5, ".json") == 0) files.push_back(n.substr(0, 64));
        }
        ::closedir(d);
    }
    for (const auto& id : files) {
        auto text = read_file(run_file(id), 1 << 20);
        json j = text ? json::parse(text.value(), nullptr, false) : json();
        auto att = text ? net::attachments_from_json(text.value())
                        : Result<std::vector<net::Attachment>>(Error(Errc::internal, "gone"));
        Live l;
        l.id = id;
        if (att) l.attachments = att.value();
        if (j.is_object()) {
            l.name = j.value("name", "");
            l.hostname = j.value("hostname", "");
            l.bundle = j.value("bundle", "");
            if (j.contains("ports") && j["ports"].is_array()) {
                auto o = decode_net_options(json{{"ports", j["ports"]}});
                if (o) l.ports = o->ports;
            }
            if (j.contains("extra_hosts")) {
                auto o = decode_net_options(json{{"extra_hosts", j["extra_hosts"]}});
                if (o) l.extra_hosts = o->extra_hosts;
            }
        }
        if (!running.count(id)) {
            cleanup(l);  // it stopped while we were away, or we died while it started
            continue;
        }
        for (const auto& a : l.attachments)
            if (const NetworkRecord* n = store_.get(a.network))
                if (auto st = ensure_up(*n); !st)
                    qWarning("helper: network %s: %s", n->name.c_str(), st.error().message().c_str());
        if (auto st = reserve_ports(l); !st)
            qWarning("helper: container %s: %s", id.c_str(), st.error().message().c_str());
        live_[id] = std::move(l);
    }
    std::set<std::string> keep;
    for (const auto& [id, l] : live_) keep.insert(id);
    store_.reconcile(keep);
    // Host ends on our bridges that no running container owns (a helper killed while its reaper
    // still had them queued, a namespace held past its container): deleted too.
    if (auto nl = net::Netlink::open(); nl) {
        std::set<std::string> owned, bridges;
        for (const auto& [id, l] : live_)
            for (const auto& a : l.attachments) owned.insert(a.host_ifname);
        for (const NetworkRecord* r : store_.list()) bridges.insert(r->bridge);
        if (auto links = nl->links(); links) {
            std::set<int> bridge_idx;
            for (const auto& k : links.value())
                if (bridges.count(k.name)) bridge_idx.insert(k.ifindex);
            for (const auto& k : links.value())
                if (k.kind == "veth" && bridge_idx.count(k.master) && !owned.count(k.name))
                    reaper_.remove(k.ifindex, k.name);
        }
    }
    restoring_ = false;
    if (!store_.list().empty())
        if (auto st = apply_rules(); !st) qWarning("helper: %s", st.error().message().c_str());
    // The hosts files of the running containers, once: a container that stopped while no
    // helper watched (or whose start was announced and then failed) is named in its peers'.
    std::set<std::string> nets;
    for (const NetworkRecord* r : store_.list()) nets.insert(r->name);
    refresh_hosts(nets);
}

Result<const NetworkRecord*> NetworkManager::ensure_default()
{
    if (const NetworkRecord* n = store_.get(cfg_.default_network)) return n;
    if (cfg_.default_network != kBuiltin)
        return Error(Errc::not_found, "no such network: " + cfg_.default_network + " (the helper's default)");
    auto s = net::Ipv4Net::parse(cfg_.default_subnet);
    if (!s) return std::move(s).error().wrap("default subnet");
    NetworkRecord r;
    r.name = kBuiltin;
    r.id = NameGenerator::random_id();
    r.bridge = "onggi0";
    r.subnet = s->subnet();
    r.gateway = r.subnet.network() + 1;
    r.created = now_rfc3339_nano();
    r.builtin = true;
    ONGGI_CHECK(check_subnet_free(r.subnet, r.name), "default network onggi (choose another with --default-subnet)");
    return store_.add(std::move(r));
}

Status NetworkManager::check_subnet_free(const net::Ipv4Net& subnet, const std::string& except) const
{
    for (const NetworkRecord* r : store_.list())
        if (r->name != except && r->subnet.overlaps(subnet))
            return Error(Errc::invalid_argument, "subnet " + subnet.to_string() + " overlaps network " + r->name +
                                                     " (" + r->subnet.to_string() + ")");
    auto nl = net::Netlink::open();
    if (!nl) return std::move(nl).error();
    std::set<int> ours;
    for (const NetworkRecord* r : store_.list())
        if (auto idx = nl->ifindex(r->bridge); idx) ours.insert(idx.value());
    auto routes = nl->routes();
    if (!routes) return std::move(routes).error();
    auto links = nl->links();
    for (const auto& rt : routes.value()) {
        if (rt.table != RT_TABLE_MAIN || rt.type != RTN_UNICAST || rt.destination.prefix == 0 || ours.count(rt.ifindex))
            continue;
        if (!rt.destination.overlaps(subnet)) continue;
        std::string dev;
        if (links)
            for (const auto& l : links.value())
                if (l.ifindex == rt.ifindex) dev = " dev " + l.name;
        return Error(Errc::invalid_argument, "subnet " + subnet.to_string() + " overlaps the host's route " +
                                                 rt.destination.subnet().to_string() + dev);
    }
    return {};
}

Status NetworkManager::ensure_up(const NetworkRecord& n)
{
    if (up_.count(n.name)) return {};
    auto nl = net::Netlink::open();
    if (!nl) return std::move(nl).error();
    if (!nl->ifindex(n.bridge)) ONGGI_CHECK(check_subnet_free(n.subnet, n.name), "network " + n.name);
    auto br = nl->ensure_bridge(n.bridge, n.gateway_net());
    if (!br) return std::move(br).error().wrap("network " + n.name);
    // Routing between the bridge and the rest (outbound NAT, published ports); 127.0.0.1 into the
    // bridge for ports published on localhost (the guard chain drops the reverse).
    auto fwd = read_file("/proc/sys/net/ipv4/ip_forward", 16);
    if (!fwd || fwd.value().rfind("1", 0) != 0)
        ONGGI_CHECK(write_file("/proc/sys/net/ipv4/ip_forward", "1"), "enable IPv4 forwarding");
    ONGGI_CHECK(write_file("/proc/sys/net/ipv4/conf/" + n.bridge + "/route_localnet", "1"),
                "route_localnet on " + n.bridge);
    up_.insert(n.name);
    if (!restoring_) ONGGI_CHECK(apply_rules(), "network " + n.name);
    return {};
}

Status NetworkManager::apply_rules()
{
    if (restoring_) return {};
    std::vector<FirewallNetwork> nets;
    for (const NetworkRecord* r : store_.list()) nets.push_back({r->bridge, r->subnet, r->gateway});
    std::vector<FirewallPort> ports;
    for (const auto& [id, l] : live_) {
        if (l.attachments.empty()) continue;
        for (const auto& m : l.ports)
            ports.push_back({m.host_ip, m.host_port, m.protocol, l.attachments[0].address.addr, m.container_port,
                             id.substr(0, 12)});
    }
    return firewall_.apply(nets, ports);
}

Result<std::string> NetworkManager::resolve_mode(const std::string& requested, const NetOptions& o,
                                                 uid_t peer_uid) const
{
    std::string m = requested.empty() || requested == "bridge" ? cfg_.default_network : requested;
    if (is_mode_word(m)) {
        if (!o.ports.empty() || o.publish_all)
            return Error(Errc::invalid_argument,
                         "ports: publishing ports needs a network (this container's network is '" + m + "')");
        if (!o.ip.empty())
            return Error(Errc::invalid_argument,
                         "ip: a fixed address needs a network (this container's network is '" + m + "')");
        return m;
    }
    if (!valid_network_name(m))
        return Error(Errc::invalid_argument, "namespaces.network: '" + m.substr(0, 64) + "' is not a network name");
    net::Ipv4Net subnet;
    uint32_t gateway = 0;
    if (const NetworkRecord* n = store_.get(m)) {
        subnet = n->subnet;
        gateway = n->gateway;
    } else if (m == kBuiltin && cfg_.default_network == kBuiltin) {
        auto s = net::Ipv4Net::parse(cfg_.default_subnet);
        if (!s) return std::move(s).error().wrap("default subnet");
        subnet = s->subnet();
        gateway = subnet.network() + 1;
    } else {
        return Error(Errc::not_found, "no such network: " + m);
    }
    if (!o.ip.empty()) {
        uint32_t a = net::Ipv4Net::parse_address(o.ip).value();
        if (!subnet.contains(a))
            return Error(Errc::invalid_argument,
                         "ip: " + o.ip + " is outside the subnet " + subnet.to_string() + " of network " + m);
        if (a == subnet.network() || a == subnet.broadcast() || a == gateway)
            return Error(Errc::invalid_argument,
                         "ip: " + o.ip + " is the network's own address (network, gateway or broadcast)");
    }
    if (peer_uid != 0) {
        const int low = unprivileged_port_start();
        for (const auto& p : o.ports)
            if (p.host_port != 0 && p.host_port < low)
                return Error(Errc::permission_denied, "ports: host port " + std::to_string(p.host_port) + " is below " +
                                                          std::to_string(low) + ": only root may publish it");
    }
    return m;
}

Status NetworkManager::reserve_ports(Live& l)
{
    l.port_fds.clear();
    for (auto& m : l.ports) {
        const bool tcp = m.protocol == "tcp";
        UniqueFd fd(::socket(AF_INET, (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0));
        if (!fd) return Error::from_errno("ports: socket");
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(m.host_port);
        sa.sin_addr.s_addr =
            m.host_ip.empty() ? htonl(INADDR_ANY) : htonl(net::Ipv4Net::parse_address(m.host_ip).value());
        // No SO_REUSEADDR: a bound socket of ours keeps anyone else's bind (and listen) off the port.
        if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&sa), sizeof sa) < 0) {
            int e = errno;
            const std::string what =
                (m.host_ip.empty() ? std::string() : m.host_ip + ":") + std::to_string(m.host_port) + "/" + m.protocol;
            if (e == EADDRINUSE) return Error(Errc::busy, "ports: host port " + what + " is already in use");
            if (e == EADDRNOTAVAIL)
                return Error(Errc::invalid_argument, "ports: " + m.host_ip + " is not an address of this host");
            return Error::from_errno("ports: bind " + what, e);
        }
        if (m.host_port == 0) {
            socklen_t len = sizeof sa;
            ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&sa), &len);
            m.host_port = ntohs(sa.sin_port);
        }
        l.port_fds.push_back(std::move(fd));
    }
    return {};
}

NetworkManager::PeerLines NetworkManager::peer_lines() const
{
    PeerLines out;
    for (const auto& [id, other] : live_) {
        std::set<std::string> seen;
        for (const auto& b : other.attachments) {
            const NetworkRecord* n = store_.get(b.network);
            if (!n || n->builtin || !seen.insert(b.network).second) continue;
            out[b.network].push_back({&id, hosts_line({b.address.address_string(), {other.name, id.substr(0, 12)}})});
        }
    }
    return out;
}

void NetworkManager::write_etc_files(const Live& l, const PeerLines& peers) const
{
    if (l.bundle.empty()) return;
    std::vector<HostsEntry> own;
    for (size_t i = 0; i < l.attachments.size(); ++i) {
        std::vector<std::string> names = {l.hostname};
        if (i == 0 && l.name != l.hostname) names.push_back(l.name);
        own.push_back({l.attachments[i].address.address_string(), names});
    }
    std::string text = hosts_file(own, l.extra_hosts, {});
    // The other containers of its user-defined networks (as docker's default bridge, the
    // default network names none).
    for (const auto& a : l.attachments) {
        auto it = peers.find(a.network);
        if (it == peers.end()) continue;
        for (const auto& [id, line] : it->second)
            if (*id != l.id) text += line;
    }
    write_in_place(l.bundle + "/hosts", text);
}

void NetworkManager::refresh_hosts(const std::set<std::string>& networks)
{
    // Only a user-defined network puts its containers' names in their hosts files
    // (write_etc_files): a start or stop on the default network changes no other container's.
    // (bench/net, 50 containers on the default network: 15.5 ms per start and 11.8 ms per stop
    // rewriting 50 files that did not change.)
    std::set<std::string> named;
    for (const auto& n : networks)
        if (const NetworkRecord* r = store_.get(n); r && !r->builtin) named.insert(n);
    if (named.empty()) return;
    // The lines are made once for all the files (each file was its own pass over every
    // container: 50 peers made 2500 entries per start).
    const PeerLines peers = peer_lines();
    for (const auto& [id, l] : live_)
        for (const auto& a : l.attachments)
            if (named.count(a.network)) {
                write_etc_files(l, peers);
                break;
            }
}

Result<std::string> NetworkManager::prepare_start(const NetContainer& c)
{
    std::vector<std::string> nets = c.net.networks();
    if (nets.empty()) return std::string();
    if (live_.count(c.id)) stopped(c.id);  // a leftover of an earlier run
    Live l;
    l.id = c.id;
    l.name = c.name;
    l.hostname = c.net.hostname.empty() ? c.id.substr(0, 12) : c.net.hostname;
    l.bundle = c.bundle;
    l.extra_hosts = c.net.options.extra_hosts;
    auto fail = [&](Error e) -> Result<std::string> {
        cleanup(l);
        return e;
    };
    for (size_t i = 0; i < nets.size() && i < 10; ++i) {
        const NetworkRecord* n = store_.get(nets[i]);
        if (!n && nets[i] == cfg_.default_network) {
            auto d = ensure_default();
            if (!d) return fail(std::move(d).error());
            n = d.value();
        }
        if (!n)
            return fail(
                Error(Errc::not_found, "no such network: " + nets[i] + " (removed after the container was created?)"));
        if (auto st = ensure_up(*n); !st) return fail(std::move(st).error());
        std::optional<uint32_t> wanted;
        if (i == 0 && !c.net.options.ip.empty()) wanted = net::Ipv4Net::parse_address(c.net.options.ip).value();
        auto ip = store_.allocate(*n, c.id, wanted);
        if (!ip) return fail(std::move(ip).error().wrap("network " + n->name));
        net::Attachment a;
        a.network = n->name;
        a.bridge = n->bridge;
        a.host_ifname = net::host_veth_name(c.id, int(i));
        a.ifname = "eth" + std::to_string(i);
        a.address = {ip.value(), n->subnet.prefix};
        a.gateway = n->gateway;
        a.default_route = i == 0;
        l.attachments.push_back(a);
    }
    l.ports = c.net.options.ports;
    if (c.net.options.publish_all)
        for (const auto& e : c.net.options.expose) {
            bool have = std::any_of(l.ports.begin(), l.ports.end(), [&](const PortMapping& m) {
                return m.container_port == e.container_port && m.protocol == e.protocol;
            });
            if (!have) l.ports.push_back({"", 0, e.container_port, e.protocol});
        }
    if (auto st = reserve_ports(l); !st) return fail(std::move(st).error());
    if (auto st = save_live(l); !st) return fail(std::move(st).error().wrap("network state"));
    auto host_resolv = read_file("/etc/resolv.conf", 1 << 16);
    auto upstream = read_file("/run/systemd/resolve/resolv.conf", 1 << 16);
    auto resolv = resolv_conf(c.net.options.dns, host_resolv ? host_resolv.value() : std::string(),
                              upstream ? upstream.value() : std::string());
    write_in_place(l.bundle + "/resolv.conf", resolv);
    write_in_place(l.bundle + "/hostname", l.hostname + "\n");
    const bool has_ports = !l.ports.empty();
    live_[c.id] = std::move(l);
    write_etc_files(live_[c.id]);
    if (has_ports)
        if (auto st = apply_rules(); !st) {
            Error e = std::move(st).error();
            stopped(c.id);
            return e;
        }
    return run_file(c.id);
}

void NetworkManager::announce(const std::string& id)
{
    auto it = live_.find(id);
    if (it == live_.end()) return;
    std::set<std::string> nets;
    for (const auto& a : it->second.attachments) nets.insert(a.network);
    refresh_hosts(nets);
}

void NetworkManager::cleanup(const Live& l)
{
    if (!l.attachments.empty()) {
        // Looked up here (RTM_GETLINK takes no lock in the kernel), deleted by the reaper.
        if (auto nl = net::Netlink::open(); nl) {
            for (const auto& a : l.attachments)
                if (auto idx = nl->ifindex(a.host_ifname); idx) reaper_.remove(idx.value(), a.host_ifname);
        }
    }
    for (const auto& a : l.attachments) store_.release(a.network, l.id);
    ::unlink(run_file(l.id).c_str());
}

void NetworkManager::stopped(const std::string& id)
{
    auto it = live_.find(id);
    if (it == live_.end()) return;
    Live l = std::move(it->second);
    live_.erase(it);
    cleanup(l);
    if (!l.ports.empty())
        if (auto st = apply_rules(); !st) qWarning("helper: %s", st.error().message().c_str());
    std::set<std::string> nets;
    for (const auto& a : l.attachments) nets.insert(a.network);
    refresh_hosts(nets);
}

Result<json> NetworkManager::create(const std::string& name, const std::string& subnet_text,
                                    const std::string& gateway_text)
{
    if (!valid_network_name(name))
        return Error(Errc::invalid_argument, "name: expected [a-zA-Z0-9][a-zA-Z0-9_.-]{0,31}");
    if (is_mode_word(name) || name == "bridge" || name == "default")
        return Error(Errc::invalid_argument, "name: '" + name + "' is a network mode, not a name you can give");
    if (name == kBuiltin || store_.get(name)) return Error(Errc::already_exists, "network " + name + " exists");
    net::Ipv4Net subnet;
    if (!subnet_text.empty()) {
        auto s = net::Ipv4Net::parse(subnet_text);
        if (!s) return std::move(s).error().wrap("subnet");
        if (s->prefix < 8 || s->prefix > 30)
            return Error(Errc::invalid_argument, "subnet: the prefix must be /8 to /30");
        if (s->addr != s->network())
            return Error(Errc::invalid_argument, "subnet: " + subnet_text + " is not a network address (did you mean " +
                                                     s->subnet().to_string() + "?)");
        subnet = s.value();
        ONGGI_CHECK(check_subnet_free(subnet, ""), "subnet");
    } else {
        bool found = false;
        for (uint32_t k = 0; k < 256 && !found; ++k) {
            subnet = {(10u << 24) | (89u << 16) | (k << 8), 24};
            found = bool(check_subnet_free(subnet, ""));
        }
        if (!found) return Error(Errc::busy, "subnet: no free /24 in 10.89.0.0/16; give one with --subnet");
    }
    uint32_t gateway = subnet.network() + 1;
    if (!gateway_text.empty()) {
        auto g = net::Ipv4Net::parse_address(gateway_text);
        if (!g) return std::move(g).error().wrap("gateway");
        if (!subnet.contains(g.value()) || g.value() == subnet.network() || g.value() == subnet.broadcast())
            return Error(Errc::invalid_argument,
                         "gateway: " + gateway_text + " is not a host address of " + subnet.to_string());
        gateway = g.value();
    }
    NetworkRecord r;
    r.name = name;
    r.id = NameGenerator::random_id();
    r.bridge = "onggi-" + r.id.substr(0, 9);
    r.subnet = subnet;
    r.gateway = gateway;
    r.created = now_rfc3339_nano();
    auto added = store_.add(r);
    if (!added) return std::move(added).error();
    if (auto st = ensure_up(*added.value()); !st) {
        // Undo what was made; what cannot be undone is said in the log (the caller gets the cause).
        auto undo_failed = [&](const Error& e) {
            qWarning("helper: network %s: undoing a failed create: %s", name.c_str(), e.message().c_str());
        };
        auto nl = net::Netlink::open();
        if (!nl) undo_failed(nl.error());
        else if (auto d = nl->delete_link(r.bridge); !d) undo_failed(d.error());
        up_.erase(name);
        if (auto rm = store_.remove(name); !rm) undo_failed(rm.error());
        if (auto rules = apply_rules(); !rules) undo_failed(rules.error());
        return std::move(st).error();
    }
    return r.to_json();
}

Status NetworkManager::remove(const std::string& name, const std::vector<std::string>& users)
{
    const NetworkRecord* n = store_.get(name);
    if (!n && name == kBuiltin) return Error(Errc::bad_state, "onggi is the default network; it cannot be removed");
    if (!n) return Error(Errc::not_found, "no such network: " + name);
    if (n->builtin) return Error(Errc::bad_state, "onggi is the default network; it cannot be removed");
    if (!users.empty()) {
        std::string list;
        for (const auto& u : users) list += (list.empty() ? "" : ", ") + u;
        return Error(Errc::bad_state, "network " + name + " is used by containers: " + list);
    }
    const std::string bridge = n->bridge;
    auto nl = net::Netlink::open();
    if (!nl) return std::move(nl).error();
    ONGGI_CHECK(nl->delete_link(bridge), "network " + name);
    ONGGI_CHECK(store_.remove(name), "network " + name);
    up_.erase(name);
    return apply_rules();
}

json NetworkManager::list() const
{
    json out = json::array();
    bool have_default = false;
    for (const NetworkRecord* r : store_.list()) {
        json j = r->to_json();
        int n = 0;
        for (const auto& [id, l] : live_)
            for (const auto& a : l.attachments) n += a.network == r->name;
        j["containers"] = n;
        j["default"] = r->name == cfg_.default_network;
        if (r->name == kBuiltin) have_default = true;
        out.push_back(j);
    }
    if (!have_default && cfg_.default_network == kBuiltin) {
        // Not used yet: shown as it will be made.
        auto s = net::Ipv4Net::parse(cfg_.default_subnet);
        if (s) {
            net::Ipv4Net sub = s->subnet();
            out.push_back({{"name", kBuiltin},
                           {"id", ""},
                           {"bridge", "onggi0"},
                           {"subnet", sub.to_string()},
                           {"gateway", net::Ipv4Net::format(sub.network() + 1)},
                           {"created", ""},
                           {"builtin", true},
                           {"containers", 0},
                           {"default", true}});
        }
    }
    return out;
}

Result<json> NetworkManager::inspect(const std::string& name) const
{
    const NetworkRecord* n = store_.get(name);
    json j;
    if (n) j = n->to_json();
    else {
        for (const auto& e : list())
            if (e["name"] == name) j = e;
        if (j.is_null()) return Error(Errc::not_found, "no such network: " + name);
    }
    json cs = json::array();
    for (const auto& [id, l] : live_)
        for (const auto& a : l.attachments)
            if (a.network == name)
                cs.push_back({{"id", id},
                              {"name", l.name},
                              {"ip", a.address.address_string()},
                              {"prefix", a.address.prefix},
                              {"host_ifname", a.host_ifname},
                              {"ifname", a.ifname}});
    j["containers"] = cs;
    j["default"] = name == cfg_.default_network;
    if (auto nl = net::Netlink::open(); nl) {
        if (auto br = nl->link(j.value("bridge", "")); br)
            j["bridge_link"] = {{"ifindex", br->ifindex}, {"up", br->up}, {"mac", br->mac}, {"mtu", br->mtu}};
    }
    return j;
}

Status NetworkManager::connect(const NetContainer& c, const std::string& network)
{
    const NetworkRecord* n = store_.get(network);
    if (!n && network == cfg_.default_network) {
        auto d = ensure_default();
        if (!d) return std::move(d).error();
        n = d.value();
    }
    if (!n) return Error(Errc::not_found, "no such network: " + network);
    if (c.net.mode == "host") return Error(Errc::bad_state, "container " + c.name + " uses the host's network");
    if (c.pid <= 0) return {};  // attached at its next start
    Live& l = live_[c.id];
    if (l.id.empty()) {
        l.id = c.id;
        l.name = c.name;
        l.hostname = c.net.hostname.empty() ? c.id.substr(0, 12) : c.net.hostname;
        l.bundle = c.bundle;
    }
    for (const auto& a : l.attachments)
        if (a.network == network)
            return Error(Errc::already_exists, "container " + c.name + " is already on network " + network);
    ONGGI_CHECK(ensure_up(*n), "connect");
    int index = 0;
    while (index < 10 && std::any_of(l.attachments.begin(), l.attachments.end(), [&](const net::Attachment& a) {
               return a.ifname == "eth" + std::to_string(index);
           }))
        ++index;
    if (index >= 10) return Error(Errc::busy, "container " + c.name + " is on 10 networks already");
    auto ip = store_.allocate(*n, c.id, std::nullopt);
    if (!ip) return std::move(ip).error().wrap("connect");
    net::Attachment a;
    a.network = n->name;
    a.bridge = n->bridge;
    a.host_ifname = net::host_veth_name(c.id, index);
    a.ifname = "eth" + std::to_string(index);
    a.address = {ip.value(), n->subnet.prefix};
    a.gateway = n->gateway;
    a.default_route = l.attachments.empty();
    // The record first, then the kernel: a record that cannot be saved changes nothing (a helper
    // restarted later would not know the interface, its lease or its address).
    Live next = l.record();
    next.attachments.push_back(a);
    auto undo = [&] {
        store_.release(n->name, c.id);
        if (l.attachments.empty()) live_.erase(c.id);
    };
    if (auto st = save_live(next); !st) {
        undo();
        return std::move(st).error().wrap("connect: save the network state");
    }
    if (auto st = net::attach_container(c.pid, a); !st) {
        if (auto back = save_live(l); !back)
            qWarning("helper: container %s: put back the network state after a failed connect: %s",
                     c.id.substr(0, 12).c_str(), back.error().message().c_str());
        undo();
        return std::move(st).error().wrap("connect");
    }
    l.attachments.push_back(a);
    refresh_hosts({network});
    return {};
}

Status NetworkManager::disconnect(const NetContainer& c, const std::string& network)
{
    auto it = live_.find(c.id);
    if (it == live_.end()) return {};
    Live& l = it->second;
    auto at = std::find_if(l.attachments.begin(), l.attachments.end(),
                           [&](const net::Attachment& a) { return a.network == network; });
    if (at == l.attachments.end()) return {};
    auto nl = net::Netlink::open();
    if (!nl) return std::move(nl).error();
    // The record first, then the kernel, as connect: a record that cannot be saved changes nothing.
    const bool primary = at == l.attachments.begin();
    Live next = l.record();
    next.attachments.erase(next.attachments.begin() + (at - l.attachments.begin()));
    if (primary) next.ports.clear();  // published to the address that goes
    ONGGI_CHECK(save_live(next), "disconnect: save the network state");
    if (auto st = nl->delete_link(at->host_ifname); !st) {
        if (auto back = save_live(l); !back)
            qWarning("helper: container %s: put back the network state after a failed disconnect: %s",
                     c.id.substr(0, 12).c_str(), back.error().message().c_str());
        return std::move(st).error().wrap("disconnect");
    }
    l.attachments.erase(at);
    store_.release(network, c.id);
    if (primary && !l.ports.empty()) {
        l.ports.clear();
        l.port_fds.clear();
        if (auto rules = apply_rules(); !rules)
            qWarning("helper: container %s: rules after its published ports went with %s: %s",
                     c.id.substr(0, 12).c_str(), network.c_str(), rules.error().message().c_str());
    }
    refresh_hosts({network});
    write_etc_files(l);
    return {};
}

json NetworkManager::container_view(const std::string& id) const
{
    json nets = json::object(), ports = json::array();
    auto it = live_.find(id);
    if (it != live_.end()) {
        for (const auto& a : it->second.attachments)
            nets[a.network] = {{"ip", a.address.address_string()},
                               {"prefix", a.address.prefix},
                               {"gateway", net::Ipv4Net::format(a.gateway)},
                               {"bridge", a.bridge},
                               {"host_ifname", a.host_ifname},
                               {"ifname", a.ifname}};
        for (const auto& p : it->second.ports) ports.push_back(p.to_json());
    }
    return {{"networks", nets}, {"ports", ports}};
}

json NetworkManager::kernel_view()
{
    json out = {{"links", json::array()}, {"addresses", json::array()}, {"routes", json::array()}, {"rules", ""}};
    auto nl = net::Netlink::open();
    if (!nl) return out;
    std::set<int> bridges;
    std::set<std::string> bridge_names;
    for (const NetworkRecord* r : store_.list()) bridge_names.insert(r->bridge);
    auto links = nl->links();
    if (links) {
        for (const auto& l : links.value())
            if (bridge_names.count(l.name)) bridges.insert(l.ifindex);
        for (const auto& l : links.value()) {
            if (!bridges.count(l.ifindex) && !bridges.count(l.master)) continue;
            json j = {{"ifindex", l.ifindex},
                      {"name", l.name},
                      {"kind", l.kind},
                      {"master", l.master},
                      {"peer_ifindex", l.peer_ifindex},
                      {"up", l.up},
                      {"mac", l.mac},
                      {"mtu", l.mtu},
                      {"rx_bytes", l.rx_bytes},
                      {"tx_bytes", l.tx_bytes}};
            for (const auto& [id, lv] : live_)
                for (const auto& a : lv.attachments)
                    if (a.host_ifname == l.name)
                        j["container"] = {
                            {"id", id}, {"name", lv.name}, {"ifname", a.ifname}, {"ip", a.address.to_string()}};
            out["links"].push_back(j);
        }
    }
    if (auto addrs = nl->addresses(); addrs)
        for (const auto& a : addrs.value())
            if (bridges.count(a.ifindex))
                out["addresses"].push_back({{"ifindex", a.ifindex}, {"address", a.address.to_string()}});
    if (auto routes = nl->routes(); routes)
        for (const auto& r : routes.value())
            if (bridges.count(r.ifindex) && r.table == RT_TABLE_MAIN)
                out["routes"].push_back({{"destination", r.destination.subnet().to_string()},
                                         {"ifindex", r.ifindex},
                                         {"gateway", r.gateway ? net::Ipv4Net::format(r.gateway) : ""}});
    if (!store_.list().empty())
        if (auto rules = firewall_.list(); rules) out["rules"] = rules.value();
    return out;
}

}  // namespace onggi::helper

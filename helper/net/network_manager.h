// NetworkManager: Onggi's container networks on this host (design.md "Networks"). It owns the
// network records and address leases (NetworkStore), the bridges, the rules (Firewall, one
// table of our own) and the host ports a running container publishes (held open as reserved
// sockets, so that a port in use is a clear error before anything is made).
//
// Per running container it keeps <run>/net/<id>.json (attachments, resolved ports): the shim
// reads the attachments from it (onggi-shim --network) and a restarted helper learns from it
// what to keep and what to clean. Main thread only.
#pragma once

#include "engine/core/result.h"
#include "engine/core/unique_fd.h"
#include "engine/net/attachment.h"
#include "helper/net/firewall.h"
#include "helper/net/link_reaper.h"
#include "helper/net/net_options.h"
#include "helper/net/network_store.h"
#include "helper/rpc.h"

#include <sys/types.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace onggi::helper {

struct NetworkManagerConfig {
    std::string state_dir;                  // <state>/networks holds records and leases
    std::string run_dir;                    // <run>/net holds one file per running container
    std::string default_network = "onggi";  // what a container gets without --network
    std::string default_subnet = "10.88.0.0/24";
};

// What the manager needs to know of a container (from its record).
struct NetContainer {
    std::string id, name;
    uid_t owner = 0;
    pid_t pid = 0;  // running init, for network.connect
    ContainerNetwork net;
    std::string bundle;  // hosts, resolv.conf and hostname are written here
};

class NetworkManager {
public:
    explicit NetworkManager(NetworkManagerConfig cfg);
    ~NetworkManager();

    Status load();
    // After every container was adopted: the per-container files of containers that are not
    // running any more are cleaned (veths, leases), ports of running ones reserved again, and
    // the rules replaced once from the state. `running`: ids of running/paused containers.
    void restore(const std::set<std::string>& running);

    const std::string& default_network() const { return cfg_.default_network; }
    // create: "" = the default; "bridge" = the default network (docker's word). Validates the
    // mode against the options (ports need a network) and the peer (ports below
    // ip_unprivileged_port_start are root's). Returns the mode to keep.
    Result<std::string> resolve_mode(const std::string& requested, const NetOptions& o, uid_t peer_uid) const;

    // start: everything but the veths (done by the shim): bridges up, addresses leased, host
    // ports reserved, rules, /etc files. Returns the file for onggi-shim --network, or "" when
    // the container has no network of ours. On failure nothing of it is left.
    Result<std::string> prepare_start(const NetContainer& c);
    // The shim was launched: the other containers on its user-defined networks learn its name
    // (their hosts files), while the shim makes the container. Not after the start: those writes
    // (1.2 ms with 50 peers, bench/net) would delay the reply; and still before it, so a peer
    // resolves the name as soon as the start is answered. A start that fails takes the name
    // back (stopped). Names resolve from a few ms before the container's init runs, as with
    // docker's resolver, which learns the name when the container joins the network.
    void announce(const std::string& id);
    // The container stopped, or its start failed: veths, leases, ports, rules go.
    void stopped(const std::string& id);
    bool is_live(const std::string& id) const { return live_.count(id) != 0; }
    // The host ends of stopped containers are deleted off the main thread (LinkReaper): wait for
    // the ones queued so far.
    void flush_deletes() { reaper_.flush(); }

    // network.* (docs/protocol.md)
    Result<json> create(const std::string& name, const std::string& subnet, const std::string& gateway);
    // `users`: names of the containers whose network it is (refused when not empty).
    Status remove(const std::string& name, const std::vector<std::string>& users);
    json list() const;
    Result<json> inspect(const std::string& name) const;
    // Running container: attach now (eth1, ...). The caller keeps the record's `more` list.
    Status connect(const NetContainer& c, const std::string& network);
    Status disconnect(const NetContainer& c, const std::string& network);
    const NetworkRecord* network(const std::string& name) const { return store_.get(name); }

    // For container inspect: {"networks":{name:{ip,prefix,gateway,bridge,host_ifname,ifname}},"ports":[...]}
    json container_view(const std::string& id) const;
    // The kernel's view for the Network page: links, addresses, routes, our rules.
    json kernel_view();

private:
    struct Live {
        std::string id, name, hostname, bundle;
        std::vector<net::Attachment> attachments;
        std::vector<PortMapping> ports;  // resolved: host_port set
        std::vector<ExtraHost> extra_hosts;
        std::vector<UniqueFd> port_fds;
        json to_json() const;
        // Everything but the port fds: the record to save before a change is made in the kernel.
        Live record() const;
    };
    Result<const NetworkRecord*> ensure_default();
    Status ensure_up(const NetworkRecord& n);
    Status check_subnet_free(const net::Ipv4Net& subnet, const std::string& except_network) const;
    Status apply_rules();
    Status reserve_ports(Live& l);
    // Per user-defined network, the hosts line naming each container on it (by id, in id order).
    using PeerLines = std::map<std::string, std::vector<std::pair<const std::string*, std::string>>>;
    PeerLines peer_lines() const;
    void write_etc_files(const Live& l, const PeerLines& peers) const;
    void write_etc_files(const Live& l) const { write_etc_files(l, peer_lines()); }
    void refresh_hosts(const std::set<std::string>& networks);
    void cleanup(const Live& l);
    std::string run_file(const std::string& id) const { return cfg_.run_dir + "/net/" + id + ".json"; }
    Status save_live(const Live& l) const;

    NetworkManagerConfig cfg_;
    NetworkStore store_;
    Firewall firewall_;
    std::set<std::string> up_;  // networks whose bridge this helper has brought up
    std::map<std::string, Live> live_;
    bool restoring_ = true;  // no rule changes until restore() replaced them once
    mutable std::set<std::string> warned_;
    LinkReaper reaper_;
};

}  // namespace onggi::helper

// Netlink: one rtnetlink socket (libnl-route-3) in one network namespace, and the few link,
// address and route operations a container network needs. Every call names what it did in its
// error ("create veth vethab12cd: File exists"). Not thread-safe: one socket, one user.
//
// open_in(pid) makes the socket inside the network namespace of `pid` (setns on the calling
// thread to create it, then back): the socket stays bound to that namespace, so nothing else of
// the caller moves. The caller makes sure `pid` is the process it means (pid reuse).
#pragma once

#include "engine/core/result.h"
#include "engine/net/ipv4_net.h"

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

struct nl_sock;

namespace onggi::net {

struct LinkInfo {
    int ifindex = 0;
    std::string name;
    std::string kind;      // "bridge", "veth", "" (loopback, physical)
    int master = 0;        // ifindex of the bridge it is a port of, 0 = none
    int peer_ifindex = 0;  // IFLA_LINK: a veth's peer (in its own namespace), 0 = none
    bool up = false;
    unsigned mtu = 0;
    std::string mac;
    uint64_t rx_bytes = 0, tx_bytes = 0, rx_packets = 0, tx_packets = 0;
};

struct AddressInfo {
    int ifindex = 0;
    Ipv4Net address;
};

struct RouteInfo {
    Ipv4Net destination;   // 0.0.0.0/0 = default
    uint32_t gateway = 0;  // 0 = on link
    int ifindex = 0;
    int table = 0;
    int type = 0;  // RTN_UNICAST, RTN_LOCAL, ...
};

class Netlink {
public:
    static Result<Netlink> open();
    static Result<Netlink> open_in(pid_t pid);
    Netlink(Netlink&& o) noexcept;
    Netlink& operator=(Netlink&& o) noexcept;
    Netlink(const Netlink&) = delete;
    Netlink& operator=(const Netlink&) = delete;
    ~Netlink();

    // not_found when there is no such link.
    Result<int> ifindex(const std::string& name);
    Result<LinkInfo> link(const std::string& name);
    Result<std::vector<LinkInfo>> links();
    Result<std::vector<AddressInfo>> addresses();
    Result<std::vector<RouteInfo>> routes();  // IPv4, every table

    // A bridge, up, with `gateway` as its address (both kept when already there).
    // Returns its ifindex.
    Result<int> ensure_bridge(const std::string& name, const Ipv4Net& gateway);
    // One message: a veth pair `host_name` <-> `peer_name`, the host end a port of the bridge
    // `bridge_ifindex` and up, the peer moved into the network namespace of `peer_pid` (down:
    // the kernel cannot bring a peer up before it is paired; set_up() it from inside).
    Status create_veth(const std::string& host_name, int bridge_ifindex, const std::string& peer_name, pid_t peer_pid);
    Status add_address(int ifindex, const Ipv4Net& address);
    Status set_up(int ifindex);
    Status add_default_route(uint32_t gateway);
    // Done when it is not there.
    Status delete_link(const std::string& name);
    Status delete_link(int ifindex);

private:
    explicit Netlink(nl_sock* sk) : sk_(sk) {}
    nl_sock* sk_ = nullptr;
};

// The attachment of one container network (engine/net/attachment.h), done from the host
// side after its clone and before its init runs. Nothing is left on the host when it fails.
struct Attachment;
Status attach_container(pid_t pid, const Attachment& a);

// The name of a container's host-side veth: "veth" + 10 hex of its id + the attachment's index
// (0-9): 15 characters, IFNAMSIZ - 1.
std::string host_veth_name(const std::string& container_id, int index);

}  // namespace onggi::net

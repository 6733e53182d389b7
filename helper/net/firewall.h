// Firewall: Onggi's rules, all in one nftables table of its own (`table inet onggi`), written
// through libnftables. The whole table is replaced in one transaction from the helper's state
// (networks, and the published ports of running containers): applying the same state twice
// gives the same table, a helper killed with -9 leaves a table that the next start replaces,
// and no other table is ever read or touched.
//
//   nat prerouting/output: traffic to a local address and a published port -> DNAT to the container
//   nat postrouting:       masquerade of each subnet going out of its bridge (outbound NAT), and of
//                          127.0.0.0/8 going into a bridge (published ports reached via localhost,
//                          with route_localnet on the bridge)
//   filter forward:        no traffic between two Onggi networks
//   filter prerouting:     nothing addressed to 127.0.0.0/8 may come in from a bridge (CVE-2020-8558);
//                          traffic between two containers of one network (it stays on the bridge)
//                          is not tracked: where br_netfilter is loaded, bridged IPv4 passes the
//                          inet hooks, and conntrack was most of what the bridge cost against a
//                          plain veth pair (bench/net). Traffic to the gateway stays tracked: it
//                          is the address published ports and their hairpin NAT answer on.
#pragma once

#include "engine/core/result.h"
#include "engine/net/ipv4_net.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::helper {

struct FirewallNetwork {
    std::string bridge;
    net::Ipv4Net subnet;
    uint32_t gateway = 0;  // 0 = the subnet's first address
};

struct FirewallPort {
    std::string host_ip;  // "" = any local address
    uint16_t host_port = 0;
    std::string protocol;  // tcp | udp
    uint32_t container_ip = 0;
    uint16_t container_port = 0;
    std::string owner;  // the container's short id, as the rule's comment
};

class Firewall {
public:
    static constexpr const char* kTable = "onggi";
    // The nft script that replaces the table (exposed for the unit tests).
    static std::string script(const std::vector<FirewallNetwork>& nets, const std::vector<FirewallPort>& ports);
    Status apply(const std::vector<FirewallNetwork>& nets, const std::vector<FirewallPort>& ports);
    Status remove_table();
    // `nft list table inet onggi` as text ("" when there is no table).
    Result<std::string> list();
};

}  // namespace onggi::helper

// Attachment: what a container needs on one network, as the helper hands it to the shim
// (`onggi-shim run --network FILE`, docs/shim.md): the veth pair into its namespace, eth0's
// address, and on its first network the default route. One record, decoded once, strictly.
#pragma once

#include "engine/core/result.h"
#include "engine/net/ipv4_net.h"

#include <string>
#include <vector>

namespace onggi::net {

struct Attachment {
    std::string network;      // "onggi"
    std::string bridge;       // "onggi0"
    std::string host_ifname;  // "veth3f2a9c01b70"
    std::string ifname = "eth0";
    Ipv4Net address;       // 10.88.0.5/24
    uint32_t gateway = 0;  // 10.88.0.1
    bool default_route = true;
};

// {"attachments":[{"network","bridge","host_ifname","ifname","address":"a.b.c.d/n","gateway","default_route"}]}
std::string attachments_to_json(const std::vector<Attachment>& list);
Result<std::vector<Attachment>> attachments_from_json(const std::string& text);

// An interface name the kernel takes: 1..15 characters, no '/', ':' or white space, not . or ..
bool valid_ifname(const std::string& name);

}  // namespace onggi::net

// NetOptions: a container's network options as container.create takes them (docs/protocol.md)
// and container.json keeps them: published ports, exposed ports, a fixed address, DNS servers,
// extra /etc/hosts entries. Decoded strictly: a bad port, protocol or address names its field.
#pragma once

#include "engine/core/result.h"
#include "helper/rpc.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::helper {

struct PortMapping {
    std::string host_ip;     // "" = every address of the host
    uint16_t host_port = 0;  // 0 = one the kernel picks (publish_all, or "-p 80")
    uint16_t container_port = 0;
    std::string protocol = "tcp";  // tcp | udp
    bool operator==(const PortMapping&) const = default;
    json to_json() const;
    std::string to_string() const;  // "0.0.0.0:8080->80/tcp"
};

struct ExtraHost {
    std::string name, ip;
};

struct NetOptions {
    std::string ip;  // fixed address on the container's network ("" = allocated)
    std::vector<PortMapping> ports;
    bool publish_all = false;            // -P: every exposed port on a port the kernel picks
    std::vector<PortMapping> expose;     // container_port + protocol only
    std::vector<std::string> dns;        // name servers instead of the host's
    std::vector<ExtraHost> extra_hosts;  // --add-host name:ip

    bool empty() const
    {
        return ip.empty() && ports.empty() && !publish_all && expose.empty() && dns.empty() && extra_hosts.empty();
    }
    json to_json() const;
};

// The most ports in `ports` and in `expose` (the image's exposed ports included).
inline constexpr size_t kMaxExpose = 256;

// The create keys this decoder owns: ports, publish_all, expose, ip, dns, extra_hosts.
Result<NetOptions> decode_net_options(const json& create_params);
// The network names users may give: [a-zA-Z0-9][a-zA-Z0-9_.-]{0,31}; none/host/private/bridge are modes.
bool valid_network_name(const std::string& name);

}  // namespace onggi::helper

namespace onggi::helper {

// What container.json keeps about a container's network (resolved at create).
struct ContainerNetwork {
    std::string mode = "private";   // none | host | private | a network's name (its first network)
    std::vector<std::string> more;  // networks connected later (network.connect)
    NetOptions options;
    std::string hostname;
    bool on_bridge() const { return mode != "none" && mode != "host" && mode != "private"; }
    std::vector<std::string> networks() const;  // mode (when a network) then more
    json to_json() const;
    static ContainerNetwork from_json(const json& j);  // tolerant: a damaged entry is "private"
};

}  // namespace onggi::helper

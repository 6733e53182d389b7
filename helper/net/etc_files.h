// The /etc/hosts and /etc/resolv.conf the helper writes for a container on a network (bind-mounted
// from its bundle, as docker does). Pure text functions, unit-tested.
#pragma once

#include "helper/net/net_options.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace onggi::helper {

struct HostsEntry {
    std::string ip;
    std::vector<std::string> names;
};

// One line of a hosts file: "IP<tab>NAME NAME...\n"; empty without an address or a name.
std::string hosts_line(const HostsEntry& e);

// localhost lines, the container's own address with its host name (and name), --add-host
// entries, then `peers` (the other containers on its user-defined networks).
std::string hosts_file(const std::vector<HostsEntry>& own, const std::vector<ExtraHost>& extra,
                       const std::vector<HostsEntry>& peers);

// resolv.conf for a container: `dns` when given; else the name servers of `host_text` (the host's
// /etc/resolv.conf); when those are only loopback addresses (a local stub such as systemd-resolved's
// 127.0.0.53, unreachable from the container), those of `upstream_text`
// (/run/systemd/resolve/resolv.conf); when still none, 8.8.8.8 and 8.8.4.4 (docker's defaults).
// search, domain and options lines of the file used are kept.
std::string resolv_conf(const std::vector<std::string>& dns, const std::string& host_text,
                        const std::string& upstream_text);

}  // namespace onggi::helper

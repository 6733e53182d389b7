#include "helper/net/etc_files.h"

#include <sstream>

namespace onggi::helper {

std::string hosts_line(const HostsEntry& e)
{
    if (e.ip.empty() || e.names.empty()) return {};
    std::string s = e.ip + "\t";
    for (size_t i = 0; i < e.names.size(); ++i) s += (i ? " " : "") + e.names[i];
    return s + "\n";
}

std::string hosts_file(const std::vector<HostsEntry>& own, const std::vector<ExtraHost>& extra,
                       const std::vector<HostsEntry>& peers)
{
    std::string s = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    for (const auto& e : own) s += hosts_line(e);
    for (const auto& h : extra) s += h.ip + "\t" + h.name + "\n";
    for (const auto& e : peers) s += hosts_line(e);
    return s;
}

namespace {

struct Parsed {
    std::vector<std::string> servers;  // non-loopback IPv4
    bool had_loopback = false;
    std::vector<std::string> other;  // search / domain / options lines
};

Parsed parse(const std::string& text)
{
    Parsed p;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string key, value;
        ls >> key >> value;
        if (key == "nameserver") {
            if (value.rfind("127.", 0) == 0 || value == "::1") p.had_loopback = true;
            else if (value.find(':') == std::string::npos && !value.empty()) p.servers.push_back(value);
        } else if (key == "search" || key == "domain" || key == "options") {
            p.other.push_back(line);
        }
    }
    return p;
}

}  // namespace

std::string resolv_conf(const std::vector<std::string>& dns, const std::string& host_text,
                        const std::string& upstream_text)
{
    Parsed p = parse(host_text);
    if (p.servers.empty() && p.had_loopback && !upstream_text.empty()) p = parse(upstream_text);
    std::string s;
    if (!dns.empty()) p.servers = dns;
    if (p.servers.empty()) p.servers = {"8.8.8.8", "8.8.4.4"};
    for (const auto& l : p.other) s += l + "\n";
    for (const auto& ns : p.servers) s += "nameserver " + ns + "\n";
    return s;
}

}  // namespace onggi::helper

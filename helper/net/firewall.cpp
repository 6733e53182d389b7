#include "helper/net/firewall.h"

#include <nftables/libnftables.h>

#include <memory>

namespace onggi::helper {

namespace {

struct Ctx {
    nft_ctx* c = nft_ctx_new(NFT_CTX_DEFAULT);
    Ctx()
    {
        if (c) {
            nft_ctx_buffer_output(c);
            nft_ctx_buffer_error(c);
        }
    }
    ~Ctx()
    {
        if (c) nft_ctx_free(c);
    }
    Result<std::string> run(const std::string& cmd, const std::string& what)
    {
        if (!c) return Error(Errc::system, what + ": libnftables: out of memory");
        if (nft_run_cmd_from_buffer(c, cmd.c_str()) != 0) {
            std::string err = nft_ctx_get_error_buffer(c);
            while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
            if (err.size() > 600) err = err.substr(0, 600) + "...";
            return Error(Errc::system, what + ": nftables: " + err);
        }
        return std::string(nft_ctx_get_output_buffer(c));
    }
};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::string Firewall::script(const std::vector<FirewallNetwork>& nets, const std::vector<FirewallPort>& ports)
{
    std::string t = kTable;
    std::string s;
    // Create-then-delete makes the delete safe when the table is not there; the new table
    // follows in the same transaction.
    s += "table inet " + t + "\n";
    s += "delete table inet " + t + "\n";
    s += "table inet " + t + " {\n";
    s += "  chain publish {\n";
    for (const auto& p : ports) {
        s += "    meta nfproto ipv4 ";
        if (!p.host_ip.empty()) s += "ip daddr " + p.host_ip + " ";
        s += p.protocol + " dport " + std::to_string(p.host_port) + " dnat ip to " +
             net::Ipv4Net::format(p.container_ip) + ":" + std::to_string(p.container_port) + " comment " +
             quoted(p.owner) + "\n";
    }
    s += "  }\n";
    s += "  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n";
    s += "    fib daddr type local jump publish\n  }\n";
    s += "  chain output {\n    type nat hook output priority -100; policy accept;\n";
    s += "    fib daddr type local jump publish\n  }\n";
    s += "  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n";
    for (const auto& n : nets) {
        s += "    ip saddr " + n.subnet.subnet().to_string() + " oifname != " + quoted(n.bridge) + " masquerade\n";
        s += "    oifname " + quoted(n.bridge) + " ip saddr 127.0.0.0/8 masquerade\n";
        // A container reaching another one through a published port on the host (hairpin).
        s += "    oifname " + quoted(n.bridge) + " ip saddr " + n.subnet.subnet().to_string() +
             " ct status dnat masquerade\n";
    }
    s += "  }\n";
    s += "  chain forward {\n    type filter hook forward priority filter; policy accept;\n";
    for (const auto& a : nets)
        for (const auto& b : nets)
            if (a.bridge != b.bridge)
                s += "    iifname " + quoted(a.bridge) + " oifname " + quoted(b.bridge) + " drop\n";
    s += "  }\n";
    s += "  chain guard {\n    type filter hook prerouting priority raw; policy accept;\n";
    for (const auto& n : nets) {
        s += "    iifname " + quoted(n.bridge) + " ip daddr 127.0.0.0/8 drop\n";
        const std::string sub = n.subnet.subnet().to_string();
        const uint32_t gw = n.gateway ? n.gateway : n.subnet.network() + 1;
        s += "    iifname " + quoted(n.bridge) + " ip saddr " + sub + " ip daddr " + sub +
             " ip daddr != " + net::Ipv4Net::format(gw) + " notrack\n";
    }
    s += "  }\n";
    s += "}\n";
    return s;
}

Status Firewall::apply(const std::vector<FirewallNetwork>& nets, const std::vector<FirewallPort>& ports)
{
    Ctx ctx;
    auto r = ctx.run(script(nets, ports), "apply rules");
    if (!r) return std::move(r).error();
    return {};
}

Status Firewall::remove_table()
{
    Ctx ctx;
    auto r = ctx.run(std::string("table inet ") + kTable + "\ndelete table inet " + kTable + "\n", "remove rules");
    if (!r) return std::move(r).error();
    return {};
}

Result<std::string> Firewall::list()
{
    Ctx ctx;
    auto r = ctx.run(std::string("list table inet ") + kTable, "list rules");
    if (!r && r.error().context.find("No such file") != std::string::npos) return std::string();
    return r;
}

}  // namespace onggi::helper

#include "engine/net/attachment.h"

#include <nlohmann/json.hpp>

namespace onggi::net {

using nlohmann::json;

bool valid_ifname(const std::string& n)
{
    if (n.empty() || n.size() > 15 || n == "." || n == "..") return false;
    for (char c : n)
        if (c == '/' || c == ':' || c <= ' ' || c == 127) return false;
    return true;
}

std::string attachments_to_json(const std::vector<Attachment>& list)
{
    json a = json::array();
    for (const auto& x : list)
        a.push_back({{"network", x.network},
                     {"bridge", x.bridge},
                     {"host_ifname", x.host_ifname},
                     {"ifname", x.ifname},
                     {"address", x.address.to_string()},
                     {"gateway", Ipv4Net::format(x.gateway)},
                     {"default_route", x.default_route}});
    return json{{"attachments", a}}.dump();
}

Result<std::vector<Attachment>> attachments_from_json(const std::string& text)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("attachments") || !j["attachments"].is_array())
        return Error(Errc::invalid_argument, "network file: expected {\"attachments\":[...]}");
    std::vector<Attachment> out;
    int i = 0;
    for (const auto& e : j["attachments"]) {
        const std::string where = "attachments[" + std::to_string(i++) + "]";
        if (!e.is_object()) return Error(Errc::invalid_argument, where + ": expected an object");
        auto str = [&](const char* k, std::string& v) -> Status {
            auto it = e.find(k);
            if (it == e.end() || !it->is_string())
                return Error(Errc::invalid_argument, where + "." + k + ": expected a string");
            v = it->get<std::string>();
            return {};
        };
        Attachment a;
        std::string addr, gw;
        ONGGI_CHECK(str("network", a.network), "network file");
        ONGGI_CHECK(str("bridge", a.bridge), "network file");
        ONGGI_CHECK(str("host_ifname", a.host_ifname), "network file");
        ONGGI_CHECK(str("ifname", a.ifname), "network file");
        ONGGI_CHECK(str("address", addr), "network file");
        ONGGI_CHECK(str("gateway", gw), "network file");
        for (const auto* n : {&a.bridge, &a.host_ifname, &a.ifname})
            if (!valid_ifname(*n))
                return Error(Errc::invalid_argument, "network file: " + where + ": bad interface name '" + *n + "'");
        auto an = Ipv4Net::parse(addr);
        if (!an) return std::move(an).error().wrap("network file: " + where + ".address");
        auto g = Ipv4Net::parse_address(gw);
        if (!g) return std::move(g).error().wrap("network file: " + where + ".gateway");
        a.address = an.value();
        a.gateway = g.value();
        a.default_route = e.value("default_route", false);
        out.push_back(std::move(a));
    }
    if (out.size() > 10) return Error(Errc::invalid_argument, "network file: at most 10 attachments");
    return out;
}

}  // namespace onggi::net

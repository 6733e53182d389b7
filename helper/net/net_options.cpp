#include "helper/net/net_options.h"
#include "engine/net/ipv4_net.h"

#include <regex>

namespace onggi::helper {

namespace {

Error bad(const std::string& field, const std::string& why)
{
    return Error(Errc::invalid_argument, field + ": " + why);
}

Result<uint16_t> port_number(const json& v, const std::string& field, bool zero_ok)
{
    if (!v.is_number_integer()) return bad(field, "expected an integer port");
    int64_t p = v.get<int64_t>();
    if (p < (zero_ok ? 0 : 1) || p > 65535)
        return bad(field, "port " + std::to_string(p) + " is out of range (" + (zero_ok ? "0" : "1") + "..65535)");
    return uint16_t(p);
}

Status check_proto(const std::string& p, const std::string& field)
{
    if (p != "tcp" && p != "udp") return bad(field, "unknown protocol '" + p + "' (tcp or udp)");
    return {};
}

}  // namespace

bool valid_network_name(const std::string& name)
{
    static const std::regex re("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,31}");
    return std::regex_match(name, re);
}

json PortMapping::to_json() const
{
    return {{"host_ip", host_ip}, {"host_port", host_port}, {"container_port", container_port}, {"protocol", protocol}};
}

std::string PortMapping::to_string() const
{
    return (host_ip.empty() ? std::string("0.0.0.0") : host_ip) + ":" + std::to_string(host_port) + "->" +
           std::to_string(container_port) + "/" + protocol;
}

json NetOptions::to_json() const
{
    json p = json::array(), e = json::array(), h = json::array();
    for (const auto& m : ports) p.push_back(m.to_json());
    for (const auto& m : expose) e.push_back({{"port", m.container_port}, {"protocol", m.protocol}});
    for (const auto& x : extra_hosts) h.push_back({{"name", x.name}, {"ip", x.ip}});
    return {{"ip", ip}, {"ports", p}, {"publish_all", publish_all}, {"expose", e}, {"dns", dns}, {"extra_hosts", h}};
}

Result<NetOptions> decode_net_options(const json& in)
{
    NetOptions o;
    if (!in.is_object()) return o;
    if (auto it = in.find("ip"); it != in.end() && !it->is_null()) {
        if (!it->is_string()) return bad("ip", "expected a string");
        o.ip = it->get<std::string>();
        if (!o.ip.empty() && !net::Ipv4Net::parse_address(o.ip))
            return bad("ip", "'" + o.ip.substr(0, 64) + "' is not an IPv4 address");
    }
    if (auto it = in.find("publish_all"); it != in.end() && !it->is_null()) {
        if (!it->is_boolean()) return bad("publish_all", "expected true or false");
        o.publish_all = it->get<bool>();
    }
    if (auto it = in.find("ports"); it != in.end() && !it->is_null()) {
        if (!it->is_array() || it->size() > 256) return bad("ports", "expected an array of at most 256 ports");
        for (size_t i = 0; i < it->size(); ++i) {
            const json& e = (*it)[i];
            const std::string f = "ports[" + std::to_string(i) + "]";
            if (!e.is_object()) return bad(f, "expected an object");
            for (auto k = e.begin(); k != e.end(); ++k)
                if (k.key() != "host_ip" && k.key() != "host_port" && k.key() != "container_port" &&
                    k.key() != "protocol")
                    return bad(f + "." + k.key().substr(0, 32), "unknown field");
            PortMapping m;
            if (!e.contains("container_port")) return bad(f + ".container_port", "required");
            auto cp = port_number(e["container_port"], f + ".container_port", false);
            if (!cp) return std::move(cp).error();
            m.container_port = cp.value();
            if (e.contains("host_port")) {
                auto hp = port_number(e["host_port"], f + ".host_port", true);
                if (!hp) return std::move(hp).error();
                m.host_port = hp.value();
            }
            if (e.contains("protocol")) {
                if (!e["protocol"].is_string()) return bad(f + ".protocol", "expected a string");
                m.protocol = e["protocol"].get<std::string>();
                ONGGI_CHECK(check_proto(m.protocol, f + ".protocol"), "params");
            }
            if (e.contains("host_ip")) {
                if (!e["host_ip"].is_string()) return bad(f + ".host_ip", "expected a string");
                m.host_ip = e["host_ip"].get<std::string>();
                if (m.host_ip == "0.0.0.0") m.host_ip.clear();
                if (!m.host_ip.empty() && !net::Ipv4Net::parse_address(m.host_ip))
                    return bad(f + ".host_ip", "'" + m.host_ip.substr(0, 64) + "' is not an IPv4 address");
            }
            for (const auto& prev : o.ports)
                if (prev.host_port != 0 && prev.host_port == m.host_port && prev.protocol == m.protocol &&
                    (prev.host_ip.empty() || m.host_ip.empty() || prev.host_ip == m.host_ip))
                    return bad(f + ".host_port",
                               "host port " + std::to_string(m.host_port) + "/" + m.protocol + " is published twice");
            o.ports.push_back(m);
        }
    }
    if (auto it = in.find("expose"); it != in.end() && !it->is_null()) {
        if (!it->is_array() || it->size() > kMaxExpose) return bad("expose", "expected an array of at most 256 ports");
        for (size_t i = 0; i < it->size(); ++i) {
            const json& e = (*it)[i];
            const std::string f = "expose[" + std::to_string(i) + "]";
            if (!e.is_object() || !e.contains("port")) return bad(f, "expected {\"port\":N,\"protocol\":\"tcp\"}");
            PortMapping m;
            auto cp = port_number(e["port"], f + ".port", false);
            if (!cp) return std::move(cp).error();
            m.container_port = cp.value();
            if (e.contains("protocol")) {
                if (!e["protocol"].is_string()) return bad(f + ".protocol", "expected a string");
                m.protocol = e["protocol"].get<std::string>();
                ONGGI_CHECK(check_proto(m.protocol, f + ".protocol"), "params");
            }
            o.expose.push_back(m);
        }
    }
    if (auto it = in.find("dns"); it != in.end() && !it->is_null()) {
        if (!it->is_array() || it->size() > 3) return bad("dns", "expected an array of at most 3 addresses");
        for (const auto& d : *it) {
            if (!d.is_string() || !net::Ipv4Net::parse_address(d.get<std::string>()))
                return bad("dns", "expected IPv4 addresses");
            o.dns.push_back(d.get<std::string>());
        }
    }
    if (auto it = in.find("extra_hosts"); it != in.end() && !it->is_null()) {
        if (!it->is_array() || it->size() > 64) return bad("extra_hosts", "expected an array of at most 64 entries");
        static const std::regex host_re("[a-zA-Z0-9]([a-zA-Z0-9.-]{0,251}[a-zA-Z0-9])?");
        for (size_t i = 0; i < it->size(); ++i) {
            const json& e = (*it)[i];
            const std::string f = "extra_hosts[" + std::to_string(i) + "]";
            if (!e.is_object() || !e.contains("name") || !e.contains("ip") || !e["name"].is_string() ||
                !e["ip"].is_string())
                return bad(f, "expected {\"name\":\"host\",\"ip\":\"a.b.c.d\"}");
            ExtraHost h{e["name"].get<std::string>(), e["ip"].get<std::string>()};
            if (!std::regex_match(h.name, host_re)) return bad(f + ".name", "not a valid host name");
            if (!net::Ipv4Net::parse_address(h.ip)) return bad(f + ".ip", "not an IPv4 address");
            o.extra_hosts.push_back(h);
        }
    }
    return o;
}

}  // namespace onggi::helper

namespace onggi::helper {

std::vector<std::string> ContainerNetwork::networks() const
{
    std::vector<std::string> out;
    if (on_bridge()) out.push_back(mode);
    for (const auto& m : more) out.push_back(m);
    return out;
}

json ContainerNetwork::to_json() const
{
    return {{"mode", mode}, {"more", more}, {"options", options.to_json()}, {"hostname", hostname}};
}

ContainerNetwork ContainerNetwork::from_json(const json& j)
{
    ContainerNetwork n;
    if (!j.is_object()) return n;
    if (j.contains("mode") && j["mode"].is_string()) n.mode = j["mode"].get<std::string>();
    if (j.contains("more") && j["more"].is_array())
        for (const auto& m : j["more"])
            if (m.is_string() && valid_network_name(m.get<std::string>())) n.more.push_back(m.get<std::string>());
    if (j.contains("hostname") && j["hostname"].is_string()) n.hostname = j["hostname"].get<std::string>();
    if (j.contains("options")) {
        json o = j["options"];
        // container.json keeps expose as the create call sends it
        if (auto opts = decode_net_options(o); opts) n.options = opts.value();
    }
    if (n.mode != "none" && n.mode != "host" && n.mode != "private" && !valid_network_name(n.mode)) n.mode = "private";
    return n;
}

}  // namespace onggi::helper

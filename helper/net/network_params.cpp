#include "helper/net/network_params.h"
#include "helper/net/net_options.h"

#include <initializer_list>

namespace onggi::helper {

namespace {

Status only(const json& p, std::initializer_list<const char*> keys)
{
    if (!p.is_null() && !p.is_object()) return Error(Errc::invalid_argument, "params: expected an object");
    if (p.is_null()) return {};
    for (auto it = p.begin(); it != p.end(); ++it) {
        bool known = false;
        for (const char* k : keys) known |= it.key() == k;
        if (!known) return Error(Errc::invalid_argument, it.key().substr(0, 32) + ": unknown field");
    }
    return {};
}

Status str(const json& p, const char* key, std::string& out, bool required, size_t max)
{
    if (p.is_null() || !p.contains(key) || p[key].is_null()) {
        if (required) return Error(Errc::invalid_argument, std::string(key) + ": required");
        return {};
    }
    if (!p[key].is_string()) return Error(Errc::invalid_argument, std::string(key) + ": expected a string");
    out = p[key].get<std::string>();
    if (out.size() > max)
        return Error(Errc::invalid_argument, std::string(key) + ": longer than " + std::to_string(max));
    if (required && out.empty()) return Error(Errc::invalid_argument, std::string(key) + ": required");
    return {};
}

}  // namespace

Result<NetworkCreateParams> decode_network_create(const json& p)
{
    NetworkCreateParams v;
    ONGGI_CHECK(only(p, {"name", "subnet", "gateway"}), "params");
    ONGGI_CHECK(str(p, "name", v.name, true, 32), "params");
    ONGGI_CHECK(str(p, "subnet", v.subnet, false, 18), "params");
    ONGGI_CHECK(str(p, "gateway", v.gateway, false, 15), "params");
    if (!valid_network_name(v.name))
        return Error(Errc::invalid_argument, "params: name: expected [a-zA-Z0-9][a-zA-Z0-9_.-]{0,31}");
    return v;
}

Result<NetworkNameParams> decode_network_name(const json& p)
{
    NetworkNameParams v;
    ONGGI_CHECK(only(p, {"name"}), "params");
    ONGGI_CHECK(str(p, "name", v.name, true, 32), "params");
    return v;
}

Result<NetworkConnectParams> decode_network_connect(const json& p)
{
    NetworkConnectParams v;
    ONGGI_CHECK(only(p, {"network", "container"}), "params");
    ONGGI_CHECK(str(p, "network", v.network, true, 32), "params");
    ONGGI_CHECK(str(p, "container", v.container, true, 128), "params");
    return v;
}

}  // namespace onggi::helper

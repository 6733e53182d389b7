#include "helper/rpc.h"

namespace onggi::helper {

int rpc_code_for(Errc c)
{
    switch (c) {
    case Errc::invalid_argument: return rpc_code::invalid_params;
    case Errc::permission_denied: return -32001;
    case Errc::not_found: return -32010;
    case Errc::already_exists: return -32011;
    case Errc::bad_state: return -32012;
    case Errc::unsupported: return -32013;
    case Errc::busy: return -32014;
    case Errc::timeout: return -32015;
    case Errc::system: return -32020;
    case Errc::ok:
    case Errc::internal: return rpc_code::internal;
    }
    return rpc_code::internal;
}

json error_object(const Error& e)
{
    json o = error_object(rpc_code_for(e.code), errc_name(e.code), e.message());
    o["data"]["errno"] = e.sys_errno;
    return o;
}

json error_object(int code, const std::string& errc, const std::string& message)
{
    return json{{"code", code}, {"message", message}, {"data", {{"errc", errc}, {"errno", 0}}}};
}

// Client strings are echoed in messages; replace invalid UTF-8 instead of throwing on dump.
static std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string reply_line(const json& id, const json& result)
{
    return dump(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

std::string error_line(const json& id, const json& error)
{
    return dump(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", error}});
}

std::string notification_line(const std::string& method, const json& params)
{
    return dump(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

int json_nesting_depth(const std::string& text)
{
    int depth = 0, max_depth = 0;
    bool in_string = false, escape = false;
    for (char c : text) {
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
        else if (c == ']' || c == '}') --depth;
    }
    return max_depth;
}

}  // namespace onggi::helper

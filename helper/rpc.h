// JSON-RPC 2.0 framing helpers shared by the server, the dispatcher and the handlers.
// Error codes are the table of docs/protocol.md; errc names come from engine/core/result.h.
#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace onggi::helper {

using json = nlohmann::json;

inline constexpr size_t kMaxLineBytes = 1 << 20;  // one request line, newline excluded
inline constexpr int kMaxJsonDepth = 64;

namespace rpc_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal = -32603;
// The helper's policy gate refused a privileged ask (errc "forbidden", helper/policy_gate.h).
// Not an engine Errc: only the gate says it, with data naming the option.
inline constexpr int forbidden = -32002;
// The client did not read its output: over a byte cap or the helper's output budget
// (helper/peer_limits.h); sent as the last line before the connection is closed.
inline constexpr int slow_reader = -32016;
}  // namespace rpc_code

// The JSON-RPC code for a stable error code.
int rpc_code_for(Errc c);
// A JSON-RPC error object {"code","message","data":{"errc","errno"}}.
json error_object(const Error& e);
json error_object(int code, const std::string& errc, const std::string& message);
// Whole reply / notification lines (no trailing newline).
std::string reply_line(const json& id, const json& result);
std::string error_line(const json& id, const json& error);
std::string notification_line(const std::string& method, const json& params);

// Depth of [ and { nesting outside strings; > kMaxJsonDepth lines are refused before parsing.
int json_nesting_depth(const std::string& text);

}  // namespace onggi::helper

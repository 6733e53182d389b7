// Typed params of the network.* methods (docs/protocol.md), decoded strictly: unknown keys,
// wrong types and over-long strings are invalid_argument naming the field.
#pragma once

#include "engine/core/result.h"
#include "helper/rpc.h"

#include <string>

namespace onggi::helper {

struct NetworkCreateParams {
    std::string name, subnet, gateway;
};
struct NetworkNameParams {
    std::string name;
};
struct NetworkConnectParams {
    std::string network, container;
};

Result<NetworkCreateParams> decode_network_create(const json& p);
Result<NetworkNameParams> decode_network_name(const json& p);
Result<NetworkConnectParams> decode_network_connect(const json& p);

}  // namespace onggi::helper

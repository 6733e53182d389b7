// ContainerState: where a container is in its life, one definition for the engine
// (onggi-runtime's state.json) and the helper (container.json, the wire). Strings exist only
// at those boundaries: container_state_name() for the helper's records and protocol (docker's
// words), oci_status_name() for the OCI runtime's `state` ("stopped" where docker says "exited").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace onggi {

enum class ContainerState { created, running, paused, exited };

// "created" | "running" | "paused" | "exited" (container.json, docs/protocol.md).
const char* container_state_name(ContainerState s);
// The OCI runtime spec's status: "created" | "running" | "paused" | "stopped".
const char* oci_status_name(ContainerState s);
// Either spelling; nullopt for anything else.
std::optional<ContainerState> parse_container_state(std::string_view s);

// Running or paused: a shim and an init exist.
inline bool is_live(ContainerState s) { return s == ContainerState::running || s == ContainerState::paused; }

}  // namespace onggi

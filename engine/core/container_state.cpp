#include "engine/core/container_state.h"

namespace onggi {

const char* container_state_name(ContainerState s)
{
    switch (s) {
    case ContainerState::created: return "created";
    case ContainerState::running: return "running";
    case ContainerState::paused: return "paused";
    case ContainerState::exited: return "exited";
    }
    return "exited";
}

const char* oci_status_name(ContainerState s)
{
    return s == ContainerState::exited ? "stopped" : container_state_name(s);
}

std::optional<ContainerState> parse_container_state(std::string_view s)
{
    if (s == "created") return ContainerState::created;
    if (s == "running") return ContainerState::running;
    if (s == "paused") return ContainerState::paused;
    if (s == "exited" || s == "stopped") return ContainerState::exited;
    return std::nullopt;
}

}  // namespace onggi

// connect_attach_socket: a new connection to a shim's attach socket (<shim dir>/attach.sock,
// docs/shim.md), for container.attach and container.start with attach. The caller owns the fd,
// an ordinary blocking socket.
#pragma once

#include "engine/core/result.h"

#include <string>

namespace onggi::helper {

// `name`: the container's name, for the errors.
Result<int> connect_attach_socket(const std::string& shim_dir, const std::string& name);

}  // namespace onggi::helper

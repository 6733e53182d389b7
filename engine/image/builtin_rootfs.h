// The built-in image: a root filesystem made from the host's static busybox
// (Debian package busybox-static), so the first container needs no network.
#pragma once

#include "engine/core/result.h"

#include <string>

namespace onggi::image {

// Where the host's static busybox is (ONGGI_BUSYBOX overrides; default /bin/busybox).
std::string host_busybox_path();

// Fill `dir` (created if missing) with a minimal root filesystem: bin/busybox plus a link per
// applet, etc/passwd, etc/group, etc/hosts, and the empty mount points (proc sys dev tmp ...).
// Idempotent.
Status make_busybox_rootfs(const std::string& dir);

}  // namespace onggi::image

// UserFile: a file the helper (root) opens or removes with a client's own credentials, for
// images.save (the archive written) and images.load (the archive read): a member of group onggi
// reads and writes only what their own uid, gid and groups may, never a path only root can
// reach. The open runs in a short-lived thread that has become the user (raw setresuid: per
// thread, as VolumeSource::open_as), so the kernel's permission checks are the user's.
// Only regular files: a fifo or device is refused (it could stall or reach hardware).
#pragma once

#include "engine/core/result.h"
#include "engine/core/unique_fd.h"
#include "helper/volume_source.h"

#include <sys/types.h>

#include <string>

namespace onggi::helper {

struct UserFile {
    // flags: O_RDONLY, or O_WRONLY | O_CREAT | O_TRUNC (mode for a new file). path absolute.
    static Result<UniqueFd> open_as(const std::string& path, int flags, mode_t mode, const Identity& who);
    // unlink(path) as who (a save that failed takes its half archive back).
    static Status remove_as(const std::string& path, const Identity& who);
};

}  // namespace onggi::helper

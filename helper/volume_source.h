// VolumeSource: a volume's source opened with its owner's credentials, once, as an O_PATH fd
// that the shim mounts (docs/shim.md --mount-fd), so the kernel never resolves the path again
// between the check and the mount (the symlink-swap TOCTOU of issue 13).
//
// For a non-root owner the lookup runs in a short-lived thread that has become that user
// (raw setresgid/setgroups/setresuid: per thread in the kernel, so the helper's other threads
// keep root; no capability is left): the path is walked one component at a time with
// openat2(RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS); a symlink is followed only when the
// user owns it, never a /proc magic link. What the walk reaches is what the user could reach.
#pragma once

#include "engine/core/result.h"
#include "engine/core/unique_fd.h"

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::helper {

struct Identity {
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
    std::string name;  // login name ("" for a uid without a passwd entry)
};

struct VolumeSource {
    UniqueFd fd;  // O_PATH | O_CLOEXEC
    uint64_t dev = 0, ino = 0;
    uid_t owner = 0;
    gid_t group = 0;
    bool directory = false;

    // The passwd entry and groups of uid (root: 0, 0, no groups). A uid without a passwd entry
    // (a member by its primary gid only) is named by its number, as /etc/subuid allows, with
    // gid `fallback_gid` and no other group.
    static Identity identity_of(uid_t uid, gid_t fallback_gid);
    // Opens `path` (absolute) as `who`. Errors are those `who` would get (EACCES, ENOENT, ELOOP
    // for a symlink they do not own), with the path as context.
    static Result<VolumeSource> open_as(const std::string& path, const Identity& who);
};

}  // namespace onggi::helper

// Peer: who is on the other end of a connection, from SO_PEERCRED (kernel-provided, not claimed
// by the client), and whether they may talk to the helper at all.
#pragma once

#include "engine/core/result.h"

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace onggi::helper {

struct Peer {
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
    pid_t pid = 0;
    uint64_t start_time = 0;  // /proc/PID/stat starttime at accept: polkit's unix-process subject
    bool admin() const { return uid == 0; }
    // A non-admin peer sees only what it owns.
    bool may_see(uid_t owner) const { return admin() || owner == uid; }
};

// SO_PEERCRED of a connected unix socket.
Result<Peer> peer_of(int fd);
// Root, or a member of `group` (primary gid from SO_PEERCRED, or a supplementary group from
// getgrouplist of the uid's passwd entry). permission_denied otherwise, or if the group is missing.
Status authorize_peer(const Peer& p, const std::string& group);

}  // namespace onggi::helper

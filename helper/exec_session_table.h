// ExecSessionTable: the interactive exec sessions whose exit code container.exec.wait can still
// ask for. Bounded per peer uid, not globally: each uid keeps at most `per_uid` sessions and a new
// one forgets that uid's oldest (a finished one first), so a member who starts execs in a loop
// forgets only their own sessions, never root's or another member's (issue 18).
#pragma once

#include "engine/core/result.h"
#include "helper/peer.h"
#include "helper/rpc.h"

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace onggi::helper {

struct ExecSession {
    int64_t id = 0;
    std::string container_id;
    uid_t owner = 0;
    bool done = false;
    int exit_code = -1;
    std::vector<std::function<void(Result<json>)>> waiters;

    // The exec ended: remember its code and answer every waiter.
    void finish(int code);
};

class ExecSessionTable {
public:
    static constexpr size_t default_per_uid = 256;
    explicit ExecSessionTable(size_t per_uid = default_per_uid) : per_uid_(per_uid) {}

    std::shared_ptr<ExecSession> add(const std::string& container_id, uid_t owner);
    // The session if `peer` may see it (its owner, or root); null otherwise.
    std::shared_ptr<ExecSession> find(int64_t id, const Peer& peer) const;
    size_t size() const { return sessions_.size(); }
    size_t count_of(uid_t owner) const;

private:
    size_t per_uid_;
    int64_t next_ = 1;
    std::map<int64_t, std::shared_ptr<ExecSession>> sessions_;  // by id: oldest first
};

}  // namespace onggi::helper

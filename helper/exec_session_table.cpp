#include "helper/exec_session_table.h"

namespace onggi::helper {

void ExecSession::finish(int code)
{
    done = true;
    exit_code = code;
    for (auto& w : waiters) w(json{{"exit_code", exit_code}});
    waiters.clear();
}

size_t ExecSessionTable::count_of(uid_t owner) const
{
    size_t n = 0;
    for (const auto& [id, s] : sessions_)
        if (s->owner == owner) ++n;
    return n;
}

std::shared_ptr<ExecSession> ExecSessionTable::add(const std::string& container_id, uid_t owner)
{
    auto session = std::make_shared<ExecSession>();
    session->id = next_++;
    session->container_id = container_id;
    session->owner = owner;
    sessions_[session->id] = session;
    // Over this uid's share: forget its oldest finished session, else its oldest. A forgotten
    // session's process still runs and still answers the waiters it has.
    while (count_of(owner) > per_uid_) {
        auto victim = sessions_.end();
        for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
            if (it->second->owner != owner) continue;
            if (victim == sessions_.end()) victim = it;
            if (it->second->done) {
                victim = it;
                break;
            }
        }
        sessions_.erase(victim);
    }
    return session;
}

std::shared_ptr<ExecSession> ExecSessionTable::find(int64_t id, const Peer& peer) const
{
    auto it = sessions_.find(id);
    if (it == sessions_.end() || !peer.may_see(it->second->owner)) return nullptr;
    return it->second;
}

}  // namespace onggi::helper

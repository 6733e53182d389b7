#include "helper/peer_limits.h"
#include "helper/connection.h"

#include <string>

namespace onggi::helper {

static std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

Status PeerLimits::admit(const Peer& p) const
{
    const int n = int(conns_.size());
    if (n >= s_.max_connections) return Error(Errc::busy, "too many connections");
    if (p.admin()) return {};
    auto it = uids_.find(p.uid);
    if (it != uids_.end() && it->second.connections >= s_.max_connections_per_uid)
        return Error(Errc::busy, "too many connections from uid " + std::to_string(p.uid) + " (at most " +
                                     std::to_string(s_.max_connections_per_uid) + ")");
    if (n >= s_.max_connections - s_.root_reserve)
        return Error(Errc::busy, "too many connections (the rest are kept for root)");
    return {};
}

void PeerLimits::opened(Connection* c)
{
    conns_.insert(c);
    ++uids_[c->peer().uid].connections;
    subs_of_conn_[c->serial()] = 0;
}

void PeerLimits::closed(Connection* c)
{
    if (!conns_.erase(c)) return;
    auto u = uids_.find(c->peer().uid);
    if (u != uids_.end()) {
        --u->second.connections;
        if (auto s = subs_of_conn_.find(c->serial()); s != subs_of_conn_.end()) u->second.subscriptions -= s->second;
        const size_t q = std::min(u->second.queued, c->queued_bytes());
        u->second.queued -= q;
        if (u->second.connections <= 0) uids_.erase(u);
    }
    subs_of_conn_.erase(c->serial());
    total_queued_ -= std::min(total_queued_, c->queued_bytes());
}

PeerLimits::Slot& PeerLimits::Slot::operator=(Slot&& o) noexcept
{
    if (this != &o) {
        release();
        owner_ = std::move(o.owner_);
        conn_ = o.conn_;
        uid_ = o.uid_;
        serial_ = o.serial_;
        o.owner_.reset();
    }
    return *this;
}

void PeerLimits::Slot::release()
{
    if (!owner_) return;
    owner_->give_back(*this);
    owner_.reset();
}

void PeerLimits::give_back(const Slot& s)
{
    auto it = subs_of_conn_.find(s.serial_);
    if (it == subs_of_conn_.end()) return;  // its connection closed: counted back then
    if (it->second > 0) --it->second;
    if (auto u = uids_.find(s.uid_); u != uids_.end() && u->second.subscriptions > 0) --u->second.subscriptions;
}

Result<PeerLimits::Slot> PeerLimits::take_subscription(Connection* c)
{
    auto it = subs_of_conn_.find(c->serial());
    if (it == subs_of_conn_.end()) return Error(Errc::bad_state, "connection closed");
    if (it->second >= s_.max_subscriptions_per_connection)
        return Error(Errc::busy, "too many subscriptions on one connection (at most " +
                                     std::to_string(s_.max_subscriptions_per_connection) + ")");
    PerUid& u = uids_[c->peer().uid];
    if (!c->peer().admin() && u.subscriptions >= s_.max_subscriptions_per_uid)
        return Error(Errc::busy, "too many subscriptions from uid " + std::to_string(c->peer().uid) + " (at most " +
                                     std::to_string(s_.max_subscriptions_per_uid) + ")");
    ++it->second;
    ++u.subscriptions;
    Slot s;
    s.owner_ = shared_from_this();
    s.conn_ = c;
    s.uid_ = c->peer().uid;
    s.serial_ = c->serial();
    return s;
}

int PeerLimits::subscriptions_of(uid_t uid) const
{
    auto it = uids_.find(uid);
    return it == uids_.end() ? 0 : it->second.subscriptions;
}

void PeerLimits::queued(Connection* c, long long delta)
{
    if (!conns_.count(c)) return;
    PerUid& u = uids_[c->peer().uid];
    if (delta >= 0) {
        u.queued += size_t(delta);
        total_queued_ += size_t(delta);
    } else {
        const size_t d = size_t(-delta);
        u.queued -= std::min(u.queued, d);
        total_queued_ -= std::min(total_queued_, d);
    }
}

Connection* PeerLimits::over_limit(Connection* c, std::string* why) const
{
    // One reply larger than a cap (an exec's output of 4 MiB escaped) is not a slow reader: the
    // caps count from a second line on. The global budget counts everything.
    if (c && conns_.count(c) && c->queued_lines() > 1) {
        if (c->queued_bytes() > s_.max_queued_per_connection) {
            *why = "the client does not read: more than " + mib(s_.max_queued_per_connection) +
                   " of output queued for this connection";
            return c;
        }
        if (!c->peer().admin()) {
            auto u = uids_.find(c->peer().uid);
            if (u != uids_.end() && u->second.queued > s_.max_queued_per_uid) {
                *why = "the client does not read: more than " + mib(s_.max_queued_per_uid) +
                       " of output queued for uid " + std::to_string(c->peer().uid);
                return c;
            }
        }
    }
    if (total_queued_ <= s_.output_budget) return nullptr;
    // The helper's budget is spent: drop whoever holds most of it.
    Connection* worst = nullptr;
    for (Connection* x : conns_)
        if (!x->dropping() && (!worst || x->queued_bytes() > worst->queued_bytes())) worst = x;
    if (!worst || worst->queued_bytes() == 0) return nullptr;
    *why = "the client does not read: the helper's output budget of " + mib(s_.output_budget) +
           " is spent and this connection holds the most of it";
    return worst;
}

}  // namespace onggi::helper

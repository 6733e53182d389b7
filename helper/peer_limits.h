// PeerLimits: what one peer uid may hold of the helper, and the helper's output budget
// (docs/protocol.md "Limits"). Connections, subscriptions (events, stats, log follows) and
// bytes queued for clients that do not read are counted per connection, per uid and in all;
// root is held only to the per-connection and global caps and always keeps a reserve of
// connections. A connection over a byte cap, or the one holding most when the global budget is
// spent, is dropped as a slow reader (error "slow_reader"), never the helper. Main thread only.
#pragma once

#include "engine/core/result.h"
#include "helper/peer.h"

#include <sys/types.h>

#include <cstddef>
#include <map>
#include <memory>
#include <set>

namespace onggi::helper {

class Connection;

struct LimitSettings {
    int max_connections = 1024;
    int max_connections_per_uid = 128;  // a uid other than root
    int root_reserve = 64;              // the last connections, root's alone
    int max_subscriptions_per_connection = 256;
    int max_subscriptions_per_uid = 512;           // a uid other than root
    size_t max_queued_per_connection = 16u << 20;  // bytes of output waiting for a client
    size_t max_queued_per_uid = 64u << 20;         // a uid other than root, all its connections
    size_t output_budget = 256u << 20;             // all connections (--output-budget)
    int idle_timeout_ms = 30000;  // no complete request since accept, or a partial line, this long (--idle-timeout)
};

class PeerLimits : public std::enable_shared_from_this<PeerLimits> {
public:
    explicit PeerLimits(LimitSettings s = {}) : s_(s) {}
    const LimitSettings& settings() const { return s_; }

    // Whether a new connection of this peer may be accepted (busy with the reason if not).
    Status admit(const Peer& p) const;
    void opened(Connection* c);
    void closed(Connection* c);  // also gives back its queued bytes and subscriptions
    int connections() const { return int(conns_.size()); }

    // A held subscription; giving it back (destruction) frees its place. Move-only.
    class Slot {
    public:
        Slot() = default;
        Slot(Slot&& o) noexcept { *this = std::move(o); }
        Slot& operator=(Slot&& o) noexcept;
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        ~Slot() { release(); }
        void release();

    private:
        friend class PeerLimits;
        std::shared_ptr<PeerLimits> owner_;
        Connection* conn_ = nullptr;  // valid while owner_ counts it (closed() forgets it first)
        uid_t uid_ = 0;
        uint64_t serial_ = 0;
    };
    // A place for one more subscription of this connection, or busy naming the cap.
    Result<Slot> take_subscription(Connection* c);
    int subscriptions_of(uid_t uid) const;

    // Output accounting: `delta` bytes more (or fewer) queued on c.
    void queued(Connection* c, long long delta);
    size_t queued_total() const { return total_queued_; }
    // After bytes were queued on c: the connection to drop as a slow reader now, with the reason,
    // or nullptr. Called until it returns nullptr.
    Connection* over_limit(Connection* c, std::string* why) const;

private:
    struct PerUid {
        int connections = 0;
        int subscriptions = 0;
        size_t queued = 0;
    };
    void give_back(const Slot& s);

    LimitSettings s_;
    std::set<Connection*> conns_;
    std::map<uint64_t, int> subs_of_conn_;  // by Connection::serial(), never reused
    std::map<uid_t, PerUid> uids_;
    size_t total_queued_ = 0;
};

}  // namespace onggi::helper

// Dispatcher: JSON-RPC request validation and method routing.
//
// EXTENDING THE HELPER (e.g. stats.subscribe / stats.history from helper/stats_service.*):
//
//   dispatcher.add("stats.history", [svc](const Call& call) {
//       auto p = decode_my_params(call.params());          // typed struct, validated first
//       if (!p) return call.fail(p.error());               // -> -32602 invalid_params ...
//       call.reply({{"samples", ...}});                     // exactly once, now or later
//   });
//
// * A handler runs on the main thread. It may reply later (keep the Call, it is a cheap
//   copyable handle); a reply to a connection that has gone away is dropped silently.
// * Pushing notifications: call.connection() is a QPointer<Connection>; keep it and call
//   conn->notify("stats", params) on the main thread for each frame. Connect to
//   Connection::closed to forget subscriptions of clients that left. Subscription ids come
//   from Dispatcher::next_subscription_id() so they never collide with events/logs ones,
//   and register an unsubscriber with add_unsubscriber() so the generic "unsubscribe"
//   method reaches your subscriptions too.
// * call.peer() tells uid/gid/admin; non-admin peers may only see their own containers:
//   resolve ids through ContainerManager::find(ref, peer) (helper/container_manager.h).
// * WIRING A SERVICE IN: give it an  install_<name>(HelperContext& ctx)  (as
//   install_stats_service in helper/stats_service.h; HelperContext: helper/handlers/handlers.h —
//   dispatcher, containers, events, logs) and call it in HelperDaemon's constructor, after the
//   core methods are registered. From there: ctx.dispatcher->add(...)
//   for methods, ctx.containers->on_change(cb) to hear of starts/exits/removals,
//   ctx.containers->get_record(id) / all() / cgroup_path(id) for pids and cgroups,
//   ctx.events->publish("oom", record) for events.
#pragma once

#include "helper/connection.h"
#include "helper/peer.h"
#include "helper/rpc.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace onggi::helper {

class Call {
public:
    Call(QPointer<Connection> conn, json id, json params, Peer peer);

    const json& params() const { return st_->params; }
    const json& id() const { return st_->id; }
    const Peer& peer() const { return st_->peer; }
    QPointer<Connection> connection() const { return st_->conn; }
    bool replied() const { return st_->replied; }

    void reply(const json& result) const;
    // Reply and pass `fd` (owned; closed after sending or if the client is gone) by SCM_RIGHTS.
    void reply_with_fd(const json& result, int fd) const;
    void fail(const Error& e) const;
    // A whole JSON-RPC error object (error_object() plus members in data), e.g. the policy gate's.
    void fail_with(const json& error) const;
    // The same with machine-readable details merged into error.data (numbers a client needs
    // to explain the refusal in its own language), e.g. {"reason":"memory_below_usage",...}.
    void fail(const Error& e, const json& data) const;

private:
    struct State {
        QPointer<Connection> conn;
        json id, params;
        Peer peer;
        bool replied = false;
    };
    bool take() const;
    std::shared_ptr<State> st_;
};

using Handler = std::function<void(const Call&)>;
// Returns true when it owned (and removed) the subscription for this connection.
using Unsubscriber = std::function<bool(Connection*, int64_t subscription)>;

class Dispatcher : public QObject {
    Q_OBJECT
public:
    explicit Dispatcher(QObject* parent = nullptr);

    void add(const std::string& method, Handler h);
    bool has(const std::string& method) const { return handlers_.count(method) != 0; }
    std::vector<std::string> methods() const;

    int64_t next_subscription_id() { return next_sub_++; }
    void add_unsubscriber(Unsubscriber u) { unsubscribers_.push_back(std::move(u)); }
    bool unsubscribe(Connection* c, int64_t id);

    // One request line from a connection (the connection has bounded its size).
    void dispatch(Connection* conn, const std::string& line);

private:
    std::map<std::string, Handler> handlers_;
    std::vector<Unsubscriber> unsubscribers_;
    int64_t next_sub_ = 1;
};

}  // namespace onggi::helper

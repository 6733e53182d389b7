#include "helper/dispatcher.h"
#include "helper/fd_limit.h"

#include <QDebug>

namespace onggi::helper {

Call::Call(QPointer<Connection> conn, json id, json params, Peer peer)
    : st_(std::make_shared<State>(State{std::move(conn), std::move(id), std::move(params), peer}))
{
}

bool Call::take() const
{
    if (st_->replied) {
        qWarning("helper: second reply to one request ignored");
        return false;
    }
    st_->replied = true;
    if (st_->conn) st_->conn->request_finished();
    return bool(st_->conn);
}

void Call::reply(const json& result) const
{
    if (take()) st_->conn->send_line(reply_line(st_->id, result));
}

void Call::reply_with_fd(const json& result, int fd) const
{
    if (take()) st_->conn->send_line(reply_line(st_->id, result), fd);
    else if (fd >= 0) ::close(fd);
}

void Call::fail(const Error& e) const
{
    // Out of descriptors, wherever it happened: the numbers for the client's own words.
    if (is_fd_exhaustion(e.sys_errno)) return fail(e, json::object());
    if (take()) st_->conn->send_line(error_line(st_->id, error_object(e)));
}

void Call::fail_with(const json& error) const
{
    if (take()) st_->conn->send_line(error_line(st_->id, error));
}

void Call::fail(const Error& e, const json& data) const
{
    if (!take()) return;
    // Every step that ran out says so in words, not only the ones that check (a start at the
    // limit failed in whichever open(2) came first: "clear the last run's shim dir: open ...").
    json o = error_object(worded_fd_exhaustion(e));
    if (is_fd_exhaustion(e.sys_errno) && !data.contains("reason")) {
        const json fd = fd_exhaustion_data(e);
        for (auto it = fd.begin(); it != fd.end(); ++it) o["data"][it.key()] = it.value();
    }
    if (data.is_object())
        for (auto it = data.begin(); it != data.end(); ++it)
            if (it.key() != "errc" && it.key() != "errno") o["data"][it.key()] = it.value();
    st_->conn->send_line(error_line(st_->id, o));
}

Dispatcher::Dispatcher(QObject* parent) : QObject(parent) {}

void Dispatcher::add(const std::string& method, Handler h) { handlers_[method] = std::move(h); }

std::vector<std::string> Dispatcher::methods() const
{
    std::vector<std::string> out;
    for (const auto& [m, h] : handlers_) out.push_back(m);
    return out;
}

bool Dispatcher::unsubscribe(Connection* c, int64_t id)
{
    for (auto& u : unsubscribers_)
        if (u(c, id)) return true;
    return false;
}

void Dispatcher::dispatch(Connection* conn, const std::string& line)
{
    auto fail_now = [conn](const json& id, int code, const char* errc, const std::string& msg) {
        conn->send_line(error_line(id, error_object(code, errc, msg)));
    };
    if (json_nesting_depth(line) > kMaxJsonDepth)
        return fail_now(nullptr, rpc_code::invalid_request, "invalid_request", "JSON nested too deeply");
    json req = json::parse(line, nullptr, false);
    if (req.is_discarded()) return fail_now(nullptr, rpc_code::parse_error, "parse_error", "parse error: not JSON");
    if (!req.is_object())
        return fail_now(nullptr, rpc_code::invalid_request, "invalid_request", "expected a JSON-RPC request object");

    json id = nullptr;
    if (auto it = req.find("id"); it != req.end()) {
        if (!(it->is_number_integer() || it->is_string()) ||
            (it->is_string() && it->get_ref<const std::string&>().size() > 256))
            return fail_now(nullptr, rpc_code::invalid_request, "invalid_request",
                            "id: expected an integer or a short string");
        id = *it;
    }
    auto jv = req.find("jsonrpc");
    if (jv == req.end() || !jv->is_string() || *jv != "2.0")
        return fail_now(id, rpc_code::invalid_request, "invalid_request", "jsonrpc: expected \"2.0\"");
    auto mv = req.find("method");
    if (mv == req.end() || !mv->is_string())
        return fail_now(id, rpc_code::invalid_request, "invalid_request", "method: expected a string");
    const std::string method = mv->get<std::string>();
    json params = json::object();
    if (auto pv = req.find("params"); pv != req.end() && !pv->is_null()) {
        if (!pv->is_object())
            return fail_now(id, rpc_code::invalid_params, "invalid_argument", "params: expected an object");
        params = *pv;
    }
    if (id.is_null()) return;  // a notification from a client: nothing to answer, nothing is done
    auto h = handlers_.find(method);
    if (h == handlers_.end())
        return fail_now(id, rpc_code::method_not_found, "method_not_found", "unknown method: " + method.substr(0, 64));

    conn->request_started();
    Call call(QPointer<Connection>(conn), id, std::move(params), conn->peer());
    try {
        h->second(call);
    } catch (const std::exception& e) {
        // Handlers return errors as values; this is only a last line of defence.
        qWarning("helper: handler %s threw: %s", method.c_str(), e.what());
        if (!call.replied()) call.fail(Error(Errc::internal, std::string("internal error in ") + method));
    }
}

}  // namespace onggi::helper

// RpcError: an error reply from the helper (code, errc, English message, errno) or a failure of
// the client side (no socket, refused, connection lost, bad reply, timeout). Client-side errors
// use the same errc string space; ErrorText turns any of them into translated text.
#pragma once

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct RpcError {
    int code = 0;        // JSON-RPC code (-32010 ...), or one of the client codes below
    QString errc;        // stable name: "not_found", "socket_missing", ...
    QString message;     // English context from the helper (for logs, and after the translation)
    int sysErrno = 0;    // data.errno when the helper set it, or the client's errno
    QString socketPath;  // for the connection errors: which socket
    // errc "forbidden" (the helper's policy gate, docs/protocol.md): what was refused and why.
    QString option;        // data.option: "privileged", "cap_add", "namespaces.pid", ...
    QString value;         // data.value: "SYS_ADMIN", a syscall name, ...
    QString polkitAction;  // data.polkit_action: "org.onggi.container.capabilities"; empty: root only
    QString polkit;        // data.polkit: "unavailable", "denied", "challenge", "dismissed", "none"
    QJsonObject data;      // error.data as sent (machine-readable details: "reason", numbers, "kernel")

    // Client-side codes (outside the JSON-RPC and helper ranges).
    static constexpr int kSocketMissing = -31001;   // errc "socket_missing": helper not running
    static constexpr int kSocketDenied = -31002;    // errc "socket_permission_denied": not in group onggi
    static constexpr int kConnectFailed = -31003;   // errc "connect_failed": refused or other errno
    static constexpr int kConnectionLost = -31004;  // errc "connection_lost"
    static constexpr int kBadReply = -31005;        // errc "bad_reply": not JSON-RPC
    static constexpr int kClientTimeout = -31006;   // errc "client_timeout": no reply in time
    static constexpr int kNotConnected = -31007;    // errc "not_connected"

    bool isError() const { return !errc.isEmpty() || code != 0; }

    // From an "error" member of a reply: {"code":..,"message":..,"data":{"errc":..,"errno":..}}.
    static RpcError fromJson(const QJsonObject& error);
    static RpcError client(int code, const QString& errc, const QString& message, int sysErrno = 0);
};

}  // namespace onggi::client

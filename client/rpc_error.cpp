#include "client/rpc_error.h"

#include <QJsonValue>

namespace onggi::client {

namespace {
// Codes of docs/protocol.md, for helpers that send no data.errc.
QString errcForCode(int code)
{
    switch (code) {
    case -32700: return QStringLiteral("parse_error");
    case -32600: return QStringLiteral("invalid_request");
    case -32601: return QStringLiteral("method_not_found");
    case -32602: return QStringLiteral("invalid_argument");
    case -32001: return QStringLiteral("permission_denied");
    case -32002: return QStringLiteral("forbidden");
    case -32010: return QStringLiteral("not_found");
    case -32011: return QStringLiteral("already_exists");
    case -32012: return QStringLiteral("bad_state");
    case -32013: return QStringLiteral("unsupported");
    case -32014: return QStringLiteral("busy");
    case -32015: return QStringLiteral("timeout");
    case -32020: return QStringLiteral("system");
    default: return QStringLiteral("internal");
    }
}
}  // namespace

RpcError RpcError::fromJson(const QJsonObject& error)
{
    RpcError e;
    e.code = error.value(QLatin1String("code")).toInt(-32603);
    e.message = error.value(QLatin1String("message")).toString();
    const QJsonObject data = error.value(QLatin1String("data")).toObject();
    e.errc = data.value(QLatin1String("errc")).toString();
    if (e.errc.isEmpty()) e.errc = errcForCode(e.code);
    e.sysErrno = data.value(QLatin1String("errno")).toInt(0);
    e.option = data.value(QLatin1String("option")).toString();
    e.value = data.value(QLatin1String("value")).toString();
    e.polkitAction = data.value(QLatin1String("polkit_action")).toString();
    e.polkit = data.value(QLatin1String("polkit")).toString();
    e.data = data;
    return e;
}

RpcError RpcError::client(int code, const QString& errc, const QString& message, int sysErrno)
{
    RpcError e;
    e.code = code;
    e.errc = errc;
    e.message = message;
    e.sysErrno = sysErrno;
    return e;
}

}  // namespace onggi::client

#include "client/error_text.h"

#include <QCoreApplication>

#include <cstring>

namespace onggi::client {

namespace {
} // namespace

QString ErrorText::title(const QString& errc)
{
    // The helper's codes (docs/protocol.md), then the client's own.
    if (errc == QLatin1String("parse_error")) return QCoreApplication::translate("onggi::client", "The helper could not read the request");
    if (errc == QLatin1String("invalid_request")) return QCoreApplication::translate("onggi::client", "The request was not understood");
    if (errc == QLatin1String("method_not_found"))
        return QCoreApplication::translate("onggi::client", "The helper does not know this operation (is it an older version?)");
    if (errc == QLatin1String("invalid_argument")) return QCoreApplication::translate("onggi::client", "Invalid value");
    if (errc == QLatin1String("permission_denied")) return QCoreApplication::translate("onggi::client", "Permission denied");
    if (errc == QLatin1String("not_found")) return QCoreApplication::translate("onggi::client", "Not found");
    if (errc == QLatin1String("already_exists")) return QCoreApplication::translate("onggi::client", "The name is already in use");
    //: the container is in a state where this operation is not possible (e.g. start a running one)
    if (errc == QLatin1String("bad_state")) return QCoreApplication::translate("onggi::client", "Not possible in the container's current state");
    if (errc == QLatin1String("unsupported")) return QCoreApplication::translate("onggi::client", "Not supported on this host");
    if (errc == QLatin1String("busy")) return QCoreApplication::translate("onggi::client", "Busy, try again");
    if (errc == QLatin1String("timeout")) return QCoreApplication::translate("onggi::client", "The operation timed out");
    if (errc == QLatin1String("system")) return QCoreApplication::translate("onggi::client", "A system call failed");
    if (errc == QLatin1String("internal")) return QCoreApplication::translate("onggi::client", "Internal error in the helper");
    if (errc == QLatin1String("socket_missing")) return QCoreApplication::translate("onggi::client", "The Onggi helper is not running");
    if (errc == QLatin1String("socket_permission_denied")) return QCoreApplication::translate("onggi::client", "No permission to talk to the Onggi helper");
    if (errc == QLatin1String("connect_failed")) return QCoreApplication::translate("onggi::client", "Cannot connect to the Onggi helper");
    if (errc == QLatin1String("connection_lost")) return QCoreApplication::translate("onggi::client", "The connection to the Onggi helper was lost");
    if (errc == QLatin1String("bad_reply")) return QCoreApplication::translate("onggi::client", "The helper sent a reply that could not be read");
    if (errc == QLatin1String("client_timeout")) return QCoreApplication::translate("onggi::client", "The helper did not answer in time");
    if (errc == QLatin1String("not_connected")) return QCoreApplication::translate("onggi::client", "Not connected to the Onggi helper");
    return QString();
}

QString ErrorText::hint(const RpcError& e)
{
    const QString path = e.socketPath.isEmpty() ? QStringLiteral("/run/onggi/helper.sock") : e.socketPath;
    if (e.errc == QLatin1String("socket_missing"))
        return QCoreApplication::translate("onggi::client", "No socket at %1. Start the helper (sudo systemctl start onggi-helper), or point "
                  "ONGGI_SOCKET / --host at its socket.").arg(path);
    if (e.errc == QLatin1String("socket_permission_denied") ||
        (e.errc == QLatin1String("permission_denied") && e.code == -32001 && e.message.contains(QLatin1String("group"))))
        return QCoreApplication::translate("onggi::client", "Only root and members of the group \"onggi\" may use %1. Join the group "
                  "(sudo usermod -aG onggi $USER), then log out and in again.").arg(path);
    if (e.errc == QLatin1String("connect_failed"))
        return QCoreApplication::translate("onggi::client", "The socket %1 exists but nobody answers; the helper may have crashed. Restart it "
                  "(sudo systemctl restart onggi-helper).").arg(path);
    if (e.errc == QLatin1String("connection_lost"))
        return QCoreApplication::translate("onggi::client", "The helper stopped or closed the connection. Containers keep running; "
                  "reconnect when it is back.");
    if (e.errc == QLatin1String("busy") && e.message.contains(QLatin1String("no internal processes")))
        return QCoreApplication::translate("onggi::client", "This is not temporary: on cgroup v2 a cgroup that holds processes of its own "
                  "cannot give controllers to child cgroups. Give the helper a --cgroup-parent that holds no processes.");
    if (e.errc == QLatin1String("method_not_found"))
        return QCoreApplication::translate("onggi::client", "Update onggi-helper to the same version as this program.");
    return QString();
}

QString ErrorText::describe(const RpcError& e)
{
    if (!e.isError()) return QString();
    QString t = title(e.errc);
    if (t.isEmpty()) t = QCoreApplication::translate("onggi::client", "Error %1").arg(e.errc.isEmpty() ? QString::number(e.code) : e.errc);
    QString text = t;
    if (!e.message.isEmpty()) text = QCoreApplication::translate("onggi::client", "%1: %2").arg(t, e.message);
    if (e.sysErrno > 0 && !e.message.contains(QString::fromLocal8Bit(std::strerror(e.sysErrno))))
        text = QCoreApplication::translate("onggi::client", "%1 (%2)").arg(text, QString::fromLocal8Bit(std::strerror(e.sysErrno)));
    const QString h = hint(e);
    if (!h.isEmpty()) text += QLatin1Char('\n') + h;
    return text;
}

} // namespace onggi::client

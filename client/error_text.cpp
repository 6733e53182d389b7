#include "client/error_text.h"

#include "client/byte_size.h"

#include <QCoreApplication>

#include <cstring>

namespace onggi::client {

namespace {

// The title for this error: its code's, except where error.data names a cause that the code's
// title would misname (a request the helper gave up at shutdown is not about a container's state).
QString titleOf(const RpcError& e)
{
    if (e.data.value(QLatin1String("reason")).toString() == QLatin1String("helper_stopping"))
        //: a pull, load, save or commit was running when the helper (the privileged service) was told to stop
        return QCoreApplication::translate("onggi::client", "The helper was stopped before this finished");
    return ErrorText::title(e.errc);
}

}  // namespace

QString ErrorText::title(const QString& errc)
{
    // The helper's codes (docs/protocol.md), then the client's own.
    if (errc == QLatin1String("parse_error"))
        return QCoreApplication::translate("onggi::client", "The helper could not read the request");
    if (errc == QLatin1String("invalid_request"))
        return QCoreApplication::translate("onggi::client", "The request was not understood");
    if (errc == QLatin1String("method_not_found"))
        return QCoreApplication::translate("onggi::client",
                                           "The helper does not know this operation (is it an older version?)");
    if (errc == QLatin1String("invalid_argument")) return QCoreApplication::translate("onggi::client", "Invalid value");
    if (errc == QLatin1String("permission_denied"))
        return QCoreApplication::translate("onggi::client", "Permission denied");
    //: the helper's policy refused an option to a user who is not root (only a member of the group onggi)
    if (errc == QLatin1String("forbidden"))
        return QCoreApplication::translate("onggi::client", "Not allowed for members of the onggi group");
    if (errc == QLatin1String("not_found")) return QCoreApplication::translate("onggi::client", "Not found");
    if (errc == QLatin1String("already_exists"))
        return QCoreApplication::translate("onggi::client", "The name is already in use");
    //: the container is in a state where this operation is not possible (e.g. start a running one)
    if (errc == QLatin1String("bad_state"))
        return QCoreApplication::translate("onggi::client", "Not possible in the container's current state");
    if (errc == QLatin1String("unsupported"))
        return QCoreApplication::translate("onggi::client", "Not supported on this host");
    if (errc == QLatin1String("busy")) return QCoreApplication::translate("onggi::client", "Busy, try again");
    if (errc == QLatin1String("timeout"))
        return QCoreApplication::translate("onggi::client", "The operation timed out");
    if (errc == QLatin1String("system")) return QCoreApplication::translate("onggi::client", "A system call failed");
    //: the helper closed the connection because this program did not read what the helper sent
    if (errc == QLatin1String("slow_reader"))
        return QCoreApplication::translate("onggi::client",
                                           "The helper dropped the connection: this program did not keep up reading");
    if (errc == QLatin1String("internal"))
        return QCoreApplication::translate("onggi::client", "Internal error in the helper");
    if (errc == QLatin1String("socket_missing"))
        return QCoreApplication::translate("onggi::client", "The Onggi helper is not running");
    if (errc == QLatin1String("socket_permission_denied"))
        return QCoreApplication::translate("onggi::client", "No permission to talk to the Onggi helper");
    if (errc == QLatin1String("connect_failed"))
        return QCoreApplication::translate("onggi::client", "Cannot connect to the Onggi helper");
    if (errc == QLatin1String("connection_lost"))
        return QCoreApplication::translate("onggi::client", "The connection to the Onggi helper was lost");
    if (errc == QLatin1String("bad_reply"))
        return QCoreApplication::translate("onggi::client", "The helper sent a reply that could not be read");
    if (errc == QLatin1String("client_timeout"))
        return QCoreApplication::translate("onggi::client", "The helper did not answer in time");
    if (errc == QLatin1String("not_connected"))
        return QCoreApplication::translate("onggi::client", "Not connected to the Onggi helper");
    return QString();
}

QString ErrorText::hint(const RpcError& e)
{
    // images.load refused the archive (docs/protocol.md): the store is unchanged.
    const QString reason = e.data.value(QLatin1String("reason")).toString();
    if (reason == QLatin1String("archive_path"))
        return QCoreApplication::translate(
            "onggi::client", "The archive has a name that points outside it (an absolute path or \"..\"); "
                             "nothing was loaded.");
    if (reason == QLatin1String("archive_missing_blob"))
        return QCoreApplication::translate(
            "onggi::client", "A file that the archive's manifest names is missing from it; nothing was loaded.");
    if (reason == QLatin1String("archive_digest_mismatch"))
        return QCoreApplication::translate("onggi::client",
                                           "A file in the archive does not match its checksum: it is damaged or was "
                                           "altered. Nothing was loaded.");
    if (reason == QLatin1String("archive_truncated"))
        return QCoreApplication::translate("onggi::client",
                                           "The archive is not a tar file or ends too early (an incomplete copy?); "
                                           "nothing was loaded.");
    if (reason == QLatin1String("archive_format"))
        return QCoreApplication::translate("onggi::client",
                                           "This is not an image archive that Onggi can read (docker save or OCI "
                                           "layout); nothing was loaded.");
    if (reason == QLatin1String("helper_fd_limit")) {
        const qint64 open = e.data.value(QLatin1String("open_fds")).toInteger(-1);
        const qint64 limit = e.data.value(QLatin1String("fd_limit")).toInteger(-1);
        if (open >= 0 && limit > 0)
            //: the helper (the privileged service) ran out of file descriptors. %1: how many it holds, %2: its limit
            return QCoreApplication::translate("onggi::client",
                                               "The helper has too many open files (%1 of at most %2); each running "
                                               "container holds about a dozen. Stop some containers, or raise the "
                                               "helper's limit (LimitNOFILE in "
                                               "onggi-helper.service).")
                .arg(open)
                .arg(limit);
        return QCoreApplication::translate(
            "onggi::client",
            "The helper has too many open files; each running container holds "
            "about a dozen. Stop some containers, or raise the helper's limit (LimitNOFILE in onggi-helper.service).");
    }
    if (reason == QLatin1String("shim_fd_limit")) {
        // The shim is at its own limit (the one the helper was started with), not the helper at its.
        const qint64 limit = e.data.value(QLatin1String("fd_limit")).toInteger(-1);
        if (limit > 0)
            //: onggi-shim (the small program that runs one container) ran out of file descriptors. %1: its limit
            return QCoreApplication::translate("onggi::client",
                                               "onggi-shim, the program that runs the container, has too many open "
                                               "files (its limit is %1). It gets the limit the helper was started "
                                               "with: raise the helper's soft limit (LimitNOFILE in "
                                               "onggi-helper.service), then restart the helper.")
                .arg(limit);
        return QCoreApplication::translate("onggi::client",
                                           "onggi-shim, the program that runs the container, has too many open files. "
                                           "It gets the limit the helper was started with: raise the helper's soft "
                                           "limit (LimitNOFILE in onggi-helper.service), then restart the helper.");
    }
    if (reason == QLatin1String("host_fd_limit"))
        return QCoreApplication::translate("onggi::client",
                                           "The computer's table of open files is full (fs.file-max). Stop some "
                                           "programs or containers, or raise fs.file-max.");
    if (reason == QLatin1String("helper_stopping"))
        return QCoreApplication::translate("onggi::client",
                                           "It was cancelled and nothing of it was kept. Try again once the helper "
                                           "runs again.");
    if (reason == QLatin1String("archive_too_large"))
        return QCoreApplication::translate(
            "onggi::client", "The archive holds more than a load may take (the helper's --max-load-size), "
                             "or the disk would be full; nothing was loaded and nothing was left behind.");
    const QString path = e.socketPath.isEmpty() ? QStringLiteral("/run/onggi/helper.sock") : e.socketPath;
    if (e.errc == QLatin1String("socket_missing"))
        return QCoreApplication::translate(
                   "onggi::client", "No socket at %1. Start the helper (sudo systemctl start onggi-helper), or point "
                                    "ONGGI_SOCKET / --host at its socket.")
            .arg(path);
    if (e.errc == QLatin1String("socket_permission_denied") ||
        (e.errc == QLatin1String("permission_denied") && e.code == -32001 &&
         e.message.contains(QLatin1String("group"))))
        return QCoreApplication::translate("onggi::client",
                                           "Only root and members of the group \"onggi\" may use %1. Join the group "
                                           "(sudo usermod -aG onggi $USER), then log out and in again.")
            .arg(path);
    if (e.errc == QLatin1String("connect_failed"))
        return QCoreApplication::translate(
                   "onggi::client", "The socket %1 exists but nobody answers; the helper may have crashed. Restart it "
                                    "(sudo systemctl restart onggi-helper).")
            .arg(path);
    if (e.errc == QLatin1String("connection_lost"))
        return QCoreApplication::translate("onggi::client",
                                           "The helper stopped or closed the connection. Containers keep running; "
                                           "reconnect when it is back.");
    if (e.errc == QLatin1String("busy") && e.message.contains(QLatin1String("no internal processes")))
        return QCoreApplication::translate(
            "onggi::client",
            "This is not temporary: on cgroup v2 a cgroup that holds processes of its own "
            "cannot give controllers to child cgroups. Give the helper a --cgroup-parent that holds no processes.");
    if (e.errc == QLatin1String("slow_reader"))
        return QCoreApplication::translate(
            "onggi::client", "Too much output was waiting for this program (for example a subscription it "
                             "stopped reading). The helper keeps running; connect again.");
    if (e.errc == QLatin1String("method_not_found"))
        return QCoreApplication::translate("onggi::client", "Update onggi-helper to the same version as this program.");
    if (e.errc == QLatin1String("forbidden")) {
        if (e.polkit == QLatin1String("none") || e.polkitAction.isEmpty())
            return QCoreApplication::translate("onggi::client", "Only root may ask for this.");
        if (e.polkit == QLatin1String("unavailable"))
            return QCoreApplication::translate(
                       "onggi::client", "Only root may ask for this here: polkit, which could let an administrator "
                                        "allow it (action %1), does not run on this computer.")
                .arg(e.polkitAction);
        if (e.polkit == QLatin1String("challenge"))
            return QCoreApplication::translate(
                       "onggi::client",
                       "An administrator's password is needed (polkit action %1), and no "
                       "authentication agent answered. Try again from the desktop, or under pkttyagent.")
                .arg(e.polkitAction);
        if (e.polkit == QLatin1String("dismissed"))
            return QCoreApplication::translate("onggi::client",
                                               "The authentication for polkit action %1 was dismissed.")
                .arg(e.polkitAction);
        return QCoreApplication::translate("onggi::client", "polkit did not authorize action %1 for you.")
            .arg(e.polkitAction);
    }
    return QString();
}

QString ErrorText::policyOption(const QString& option, const QString& value)
{
    if (option == QLatin1String("privileged")) {
        if (value.isEmpty())
            return QCoreApplication::translate("onggi::client", "a privileged container (--privileged)");
        //: %1: the setting, e.g. "masked_paths", "no_new_privileges" or "/sys"
        return QCoreApplication::translate("onggi::client", "a privileged setting (%1)").arg(value);
    }
    if (option == QLatin1String("cap_add"))
        return QCoreApplication::translate("onggi::client", "the capability %1 (--cap-add)").arg(value);
    if (option == QLatin1String("seccomp.unconfined"))
        return QCoreApplication::translate("onggi::client", "no seccomp filter (seccomp=unconfined)");
    if (option == QLatin1String("seccomp.profile"))
        //: %1: a system call name such as "mount"
        return QCoreApplication::translate("onggi::client",
                                           "a seccomp profile that lets through %1, which the default profile refuses")
            .arg(value);
    if (option == QLatin1String("seccomp.file"))
        return QCoreApplication::translate(
            "onggi::client", "a seccomp profile file read by the helper (send the profile's content instead)");
    if (option == QLatin1String("namespaces.network"))
        return QCoreApplication::translate("onggi::client", "the host's network (--network host)");
    if (option == QLatin1String("namespaces.pid"))
        return QCoreApplication::translate("onggi::client", "the host's PID namespace");
    if (option == QLatin1String("namespaces.ipc"))
        return QCoreApplication::translate("onggi::client", "the host's IPC namespace");
    if (option == QLatin1String("namespaces.uts"))
        return QCoreApplication::translate("onggi::client", "the host's UTS namespace (its host name)");
    if (option == QLatin1String("namespaces.cgroup"))
        return QCoreApplication::translate("onggi::client", "the host's cgroup namespace");
    if (option == QLatin1String("namespaces.mount"))
        return QCoreApplication::translate("onggi::client", "the host's mount namespace");
    if (option == QLatin1String("namespaces.user"))
        return QCoreApplication::translate("onggi::client", "the host's user namespace");
    if (option.startsWith(QLatin1String("namespaces.")))
        return QCoreApplication::translate("onggi::client", "a namespace of the host (%1)").arg(option.mid(11));
    if (option == QLatin1String("devices"))
        //: %1: a device rule such as "b 8:* rwm"
        return QCoreApplication::translate("onggi::client", "devices of the host (%1)").arg(value);
    if (option == QLatin1String("cgroup_parent"))
        return QCoreApplication::translate("onggi::client", "a cgroup outside Onggi's own (%1)").arg(value);
    if (option == QLatin1String("sysctl"))
        return QCoreApplication::translate("onggi::client", "a kernel setting (sysctl %1)").arg(value);
    return QString();
}

QString ErrorText::explain(const RpcError& e)
{
    if (!e.isError()) return QString();
    const QString reason = e.data.value(QLatin1String("reason")).toString();
    if (reason == QLatin1String("memory_below_usage")) {
        auto size = [&](const char* k) { return ByteSize::formatBinary(e.data.value(QLatin1String(k)).toDouble()); };
        //: cgroup v1 refused a memory limit below what the container uses (EBUSY). %1 what could not be
        //: reclaimed, %2 the limit asked for, %3 in use now, %4 the smallest limit that fits
        return QCoreApplication::translate(
                   "onggi::client", "The kernel could not reclaim %1 to bring the container under %2 (it uses %3 "
                                    "now). Choose at least %4, or free memory in the container first.")
            .arg(size("shortfall"), size("requested"), size("memory_current"), size("minimum"));
    }
    QString t = titleOf(e);
    if (t.isEmpty())
        t = QCoreApplication::translate("onggi::client", "Error %1")
                .arg(e.errc.isEmpty() ? QString::number(e.code) : e.errc);
    const QString h = hint(e);
    return h.isEmpty() ? t : t + QLatin1Char('\n') + h;
}

QString ErrorText::details(const RpcError& e)
{
    QString text = e.message;
    if (e.sysErrno > 0 && !e.message.contains(QString::fromLocal8Bit(std::strerror(e.sysErrno))))
        text += QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(std::strerror(e.sysErrno)));
    return text.trimmed();
}

QString ErrorText::describe(const RpcError& e)
{
    if (!e.isError()) return QString();
    QString t = titleOf(e);
    if (t.isEmpty())
        t = QCoreApplication::translate("onggi::client", "Error %1")
                .arg(e.errc.isEmpty() ? QString::number(e.code) : e.errc);
    QString text = t;
    // A policy refusal in the user's words; the helper's English context only for an option we
    // do not know (a newer helper).
    const QString option = e.errc == QLatin1String("forbidden") ? policyOption(e.option, e.value) : QString();
    if (!option.isEmpty()) text = QCoreApplication::translate("onggi::client", "%1: %2").arg(t, option);
    else if (!e.message.isEmpty()) text = QCoreApplication::translate("onggi::client", "%1: %2").arg(t, e.message);
    if (e.sysErrno > 0 && !e.message.contains(QString::fromLocal8Bit(std::strerror(e.sysErrno))))
        text = QCoreApplication::translate("onggi::client", "%1 (%2)")
                   .arg(text, QString::fromLocal8Bit(std::strerror(e.sysErrno)));
    const QString h = hint(e);
    if (!h.isEmpty()) text += QLatin1Char('\n') + h;
    return text;
}

}  // namespace onggi::client

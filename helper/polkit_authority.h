// PolkitAuthority: asks polkit whether a peer may do one org.onggi.* action, through pkcheck(1)
// with the peer as a unix-process subject "pid,start-time,uid" (the start time read when the
// connection was accepted, the uid from SO_PEERCRED: no pid-reuse race, CVE-2013-4288).
//
// Why pkcheck and not QtDBus: the helper links QtCore and QtNetwork only (design.md); pkcheck is
// polkit's own documented client for exactly this (Debian package pkexec/polkitd), it speaks to
// the system bus named by DBUS_SYSTEM_BUS_ADDRESS like any other client (tests start a private
// bus and polkitd), and it runs as a child process, so a slow authentication dialog
// (--allow-user-interaction, auth_admin) never blocks the helper's event loop. One check costs
// one fork+exec, and only members' privileged asks need one.
#pragma once

#include <sys/types.h>

#include <QObject>

#include <cstdint>
#include <functional>
#include <string>

namespace onggi::helper {

struct Peer;

class PolkitAuthority : public QObject {
    Q_OBJECT
public:
    enum class Verdict {
        yes,          // authorized
        no,           // not authorized (a rule said no, or the defaults refuse)
        challenge,    // would need authentication and no agent answered
        dismissed,    // the user dismissed the authentication dialog
        unavailable,  // no pkcheck, no system bus, no polkitd: polkit does not run here
    };
    static const char* verdict_name(Verdict v);

    // pkcheck: the program (empty: "pkcheck" from PATH). timeout_ms bounds one check.
    explicit PolkitAuthority(std::string pkcheck = {}, int timeout_ms = 120000, QObject* parent = nullptr);

    void check(const Peer& peer, const std::string& action_id, std::function<void(Verdict)> done);

private:
    std::string pkcheck_;
    int timeout_ms_;
};

}  // namespace onggi::helper

// ErrorText: the ONE place that turns an RpcError into translated, user-facing text
// (context "onggi::client"). The GUI and onggictl both show errors through it.
#pragma once

#include "client/rpc_error.h"

#include <QString>

namespace onggi::client {

class ErrorText {
public:
    // A full sentence for the user: what went wrong, the helper's detail, and for connection
    // problems what to do ("start the helper", "join the group onggi").
    static QString describe(const RpcError& e);
    // Only the translated title for an errc ("No such container or image"); empty if unknown.
    static QString title(const QString& errc);
    // What to do about it, or empty.
    static QString hint(const RpcError& e);
    // errc "forbidden": the refused option in words ("the capability SYS_ADMIN (--cap-add)"),
    // or empty for an option this client does not know.
    static QString policyOption(const QString& option, const QString& value);
    // For a person in their own language: the translated title, or for a refusal the helper
    // explained in numbers (error.data "reason") a sentence built from those numbers, plus
    // the hint. Never the helper's English context or errno text: that is details().
    static QString explain(const RpcError& e);
    // The helper's raw English context and errno, for a details box or a log.
    static QString details(const RpcError& e);
};

}  // namespace onggi::client

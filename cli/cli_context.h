// CliContext: what every onggictl command shares: the helper connection (opened on first use,
// hello pipelined with the first request), --json, output, and docker-like error reporting.
#pragma once

#include "cli/arg_parser.h"
#include "client/helper_client.h"

#include <QJsonValue>
#include <QString>

namespace onggi::cli {

// Exit codes as docker's.
enum ExitCode {
    kExitOk = 0,
    kExitFailure = 1,         // a helper error for ps/stop/rm/...
    kExitCliError = 125,      // onggictl itself or the helper failed for run/create; bad flags
    kExitCannotInvoke = 126,  // the command in the container cannot be invoked
    kExitNotFound = 127,      // the command in the container was not found
};

class CliContext {
public:
    QString socketPath;  // --host / ONGGI_SOCKET / default
    bool json = false;   // --json
    bool debug = false;  // --debug: the raw protocol on stderr

    client::HelperClient& client() { return client_; }
    // Connect once (and queue hello). False with the error printed.
    bool ensureConnected();
    // Blocking request; the connection is opened first. On failure the RpcResult carries the error.
    client::RpcResult call(const QString& method, const QJsonObject& params = QJsonObject(), bool expectFd = false);
    // Queue a request (pipelining); wait with client().waitForReply(). Null when not connected.
    client::RpcReply* send(const QString& method, const QJsonObject& params = QJsonObject(), bool expectFd = false);

    // "Error response from helper: ..." (or the connection problem with its hint) on stderr.
    int fail(const client::RpcError& e, int exitCode = kExitFailure);
    // "onggictl: <text>" on stderr.
    int failText(const QString& text, int exitCode = kExitCliError);
    // Flag errors: the message, then "See 'onggictl run --help'.", exit 125.
    int usageError(const ArgParser& p);
    // Parse args; on --help print help and return 0 via *exitCode; on error print and 125.
    bool parseArgs(ArgParser& p, const QStringList& args, int* exitCode);

    static void out(const QString& text);      // stdout, UTF-8, as is
    static void outLine(const QString& text);  // stdout + newline
    static void errLine(const QString& text);  // stderr + newline
    static void printJson(const QJsonValue& v, bool pretty = true);

private:
    client::HelperClient client_;
    bool tried_ = false;
};

}  // namespace onggi::cli

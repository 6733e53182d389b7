#include "cli/cli_context.h"

#include "client/error_text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace onggi::cli {

namespace {
}  // namespace

bool CliContext::ensureConnected()
{
    if (client_.isConnected()) return true;
    if (tried_) return false;
    tried_ = true;
    client_.setClientName(QStringLiteral("onggictl/%1").arg(QCoreApplication::applicationVersion()));
    if (!client_.connectToHelper(socketPath)) {
        fail(client_.lastError(), kExitCliError);
        return false;
    }
    // The hello goes out with the first request (pipelined); its reply is matched when it comes.
    client::RpcReply* h = client_.hello();
    QObject::connect(h, &client::RpcReply::finished, h, &QObject::deleteLater);
    return true;
}

client::RpcReply* CliContext::send(const QString& method, const QJsonObject& params, bool expectFd)
{
    if (!ensureConnected()) return nullptr;
    if (debug)
        errLine(QStringLiteral("-> %1 %2")
                    .arg(method, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))));
    return client_.call(method, params, expectFd, nullptr);
}

client::RpcResult CliContext::call(const QString& method, const QJsonObject& params, bool expectFd)
{
    client::RpcResult r;
    if (!ensureConnected()) {
        r.error = client_.lastError();
        return r;
    }
    if (debug)
        errLine(QStringLiteral("-> %1 %2")
                    .arg(method, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))));
    r = client_.callSync(method, params, -1, expectFd);
    if (debug)
        errLine(QStringLiteral("<- %1 %2")
                    .arg(method, r.ok() ? QString::fromUtf8(QJsonDocument(r.result).toJson(QJsonDocument::Compact))
                                        : r.error.errc + QLatin1Char(' ') + r.error.message));
    return r;
}

int CliContext::fail(const client::RpcError& e, int exitCode)
{
    static bool connectionReported = false;
    const bool fromHelper = e.code <= -32000 && e.code >= -32768;
    const bool connection = !fromHelper;
    if (connection) {
        // One connection problem is reported once, not once per container of "rm a b c".
        if (connectionReported) return exitCode;
        connectionReported = true;
        errLine(client::ErrorText::describe(e));
        return exitCode;
    }
    errLine(
        QCoreApplication::translate("onggictl", "Error response from helper: %1").arg(client::ErrorText::describe(e)));
    return exitCode;
}

int CliContext::failText(const QString& text, int exitCode)
{
    errLine(QCoreApplication::translate("onggictl", "onggictl: %1").arg(text));
    return exitCode;
}

int CliContext::usageError(const ArgParser& p)
{
    errLine(p.errorText());
    errLine(QCoreApplication::translate("onggictl", "See 'onggictl %1 --help'.").arg(p.command()));
    return kExitCliError;
}

bool CliContext::parseArgs(ArgParser& p, const QStringList& args, int* exitCode)
{
    // The README promises --json for every command, also after the command's name
    // ("onggictl ps --json"), as well as before it ("onggictl --json ps").
    p.addFlag({QStringLiteral("json")}, QCoreApplication::translate("onggictl", "Print results as JSON"));
    if (!p.parse(args)) {
        *exitCode = usageError(p);
        return false;
    }
    if (p.helpRequested()) {
        out(p.helpText());
        *exitCode = kExitOk;
        return false;
    }
    if (p.isSet(QStringLiteral("json"))) json = true;
    return true;
}

void CliContext::out(const QString& text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
}

void CliContext::outLine(const QString& text)
{
    out(text);
    std::fputc('\n', stdout);
}

void CliContext::errLine(const QString& text)
{
    std::fflush(stdout);
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fputc('\n', stderr);
}

void CliContext::printJson(const QJsonValue& v, bool pretty)
{
    const auto fmt = pretty ? QJsonDocument::Indented : QJsonDocument::Compact;
    QByteArray b;
    if (v.isArray()) b = QJsonDocument(v.toArray()).toJson(fmt);
    else if (v.isObject()) b = QJsonDocument(v.toObject()).toJson(fmt);
    else b = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + '\n';
    if (!b.endsWith('\n')) b += '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
}

}  // namespace onggi::cli

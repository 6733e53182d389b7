// ExecResult: the reply of a non-interactive container.exec.
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace onggi::client {

struct ExecResult {
    int exitCode = 0;
    QByteArray stdoutData, stderrData;
    bool truncated = false;

    static ExecResult fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

#include "client/exec_result.h"

#include <QJsonValue>
#include <QString>

namespace onggi::client {

ExecResult ExecResult::fromJson(const QJsonObject& o)
{
    ExecResult r;
    r.exitCode = o.value(QLatin1String("exit_code")).toInt();
    r.stdoutData = o.value(QLatin1String("stdout")).toString().toUtf8();
    r.stderrData = o.value(QLatin1String("stderr")).toString().toUtf8();
    r.truncated = o.value(QLatin1String("truncated")).toBool();
    return r;
}

}  // namespace onggi::client

// ProcessInfo: one process of container.top.
#pragma once

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct ProcessInfo {
    qint64 hostPid = 0, pid = 0, uid = 0;
    QString state, cmd;

    static ProcessInfo fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

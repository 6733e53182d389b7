// Event: one "event" notification of an events.subscribe subscription.
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace onggi::client {

struct Event {
    qint64 subscription = 0;
    QString time, type, action, id, name;
    QMap<QString, QString> attributes;  // "exit_code" -> "137", "oom_killed" -> "true"
    QJsonObject raw;

    static Event fromJson(const QJsonObject& params);
};

}  // namespace onggi::client

// ContainerSummary: one container as container.list / container.inspect report it.
#pragma once

#include "client/limits.h"

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct ContainerSummary {
    QString id, shortId, name, image, command;
    QString imageId;                         // sha256:... of the image it was created from
    QString state;                           // created | running | paused | exited
    QString created, startedAt, finishedAt;  // RFC 3339, empty when not yet
    int exitCode = 0;
    bool oomKilled = false;
    qint64 pid = 0;
    qint64 ownerUid = -1;
    QString restartPolicy;
    int restartCount = 0;
    Limits limits;
    QJsonObject raw;  // everything the helper sent (fields added later, --json output)

    bool isRunning() const { return state == QLatin1String("running") || state == QLatin1String("paused"); }
    static ContainerSummary fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

#include "client/pull_progress.h"

#include <QCoreApplication>

namespace onggi::client {

PullProgress PullProgress::fromJson(const QJsonObject& o)
{
    PullProgress p;
    p.pull = o.value(QLatin1String("pull")).toInteger();
    p.layer = o.value(QLatin1String("layer")).toString();
    p.phase = o.value(QLatin1String("phase")).toString();
    p.current = o.value(QLatin1String("current")).toInteger();
    p.total = o.value(QLatin1String("total")).toInteger();
    p.message = o.value(QLatin1String("message")).toString();
    p.image = o.value(QLatin1String("image")).toString();
    return p;
}

QString PullProgress::phaseText() const
{
    if (phase == QLatin1String("waiting")) return QCoreApplication::translate("onggi::client", "Waiting");
    if (phase == QLatin1String("downloading")) return QCoreApplication::translate("onggi::client", "Downloading");
    if (phase == QLatin1String("retrying")) return QCoreApplication::translate("onggi::client", "Retrying");
    if (phase == QLatin1String("verifying")) return QCoreApplication::translate("onggi::client", "Verifying Checksum");
    if (phase == QLatin1String("extracting")) return QCoreApplication::translate("onggi::client", "Extracting");
    if (phase == QLatin1String("already_exists")) return QCoreApplication::translate("onggi::client", "Already exists");
    if (phase == QLatin1String("done")) return QCoreApplication::translate("onggi::client", "Pull complete");
    if (phase == QLatin1String("resolving")) return QCoreApplication::translate("onggi::client", "Resolving");
    return phase;
}

}  // namespace onggi::client

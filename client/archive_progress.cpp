#include "client/archive_progress.h"

#include <QCoreApplication>

namespace onggi::client {

ArchiveProgress ArchiveProgress::fromJson(const QJsonObject& o)
{
    ArchiveProgress p;
    p.op = o.value(QLatin1String("op")).toString();
    p.path = o.value(QLatin1String("path")).toString();
    p.phase = o.value(QLatin1String("phase")).toString();
    p.current = o.value(QLatin1String("current")).toInteger();
    p.total = o.value(QLatin1String("total")).toInteger();
    return p;
}

QString ArchiveProgress::phaseText() const
{
    if (phase == QLatin1String("packing")) return QCoreApplication::translate("onggi::client", "Packing layers");
    if (phase == QLatin1String("writing")) return QCoreApplication::translate("onggi::client", "Writing the archive");
    if (phase == QLatin1String("reading")) return QCoreApplication::translate("onggi::client", "Reading the archive");
    if (phase == QLatin1String("unpacking")) return QCoreApplication::translate("onggi::client", "Unpacking layers");
    return phase;
}

}  // namespace onggi::client

#include "client/log_line.h"

namespace onggi::client {

LogLine LogLine::fromJson(const QJsonObject& o)
{
    LogLine l;
    l.subscription = o.value(QLatin1String("subscription")).toInteger();
    l.id = o.value(QLatin1String("id")).toString();
    l.time = o.value(QLatin1String("t")).toString();
    l.stream = o.value(QLatin1String("stream")).toString();
    l.line = o.value(QLatin1String("line")).toString();
    return l;
}

} // namespace onggi::client

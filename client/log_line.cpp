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
    const QJsonValue b64 = o.value(QLatin1String("b64"));
    l.bytes = b64.isString() ? QByteArray::fromBase64(b64.toString().toLatin1()) : l.line.toUtf8();
    return l;
}

} // namespace onggi::client

#include "client/log_line.h"

#include <QCoreApplication>

#include <climits>

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

QString LogLine::gapNotice(qint64 lostBytes)
{
    const int n = lostBytes > INT_MAX ? INT_MAX : int(lostBytes);
    //: shown in a followed log where rotation deleted lines before this program read them
    return QCoreApplication::translate(
        "onggi::client", "--- %n byte(s) of log deleted by rotation before they were read ---", nullptr, n);
}

}  // namespace onggi::client

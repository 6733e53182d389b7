#include "client/image_info.h"

#include <QJsonArray>

namespace onggi::client {

ImageInfo ImageInfo::fromJson(const QJsonObject& o)
{
    ImageInfo i;
    i.id = o.value(QLatin1String("id")).toString();
    i.name = o.value(QLatin1String("name")).toString();
    i.tag = o.value(QLatin1String("tag")).toString();
    i.created = o.value(QLatin1String("created")).toString();
    i.size = o.value(QLatin1String("size")).toInteger();
    i.builtin = o.value(QLatin1String("builtin")).toBool();
    for (const QJsonValue& v : o.value(QLatin1String("layers")).toArray()) i.layers << v.toString();
    i.raw = o;
    return i;
}

} // namespace onggi::client

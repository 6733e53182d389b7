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
    i.shortId = o.value(QLatin1String("short_id")).toString();
    if (i.shortId.isEmpty()) i.shortId = i.id.mid(i.id.indexOf(QLatin1Char(':')) + 1).left(12);
    i.size = o.value(QLatin1String("size")).toInteger();
    i.sharedSize = o.value(QLatin1String("shared_size")).toInteger();
    i.uniqueSize = o.value(QLatin1String("unique_size")).toInteger(i.size - i.sharedSize);
    for (const QJsonValue& v : o.value(QLatin1String("repo_tags")).toArray()) i.repoTags << v.toString();
    i.builtin = o.value(QLatin1String("builtin")).toBool();
    for (const QJsonValue& v : o.value(QLatin1String("layers")).toArray()) i.layers << v.toString();
    i.raw = o;
    return i;
}

QString ImageInfo::reference() const
{
    if (name.isEmpty()) return shortId;
    return tag.isEmpty() ? name : name + QLatin1Char(':') + tag;
}

}  // namespace onggi::client

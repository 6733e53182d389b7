#include "client/image_detail.h"

#include <QJsonArray>

namespace onggi::client {

ImageDetail ImageDetail::fromJson(const QJsonObject& o)
{
    ImageDetail d;
    d.image = ImageInfo::fromJson(o);
    d.os = o.value(QLatin1String("os")).toString();
    d.architecture = o.value(QLatin1String("architecture")).toString();
    for (const QJsonValue& v : o.value(QLatin1String("layer_sizes")).toArray()) {
        const QJsonObject l = v.toObject();
        d.layerSizes.append({l.value(QLatin1String("diff_id")).toString(), l.value(QLatin1String("size")).toInteger()});
    }
    return d;
}

}  // namespace onggi::client

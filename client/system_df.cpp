#include "client/system_df.h"

#include <QJsonArray>

namespace onggi::client {

static SystemDf::Part part(const QJsonObject& o)
{
    SystemDf::Part p;
    p.count = o.value(QLatin1String("count")).toInteger();
    p.active = o.value(QLatin1String("active")).toInteger();
    p.size = o.value(QLatin1String("size")).toInteger();
    p.reclaimable = o.value(QLatin1String("reclaimable")).toInteger();
    return p;
}

SystemDf SystemDf::fromJson(const QJsonObject& o)
{
    SystemDf d;
    const QJsonObject im = o.value(QLatin1String("images")).toObject();
    d.images = part(im);
    const QJsonObject cs = o.value(QLatin1String("containers")).toObject();
    d.containers = part(cs);
    for (const QJsonValue& v : cs.value(QLatin1String("list")).toArray()) {
        const QJsonObject c = v.toObject();
        d.containerList.push_back({c.value(QLatin1String("id")).toString(), c.value(QLatin1String("name")).toString(),
                                   c.value(QLatin1String("state")).toString(),
                                   c.value(QLatin1String("size")).toInteger()});
    }
    d.unusedLayers = im.value(QLatin1String("unused_layers")).toInteger();
    d.unusedBlobs = im.value(QLatin1String("unused_blobs")).toInteger();
    return d;
}

}  // namespace onggi::client

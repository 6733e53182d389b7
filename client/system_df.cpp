#include "client/system_df.h"

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
    d.containers = part(o.value(QLatin1String("containers")).toObject());
    d.unusedLayers = im.value(QLatin1String("unused_layers")).toInteger();
    d.unusedBlobs = im.value(QLatin1String("unused_blobs")).toInteger();
    return d;
}

} // namespace onggi::client

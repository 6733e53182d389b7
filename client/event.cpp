#include "client/event.h"

namespace onggi::client {

Event Event::fromJson(const QJsonObject& p)
{
    Event e;
    e.subscription = p.value(QLatin1String("subscription")).toInteger();
    e.time = p.value(QLatin1String("time")).toString();
    e.type = p.value(QLatin1String("type")).toString();
    e.action = p.value(QLatin1String("action")).toString();
    e.id = p.value(QLatin1String("id")).toString();
    e.name = p.value(QLatin1String("name")).toString();
    const QJsonObject a = p.value(QLatin1String("attributes")).toObject();
    for (auto it = a.begin(); it != a.end(); ++it)
        e.attributes.insert(it.key(),
                            it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    e.raw = p;
    return e;
}

}  // namespace onggi::client

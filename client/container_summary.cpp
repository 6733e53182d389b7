#include "client/container_summary.h"

namespace onggi::client {

ContainerSummary ContainerSummary::fromJson(const QJsonObject& o)
{
    ContainerSummary c;
    auto s = [&](const char* k) { return o.value(QLatin1String(k)).toString(); };
    c.id = s("id");
    c.shortId = s("short_id");
    if (c.shortId.isEmpty()) c.shortId = c.id.left(12);
    c.name = s("name");
    c.image = s("image");
    c.imageId = s("image_id");
    c.command = s("command");
    c.state = s("state");
    c.created = s("created");
    c.startedAt = s("started_at");
    c.finishedAt = s("finished_at");
    c.exitCode = o.value(QLatin1String("exit_code")).toInt();
    c.oomKilled = o.value(QLatin1String("oom_killed")).toBool();
    c.pid = o.value(QLatin1String("pid")).toInteger();
    c.ownerUid = o.value(QLatin1String("owner_uid")).toInteger(-1);
    c.restartPolicy = s("restart_policy");
    c.restartCount = o.value(QLatin1String("restart_count")).toInt();
    c.limits = Limits::fromJson(o.value(QLatin1String("limits")).toObject());
    c.raw = o;
    return c;
}

}  // namespace onggi::client

#include "client/container_inspect.h"

#include <QJsonDocument>

namespace onggi::client {

ContainerInspect ContainerInspect::fromJson(const QJsonObject& o)
{
    ContainerInspect i;
    i.container = ContainerSummary::fromJson(o.value(QLatin1String("container")).toObject());
    i.configText =
        QString::fromUtf8(QJsonDocument(o.value(QLatin1String("config")).toObject()).toJson(QJsonDocument::Indented));
    i.cgroupPath = o.value(QLatin1String("cgroup_path")).toString();
    i.network = ContainerNetworkView::fromJson(o.value(QLatin1String("network")).toObject());
    return i;
}

}  // namespace onggi::client

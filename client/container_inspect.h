// ContainerInspect: container.inspect, typed for the GUI's container page (the Inspect tab
// shows the OCI config.json as text; the Learn tab needs the container's summary).
#pragma once

#include "client/container_summary.h"
#include "client/network_info.h"

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct ContainerInspect {
    ContainerSummary container;
    QString configText;            // config.json, indented, as the helper stored it
    QString cgroupPath;            // "/onggi/<id>"
    ContainerNetworkView network;  // its addresses and published ports

    static ContainerInspect fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

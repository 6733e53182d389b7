// ImageDetail: images.inspect, typed (docs/protocol.md): the image and each layer's size.
#pragma once

#include "client/image_info.h"

#include <QList>
#include <QString>

namespace onggi::client {

struct ImageLayerSize {
    QString diffId;   // sha256:...
    qint64 size = 0;  // bytes of the unpacked layer in the store
};

struct ImageDetail {
    ImageInfo image;
    QString os, architecture;
    QList<ImageLayerSize> layerSizes;  // bottom layer first

    static ImageDetail fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

// SystemDf: system.df, typed (docs/protocol.md): the disk the images and containers use.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace onggi::client {

struct SystemDf {
    struct Part {
        qint64 count = 0, active = 0, size = 0, reclaimable = 0;
    };
    Part images;      // size counts each layer once, plus the store's garbage
    Part containers;  // writable layers of the containers the caller may see
    struct Container {
        QString id, name, state;
        qint64 size = 0;  // its writable layer (overlay upper directory), bytes
    };
    QList<Container> containerList;
    qint64 unusedLayers = 0, unusedBlobs = 0;

    static SystemDf fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

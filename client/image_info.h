// ImageInfo: one image of images.list.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace onggi::client {

struct ImageInfo {
    QString id, shortId, name, tag, created;
    qint64 size = 0;
    qint64 sharedSize = 0, uniqueSize = 0;  // bytes of layers another image uses too / only this one
    QStringList repoTags;
    bool builtin = false;
    QStringList layers;  // diff ids, bottom layer first
    QJsonObject raw;

    static ImageInfo fromJson(const QJsonObject& o);
    // name:tag, or the short id of an image without a name.
    QString reference() const;
};

}  // namespace onggi::client

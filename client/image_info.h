// ImageInfo: one image of images.list.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace onggi::client {

struct ImageInfo {
    QString id, name, tag, created;
    qint64 size = 0;
    bool builtin = false;
    QStringList layers;
    QJsonObject raw;

    static ImageInfo fromJson(const QJsonObject& o);
};

} // namespace onggi::client

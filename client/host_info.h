// HostInfo / HelloInfo: what hello tells about the helper, the host and the caller.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace onggi::client {

struct HostInfo {
    QString kernel, cgroupMode, hostname;  // cgroupMode: v1 | v2 | hybrid
    int cpus = 0;
    qint64 memoryBytes = 0;
    QStringList features;

    bool hasFeature(const QString& f) const { return features.contains(f); }
    static HostInfo fromJson(const QJsonObject& o);
};

struct HelloInfo {
    int protocol = 0;
    QString helperVersion;
    HostInfo host;
    qint64 uid = -1;
    bool admin = false;
    QJsonObject raw;

    static HelloInfo fromJson(const QJsonObject& o);
};

}  // namespace onggi::client

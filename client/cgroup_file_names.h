// CgroupFileNames: the helper's one table of cgroupfs file names (hello's host.cgroup_files,
// made from engine/cgroup/knobs.*): for each knob id ("memory_limit"), what cgroup v1 and v2
// call its file. The GUI names kernel files only from here or from container.kernel_view.
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace onggi::client {

struct CgroupFileNames {
    struct Names {
        QString v1, v2;
    };
    QMap<QString, Names> byKnob;

    bool isEmpty() const { return byKnob.isEmpty(); }
    // The file of a knob on v1 / v2; `missing` when the helper named none (the mode has no such
    // file, or no hello yet).
    QString v1(const QString& knob, const QString& missing = QString()) const;
    QString v2(const QString& knob, const QString& missing = QString()) const;
    // From hello's "host" object.
    static CgroupFileNames fromHost(const QJsonObject& host);
};

}  // namespace onggi::client

#include "client/cgroup_file_names.h"

namespace onggi::client {

QString CgroupFileNames::v1(const QString& knob, const QString& missing) const
{
    const QString n = byKnob.value(knob).v1;
    return n.isEmpty() ? missing : n;
}

QString CgroupFileNames::v2(const QString& knob, const QString& missing) const
{
    const QString n = byKnob.value(knob).v2;
    return n.isEmpty() ? missing : n;
}

CgroupFileNames CgroupFileNames::fromHost(const QJsonObject& host)
{
    CgroupFileNames f;
    const QJsonObject files = host.value(QLatin1String("cgroup_files")).toObject();
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        f.byKnob.insert(it.key(),
                        Names{o.value(QLatin1String("v1")).toString(), o.value(QLatin1String("v2")).toString()});
    }
    return f;
}

}  // namespace onggi::client

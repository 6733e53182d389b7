#include "client/process_info.h"

namespace onggi::client {

ProcessInfo ProcessInfo::fromJson(const QJsonObject& o)
{
    ProcessInfo p;
    p.hostPid = o.value(QLatin1String("host_pid")).toInteger();
    p.pid = o.value(QLatin1String("pid")).toInteger();
    p.uid = o.value(QLatin1String("uid")).toInteger();
    p.state = o.value(QLatin1String("state")).toString();
    p.cmd = o.value(QLatin1String("cmd")).toString();
    return p;
}

}  // namespace onggi::client

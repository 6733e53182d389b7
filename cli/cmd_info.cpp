// onggictl info: the helper, the host and how many containers and images there are.
#include "cli/commands.h"
#include "client/byte_size.h"
#include "client/host_info.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onggi::cli {

int cmdInfo(CliContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("info"), QCoreApplication::translate("onggictl", "info"),
                QCoreApplication::translate("onggictl", "Display system-wide information"));
    p.setPositionalRange(0, 0);
    int rc;
    if (!ctx.parseArgs(p, args, &rc)) return rc;
    if (!ctx.ensureConnected()) return kExitCliError;
    client::RpcReply* hello =
        ctx.send(QStringLiteral("hello"), {{QLatin1String("client"), QStringLiteral("onggictl")},
                                           {QLatin1String("protocol"), client::HelperClient::kProtocolVersion}});
    client::RpcReply* list = ctx.send(QStringLiteral("container.list"), {{QLatin1String("all"), true}});
    client::RpcReply* images = ctx.send(QStringLiteral("images.list"));
    for (client::RpcReply* r : {hello, list, images}) ctx.client().waitForReply(r);
    for (client::RpcReply* r : {hello, list, images})
        if (r->isError()) return ctx.fail(r->error());
    const auto h = client::HelloInfo::fromJson(hello->result());
    const QJsonArray cs = list->result().value(QLatin1String("containers")).toArray();
    int running = 0, paused = 0, stopped = 0;
    for (const QJsonValue& v : cs) {
        const QString s = v.toObject().value(QLatin1String("state")).toString();
        if (s == QLatin1String("running")) ++running;
        else if (s == QLatin1String("paused")) ++paused;
        else ++stopped;
    }
    const int nImages = int(images->result().value(QLatin1String("images")).toArray().size());
    if (ctx.json) {
        QJsonObject o = hello->result();
        o.insert(QLatin1String("containers"), QJsonObject{{QLatin1String("total"), int(cs.size())},
                                                          {QLatin1String("running"), running},
                                                          {QLatin1String("paused"), paused},
                                                          {QLatin1String("stopped"), stopped}});
        o.insert(QLatin1String("images"), nImages);
        o.insert(QLatin1String("socket"), ctx.client().socketPath());
        CliContext::printJson(o);
    } else {
        CliContext::outLine(QCoreApplication::translate("onggictl", "Containers: %1").arg(cs.size()));
        CliContext::outLine(QCoreApplication::translate("onggictl", " Running: %1").arg(running));
        CliContext::outLine(QCoreApplication::translate("onggictl", " Paused: %1").arg(paused));
        CliContext::outLine(QCoreApplication::translate("onggictl", " Stopped: %1").arg(stopped));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Images: %1").arg(nImages));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Helper Version: %1").arg(h.helperVersion));
        CliContext::outLine(
            QCoreApplication::translate("onggictl", "Helper Socket: %1").arg(ctx.client().socketPath()));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Cgroup Mode: %1").arg(h.host.cgroupMode));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Kernel Version: %1").arg(h.host.kernel));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Name: %1").arg(h.host.hostname));
        CliContext::outLine(QCoreApplication::translate("onggictl", "CPUs: %1").arg(h.host.cpus));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Total Memory: %1")
                                .arg(client::ByteSize::formatBinary(double(h.host.memoryBytes))));
        CliContext::outLine(
            QCoreApplication::translate("onggictl", "Features: %1").arg(h.host.features.join(QStringLiteral(", "))));
        CliContext::outLine(QCoreApplication::translate("onggictl", "Admin: %1")
                                .arg(h.admin ? QCoreApplication::translate("onggictl", "yes")
                                             : QCoreApplication::translate("onggictl", "no")));
    }
    delete hello;
    delete list;
    delete images;
    return kExitOk;
}

}  // namespace onggi::cli

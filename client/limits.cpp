#include "client/limits.h"

#include <QJsonArray>

namespace onggi::client {

bool Limits::isEmpty() const
{
    return !cpus && !cpuWeight && !cpuset && !memory && !memoryHigh && !memoryReservation && !memorySwap && !pids &&
           !io;
}

QJsonObject Limits::toJson() const
{
    QJsonObject o;
    if (cpus) o.insert(QLatin1String("cpus"), *cpus);
    if (cpuWeight) o.insert(QLatin1String("cpu_weight"), *cpuWeight);
    if (cpuset) o.insert(QLatin1String("cpuset"), *cpuset);
    if (memory) o.insert(QLatin1String("memory"), *memory);
    if (memoryHigh) o.insert(QLatin1String("memory_high"), *memoryHigh);
    if (memoryReservation) o.insert(QLatin1String("memory_reservation"), *memoryReservation);
    if (memorySwap) o.insert(QLatin1String("memory_swap"), *memorySwap);
    if (pids) o.insert(QLatin1String("pids"), *pids);
    if (io) {
        QJsonArray a;
        for (const IoLimit& l : *io)
            a.append(QJsonObject{{QLatin1String("device"), l.device},
                                 {QLatin1String("read_bps"), l.readBps},
                                 {QLatin1String("write_bps"), l.writeBps},
                                 {QLatin1String("read_iops"), l.readIops},
                                 {QLatin1String("write_iops"), l.writeIops}});
        o.insert(QLatin1String("io"), a);
    }
    return o;
}

Limits Limits::fromJson(const QJsonObject& o)
{
    Limits l;
    auto num = [&](const char* k) -> std::optional<qint64> {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isDouble()) return std::nullopt;
        return v.toInteger(qint64(v.toDouble()));
    };
    if (o.value(QLatin1String("cpus")).isDouble()) l.cpus = o.value(QLatin1String("cpus")).toDouble();
    l.cpuWeight = num("cpu_weight");
    if (o.value(QLatin1String("cpuset")).isString()) l.cpuset = o.value(QLatin1String("cpuset")).toString();
    l.memory = num("memory");
    l.memoryHigh = num("memory_high");
    l.memoryReservation = num("memory_reservation");
    l.memorySwap = num("memory_swap");
    l.pids = num("pids");
    if (o.value(QLatin1String("io")).isArray()) {
        QList<IoLimit> io;
        for (const QJsonValue& v : o.value(QLatin1String("io")).toArray()) {
            const QJsonObject d = v.toObject();
            IoLimit x;
            x.device = d.value(QLatin1String("device")).toString();
            x.readBps = d.value(QLatin1String("read_bps")).toInteger();
            x.writeBps = d.value(QLatin1String("write_bps")).toInteger();
            x.readIops = d.value(QLatin1String("read_iops")).toInteger();
            x.writeIops = d.value(QLatin1String("write_iops")).toInteger();
            io.append(x);
        }
        l.io = io;
    }
    return l;
}

}  // namespace onggi::client

// ArchiveProgress: one images.archive.progress notification (docs/protocol.md), typed: how far
// an images.save or images.load this connection asked for is.
#pragma once

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct ArchiveProgress {
    QString op;     // "save" or "load"
    QString path;   // the archive file
    QString phase;  // save: packing (layers), writing (bytes); load: reading (bytes), unpacking (layers)
    qint64 current = 0, total = 0;  // total 0: not known

    static ArchiveProgress fromJson(const QJsonObject& o);
    // "Packing layers", "Writing the archive", "Reading the archive", "Unpacking layers", translated.
    QString phaseText() const;
    bool countsBytes() const { return phase == QLatin1String("writing") || phase == QLatin1String("reading"); }
};

}  // namespace onggi::client

// PullProgress: one images.pull.progress notification (docs/protocol.md), typed.
#pragma once

#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct PullProgress {
    qint64 pull = 0;
    QString layer;  // 12 hex of the layer's blob digest; empty for the whole pull
    QString phase;  // started resolving waiting downloading retrying verifying extracting already_exists done
    qint64 current = 0, total = 0;
    QString message, image;

    static PullProgress fromJson(const QJsonObject& o);
    // The phase as docker words it ("Downloading", "Pull complete"), translated.
    QString phaseText() const;
};

}  // namespace onggi::client

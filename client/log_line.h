// LogLine: one line of container.logs, or of a container.log notification (follow).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace onggi::client {

struct LogLine {
    qint64 subscription = 0;  // set for container.log notifications
    QString id;               // container id (notifications)
    QString time;             // RFC 3339 nano, empty without timestamps
    QString stream;           // stdout | stderr
    QString line;             // the text, with its trailing newline when it had one
    QByteArray bytes;         // the exact bytes ("b64" when they are not UTF-8, else line's UTF-8)

    static LogLine fromJson(const QJsonObject& o);
    // The line shown where a follower lost lines to rotation (container.log.gap): "lostBytes
    // bytes of log were deleted by rotation before they were read", translated.
    static QString gapNotice(qint64 lostBytes);
};

}  // namespace onggi::client

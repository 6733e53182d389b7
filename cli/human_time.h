// HumanTime: docker's "5 seconds ago", "Up 3 minutes", "Exited (0) 2 hours ago", translated.
#pragma once

#include <QDateTime>
#include <QString>

namespace onggi::cli {

class HumanTime {
public:
    static QDateTime parse(const QString& rfc3339);  // invalid when empty / unreadable
    static QString duration(qint64 seconds);         // "About a minute", "3 hours"
    static QString ago(const QString& rfc3339);      // "5 seconds ago"; "" when unknown
};

}  // namespace onggi::cli

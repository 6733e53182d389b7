#include "cli/human_time.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace onggi::cli {

QDateTime HumanTime::parse(const QString& s)
{
    if (s.isEmpty()) return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        // Nanoseconds: cut the fraction to milliseconds.
        static const QRegularExpression frac(QStringLiteral("\\.(\\d{3})\\d*"));
        QString x = s;
        x.replace(frac, QStringLiteral(".\\1"));
        t = QDateTime::fromString(x, Qt::ISODateWithMs);
    }
    return t;
}

QString HumanTime::duration(qint64 s)
{
    if (s < 1) return QCoreApplication::translate("onggictl", "Less than a second");
    if (s < 60) return QCoreApplication::translate("onggictl", "%n second(s)", nullptr, int(s));
    if (s < 120) return QCoreApplication::translate("onggictl", "About a minute");
    if (s < 3600) return QCoreApplication::translate("onggictl", "%n minute(s)", nullptr, int(s / 60));
    if (s < 7200) return QCoreApplication::translate("onggictl", "About an hour");
    if (s < 48 * 3600) return QCoreApplication::translate("onggictl", "%n hour(s)", nullptr, int(s / 3600));
    if (s < 14 * 86400) return QCoreApplication::translate("onggictl", "%n day(s)", nullptr, int(s / 86400));
    if (s < 60 * 86400) return QCoreApplication::translate("onggictl", "%n week(s)", nullptr, int(s / (7 * 86400)));
    if (s < 730 * 86400) return QCoreApplication::translate("onggictl", "%n month(s)", nullptr, int(s / (30 * 86400)));
    return QCoreApplication::translate("onggictl", "%n year(s)", nullptr, int(s / (365 * 86400)));
}

QString HumanTime::ago(const QString& rfc3339)
{
    const QDateTime t = parse(rfc3339);
    if (!t.isValid()) return QString();
    const qint64 s = t.secsTo(QDateTime::currentDateTimeUtc());
    return QCoreApplication::translate("onggictl", "%1 ago").arg(duration(qMax<qint64>(s, 0)));
}

} // namespace onggi::cli

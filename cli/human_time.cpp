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
    // lupdate 6.4 hangs on a numerus count that is an expression: each count is a plain name.
    const auto units = [](qint64 secs, qint64 unit) { return int(secs / unit); };
    if (s < 1) return QCoreApplication::translate("onggictl", "Less than a second");
    if (s < 60) {
        const int n = units(s, 1);
        return QCoreApplication::translate("onggictl", "%n second(s)", nullptr, n);
    }
    if (s < 120) return QCoreApplication::translate("onggictl", "About a minute");
    if (s < 3600) {
        const int n = units(s, 60);
        return QCoreApplication::translate("onggictl", "%n minute(s)", nullptr, n);
    }
    if (s < 7200) return QCoreApplication::translate("onggictl", "About an hour");
    if (s < 48 * 3600) {
        const int n = units(s, 3600);
        return QCoreApplication::translate("onggictl", "%n hour(s)", nullptr, n);
    }
    if (s < 14 * 86400) {
        const int n = units(s, 86400);
        return QCoreApplication::translate("onggictl", "%n day(s)", nullptr, n);
    }
    if (s < 60 * 86400) {
        const int n = units(s, 7 * 86400);
        return QCoreApplication::translate("onggictl", "%n week(s)", nullptr, n);
    }
    if (s < 730 * 86400) {
        const int n = units(s, 30 * 86400);
        return QCoreApplication::translate("onggictl", "%n month(s)", nullptr, n);
    }
    const int n = units(s, 365 * 86400);
    return QCoreApplication::translate("onggictl", "%n year(s)", nullptr, n);
}

QString HumanTime::ago(const QString& rfc3339)
{
    const QDateTime t = parse(rfc3339);
    if (!t.isValid()) return QString();
    const qint64 s = t.secsTo(QDateTime::currentDateTimeUtc());
    return QCoreApplication::translate("onggictl", "%1 ago").arg(duration(qMax<qint64>(s, 0)));
}

}  // namespace onggi::cli

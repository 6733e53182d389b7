#include "client/byte_size.h"

#include <cmath>

namespace onggi::client {

std::optional<qint64> ByteSize::parse(QStringView text)
{
    QString s = text.trimmed().toString().toLower();
    if (s.isEmpty()) return std::nullopt;
    // Strip an optional "b" / "ib" after the unit letter: "64mb", "64mib", "12b".
    if (s.endsWith(QLatin1String("ib")) && s.size() >= 3 && s.at(s.size() - 3).isLetter()) s.chop(2);
    else if (s.endsWith(QLatin1Char('b')) && s.size() >= 2 && s.at(s.size() - 2).isLetter()) s.chop(1);
    double mult = 1;
    const QChar last = s.at(s.size() - 1);
    if (last.isLetter()) {
        switch (last.toLatin1()) {
        case 'b': mult = 1; break;
        case 'k': mult = 1024.0; break;
        case 'm': mult = 1024.0 * 1024; break;
        case 'g': mult = 1024.0 * 1024 * 1024; break;
        case 't': mult = 1024.0 * 1024 * 1024 * 1024; break;
        case 'p': mult = 1024.0 * 1024 * 1024 * 1024 * 1024; break;
        default: return std::nullopt;
        }
        s.chop(1);
    }
    if (s.isEmpty()) return std::nullopt;
    for (QChar c : s)
        if (!c.isDigit() && c != QLatin1Char('.')) return std::nullopt;  // no sign, no exponent
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || !std::isfinite(v)) return std::nullopt;
    const double bytes = std::floor(v * mult);
    if (bytes >= 9.2e18) return std::nullopt;
    return qint64(bytes);
}

namespace {
QString format(double v, double base, const char* const* units, int n)
{
    int i = 0;
    while (v >= base && i < n - 1) {
        v /= base;
        ++i;
    }
    return QString::number(v, 'g', 4) + QLatin1String(units[i]);
}
}  // namespace

QString ByteSize::formatBinary(double bytes)
{
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    return format(bytes, 1024.0, units, 6);
}

QString ByteSize::formatDecimal(double bytes)
{
    static const char* const units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    return format(bytes, 1000.0, units, 6);
}

}  // namespace onggi::client

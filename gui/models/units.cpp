#include "gui/models/units.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace onggi::gui {

QString Units::bytes(double b)
{
    static const char* const names[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int i = 0;
    double v = b;
    while (std::fabs(v) >= 1024.0 && i < 4) {
        v /= 1024.0;
        ++i;
    }
    QLocale loc;
    const int prec = (i == 0) ? 0 : (v < 10 ? 2 : (v < 100 ? 1 : 0));
    //: %1 is a number, %2 a binary unit (KiB, MiB ...)
    return QCoreApplication::translate("Units", "%1 %2").arg(loc.toString(v, 'f', prec), QLatin1String(names[i]));
}

QString Units::bytesPerSecond(double bps)
{
    //: a transfer rate: %1 is a size such as "1.2 MiB"
    return QCoreApplication::translate("Units", "%1/s").arg(bytes(bps));
}

QString Units::percent(double p)
{
    return QCoreApplication::translate("Units", "%1 %").arg(QLocale().toString(p, 'f', p < 10 ? 1 : 0));
}

QString Units::cores(double c)
{
    return QCoreApplication::translate("Units", "%1 cores").arg(QLocale().toString(c, 'f', 2));
}

QString Units::duration(qint64 s)
{
    if (s < 0) s = 0;
    const qint64 d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60, sec = s % 60;
    if (d > 0) return QCoreApplication::translate("Units", "%1d %2h").arg(d).arg(h);
    if (h > 0) return QCoreApplication::translate("Units", "%1h %2m").arg(h).arg(m);
    if (m > 0) return QCoreApplication::translate("Units", "%1m %2s").arg(m).arg(sec);
    return QCoreApplication::translate("Units", "%1s").arg(sec);
}

QString Units::count(qint64 n) { return QLocale().toString(n); }

}  // namespace onggi::gui

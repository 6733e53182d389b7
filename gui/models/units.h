// Formatting of sizes, rates, percentages and durations for display, following the locale
// of the current translation (Korean digit grouping, "MiB" etc.).
#pragma once

#include <QString>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class Units {
public:
    static QString bytes(double b);             // "12.3 MiB"
    static QString bytesPerSecond(double bps);  // "1.2 MiB/s"
    static QString percent(double p);           // "12.5 %"
    static QString cores(double c);             // "0.50 cores"
    static QString duration(qint64 seconds);    // "3d 4h", "5m 12s"
    static QString count(qint64 n);
};

}  // namespace gui
}  // namespace onggi

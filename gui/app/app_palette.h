// --palette dark|light|system: a dark or light palette on the Fusion style built from
// palette roles only (for desktops without a dark theme, and for the screenshots that check
// every page in a dark palette); "system" leaves the platform's palette.
#pragma once

#include <QString>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class AppPalette {
public:
    // False for an unknown name (nothing changed).
    static bool apply(const QString& name);
};

}  // namespace gui
}  // namespace onggi

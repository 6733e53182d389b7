// --screenshots DIR: once the window shows live data, visit each tab of the selected
// container (and the create dialog) and save the window as PNGs named <lang>-NN-<what>.png,
// then quit. Used by the `screenshots` target under Xvfb to look at the UI in both languages.
#pragma once

#include <QObject>
#include <QString>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow* window, QString dir, QString prefix, QObject* parent = nullptr);
    void start(int timeoutMs = 30000);

private:
    void step();
    void shoot(const QString& what, QWidget* w = nullptr);

    MainWindow* m_window;
    QString m_dir, m_prefix;
    int m_step = 0, m_shot = 0, m_waited = 0, m_timeoutMs = 30000;
};

}  // namespace gui
}  // namespace onggi

// Toolbar icons for the container actions that follow the palette: the icon theme's own when
// the desktop has one, else a simple shape painted in the palette's button text colour at
// paint time (the style's built-in media icons are black: invisible in a dark palette).
#pragma once

#include <QIconEngine>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class ActionIconEngine : public QIconEngine {
public:
    enum Shape { New, Start, Stop, Pause, Restart, Remove, Overview, Images };

    // The theme icon `themeName` when the theme has it, else this engine's shape.
    static QIcon icon(Shape shape, const QString& themeName);

    explicit ActionIconEngine(Shape shape) : m_shape(shape) {}
    void paint(QPainter* p, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine* clone() const override { return new ActionIconEngine(m_shape); }

private:
    Shape m_shape;
};

}  // namespace gui
}  // namespace onggi

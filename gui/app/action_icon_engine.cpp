#include "gui/app/action_icon_engine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace onggi::gui {

QIcon ActionIconEngine::icon(Shape shape, const QString& themeName)
{
    if (!themeName.isEmpty() && QIcon::hasThemeIcon(themeName)) return QIcon::fromTheme(themeName);
    return QIcon(new ActionIconEngine(shape));
}

QPixmap ActionIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paint(&p, QRect(QPoint(0, 0), size), mode, state);
    return pm;
}

void ActionIconEngine::paint(QPainter* p, const QRect& rect, QIcon::Mode mode, QIcon::State)
{
    const QPalette pal = QGuiApplication::palette();
    QColor ink = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Normal, QPalette::ButtonText);
    if (mode == QIcon::Disabled) ink.setAlphaF(0.45f);
    QColor accent = pal.color(QPalette::Normal, QPalette::Highlight);
    if (mode == QIcon::Disabled) accent = ink;
    const qreal s = std::min(rect.width(), rect.height());
    const QRectF r(rect.x() + (rect.width() - s) / 2 + s * 0.15, rect.y() + (rect.height() - s) / 2 + s * 0.15, s * 0.7,
                   s * 0.7);
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(Qt::NoPen);
    p->setBrush(ink);
    const qreal pw = std::max<qreal>(1.5, s / 10.0);
    switch (m_shape) {
    case Start: {
        QPainterPath tri;
        tri.moveTo(r.left() + r.width() * 0.12, r.top());
        tri.lineTo(r.right(), r.center().y());
        tri.lineTo(r.left() + r.width() * 0.12, r.bottom());
        tri.closeSubpath();
        p->setBrush(accent);
        p->drawPath(tri);
        break;
    }
    case Stop:
        p->drawRoundedRect(r.adjusted(r.width() * 0.08, r.height() * 0.08, -r.width() * 0.08, -r.height() * 0.08),
                           s * 0.06, s * 0.06);
        break;
    case Pause:
        p->drawRect(QRectF(r.left() + r.width() * 0.1, r.top(), r.width() * 0.3, r.height()));
        p->drawRect(QRectF(r.right() - r.width() * 0.4, r.top(), r.width() * 0.3, r.height()));
        break;
    case Restart: {
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(ink, pw, Qt::SolidLine, Qt::RoundCap));
        p->drawArc(r.adjusted(pw, pw, -pw, -pw), 60 * 16, 300 * 16);
        QPainterPath head;
        const QPointF tip(r.center().x() + r.width() * 0.42, r.top() + r.height() * 0.02);
        head.moveTo(tip);
        head.lineTo(tip + QPointF(-r.width() * 0.05, r.height() * 0.38));
        head.lineTo(tip + QPointF(-r.width() * 0.40, r.height() * 0.12));
        head.closeSubpath();
        p->setPen(Qt::NoPen);
        p->setBrush(ink);
        p->drawPath(head);
        break;
    }
    case Remove: {
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(ink, pw, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p->drawLine(QPointF(r.left(), r.top() + r.height() * 0.15), QPointF(r.right(), r.top() + r.height() * 0.15));
        p->drawRect(QRectF(r.left() + r.width() * 0.15, r.top() + r.height() * 0.3, r.width() * 0.7, r.height() * 0.7));
        p->drawLine(QPointF(r.center().x(), r.top() + r.height() * 0.45),
                    QPointF(r.center().x(), r.bottom() - r.height() * 0.12));
        break;
    }
    case New: {
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(ink, pw, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
        p->drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
        break;
    }
    case Overview: {
        const qreal gap = r.width() * 0.12, w = (r.width() - gap) / 2, h = (r.height() - gap) / 2;
        p->drawRect(QRectF(r.left(), r.top() + h * 0.6, w, h * 0.4 + h + gap));
        p->setBrush(accent);
        p->drawRect(QRectF(r.left() + w + gap, r.top(), w, r.height()));
        break;
    }
    case Images: {  // three stacked layers, the top one in the accent colour
        const qreal h = r.height() * 0.26, gap = (r.height() - 3 * h) / 2;
        for (int i = 0; i < 3; ++i) {
            p->setBrush(i == 0 ? accent : ink);
            p->drawRoundedRect(QRectF(r.left(), r.top() + i * (h + gap), r.width(), h), s * 0.04, s * 0.04);
        }
        break;
    }
    }
    p->restore();
}

}  // namespace onggi::gui

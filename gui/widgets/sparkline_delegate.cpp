#include "gui/widgets/sparkline_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace onggi::gui {

SparklineDelegate::SparklineDelegate(Mode mode, int historyRole, int scaleRole, int fractionRole, QObject* parent)
    : QStyledItemDelegate(parent), m_mode(mode), m_historyRole(historyRole), m_scaleRole(scaleRole),
      m_fractionRole(fractionRole)
{
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(s.width() + kPictureWidth / 2);
    return s;
}

void SparklineDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* w = opt.widget;
    QStyle* style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, p, w);  // background and selection

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup cg = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    QColor ink = opt.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Highlight);
    const QRect r = opt.rect.adjusted(3, 3, -3, -3);
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    if (m_mode == Sparkline) {
        const QList<double> h = index.data(m_historyRole).value<QList<double>>();
        const double scale = index.data(m_scaleRole).toDouble();
        if (h.size() >= 2 && scale > 0) {
            const QRectF pic(r.left(), r.top(), std::min(r.width(), kPictureWidth + r.width() / 3), r.height());
            const double dx = pic.width() / 59.0;  // ContainerListModel::kSparkPoints - 1
            const double x0 = pic.right() - dx * double(h.size() - 1);
            QPainterPath line;
            for (int i = 0; i < h.size(); ++i) {
                const double y = pic.bottom() - std::clamp(h[i] / scale, 0.0, 1.0) * pic.height();
                const QPointF pt(x0 + dx * i, y);
                if (i == 0) line.moveTo(pt);
                else line.lineTo(pt);
            }
            QPainterPath area = line;
            area.lineTo(pic.right(), pic.bottom());
            area.lineTo(x0, pic.bottom());
            area.closeSubpath();
            QColor fill = ink;
            fill.setAlphaF(0.18f);
            p->fillPath(area, fill);
            QColor stroke = ink;
            stroke.setAlphaF(0.7f);
            p->setPen(QPen(stroke, 1.2));
            p->drawPath(line);
        }
    } else {
        const QVariant f = index.data(m_fractionRole);
        if (f.isValid()) {
            const double frac = std::clamp(f.toDouble(), 0.0, 1.0);
            const QRectF bar(r.left(), r.bottom() - 4, r.width() * frac, 4);
            QColor back = ink;
            back.setAlphaF(0.15f);
            p->fillRect(QRectF(r.left(), r.bottom() - 4, r.width(), 4), back);
            QColor fill = ink;
            fill.setAlphaF(frac > 0.9 ? 0.95f : 0.6f);
            p->fillRect(bar, fill);
        }
    }
    p->restore();
    // The text last, above the picture, aligned as the model asks.
    p->setPen(opt.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Text));
    p->setFont(opt.font);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, w);
    p->drawText(textRect, int(opt.displayAlignment),
                opt.fontMetrics.elidedText(text, opt.textElideMode, textRect.width()));
}

}  // namespace onggi::gui

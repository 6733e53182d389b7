#include "gui/widgets/layer_stack_view.h"
#include "gui/models/units.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace onggi::gui {

namespace {
constexpr int kColumnWidth = 150;
constexpr int kGap = 18;
constexpr int kMargin = 12;
constexpr int kTitleHeight = 42;

int blockHeight(qint64 size)
{
    // 24 px for an empty or unknown layer, 6 px more for each factor of 10 above 1 KiB: 1 MiB is
    // 42 px, 100 MiB 54 px; the largest layers never push the others off the view.
    if (size <= 1024) return 24;
    return std::min(72, 24 + int(6.0 * std::log10(double(size) / 1024.0)));
}
}  // namespace

LayerStackView::LayerStackView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("layerStackView"));
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
}

void LayerStackView::setStacks(const LayerStacks& stacks)
{
    m_stacks = stacks;
    layout();
    updateGeometry();
    update();
}

void LayerStackView::setSelected(const QString& diffIdOrContainerId)
{
    m_selected = diffIdOrContainerId;
    update();
}

void LayerStackView::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    layout();
}

void LayerStackView::layout()
{
    int tallest = 0;
    for (const LayerColumn& c : m_stacks.columns) {
        int h = 0;
        for (const LayerBlock& b : c.blocks) h += blockHeight(b.size) + 2;
        tallest = std::max(tallest, h);
    }
    // On the floor of the view, as stacks stand (the scroll area gives it at least its hint).
    m_contentHeight = tallest + kTitleHeight + 2 * kMargin;
    m_baseline = std::max(kMargin + tallest, height() - kTitleHeight - kMargin);
    m_rects.clear();
    m_titles.clear();
    for (int i = 0; i < m_stacks.columns.size(); ++i) {
        const int x = kMargin + i * (kColumnWidth + kGap);
        QList<QRect> rects;
        int y = m_baseline;
        for (const LayerBlock& b : m_stacks.columns[i].blocks) {
            const int h = blockHeight(b.size);
            y -= h;
            rects.push_back(QRect(x, y, kColumnWidth, h));
            y -= 2;
        }
        m_rects.push_back(rects);
        m_titles.push_back(QRect(x, m_baseline + 6, kColumnWidth, kTitleHeight));
    }
}

QSize LayerStackView::sizeHint() const
{
    const int n = int(m_stacks.columns.size());
    return QSize(2 * kMargin + std::max(1, n) * (kColumnWidth + kGap), m_contentHeight);
}

QRect LayerStackView::blockRect(int column, int block) const
{
    if (column < 0 || column >= m_rects.size() || block < 0 || block >= m_rects[column].size()) return {};
    return m_rects[column][block];
}

LayerStackView::Hit LayerStackView::hitAt(const QPoint& p) const
{
    for (int c = 0; c < m_rects.size(); ++c)
        for (int b = 0; b < m_rects[c].size(); ++b)
            if (m_rects[c][b].contains(p)) return {c, b};
    return {};
}

QString LayerStackView::blockText(const LayerBlock& b) const
{
    const QString size = b.size < 0 ? QStringLiteral("…") : Units::bytes(double(b.size));
    if (b.writable()) return tr("writable · %1").arg(size);
    return QStringLiteral("%1 · %2").arg(b.diffId.mid(b.diffId.indexOf(QLatin1Char(':')) + 1, 8), size);
}

void LayerStackView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    if (m_stacks.columns.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No images yet."));
        return;
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(kMargin / 2, m_baseline + 1, width() - kMargin / 2, m_baseline + 1);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.9));
    for (int c = 0; c < m_stacks.columns.size(); ++c) {
        const LayerColumn& col = m_stacks.columns[c];
        for (int b = 0; b < col.blocks.size(); ++b) {
            const LayerBlock& blk = col.blocks[b];
            const QRectF r = QRectF(m_rects[c][b]).adjusted(0.5, 0.5, -0.5, -0.5);
            QColor fill = blk.writable() ? pal.color(QPalette::Base) : m_stacks.colorOf(blk.diffId, dark);
            const bool hot = blk.writable() ? m_hoverWritable == col.id : (!m_hover.isEmpty() && m_hover == blk.diffId);
            const bool chosen = blk.writable() ? m_selected == col.id : m_selected == blk.diffId;
            QPen edge(hot || chosen ? pal.color(QPalette::Highlight) : pal.color(QPalette::Dark), chosen ? 3.0
                                                                                                  : hot  ? 2.0
                                                                                                         : 1.0);
            if (blk.writable()) edge.setStyle(Qt::DashLine);
            p.setPen(edge);
            p.setBrush(fill);
            p.drawRoundedRect(r, 4, 4);
            p.setPen(blk.writable() ? pal.color(QPalette::Text) : (fill.lightness() < 140 ? Qt::white : Qt::black));
            p.setFont(small);
            p.drawText(r.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, blockText(blk));
        }
        p.setPen(pal.color(QPalette::WindowText));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        const QRect t = m_titles[c];
        const QString title = p.fontMetrics().elidedText(col.title, Qt::ElideMiddle, t.width());
        p.drawText(t, Qt::AlignHCenter | Qt::AlignTop, title);
        p.setFont(small);
        p.setPen(pal.color(QPalette::PlaceholderText));
        QString sub;
        if (col.kind == LayerColumn::Image) sub = tr("image");
        else if (col.state == QLatin1String("running")) sub = tr("container, running");
        else if (col.state == QLatin1String("paused")) sub = tr("container, paused");
        else if (col.state == QLatin1String("created")) sub = tr("container, created");
        else sub = tr("container, stopped");
        p.drawText(t.adjusted(0, p.fontMetrics().height() + 4, 0, 0), Qt::AlignHCenter | Qt::AlignTop, sub);
    }
}

void LayerStackView::mouseMoveEvent(QMouseEvent* e)
{
    const Hit h = hitAt(e->position().toPoint());
    QString layer, writable;
    if (h.column >= 0) {
        const LayerBlock& b = m_stacks.columns[h.column].blocks[h.block];
        if (b.writable()) writable = m_stacks.columns[h.column].id;
        else layer = b.diffId;
    }
    if (layer != m_hover || writable != m_hoverWritable) {
        m_hover = layer;
        m_hoverWritable = writable;
        setCursor(h.column >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void LayerStackView::mousePressEvent(QMouseEvent* e)
{
    const Hit h = hitAt(e->position().toPoint());
    if (h.column < 0 || e->button() != Qt::LeftButton) return;
    const LayerColumn& col = m_stacks.columns[h.column];
    const LayerBlock& b = col.blocks[h.block];
    if (b.writable()) emit writableClicked(col.id);
    else emit layerClicked(b.diffId);
}

void LayerStackView::leaveEvent(QEvent*)
{
    m_hover.clear();
    m_hoverWritable.clear();
    update();
}

bool LayerStackView::event(QEvent* e)
{
    if (e->type() != QEvent::ToolTip) return QWidget::event(e);
    auto* he = static_cast<QHelpEvent*>(e);
    const Hit h = hitAt(he->pos());
    if (h.column < 0) {
        QToolTip::hideText();
        e->ignore();
        return true;
    }
    const LayerColumn& col = m_stacks.columns[h.column];
    const LayerBlock& b = col.blocks[h.block];
    QString text;
    if (b.writable()) {
        text = tr("The writable layer of %1: what it changed, %2. Click to list the files.")
                   .arg(col.title, b.size < 0 ? tr("size not known") : Units::bytes(double(b.size)));
    } else {
        int images = 0, containers = 0;
        for (int i : m_stacks.usersOf(b.diffId))
            (m_stacks.columns[i].kind == LayerColumn::Image ? images : containers)++;
        text = tr("Layer %1, %2: stored once on disk.")
                   .arg(b.diffId, b.size < 0 ? tr("size not known") : Units::bytes(double(b.size)));
        text += QLatin1Char('\n') + tr("Images using it: %n", nullptr, images);
        text += QLatin1Char('\n') + tr("Containers using it: %n", nullptr, containers);
    }
    QToolTip::showText(he->globalPos(), text, this);
    return true;
}

}  // namespace onggi::gui

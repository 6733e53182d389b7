// Draws LayerStacks: a column per image and per container, layers as blocks from the bottom
// up, each layer the same colour wherever it is used, its height growing with its size (log
// scale), a container's writable layer on top with a dashed edge. Hovering a layer outlines it
// in every column that shares it; a click selects a layer or a container's writable layer.
#pragma once

#include "gui/models/layer_stacks.h"

#include <QWidget>

namespace onggi::gui {

class LayerStackView : public QWidget {
    Q_OBJECT
public:
    explicit LayerStackView(QWidget* parent = nullptr);

    void setStacks(const LayerStacks& stacks);
    const LayerStacks& stacks() const { return m_stacks; }
    // Where block `block` of column `column` is drawn (empty when there is none): for tests.
    QRect blockRect(int column, int block) const;
    QString hoveredLayer() const { return m_hover; }
    // Outlined as chosen: a layer (its diff_id) everywhere it is used, or a container's writable layer.
    void setSelected(const QString& diffIdOrContainerId);
    QSize sizeHint() const override;

signals:
    void layerClicked(const QString& diffId);
    void writableClicked(const QString& containerId);

protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void leaveEvent(QEvent*) override;
    void resizeEvent(QResizeEvent* e) override;
    bool event(QEvent* e) override;

private:
    struct Hit {
        int column = -1, block = -1;
    };
    Hit hitAt(const QPoint& p) const;
    void layout();
    QString blockText(const LayerBlock& b) const;

    LayerStacks m_stacks;
    QList<QList<QRect>> m_rects;  // per column, per block
    QList<QRect> m_titles;        // per column: where its title goes
    int m_baseline = 0, m_contentHeight = 0;
    QString m_selected;
    QString m_hover;          // diff_id under the mouse
    QString m_hoverWritable;  // container id whose writable layer is under the mouse
};

}  // namespace onggi::gui

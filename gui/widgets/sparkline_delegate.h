// Paints a list cell as its text over a small picture of its recent past: a sparkline of
// HistoryRole scaled to ScaleRole (CPU), or a bar of FractionRole (memory), in the palette's
// highlight colour at low opacity so the text stays readable in light and dark palettes.
#pragma once

#include <QStyledItemDelegate>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum Mode { Sparkline, Bar };
    // historyRole/scaleRole/fractionRole: the model's roles that carry the picture.
    SparklineDelegate(Mode mode, int historyRole, int scaleRole, int fractionRole, QObject* parent = nullptr);

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static constexpr int kPictureWidth = 56;  // device-independent pixels beside the text

private:
    Mode m_mode;
    int m_historyRole, m_scaleRole, m_fractionRole;
};

}  // namespace gui
}  // namespace onggi

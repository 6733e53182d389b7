// The dashboard's host chart for one metric (CPU or memory) over the model's history: the
// containers' use stacked (the biggest few each in its own colour, the rest as "other
// containers"), the host's total as a line above them (the gap is the host's own processes),
// axes scaled to the host (CPUs × 100 %, total memory). Painted by hand from the model's
// aligned vectors, once per frame: cheap with 50 containers, and every colour comes from the
// palette (series hues are turned from its highlight colour), so it reads in dark palettes.
#pragma once

#include "gui/models/host_overview_model.h"

#include <QWidget>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class StackedUsageChart : public QWidget {
    Q_OBJECT
public:
    StackedUsageChart(HostOverviewModel* model, HostOverviewModel::Metric metric, QWidget* parent = nullptr);

    static constexpr int kShown = 5;  // containers with their own colour
    // The containers drawn in their own colour now, bottom first (for tests).
    QStringList shownIds() const;
    // The colour of the k-th series for this palette (k = kShown: "other containers").
    static QColor seriesColor(const QPalette& pal, int k);

    QSize sizeHint() const override { return {360, 220}; }
    QSize minimumSizeHint() const override { return {220, 150}; }

protected:
    void paintEvent(QPaintEvent* e) override;

private:
    QString valueText(double v) const;

    HostOverviewModel* m_model;
    HostOverviewModel::Metric m_metric;
};

}  // namespace gui
}  // namespace onggi

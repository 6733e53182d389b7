// The dashboard's host chart for one metric (CPU or memory) over the model's history: the
// containers' use stacked (the biggest few each in its own colour, the rest as "other
// containers"), the host's total as a line above them (the gap is the host's own processes),
// axes fitted to the containers' highest stack in the window (a few MiB of containers stay
// visible beside 23 GiB of host memory), the host line then running along the top edge with
// its value in the legend ("whole host 5.2 GiB ↑"); or, on request, to scale with the host
// (CPUs × 100 %, total memory), as plasma-systemmonitor's fixed range. Painted by hand from the model's
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
    enum class Scale {
        FitContainers,  // the y axis ends a round step above the containers' highest stack
        WholeHost,      // the y axis is the host: CPUs × 100 %, its total memory
    };
    void setScale(Scale scale);
    Scale scale() const { return m_scale; }
    // The value at the plot's top edge now (model units: % or bytes).
    double axisTop() const;
    // The containers' highest stack over the window.
    double containersPeak() const;
    // The host's line is above the axis now (drawn along the top edge, its value in the legend).
    bool hostAboveAxis() const;
    // The smallest "round" value (1, 2, 2.5, 5 × 10^k; for bytes within KiB/MiB/GiB) ≥ v.
    static double roundUp(double v, bool bytes);
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
    Scale m_scale = Scale::FitContainers;
};

}  // namespace gui
}  // namespace onggi

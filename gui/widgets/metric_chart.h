// One live chart (Qt Charts) of a few StatsHistoryModel columns over a time window.
// redraw() rebuilds every series in one replace() call each: the panel calls it once per
// stats frame, never once per value. Hovering a line shows the value with its unit.
// Each run of the container is its own line (the model's startsRun): nothing is drawn across
// the time it was not running. A limit line is always visible: within reach of the data it
// is drawn at its value; far above it (1024 PIDs over 3 processes, 4 GiB over 20 MiB) the
// data keeps the height of the chart and the limit runs along the top edge, its value named
// in the legend ("Process limit 1024 ↑").
#pragma once

#include "gui/models/stats_history_model.h"

#include <QChartView>
#include <QList>
#include <QPointer>

class QLineSeries;
class QScatterSeries;
class QDateTimeAxis;
class QValueAxis;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class MetricChart : public QChartView {
    Q_OBJECT
public:
    struct Line {
        int column;
        QColor color;
        Qt::PenStyle style = Qt::SolidLine;
        bool limitLine = false;  // drawn only where > 0 and not "unlimited"
        bool inLegend = true;
    };

    MetricChart(StatsHistoryModel* model, QList<Line> lines, QWidget* parent = nullptr);

    void setWindowSeconds(int seconds);
    void setTitle(const QString& title);
    // Show OOM kill markers (memory chart).
    void setShowOomMarkers(bool on);
    // A fixed minimum for the y range top (CPU: at least 100 % of one core is not forced).
    void setMinimumTop(double v) { m_minTop = v; }
    void redraw();

    // What is drawn, for tests and screenshots.
    int pointCount(int lineIndex) const;  // all runs together
    int runCount(int lineIndex) const;    // the separate lines drawn for it
    int oomMarkerCount() const;
    QList<QPointF> oomMarkerPoints() const;  // in model units (x: ms, y: bytes)
    double
    lastValue(int lineIndex) const;  // the value the line's last point stands for, in model units (a clipped limit too)
    bool limitClipped(int lineIndex) const;  // drawn along the top edge, above the range
    double axisTop() const;                  // in model units

    void retranslateUi();

protected:
    void changeEvent(QEvent* e) override;

private:
    QString formatValue(double v) const;
    void applyPalette();
    void onHovered(int lineIndex, const QPointF& p, bool state);

    QPointer<StatsHistoryModel> m_model;
    QList<Line> m_lines;
    QLineSeries* newSeries(int lineIndex);
    QList<QList<QLineSeries*>> m_series;  // per line: one series per run
    QList<bool> m_clipped;
    QList<double> m_last;
    QList<QString> m_names;
    QScatterSeries* m_oom = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    int m_windowSeconds = 300;
    double m_minTop = 0;
    double m_scale = 1.0;
    QString m_scaleUnit;
    QString m_title;
};

}  // namespace gui
}  // namespace onggi

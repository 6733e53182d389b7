// One live chart (Qt Charts) of a few StatsHistoryModel columns over a time window.
// redraw() rebuilds every series in one replace() call each: the panel calls it once per
// stats frame, never once per value. Hovering a line shows the value with its unit.
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
    };

    MetricChart(StatsHistoryModel* model, QList<Line> lines, QWidget* parent = nullptr);

    void setWindowSeconds(int seconds);
    void setTitle(const QString& title);
    // Show OOM kill markers (memory chart).
    void setShowOomMarkers(bool on);
    // Keep limit lines inside the y range however far above the data they are (memory: yes).
    void setLimitsAlwaysInScale(bool on) { m_limitsAlwaysInScale = on; }
    void redraw();

    // What is drawn, for tests and screenshots.
    int pointCount(int lineIndex) const;
    int oomMarkerCount() const;
    double lastValue(int lineIndex) const;  // in model units

    void retranslateUi();

protected:
    void changeEvent(QEvent* e) override;
    void applyPalette();  // the chart's card, text and grid in the widget palette's roles

private:
    QString formatValue(double v) const;
    void onHovered(int lineIndex, const QPointF& p, bool state);

    QPointer<StatsHistoryModel> m_model;
    QList<Line> m_lines;
    QList<QLineSeries*> m_series;
    QScatterSeries* m_oom = nullptr;
    QDateTimeAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    int m_windowSeconds = 300;
    bool m_limitsAlwaysInScale = false;
    double m_scale = 1.0;
    QString m_scaleUnit;
    QString m_title;
};

}  // namespace gui
}  // namespace onggi

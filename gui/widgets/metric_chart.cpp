#include "gui/widgets/metric_chart.h"

#include "gui/models/units.h"

#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <cmath>

namespace onggi::gui {

namespace {
// cgroup v1 reports "no limit" as a huge page-rounded number; treat anything that large as none.
constexpr double kUnlimited = double(1ull << 60);

bool drawable(const MetricChart::Line& l, double v) { return !l.limitLine || (v > 0 && v < kUnlimited); }
}  // namespace

MetricChart::MetricChart(StatsHistoryModel* model, QList<Line> lines, QWidget* parent)
    : QChartView(parent), m_model(model), m_lines(std::move(lines))
{
    auto* chart = new QChart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(QStringLiteral("HH:mm:ss"));
    m_axisX->setTickCount(5);
    m_axisY = new QValueAxis(chart);
    m_axisY->setMin(0);
    m_axisY->setTickCount(4);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    setChart(chart);
    for (int i = 0; i < m_lines.size(); ++i) {
        m_series << QList<QLineSeries*>{newSeries(i)};
        m_clipped << false;
        m_last << 0.0;
        m_names << QString();
    }
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    applyPalette();
    retranslateUi();
}

QLineSeries* MetricChart::newSeries(int i)
{
    auto* s = new QLineSeries(chart());
    QPen pen(m_lines[i].color);
    pen.setWidthF(m_lines[i].limitLine ? 1.5 : 2.0);
    pen.setStyle(m_lines[i].style);
    s->setPen(pen);
    chart()->addSeries(s);
    s->attachAxis(m_axisX);
    s->attachAxis(m_axisY);
    connect(s, &QLineSeries::hovered, this, [this, i](const QPointF& p, bool st) { onHovered(i, p, st); });
    // Only the first run of a line has a legend entry.
    const bool legend = m_lines[i].inLegend && (m_series.size() <= i || m_series[i].isEmpty());
    for (auto* marker : chart()->legend()->markers(s)) marker->setVisible(legend);
    return s;
}

void MetricChart::setShowOomMarkers(bool on)
{
    if (on == (m_oom != nullptr)) return;
    if (!on) {
        chart()->removeSeries(m_oom);
        delete m_oom;
        m_oom = nullptr;
        return;
    }
    m_oom = new QScatterSeries(chart());
    // Not the red of the memory limit line: a black-edged yellow triangle, like a warning sign.
    m_oom->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_oom->setMarkerSize(14);
    m_oom->setColor(QColor(0xff, 0xc1, 0x07));
    m_oom->setBorderColor(QColor(0x20, 0x20, 0x20));
    chart()->addSeries(m_oom);
    m_oom->attachAxis(m_axisX);
    m_oom->attachAxis(m_axisY);
    connect(m_oom, &QScatterSeries::hovered, this, [this](const QPointF& p, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const auto markers = m_model ? m_model->oomMarkers() : QList<StatsHistoryModel::OomMarker>{};
        for (const auto& m : markers) {
            if (std::llabs(m.timeMs - qint64(p.x())) < 500) {
                QToolTip::showText(QCursor::pos(),
                                   tr("OOM kill at %1\nThe kernel's out-of-memory killer ended a process in this "
                                      "container because it reached its memory limit.\nMemory limit: %2\n"
                                      "OOM kills so far: %3")
                                       .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.timeMs).time()),
                                            m.atLimit ? Units::bytes(double(m.memoryBytes)) : tr("none"),
                                            m.killsTotal > 0 ? QString::number(m.killsTotal) : QStringLiteral("?")),
                                   this);
                return;
            }
        }
    });
    retranslateUi();
}

void MetricChart::setWindowSeconds(int seconds)
{
    m_windowSeconds = std::max(10, seconds);
    redraw();
}

void MetricChart::setTitle(const QString& title)
{
    m_title = title;
    chart()->setTitle(title);
}

void MetricChart::applyPalette()
{
    // The chart follows the application's palette (a dark one too), not Qt Charts' white theme.
    const QPalette pal = palette();
    chart()->setBackgroundBrush(pal.color(QPalette::Base));
    chart()->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    chart()->setTitleBrush(pal.color(QPalette::Text));
    chart()->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis* a : {static_cast<QAbstractAxis*>(m_axisX), static_cast<QAbstractAxis*>(m_axisY)}) {
        a->setLabelsColor(pal.color(QPalette::Text));
        a->setTitleBrush(pal.color(QPalette::Text));
        QColor grid = pal.color(QPalette::Mid);
        grid.setAlpha(110);
        a->setGridLineColor(grid);
        a->setLinePenColor(pal.color(QPalette::Mid));
    }
    setBackgroundBrush(pal.color(QPalette::Window));
}

void MetricChart::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::PaletteChange) applyPalette();
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QChartView::changeEvent(e);
}

void MetricChart::retranslateUi()
{
    if (m_model)
        for (int i = 0; i < m_series.size(); ++i)
            m_names[i] = m_model->headerData(m_lines[i].column, Qt::Horizontal).toString();
    if (m_oom) m_oom->setName(tr("OOM kill"));
    redraw();
}

QString MetricChart::formatValue(double v) const
{
    if (!m_model || m_lines.isEmpty()) return QString::number(v);
    switch (m_model->headerData(m_lines[0].column, Qt::Horizontal, StatsHistoryModel::UnitRole).toInt()) {
    case StatsHistoryModel::UnitPercent: return Units::percent(v);
    case StatsHistoryModel::UnitBytes: return Units::bytes(v);
    case StatsHistoryModel::UnitBytesPerSecond: return Units::bytesPerSecond(v);
    default: return Units::count(qint64(std::llround(v)));
    }
}

void MetricChart::onHovered(int lineIndex, const QPointF& p, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(p.x())).time());
    //: chart hover: series name, time, value with unit
    QToolTip::showText(QCursor::pos(), tr("%1 at %2: %3").arg(m_names[lineIndex], when, formatValue(p.y() * m_scale)),
                       this);
}

void MetricChart::redraw()
{
    if (!m_model) return;
    const int rows = m_model->rowCount();
    const qint64 end = rows ? m_model->latestTimeMs() : QDateTime::currentMSecsSinceEpoch();
    qint64 start = end - qint64(m_windowSeconds) * 1000;
    // A young container: start the axis at its first sample (at least a minute wide) instead
    // of drawing a few seconds in the corner of an empty 15-minute chart.
    if (rows > 0) start = std::max(start, std::min(qint64(m_model->value(0, StatsHistoryModel::Time)), end - 60000));
    int first = rows;
    while (first > 0 && m_model->value(first - 1, StatsHistoryModel::Time) >= double(start)) --first;

    // The y range fits the data; a limit within reach (4x the data) joins the range, one
    // further up runs along the top edge instead of squashing the data flat.
    double maxv = 0;
    QList<double> lastLimit(m_lines.size(), 0.0);
    for (int i = 0; i < m_lines.size(); ++i)
        for (int r = first; r < rows; ++r) {
            const double v = m_model->value(r, m_lines[i].column);
            if (!drawable(m_lines[i], v)) continue;
            if (m_lines[i].limitLine) lastLimit[i] = std::max(lastLimit[i], v);
            else maxv = std::max(maxv, v);
        }
    const int unit = m_lines.isEmpty()
                         ? 0
                         : m_model->headerData(m_lines[0].column, Qt::Horizontal, StatsHistoryModel::UnitRole).toInt();
    double floorTop = unit == StatsHistoryModel::UnitPercent ? 10.0 : unit == StatsHistoryModel::UnitCount ? 5.0 : 1.0;
    double dataTop = std::max({maxv, m_minTop, unit == StatsHistoryModel::UnitBytes ? 1024.0 * 1024.0 : 0.0});
    double maxAll = dataTop;
    // An OOM kill happened at the limit: with a marker in view the limit is in range too.
    QList<StatsHistoryModel::OomMarker> markers;
    if (m_oom)
        for (const auto& m : m_model->oomMarkers())
            if (m.timeMs >= start) {
                markers.append(m);
                maxAll = std::max(maxAll, double(m.memoryBytes));
            }
    if (!markers.isEmpty()) dataTop = std::max(dataTop, maxAll);
    for (int i = 0; i < m_lines.size(); ++i)
        if (m_lines[i].limitLine && lastLimit[i] > 0 && lastLimit[i] <= 4.0 * std::max(dataTop, floorTop))
            maxAll = std::max(maxAll, lastLimit[i]);
    m_scale = 1.0;
    if (unit == StatsHistoryModel::UnitBytes || unit == StatsHistoryModel::UnitBytesPerSecond) {
        static const char* const names[] = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (maxAll / m_scale >= 1024.0 && i < 4) {
            m_scale *= 1024.0;
            ++i;
        }
        m_scaleUnit = unit == StatsHistoryModel::UnitBytes ? QString::fromLatin1(names[i])
                                                           : tr("%1/s").arg(QString::fromLatin1(names[i]));
    } else if (unit == StatsHistoryModel::UnitPercent) {
        m_scaleUnit = QStringLiteral("%");
    } else {
        m_scaleUnit.clear();
    }
    // Round ticks: a step of 1, 2, 2.5 or 5 x 10^n, at most 5 steps, the top on a step. Fewer
    // where the plot is too short for a label per step: Qt Charts would cut every label to
    // "…" (the Korean UI font is a third taller than DejaVu).
    const double plotHeight = chart()->plotArea().height();
    const double labelHeight = QFontMetricsF(m_axisY->labelsFont()).height();
    const double maxSteps = plotHeight > 0 ? std::clamp(std::floor(plotHeight / (labelHeight * 1.2)), 2.0, 5.0) : 5.0;
    const double raw = std::max(maxAll / m_scale * 1.1, unit == StatsHistoryModel::UnitBytes ? 1.0 : floorTop);
    double step = 1;
    {
        const double mag = std::pow(10.0, std::floor(std::log10(raw / maxSteps)));
        for (double f : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0})
            if (raw / (f * mag) <= maxSteps + 1e-9) {
                step = f * mag;
                break;
            }
        if (unit == StatsHistoryModel::UnitCount) step = std::max(1.0, std::round(step));
    }
    const double top = std::ceil(raw / step - 1e-9) * step;
    const double topModel = top * m_scale;

    for (int i = 0; i < m_lines.size(); ++i) {
        // Split into runs; a limit above the range is drawn along the top edge.
        QList<QList<QPointF>> runs;
        m_clipped[i] = false;
        m_last[i] = 0;
        for (int r = first; r < rows; ++r) {
            double v = m_model->value(r, m_lines[i].column);
            if (!drawable(m_lines[i], v)) continue;
            if (runs.isEmpty() || m_model->startsRun(r)) runs.append(QList<QPointF>());
            m_last[i] = v;
            if (m_lines[i].limitLine && v > topModel) {
                v = topModel * 0.995;
                m_clipped[i] = true;
            }
            runs.last().append(QPointF(m_model->value(r, StatsHistoryModel::Time), v / m_scale));
        }
        while (m_series[i].size() < runs.size()) m_series[i].append(newSeries(i));
        for (int k = 0; k < m_series[i].size(); ++k) {
            m_series[i][k]->replace(k < runs.size() ? runs[k] : QList<QPointF>());  // one update per series per frame
            m_series[i][k]->setVisible(k < runs.size() || (k == 0 && !m_lines[i].limitLine));
        }
        QString name = m_names[i];
        if (m_clipped[i]) name = tr("%1 %2 ↑").arg(name, formatValue(lastLimit[i]));
        m_series[i][0]->setName(name);
    }
    if (m_oom) {
        QList<QPointF> pts;
        for (const auto& m : markers) pts.append(QPointF(double(m.timeMs), double(m.memoryBytes) / m_scale));
        m_oom->replace(pts);
    }
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(start),
                      QDateTime::fromMSecsSinceEpoch(std::max(end, start + 1000)));
    m_axisY->setRange(0, top);
    // Fixed ticks, one per step from 0 to the top: round values (0/20/40/60, never 0/19/39/58).
    m_axisY->setTickCount(int(std::lround(top / step)) + 1);
    // As many decimals as the step has (0.25 -> 2, 0.5 -> 1, 20 -> 0).
    int decimals = 0;
    while (decimals < 3 &&
           std::fabs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    m_axisY->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    // Time labels that fit: fewer ticks on a narrow chart, seconds only on short windows.
    // Seconds only where minutes would repeat: a span of a few minutes over few ticks.
    const qint64 span = std::max(end, start + 1000) - start;
    const int ticks = std::clamp(width() / 110, 2, 6);
    const bool seconds = span / (ticks - 1) < 60000;
    m_axisX->setFormat(seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    m_axisX->setTickCount(ticks);
    m_axisY->setTitleText(m_scaleUnit);
}

int MetricChart::pointCount(int lineIndex) const
{
    if (lineIndex < 0 || lineIndex >= m_series.size()) return 0;
    int n = 0;
    for (auto* s : m_series[lineIndex]) n += int(s->count());
    return n;
}

int MetricChart::runCount(int lineIndex) const
{
    if (lineIndex < 0 || lineIndex >= m_series.size()) return 0;
    int n = 0;
    for (auto* s : m_series[lineIndex]) n += s->count() > 0;
    return n;
}

int MetricChart::oomMarkerCount() const { return m_oom ? int(m_oom->count()) : 0; }

QList<QPointF> MetricChart::oomMarkerPoints() const
{
    QList<QPointF> out;
    if (m_oom)
        for (const QPointF& p : m_oom->points()) out.append(QPointF(p.x(), p.y() * m_scale));
    return out;
}

double MetricChart::lastValue(int lineIndex) const
{
    return lineIndex >= 0 && lineIndex < m_last.size() ? m_last[lineIndex] : 0;
}

bool MetricChart::limitClipped(int lineIndex) const
{
    return lineIndex >= 0 && lineIndex < m_clipped.size() && m_clipped[lineIndex];
}

double MetricChart::axisTop() const { return m_axisY->max() * m_scale; }

}  // namespace onggi::gui

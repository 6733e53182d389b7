#include "gui/widgets/metric_chart.h"

#include "gui/models/units.h"

#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
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
    : QChartView(parent), m_model(model), m_lines(std::move(lines)) {
    auto* chart = new QChart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(QStringLiteral("HH:mm:ss"));
    m_axisX->setTickCount(4);
    m_axisY = new QValueAxis(chart);
    m_axisY->setMin(0);
    m_axisY->setTickCount(4);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (int i = 0; i < m_lines.size(); ++i) {
        auto* s = new QLineSeries(chart);
        QPen pen(m_lines[i].color);
        pen.setWidthF(m_lines[i].limitLine ? 1.5 : 2.0);
        pen.setStyle(m_lines[i].style);
        s->setPen(pen);
        chart->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        connect(s, &QLineSeries::hovered, this, [this, i](const QPointF& p, bool st) { onHovered(i, p, st); });
        m_series << s;
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    applyPalette();
    retranslateUi();
}

void MetricChart::applyPalette() {
    // QChart's default theme paints a white card whatever the palette: take every colour from
    // the palette's roles instead, so a dark palette gets a dark card with readable text.
    const QPalette& pal = palette();
    QChart* c = chart();
    setBackgroundBrush(pal.color(QPalette::Window));
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    c->setTitleBrush(pal.color(QPalette::Text));
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis* a : {static_cast<QAbstractAxis*>(m_axisX), static_cast<QAbstractAxis*>(m_axisY)}) {
        a->setLabelsColor(pal.color(QPalette::Text));
        a->setTitleBrush(pal.color(QPalette::Text));
        a->setGridLineColor(pal.color(QPalette::Midlight));
        a->setLinePenColor(pal.color(QPalette::Mid));
    }
}

void MetricChart::setShowOomMarkers(bool on) {
    if (on == (m_oom != nullptr)) return;
    if (!on) {
        chart()->removeSeries(m_oom);
        delete m_oom;
        m_oom = nullptr;
        return;
    }
    m_oom = new QScatterSeries(chart());
    m_oom->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_oom->setMarkerSize(11);
    m_oom->setColor(QColor(0xd0, 0x1c, 0x1c));
    m_oom->setBorderColor(Qt::black);
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
                                      "container because it reached its memory limit.\nMemory in use: %2\n"
                                      "OOM kills so far: %3")
                                       .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.timeMs).time()),
                                            Units::bytes(double(m.memoryBytes)), QString::number(m.killsTotal)),
                                   this);
                return;
            }
        }
    });
    retranslateUi();
}

void MetricChart::setWindowSeconds(int seconds) {
    m_windowSeconds = std::max(10, seconds);
    redraw();
}

void MetricChart::setTitle(const QString& title) {
    m_title = title;
    chart()->setTitle(title);
}

void MetricChart::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    if (e->type() == QEvent::PaletteChange) applyPalette();
    QChartView::changeEvent(e);
}

void MetricChart::retranslateUi() {
    if (m_model)
        for (int i = 0; i < m_series.size(); ++i)
            m_series[i]->setName(m_model->headerData(m_lines[i].column, Qt::Horizontal).toString());
    if (m_oom) m_oom->setName(tr("OOM kill"));
    redraw();
}

QString MetricChart::formatValue(double v) const {
    if (!m_model || m_lines.isEmpty()) return QString::number(v);
    switch (m_model->headerData(m_lines[0].column, Qt::Horizontal, StatsHistoryModel::UnitRole).toInt()) {
    case StatsHistoryModel::UnitPercent: return Units::percent(v);
    case StatsHistoryModel::UnitBytes: return Units::bytes(v);
    case StatsHistoryModel::UnitBytesPerSecond: return Units::bytesPerSecond(v);
    default: return Units::count(qint64(std::llround(v)));
    }
}

void MetricChart::onHovered(int lineIndex, const QPointF& p, bool state) {
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(p.x())).time());
    //: chart hover: series name, time, value with unit
    QToolTip::showText(QCursor::pos(),
                       tr("%1 at %2: %3").arg(m_series[lineIndex]->name(), when, formatValue(p.y() * m_scale)), this);
}

void MetricChart::redraw() {
    if (!m_model) return;
    const int rows = m_model->rowCount();
    const qint64 end = rows ? m_model->latestTimeMs() : QDateTime::currentMSecsSinceEpoch();
    qint64 start = end - qint64(m_windowSeconds) * 1000;
    // A young container: start the axis at its first sample (at least a minute wide) instead
    // of drawing a few seconds in the corner of an empty 15-minute chart.
    if (rows > 0) start = std::max(start, std::min(qint64(m_model->value(0, StatsHistoryModel::Time)), end - 60000));
    int first = rows;
    while (first > 0 && m_model->value(first - 1, StatsHistoryModel::Time) >= double(start)) --first;

    // Pick a display scale for the y axis from the largest visible value.
    // A limit line far above the data (1024 PIDs over 2 processes) would flatten the data to
    // the axis: then the axis fits the data and the limit stays named in the legend.
    double maxv = 0, maxLimit = 0;
    for (int i = 0; i < m_lines.size(); ++i)
        for (int r = first; r < rows; ++r) {
            const double v = m_model->value(r, m_lines[i].column);
            if (!drawable(m_lines[i], v)) continue;
            if (m_lines[i].limitLine) maxLimit = std::max(maxLimit, v);
            else maxv = std::max(maxv, v);
        }
    if (maxLimit > 0 && (m_limitsAlwaysInScale || maxLimit <= 10 * std::max(maxv, 1.0))) maxv = std::max(maxv, maxLimit);
    const int unit = m_lines.isEmpty() ? 0
                                       : m_model->headerData(m_lines[0].column, Qt::Horizontal, StatsHistoryModel::UnitRole).toInt();
    m_scale = 1.0;
    if (unit == StatsHistoryModel::UnitBytes || unit == StatsHistoryModel::UnitBytesPerSecond) {
        static const char* const names[] = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (maxv / m_scale >= 1024.0 && i < 4) {
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

    for (int i = 0; i < m_lines.size(); ++i) {
        QList<QPointF> pts;
        pts.reserve(rows - first);
        for (int r = first; r < rows; ++r) {
            const double v = m_model->value(r, m_lines[i].column);
            if (!drawable(m_lines[i], v)) continue;
            pts.append(QPointF(m_model->value(r, StatsHistoryModel::Time), v / m_scale));
        }
        m_series[i]->replace(pts);  // one update per series per frame
        m_series[i]->setVisible(!m_lines[i].limitLine || !pts.isEmpty());
    }
    if (m_oom) {
        QList<QPointF> pts;
        for (const auto& m : m_model->oomMarkers())
            if (m.timeMs >= start) pts.append(QPointF(double(m.timeMs), double(m.memoryBytes) / m_scale));
        m_oom->replace(pts);
    }
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(start), QDateTime::fromMSecsSinceEpoch(std::max(end, start + 1000)));
    double top = maxv / m_scale * 1.15;
    if (unit == StatsHistoryModel::UnitPercent) top = std::max(top, 10.0);
    else if (unit == StatsHistoryModel::UnitCount) top = std::max(top, 5.0);
    else top = std::max(top, 1.0);
    m_axisY->setRange(0, top);
    m_axisY->setLabelFormat(top < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    m_axisY->setTitleText(m_scaleUnit);
}

int MetricChart::pointCount(int lineIndex) const {
    return (lineIndex >= 0 && lineIndex < m_series.size()) ? int(m_series[lineIndex]->count()) : 0;
}

int MetricChart::oomMarkerCount() const { return m_oom ? int(m_oom->count()) : 0; }

double MetricChart::lastValue(int lineIndex) const {
    if (lineIndex < 0 || lineIndex >= m_series.size() || m_series[lineIndex]->count() == 0) return 0;
    return m_series[lineIndex]->at(m_series[lineIndex]->count() - 1).y() * m_scale;
}

}  // namespace onggi::gui

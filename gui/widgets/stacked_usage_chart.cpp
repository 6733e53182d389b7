#include "gui/widgets/stacked_usage_chart.h"

#include "gui/models/units.h"

#include <QPainter>
#include <QPainterPath>
#include <QtNumeric>

#include <cmath>

namespace onggi::gui {

StackedUsageChart::StackedUsageChart(HostOverviewModel* model, HostOverviewModel::Metric metric, QWidget* parent)
    : QWidget(parent), m_model(model), m_metric(metric)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    connect(model, &HostOverviewModel::frameAppended, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
}

QStringList StackedUsageChart::shownIds() const { return m_model->top(m_metric, kShown); }

QColor StackedUsageChart::seriesColor(const QPalette& pal, int k)
{
    const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
    if (k >= kShown) {  // other containers: the palette's own mid tone
        QColor c = pal.color(QPalette::Mid);
        return c;
    }
    float h = pal.color(QPalette::Highlight).hslHueF();
    if (h < 0) h = 0.58f;
    // Turn by the golden angle: neighbours differ, and five hues never come close.
    const float hue = std::fmod(h + 0.381966f * float(k), 1.0f);
    return QColor::fromHslF(hue, dark ? 0.55f : 0.6f, dark ? 0.62f : 0.45f);
}

void StackedUsageChart::setScale(Scale scale)
{
    if (scale == m_scale) return;
    m_scale = scale;
    update();
}

double StackedUsageChart::roundUp(double v, bool bytes)
{
    if (!(v > 0)) return 1;
    double unit = 1;
    if (bytes)
        while (v / unit >= 1024) unit *= 1024;
    const double x = v / unit;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 2.5, 5.0})
        if (m * p >= x * (1 - 1e-9)) return m * p * unit;
    return 10 * p * unit;
}

double StackedUsageChart::containersPeak() const
{
    const bool cpu = m_metric == HostOverviewModel::CpuMetric;
    const int n = int(m_model->times().size());
    QVector<double> sum(n, 0.0);
    for (const auto& t : m_model->tracks()) {
        const auto& v = cpu ? t.cpu : t.memory;
        for (int i = 0; i < n && i < v.size(); ++i)
            if (!qIsNaN(v[i])) sum[i] += v[i];
    }
    double peak = 0;
    for (double v : sum) peak = std::max(peak, v);
    return peak;
}

double StackedUsageChart::axisTop() const
{
    const bool cpu = m_metric == HostOverviewModel::CpuMetric;
    const double host =
        cpu ? 100.0 * std::max(1, m_model->cpus()) : double(std::max<qint64>(1, m_model->memoryTotal()));
    if (m_scale == Scale::WholeHost) return host;
    // A little headroom over the highest stack, at least 1 % of one core or 1 MiB.
    const double floor = cpu ? 1.0 : double(1 << 20);
    return std::min(host, roundUp(std::max(floor, containersPeak() * 1.1), !cpu));
}

bool StackedUsageChart::hostAboveAxis() const
{
    const QVector<double>& host = m_model->hostHistory(m_metric);
    return !host.isEmpty() && !qIsNaN(host.last()) && host.last() > axisTop();
}

QString StackedUsageChart::valueText(double v) const
{
    return m_metric == HostOverviewModel::CpuMetric ? Units::percent(v) : Units::bytes(v);
}

void StackedUsageChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette& pal = palette();
    const QFontMetrics fm(font());
    const bool cpu = m_metric == HostOverviewModel::CpuMetric;
    const double yMax = axisTop();

    // Legend above the plot: one swatch per shown container, the others, the host line.
    const QStringList ids = shownIds();
    const auto& tracks = m_model->tracks();
    const int n = int(m_model->times().size());
    struct Entry {
        QString label;
        QColor color;
        bool line = false;
    };
    QList<Entry> legend;
    for (int k = 0; k < ids.size(); ++k) legend.append({m_model->nameOf(ids[k]), seriesColor(pal, k)});
    if (tracks.size() > ids.size()) legend.append({tr("other containers"), seriesColor(pal, kShown)});
    const QVector<double>& hostNow = m_model->hostHistory(m_metric);
    if (hostAboveAxis())
        //: the dashboard chart's host line, above the chart's scale (drawn along its top edge)
        legend.append({tr("whole host %1 ↑").arg(valueText(hostNow.last())), pal.color(QPalette::Text), true});
    else legend.append({tr("whole host"), pal.color(QPalette::Text), true});
    const int sw = fm.height() * 2 / 3;
    int lx = 4, ly = 2;
    for (const Entry& e : legend) {
        const QString label = fm.elidedText(e.label, Qt::ElideRight, fm.horizontalAdvance(QLatin1Char('m')) * 12);
        const int w = sw + 4 + fm.horizontalAdvance(label) + 12;
        if (lx + w > width() && lx > 4) {
            lx = 4;
            ly += fm.height() + 2;
        }
        const QRect swatch(lx, ly + (fm.height() - sw) / 2, sw, sw);
        if (e.line) {
            p.setPen(QPen(e.color, 2));
            p.drawLine(swatch.left(), swatch.center().y(), swatch.right(), swatch.center().y());
        } else {
            p.fillRect(swatch, e.color);
        }
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(lx + sw + 4, ly, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
        lx += w;
    }

    // Plot area and axes.
    const QString yTop = valueText(yMax);
    const int left = fm.horizontalAdvance(yTop) + 8;
    const QRectF plot(left, ly + fm.height() + 6, width() - left - 6,
                      height() - (ly + fm.height() + 6) - fm.height() - 6);
    if (plot.width() < 20 || plot.height() < 20) return;
    p.fillRect(plot, pal.color(QPalette::Base));
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawRect(plot);
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int i = 0; i <= 2; ++i) {
        const double v = yMax * i / 2.0;
        const double y = plot.bottom() - plot.height() * i / 2.0;
        p.drawText(QRectF(0, y - fm.height() / 2.0, left - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   valueText(v));
        if (i > 0 && i < 2) {
            p.setPen(QPen(pal.color(QPalette::Midlight), 1, Qt::DotLine));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setPen(pal.color(QPalette::PlaceholderText));
        }
    }
    const int cap = std::max(2, m_model->capacity());
    const qint64 spanS =
        n >= 2 ? (m_model->times().last() - m_model->times().first()) / 1000 * (cap - 1) / std::max(1, n - 1) : cap;
    //: the left end of the dashboard's time axis, e.g. "5 min ago"
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width() / 2, fm.height()), Qt::AlignLeft,
               tr("%n min ago", nullptr, int(std::max<qint64>(1, (spanS + 30) / 60))));
    p.drawText(QRectF(plot.center().x(), plot.bottom() + 2, plot.width() / 2, fm.height()), Qt::AlignRight, tr("now"));
    if (n < 1) return;

    const double dx = plot.width() / double(cap - 1);
    auto X = [&](int i) { return plot.right() - dx * double(n - 1 - i); };
    auto Y = [&](double v) { return plot.bottom() - std::clamp(v / yMax, 0.0, 1.0) * plot.height(); };
    p.save();
    p.setClipRect(plot);
    QVector<double> base(n, 0.0);
    auto band = [&](const QVector<double>& add, const QColor& color) {
        QVector<double> top = base;
        for (int i = 0; i < n; ++i) top[i] += add[i];
        QPainterPath path;
        path.moveTo(X(0), Y(top[0]));
        for (int i = 1; i < n; ++i) path.lineTo(X(i), Y(top[i]));
        for (int i = n - 1; i >= 0; --i) path.lineTo(X(i), Y(base[i]));
        path.closeSubpath();
        QColor fill = color;
        fill.setAlphaF(0.75f);
        p.fillPath(path, fill);
        base = top;
    };
    for (int k = 0; k < ids.size(); ++k) {
        const auto it = tracks.constFind(ids[k]);
        if (it == tracks.cend()) continue;
        band(cpu ? it->cpu : it->memory, seriesColor(pal, k));
    }
    if (tracks.size() > ids.size()) {
        QVector<double> rest(n, 0.0);
        for (auto it = tracks.cbegin(); it != tracks.cend(); ++it) {
            if (ids.contains(it.key())) continue;
            const auto& v = cpu ? it->cpu : it->memory;
            for (int i = 0; i < n && i < v.size(); ++i) rest[i] += v[i];
        }
        band(rest, seriesColor(pal, kShown));
    }
    const QVector<double>& host = m_model->hostHistory(m_metric);
    QPainterPath hostLine;
    bool pen = false;
    for (int i = 0; i < n; ++i) {
        if (qIsNaN(host[i])) {
            pen = false;
            continue;
        }
        if (!pen) hostLine.moveTo(X(i), Y(host[i]));
        else hostLine.lineTo(X(i), Y(host[i]));
        pen = true;
    }
    p.setPen(QPen(pal.color(QPalette::Text), 1.6));
    p.drawPath(hostLine);
    p.restore();
}

}  // namespace onggi::gui

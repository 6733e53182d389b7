#include "gui/widgets/weight_split_demo.h"

#include "client/error_text.h"
#include "client/helper_client.h"
#include "client/kernel_view.h"
#include "client/rpc_reply.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTimer>
#include <QVBoxLayout>

namespace onggi::gui {

namespace {
constexpr int kPollMs = 1000;
constexpr int kWindowS = 3;  // the chart's share is over the last 3 s
const QColor kColors[2] = {QColor(0x4e, 0x9a, 0xf0), QColor(0xf0, 0x8c, 0x3c)};

// The container's cumulative CPU time in ns from its cgroup files (v1 cpuacct.usage, v2
// cpu.stat's usage_usec; the helper names the files by knob); -1 when the host has none.
qint64 usageNs(const client::KernelView& v, QString* path)
{
    if (const auto* f = v.cgroupFile(QStringLiteral("cpu_usage"))) {
        *path = f->path;
        return f->value.toLongLong();
    }
    const qint64 us = v.cgroupKey(QStringLiteral("cpu_stat"), QStringLiteral("usage_usec"));
    if (const auto* f = v.cgroupFile(QStringLiteral("cpu_stat"))) *path = f->path;
    return us < 0 ? -1 : us * 1000;
}

// The measured shares over time, with the weights' shares as dashed lines.
class ShareChart : public QWidget {
public:
    explicit ShareChart(WeightSplitDemo* demo) : QWidget(demo), m_demo(demo) { setMinimumHeight(170); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRect r = rect().adjusted(36, 8, -8, -34);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(r);
        p.setPen(palette().color(QPalette::Text));
        for (int pct : {0, 20, 50, 80, 100}) {
            const int y = r.bottom() - r.height() * pct / 100;
            p.drawText(QRect(0, y - 8, 32, 16), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1%").arg(pct));
        }
        p.drawText(QRect(r.left(), r.bottom() + 16, r.width(), 18), Qt::AlignCenter,
                   WeightSplitDemo::tr("seconds since the start (last %1 s per point)").arg(kWindowS));
        const auto& s = m_demo->samples();
        const double span = std::max<double>(30.0, s.isEmpty() ? 0.0 : s.last().msec / 1000.0);
        const int step = span > 60 ? 20 : 10;
        p.setPen(palette().color(QPalette::Text));
        for (int sec = 0; sec <= int(span); sec += step) {
            const int x = r.left() + int(r.width() * sec / span);
            p.drawLine(x, r.bottom(), x, r.bottom() + 3);
            if (sec > 0 && sec + step <= int(span))
                p.drawText(QRect(x - 20, r.bottom() + 3, 40, 14), Qt::AlignCenter, QString::number(sec));
        }
        for (int i = 0; i < 2; ++i) {
            QPen dash(kColors[i], 1, Qt::DashLine);
            p.setPen(dash);
            const double expect =
                double(WeightSplitDemo::kWeights[i]) / (WeightSplitDemo::kWeights[0] + WeightSplitDemo::kWeights[1]);
            const int y = r.bottom() - int(r.height() * expect);
            p.drawLine(r.left(), y, r.right(), y);
            QPainterPath path;
            bool first = true;
            for (int k = 1; k < s.size(); ++k) {
                int j = k;
                while (j > 0 && s[k].msec - s[j - 1].msec <= kWindowS * 1000) --j;
                const qint64 a = s[k].usageNs[0] - s[j].usageNs[0], b = s[k].usageNs[1] - s[j].usageNs[1];
                if (j == k || a + b <= 0) continue;
                const double share = double(i == 0 ? a : b) / double(a + b);
                const QPointF pt(r.left() + r.width() * (s[k].msec / 1000.0) / span, r.bottom() - r.height() * share);
                if (first) path.moveTo(pt);
                else path.lineTo(pt);
                first = false;
            }
            p.setPen(QPen(kColors[i], 2));
            p.drawPath(path);
        }
    }

private:
    WeightSplitDemo* m_demo;
};
}  // namespace

WeightSplitDemo::WeightSplitDemo(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("weightSplitDemo"));
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("weightSplitButton"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_values = new QLabel(this);
    m_values->setObjectName(QStringLiteral("weightSplitValues"));
    m_values->setWordWrap(true);
    m_values->setTextFormat(Qt::RichText);
    m_chart = new ShareChart(this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_button);
    top->addWidget(m_status, 1);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 4, 0, 0);
    lay->addLayout(top);
    lay->addWidget(m_values);
    lay->addWidget(m_chart, 1);
    m_timer = new QTimer(this);
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &WeightSplitDemo::poll);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (isRunning() || m_starting) stopDemo();
        else startDemo();
    });
    retranslate();
}

WeightSplitDemo::~WeightSplitDemo()
{
    // The busy containers must not outlive the demo (their own timeout is the last guard).
    if (m_client && m_client->isConnected())
        for (const QString& id : m_ids)
            if (!id.isEmpty())
                m_client->callSync(QStringLiteral("container.remove"),
                                   {{QStringLiteral("id"), id}, {QStringLiteral("force"), true}}, 5000);
}

void WeightSplitDemo::setClient(client::HelperClient* client) { m_client = client; }

double WeightSplitDemo::share(int i, int seconds) const
{
    if (m_samples.size() < 2) return -1;
    const Sample& last = m_samples.last();
    int j = 0;
    if (seconds > 0)
        for (j = m_samples.size() - 1; j > 0 && last.msec - m_samples[j - 1].msec <= seconds * 1000; --j) {}
    const qint64 a = last.usageNs[0] - m_samples[j].usageNs[0], b = last.usageNs[1] - m_samples[j].usageNs[1];
    if (a + b <= 0) return -1;
    return double(i == 0 ? a : b) / double(a + b);
}

QString WeightSplitDemo::statusText() const { return m_status->text(); }

void WeightSplitDemo::startDemo()
{
    if (!m_client || !m_client->isConnected() || isRunning() || m_starting) return;
    m_starting = true;
    ++m_generation;
    m_inFlight = 0;
    m_error.clear();
    m_samples.clear();
    const QString tag = QString::number(QRandomGenerator::global()->bounded(0x10000), 16);
    QPointer<WeightSplitDemo> self(this);
    for (int i = 0; i < 2; ++i) {
        m_names[i] = QStringLiteral("learn-cpu-%1-%2").arg(kWeights[i]).arg(tag);
        const QJsonObject params{
            {QStringLiteral("image"), QStringLiteral("busybox")},
            {QStringLiteral("name"), m_names[i]},
            {QStringLiteral("cmd"), QJsonArray{QStringLiteral("timeout"), QStringLiteral("-s"), QStringLiteral("KILL"),
                                               QString::number(kMaxSeconds + 30), QStringLiteral("sh"),
                                               QStringLiteral("-c"), QStringLiteral("while :; do :; done")}},
            {QStringLiteral("auto_remove"), true},
            {QStringLiteral("limits"), QJsonObject{{QStringLiteral("cpu_weight"), kWeights[i]},
                                                   {QStringLiteral("cpuset"), QStringLiteral("0")}}}};
        client::RpcReply* c = m_client->call(QStringLiteral("container.create"), params, false, this);
        connect(c, &client::RpcReply::finished, this, [this, c, i, gen = m_generation] {
            c->deleteLater();
            if (!m_starting || gen != m_generation) {
                // Stopped meanwhile: this one must not stay behind.
                if (!c->isError() && m_client) {
                    client::RpcReply* r =
                        m_client->call(QStringLiteral("container.remove"),
                                       {{QStringLiteral("id"), c->result().value(QLatin1String("id")).toString()},
                                        {QStringLiteral("force"), true}},
                                       false, this);
                    connect(r, &client::RpcReply::finished, r, &QObject::deleteLater);
                }
                return;
            }
            if (c->isError()) return fail(client::ErrorText::describe(c->error()));
            m_ids[i] = c->result().value(QLatin1String("id")).toString();
            emit runningChanged(true);
            client::RpcReply* s =
                m_client->call(QStringLiteral("container.start"), {{QStringLiteral("id"), m_ids[i]}}, false, this);
            connect(s, &client::RpcReply::finished, this, [this, s, gen = m_generation] {
                s->deleteLater();
                if (!m_starting || gen != m_generation) return;
                if (s->isError()) return fail(client::ErrorText::describe(s->error()));
                if (++m_inFlight < 2) return;  // counts the starts until both are up
                m_inFlight = 0;
                m_starting = false;
                m_clock.start();
                m_timer->start();
                QTimer::singleShot(kMaxSeconds * 1000, this, [this] {
                    if (isRunning()) stopDemo();
                });
                updateText();
                poll();
            });
        });
    }
    updateText();
}

void WeightSplitDemo::stopDemo()
{
    ++m_generation;
    m_timer->stop();
    m_starting = false;
    m_inFlight = 0;
    const bool was = isRunning();
    for (QString& id : m_ids) {
        if (!id.isEmpty() && m_client && m_client->isConnected()) {
            client::RpcReply* r =
                m_client->call(QStringLiteral("container.remove"),
                               {{QStringLiteral("id"), id}, {QStringLiteral("force"), true}}, false, this);
            connect(r, &client::RpcReply::finished, r, &QObject::deleteLater);
        }
        id.clear();
    }
    if (was) emit runningChanged(false);
    updateText();
}

void WeightSplitDemo::fail(const QString& message)
{
    stopDemo();
    m_error = message;
    updateText();
}

void WeightSplitDemo::poll()
{
    if (!m_client || !m_client->isConnected() || !isRunning() || m_inFlight > 0) return;
    m_pending[0] = m_pending[1] = -1;
    m_inFlight = 2;
    const qint64 msec = m_clock.elapsed();
    for (int i = 0; i < 2; ++i) {
        client::RpcReply* r =
            m_client->call(QStringLiteral("container.kernel_view"), {{QStringLiteral("id"), m_ids[i]}}, false, this);
        connect(r, &client::RpcReply::finished, this, [this, r, i, msec, gen = m_generation] {
            r->deleteLater();
            if (gen != m_generation) return;
            --m_inFlight;
            if (!r->isError()) {
                const client::KernelView v = client::KernelView::fromJson(r->result());
                m_pending[i] = usageNs(v, &m_usageFile[i]);
                if (const auto* f = v.cgroupFile(QStringLiteral("cpu_weight"))) {
                    m_weightFile[i] = f->path;
                    m_weightValue[i] = f->value;
                }
            }
            if (m_inFlight > 0 || !isRunning()) return;
            if (m_pending[0] >= 0 && m_pending[1] >= 0) {
                Sample s;
                s.msec = msec;
                s.usageNs[0] = m_pending[0];
                s.usageNs[1] = m_pending[1];
                m_samples << s;
                if (m_samples.size() > kMaxSeconds * 2) m_samples.removeFirst();
            }
            updateText();
            m_chart->update();
            emit sampled();
        });
    }
}

void WeightSplitDemo::updateText()
{
    m_button->setText(isRunning() || m_starting ? tr("Stop the demo") : tr("Run the 1:4 demo"));
    if (!m_error.isEmpty()) m_status->setText(tr("The demo could not start: %1").arg(m_error));
    else if (m_starting) m_status->setText(tr("Creating two busy containers with weights 100 and 400 on CPU 0…"));
    else if (isRunning())
        m_status->setText(tr("Two busy loops compete for CPU 0. Measured from their cgroup files every second; they "
                             "stop after %n second(s).",
                             nullptr, kMaxSeconds));
    else if (share(1) >= 0)
        m_status->setText(
            tr("Last run: the container with weight 400 got %1 % of the CPU time the two used (the weights say 80 %). "
               "Its containers are removed.")
                .arg(share(1) * 100, 0, 'f', 0));
    else
        m_status->setText(tr("Creates two of your containers (weights 100 and 400, both on CPU 0, each a busy loop) "
                             "and measures how the kernel splits the CPU between them."));
    if (!isRunning() || m_samples.isEmpty()) {
        m_values->clear();
        return;
    }
    QString h = QStringLiteral("<table cellpadding=\"2\">");
    for (int i = 0; i < 2; ++i) {
        const double recent = share(i, kWindowS), total = share(i);
        h += QStringLiteral(
                 "<tr><td><span style=\"color:%1\">■</span> <code>%2</code></td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(kColors[i].name(), m_names[i].toHtmlEscaped(),
                      tr("weight file: %1 = %2")
                          .arg(m_weightFile[i].section(QLatin1Char('/'), -1).toHtmlEscaped(),
                               m_weightValue[i].toHtmlEscaped()),
                      tr("CPU time: %1 s").arg(double(m_samples.last().usageNs[i]) / 1e9, 0, 'f', 2),
                      tr("share now: %1 % · since the start: %2 %")
                          .arg(recent < 0 ? QStringLiteral("–") : QString::number(recent * 100, 'f', 0),
                               total < 0 ? QStringLiteral("–") : QString::number(total * 100, 'f', 0)));
    }
    m_values->setText(h + QStringLiteral("</table>"));
}

void WeightSplitDemo::retranslate()
{
    setToolTip(tr("The kernel divides a busy CPU in the ratio of the weights: 100:400 is 20 % and 80 %."));
    updateText();
}

void WeightSplitDemo::hideEvent(QHideEvent* e)
{
    QWidget::hideEvent(e);
    // Nobody watches: the busy loops would only burn the learner's CPU.
    if (isRunning() || m_starting) stopDemo();
}

void WeightSplitDemo::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace onggi::gui

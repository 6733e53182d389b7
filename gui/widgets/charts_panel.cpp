#include "gui/widgets/charts_panel.h"

#include "gui/models/stats_history_model.h"
#include "gui/models/units.h"
#include "gui/widgets/limits_panel.h"
#include "gui/widgets/metric_chart.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace onggi::gui {

using C = StatsHistoryModel;

ChartsPanel::ChartsPanel(StatsHistoryModel* model, LimitsPanel* limits, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    auto* top = new QHBoxLayout;
    m_windowLabel = new QLabel(this);
    m_window = new QComboBox(this);
    for (int s : {60, 300, 900}) m_window->addItem(QString(), s);
    m_window->setCurrentIndex(1);
    m_windowLabel->setBuddy(m_window);
    top->addWidget(m_windowLabel);
    top->addWidget(m_window);
    top->addStretch();

    // Tableau colours; the limit lines share one red, the OOM marker is a yellow triangle.
    const QColor blue(0x1f, 0x77, 0xb4), orange(0xff, 0x7f, 0x0e), red(0xd6, 0x27, 0x28), green(0x2c, 0xa0, 0x2c),
        purple(0x94, 0x67, 0xbd), grey(0x7f, 0x7f, 0x7f);
    m_cpu = new MetricChart(
        model,
        {{C::CpuPercent, blue}, {C::CpuLimit, red, Qt::DashLine, true}, {C::ThrottledPercent, orange, Qt::DotLine}},
        this);
    m_memory = new MetricChart(model,
                               {{C::MemoryCurrent, green},
                                {C::MemoryLimit, red, Qt::DashLine, true},
                                {C::MemoryHigh, orange, Qt::DashDotLine, true}},
                               this);
    m_memory->setShowOomMarkers(true);
    m_io = new MetricChart(model,
                           {{C::IoReadRate, blue},
                            {C::IoWriteRate, orange},
                            {C::IoReadLimit, red, Qt::DashLine, true},
                            {C::IoWriteLimit, red, Qt::DashDotLine, true}},
                           this);
    m_pids = new MetricChart(model, {{C::Pids, purple}, {C::PidsLimit, red, Qt::DashLine, true}}, this);
    m_net = new MetricChart(model, {{C::NetRxRate, green}, {C::NetTxRate, grey}}, this);

    // One row per chart: the chart, and beside it the controls that act on it with the
    // current figures under them.
    auto* rows = new QWidget(this);
    auto* grid = new QGridLayout(rows);
    grid->setColumnStretch(0, 1);
    const LimitsPanel::Group groups[] = {LimitsPanel::CpuGroup, LimitsPanel::MemoryGroup, LimitsPanel::PidsGroup,
                                         LimitsPanel::IoGroup};
    MetricChart* charts[] = {m_cpu, m_memory, m_pids, m_io, m_net};
    for (int i = 0; i < 5; ++i) {
        grid->addWidget(charts[i], i, 0);
        auto* side = new QWidget(rows);
        side->setMinimumWidth(240);
        side->setMaximumWidth(340);
        auto* sl = new QVBoxLayout(side);
        sl->setContentsMargins(0, 4, 0, 4);
        if (limits && i < 4) sl->addWidget(limits->group(groups[i]));
        m_readout[i] = new QLabel(side);
        m_readout[i]->setWordWrap(true);
        m_readout[i]->setTextFormat(Qt::PlainText);
        sl->addWidget(m_readout[i]);
        sl->addStretch();
        grid->addWidget(side, i, 1);
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(rows);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addLayout(top);
    if (limits) lay->addWidget(limits->helpLabel());
    lay->addWidget(scroll, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        const int s = windowSeconds();
        for (auto* c : {m_cpu, m_memory, m_io, m_pids, m_net}) c->setWindowSeconds(s);
        emit historyRequested(s);
    });
    for (auto* c : {m_cpu, m_memory, m_io, m_pids, m_net}) c->setWindowSeconds(windowSeconds());
    connect(model, &StatsHistoryModel::frameAppended, this, &ChartsPanel::onFrame);
    connect(model, &StatsHistoryModel::oomMarkersChanged, this, &ChartsPanel::onFrame);
    retranslateUi();
}

int ChartsPanel::windowSeconds() const { return m_window->currentData().toInt(); }

void ChartsPanel::setWindowSeconds(int seconds)
{
    const int i = m_window->findData(seconds);
    if (i >= 0) m_window->setCurrentIndex(i);
}

void ChartsPanel::onFrame()
{
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    redraw();
}

void ChartsPanel::redraw()
{
    m_dirty = false;
    ++m_redraws;
    for (auto* c : {m_cpu, m_memory, m_io, m_pids, m_net}) c->redraw();
    updateReadouts();
}

void ChartsPanel::updateReadouts()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        for (QLabel* l : m_readout) l->clear();
        return;
    }
    const int r = rows - 1;
    auto v = [&](int column) { return m_model->value(r, column); };
    auto psi = [&](int column, QStringList& parts) {
        if (v(column) >= 0)
            //: PSI (pressure stall information): the share of the last 10 s some task waited
            parts << tr("pressure %1").arg(Units::percent(v(column)));
    };
    QStringList cpu;
    cpu << tr("%1 of one core").arg(Units::percent(v(C::CpuPercent)));
    if (v(C::CpuLimit) > 0) {
        cpu << tr("%1 of the limit").arg(Units::percent(v(C::CpuPercentOfLimit)));
        cpu << tr("throttled %1 of the time").arg(Units::percent(v(C::ThrottledPercent)));
    }
    psi(C::PsiCpu, cpu);
    m_readout[0]->setText(cpu.join(QStringLiteral(" · ")));
    QStringList mem;
    mem << tr("used %1").arg(Units::bytes(v(C::MemoryCurrent)));
    mem << tr("page cache %1").arg(Units::bytes(v(C::MemoryCache)));
    mem << tr("anonymous %1").arg(Units::bytes(v(C::MemoryAnon)));
    if (v(C::MemoryPeak) > 0 && v(C::MemoryPeak) < double(1ull << 60))
        mem << tr("peak %1").arg(Units::bytes(v(C::MemoryPeak)));
    psi(C::PsiMemory, mem);
    m_readout[1]->setText(mem.join(QStringLiteral(" · ")));
    m_readout[2]->setText(tr("%n process(es)", nullptr, int(v(C::Pids))));
    QStringList io;
    io << tr("read %1").arg(Units::bytesPerSecond(v(C::IoReadRate)))
       << tr("write %1").arg(Units::bytesPerSecond(v(C::IoWriteRate)));
    psi(C::PsiIo, io);
    m_readout[3]->setText(io.join(QStringLiteral(" · ")));
    m_readout[4]->setText(tr("received %1 · sent %2")
                              .arg(Units::bytesPerSecond(v(C::NetRxRate)), Units::bytesPerSecond(v(C::NetTxRate))));
}

void ChartsPanel::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (m_dirty) redraw();
}

void ChartsPanel::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void ChartsPanel::retranslateUi()
{
    m_windowLabel->setText(tr("Time &window:"));
    m_window->setItemText(0, tr("1 minute"));
    m_window->setItemText(1, tr("5 minutes"));
    m_window->setItemText(2, tr("15 minutes"));
    m_cpu->setTitle(tr("CPU (% of one core)"));
    m_memory->setTitle(tr("Memory"));
    m_io->setTitle(tr("Disk I/O"));
    m_pids->setTitle(tr("Processes (PIDs)"));
    m_net->setTitle(tr("Network"));
    updateReadouts();
}

}  // namespace onggi::gui

#include "gui/widgets/charts_panel.h"

#include "gui/models/stats_history_model.h"
#include "gui/widgets/metric_chart.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace onggi::gui {

using C = StatsHistoryModel;

ChartsPanel::ChartsPanel(StatsHistoryModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    auto* top = new QHBoxLayout;
    m_windowLabel = new QLabel(this);
    m_window = new QComboBox(this);
    for (int s : {60, 300, 900}) m_window->addItem(QString(), s);
    m_window->setCurrentIndex(1);
    m_windowLabel->setBuddy(m_window);
    top->addWidget(m_windowLabel);
    top->addWidget(m_window);
    top->addStretch();

    const QColor blue(0x1f, 0x77, 0xb4), orange(0xff, 0x7f, 0x0e), red(0xd6, 0x27, 0x28), green(0x2c, 0xa0, 0x2c),
        purple(0x94, 0x67, 0xbd);
    m_cpu = new MetricChart(model, {{C::CpuPercent, blue}}, this);
    m_memory = new MetricChart(model,
                               {{C::MemoryCurrent, green},
                                {C::MemoryLimit, red, Qt::DashLine, true},
                                {C::MemoryHigh, orange, Qt::DotLine, true}},
                               this);
    m_memory->setShowOomMarkers(true);
    m_memory->setLimitsAlwaysInScale(true);
    m_io = new MetricChart(model, {{C::IoReadRate, blue}, {C::IoWriteRate, orange}}, this);
    m_pids = new MetricChart(model, {{C::Pids, purple}, {C::PidsLimit, red, Qt::DashLine, true}}, this);
    m_net = new MetricChart(model, {{C::NetRxRate, green}, {C::NetTxRate, blue}}, this);

    auto* grid = new QGridLayout;
    grid->addWidget(m_cpu, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_io, 1, 0);
    grid->addWidget(m_pids, 1, 1);
    grid->addWidget(m_net, 2, 0, 1, 2);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(top);
    lay->addLayout(grid, 1);

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

void ChartsPanel::setWindowSeconds(int seconds) {
    const int i = m_window->findData(seconds);
    if (i >= 0) m_window->setCurrentIndex(i);
}

void ChartsPanel::onFrame() {
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    redraw();
}

void ChartsPanel::redraw() {
    m_dirty = false;
    ++m_redraws;
    for (auto* c : {m_cpu, m_memory, m_io, m_pids, m_net}) c->redraw();
}

void ChartsPanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    if (m_dirty) redraw();
}

void ChartsPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void ChartsPanel::retranslateUi() {
    m_windowLabel->setText(tr("Time &window:"));
    m_window->setItemText(0, tr("1 minute"));
    m_window->setItemText(1, tr("5 minutes"));
    m_window->setItemText(2, tr("15 minutes"));
    m_cpu->setTitle(tr("CPU (% of one core)"));
    m_memory->setTitle(tr("Memory"));
    m_io->setTitle(tr("Disk I/O"));
    m_pids->setTitle(tr("Processes (PIDs)"));
    m_net->setTitle(tr("Network"));
}

}  // namespace onggi::gui

#include "gui/widgets/dashboard_page.h"

#include "gui/models/event_list_model.h"
#include "gui/models/host_overview_model.h"
#include "gui/models/units.h"
#include "gui/widgets/stacked_usage_chart.h"

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace onggi::gui {

namespace {

QLabel* heading(QWidget* parent, qreal scale = 1.0)
{
    auto* l = new QLabel(parent);
    QFont f = l->font();
    f.setBold(true);
    if (scale != 1.0) f.setPointSizeF(f.pointSizeF() * scale);
    l->setFont(f);
    return l;
}

// A panel in the palette's own colours (no hard-coded card colour: dark palettes stay dark).
QFrame* panel(QWidget* parent)
{
    auto* f = new QFrame(parent);
    f->setFrameShape(QFrame::StyledPanel);
    f->setFrameShadow(QFrame::Plain);
    f->setBackgroundRole(QPalette::Base);
    f->setAutoFillBackground(true);
    return f;
}

QTableView* table(QWidget* parent)
{
    auto* v = new QTableView(parent);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->verticalHeader()->hide();
    v->setShowGrid(false);
    v->setWordWrap(false);
    v->horizontalHeader()->setHighlightSections(false);
    v->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    return v;
}

}  // namespace

DashboardPage::DashboardPage(HostOverviewModel* overview, EventListModel* events, QWidget* parent)
    : QWidget(parent), m_overview(overview), m_eventModel(events)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_title = heading(this, 1.3);

    // Three tiles: CPU, memory, containers by state.
    auto tile = [this](QLabel*& title, QLabel*& value, QLabel*& detail) {
        QFrame* f = panel(this);
        auto* l = new QVBoxLayout(f);
        l->setContentsMargins(10, 8, 10, 8);
        l->setSpacing(2);
        title = new QLabel(f);
        title->setForegroundRole(QPalette::PlaceholderText);
        value = heading(f, 1.4);
        detail = new QLabel(f);
        detail->setWordWrap(true);
        l->addWidget(title);
        l->addWidget(value);
        l->addWidget(detail);
        l->addStretch();
        return f;
    };
    auto* tiles = new QHBoxLayout;
    tiles->addWidget(tile(m_cpuTitle, m_cpuValue, m_cpuDetail), 1);
    tiles->addWidget(tile(m_memTitle, m_memValue, m_memDetail), 1);
    tiles->addWidget(tile(m_countTitle, m_countValue, m_countDetail), 1);

    auto chartPanel = [this](QLabel*& title, StackedUsageChart* chart) {
        QFrame* f = panel(this);
        auto* l = new QVBoxLayout(f);
        l->setContentsMargins(8, 6, 8, 6);
        title = heading(f);
        l->addWidget(title);
        l->addWidget(chart, 1);
        chart->setParent(f);
        return f;
    };
    m_cpuChart = new StackedUsageChart(overview, HostOverviewModel::CpuMetric, this);
    m_memChart = new StackedUsageChart(overview, HostOverviewModel::MemoryMetric, this);
    auto* charts = new QHBoxLayout;
    charts->addWidget(chartPanel(m_cpuChartTitle, m_cpuChart), 1);
    charts->addWidget(chartPanel(m_memChartTitle, m_memChart), 1);
    // The charts fit the containers by default: a few MiB of containers beside 23 GiB of host
    // memory would be a flat line at the bottom. "The whole host" draws them to scale.
    m_scaleLabel = new QLabel(this);
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("chartScale"));
    m_scale->addItem(QString(), int(StackedUsageChart::Scale::FitContainers));
    m_scale->addItem(QString(), int(StackedUsageChart::Scale::WholeHost));
    m_scaleLabel->setBuddy(m_scale);
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addStretch();
    scaleRow->addWidget(m_scaleLabel);
    scaleRow->addWidget(m_scale);
    connect(m_scale, &QComboBox::currentIndexChanged, this, [this] {
        const auto scale = StackedUsageChart::Scale(m_scale->currentData().toInt());
        m_cpuChart->setScale(scale);
        m_memChart->setScale(scale);
        QSettings().setValue(QStringLiteral("dashboard/chartScale"), m_scale->currentIndex());
    });
    m_scale->setCurrentIndex(std::clamp(QSettings().value(QStringLiteral("dashboard/chartScale"), 0).toInt(), 0, 1));

    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(overview);
    m_sorted->setSortRole(HostOverviewModel::SortRole);
    // Sorted once per frame (below), not once per changed cell.
    m_sorted->setDynamicSortFilter(false);
    m_consumers = table(this);
    m_consumers->setObjectName(QStringLiteral("topConsumers"));
    m_consumers->setModel(m_sorted);
    m_consumers->setSortingEnabled(true);
    m_consumers->sortByColumn(HostOverviewModel::Cpu, Qt::DescendingOrder);
    m_consumers->horizontalHeader()->setSectionResizeMode(HostOverviewModel::Name, QHeaderView::Stretch);
    // Fixed widths: ResizeToContents would lay out every row's text again on every frame.
    const int em = m_consumers->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    m_consumers->horizontalHeader()->resizeSection(HostOverviewModel::Cpu, em * 5);
    m_consumers->horizontalHeader()->resizeSection(HostOverviewModel::Memory, em * 6);
    m_events = table(this);
    m_events->setObjectName(QStringLiteral("recentEvents"));
    m_events->setModel(events);
    m_events->horizontalHeader()->setSectionResizeMode(EventListModel::Time, QHeaderView::ResizeToContents);
    m_events->horizontalHeader()->setSectionResizeMode(EventListModel::Container, QHeaderView::ResizeToContents);
    m_events->horizontalHeader()->setSectionResizeMode(EventListModel::What, QHeaderView::Stretch);
    m_consumersTitle = heading(this);
    m_eventsTitle = heading(this);
    auto* lists = new QGridLayout;
    lists->addWidget(m_consumersTitle, 0, 0);
    lists->addWidget(m_eventsTitle, 0, 1);
    lists->addWidget(m_consumers, 1, 0);
    lists->addWidget(m_events, 1, 1);
    lists->setColumnStretch(0, 2);
    lists->setColumnStretch(1, 3);

    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(8, 8, 8, 8);
    lay->addWidget(m_title);
    lay->addLayout(tiles);
    lay->addLayout(scaleRow);
    lay->addLayout(charts, 3);
    lay->addLayout(lists, 2);

    auto activate = [this](const QModelIndex& i) {
        const QString id = i.data(HostOverviewModel::IdRole).toString();  // same role value in both models
        if (!id.isEmpty()) emit containerActivated(id);
    };
    static_assert(int(HostOverviewModel::IdRole) == int(EventListModel::IdRole));
    connect(m_consumers, &QAbstractItemView::activated, this, activate);
    connect(m_consumers, &QAbstractItemView::doubleClicked, this, activate);
    connect(m_events, &QAbstractItemView::activated, this, activate);
    connect(m_events, &QAbstractItemView::doubleClicked, this, activate);
    connect(overview, &HostOverviewModel::frameAppended, this, [this] {
        m_sorted->sort(m_sorted->sortColumn(), m_sorted->sortOrder());
        updateTotals();
    });
    connect(overview, &HostOverviewModel::countsChanged, this, &DashboardPage::updateCounts);
    retranslateUi();
}

QString DashboardPage::cpuText() const { return m_cpuValue->text() + QLatin1Char('\n') + m_cpuDetail->text(); }
QString DashboardPage::memoryText() const { return m_memValue->text() + QLatin1Char('\n') + m_memDetail->text(); }
QString DashboardPage::countsText() const { return m_countValue->text() + QLatin1Char('\n') + m_countDetail->text(); }

void DashboardPage::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void DashboardPage::retranslateUi()
{
    m_title->setText(tr("Host overview"));
    m_cpuTitle->setText(tr("CPU"));
    m_memTitle->setText(tr("Memory"));
    m_countTitle->setText(tr("Containers"));
    m_cpuChartTitle->setText(tr("CPU use, containers stacked"));
    m_memChartTitle->setText(tr("Memory use, containers stacked"));
    //: the dashboard charts' y axis: fitted to the containers, or to scale with the whole host
    m_scaleLabel->setText(tr("Chart scal&e:"));
    m_scale->setItemText(0, tr("Fit the containers"));
    m_scale->setItemText(1, tr("The whole host"));
    m_scale->setToolTip(tr("Fit: the axis ends just above the containers' use, so small containers show; the host's "
                           "line runs along the top with its value in the legend. The whole host: to scale with all "
                           "CPUs and all memory."));
    m_consumersTitle->setText(tr("Top consumers"));
    m_eventsTitle->setText(tr("Recent events"));
    m_consumers->setToolTip(tr("Double-click a container to open it."));
    m_events->setToolTip(tr("Double-click an event to open its container."));
    updateTotals();
    updateCounts();
}

void DashboardPage::updateTotals()
{
    const auto& h = m_overview->host();
    const int cpus = m_overview->cpus();
    const double ctCpu = m_overview->containersCpuPercent();
    const qint64 ctMem = m_overview->containersMemory();
    if (h.valid) {
        //: host CPU use, e.g. "57 % of 2 CPUs"; 100 % is one CPU
        m_cpuValue->setText(tr("%1 of %n CPU(s)", nullptr, cpus).arg(Units::percent(h.cpuPercent)));
        m_memValue->setText(
            tr("%1 of %2").arg(Units::bytes(double(h.memoryUsed)), Units::bytes(double(h.memoryTotal))));
    } else {
        m_cpuValue->setText(tr("%n CPU(s)", nullptr, cpus));
        m_memValue->setText(Units::bytes(double(m_overview->memoryTotal())));
    }
    m_cpuDetail->setText(tr("containers: %1 (100 % is one CPU)").arg(Units::percent(ctCpu)));
    m_memDetail->setText(tr("containers: %1 (with their page cache)").arg(Units::bytes(double(ctMem))));
}

void DashboardPage::updateCounts()
{
    const auto c = m_overview->counts();
    m_countValue->setText(tr("%n running", nullptr, c.running));
    m_countDetail->setText(tr("%1 paused · %2 stopped · %3 created").arg(c.paused).arg(c.exited).arg(c.created));
}

}  // namespace onggi::gui

#include "gui/widgets/container_page.h"
#include "client/network_info.h"

#include "gui/models/container_list_model.h"
#include "gui/models/process_list_model.h"
#include "gui/widgets/charts_panel.h"
#include "gui/widgets/learn_panel.h"
#include "gui/widgets/limits_panel.h"
#include "gui/widgets/logs_view.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace onggi::gui {

ContainerPage::ContainerPage(StatsHistoryModel* history, LogModel* logs, ProcessListModel* processes, QWidget* parent)
    : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    // The limits panel keeps the controls' state; its groups are shown beside the charts.
    m_limits = new LimitsPanel(this);
    m_limits->hide();
    m_charts = new ChartsPanel(history, m_limits, m_tabs);
    m_logs = new LogsView(logs, m_tabs);
    m_procs = new QTableView(m_tabs);
    m_procs->setModel(processes);
    m_procs->verticalHeader()->hide();
    m_procs->horizontalHeader()->setStretchLastSection(true);
    m_procs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_procs->setAlternatingRowColors(true);
    m_inspect = new QPlainTextEdit(m_tabs);
    m_inspect->setReadOnly(true);
    m_inspect->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_inspect->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_learn = new LearnPanel(m_tabs);
    m_tabs->addTab(m_charts, QString());
    m_tabs->addTab(m_logs, QString());
    m_tabs->addTab(m_procs, QString());
    m_tabs->addTab(m_inspect, QString());
    m_tabs->addTab(m_learn, QString());
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(m_header);
    m_network = new QLabel(this);
    m_network->setTextFormat(Qt::RichText);
    m_network->setOpenExternalLinks(true);
    m_network->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_network->setWordWrap(true);
    m_network->hide();
    lay->addWidget(m_network);
    lay->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ContainerPage::tabShown);
    retranslateUi();
}

void ContainerPage::setSummary(const client::ContainerSummary& summary)
{
    m_summary = summary;
    const QString id = summary.id;
    if (id != m_id) {  // another container: start from its own values
        m_limits->forgetEffective();
        m_limits->setLimits(client::Limits());
        m_networkView = {};  // until its inspect comes
    }
    m_id = id;
    setEnabled(!m_id.isEmpty());
    m_limits->setLimits(summary.limits);
    retranslateUi();
}

void ContainerPage::setInspect(const client::ContainerInspect& inspect)
{
    m_inspect->setPlainText(inspect.configText);
    m_learn->setContainer(inspect.container);
    m_networkView = inspect.network;
    showNetwork();
}

void ContainerPage::showNetwork()
{
    const auto& v = m_networkView;
    QStringList parts;
    for (const auto& a : v.addresses)
        parts << tr("%1 on network %2 (%3, gateway %4)")
                     .arg(QStringLiteral("<b>%1/%2</b>").arg(a.ip.toHtmlEscaped()).arg(a.prefix),
                          a.network.toHtmlEscaped(), a.ifname.toHtmlEscaped(), a.gateway.toHtmlEscaped());
    QStringList ports;
    for (const auto& p : v.ports) {
        const QString host =
            p.hostIp.isEmpty() || p.hostIp == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1") : p.hostIp;
        const QString text = QStringLiteral("%1:%2 → %3/%4")
                                 .arg(p.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : p.hostIp)
                                 .arg(p.hostPort)
                                 .arg(p.containerPort)
                                 .arg(p.protocol)
                                 .toHtmlEscaped();
        if (p.protocol == QLatin1String("tcp") && p.hostPort > 0)
            ports
                << QStringLiteral("<a href='http://%1:%2/'>%3</a>").arg(host.toHtmlEscaped()).arg(p.hostPort).arg(text);
        else ports << text;
    }
    if (!ports.isEmpty()) parts << tr("published ports: %1").arg(ports.join(QStringLiteral(", ")));
    m_network->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_network->setVisible(!parts.isEmpty());
}

QString ContainerPage::headerText() const
{
    if (m_id.isEmpty()) return m_header->text();
    const auto s = [](const QString& v) { return v.toHtmlEscaped(); };
    QString state = ContainerListModel::stateText(m_summary.state);
    if (m_summary.state == QLatin1String("exited") && m_summary.oomKilled)
        //: the header of a container whose main process the kernel's OOM killer ended
        state = tr("exited (OOM killed)");
    // Secondary text in the palette's placeholder colour: readable in a dark palette too.
    const QString dim = palette().color(QPalette::PlaceholderText).name();
    return tr("<b>%1</b> &nbsp; %2 &nbsp; <span style='color:%6'>%3 · %4 · %5</span>")
        .arg(s(m_summary.name), state.toHtmlEscaped(), s(m_summary.shortId), s(m_summary.image), s(m_summary.command),
             dim);
}

int ContainerPage::currentTab() const { return m_tabs->currentIndex(); }
void ContainerPage::setCurrentTab(int tab) { m_tabs->setCurrentIndex(tab); }

void ContainerPage::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void ContainerPage::retranslateUi()
{
    if (m_network) showNetwork();
    m_tabs->setTabText(ChartsTab, tr("Monitor && tune"));
    m_tabs->setTabToolTip(ChartsTab, tr("Live charts with the limits that act on them beside each one"));
    m_tabs->setTabText(LogsTab, tr("Logs"));
    m_tabs->setTabText(ProcessesTab, tr("Processes"));
    m_tabs->setTabText(InspectTab, tr("Inspect"));
    m_tabs->setTabText(LearnTab, tr("Learn"));
    m_tabs->setTabToolTip(InspectTab,
                          tr("The container's OCI runtime configuration (config.json), as runc or crun would read it"));
    m_tabs->setTabToolTip(
        LearnTab, tr("How this container is made: namespaces, control groups and layers, with its real values"));
    if (m_id.isEmpty()) {
        m_header->setText(tr("<b>No container selected.</b> Choose one in the list, or create one with New."));
        return;
    }
    m_header->setText(headerText());
}

}  // namespace onggi::gui

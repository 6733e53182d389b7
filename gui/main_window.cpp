#include "gui/main_window.h"

#include "client/container_summary.h"
#include "client/error_text.h"
#include "client/event.h"
#include "client/host_info.h"
#include "client/host_sample.h"
#include "client/sample.h"
#include "gui/app/action_icon_engine.h"
#include "gui/app/language_manager.h"
#include "gui/models/container_list_model.h"
#include "gui/models/event_list_model.h"
#include "gui/models/host_overview_model.h"
#include "gui/models/log_model.h"
#include "gui/models/process_list_model.h"
#include "gui/models/stats_history_model.h"
#include "gui/models/units.h"
#include "gui/widgets/charts_panel.h"
#include "gui/widgets/container_page.h"
#include "gui/widgets/learn_panel.h"
#include "gui/widgets/create_dialog.h"
#include "gui/widgets/dashboard_page.h"
#include "gui/widgets/helper_absent_page.h"
#include "gui/widgets/limits_panel.h"
#include "gui/widgets/logs_view.h"
#include "gui/widgets/networks_dialog.h"
#include "gui/widgets/settings_dialog.h"
#include "gui/widgets/sparkline_delegate.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QScreen>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

namespace onggi::gui {

using client::RpcError;
using client::RpcReply;

MainWindow::MainWindow(LanguageManager* languages, QWidget* parent) : QMainWindow(parent), m_languages(languages) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/onggi.svg")));
    m_client = new client::HelperClient(this);
    m_client->setClientName(QStringLiteral("onggi/%1").arg(QCoreApplication::applicationVersion()));
    connect(m_client, &client::HelperClient::notification, this, &MainWindow::onNotification);
    connect(m_client, &client::HelperClient::disconnected, this, &MainWindow::onDisconnected);
    connect(m_client, &client::HelperClient::protocolError, this, [this](const RpcError& e) {
        if (e.errc == QLatin1String("permission_denied")) {
            m_ready = false;
            m_absent->setReason(HelperAbsentPage::PermissionDenied, m_client->socketPath(), e.message);
            m_stack->setCurrentWidget(m_absent);
            setProperty("denied", true);
        }
    });

    m_list = new ContainerListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_list);
    m_proxy->setSortRole(ContainerListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_history = new StatsHistoryModel(this);
    m_logs = new LogModel(this);
    m_procs = new ProcessListModel(this);
    m_overview = new HostOverviewModel(this);
    m_eventList = new EventListModel(this);

    m_stack = new QStackedWidget(this);
    m_absent = new HelperAbsentPage(m_stack);
    connect(m_absent, &HelperAbsentPage::retryRequested, this, &MainWindow::tryConnect);

    auto* splitter = new QSplitter(Qt::Horizontal, m_stack);
    auto* left = new QWidget(splitter);
    m_filter = new QLineEdit(left);
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView(left);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Every column fits the list's width at the default size (no horizontal scroll hiding PIDs
    // and Uptime): the name takes what is left, the image is cut short, numbers fit their text.
    // Widths from the font, not ResizeToContents: that lays out the text of every row again
    // on every stats frame (most of the GUI's CPU time with 50 containers).
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ContainerListModel::Name, QHeaderView::Stretch);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (auto [c, w] : {std::pair{ContainerListModel::Image, 6}, std::pair{ContainerListModel::State, 7},
                        std::pair{ContainerListModel::Cpu, 5}, std::pair{ContainerListModel::Memory, 6},
                        std::pair{ContainerListModel::Pids, 5}, std::pair{ContainerListModel::Uptime, 5}})
        m_view->horizontalHeader()->resizeSection(c, em * w);
    m_view->horizontalHeader()->setMinimumSectionSize(em * 3);
    m_view->setColumnHidden(ContainerListModel::Image, true);  // the header's menu shows it
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        for (int c = ContainerListModel::Image; c < ContainerListModel::ColumnCount; ++c) {
            QAction* a = menu.addAction(m_list->headerData(c, Qt::Horizontal).toString());
            a->setCheckable(true);
            a->setChecked(!m_view->isColumnHidden(c));
            connect(a, &QAction::toggled, this, [this, c](bool on) { m_view->setColumnHidden(c, !on); });
        }
        menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
    });
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);
    m_view->setItemDelegateForColumn(ContainerListModel::Cpu,
        new SparklineDelegate(SparklineDelegate::Sparkline, ContainerListModel::HistoryRole, ContainerListModel::ScaleRole,
                              ContainerListModel::FractionRole, m_view));
    m_view->setItemDelegateForColumn(ContainerListModel::Memory,
        new SparklineDelegate(SparklineDelegate::Bar, ContainerListModel::HistoryRole, ContainerListModel::ScaleRole,
                              ContainerListModel::FractionRole, m_view));
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(4, 4, 4, 4);
    ll->addWidget(m_filter);
    ll->addWidget(m_view, 1);
    // Each page scrolls when the window is smaller than it wants (a 1366×768 screen at twice
    // the scale): the window's minimum stays small, and one page's size never makes the
    // other scroll.
    m_right = new QStackedWidget(splitter);
    auto scrolled = [this](QWidget* page) {
        auto* area = new QScrollArea(m_right);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(page);
        m_right->addWidget(area);
    };
    m_dashboard = new DashboardPage(m_overview, m_eventList);
    m_page = new ContainerPage(m_history, m_logs, m_procs);
    m_page->learn()->setClient(m_client);  // its live panel asks container.kernel_view while shown
    scrolled(m_dashboard);
    scrolled(m_page);
    connect(m_dashboard, &DashboardPage::containerActivated, this, [this](const QString& id) { selectContainer(id); });
    splitter->addWidget(left);
    splitter->addWidget(m_right);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({500, 700});
    m_stack->addWidget(m_absent);
    m_stack->addWidget(splitter);
    setCentralWidget(m_stack);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_page->limits(), &LimitsPanel::limitsChanged, this, &MainWindow::applyLimits);
    connect(m_page->charts(), &ChartsPanel::historyRequested, this, [this](int seconds) {
        if (m_selected.isEmpty() || !m_ready) return;
        const QString id = m_selected;
        request(QStringLiteral("stats.history"), {{"id", id}, {"seconds", seconds}}, [this, id](const QJsonObject& r) {
            if (id == m_selected) m_history->setHistory(client::StatsHistory::fromJson(r));
        });
    });
    connect(m_page, &ContainerPage::tabShown, this, [this](int tab) {
        if (tab == ContainerPage::ProcessesTab) refreshProcesses();
    });
    connect(m_page->logs(), &LogsView::followToggled, this, [this] { loadSelected(); });

    m_connLabel = new QLabel(this);
    m_hostLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    statusBar()->addWidget(m_connLabel);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_hostLabel);

    m_reconnect = new QTimer(this);
    m_reconnect->setInterval(2000);
    connect(m_reconnect, &QTimer::timeout, this, &MainWindow::tryConnect);
    m_listTimer = new QTimer(this);
    m_listTimer->setInterval(5000);  // events drive refreshes; this is a safety net
    connect(m_listTimer, &QTimer::timeout, this, &MainWindow::refreshList);
    m_procTimer = new QTimer(this);
    m_procTimer->setInterval(2000);
    connect(m_procTimer, &QTimer::timeout, this, [this] {
        if (m_page->currentTab() == ContainerPage::ProcessesTab && m_page->isVisible()) refreshProcesses();
    });
    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, [this] { m_list->setNow(QDateTime::currentDateTimeUtc()); });
    m_refreshSoon = new QTimer(this);
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(100);
    connect(m_refreshSoon, &QTimer::timeout, this, &MainWindow::refreshList);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->show();
    }

    createActions();
    QSettings settings;
    m_intervalMs = settings.value(QStringLiteral("statsIntervalMs"), 1000).toInt();
    m_history->setCapacity(900000 / std::max(100, m_intervalMs) + 10);
    m_history->setIntervalMs(m_intervalMs);
    retranslateUi();
    updateActions();
    // A first start: most of the screen, at most 1200×760; the minimum comes from the layouts
    // and fits a 1366×768 screen (also at twice the scale: the splitter's sides shrink).
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        resize(std::min(1200, avail.width() * 9 / 10), std::min(760, avail.height() * 9 / 10));
    }
}

MainWindow::~MainWindow() = default;

CreateDialog* MainWindow::createDialog() const { return m_createDialog.data(); }

void MainWindow::createActions() {
    // Theme icons where the desktop has them, else shapes in the palette's colours.
    using AI = ActionIconEngine;
    m_actNew = new QAction(AI::icon(AI::New, QStringLiteral("document-new")), QString(), this);
    m_actNew->setShortcut(QKeySequence::New);
    m_actStart = new QAction(AI::icon(AI::Start, QStringLiteral("media-playback-start")), QString(), this);
    m_actStop = new QAction(AI::icon(AI::Stop, QStringLiteral("media-playback-stop")), QString(), this);
    m_actPause = new QAction(AI::icon(AI::Pause, QStringLiteral("media-playback-pause")), QString(), this);
    m_actRestart = new QAction(AI::icon(AI::Restart, QStringLiteral("view-refresh")), QString(), this);
    m_actRemove = new QAction(AI::icon(AI::Remove, QStringLiteral("edit-delete")), QString(), this);
    m_actOverview = new QAction(AI::icon(AI::Overview, QString()), QString(), this);
    m_actOverview->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    connect(m_actOverview, &QAction::triggered, this, &MainWindow::showOverview);
    m_actRemove->setShortcut(QKeySequence::Delete);
    m_actRefresh = new QAction(this);
    m_actRefresh->setShortcut(QKeySequence::Refresh);
    m_actSettings = new QAction(this);
    m_actSettings->setShortcut(QKeySequence::Preferences);
    m_actQuit = new QAction(this);
    m_actQuit->setShortcut(QKeySequence::Quit);
    m_actAbout = new QAction(this);
    connect(m_actNew, &QAction::triggered, this, &MainWindow::newContainer);
    connect(m_actStart, &QAction::triggered, this, &MainWindow::startSelected);
    connect(m_actStop, &QAction::triggered, this, &MainWindow::stopSelected);
    connect(m_actPause, &QAction::triggered, this, &MainWindow::pauseResumeSelected);
    connect(m_actRestart, &QAction::triggered, this, &MainWindow::restartSelected);
    connect(m_actRemove, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(m_actRefresh, &QAction::triggered, this, &MainWindow::refreshList);
    connect(m_actSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_actQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_actAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Onggi"),
                           tr("<h3>Onggi %1</h3><p>A desktop container manager for Linux that shows how containers "
                              "work: namespaces, control groups, layered filesystems, capabilities and seccomp.</p>"
                              "<p>Onggi (옹기) are the breathing earthenware jars of Korean kitchens.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->setMovable(false);
    m_toolbar->addAction(m_actOverview);
    m_toolbar->addSeparator();
    for (QAction* a : {m_actNew, m_actStart, m_actStop, m_actPause, m_actRestart, m_actRemove}) m_toolbar->addAction(a);
    for (QAction* a : {m_actStart, m_actStop, m_actPause, m_actRestart, m_actRemove}) m_view->addAction(a);

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_actNew);
    m_fileMenu->addAction(m_actRefresh);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actSettings);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actQuit);
    m_containerMenu = menuBar()->addMenu(QString());
    for (QAction* a : {m_actStart, m_actStop, m_actPause, m_actRestart, m_actRemove}) m_containerMenu->addAction(a);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_actOverview);
    m_actNetworks = m_viewMenu->addAction(QString());
    connect(m_actNetworks, &QAction::triggered, this, &MainWindow::showNetworks);
    m_langMenu = m_viewMenu->addMenu(QString());
    m_langGroup = new QActionGroup(this);
    m_actLangSystem = m_langMenu->addAction(QString());
    m_actLangKo = m_langMenu->addAction(QString());
    m_actLangEn = m_langMenu->addAction(QString());
    for (auto [a, code] : {std::pair{m_actLangSystem, "system"}, std::pair{m_actLangKo, "ko"}, std::pair{m_actLangEn, "en"}}) {
        a->setCheckable(true);
        a->setData(QString::fromLatin1(code));
        m_langGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, a] { setLanguage(a->data().toString()); });
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actAbout);
}

void MainWindow::setLanguage(const QString& code) {
    if (m_languages) m_languages->setLanguage(code);
    QSettings().setValue(QStringLiteral("language"), code);
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QMainWindow::changeEvent(e);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    QSettings().setValue(QStringLiteral("geometry"), saveGeometry());
    QMainWindow::closeEvent(e);
}

void MainWindow::retranslateUi() {
    setWindowTitle(tr("Onggi — containers"));
    m_toolbar->setWindowTitle(tr("Container actions"));
    m_actNew->setText(tr("&New…"));
    m_actNew->setToolTip(tr("Create a new container"));
    m_actStart->setText(tr("&Start"));
    m_actStop->setText(tr("S&top"));
    m_actStop->setToolTip(tr("Send SIGTERM, then SIGKILL after 10 seconds"));
    const QString state = m_list->summary(m_selected).value(QLatin1String("state")).toString();
    m_actPause->setText(state == QLatin1String("paused") ? tr("Res&ume") : tr("&Pause"));
    m_actPause->setToolTip(tr("Freeze or thaw every process of the container (cgroup freezer)"));
    m_actRestart->setText(tr("&Restart"));
    m_actRemove->setText(tr("Re&move"));
    m_actRefresh->setText(tr("Re&fresh"));
    m_actOverview->setText(tr("&Host overview"));
    m_actOverview->setToolTip(tr("The whole host: CPU and memory, top consumers, recent events"));
    m_actSettings->setText(tr("&Settings…"));
    m_actNetworks->setText(tr("&Networks…"));
    m_actNetworks->setToolTip(tr("Networks, their members, and what the kernel has for them"));
    m_actQuit->setText(tr("&Quit"));
    m_actAbout->setText(tr("&About Onggi"));
    m_fileMenu->setTitle(tr("&File"));
    m_containerMenu->setTitle(tr("&Container"));
    m_viewMenu->setTitle(tr("&View"));
    m_langMenu->setTitle(tr("&Language"));
    m_actLangSystem->setText(tr("&System language"));
    m_actLangKo->setText(tr("한국어"));
    m_actLangEn->setText(tr("English"));
    const QString lang = m_languages ? m_languages->language() : QStringLiteral("system");
    for (QAction* a : m_langGroup->actions()) a->setChecked(a->data().toString() == lang);
    m_helpMenu->setTitle(tr("&Help"));
    m_filter->setPlaceholderText(tr("Filter by name, image or state…"));
    updateStatusBar();
}

// ---- connection --------------------------------------------------------------------------

void MainWindow::connectToHelper(const QString& socketPath) {
    m_socketPath = socketPath.isEmpty() ? client::HelperClient::defaultSocketPath() : socketPath;
    m_absent->setReason(HelperAbsentPage::Connecting, m_socketPath);
    m_stack->setCurrentWidget(m_absent);
    tryConnect();
}

void MainWindow::tryConnect() {
    if (m_client->isConnected()) return;
    setProperty("denied", false);
    if (!m_client->connectToHelper(m_socketPath)) {
        const RpcError& e = m_client->lastError();
        // After a lost connection the page keeps saying so (containers keep running) while
        // the retries fail: "not running" would read as if they had stopped too.
        const auto reason = e.errc == QLatin1String("socket_permission_denied") ? HelperAbsentPage::PermissionDenied
                            : m_lost                                          ? HelperAbsentPage::Lost
                                                                              : HelperAbsentPage::NotRunning;
        if (reason != m_absent->reason() || reason != HelperAbsentPage::Lost)
            m_absent->setReason(reason, m_socketPath, reason == HelperAbsentPage::Lost ? QString() : e.message);
        m_stack->setCurrentWidget(m_absent);
        m_reconnect->start();
        updateStatusBar();
        return;
    }
    RpcReply* r = m_client->hello();
    connect(r, &RpcReply::finished, this, [this, r] {
        onHello(r);
        r->deleteLater();
    });
}

void MainWindow::onHello(RpcReply* r) {
    if (r->isError()) {
        const RpcError& e = r->error();
        HelperAbsentPage::Reason reason = HelperAbsentPage::NotRunning;
        if (e.errc == QLatin1String("permission_denied") || property("denied").toBool())
            reason = HelperAbsentPage::PermissionDenied;
        m_absent->setReason(reason, m_socketPath, client::ErrorText::describe(e));
        m_stack->setCurrentWidget(m_absent);
        m_client->disconnectFromHelper();
        m_reconnect->start();
        return;
    }
    m_hello = r->result();
    if (m_hello.value(QLatin1String("protocol")).toInt() != client::HelperClient::kProtocolVersion) {
        m_absent->setReason(HelperAbsentPage::Incompatible, m_socketPath,
                            tr("the service speaks protocol %1, this app %2")
                                .arg(m_hello.value(QLatin1String("protocol")).toInt())
                                .arg(client::HelperClient::kProtocolVersion));
        m_stack->setCurrentWidget(m_absent);
        m_client->disconnectFromHelper();
        m_reconnect->start();
        return;
    }
    m_reconnect->stop();
    m_ready = true;
    m_lost = false;
    const QJsonObject host = m_hello.value(QLatin1String("host")).toObject();
    const client::HostInfo hostInfo = client::HostInfo::fromJson(host);
    m_overview->setHostInfo(hostInfo);
    m_list->setHost(hostInfo.memoryBytes, hostInfo.cpus);
    m_page->limits()->setHost(host.value(QLatin1String("cgroup_mode")).toString(),
                              host.value(QLatin1String("memory_bytes")).toInteger(),
                              host.value(QLatin1String("cpus")).toInt());
    m_stack->setCurrentIndex(1);
    updateActions();
    request(QStringLiteral("events.subscribe"), {}, [this](const QJsonObject& res) {
        m_eventsSub = res.value(QLatin1String("subscription")).toInteger();
    });
    subscribeStats();
    refreshList();
    m_listTimer->start();
    m_procTimer->start();
    m_clock->start();
    updateStatusBar();
    emit helperReady();
}

void MainWindow::onDisconnected(const RpcError& why) {
    const bool denied = property("denied").toBool();
    m_ready = false;
    m_statsSub = m_eventsSub = m_logSub = 0;
    m_listTimer->stop();
    m_procTimer->stop();
    m_clock->stop();
    m_list->clear();
    m_overview->clear();
    m_selected.clear();
    m_page->setSummary({});
    showPage(m_dashboard);
    m_lost = !denied;
    m_absent->setReason(denied ? HelperAbsentPage::PermissionDenied : HelperAbsentPage::Lost, m_socketPath,
                        denied ? QString() : client::ErrorText::describe(why));
    m_stack->setCurrentWidget(m_absent);
    m_reconnect->start();
    if (m_createDialog) m_createDialog->setBusy(false);
    updateActions();  // nothing to act on until the service is back
    updateStatusBar();
}

void MainWindow::subscribeStats() {
    if (!m_ready) return;
    if (m_statsSub) unsubscribe(m_statsSub);
    m_statsSub = 0;
    request(QStringLiteral("stats.subscribe"), {{"interval_ms", m_intervalMs}}, [this](const QJsonObject& r) {
        m_statsSub = r.value(QLatin1String("subscription")).toInteger();
    });
}

void MainWindow::setStatsIntervalMs(int ms) {
    m_intervalMs = std::clamp(ms, 100, 10000);
    m_history->setCapacity(900000 / m_intervalMs + 10);
    m_history->setIntervalMs(m_intervalMs);
    QSettings().setValue(QStringLiteral("statsIntervalMs"), m_intervalMs);
    subscribeStats();
}

void MainWindow::request(const QString& method, const QJsonObject& params, std::function<void(const QJsonObject&)> done,
                         std::function<void(const RpcError&)> failed) {
    if (!m_client->isConnected()) {
        if (failed) failed(RpcError::client(RpcError::kNotConnected, QStringLiteral("not_connected"), QString()));
        return;
    }
    RpcReply* r = m_client->call(method, params, false, this);
    connect(r, &RpcReply::finished, this, [this, r, method, done = std::move(done), failed = std::move(failed)] {
        if (r->isError() && failed) failed(r->error());
        else if (r->isError()) showError(method, r->error());
        else if (done) done(r->result());
        r->deleteLater();
    });
}

void MainWindow::unsubscribe(qint64 subscription) {
    // Quietly: a subscription the helper already ended (a log stream at the container's exit,
    // a removed container) is gone either way; "no such subscription" is no news to the user.
    if (!m_client->isConnected() || subscription <= 0) return;
    RpcReply* r = m_client->call(QStringLiteral("unsubscribe"), {{"subscription", subscription}}, false, this);
    connect(r, &RpcReply::finished, r, &QObject::deleteLater);
}

void MainWindow::showError(const QString& method, const RpcError& e) {
    if (e.errc == QLatin1String("connection_lost") || e.errc == QLatin1String("not_connected")) return;
    // In the user's language; the helper's English context only as a tooltip.
    const QString text = client::ErrorText::explain(e);
    statusBar()->setToolTip(client::ErrorText::details(e));
    statusBar()->showMessage(text, 10000);
    emit requestFailed(method, text);
}

// ---- notifications -----------------------------------------------------------------------

void MainWindow::onNotification(const QString& method, const QJsonObject& params) {
    if (method == QLatin1String("stats")) onStatsFrame(params);
    else if (method == QLatin1String("event")) onEvent(params);
    else if (method == QLatin1String("container.log")) {
        if (params.value(QLatin1String("subscription")).toInteger() == m_logSub) m_logs->appendLine(params);
    } else if (method == QLatin1String("container.log.end")) {
        if (params.value(QLatin1String("subscription")).toInteger() == m_logSub) m_logSub = 0;  // the helper ended it
    }
}

void MainWindow::onStatsFrame(const QJsonObject& params) {
    if (params.value(QLatin1String("subscription")).toInteger() != m_statsSub) return;
    const QJsonArray samples = params.value(QLatin1String("containers")).toArray();
    m_list->applyStats(samples);  // one pass over the frame
    qint64 t = client::Sample::parseTimeMs(params.value(QLatin1String("time")).toString());
    if (t <= 0) t = QDateTime::currentMSecsSinceEpoch();
    {
        QList<client::Sample> typed;
        typed.reserve(samples.size());
        for (const QJsonValue& v : samples) typed.append(client::Sample::fromJson(v.toObject()));
        const auto host = client::HostSample::fromJson(params.value(QLatin1String("host")).toObject());
        if (host.valid) m_list->setHost(host.memoryTotal, host.cpus);
        m_overview->applyFrame(t, host, typed);
    }
    for (const QJsonValue& v : samples) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QLatin1String("id")).toString();
        m_lastSample.insert(id, o);
        if (id == m_selected) {
            const client::Sample s = client::Sample::fromJson(o);
            m_history->appendSample(s, t);  // one frameAppended → one redraw of the charts
            m_page->limits()->setMemoryInUse(s.memoryCurrent);
            m_page->limits()->setEffectiveFromSample(s.pidsLimit);
        }
    }
}

void MainWindow::onEvent(const QJsonObject& params) {
    const QString action = params.value(QLatin1String("action")).toString();
    const QString id = params.value(QLatin1String("id")).toString();
    if (params.value(QLatin1String("subscription")).toInteger() == m_eventsSub || !m_eventsSub)
        m_eventList->addEvent(client::Event::fromJson(params));
    if (id == m_selected && (action == QLatin1String("die") || action == QLatin1String("stop")))
        m_history->markStopped();  // no line across the time it did not run
    if (action == QLatin1String("oom")) {
        if (id == m_selected) {
            const client::Event ev = client::Event::fromJson(params);
            const qint64 t = client::Sample::parseTimeMs(ev.time);
            m_history->addOomKill(t > 0 ? t : QDateTime::currentMSecsSinceEpoch(), ev.attributes.value(QStringLiteral("oom_kill_count")).toLongLong());
        }
        QString name = params.value(QLatin1String("name")).toString();
        if (name.isEmpty()) name = m_list->summary(id).value(QLatin1String("name")).toString();
        notifyOom(name);
    }
    if (action == QLatin1String("update") && id == m_selected) {
        // limits changed elsewhere (onggictl update): the list refresh brings them
    }
    m_refreshSoon->start();
}

void MainWindow::notifyOom(const QString& name) {
    ++m_notifications;
    m_lastNotification = tr("Out of memory in \"%1\"").arg(name);
    const QString body = tr("The kernel's OOM killer ended a process in container \"%1\" because it reached its memory "
                            "limit. Raise the limit in the Limits tab if it needs more.")
                             .arg(name);
    if (m_tray && m_tray->isVisible()) m_tray->showMessage(m_lastNotification, body, QSystemTrayIcon::Warning, 8000);
    statusBar()->showMessage(m_lastNotification, 10000);
}

// ---- list and selection ------------------------------------------------------------------

void MainWindow::refreshList() {
    if (!m_ready) return;
    request(QStringLiteral("container.list"), {{"all", true}}, [this](const QJsonObject& r) {
        const QJsonArray all = r.value(QLatin1String("containers")).toArray();
        m_list->setContainers(all);
        QList<client::ContainerSummary> typed;
        for (const QJsonValue& v : all) typed.append(client::ContainerSummary::fromJson(v.toObject()));
        m_overview->setContainers(typed);
        m_eventList->setContainers(typed);
        if (!m_selected.isEmpty()) {
            const QJsonObject s = m_list->summary(m_selected);
            if (s.isEmpty()) {
                m_selected.clear();
                m_page->setSummary({});
                showPage(m_dashboard);
            } else {
                const QString before = m_page->property("state").toString();
                const QString now = s.value(QLatin1String("state")).toString();
                if (!m_page->limits()->oomWarningShown() || before != now) m_page->setSummary(s);
                if (before != now) {
                    m_page->setProperty("state", now);
                    if (now == QLatin1String("running")) loadSelected();  // new namespaces, new log stream
                }
            }
        }
        updateActions();
        updateStatusBar();
        emit listRefreshed();
    });
}

bool MainWindow::selectContainer(const QString& idOrName) {
    for (int row = 0; row < m_list->rowCount(); ++row) {
        const QModelIndex i = m_list->index(row, 0);
        if (m_list->idAt(row) == idOrName || i.data().toString() == idOrName || m_list->idAt(row).startsWith(idOrName)) {
            const QModelIndex p = m_proxy->mapFromSource(i);
            if (!p.isValid()) return false;
            m_view->selectionModel()->select(p, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->setCurrentIndex(p);
            return true;
        }
    }
    return false;
}

void MainWindow::onSelectionChanged() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QString id = rows.isEmpty() ? QString() : rows.first().data(ContainerListModel::IdRole).toString();
    if (id == m_selected) return;
    m_page->limits()->flush();  // a pending limit change belongs to the container it was made for
    m_selected = id;
    showPage(id.isEmpty() ? static_cast<QWidget*>(m_dashboard) : m_page);
    const QJsonObject s = m_list->summary(id);
    m_page->setSummary(s);
    m_page->setProperty("state", s.value(QLatin1String("state")).toString());
    m_history->reset(id);
    m_logs->clear();
    m_procs->clear();
    loadSelected();
    updateActions();
    retranslateUi();
}

void MainWindow::loadSelected() {
    if (m_logSub) {
        unsubscribe(m_logSub);
        m_logSub = 0;
    }
    if (m_selected.isEmpty() || !m_ready) return;
    const QString id = m_selected;
    request(QStringLiteral("stats.history"), {{"id", id}, {"seconds", m_page->charts()->windowSeconds()}},
            [this, id](const QJsonObject& r) {
                if (id != m_selected) return;
                const client::StatsHistory h = client::StatsHistory::fromJson(r);
                m_history->setHistory(h);
                if (!h.samples.isEmpty()) m_page->limits()->setEffectiveFromSample(h.samples.last().pidsLimit);
            });
    request(QStringLiteral("container.inspect"), {{"id", id}}, [this, id](const QJsonObject& r) {
        if (id != m_selected) return;
        const QString mode = m_hello.value(QLatin1String("host")).toObject().value(QLatin1String("cgroup_mode")).toString();
        m_page->setInspect(r, mode, m_lastSample.value(id));
    });
    const bool follow = m_page->logs()->follow();
    request(QStringLiteral("container.logs"), {{"id", id}, {"tail", 1000}, {"follow", follow}, {"timestamps", true}},
            [this, id](const QJsonObject& r) {
                if (id != m_selected) {
                    if (r.contains(QLatin1String("subscription"))) unsubscribe(r.value(QLatin1String("subscription")).toInteger());
                    return;
                }
                m_logs->setLines(r.value(QLatin1String("lines")).toArray());
                m_logSub = r.value(QLatin1String("subscription")).toInteger();
            });
    if (m_page->currentTab() == ContainerPage::ProcessesTab) refreshProcesses();
}

void MainWindow::refreshProcesses() {
    if (m_selected.isEmpty() || !m_ready) return;
    const QString state = m_list->summary(m_selected).value(QLatin1String("state")).toString();
    if (state != QLatin1String("running") && state != QLatin1String("paused")) {
        m_procs->clear();
        return;
    }
    const QString id = m_selected;
    request(QStringLiteral("container.top"), {{"id", id}}, [this, id](const QJsonObject& r) {
        if (id == m_selected) m_procs->setProcesses(r.value(QLatin1String("processes")).toArray());
    });
}

void MainWindow::applyLimits(const client::Limits& limits) {
    if (m_selected.isEmpty() || limits.isEmpty()) return;
    const QString id = m_selected;
    if (!m_client->isConnected()) return;
    RpcReply* r = m_client->call(QStringLiteral("container.update"), {{"id", id}, {"limits", limits.toJson()}}, false, this);
    connect(r, &RpcReply::finished, this, [this, r, id, limits] {
        r->deleteLater();
        if (r->isError()) {
            // Refused: the controls go back to what the kernel has, with the reason beside them.
            const RpcError& e = r->error();
            if (id == m_selected)
                m_page->limits()->refused(limits, client::Limits::fromJson(e.data.value(QLatin1String("kernel")).toObject()),
                                          client::ErrorText::explain(e),
                                          client::ErrorText::details(e));
            showError(QStringLiteral("container.update"), e);
            return;
        }
        const QJsonObject now = r->result().value(QLatin1String("limits")).toObject();
        if (id == m_selected) m_page->limits()->applied(client::Limits::fromJson(now));
        statusBar()->showMessage(tr("Limits applied"), 3000);
        emit limitsApplied(now);
        refreshList();
    });
}

void MainWindow::updateActions() {
    const QString state = m_list->summary(m_selected).value(QLatin1String("state")).toString();
    const bool sel = !m_selected.isEmpty() && m_ready;
    const bool running = state == QLatin1String("running"), paused = state == QLatin1String("paused");
    m_actNew->setEnabled(m_ready);
    m_actRefresh->setEnabled(m_ready);
    m_actOverview->setEnabled(m_ready);
    m_actStart->setEnabled(sel && (state == QLatin1String("created") || state == QLatin1String("exited")));
    m_actStop->setEnabled(sel && (running || paused));
    m_actPause->setEnabled(sel && (running || paused));
    m_actRestart->setEnabled(sel && (running || paused));
    m_actRemove->setEnabled(sel);
    m_actPause->setText(paused ? tr("Res&ume") : tr("&Pause"));
}

void MainWindow::updateStatusBar() {
    if (!m_ready) {
        m_connLabel->setText(m_client->isConnected() ? tr("Connecting to %1…").arg(m_socketPath)
                                                     : tr("Not connected to the Onggi service"));
        m_hostLabel->clear();
        m_countLabel->clear();
        return;
    }
    m_connLabel->setText(tr("Connected to onggi-helper %1").arg(m_hello.value(QLatin1String("helper_version")).toString()));
    const QJsonObject host = m_hello.value(QLatin1String("host")).toObject();
    const QString mode = host.value(QLatin1String("cgroup_mode")).toString();
    QString modeText = mode;
    if (mode == QLatin1String("v1")) modeText = tr("cgroup v1");
    else if (mode == QLatin1String("v2")) modeText = tr("cgroup v2");
    else if (mode == QLatin1String("hybrid")) modeText = tr("cgroup hybrid (v1 controllers)");
    m_hostLabel->setText(tr("%1 · Linux %2 · %n CPU(s) · %3", nullptr, host.value(QLatin1String("cpus")).toInt())
                             .arg(modeText, host.value(QLatin1String("kernel")).toString(),
                                  Units::bytes(double(host.value(QLatin1String("memory_bytes")).toInteger()))));
    int running = 0;
    for (int r = 0; r < m_list->rowCount(); ++r)
        if (m_list->index(r, 0).data(ContainerListModel::StateRole).toString() == QLatin1String("running")) ++running;
    m_countLabel->setText(tr("%n container(s)", nullptr, m_list->rowCount()) + QStringLiteral(" · ") +
                          tr("%n running", nullptr, running));
}

// ---- actions -----------------------------------------------------------------------------

void MainWindow::newContainer() {
    if (!m_ready) return;
    if (!m_createDialog) {
        m_createDialog = new CreateDialog(this);
        m_createDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_createDialog, &CreateDialog::createRequested, this, &MainWindow::sendCreate);
    }
    m_createDialog->setCgroupMode(m_hello.value(QLatin1String("host")).toObject().value(QLatin1String("cgroup_mode")).toString());
    request(QStringLiteral("images.list"), {}, [this](const QJsonObject& r) {
        if (!m_createDialog) return;
        QStringList names;
        for (const QJsonValue& v : r.value(QLatin1String("images")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString tag = o.value(QLatin1String("tag")).toString();
            const QString name = o.value(QLatin1String("name")).toString();
            names << ((tag.isEmpty() || tag == QLatin1String("latest")) ? name : name + QLatin1Char(':') + tag);
        }
        m_createDialog->setImages(names);
    });
    m_createDialog->open();
}

// The dialog stays open, its input kept, until the helper has created the container; a
// refusal (a name in use, a bad limit) is shown beside the field it concerns.
void MainWindow::sendCreate() {
    QPointer<CreateDialog> dialog = m_createDialog;
    if (!dialog) return;
    const QJsonObject params = dialog->params();
    const bool start = dialog->startAfterCreate();
    dialog->setBusy(true);
    request(
        QStringLiteral("container.create"), params,
        [this, dialog, start](const QJsonObject& r) {
            if (dialog) dialog->accept();
            const QString id = r.value(QLatin1String("id")).toString();
            auto select = [this, id] {
                connect(this, &MainWindow::listRefreshed, this, [this, id] { selectContainer(id); }, Qt::SingleShotConnection);
                refreshList();
                emit containerCreated(id);
            };
            if (start) request(QStringLiteral("container.start"), {{"id", id}}, [select](const QJsonObject&) { select(); });
            else select();
        },
        [this, dialog](const RpcError& e) {
            if (dialog) dialog->showRefusal(e);
            emit requestFailed(QStringLiteral("container.create"), client::ErrorText::describe(e));
        });
}

void MainWindow::showPage(QWidget* page) {
    m_right->setCurrentIndex(page == m_dashboard ? 0 : 1);  // each page sits in its scroll area
}

bool MainWindow::dashboardShown() const {
    return m_stack->currentIndex() == 1 && m_right->currentIndex() == 0;
}

NetworksDialog* MainWindow::networksDialog() const { return m_networksDialog; }

void MainWindow::showNetworks() {
    if (!m_netSession) {
        m_netSession = new client::HelperSession(this);
        m_netSession->open(m_socketPath);
    }
    if (!m_networksDialog) {
        m_networksDialog = new NetworksDialog(m_netSession, this);
        m_networksDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_networksDialog->refresh();
    }
    m_networksDialog->show();
    m_networksDialog->raise();
}

void MainWindow::showOverview() {
    m_view->clearSelection();
    m_view->setCurrentIndex({});
    showPage(m_dashboard);
}

void MainWindow::startSelected() {
    if (!m_selected.isEmpty()) request(QStringLiteral("container.start"), {{"id", m_selected}}, [this](const QJsonObject&) { refreshList(); });
}

void MainWindow::stopSelected() {
    if (!m_selected.isEmpty())
        request(QStringLiteral("container.stop"), {{"id", m_selected}, {"timeout", 10}}, [this](const QJsonObject&) { refreshList(); });
}

void MainWindow::pauseResumeSelected() {
    if (m_selected.isEmpty()) return;
    const bool paused = m_list->summary(m_selected).value(QLatin1String("state")).toString() == QLatin1String("paused");
    request(paused ? QStringLiteral("container.resume") : QStringLiteral("container.pause"), {{"id", m_selected}},
            [this](const QJsonObject&) { refreshList(); });
}

void MainWindow::restartSelected() {
    if (!m_selected.isEmpty())
        request(QStringLiteral("container.restart"), {{"id", m_selected}, {"timeout", 10}}, [this](const QJsonObject&) { refreshList(); });
}

void MainWindow::removeSelected() {
    if (m_selected.isEmpty()) return;
    const QJsonObject s = m_list->summary(m_selected);
    const QString name = s.value(QLatin1String("name")).toString();
    const QString state = s.value(QLatin1String("state")).toString();
    const bool running = state == QLatin1String("running") || state == QLatin1String("paused");
    const QString question =
        running ? tr("Container \"%1\" is running. Stop it and remove it with everything it wrote (its upper layer and "
                     "logs)?").arg(name)
                : tr("Remove container \"%1\" with everything it wrote (its upper layer and logs)?").arg(name);
    if (QMessageBox::question(this, tr("Remove container"), question, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    request(QStringLiteral("container.remove"), {{"id", m_selected}, {"force", running}},
            [this](const QJsonObject&) { refreshList(); });
}

void MainWindow::showSettings() {
    SettingsDialog d(this);
    d.setLanguage(m_languages ? m_languages->language() : QStringLiteral("system"));
    d.setIntervalMs(m_intervalMs);
    if (d.exec() != QDialog::Accepted) return;
    setLanguage(d.language());
    if (d.intervalMs() != m_intervalMs) setStatsIntervalMs(d.intervalMs());
}

}  // namespace onggi::gui

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
#include "gui/widgets/create_dialog.h"
#include "gui/widgets/dashboard_page.h"
#include "gui/widgets/helper_absent_page.h"
#include "gui/widgets/images_page.h"
#include "gui/widgets/layers_dialog.h"
#include "gui/widgets/learn_panel.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace onggi::gui {

using client::RpcError;
using client::RpcReply;

MainWindow::MainWindow(LanguageManager* languages, QWidget* parent) : QMainWindow(parent), m_languages(languages)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/onggi.svg")));
    // The session connects, reconnects every 2 s, says hello and keeps the subscriptions.
    m_session = new client::HelperSession(this);
    connect(m_session, &client::HelperSession::stateChanged, this, &MainWindow::onSessionState);
    connect(m_session, &client::HelperSession::ready, this, &MainWindow::onReady);
    connect(m_session, &client::HelperSession::disconnected, this, &MainWindow::onDisconnected);
    connect(m_session, &client::HelperSession::statsFrame, this, &MainWindow::onStatsFrame);
    connect(m_session, &client::HelperSession::event, this, &MainWindow::onEvent);
    connect(m_session, &client::HelperSession::logLine, this, [this](const client::LogLine& l) {
        if (l.subscription == m_logSub && m_logSub) m_logs->appendLine(l);
    });
    connect(m_session, &client::HelperSession::logEnded, this, [this](qint64 sub) {
        if (sub == m_logSub) m_logSub = 0;  // the helper ended it
    });
    connect(m_session, &client::HelperSession::logGap, this, [this](qint64 sub, qint64 lostBytes) {
        // Rotation deleted lines before we read them: say so where they would have been.
        if (sub == m_logSub && m_logSub) m_logs->appendGap(lostBytes);
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
    m_view->setItemDelegateForColumn(
        ContainerListModel::Cpu,
        new SparklineDelegate(SparklineDelegate::Sparkline, ContainerListModel::HistoryRole,
                              ContainerListModel::ScaleRole, ContainerListModel::FractionRole, m_view));
    m_view->setItemDelegateForColumn(ContainerListModel::Memory,
                                     new SparklineDelegate(SparklineDelegate::Bar, ContainerListModel::HistoryRole,
                                                           ContainerListModel::ScaleRole,
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
    m_page->learn()->setSession(m_session);  // its live panel asks container.kernel_view while shown
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
    m_imagesPage = new ImagesPage(m_session, m_stack);
    connect(m_imagesPage, &ImagesPage::failed, this, [this](const QString& text) {
        statusBar()->showMessage(text, 10000);
        emit requestFailed(QStringLiteral("images"), text);
    });
    m_stack->addWidget(m_imagesPage);
    setCentralWidget(m_stack);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_page->limits(), &LimitsPanel::limitsChanged, this, &MainWindow::applyLimits);
    connect(m_page->charts(), &ChartsPanel::historyRequested, this, [this](int seconds) {
        if (m_selected.isEmpty() || !m_ready) return;
        const QString id = m_selected;
        m_session->statsHistory(id, seconds, [this, id](const client::StatsHistory& h, const RpcError& e) {
            if (e.isError()) showError(QStringLiteral("stats.history"), e);
            else if (id == m_selected) m_history->setHistory(h);
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

void MainWindow::createActions()
{
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
    m_actImages = new QAction(AI::icon(AI::Images, QString()), QString(), this);
    m_actImages->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_actImages, &QAction::triggered, this, &MainWindow::showImages);
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
    m_toolbar->addAction(m_actImages);
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
    m_viewMenu->addAction(m_actImages);
    m_actNetworks = m_viewMenu->addAction(QString());
    connect(m_actNetworks, &QAction::triggered, this, &MainWindow::showNetworks);
    m_actLayers = m_viewMenu->addAction(QString());
    connect(m_actLayers, &QAction::triggered, this, &MainWindow::showLayers);
    m_langMenu = m_viewMenu->addMenu(QString());
    m_langGroup = new QActionGroup(this);
    m_actLangSystem = m_langMenu->addAction(QString());
    m_actLangKo = m_langMenu->addAction(QString());
    m_actLangEn = m_langMenu->addAction(QString());
    for (auto [a, code] :
         {std::pair{m_actLangSystem, "system"}, std::pair{m_actLangKo, "ko"}, std::pair{m_actLangEn, "en"}}) {
        a->setCheckable(true);
        a->setData(QString::fromLatin1(code));
        m_langGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, a] { setLanguage(a->data().toString()); });
    }
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actAbout);
}

void MainWindow::setLanguage(const QString& code)
{
    if (m_languages) m_languages->setLanguage(code);
    QSettings().setValue(QStringLiteral("language"), code);
}

void MainWindow::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QMainWindow::changeEvent(e);
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    QSettings().setValue(QStringLiteral("geometry"), saveGeometry());
    QMainWindow::closeEvent(e);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Onggi — containers"));
    m_toolbar->setWindowTitle(tr("Container actions"));
    m_actNew->setText(tr("&New…"));
    m_actNew->setToolTip(tr("Create a new container"));
    m_actStart->setText(tr("&Start"));
    m_actStop->setText(tr("S&top"));
    m_actStop->setToolTip(tr("Send SIGTERM, then SIGKILL after 10 seconds"));
    const QString state = m_list->summary(m_selected).state;
    m_actPause->setText(state == QLatin1String("paused") ? tr("Res&ume") : tr("&Pause"));
    m_actPause->setToolTip(tr("Freeze or thaw every process of the container (cgroup freezer)"));
    m_actRestart->setText(tr("&Restart"));
    m_actRemove->setText(tr("Re&move"));
    m_actRefresh->setText(tr("Re&fresh"));
    m_actOverview->setText(tr("&Host overview"));
    m_actOverview->setToolTip(tr("The whole host: CPU and memory, top consumers, recent events"));
    m_actImages->setText(tr("&Images"));
    m_actImages->setToolTip(tr("The images in the store: their layers, sizes, pull and remove"));
    m_actSettings->setText(tr("&Settings…"));
    m_actNetworks->setText(tr("&Networks…"));
    m_actNetworks->setToolTip(tr("Networks, their members, and what the kernel has for them"));
    m_actLayers->setText(tr("La&yers…"));
    m_actLayers->setToolTip(
        tr("Every image's and container's layers side by side: what is shared, what each container wrote"));
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

void MainWindow::connectToHelper(const QString& socketPath)
{
    m_socketPath = socketPath.isEmpty() ? client::HelperClient::defaultSocketPath() : socketPath;
    m_absent->setReason(HelperAbsentPage::Connecting, m_socketPath);
    m_stack->setCurrentWidget(m_absent);
    m_session->setStatsSubscription(m_intervalMs);
    m_session->setEventsSubscribed(true);
    tryConnect();
}

void MainWindow::tryConnect()
{
    if (m_session->state() == client::HelperSession::State::Ready) return;
    m_session->open(m_socketPath);  // a first try now; the session retries every 2 s after
    onSessionState(m_session->state());
}

// What the helper-absent page says follows the session's state. After a lost connection it
// keeps saying so (containers keep running) while the retries fail: "not running" would
// read as if they had stopped too.
void MainWindow::onSessionState(client::HelperSession::State state)
{
    using State = client::HelperSession::State;
    const RpcError& e = m_session->lastError();
    switch (state) {
    case State::Ready:
    case State::Connecting: break;
    case State::Denied:
        m_ready = false;
        m_absent->setReason(HelperAbsentPage::PermissionDenied, m_socketPath, e.message);
        m_stack->setCurrentWidget(m_absent);
        break;
    case State::Incompatible:
        m_ready = false;
        m_absent->setReason(HelperAbsentPage::Incompatible, m_socketPath,
                            tr("the service speaks protocol %1, this app %2")
                                .arg(m_session->hello().protocol)
                                .arg(client::HelperClient::kProtocolVersion));
        m_stack->setCurrentWidget(m_absent);
        break;
    case State::Disconnected:
        if (m_ready) break;  // onDisconnected says it
        if (m_lost) {
            if (m_absent->reason() != HelperAbsentPage::Lost) m_absent->setReason(HelperAbsentPage::Lost, m_socketPath);
        } else {
            m_absent->setReason(HelperAbsentPage::NotRunning, m_socketPath, e.message);
        }
        m_stack->setCurrentWidget(m_absent);
        break;
    }
    updateStatusBar();
}

void MainWindow::onReady(const client::HelloInfo& hello)
{
    m_hello = hello;
    m_ready = true;
    m_lost = false;
    m_overview->setHostInfo(hello.host);
    m_list->setHost(hello.host.memoryBytes, hello.host.cpus);
    m_page->limits()->setHost(hello.host.cgroupMode, hello.host.memoryBytes, hello.host.cpus);
    m_page->limits()->setCgroupFiles(
        client::CgroupFileNames::fromHost(hello.raw.value(QLatin1String("host")).toObject()));
    m_stack->setCurrentIndex(1);
    updateActions();
    refreshList();
    m_listTimer->start();
    m_procTimer->start();
    m_clock->start();
    updateStatusBar();
    emit helperReady();
}

void MainWindow::onDisconnected(const RpcError& why)
{
    if (!m_ready) {  // a refused hello: the session's state says why
        onSessionState(m_session->state());
        return;
    }
    const bool denied = m_session->state() == client::HelperSession::State::Denied;
    m_ready = false;
    m_logSub = 0;
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
    if (m_createDialog) m_createDialog->setBusy(false);
    updateActions();  // nothing to act on until the service is back
    updateStatusBar();
}

void MainWindow::setStatsIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, 100, 10000);
    m_history->setCapacity(900000 / m_intervalMs + 10);
    m_history->setIntervalMs(m_intervalMs);
    QSettings().setValue(QStringLiteral("statsIntervalMs"), m_intervalMs);
    m_session->setStatsSubscription(m_intervalMs);
}

client::HelperSession::Done MainWindow::answered(const QString& method, std::function<void()> then)
{
    return [this, method, then = std::move(then)](const RpcError& e) {
        if (e.isError()) showError(method, e);
        else if (then) then();
    };
}

void MainWindow::showError(const QString& method, const RpcError& e)
{
    if (e.errc == QLatin1String("connection_lost") || e.errc == QLatin1String("not_connected")) return;
    // In the user's language; the helper's English context only as a tooltip.
    const QString text = client::ErrorText::explain(e);
    statusBar()->setToolTip(client::ErrorText::details(e));
    statusBar()->showMessage(text, 10000);
    emit requestFailed(method, text);
}

// ---- notifications -----------------------------------------------------------------------

void MainWindow::onStatsFrame(const client::StatsFrame& frame)
{
    m_list->applyStats(frame.samples);  // one pass over the frame
    const qint64 t = frame.timeMs > 0 ? frame.timeMs : QDateTime::currentMSecsSinceEpoch();
    if (frame.host.valid) m_list->setHost(frame.host.memoryTotal, frame.host.cpus);
    m_overview->applyFrame(t, frame.host, frame.samples);
    for (const client::Sample& s : frame.samples) {
        if (s.id != m_selected) continue;
        m_history->appendSample(s, t);  // one frameAppended → one redraw of the charts
        m_page->limits()->setMemoryInUse(s.memoryCurrent);
        m_page->limits()->setEffectiveFromSample(s.pidsLimit);
    }
}

void MainWindow::onEvent(const client::Event& ev)
{
    if (ev.type == QLatin1String("image")) return;  // the Images page follows those itself
    m_eventList->addEvent(ev);
    if (ev.id == m_selected && (ev.action == QLatin1String("die") || ev.action == QLatin1String("stop")))
        m_history->markStopped();  // no line across the time it did not run
    if (ev.action == QLatin1String("oom")) {
        if (ev.id == m_selected) {
            const qint64 t = client::Sample::parseTimeMs(ev.time);
            m_history->addOomKill(t > 0 ? t : QDateTime::currentMSecsSinceEpoch(),
                                  ev.attributes.value(QStringLiteral("oom_kill_count")).toLongLong());
        }
        notifyOom(ev.name.isEmpty() ? m_list->summary(ev.id).name : ev.name);
    }
    // Any change (limits changed by onggictl update too) comes with the next list.
    m_refreshSoon->start();
    // A container made or removed changes the Images page's counts and the df totals.
    if (imagesShown() && (ev.action == QLatin1String("create") || ev.action == QLatin1String("destroy")))
        QTimer::singleShot(200, m_imagesPage, &ImagesPage::refresh);
}

void MainWindow::notifyOom(const QString& name)
{
    ++m_notifications;
    m_lastNotification = tr("Out of memory in \"%1\"").arg(name);
    const QString body = tr("The kernel's OOM killer ended a process in container \"%1\" because it reached its memory "
                            "limit. Raise the limit in the Limits tab if it needs more.")
                             .arg(name);
    if (m_tray && m_tray->isVisible()) m_tray->showMessage(m_lastNotification, body, QSystemTrayIcon::Warning, 8000);
    statusBar()->showMessage(m_lastNotification, 10000);
}

// ---- list and selection ------------------------------------------------------------------

void MainWindow::refreshList()
{
    if (!m_ready) return;
    m_session->listContainers(true, [this](const QList<client::ContainerSummary>& all, const RpcError& e) {
        if (e.isError()) {
            showError(QStringLiteral("container.list"), e);
            return;
        }
        m_list->setContainers(all);
        m_overview->setContainers(all);
        m_eventList->setContainers(all);
        if (!m_selected.isEmpty()) {
            const client::ContainerSummary s = m_list->summary(m_selected);
            if (s.id.isEmpty()) {
                m_selected.clear();
                m_page->setSummary({});
                showPage(m_dashboard);
            } else {
                m_history->setIoLimits(s.limits.io.value_or(QList<client::IoLimit>()));
                const QString before = m_page->property("state").toString();
                const QString now = s.state;
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

bool MainWindow::selectContainer(const QString& idOrName)
{
    for (int row = 0; row < m_list->rowCount(); ++row) {
        const QModelIndex i = m_list->index(row, 0);
        if (m_list->idAt(row) == idOrName || i.data().toString() == idOrName ||
            m_list->idAt(row).startsWith(idOrName)) {
            const QModelIndex p = m_proxy->mapFromSource(i);
            if (!p.isValid()) return false;
            m_view->selectionModel()->select(p, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->setCurrentIndex(p);
            return true;
        }
    }
    return false;
}

void MainWindow::onSelectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QString id = rows.isEmpty() ? QString() : rows.first().data(ContainerListModel::IdRole).toString();
    if (id == m_selected) return;
    m_page->limits()->flush();  // a pending limit change belongs to the container it was made for
    m_selected = id;
    showPage(id.isEmpty() ? static_cast<QWidget*>(m_dashboard) : m_page);
    const client::ContainerSummary s = m_list->summary(id);
    m_page->setSummary(s);
    m_page->setProperty("state", s.state);
    m_history->reset(id);
    m_history->setIoLimits(s.limits.io.value_or(QList<client::IoLimit>()));
    m_logs->clear();
    m_procs->clear();
    loadSelected();
    updateActions();
    retranslateUi();
}

void MainWindow::loadSelected()
{
    if (m_logSub) {
        m_session->unsubscribe(m_logSub);
        m_logSub = 0;
    }
    if (m_selected.isEmpty() || !m_ready) return;
    const QString id = m_selected;
    m_session->statsHistory(id, m_page->charts()->windowSeconds(),
                            [this, id](const client::StatsHistory& h, const RpcError& e) {
                                if (e.isError()) return showError(QStringLiteral("stats.history"), e);
                                if (id != m_selected) return;
                                m_history->setHistory(h);
                                if (!h.samples.isEmpty())
                                    m_page->limits()->setEffectiveFromSample(h.samples.last().pidsLimit);
                            });
    m_session->inspect(id, [this, id](const client::ContainerInspect& i, const RpcError& e) {
        if (e.isError()) return showError(QStringLiteral("container.inspect"), e);
        if (id == m_selected) m_page->setInspect(i);
    });
    m_session->logs(id, 1000, m_page->logs()->follow(),
                    [this, id](const QList<client::LogLine>& lines, qint64 sub, const RpcError& e) {
                        if (e.isError()) return showError(QStringLiteral("container.logs"), e);
                        if (id != m_selected) {
                            m_session->unsubscribe(sub);
                            return;
                        }
                        m_logs->setLines(lines);
                        m_logSub = sub;
                    });
    if (m_page->currentTab() == ContainerPage::ProcessesTab) refreshProcesses();
}

void MainWindow::refreshProcesses()
{
    if (m_selected.isEmpty() || !m_ready) return;
    if (!m_list->summary(m_selected).isRunning()) {
        m_procs->clear();
        return;
    }
    const QString id = m_selected;
    m_session->top(id, [this, id](const QList<client::ProcessInfo>& procs, const RpcError& e) {
        if (e.isError()) return showError(QStringLiteral("container.top"), e);
        if (id == m_selected) m_procs->setProcesses(procs);
    });
}

void MainWindow::applyLimits(const client::Limits& limits)
{
    if (m_selected.isEmpty() || limits.isEmpty() || !m_ready) return;
    const QString id = m_selected;
    m_session->updateLimits(id, limits, [this, id, limits](const client::Limits& now, const RpcError& e) {
        if (e.isError()) {
            // Refused: the controls go back to what the kernel has, with the reason beside them.
            if (id == m_selected)
                m_page->limits()->refused(limits, now, client::ErrorText::explain(e), client::ErrorText::details(e));
            showError(QStringLiteral("container.update"), e);
            return;
        }
        if (id == m_selected) {
            m_page->limits()->applied(now);
            if (now.io) m_history->setIoLimits(*now.io);
        }
        statusBar()->showMessage(tr("Limits applied"), 3000);
        emit limitsApplied(now);
        refreshList();
    });
}

void MainWindow::updateActions()
{
    const QString state = m_list->summary(m_selected).state;
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

void MainWindow::updateStatusBar()
{
    if (!m_ready) {
        m_connLabel->setText(m_session->client()->isConnected() ? tr("Connecting to %1…").arg(m_socketPath)
                                                                : tr("Not connected to the Onggi service"));
        m_hostLabel->clear();
        m_countLabel->clear();
        return;
    }
    m_connLabel->setText(tr("Connected to onggi-helper %1").arg(m_hello.helperVersion));
    const client::HostInfo& host = m_hello.host;
    const QString& mode = host.cgroupMode;
    QString modeText = mode;
    if (mode == QLatin1String("v1")) modeText = tr("cgroup v1");
    else if (mode == QLatin1String("v2")) modeText = tr("cgroup v2");
    else if (mode == QLatin1String("hybrid")) modeText = tr("cgroup hybrid (v1 controllers)");
    m_hostLabel->setText(tr("%1 · Linux %2 · %n CPU(s) · %3", nullptr, host.cpus)
                             .arg(modeText, host.kernel, Units::bytes(double(host.memoryBytes))));
    int running = 0;
    for (int r = 0; r < m_list->rowCount(); ++r)
        if (m_list->index(r, 0).data(ContainerListModel::StateRole).toString() == QLatin1String("running")) ++running;
    m_countLabel->setText(tr("%n container(s)", nullptr, m_list->rowCount()) + QStringLiteral(" · ") +
                          tr("%n running", nullptr, running));
}

// ---- actions -----------------------------------------------------------------------------

void MainWindow::newContainer()
{
    if (!m_ready) return;
    if (!m_createDialog) {
        m_createDialog = new CreateDialog(this);
        m_createDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_createDialog, &CreateDialog::createRequested, this, &MainWindow::sendCreate);
    }
    m_createDialog->setCgroupMode(m_hello.host.cgroupMode);
    m_createDialog->setCgroupFiles(
        client::CgroupFileNames::fromHost(m_hello.raw.value(QLatin1String("host")).toObject()));
    m_session->listImages([this](const QList<client::ImageInfo>& images, const RpcError& e) {
        if (e.isError()) return showError(QStringLiteral("images.list"), e);
        if (!m_createDialog) return;
        QStringList names;
        for (const client::ImageInfo& i : images)
            names << ((i.tag.isEmpty() || i.tag == QLatin1String("latest")) ? i.name
                                                                            : i.name + QLatin1Char(':') + i.tag);
        m_createDialog->setImages(names);
    });
    m_createDialog->setHostNetworkAllowed(m_hello.admin);
    m_session->listNetworks([this](const QList<client::NetworkInfo>& networks, const RpcError& e) {
        if (e.isError()) return showError(QStringLiteral("network.list"), e);
        if (m_createDialog) m_createDialog->setNetworks(networks);
    });
    m_createDialog->open();
}

// The dialog stays open, its input kept, until the helper has created the container; a
// refusal (a name in use, a bad limit) is shown beside the field it concerns.
void MainWindow::sendCreate()
{
    QPointer<CreateDialog> dialog = m_createDialog;
    if (!dialog) return;
    const QJsonObject params = dialog->params();
    const bool start = dialog->startAfterCreate();
    dialog->setBusy(true);
    m_session->create(params, [this, dialog, start](const QString& id, const RpcError& e) {
        if (e.isError()) {
            if (dialog) dialog->showRefusal(e);
            emit requestFailed(QStringLiteral("container.create"), client::ErrorText::describe(e));
            return;
        }
        if (dialog) dialog->accept();
        auto select = [this, id] {
            connect(
                this, &MainWindow::listRefreshed, this, [this, id] { selectContainer(id); }, Qt::SingleShotConnection);
            refreshList();
            emit containerCreated(id);
        };
        if (start) m_session->start(id, answered(QStringLiteral("container.start"), select));
        else select();
    });
}

void MainWindow::showPage(QWidget* page)
{
    if (m_stack->currentWidget() == m_imagesPage) m_stack->setCurrentIndex(1);  // back from the Images page
    m_right->setCurrentIndex(page == m_dashboard ? 0 : 1);                      // each page sits in its scroll area
}

bool MainWindow::dashboardShown() const { return m_stack->currentIndex() == 1 && m_right->currentIndex() == 0; }

bool MainWindow::imagesShown() const { return m_stack->currentWidget() == m_imagesPage; }

void MainWindow::showImages()
{
    if (!m_ready) return;
    if (m_stack->currentWidget() == m_imagesPage) m_imagesPage->refresh();
    else m_stack->setCurrentWidget(m_imagesPage);  // its showEvent refreshes it
}

NetworksDialog* MainWindow::networksDialog() const { return m_networksDialog; }
LayersDialog* MainWindow::layersDialog() const { return m_layersDialog; }

void MainWindow::showLayers()
{
    if (!m_layersDialog) {
        m_layersDialog = new LayersDialog(m_session, this);
        m_layersDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_layersDialog->show();
    m_layersDialog->raise();
    m_layersDialog->activateWindow();
}

void MainWindow::showNetworks()
{
    if (!m_networksDialog) {
        m_networksDialog = new NetworksDialog(m_session, this);
        m_networksDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_networksDialog->refresh();
    }
    m_networksDialog->show();
    m_networksDialog->raise();
}

void MainWindow::showOverview()
{
    m_view->clearSelection();
    m_view->setCurrentIndex({});
    showPage(m_dashboard);
}

void MainWindow::startSelected()
{
    if (!m_selected.isEmpty())
        m_session->start(m_selected, answered(QStringLiteral("container.start"), [this] { refreshList(); }));
}

void MainWindow::stopSelected()
{
    if (!m_selected.isEmpty())
        m_session->stop(m_selected, 10, answered(QStringLiteral("container.stop"), [this] { refreshList(); }));
}

void MainWindow::pauseResumeSelected()
{
    if (m_selected.isEmpty()) return;
    if (m_list->summary(m_selected).state == QLatin1String("paused"))
        m_session->resume(m_selected, answered(QStringLiteral("container.resume"), [this] { refreshList(); }));
    else m_session->pause(m_selected, answered(QStringLiteral("container.pause"), [this] { refreshList(); }));
}

void MainWindow::restartSelected()
{
    if (!m_selected.isEmpty())
        m_session->restart(m_selected, 10, answered(QStringLiteral("container.restart"), [this] { refreshList(); }));
}

void MainWindow::removeSelected()
{
    if (m_selected.isEmpty()) return;
    const client::ContainerSummary s = m_list->summary(m_selected);
    const QString& name = s.name;
    const bool running = s.isRunning();
    const QString question =
        running ? tr("Container \"%1\" is running. Stop it and remove it with everything it wrote (its upper layer and "
                     "logs)?")
                      .arg(name)
                : tr("Remove container \"%1\" with everything it wrote (its upper layer and logs)?").arg(name);
    if (QMessageBox::question(this, tr("Remove container"), question, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_session->remove(m_selected, running, answered(QStringLiteral("container.remove"), [this] { refreshList(); }));
}

void MainWindow::showSettings()
{
    SettingsDialog d(this);
    d.setLanguage(m_languages ? m_languages->language() : QStringLiteral("system"));
    d.setIntervalMs(m_intervalMs);
    if (d.exec() != QDialog::Accepted) return;
    setLanguage(d.language());
    if (d.intervalMs() != m_intervalMs) setStatsIntervalMs(d.intervalMs());
}

}  // namespace onggi::gui

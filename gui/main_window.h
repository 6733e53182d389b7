// The main window: container list (sort, filter) beside the selected container's page,
// toolbar actions, a status bar with the helper connection and host facts, and the
// "helper absent" page in place of all that while the helper cannot be reached. Its
// client::HelperSession owns the connection and the subscriptions and hands it typed structs;
// it feeds the models and pages with them (nothing here reads protocol JSON).
#pragma once

#include "client/container_summary.h"
#include "client/event.h"
#include "client/helper_session.h"
#include "client/limits.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QSystemTrayIcon;
class QTableView;
class QTimer;
class QToolBar;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class ContainerListModel;
class ContainerPage;
class CreateDialog;
class DashboardPage;
class EventListModel;
class HostOverviewModel;
class ImagesPage;
class HelperAbsentPage;
class LanguageManager;
class LogModel;
class NetworksDialog;
class LayersDialog;
class ProcessListModel;
class StatsHistoryModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LanguageManager* languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Connect (and keep reconnecting) to the helper at socketPath (empty: the default).
    void connectToHelper(const QString& socketPath = QString());
    void setStatsIntervalMs(int ms);
    int statsIntervalMs() const { return m_intervalMs; }

    // Select a container in the list by id or name. False when absent.
    bool selectContainer(const QString& idOrName);
    QString selectedId() const { return m_selected; }

    // For tests and screenshots.
    client::HelperSession* session() const { return m_session; }
    client::HelperClient* client() const { return m_session->client(); }
    ContainerListModel* listModel() const { return m_list; }
    StatsHistoryModel* historyModel() const { return m_history; }
    ContainerPage* containerPage() const { return m_page; }
    HelperAbsentPage* absentPage() const { return m_absent; }
    DashboardPage* dashboard() const { return m_dashboard; }
    ImagesPage* imagesPage() const { return m_imagesPage; }
    bool imagesShown() const;
    QAction* imagesAction() const { return m_actImages; }
    HostOverviewModel* overviewModel() const { return m_overview; }
    EventListModel* eventModel() const { return m_eventList; }
    bool dashboardShown() const;
    QTableView* listView() const { return m_view; }
    CreateDialog* createDialog() const;
    NetworksDialog* networksDialog() const;
    LayersDialog* layersDialog() const;
    bool isHelperConnected() const { return m_ready; }
    QString lastNotification() const { return m_lastNotification; }
    int notificationCount() const { return m_notifications; }
    QAction* newAction() const { return m_actNew; }
    // Start, Stop, Pause/Resume, Restart, Remove.
    QList<QAction*> containerActions() const { return {m_actStart, m_actStop, m_actPause, m_actRestart, m_actRemove}; }

public slots:
    void newContainer();
    void showNetworks();  // the Networks view
    void showLayers();    // the Layers view
    void startSelected();
    void stopSelected();
    void pauseResumeSelected();
    void restartSelected();
    void removeSelected();
    void showSettings();
    void refreshList();
    void showOverview();  // the dashboard: clears the selection
    void showImages();    // the Images page, the whole window wide

signals:
    void helperReady();
    void containerCreated(const QString& id);
    void listRefreshed();
    void limitsApplied(const onggi::client::Limits& limits);
    void requestFailed(const QString& method, const QString& text);

protected:
    void changeEvent(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;

private:
    void createActions();
    void retranslateUi();
    void tryConnect();
    void onSessionState(client::HelperSession::State state);
    void onReady(const client::HelloInfo& hello);
    void onDisconnected(const client::RpcError& why);
    void onStatsFrame(const client::StatsFrame& frame);
    void onEvent(const client::Event& event);
    void onSelectionChanged();
    void loadSelected();
    void refreshProcesses();
    void applyLimits(const onggi::client::Limits& limits);
    void updateActions();
    void updateStatusBar();
    void notifyOom(const QString& name);
    // The end of a request: an error goes to the status bar (translated), else then() runs.
    client::HelperSession::Done answered(const QString& method, std::function<void()> then = {});
    void sendCreate();
    void showPage(QWidget* page);  // m_dashboard or m_page
    void showError(const QString& method, const client::RpcError& e);
    void setLanguage(const QString& code);

    LanguageManager* m_languages;
    client::HelperSession* m_session;
    QString m_socketPath;
    bool m_ready = false;
    client::HelloInfo m_hello;
    qint64 m_logSub = 0;
    int m_intervalMs = 1000;
    QString m_selected;
    QString m_lastNotification;
    int m_notifications = 0;

    ContainerListModel* m_list;
    QSortFilterProxyModel* m_proxy;
    StatsHistoryModel* m_history;
    LogModel* m_logs;
    ProcessListModel* m_procs;
    HostOverviewModel* m_overview;
    EventListModel* m_eventList;
    bool m_lost = false;  // the connection was lost (not: never made): keep saying so

    QStackedWidget* m_stack;
    HelperAbsentPage* m_absent;
    QTableView* m_view;
    QLineEdit* m_filter;
    ContainerPage* m_page;
    QStackedWidget* m_right;  // the dashboard or the selected container's page
    DashboardPage* m_dashboard;
    QPointer<CreateDialog> m_createDialog;
    QPointer<NetworksDialog> m_networksDialog;
    QAction* m_actNetworks = nullptr;
    QPointer<LayersDialog> m_layersDialog;
    QAction* m_actLayers = nullptr;
    QToolBar* m_toolbar;
    QLabel *m_connLabel, *m_hostLabel, *m_countLabel;
    QTimer *m_listTimer, *m_procTimer, *m_clock, *m_refreshSoon;
    QSystemTrayIcon* m_tray = nullptr;

    QMenu *m_fileMenu, *m_containerMenu, *m_viewMenu, *m_langMenu, *m_helpMenu;
    QAction *m_actNew, *m_actStart, *m_actStop, *m_actPause, *m_actRestart, *m_actRemove, *m_actSettings, *m_actQuit,
        *m_actAbout, *m_actLangSystem, *m_actLangKo, *m_actLangEn, *m_actRefresh, *m_actOverview;
    QAction* m_actImages = nullptr;
    ImagesPage* m_imagesPage = nullptr;
    QActionGroup* m_langGroup;
};

}  // namespace gui
}  // namespace onggi

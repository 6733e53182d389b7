// Everything about the selected container, in tabs: monitor & tune (each chart with the
// limits that act on it beside it), logs, processes, inspect (the OCI config.json) and
// learn. The page holds no connection: it asks the main window through signals and is fed
// through setters.
#pragma once

#include "client/network_info.h"

#include "client/container_inspect.h"
#include "client/container_summary.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableView;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class ChartsPanel;
class LearnPanel;
class LimitsPanel;
class LogModel;
class LogsView;
class ProcessListModel;
class StatsHistoryModel;

class ContainerPage : public QWidget {
    Q_OBJECT
public:
    // The limits live beside the charts: LimitsTab names the same tab as ChartsTab.
    enum Tab { ChartsTab, LogsTab, ProcessesTab, InspectTab, LearnTab, LimitsTab = ChartsTab };

    ContainerPage(StatsHistoryModel* history, LogModel* logs, ProcessListModel* processes, QWidget* parent = nullptr);

    void setSummary(const client::ContainerSummary& summary);  // empty id = nothing selected
    QString headerText() const;
    void setInspect(const client::ContainerInspect& inspect);
    QString containerId() const { return m_id; }
    int currentTab() const;
    void setCurrentTab(int tab);

    ChartsPanel* charts() const { return m_charts; }
    LimitsPanel* limits() const { return m_limits; }
    LogsView* logs() const { return m_logs; }
    LearnPanel* learn() const { return m_learn; }
    QPlainTextEdit* inspectText() const { return m_inspect; }
    QLabel* networkLabel() const { return m_network; }  // address and published ports

signals:
    void tabShown(int tab);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    QString m_id;
    client::ContainerSummary m_summary;
    QLabel* m_header;
    QLabel* m_network = nullptr;
    client::ContainerNetworkView m_networkView;  // inspect's "network", kept to retranslate
    void showNetwork();
    QTabWidget* m_tabs;
    ChartsPanel* m_charts;
    LimitsPanel* m_limits;
    LogsView* m_logs;
    QTableView* m_procs;
    QPlainTextEdit* m_inspect;
    LearnPanel* m_learn;
};

}  // namespace gui
}  // namespace onggi

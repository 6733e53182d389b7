// The host overview, shown when no container is selected: the host's CPU and memory now
// (with the containers' part), counts by state, the CPU and memory charts with the containers
// stacked (fitted to the containers, or to scale with the host), the top consumers and the recent events. Double-click
// (or Enter) on a consumer or an event opens that container.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class EventListModel;
class HostOverviewModel;
class StackedUsageChart;

class DashboardPage : public QWidget {
    Q_OBJECT
public:
    DashboardPage(HostOverviewModel* overview, EventListModel* events, QWidget* parent = nullptr);

    // For tests and screenshots.
    QTableView* consumersView() const { return m_consumers; }
    QTableView* eventsView() const { return m_events; }
    StackedUsageChart* cpuChart() const { return m_cpuChart; }
    StackedUsageChart* memoryChart() const { return m_memChart; }
    // The charts' scale: fitted to the containers (default) or to the whole host.
    QComboBox* scaleBox() const { return m_scale; }
    QString cpuText() const;
    QString memoryText() const;
    QString countsText() const;

signals:
    void containerActivated(const QString& id);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    void updateTotals();
    void updateCounts();

    HostOverviewModel* m_overview;
    EventListModel* m_eventModel;
    QSortFilterProxyModel* m_sorted;
    QLabel *m_title, *m_cpuTitle, *m_cpuValue, *m_cpuDetail, *m_memTitle, *m_memValue, *m_memDetail, *m_countTitle,
        *m_countValue, *m_countDetail, *m_cpuChartTitle, *m_memChartTitle, *m_consumersTitle, *m_eventsTitle;
    StackedUsageChart *m_cpuChart, *m_memChart;
    QLabel* m_scaleLabel;
    QComboBox* m_scale;
    QTableView *m_consumers, *m_events;
};

}  // namespace gui
}  // namespace onggi

// The live charts of one container: CPU, memory (with limit, memory.high and OOM kill
// markers), disk I/O, PIDs and network, over a 1/5/15 minute window. Redrawn once per stats
// frame (frameAppended), and only while visible.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class MetricChart;
class StatsHistoryModel;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(StatsHistoryModel* model, QWidget* parent = nullptr);

    int windowSeconds() const;
    void setWindowSeconds(int seconds);
    MetricChart* cpuChart() const { return m_cpu; }
    MetricChart* memoryChart() const { return m_memory; }
    MetricChart* ioChart() const { return m_io; }
    MetricChart* pidsChart() const { return m_pids; }
    MetricChart* networkChart() const { return m_net; }
    void redraw();
    int redrawCount() const { return m_redraws; }

signals:
    // The user chose a window longer than what is loaded: ask the helper (stats.history).
    void historyRequested(int seconds);

protected:
    void changeEvent(QEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    void retranslateUi();
    void onFrame();

    StatsHistoryModel* m_model;
    QComboBox* m_window;
    QLabel* m_windowLabel;
    MetricChart *m_cpu, *m_memory, *m_io, *m_pids, *m_net;
    bool m_dirty = false;
    int m_redraws = 0;
};

}  // namespace gui
}  // namespace onggi

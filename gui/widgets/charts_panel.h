// The tuning view of one container: each live chart with the limits that act on it beside it,
// so a slider's effect shows in the chart it sits next to — CPU (use, the quota line and
// throttling; quota and weight), memory (use, the max and high lines, OOM kills;
// max, high, memory+swap), PIDs (count and its limit; the limit), disk I/O (rates; the
// bandwidth limits) and network — over a 1/5/15 minute window, with the current figures
// (share of the quota, throttling, cache/anon/peak, PSI where the kernel gives it) in a
// line under each control. Redrawn once per stats frame (frameAppended), only while visible.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LimitsPanel;
class MetricChart;
class StatsHistoryModel;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    // limits: its control groups are placed beside the charts (may be null: charts only).
    explicit ChartsPanel(StatsHistoryModel* model, LimitsPanel* limits = nullptr, QWidget* parent = nullptr);

    int windowSeconds() const;
    void setWindowSeconds(int seconds);
    MetricChart* cpuChart() const { return m_cpu; }
    MetricChart* memoryChart() const { return m_memory; }
    MetricChart* ioChart() const { return m_io; }
    MetricChart* pidsChart() const { return m_pids; }
    MetricChart* networkChart() const { return m_net; }
    QLabel* cpuReadout() const { return m_readout[0]; }
    QLabel* memoryReadout() const { return m_readout[1]; }
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
    void updateReadouts();

    StatsHistoryModel* m_model;
    QComboBox* m_window;
    QLabel* m_windowLabel;
    MetricChart *m_cpu, *m_memory, *m_io, *m_pids, *m_net;
    QLabel* m_readout[5] = {};
    bool m_dirty = false;
    int m_redraws = 0;
};

}  // namespace gui
}  // namespace onggi

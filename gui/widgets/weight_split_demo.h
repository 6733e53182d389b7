// WeightSplitDemo: the CPU weight lesson's live 1:4 split. On request it creates two of the
// learner's own containers from busybox, with CPU weights 100 and 400, both pinned to CPU 0
// (so they really compete: on an idle multi-core host each would get a core of its own) and
// both running a busy loop; then once a second it reads their cgroup files through
// container.kernel_view (v1 cpuacct.usage, v2 cpu.stat usage_usec; cpu.shares / cpu.weight)
// and draws each one's measured share of the CPU time they used, over the last seconds, as it
// converges to 20 % and 80 %. The containers go when the demo stops, when the widget is
// hidden, and at the latest after kMaxSeconds (their own `timeout` ends them even without us).
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace onggi {
namespace client {
class HelperClient;
}
namespace gui {

class WeightSplitDemo : public QWidget {
    Q_OBJECT
public:
    static constexpr int kWeights[2] = {100, 400};
    static constexpr int kMaxSeconds = 120;

    explicit WeightSplitDemo(QWidget* parent = nullptr);
    ~WeightSplitDemo() override;

    void setClient(client::HelperClient* client);
    bool isRunning() const { return !m_ids[0].isEmpty() || !m_ids[1].isEmpty(); }
    void startDemo();
    void stopDemo();

    // What was read from the kernel: per sample, the ms since the start and each container's
    // cumulative CPU time (ns) from its cgroup file.
    struct Sample {
        qint64 msec = 0;
        qint64 usageNs[2] = {0, 0};
    };
    const QList<Sample>& samples() const { return m_samples; }
    QString containerId(int i) const { return m_ids[i]; }
    QString usageFile(int i) const { return m_usageFile[i]; }    // the path read
    QString weightFile(int i) const { return m_weightFile[i]; }  // cpu.shares / cpu.weight path
    QString weightValue(int i) const { return m_weightValue[i]; }
    // Share (0..1) of container i in the CPU time both used over the last `seconds` (-1: all).
    double share(int i, int seconds = -1) const;
    QString statusText() const;  // the status line as shown

signals:
    void sampled();
    void runningChanged(bool running);

protected:
    void hideEvent(QHideEvent* e) override;
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void poll();
    void fail(const QString& message);
    void updateText();

    client::HelperClient* m_client = nullptr;
    QPushButton* m_button;
    QLabel* m_status;
    QLabel* m_values;
    QWidget* m_chart;
    QTimer* m_timer;
    QElapsedTimer m_clock;
    QString m_ids[2], m_names[2], m_usageFile[2], m_weightFile[2], m_weightValue[2], m_error;
    qint64 m_pending[2] = {-1, -1};
    int m_inFlight = 0;
    int m_generation = 0;  // a reply from before the last start/stop is ignored
    bool m_starting = false;
    QList<Sample> m_samples;
};

}  // namespace gui
}  // namespace onggi

// Live limits of one container: CPU (cores), CPU weight, memory max, memory high, memory+swap,
// PIDs, disk read/write bytes per second. Edits are sent as container.update with only the
// fields that changed; slider drags are debounced and applied on release. Lowering memory
// below what the container uses now shows a warning about the OOM killer.
#pragma once

#include <QJsonObject>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LimitControl;

class LimitsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LimitsPanel(QWidget* parent = nullptr);

    // Host facts from hello: sizes the ranges, and memory.high needs cgroup v2.
    void setHost(const QString& cgroupMode, qint64 memoryBytes, int cpus);
    // The limits in effect (Summary.limits or container.update's reply). Emits nothing.
    void setLimits(const QJsonObject& limits);
    // Memory in use now, for the OOM warning.
    void setMemoryInUse(qint64 bytes);
    // Limits the kernel enforces though the container's config did not name them (the
    // helper's default PID limit), from a stats sample: shown where the config says nothing.
    void setEffectiveFromSample(const QJsonObject& sample);
    void setDebounceMs(int ms);

    LimitControl* cpus() const { return m_cpus; }
    LimitControl* cpuWeight() const { return m_weight; }
    LimitControl* memory() const { return m_memory; }
    LimitControl* memoryHigh() const { return m_high; }
    LimitControl* memorySwap() const { return m_swap; }
    LimitControl* pids() const { return m_pids; }
    LimitControl* ioRead() const { return m_ioRead; }
    LimitControl* ioWrite() const { return m_ioWrite; }
    QLabel* warningLabel() const { return m_warning; }
    bool oomWarningShown() const;
    // The pending changes as container.update limits (for tests).
    QJsonObject pendingLimits() const;

signals:
    void limitsChanged(const QJsonObject& limits);

public slots:
    void flush();  // send pending changes now

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    void edited(LimitControl* c);
    void updateWarning();

    LimitControl *m_cpus, *m_weight, *m_memory, *m_high, *m_swap, *m_pids, *m_ioRead, *m_ioWrite;
    QLabel* m_title;
    QLabel* m_help;
    QLabel* m_warning;
    QLabel* m_deviceLabel;
    QLineEdit* m_device;
    QTimer* m_debounce;
    QSet<LimitControl*> m_dirty;
    QString m_cgroupMode;
    qint64 m_inUse = 0;
    bool m_pidsFromConfig = false;
};

}  // namespace gui
}  // namespace onggi

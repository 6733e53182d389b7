// Live limits of one container: CPU (cores), CPU weight, memory max, memory high, memory+swap,
// PIDs, disk read/write bytes per second. Edits are sent as container.update with only the
// fields that changed; slider drags are debounced and applied on release. Lowering memory
// below what the container uses now shows a warning about the OOM killer. A change the
// kernel refuses puts the controls back to the kernel's values and says, in the user's
// language, what to do (refused()).
// The controls come in four groups (group()) that the tuning view places beside the chart
// they act on; this widget keeps their state, debounce and signals.
#pragma once

#include "client/cgroup_file_names.h"
#include "client/limits.h"

#include <QList>
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
    enum Group { CpuGroup, MemoryGroup, PidsGroup, IoGroup };

    explicit LimitsPanel(QWidget* parent = nullptr);

    QWidget* group(Group g) const;
    QLabel* helpLabel() const { return m_help; }
    // The refusal shown in a group (empty when none), for tests.
    QString refusalText(Group g) const;

    // Host facts from hello: sizes the ranges, and memory.high needs cgroup v2.
    void setHost(const QString& cgroupMode, qint64 memoryBytes, int cpus);
    // The helper's cgroupfs file names (hello), which the tooltips name.
    void setCgroupFiles(const client::CgroupFileNames& files);
    // The limits in effect (Summary.limits or container.update's reply). Emits nothing.
    void setLimits(const client::Limits& limits);
    // The helper refused `sent` (a limitsChanged payload): put the controls back to the
    // kernel's values (error.data "kernel"; else the last limits in effect) and show `text`
    // beside the group that was changed (`details`: the raw context, as its tooltip).
    void refused(const client::Limits& sent, const client::Limits& kernel, const QString& text, const QString& details);
    // container.update succeeded: clear any refusal shown.
    void applied(const client::Limits& limits);
    // Memory in use now, for the OOM warning.
    void setMemoryInUse(qint64 bytes);
    // Limits the kernel enforces though the container's config did not name them (the
    // helper's default PID limit), from a stats sample: shown where the config says nothing.
    void setEffectiveFromSample(qint64 pidsLimit);
    // Another container: what the kernel enforced for the last one says nothing about it.
    void forgetEffective();
    void setDebounceMs(int ms);

    LimitControl* cpus() const { return m_cpus; }
    LimitControl* cpuWeight() const { return m_weight; }
    LimitControl* memory() const { return m_memory; }
    LimitControl* memoryHigh() const { return m_high; }
    LimitControl* memorySwap() const { return m_swap; }
    LimitControl* pids() const { return m_pids; }
    LimitControl* ioRead() const { return m_ioRead; }
    LimitControl* ioWrite() const { return m_ioWrite; }
    QLineEdit* ioDevice() const { return m_device; }  // "major:minor" of the disk the I/O limits name
    QLabel* warningLabel() const { return m_warning; }
    bool oomWarningShown() const;
    // The pending changes as container.update limits (for tests).
    client::Limits pendingLimits() const;

signals:
    void limitsChanged(const onggi::client::Limits& limits);

public slots:
    void flush();  // send pending changes now

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    void setLimits(const client::Limits& limits, bool force);
    void edited(LimitControl* c);
    void updateWarning();

    LimitControl *m_cpus, *m_weight, *m_memory, *m_high, *m_swap, *m_pids, *m_ioRead, *m_ioWrite;
    QWidget* m_groups[4] = {};
    QLabel* m_refusal[4] = {};
    client::Limits m_applied;
    QLabel* m_title;
    QLabel* m_help;
    QLabel* m_warning;
    QLabel* m_deviceLabel;
    QLineEdit* m_device;
    QTimer* m_debounce;
    QSet<LimitControl*> m_dirty;
    QString m_cgroupMode;
    client::CgroupFileNames m_files;
    qint64 m_inUse = 0;
    bool m_pidsFromConfig = false;
    bool m_pidsKnown = false;
    qint64 m_effectivePids =
        0;  // pids.max in force, from a sample (0: not known)  // the PID limit in force is known (config or a sample)
};

}  // namespace gui
}  // namespace onggi

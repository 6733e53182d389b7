#include "gui/widgets/limits_panel.h"

#include "gui/models/units.h"
#include "gui/widgets/limit_control.h"

#include <QEvent>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace onggi::gui {

namespace {
constexpr double MiB = 1024.0 * 1024.0;

// The whole-disk block device under "/", the usual target of I/O throttling ("8:0").
QString rootDiskDevice() {
    struct stat st {};
    if (::stat("/", &st) != 0) return QStringLiteral("8:0");
    unsigned maj = major(st.st_dev), min = minor(st.st_dev);
    const QString sys = QStringLiteral("/sys/dev/block/%1:%2").arg(maj).arg(min);
    if (QFile::exists(sys + QLatin1String("/partition"))) {
        QFile dev(sys + QLatin1String("/../dev"));
        if (dev.open(QIODevice::ReadOnly)) return QString::fromLatin1(dev.readAll()).trimmed();
    }
    if (maj == 0) return QStringLiteral("8:0");  // overlay/tmpfs root: guess the first disk
    return QStringLiteral("%1:%2").arg(maj).arg(min);
}
}  // namespace

LimitsPanel::LimitsPanel(QWidget* parent) : QWidget(parent) {
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_help = new QLabel(this);
    m_help->setWordWrap(true);
    m_cpus = new LimitControl(2, 2, 1.0, this);
    m_weight = new LimitControl(10000, 0, 1.0, this);
    m_memory = new LimitControl(4096, 0, MiB, this);
    m_high = new LimitControl(4096, 0, MiB, this);
    m_swap = new LimitControl(8192, 0, MiB, this);
    m_pids = new LimitControl(4096, 0, 1.0, this);
    m_ioRead = new LimitControl(1000, 0, MiB, this);
    m_ioWrite = new LimitControl(1000, 0, MiB, this);
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { color: #a01010; background: #fff0e8; border: 1px solid #e0a080; "
                                            "border-radius: 4px; padding: 6px; }"));
    m_warning->hide();
    m_deviceLabel = new QLabel(this);
    m_device = new QLineEdit(rootDiskDevice(), this);
    m_device->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,4}:[0-9]{1,7}")), m_device));
    m_device->setMaximumWidth(100);
    m_deviceLabel->setBuddy(m_device);

    auto* lay = new QVBoxLayout(this);
    lay->addWidget(m_title);
    lay->addWidget(m_help);
    for (LimitControl* c : {m_cpus, m_weight, m_memory, m_high, m_swap, m_pids}) lay->addWidget(c);
    lay->addWidget(m_warning);
    auto* dev = new QHBoxLayout;
    dev->addWidget(m_deviceLabel);
    dev->addWidget(m_device);
    dev->addStretch();
    lay->addLayout(dev);
    lay->addWidget(m_ioRead);
    lay->addWidget(m_ioWrite);
    lay->addStretch();

    m_weight->setAllowZero(false);
    m_weight->setLogScale(1);
    m_memory->setLogScale(6);
    m_high->setLogScale(6);
    m_swap->setLogScale(6);
    m_pids->setLogScale(1);
    m_ioRead->setLogScale(1);
    m_ioWrite->setLogScale(1);
    m_weight->setValue(100);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &LimitsPanel::flush);
    for (LimitControl* c : {m_cpus, m_weight, m_memory, m_high, m_swap, m_pids, m_ioRead, m_ioWrite}) {
        connect(c, &LimitControl::valueEdited, this, [this, c] { edited(c); });
        connect(c, &LimitControl::dragFinished, this, &LimitsPanel::flush);
    }
    connect(m_device, &QLineEdit::editingFinished, this, [this] {
        if (m_ioRead->value() > 0) edited(m_ioRead);
        if (m_ioWrite->value() > 0) edited(m_ioWrite);
    });
    setHost(QStringLiteral("v2"), qint64(4096 * MiB), 2);
    retranslateUi();
}

void LimitsPanel::setDebounceMs(int ms) { m_debounce->setInterval(ms); }

void LimitsPanel::setHost(const QString& cgroupMode, qint64 memoryBytes, int cpus) {
    m_cgroupMode = cgroupMode;
    const double memMiB = std::max(64.0, double(memoryBytes) / MiB);
    m_cpus->setRange(std::max(1, cpus));
    m_memory->setRange(memMiB);
    m_high->setRange(memMiB);
    m_swap->setRange(memMiB * 2);
    m_high->setEnabled(cgroupMode == QLatin1String("v2"));
    retranslateUi();
}

void LimitsPanel::setLimits(const QJsonObject& l) {
    // Never pull a control from under the user: a drag or an edit not yet sent wins.
    for (LimitControl* c : {m_cpus, m_weight, m_memory, m_high, m_swap, m_pids, m_ioRead, m_ioWrite})
        if (c->slider()->isSliderDown()) return;
    if (!m_dirty.isEmpty()) return;
    m_cpus->setValue(l.value(QLatin1String("cpus")).toDouble());
    const int w = l.value(QLatin1String("cpu_weight")).toInt();
    m_weight->setValue(w > 0 ? w : 100);
    m_memory->setProtocolValue(l.value(QLatin1String("memory")).toDouble());
    m_high->setProtocolValue(l.value(QLatin1String("memory_high")).toDouble());
    m_swap->setProtocolValue(std::max(0.0, l.value(QLatin1String("memory_swap")).toDouble()));
    m_pids->setValue(l.value(QLatin1String("pids")).toDouble());
    m_pidsFromConfig = l.contains(QLatin1String("pids"));
    double rd = 0, wr = 0;
    for (const QJsonValue& v : l.value(QLatin1String("io")).toArray()) {
        const QJsonObject o = v.toObject();
        rd = o.value(QLatin1String("read_bps")).toDouble();
        wr = o.value(QLatin1String("write_bps")).toDouble();
        if (!o.value(QLatin1String("device")).toString().isEmpty()) m_device->setText(o.value(QLatin1String("device")).toString());
    }
    m_ioRead->setProtocolValue(rd);
    m_ioWrite->setProtocolValue(wr);
    updateWarning();
}

void LimitsPanel::setMemoryInUse(qint64 bytes) {
    m_inUse = bytes;
    updateWarning();
}

void LimitsPanel::setEffectiveFromSample(const QJsonObject& sample) {
    const qint64 pids = sample.value(QLatin1String("pids_limit")).toInteger();
    if (m_pidsFromConfig || m_dirty.contains(m_pids) || m_pids->slider()->isSliderDown()) return;
    if (pids > 0 && pids < (qint64(1) << 40) && qint64(m_pids->value()) != pids) m_pids->setValue(double(pids));
}

void LimitsPanel::edited(LimitControl* c) {
    m_dirty.insert(c);
    if (c == m_memory) updateWarning();
    m_debounce->start();
}

bool LimitsPanel::oomWarningShown() const { return !m_warning->isHidden(); }

void LimitsPanel::updateWarning() {
    const qint64 limit = m_memory->protocolValue();
    const bool warn = limit > 0 && m_inUse > limit;
    if (warn)
        m_warning->setText(tr("The container uses %1 now, more than the new limit of %2. The kernel will first try to "
                              "reclaim memory (page cache, swap); if that is not enough, the OOM killer may end "
                              "processes in the container.")
                               .arg(Units::bytes(double(m_inUse)), Units::bytes(double(limit))));
    m_warning->setVisible(warn);
}

QJsonObject LimitsPanel::pendingLimits() const {
    QJsonObject out;
    if (m_dirty.contains(m_cpus)) out[QLatin1String("cpus")] = m_cpus->value();
    if (m_dirty.contains(m_weight)) out[QLatin1String("cpu_weight")] = qint64(m_weight->value());
    if (m_dirty.contains(m_memory)) out[QLatin1String("memory")] = m_memory->protocolValue();
    if (m_dirty.contains(m_high)) out[QLatin1String("memory_high")] = m_high->protocolValue();
    if (m_dirty.contains(m_swap)) out[QLatin1String("memory_swap")] = m_swap->protocolValue();
    if (m_dirty.contains(m_pids)) out[QLatin1String("pids")] = qint64(m_pids->value());
    if (m_dirty.contains(m_ioRead) || m_dirty.contains(m_ioWrite)) {
        out[QLatin1String("io")] = QJsonArray{QJsonObject{{QLatin1String("device"), m_device->text()},
                                                          {QLatin1String("read_bps"), m_ioRead->protocolValue()},
                                                          {QLatin1String("write_bps"), m_ioWrite->protocolValue()}}};
    }
    return out;
}

void LimitsPanel::flush() {
    m_debounce->stop();
    if (m_dirty.isEmpty()) return;
    const QJsonObject limits = pendingLimits();
    m_dirty.clear();
    emit limitsChanged(limits);
}

void LimitsPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void LimitsPanel::retranslateUi() {
    const QString unlimited = tr("unlimited");
    m_title->setText(tr("Limits"));
    m_help->setText(tr("Changes apply at once to the running container's control group (cgroup) and are kept for "
                       "its next start. Watch the charts to see the effect."));
    m_cpus->setTexts(tr("CPU"), tr("cores"), unlimited,
                     tr("How much CPU time the container may use, in cores: 0.5 means half of one core. The kernel's "
                        "CFS bandwidth control lets the group run for a quota of time in every 100 ms period and "
                        "then throttles it.\ncgroup v1: cpu.cfs_quota_us / cpu.cfs_period_us\ncgroup v2: cpu.max"));
    m_weight->setTexts(tr("CPU weight"), QString(), QString(),
                       tr("The container's share of CPU time when several groups compete for it (default 100). It "
                          "limits nothing while CPUs are idle.\ncgroup v1: cpu.shares (weight × 1024 / 100)\n"
                          "cgroup v2: cpu.weight"));
    m_memory->setTexts(tr("Memory"), tr("MiB"), unlimited,
                       tr("The hard memory limit. Above it the kernel reclaims the group's memory, and when nothing "
                          "more can be reclaimed the OOM killer ends a process in the container.\n"
                          "cgroup v1: memory.limit_in_bytes\ncgroup v2: memory.max"));
    QString highTip = tr("The soft ceiling: above it the kernel throttles the group's allocations and reclaims "
                         "memory hard, but never kills.\ncgroup v1: (none)\ncgroup v2: memory.high");
    if (m_cgroupMode != QLatin1String("v2"))
        highTip += QLatin1Char('\n') + tr("Not available here: the memory controller of this host is on cgroup v1.");
    m_high->setTexts(tr("Memory high"), tr("MiB"), unlimited, highTip);
    m_swap->setTexts(tr("Memory + swap"), tr("MiB"), unlimited,
                     tr("Memory plus swap together, as in docker --memory-swap; it must be at least the memory "
                        "limit.\ncgroup v1: memory.memsw.limit_in_bytes\ncgroup v2: memory.swap.max (swap only: "
                        "this value minus the memory limit)"));
    m_pids->setTexts(tr("Processes"), QString(), unlimited,
                     tr("The most processes and threads the container may have; fork() fails with EAGAIN beyond it "
                        "(stops fork bombs).\ncgroup v1: pids.max\ncgroup v2: pids.max"));
    m_ioRead->setTexts(tr("Disk read"), tr("MiB/s"), unlimited,
                       tr("Read bandwidth from the block device below, in bytes per second.\ncgroup v1: "
                          "blkio.throttle.read_bps_device\ncgroup v2: io.max (rbps)"));
    m_ioWrite->setTexts(tr("Disk write"), tr("MiB/s"), unlimited,
                        tr("Write bandwidth to the block device below, in bytes per second. Buffered writes are "
                           "throttled only on cgroup v2.\ncgroup v1: blkio.throttle.write_bps_device\ncgroup v2: "
                           "io.max (wbps)"));
    m_deviceLabel->setText(tr("Block &device (major:minor):"));
    m_device->setToolTip(tr("I/O limits apply per block device, named by its major:minor numbers (see lsblk)."));
    updateWarning();
}

}  // namespace onggi::gui

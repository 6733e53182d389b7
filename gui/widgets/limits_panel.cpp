#include "gui/widgets/limits_panel.h"

#include "gui/models/units.h"
#include "gui/widgets/limit_control.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
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
QString rootDiskDevice()
{
    struct stat st {};
    if (::stat("/", &st) != 0) return QStringLiteral("8:0");
    unsigned maj = major(st.st_dev), min = minor(st.st_dev);
    const QString sys = QStringLiteral("/sys/dev/block/%1:%2").arg(maj).arg(min);
    if (QFile::exists(sys + QLatin1String("/partition"))) {
        QFile dev(sys + QLatin1String("/../dev"));
        if (dev.open(QIODevice::ReadOnly)) return QString::fromLatin1(dev.readAll()).trimmed();
    }
    if (maj == 0) {  // an overlay or tmpfs root: the first real disk of /sys/block
        for (const QString& n : QDir(QStringLiteral("/sys/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (n.startsWith(QLatin1String("loop")) || n.startsWith(QLatin1String("ram")) ||
                n.startsWith(QLatin1String("zram")))
                continue;
            QFile dev(QStringLiteral("/sys/block/%1/dev").arg(n));
            if (dev.open(QIODevice::ReadOnly)) return QString::fromLatin1(dev.readAll()).trimmed();
        }
        return QStringLiteral("8:0");
    }
    return QStringLiteral("%1:%2").arg(maj).arg(min);
}
}  // namespace

LimitsPanel::LimitsPanel(QWidget* parent) : QWidget(parent)
{
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
    // Palette colours only: readable in a dark palette too.
    m_warning->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-left: 4px solid #e67e22; "
                                            "border-radius: 3px; padding: 4px; }"));
    m_warning->hide();
    m_deviceLabel = new QLabel(this);
    m_device = new QLineEdit(rootDiskDevice(), this);
    m_device->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,4}:[0-9]{1,7}")), m_device));
    m_device->setMaximumWidth(100);
    m_deviceLabel->setBuddy(m_device);

    auto makeGroup = [this](Group g, QList<QWidget*> widgets) {
        auto* w = new QWidget(this);
        w->setObjectName(QStringLiteral("limitsGroup%1").arg(int(g)));
        auto* l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        for (QWidget* c : widgets) l->addWidget(c);
        m_refusal[g] = new QLabel(w);
        m_refusal[g]->setWordWrap(true);
        m_refusal[g]->setObjectName(QStringLiteral("refusal"));
        m_refusal[g]->setStyleSheet(
            QStringLiteral("QLabel { border: 1px solid palette(mid); border-left: 4px solid #c0392b; "
                           "border-radius: 3px; padding: 4px; }"));
        m_refusal[g]->hide();
        l->addWidget(m_refusal[g]);
        l->addStretch();
        m_groups[g] = w;
    };
    auto* devRow = new QWidget(this);
    auto* dev = new QHBoxLayout(devRow);
    dev->setContentsMargins(0, 0, 0, 0);
    dev->addWidget(m_deviceLabel);
    dev->addWidget(m_device);
    dev->addStretch();
    makeGroup(CpuGroup, {m_cpus, m_weight});
    makeGroup(MemoryGroup, {m_memory, m_high, m_swap, m_warning});
    makeGroup(PidsGroup, {m_pids});
    makeGroup(IoGroup, {devRow, m_ioRead, m_ioWrite});
    auto* lay = new QVBoxLayout(this);
    lay->addWidget(m_title);
    lay->addWidget(m_help);
    for (QWidget* g : m_groups) lay->addWidget(g);
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

void LimitsPanel::setHost(const QString& cgroupMode, qint64 memoryBytes, int cpus)
{
    m_cgroupMode = cgroupMode;
    const double memMiB = std::max(64.0, double(memoryBytes) / MiB);
    m_cpus->setRange(std::max(1, cpus));
    m_memory->setRange(memMiB);
    m_high->setRange(memMiB);
    m_swap->setRange(memMiB * 2);
    m_high->setEnabled(cgroupMode == QLatin1String("v2"));
    retranslateUi();
}

void LimitsPanel::setCgroupFiles(const client::CgroupFileNames& files)
{
    m_files = files;
    retranslateUi();
}

QWidget* LimitsPanel::group(Group g) const { return m_groups[g]; }

QString LimitsPanel::refusalText(Group g) const { return m_refusal[g]->isHidden() ? QString() : m_refusal[g]->text(); }

void LimitsPanel::refused(const client::Limits& sent, const client::Limits& kernel, const QString& text,
                          const QString& details)
{
    // What was sent is gone; the kernel's values are the truth now.
    m_dirty.clear();
    m_debounce->stop();
    client::Limits back = m_applied;
    if (kernel.cpus) back.cpus = kernel.cpus;
    if (kernel.memory) back.memory = kernel.memory;
    if (kernel.memoryHigh) back.memoryHigh = kernel.memoryHigh;
    if (kernel.pids && back.pids) back.pids = kernel.pids;  // a default limit stays "not in the config"
    setLimits(back, true);
    Group g = CpuGroup;
    if (sent.memory || sent.memoryHigh || sent.memorySwap) g = MemoryGroup;
    else if (sent.pids) g = PidsGroup;
    else if (sent.io) g = IoGroup;
    for (QLabel* l : m_refusal) l->hide();
    m_refusal[g]->setText(text);
    m_refusal[g]->setToolTip(details);
    m_refusal[g]->show();
}

void LimitsPanel::applied(const client::Limits& limits)
{
    for (QLabel* l : m_refusal) l->hide();
    setLimits(limits);
}

void LimitsPanel::setLimits(const client::Limits& l) { setLimits(l, false); }

void LimitsPanel::setLimits(const client::Limits& l, bool force)
{
    // Never pull a control from under the user: a drag or an edit not yet sent wins.
    if (!force) {
        for (LimitControl* c : {m_cpus, m_weight, m_memory, m_high, m_swap, m_pids, m_ioRead, m_ioWrite})
            if (c->slider()->isSliderDown()) return;
        if (!m_dirty.isEmpty()) return;
        m_applied = l;
    }
    m_cpus->setValue(l.cpus.value_or(0));
    m_weight->setValue(l.cpuWeight.value_or(0) > 0 ? double(*l.cpuWeight) : 100.0);
    m_memory->setProtocolValue(double(l.memory.value_or(0)));
    m_high->setProtocolValue(double(l.memoryHigh.value_or(0)));
    m_swap->setProtocolValue(std::max(0.0, double(l.memorySwap.value_or(0))));
    m_pidsFromConfig = l.pids.has_value();
    // Not in the config: the helper's default limit applies, known from the first sample
    // (and kept from it: a list refresh does not make it unknown again).
    m_pids->setValue(m_pidsFromConfig ? double(*l.pids) : double(m_effectivePids));
    const bool known = m_pidsFromConfig || m_effectivePids > 0;
    if (known != m_pidsKnown) {
        m_pidsKnown = known;
        retranslateUi();
    }
    double rd = 0, wr = 0;
    if (l.io)
        for (const client::IoLimit& io : *l.io) {
            rd = double(io.readBps);
            wr = double(io.writeBps);
            if (!io.device.isEmpty()) m_device->setText(io.device);
        }
    m_ioRead->setProtocolValue(rd);
    m_ioWrite->setProtocolValue(wr);
    updateWarning();
}

void LimitsPanel::setMemoryInUse(qint64 bytes)
{
    m_inUse = bytes;
    updateWarning();
}

void LimitsPanel::forgetEffective()
{
    m_effectivePids = 0;
    m_pidsKnown = false;
    retranslateUi();
}

void LimitsPanel::setEffectiveFromSample(qint64 pids)
{
    if (pids > 0 && pids < (qint64(1) << 40)) m_effectivePids = pids;
    if (!m_pidsKnown && !m_pidsFromConfig) {
        m_pidsKnown = true;
        retranslateUi();
    }
    if (m_pidsFromConfig || m_dirty.contains(m_pids) || m_pids->slider()->isSliderDown()) return;
    if (pids > 0 && pids < (qint64(1) << 40) && qint64(m_pids->value()) != pids) m_pids->setValue(double(pids));
}

void LimitsPanel::edited(LimitControl* c)
{
    m_dirty.insert(c);
    if (c == m_memory) updateWarning();
    m_debounce->start();
}

bool LimitsPanel::oomWarningShown() const { return !m_warning->isHidden(); }

void LimitsPanel::updateWarning()
{
    const qint64 limit = m_memory->protocolValue();
    const bool warn = limit > 0 && m_inUse > limit;
    if (warn)
        m_warning->setText(tr("The container uses %1 now, more than the new limit of %2. The kernel will first try to "
                              "reclaim memory (page cache, swap); if that is not enough, the OOM killer may end "
                              "processes in the container.")
                               .arg(Units::bytes(double(m_inUse)), Units::bytes(double(limit))));
    m_warning->setVisible(warn);
}

client::Limits LimitsPanel::pendingLimits() const
{
    client::Limits out;
    if (m_dirty.contains(m_cpus)) out.cpus = m_cpus->value();
    if (m_dirty.contains(m_weight)) out.cpuWeight = qint64(m_weight->value());
    if (m_dirty.contains(m_memory)) out.memory = m_memory->protocolValue();
    if (m_dirty.contains(m_high)) out.memoryHigh = m_high->protocolValue();
    if (m_dirty.contains(m_swap)) out.memorySwap = m_swap->protocolValue();
    if (m_dirty.contains(m_pids)) out.pids = qint64(m_pids->value());
    if (m_dirty.contains(m_ioRead) || m_dirty.contains(m_ioWrite)) {
        client::IoLimit io;
        io.device = m_device->text();
        io.readBps = m_ioRead->protocolValue();
        io.writeBps = m_ioWrite->protocolValue();
        out.io = QList<client::IoLimit>{io};
    }
    return out;
}

void LimitsPanel::flush()
{
    m_debounce->stop();
    if (m_dirty.isEmpty()) return;
    const client::Limits limits = pendingLimits();
    m_dirty.clear();
    emit limitsChanged(limits);
}

void LimitsPanel::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void LimitsPanel::retranslateUi()
{
    const QString unlimited = tr("unlimited");
    m_title->setText(tr("Limits"));
    m_help->setText(tr("Changes apply at once to the running container's control group (cgroup) and are kept for "
                       "its next start. Watch the charts to see the effect."));
    // The kernel's file names come from the helper (hello's cgroup_files); "…" until it has said.
    const QString unknown = QStringLiteral("…");
    auto v1 = [&](const char* knob) { return m_files.v1(QLatin1String(knob), unknown); };
    auto v2 = [&](const char* knob) { return m_files.v2(QLatin1String(knob), unknown); };
    m_cpus->setTexts(tr("CPU"), tr("cores"), unlimited,
                     tr("How much CPU time the container may use, in cores: 0.5 means half of one core. The kernel's "
                        "CFS bandwidth control lets the group run for a quota of time in every 100 ms period and "
                        "then throttles it.\ncgroup v1: %1 / %2\ncgroup v2: %3")
                         .arg(v1("cpu_quota"), v1("cpu_period"), v2("cpu_quota")));
    m_weight->setTexts(tr("CPU weight"), QString(), QString(),
                       tr("The container's share of CPU time when several groups compete for it (default 100). It "
                          "limits nothing while CPUs are idle.\ncgroup v1: %1 (weight × 1024 / 100)\n"
                          "cgroup v2: %2")
                           .arg(v1("cpu_weight"), v2("cpu_weight")));
    m_memory->setTexts(tr("Memory"), tr("MiB"), unlimited,
                       tr("The hard memory limit. Above it the kernel reclaims the group's memory, and when nothing "
                          "more can be reclaimed the OOM killer ends a process in the container.\n"
                          "cgroup v1: %1\ncgroup v2: %2")
                           .arg(v1("memory_limit"), v2("memory_limit")));
    QString highTip = tr("The soft ceiling: above it the kernel throttles the group's allocations and reclaims "
                         "memory hard, but never kills.\ncgroup v1: (none)\ncgroup v2: %1")
                          .arg(v2("memory_high"));
    if (m_cgroupMode != QLatin1String("v2"))
        highTip += QLatin1Char('\n') + tr("Not available here: the memory controller of this host is on cgroup v1.");
    m_high->setTexts(tr("Memory high"), tr("MiB"), unlimited, highTip);
    m_swap->setTexts(tr("Memory + swap"), tr("MiB"), unlimited,
                     tr("Memory plus swap together, as in docker --memory-swap; it must be at least the memory "
                        "limit.\ncgroup v1: %1\ncgroup v2: %2 (swap only: this value minus the memory limit)")
                         .arg(v1("memory_swap_limit"), v2("memory_swap_limit")));
    //: the value is not known yet (shown in a number field until the first measurement)
    m_pids->setTexts(tr("Processes"), QString(), m_pidsKnown ? unlimited : tr("…"),
                     tr("The most processes and threads the container may have; fork() fails with EAGAIN beyond it "
                        "(stops fork bombs).\ncgroup v1: %1\ncgroup v2: %2")
                         .arg(v1("pids_limit"), v2("pids_limit")));
    // v2's io.max holds all four throttles: it is io_read_bps's file in the helper's table.
    m_ioRead->setTexts(tr("Disk read"), tr("MiB/s"), unlimited,
                       tr("Read bandwidth from the block device below, in bytes per second.\ncgroup v1: %1\n"
                          "cgroup v2: %2 (rbps)")
                           .arg(v1("io_read_bps"), v2("io_read_bps")));
    m_ioWrite->setTexts(tr("Disk write"), tr("MiB/s"), unlimited,
                        tr("Write bandwidth to the block device below, in bytes per second. Buffered writes are "
                           "throttled only on cgroup v2.\ncgroup v1: %1\ncgroup v2: %2 (wbps)")
                            .arg(v1("io_write_bps"), v2("io_read_bps")));
    m_deviceLabel->setText(tr("Block &device (major:minor):"));
    m_device->setToolTip(tr("I/O limits apply per block device, named by its major:minor numbers (see lsblk)."));
    updateWarning();
}

}  // namespace onggi::gui

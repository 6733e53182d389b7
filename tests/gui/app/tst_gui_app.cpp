// The desktop app against a real helper (root; QSKIP otherwise), offscreen:
//  - the "helper absent" page names the cause and the fix,
//  - the language switches at run time, without restart, including the client's error texts,
//  - a container created through the New dialog runs, with the memory limit in its cgroup file,
//  - moving the memory slider rewrites the cgroup file (memory.limit_in_bytes on v1, memory.max on v2),
//  - an OOM kill becomes a marker on the memory chart (at the limit) and a desktop notification,
//  - dragging the CPU slider beside the CPU chart from 0.5 to 0.2 makes the next frames read ~20 %,
//  - a memory limit the kernel refuses puts the slider back and says why, in the user's language.
#include "client/error_text.h"
#include "client/helper_client.h"
#include "gui/app/language_manager.h"
#include "gui/main_window.h"
#include "gui/models/container_list_model.h"
#include "gui/models/stats_history_model.h"
#include "gui/widgets/charts_panel.h"
#include "gui/widgets/container_page.h"
#include "gui/widgets/create_dialog.h"
#include "gui/widgets/helper_absent_page.h"
#include "gui/widgets/limit_control.h"
#include "gui/widgets/limits_panel.h"
#include "gui/widgets/metric_chart.h"
#include "gui_helper.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <cmath>
#include <csignal>
#include <unistd.h>

using namespace onggi;
using namespace onggi::gui;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr int kWaitMs = 45000;

QString readFile(const QString& path) { return test::GuiHelper::read(path); }
}  // namespace

class TstGuiApp : public QObject {
    Q_OBJECT
private:
    test::GuiHelper m_helper{QStringLiteral("guitest")};
    QString m_cgroupMode;
    bool m_hasStats = false;  // the helper serves stats.subscribe (hello "methods")
    bool m_failed = false;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;

    bool helperUsable() const { return m_helper.running(); }

    // The cgroup file that holds the memory limit of a container, from its cgroup path.
    QString memoryLimitFile(const QString& cgroupPath) const
    {
        if (m_cgroupMode == QLatin1String("v2"))
            return QStringLiteral("/sys/fs/cgroup") + cgroupPath + QStringLiteral("/memory.max");
        return QStringLiteral("/sys/fs/cgroup/memory") + cgroupPath + QStringLiteral("/memory.limit_in_bytes");
    }

    QString cgroupPathOf(const QString& id)
    {
        client::HelperClient c;
        if (!c.connectToHelper(m_helper.socket())) return {};
        c.callSync(QStringLiteral("hello"), {{"client", "tst_gui_app"}, {"protocol", 1}}, 10000);
        const auto r = c.callSync(QStringLiteral("container.inspect"), {{"id", id}}, 10000);
        return r.result.value(QLatin1String("cgroup_path")).toString();
    }

private slots:
    void initTestCase()
    {
        m_languages.setLanguage(QStringLiteral("en"));
        if (!m_helper.usable()) return;  // the helper needs root; the tests that need it skip
        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
    }

    void cleanup() { m_failed = m_failed || QTest::currentTestFailed(); }

    void cleanupTestCase()
    {
        if (m_failed) qWarning("helper log:\n%s", qPrintable(m_helper.log()));
        m_window.reset();
        m_helper.finish();  // every container removed, the helper stopped, this test's cgroups gone
    }

    void helperAbsentPage()
    {
        MainWindow w(&m_languages);
        w.show();
        w.connectToHelper(m_helper.missingSocket());
        QTRY_COMPARE_WITH_TIMEOUT(w.absentPage()->reason(), HelperAbsentPage::NotRunning, 5000);
        QVERIFY(w.absentPage()->isVisible());
        QVERIFY(w.absentPage()->text().contains(QLatin1String("sudo systemctl start onggi-helper")));
        QVERIFY(!w.newAction()->isEnabled());

        HelperAbsentPage page;
        page.setReason(HelperAbsentPage::PermissionDenied, m_helper.socket());
        QVERIFY(page.text().contains(QLatin1String("sudo usermod -aG onggi $USER")));
        QVERIFY(page.text().contains(QLatin1String("log in again")));
    }

    void commandSplitting()
    {
        QCOMPARE(CreateDialog::splitCommand(QStringLiteral("sh -c 'while true; do echo \"a b\"; done'")),
                 (QStringList{"sh", "-c", "while true; do echo \"a b\"; done"}));
        QCOMPARE(CreateDialog::splitCommand(QStringLiteral("echo \"x \\\"y\\\" z\" a\\ b ''")),
                 (QStringList{"echo", "x \"y\" z", "a b", ""}));
        QCOMPARE(CreateDialog::splitCommand(QStringLiteral("  ")), QStringList());
        CreateDialog d;
        d.commandEdit()->setText(QStringLiteral("sh -c 'unclosed"));
        QVERIFY(!d.validationError().isEmpty());
        d.commandEdit()->setText(QStringLiteral("sleep 100"));
        d.envEdit()->setPlainText(QStringLiteral("GOOD=1\nnot an assignment"));
        QVERIFY(d.validationError().contains(QLatin1String("2")));
        d.envEdit()->setPlainText(QStringLiteral("GOOD=1"));
        d.volumesEdit()->setPlainText(QStringLiteral("/srv/data:/data:ro\nrelative:/x"));
        QVERIFY2(d.validationError().contains(QLatin1String("relative")), qPrintable(d.validationError()));
        d.volumesEdit()->setPlainText(QStringLiteral("/srv/data:/data/../etc"));
        QVERIFY(!d.validationError().isEmpty());
        d.volumesEdit()->setPlainText(QStringLiteral("/srv/data:/data:ro\n\n/tmp:/scratch"));
        d.memoryEdit()->setValue(64);
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));
        const QJsonObject p = d.params();
        QCOMPARE(p.value(QLatin1String("cmd")).toArray(), (QJsonArray{"sleep", "100"}));
        QCOMPARE(p.value(QLatin1String("limits")).toObject().value(QLatin1String("memory")).toInteger(), 64 * MiB);
        QCOMPARE(p.value(QLatin1String("env")).toArray(), QJsonArray{"GOOD=1"});
        QCOMPARE(p.value(QLatin1String("volumes")).toArray(),
                 (QJsonArray{QJsonObject{{"source", "/srv/data"}, {"target", "/data"}, {"readonly", true}},
                             QJsonObject{{"source", "/tmp"}, {"target", "/scratch"}}}));
        QVERIFY(!p.value(QLatin1String("namespaces")).toObject().contains(QLatin1String("user")));
    }

    void languageSwitchAtRunTime()
    {
        MainWindow w(&m_languages);
        w.show();
        const QString en = w.newAction()->text();
        QCOMPARE(en, QStringLiteral("&New…"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        QCoreApplication::processEvents();  // QEvent::LanguageChange reaches every widget
        QCOMPARE(w.newAction()->text(), QStringLiteral("새로 만들기(&N)…"));
        QCOMPARE(w.listModel()->headerData(ContainerListModel::Image, Qt::Horizontal).toString(),
                 QStringLiteral("이미지"));
        // The client library's error texts come through the same translator.
        QCOMPARE(client::ErrorText::title(QStringLiteral("not_found")), QStringLiteral("찾을 수 없습니다"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(w.newAction()->text(), en);
        QCOMPARE(client::ErrorText::title(QStringLiteral("not_found")), QStringLiteral("Not found"));
    }

    void createThroughDialogAndMoveSlider()
    {
        if (::geteuid() != 0) QSKIP("needs root: starts a real onggi-helper");
        if (!helperUsable()) QSKIP("onggi-helper is not built");
        m_window = std::make_unique<MainWindow>(&m_languages);
        MainWindow& w = *m_window;
        w.show();
        QSignalSpy ready(&w, &MainWindow::helperReady);
        w.connectToHelper(m_helper.socket());
        QTRY_VERIFY_WITH_TIMEOUT(w.isHelperConnected(), kWaitMs);
        {
            const auto hello =
                w.client()->callSync(QStringLiteral("hello"), {{"client", "tst"}, {"protocol", 1}}, 10000);
            QVERIFY2(hello.ok(), qPrintable(hello.error.message));
            m_cgroupMode =
                hello.result.value(QLatin1String("host")).toObject().value(QLatin1String("cgroup_mode")).toString();
            m_hasStats =
                hello.result.value(QLatin1String("methods")).toArray().contains(QStringLiteral("stats.subscribe"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(w.newAction()->isEnabled(), kWaitMs);

        // Create through the dialog, as a user would.
        QSignalSpy created(&w, &MainWindow::containerCreated);
        w.newAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.createDialog() && w.createDialog()->isVisible(), 5000);
        CreateDialog* d = w.createDialog();
        const QString name = QStringLiteral("guitest-%1").arg(QCoreApplication::applicationPid());
        d->imageEdit()->setCurrentText(QStringLiteral("busybox"));
        d->nameEdit()->setText(QStringLiteral("bad name!"));
        QVERIFY(!d->validationError().isEmpty());
        QVERIFY(!d->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        d->nameEdit()->setText(name);
        d->commandEdit()->setText(QStringLiteral("sh -c 'while true; do echo alive; sleep 1; done'"));
        d->memoryEdit()->setValue(64);
        QVERIFY2(d->validationError().isEmpty(), qPrintable(d->validationError()));
        QVERIFY(d->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::mouseClick(d->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, kWaitMs);
        const QString id = created.at(0).at(0).toString();
        QCOMPARE(id.size(), 64);
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), id, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w.listModel()->summary(id).id.isEmpty(), kWaitMs);
        {
            const auto i = w.client()->callSync(QStringLiteral("container.inspect"), {{"id", id}}, 10000);
            const auto l = w.client()->callSync(QStringLiteral("container.logs"), {{"id", id}}, 10000);
            const QJsonObject c = i.result.value(QLatin1String("container")).toObject();
            QVERIFY2(c.value(QLatin1String("state")).toString() == QLatin1String("running"),
                     (QJsonDocument(c).toJson() + QJsonDocument(l.result).toJson() +
                      QJsonDocument(
                          i.result.value(QLatin1String("config")).toObject().value(QLatin1String("process")).toObject())
                          .toJson())
                         .constData());
        }
        QCOMPARE(w.listModel()->summary(id).name, name);

        // The kernel's view: the memory limit from the dialog is in the container's cgroup.
        const QString cg = cgroupPathOf(id);
        QVERIFY2(!cg.isEmpty(), "inspect gave no cgroup_path");
        const QString file = memoryLimitFile(cg);
        if (!QFile::exists(file)) {
            const auto i = w.client()->callSync(QStringLiteral("container.inspect"), {{"id", id}}, 10000);
            const auto l = w.client()->callSync(QStringLiteral("container.logs"), {{"id", id}}, 10000);
            qWarning("inspect: %s\nlogs: %s",
                     QJsonDocument(i.result.value(QLatin1String("container")).toObject()).toJson().constData(),
                     QJsonDocument(l.result).toJson().constData());
        }
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QCOMPARE(readFile(file).toLongLong(), 64 * MiB);

        // Live stats reach the chart.
        if (m_hasStats) {
            QTRY_VERIFY_WITH_TIMEOUT(w.historyModel()->rowCount() >= 2, kWaitMs);
            const int row = w.listModel()->rowOf(id);
            QTRY_VERIFY_WITH_TIMEOUT(!w.listModel()->index(row, ContainerListModel::Memory).data().toString().isEmpty(),
                                     kWaitMs);
            // The limit: in the tooltip (the cell shows the use over a bar of the limit's share).
            QVERIFY(w.listModel()
                        ->index(row, ContainerListModel::Memory)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QLatin1String("64.0 MiB")));
        }

        // Move the memory slider like a drag: press, move, release.
        LimitsPanel* limits = w.containerPage()->limits();
        w.containerPage()->setCurrentTab(ContainerPage::LimitsTab);
        QSignalSpy applied(&w, &MainWindow::limitsApplied);
        QSlider* slider = limits->memory()->slider();
        QCOMPARE(qint64(limits->memory()->value()), qint64(64));  // the panel shows the limit in effect
        const int from = slider->value();
        slider->setSliderDown(true);
        for (int step = 1; step <= 5; ++step) slider->setValue(from + 20 * step);  // a drag over several steps
        slider->setSliderDown(false);  // sliderReleased: applied now, once for the whole drag
        const qint64 want = qint64(limits->memory()->value()) * MiB;
        QVERIFY2(want > 64 * MiB, qPrintable(QString::number(want)));
        QTRY_VERIFY_WITH_TIMEOUT(applied.count() >= 1, kWaitMs);
        QCOMPARE(applied.first().at(0).value<client::Limits>().memory.value_or(0), want);
        QTRY_COMPARE_WITH_TIMEOUT(readFile(file).toLongLong(), want, kWaitMs);
        QCOMPARE(applied.count(), 1);  // one container.update for the whole drag

        // And the chart shows the new limit line (where the helper streams stats).
        w.containerPage()->setCurrentTab(ContainerPage::ChartsTab);
        if (m_hasStats)
            QTRY_COMPARE_WITH_TIMEOUT(qint64(w.containerPage()->charts()->memoryChart()->lastValue(1)), want, kWaitMs);

        // Lowering the limit below what is in use warns about the OOM killer.
        limits->setMemoryInUse(100 * MiB);
        limits->memory()->spinBox()->setValue(50);
        QVERIFY(limits->oomWarningShown());
    }

    void oomKillBecomesMarker()
    {
        if (::geteuid() != 0) QSKIP("needs root: starts a real onggi-helper");
        if (!helperUsable() || !m_window) QSKIP("no helper window");
        MainWindow& w = *m_window;
        // Create (not start) through the client, select it, then start it: the OOM event
        // arrives while it is selected, as when a user watches it.
        const QString name = QStringLiteral("guitest-oom-%1").arg(QCoreApplication::applicationPid());
        QJsonObject lim{{"memory", 16 * MiB}};
        // No swap either, where the kernel accounts it, so the OOM killer must act.
        if (m_cgroupMode == QLatin1String("v2") ||
            QFile::exists(QStringLiteral("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes")))
            lim.insert(QStringLiteral("memory_swap"), 16 * MiB);
        const auto r = w.client()->callSync(
            QStringLiteral("container.create"),
            {{"image", "busybox"},
             {"name", name},
             {"cmd", QJsonArray{"sh", "-c", "sleep 2; x=aaaaaaaaaaaaaaaa; while true; do x=\"$x$x\"; done"}},
             {"limits", lim}},
            20000);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        const QString id = r.result.value(QLatin1String("id")).toString();
        w.refreshList();
        QTRY_VERIFY_WITH_TIMEOUT(w.selectContainer(id), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), id, kWaitMs);
        w.containerPage()->setCurrentTab(ContainerPage::ChartsTab);
        const int notes = w.notificationCount();
        const auto s = w.client()->callSync(QStringLiteral("container.start"), {{"id", id}}, 20000);
        QVERIFY2(s.ok(), qPrintable(s.error.message));
        QTRY_VERIFY_WITH_TIMEOUT(!w.historyModel()->oomMarkers().isEmpty(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.containerPage()->charts()->memoryChart()->oomMarkerCount() >= 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.notificationCount() > notes, kWaitMs);
        QVERIFY(w.lastNotification().contains(name));
        // Drawn at the limit (16 MiB), not at whatever use the last sample saw.
        for (const QPointF& p : w.containerPage()->charts()->memoryChart()->oomMarkerPoints())
            QCOMPARE(qint64(p.y()), 16 * MiB);
    }

    // Tune where you watch: drag the CPU slider from 0.5 to 0.2 on the tuning view and the
    // chart's next frames read about 20 %.
    void cpuSliderAnswersInTheChart()
    {
        if (::geteuid() != 0) QSKIP("needs root: starts a real onggi-helper");
        if (!helperUsable() || !m_window || !m_hasStats) QSKIP("no helper window with stats");
        MainWindow& w = *m_window;
        const QString id =
            startContainer(QStringLiteral("guitest-cpu"), {"sh", "-c", "while :; do :; done"}, {{"cpus", 0.5}});
        QVERIFY(!id.isEmpty());
        favourTestCgroup();
        QTRY_VERIFY_WITH_TIMEOUT(w.selectContainer(id), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), id, kWaitMs);
        w.containerPage()->setCurrentTab(ContainerPage::ChartsTab);
        StatsHistoryModel* h = w.historyModel();
        MetricChart* chart = w.containerPage()->charts()->cpuChart();
        // Settled at the quota (the quota line at 50 % beside it).
        QTRY_VERIFY_WITH_TIMEOUT(h->rowCount() >= 3 &&
                                     std::abs(h->value(h->rowCount() - 1, StatsHistoryModel::CpuPercent) - 50) < 10,
                                 kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(chart->lastValue(1), 50.0, kWaitMs);
        LimitsPanel* limits = w.containerPage()->limits();
        QVERIFY(limits->cpus()->isVisible());  // the control sits beside the chart, on the same tab
        QCOMPARE(limits->cpus()->value(), 0.5);
        QSignalSpy applied(&w, &MainWindow::limitsApplied);
        QSlider* slider = limits->cpus()->slider();
        slider->setSliderDown(true);
        for (int v : {45, 35, 25, 20}) slider->setValue(v);  // 0.01 core steps
        slider->setSliderDown(false);
        QTRY_VERIFY_WITH_TIMEOUT(applied.count() >= 1, kWaitMs);
        QCOMPARE(applied.first().at(0).value<client::Limits>().cpus.value_or(0), 0.2);
        // The next frames: the first may straddle the change; the three after it read ~20 %.
        const int from = h->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(h->rowCount() >= from + 4, kWaitMs);
        for (int r = from + 1; r < from + 4; ++r)
            QVERIFY2(std::abs(h->value(r, StatsHistoryModel::CpuPercent) - 20) <= 8,
                     qPrintable(
                         QStringLiteral("frame %1 reads %2 %").arg(r).arg(h->value(r, StatsHistoryModel::CpuPercent))));
        QTRY_COMPARE_WITH_TIMEOUT(chart->lastValue(1), 20.0, kWaitMs);  // the quota line moved too
        QVERIFY(std::abs(chart->lastValue(0) - 20) <= 8);
        // The tuning view as the user sees it now: English, Korean, and in a dark palette.
        w.containerPage()->charts()->setWindowSeconds(60);
        QTest::qWait(2500);
        shoot(w, QStringLiteral("tune_en"));
        m_languages.setLanguage(QStringLiteral("ko"));
        QTest::qWait(300);
        shoot(w, QStringLiteral("tune_ko"));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        QTest::qWait(300);
        shoot(w, QStringLiteral("tune_ko_dark"));
        m_languages.setLanguage(QStringLiteral("en"));
        QTest::qWait(300);
        shoot(w, QStringLiteral("tune_en_dark"));
        QApplication::setPalette(light);
        w.containerPage()->charts()->setWindowSeconds(300);
    }

    // The disk I/O chart draws the bandwidth limit in force, the kernel's (v1
    // blkio.throttle.*_bps_device, v2 io.max), set with the sliders beside it; frame after
    // frame the line holds the value of the kernel's file, and without a limit there is none.
    void ioLimitLineIsTheKernels()
    {
        if (::geteuid() != 0) QSKIP("needs root: starts a real onggi-helper");
        if (!helperUsable() || !m_window || !m_hasStats) QSKIP("no helper window with stats");
        QString dev;  // a whole disk: blkio and io.max refuse partitions
        for (const QString& n : QDir(QStringLiteral("/sys/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (!n.startsWith(QLatin1String("loop")) && !n.startsWith(QLatin1String("zram")) &&
                !n.startsWith(QLatin1String("ram"))) {
                dev = readFile(QStringLiteral("/sys/block/%1/dev").arg(n)).trimmed();
                if (!dev.isEmpty()) break;
            }
        if (dev.isEmpty()) QSKIP("no disk in /sys/block");
        MainWindow& w = *m_window;
        const QString id = startContainer(QStringLiteral("guitest-io"), {"sleep", "1000"}, {});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(w.selectContainer(id), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), id, kWaitMs);
        w.containerPage()->setCurrentTab(ContainerPage::ChartsTab);
        StatsHistoryModel* h = w.historyModel();
        MetricChart* chart = w.containerPage()->charts()->ioChart();  // lines: read, write, read limit, write limit
        QTRY_VERIFY_WITH_TIMEOUT(h->rowCount() >= 2, kWaitMs);
        QCOMPARE(chart->lastValue(2), 0.0);  // no limit, no line
        QCOMPARE(chart->pointCount(2), 0);
        const QString cg = cgroupPathOf(id);
        const bool v2 = m_cgroupMode == QLatin1String("v2");
        // The kernel's limit for dev: "rbps"/"wbps" in io.max, else the v1 throttle file.
        const auto kernel = [&](bool write) -> qint64 {
            if (v2) {
                for (const QString& l :
                     readFile(QStringLiteral("/sys/fs/cgroup%1/io.max").arg(cg)).split(QLatin1Char('\n')))
                    if (l.startsWith(dev + QLatin1Char(' ')))
                        for (const QString& kv : l.split(QLatin1Char(' ')))
                            if (kv.startsWith(write ? QLatin1String("wbps=") : QLatin1String("rbps=")))
                                return kv.mid(5).toLongLong();
                return 0;
            }
            const QString f =
                QStringLiteral("/sys/fs/cgroup/blkio%1/blkio.throttle.%2_bps_device").arg(cg, write ? "write" : "read");
            for (const QString& l : readFile(f).split(QLatin1Char('\n')))
                if (l.startsWith(dev + QLatin1Char(' '))) return l.section(QLatin1Char(' '), 1).toLongLong();
            return 0;
        };
        LimitsPanel* limits = w.containerPage()->limits();
        QVERIFY(limits->ioRead()->isVisible());  // the slider sits beside the chart
        limits->ioDevice()->setText(dev);
        QSignalSpy applied(&w, &MainWindow::limitsApplied);
        limits->ioRead()->spinBox()->setValue(5);  // MiB/s, typed: applies at once
        QTRY_VERIFY_WITH_TIMEOUT(applied.count() >= 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(kernel(false), 5 * MiB, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(chart->lastValue(2), double(kernel(false)), kWaitMs);
        QVERIFY(chart->pointCount(2) > 0);
        // Over time: every later frame draws the kernel's value.
        int from = h->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(h->rowCount() >= from + 3, kWaitMs);
        for (int r = from; r < h->rowCount(); ++r)
            QCOMPARE(h->value(r, StatsHistoryModel::IoReadLimit), double(kernel(false)));
        // A write limit: its own line, the read line stays.
        limits->ioWrite()->spinBox()->setValue(2);
        QTRY_COMPARE_WITH_TIMEOUT(kernel(true), 2 * MiB, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(chart->lastValue(3), double(kernel(true)), kWaitMs);
        QCOMPARE(chart->lastValue(2), double(kernel(false)));
        // No read limit any more: the kernel drops it and the line ends with the next frames.
        limits->ioRead()->spinBox()->setValue(0);
        QTRY_COMPARE_WITH_TIMEOUT(kernel(false), qint64(0), kWaitMs);
        from = h->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(h->rowCount() >= from + 2, kWaitMs);
        QCOMPARE(h->value(h->rowCount() - 1, StatsHistoryModel::IoReadLimit), 0.0);
        QCOMPARE(chart->lastValue(3), double(kernel(true)));
        w.containerPage()->charts()->setWindowSeconds(60);
        for (QWidget* p = chart->parentWidget(); p; p = p->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(p)) {  // the I/O chart at the top of the view
                area->verticalScrollBar()->setValue(chart->mapTo(area->widget(), QPoint(0, 0)).y());
                break;
            }
        QTest::qWait(1500);
        shoot(w, QStringLiteral("tune_io_en"));
        m_languages.setLanguage(QStringLiteral("ko"));
        QTest::qWait(300);
        shoot(w, QStringLiteral("tune_io_ko"));
        m_languages.setLanguage(QStringLiteral("en"));
        w.containerPage()->charts()->setWindowSeconds(300);
    }

    // A memory limit the kernel refuses (cgroup v1, below what cannot be reclaimed) puts the
    // slider back to the kernel's value and says why beside it, in numbers.
    void refusedMemoryLimitRevertsSlider()
    {
        if (::geteuid() != 0) QSKIP("needs root: starts a real onggi-helper");
        if (!helperUsable() || !m_window || !m_hasStats) QSKIP("no helper window with stats");
        if (m_cgroupMode == QLatin1String("v2"))
            QSKIP("cgroup v2 takes any memory.max (reclaim, then OOM kill): nothing is refused");
        MainWindow& w = *m_window;
        const QString id = startContainer(
            QStringLiteral("guitest-hold"),
            {"sh", "-c", "dd if=/dev/zero of=/dev/shm/hold bs=1M count=40; exec sleep 1000"}, {{"memory", 256 * MiB}});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(w.selectContainer(id), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), id, kWaitMs);
        w.containerPage()->setCurrentTab(ContainerPage::ChartsTab);
        StatsHistoryModel* h = w.historyModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            h->rowCount() > 0 && h->value(h->rowCount() - 1, StatsHistoryModel::MemoryCurrent) > 40 * MiB, kWaitMs);
        LimitsPanel* limits = w.containerPage()->limits();
        QTRY_COMPARE_WITH_TIMEOUT(qint64(limits->memory()->value()), qint64(256), kWaitMs);
        QSignalSpy failed(&w, &MainWindow::requestFailed);
        limits->memory()->spinBox()->setValue(8);  // typed: applies at once
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(limits->memory()->value()), qint64(256),
                                  kWaitMs);  // back to the kernel's value
        QCOMPARE(limits->memory()->slider()->value(), [&] {
            LimitControl probe(limits->memory()->spinBox()->maximum(), 0, MiB);
            probe.setLogScale(6);
            probe.setValue(256);
            return probe.slider()->value();
        }());
        const QString why = limits->refusalText(LimitsPanel::MemoryGroup);
        QVERIFY2(why.contains(QLatin1String("at least")), qPrintable(why));
        QVERIFY2(!why.contains(QLatin1String("Device or resource busy")), qPrintable(why));  // no raw errno text
        QCOMPARE(readFile(memoryLimitFile(cgroupPathOf(id))).toLongLong(), 256 * MiB);
        // In Korean: the same, in Korean, with no English in it.
        m_languages.setLanguage(QStringLiteral("ko"));
        limits->memory()->spinBox()->setValue(8);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(limits->memory()->value()), qint64(256), kWaitMs);
        const QString ko = limits->refusalText(LimitsPanel::MemoryGroup);
        m_languages.setLanguage(QStringLiteral("en"));
        QVERIFY2(!ko.contains(QLatin1String("kernel")) && !ko.contains(QLatin1String("Choose")), qPrintable(ko));
    }

private:
    // Screenshots for people to look at (docs/screenshots): $ONGGI_SHOTS_DIR, else build/screenshots.
    void shoot(QWidget& w, const QString& name)
    {
        const QString dir = test::shotsDir();
        QDir().mkpath(dir);
        const QSize before = w.size();
        w.resize(1366, 768);  // the smallest screen the app must fit
        QTest::qWait(200);
        w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
        w.resize(before);
    }
    static QPalette darkPalette()
    {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
        return p;
    }

    QString startContainer(const QString& base, const QJsonArray& cmd, const QJsonObject& lim)
    {
        client::HelperClient c;
        if (!c.connectToHelper(m_helper.socket())) return {};
        c.callSync(QStringLiteral("hello"), {{"client", "tst_gui_app"}, {"protocol", 1}}, 10000);
        const auto r = c.callSync(QStringLiteral("container.create"),
                                  {{"image", "busybox"},
                                   {"name", QStringLiteral("%1-%2").arg(base).arg(QCoreApplication::applicationPid())},
                                   {"cmd", cmd},
                                   {"limits", lim}},
                                  20000);
        if (!r.ok()) return {};
        const QString id = r.result.value(QLatin1String("id")).toString();
        if (!c.callSync(QStringLiteral("container.start"), {{"id", id}}, 20000).ok()) return {};
        m_window->refreshList();
        return id;
    }

    // This test's cgroup parent competes with every task of the host's root cgroup as ONE
    // task (cgroup v1): a large weight, so a container's quota and not the machine's load is
    // what its CPU reads. Only the test's own cgroup is written.
    void favourTestCgroup()
    {
        QFile v1(QStringLiteral("/sys/fs/cgroup/cpu") + m_helper.cgroupParent() + QStringLiteral("/cpu.shares"));
        if (v1.open(QIODevice::WriteOnly)) v1.write("262144");
        QFile v2(QStringLiteral("/sys/fs/cgroup") + m_helper.cgroupParent() + QStringLiteral("/cpu.weight"));
        if (v2.open(QIODevice::WriteOnly)) v2.write("10000");
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);  // QSettings in a test location
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("onggi-test"));
    TstGuiApp t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_app.moc"

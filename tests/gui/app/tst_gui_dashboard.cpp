// The host overview and the defects around it, on the real app (offscreen) against a REAL
// onggi-helper (root; QSKIP otherwise):
//  - the dashboard lists the running containers with exactly the numbers of the helper's stats
//    frame it last got (CPU, memory, host CPU and memory), the counts by state, a busy container
//    on top; the list's sparklines end with the same sample;
//  - double-click on a top consumer or an event opens that container; the overview comes back;
//  - the create dialog keeps every input when the helper refuses a name in use, says why beside
//    the name, and creates once the name is changed;
//  - when the helper goes, the "connection lost, containers keep running" page stays while the
//    retries fail (no "not running" after 2 s), the container actions are disabled, and the
//    app reconnects when the helper is back.
#include "gui_helper.h"

#include "client/helper_client.h"
#include "gui/app/language_manager.h"
#include "gui/main_window.h"
#include "gui/models/container_list_model.h"
#include "gui/models/event_list_model.h"
#include "gui/models/host_overview_model.h"
#include "gui/models/units.h"
#include "gui/widgets/create_dialog.h"
#include "gui/widgets/dashboard_page.h"
#include "gui/widgets/helper_absent_page.h"
#include "gui/widgets/stacked_usage_chart.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace onggi;
using namespace onggi::gui;

namespace {
constexpr int kWaitMs = 45000;
}

class TstGuiDashboard : public QObject {
    Q_OBJECT
    test::GuiHelper m_helper{QStringLiteral("guidash")};
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
    QString m_busy, m_idle, m_stopped;
    const QString m_tag = QString::number(QCoreApplication::applicationPid());

    QString createAndMaybeStart(client::HelperClient& c, const QJsonObject& params, bool start)
    {
        const auto r = c.callSync(QStringLiteral("container.create"), params, 20000);
        if (!r.ok()) {
            qWarning("create: %s", qPrintable(r.error.message));
            return {};
        }
        const QString id = r.result.value(QLatin1String("id")).toString();
        if (start) {
            const auto s = c.callSync(QStringLiteral("container.start"), {{"id", id}}, 20000);
            if (!s.ok()) qWarning("start: %s", qPrintable(s.error.message));
        }
        return id;
    }

    QModelIndex consumerRow(const QString& id)
    {
        QTableView* v = m_window->dashboard()->consumersView();
        for (int r = 0; r < v->model()->rowCount(); ++r)
            if (v->model()->index(r, 0).data(HostOverviewModel::IdRole).toString() == id)
                return v->model()->index(r, 0);
        return {};
    }

private slots:
    void initTestCase()
    {
        m_languages.setLanguage(QStringLiteral("en"));
        if (!m_helper.usable()) QSKIP("needs root and a built onggi-helper");
        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
        client::HelperClient c;
        QTRY_VERIFY_WITH_TIMEOUT(c.connectToHelper(m_helper.socket()), 20000);  // a slow (emulated) machine
        QVERIFY(c.callSync(QStringLiteral("hello"), {{"client", "tst_gui_dashboard"}, {"protocol", 1}}, 10000).ok());
        m_busy = createAndMaybeStart(c,
                                     {{"name", "busy-" + m_tag},
                                      {"image", "busybox"},
                                      {"cmd", QJsonArray{"sh", "-c", "while :; do :; done"}},
                                      {"limits", QJsonObject{{"cpus", 0.5}}}},
                                     true);
        m_idle = createAndMaybeStart(c,
                                     {{"name", "idle-" + m_tag},
                                      {"image", "busybox"},
                                      {"cmd", QJsonArray{"sleep", "1000"}},
                                      {"limits", QJsonObject{{"memory", 64 << 20}}}},
                                     true);
        m_stopped = createAndMaybeStart(c, {{"name", "made-" + m_tag}, {"image", "busybox"}}, false);
        QVERIFY(!m_busy.isEmpty() && !m_idle.isEmpty() && !m_stopped.isEmpty());
        m_window = std::make_unique<MainWindow>(&m_languages);
        m_window->resize(1200, 760);
        m_window->show();
        m_window->connectToHelper(m_helper.socket());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isHelperConnected(), kWaitMs);
    }

    void cleanupTestCase()
    {
        if (QTest::currentTestFailed()) qWarning("helper log:\n%s", qPrintable(m_helper.log()));
        m_window.reset();
        m_helper.finish();
    }

    void dashboardShowsTheHelpersNumbers()
    {
        if (!m_window) QSKIP("no helper");
        MainWindow& w = *m_window;
        QVERIFY(w.dashboardShown());  // nothing selected: the overview
        HostOverviewModel* m = w.overviewModel();
        QTRY_VERIFY_WITH_TIMEOUT(m->rowOf(m_busy) >= 0 && m->rowOf(m_idle) >= 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m->counts().running, 2, kWaitMs);
        QCOMPARE(m->counts().created, 1);
        QVERIFY(w.dashboard()->countsText().startsWith(QStringLiteral("2 running")));

        // Every frame the window gets: after the window has handled it (this connection comes
        // later), the dashboard shows exactly its numbers.
        int checked = 0;
        double busyCpu = 0;
        QStringList mismatches;
        auto conn = connect(
            w.client(), &client::HelperClient::notification, this, [&](const QString& method, const QJsonObject& p) {
                if (method != QLatin1String("stats")) return;
                const QJsonArray samples = p.value(QLatin1String("containers")).toArray();
                if (m->rowCount() != samples.size())
                    mismatches << QStringLiteral("rows %1 != samples %2").arg(m->rowCount()).arg(samples.size());
                for (const QJsonValue& v : samples) {
                    const QJsonObject s = v.toObject();
                    const QString id = s.value(QLatin1String("id")).toString();
                    const int row = m->rowOf(id);
                    if (row < 0) {
                        mismatches << QStringLiteral("no row for %1").arg(id);
                        continue;
                    }
                    const double cpu = s.value(QLatin1String("cpu_percent")).toDouble();
                    const qint64 mem = s.value(QLatin1String("memory_current")).toInteger();
                    if (m->index(row, HostOverviewModel::Cpu).data(HostOverviewModel::ValueRole).toDouble() != cpu)
                        mismatches << QStringLiteral("cpu of %1").arg(id);
                    if (m->index(row, HostOverviewModel::Memory).data(HostOverviewModel::ValueRole).toLongLong() != mem)
                        mismatches << QStringLiteral("memory of %1").arg(id);
                    if (m->index(row, HostOverviewModel::Cpu).data().toString() != Units::percent(cpu))
                        mismatches << QStringLiteral("cpu text of %1").arg(id);
                    // The list's sparkline ends with this very sample.
                    const int lrow = w.listModel()->rowOf(id);
                    const auto spark = w.listModel()
                                           ->index(lrow, ContainerListModel::Cpu)
                                           .data(ContainerListModel::HistoryRole)
                                           .value<QList<double>>();
                    if (spark.isEmpty() || spark.last() != cpu) mismatches << QStringLiteral("sparkline of %1").arg(id);
                    if (id == m_busy) busyCpu = std::max(busyCpu, cpu);
                }
                const QJsonObject h = p.value(QLatin1String("host")).toObject();
                if (h.isEmpty()) {
                    mismatches << QStringLiteral("frame without host");
                } else {
                    if (m->host().memoryUsed != h.value(QLatin1String("memory_used")).toInteger() ||
                        m->memoryTotal() != h.value(QLatin1String("memory_total")).toInteger() ||
                        m->host().cpuPercent != h.value(QLatin1String("cpu_percent")).toDouble())
                        mismatches << QStringLiteral("host totals");
                    if (!w.dashboard()->cpuText().contains(
                            Units::percent(h.value(QLatin1String("cpu_percent")).toDouble())))
                        mismatches << QStringLiteral("host CPU tile: ") + w.dashboard()->cpuText();
                    if (!w.dashboard()->memoryText().contains(
                            Units::bytes(double(h.value(QLatin1String("memory_used")).toInteger()))))
                        mismatches << QStringLiteral("host memory tile: ") + w.dashboard()->memoryText();
                }
                ++checked;
            });
        QTRY_VERIFY_WITH_TIMEOUT(checked >= 6, kWaitMs);
        disconnect(conn);
        if (!mismatches.isEmpty()) qWarning("%s", qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(mismatches.size(), 0);
        // The busy loop (0.5 CPU at most; the shared test host may give it less) tops the list
        // and the chart.
        QVERIFY2(busyCpu > 5, qPrintable(QString::number(busyCpu)));
        QCOMPARE(w.dashboard()->consumersView()->model()->index(0, 0).data(HostOverviewModel::IdRole).toString(),
                 m_busy);
        QCOMPARE(w.dashboard()->cpuChart()->shownIds().value(0), m_busy);
        QVERIFY(m->times().size() >= 6);
        QCOMPARE(m->tracks().value(m_busy).cpu.size(), m->times().size());
    }

    // The memory chart fits the containers: two idle-ish busybox containers use a few MiB,
    // the host ~GiB. Frame after frame the stack the chart draws is what the kernel's cgroup
    // files say the containers use, and the window's highest stack fills at least 40 % of the
    // chart's height (or the axis is at its 1 MiB floor); the
    // host's line rides the top edge with its value in the legend. "The whole host" scales
    // the axis to the host's MemTotal (/proc/meminfo).
    void memoryChartFitsTheContainers()
    {
        if (!m_window) QSKIP("no helper");
        MainWindow& w = *m_window;
        w.showOverview();
        QVERIFY(w.dashboardShown());
        StackedUsageChart* chart = w.dashboard()->memoryChart();
        w.dashboard()->scaleBox()->setCurrentIndex(0);
        QCOMPARE(chart->scale(), StackedUsageChart::Scale::FitContainers);
        // The containers' cgroups, and the kernel's word on their memory.
        QStringList files;
        for (const QString& id : {m_busy, m_idle}) {
            const auto i = w.client()->callSync(QStringLiteral("container.inspect"), {{"id", id}}, 10000);
            const QString cg = i.result.value(QLatin1String("cgroup_path")).toString();
            QVERIFY(!cg.isEmpty());
            const QString v2 = QStringLiteral("/sys/fs/cgroup%1/memory.current").arg(cg);
            files << (QFile::exists(v2) ? v2 : QStringLiteral("/sys/fs/cgroup/memory%1/memory.usage_in_bytes").arg(cg));
        }
        const auto kernelSum = [&] {
            qint64 sum = 0;
            for (const QString& f : files) {
                QFile file(f);
                if (file.open(QIODevice::ReadOnly)) sum += file.readAll().trimmed().toLongLong();
            }
            return sum;
        };
        HostOverviewModel* m = w.overviewModel();
        QSignalSpy frames(m, &HostOverviewModel::frameAppended);
        for (int k = 0; k < 4; ++k) {
            QVERIFY(frames.wait(kWaitMs));
            const double kernel = double(kernelSum());
            double stack = 0;
            for (const auto& t : m->tracks())
                if (!t.memory.isEmpty() && !qIsNaN(t.memory.last())) stack += t.memory.last();
            QVERIFY2(kernel > 0, qPrintable(files.join(QLatin1Char(' '))));
            QVERIFY2(std::abs(stack - kernel) <= std::max(256.0 * 1024, 0.25 * kernel),
                     qPrintable(QStringLiteral("chart %1, kernel %2").arg(stack).arg(kernel)));
            // The axis: a round step above the window's highest stack (1 MiB at least).
            const double top = chart->axisTop(), peak = chart->containersPeak();
            QVERIFY2(
                top >= peak && (peak >= 0.4 * top || top <= double(1 << 20)) && stack > 0.1 * top,
                qPrintable(
                    QStringLiteral("axis %1, stack %2, peak %3").arg(top).arg(stack).arg(chart->containersPeak())));
        }
        QVERIFY(chart->axisTop() < double(m->memoryTotal()) / 10);
        QVERIFY(chart->hostAboveAxis());
        // To scale with the host.
        qint64 memTotal = 0;
        QFile meminfo(QStringLiteral("/proc/meminfo"));
        QVERIFY(meminfo.open(QIODevice::ReadOnly));
        for (const QByteArray& l : meminfo.readAll().split('\n'))
            if (l.startsWith("MemTotal:")) memTotal = l.mid(9).trimmed().split(' ').value(0).toLongLong() * 1024;
        w.dashboard()->scaleBox()->setCurrentIndex(1);
        QCOMPARE(chart->scale(), StackedUsageChart::Scale::WholeHost);
        QCOMPARE(chart->axisTop(), double(memTotal));
        QVERIFY(!chart->hostAboveAxis());
        QCOMPARE(w.dashboard()->cpuChart()->axisTop(), 100.0 * m->cpus());
        w.dashboard()->scaleBox()->setCurrentIndex(0);
    }

    void doubleClickOpensTheContainer()
    {
        if (!m_window) QSKIP("no helper");
        MainWindow& w = *m_window;
        QTableView* v = w.dashboard()->consumersView();
        QTRY_VERIFY_WITH_TIMEOUT(consumerRow(m_idle).isValid(), kWaitMs);
        const QRect r = v->visualRect(consumerRow(m_idle));
        // (a click first: Qt 6.4's mouseDClick alone leaves the view without a pressed index)
        QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, r.center());
        QTest::mouseDClick(v->viewport(), Qt::LeftButton, {}, r.center());
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), m_idle, 5000);
        QVERIFY(!w.dashboardShown());
        w.showOverview();
        QVERIFY(w.dashboardShown());
        QVERIFY(w.selectedId().isEmpty());

        // An event row: stop the idle container, its exit shows, double-click it.
        client::HelperClient c;
        QTRY_VERIFY_WITH_TIMEOUT(c.connectToHelper(m_helper.socket()), 20000);  // a slow (emulated) machine
        c.callSync(QStringLiteral("hello"), {{"client", "tst"}, {"protocol", 1}}, 10000);
        QVERIFY(c.callSync(QStringLiteral("container.kill"), {{"id", m_idle}, {"signal", "SIGKILL"}}, 20000).ok());
        EventListModel* ev = w.eventModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            ev->rowCount() > 0 && ev->index(0, 0).data(EventListModel::IdRole).toString() == m_idle &&
                ev->index(0, 0).data(EventListModel::ActionRole).toString() == QLatin1String("die"),
            kWaitMs);
        QCOMPARE(ev->index(0, EventListModel::What).data().toString(), QStringLiteral("Ended by SIGKILL (code 137)"));
        QTableView* ev_view = w.dashboard()->eventsView();
        const QPoint at = ev_view->visualRect(ev_view->model()->index(0, 1)).center();
        QTest::mouseClick(ev_view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(ev_view->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedId(), m_idle, 5000);
        w.showOverview();
        QTRY_COMPARE_WITH_TIMEOUT(w.overviewModel()->counts().running, 1, kWaitMs);
    }

    void createDialogKeepsInputWhenRefused()
    {
        if (!m_window) QSKIP("no helper");
        MainWindow& w = *m_window;
        QSignalSpy failed(&w, &MainWindow::requestFailed);
        w.newAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.createDialog() && w.createDialog()->isVisible(), 5000);
        CreateDialog* d = w.createDialog();
        const QString taken = QStringLiteral("busy-") + m_tag;
        const QString command = QStringLiteral("sh -c 'echo kept; sleep 100'");
        d->imageEdit()->setCurrentText(QStringLiteral("busybox"));
        d->nameEdit()->setText(taken);
        d->commandEdit()->setText(command);
        d->memoryEdit()->setValue(48);
        d->pidsEdit()->setValue(77);
        QTest::mouseClick(d->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d->refusalText().isEmpty(), kWaitMs);
        QVERIFY(d->isVisible());                 // not closed
        QCOMPARE(d->nameEdit()->text(), taken);  // nothing lost
        QCOMPARE(d->commandEdit()->text(), command);
        QCOMPARE(d->memoryEdit()->value(), 48);
        QCOMPARE(d->pidsEdit()->value(), 77);
        QCOMPARE(d->refusedField(), static_cast<QWidget*>(d->nameEdit()));  // beside the field
        QVERIFY2(d->refusalText().contains(taken), qPrintable(d->refusalText()));
        QWidget* notice = d->findChild<QWidget*>(QStringLiteral("fieldRefusal"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(d->buttons()->button(QDialogButtonBox::Ok)->isEnabled());  // try again at once
        QCOMPARE(failed.count(), 1);

        // Another name: the notice goes, the create goes through with everything else as typed.
        QSignalSpy created(&w, &MainWindow::containerCreated);
        d->nameEdit()->setText(QStringLiteral("kept-") + m_tag);
        QVERIFY(d->refusalText().isEmpty());
        QVERIFY(!notice->isVisible());
        QTest::mouseClick(d->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w.createDialog(), 5000);
        const auto i =
            w.client()->callSync(QStringLiteral("container.inspect"), {{"id", created.at(0).at(0).toString()}}, 10000);
        const QJsonObject limits =
            i.result.value(QLatin1String("container")).toObject().value(QLatin1String("limits")).toObject();
        QCOMPARE(limits.value(QLatin1String("memory")).toInteger(), qint64(48) << 20);
        QCOMPARE(limits.value(QLatin1String("pids")).toInteger(), qint64(77));
    }

    void lostConnectionKeepsItsPageAndDisablesActions()
    {
        if (!m_window) QSKIP("no helper");
        MainWindow& w = *m_window;
        QTRY_VERIFY_WITH_TIMEOUT(w.selectContainer(m_busy), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.containerActions().at(1)->isEnabled(), kWaitMs);  // Stop
        m_helper.stop();
        QTRY_COMPARE_WITH_TIMEOUT(w.absentPage()->reason(), HelperAbsentPage::Lost, 10000);
        QVERIFY(w.absentPage()->isVisible());
        for (QAction* a : w.containerActions()) QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        QVERIFY(!w.newAction()->isEnabled());
        // The retries (every 2 s) fail; the page still says the connection was lost and the
        // containers keep running, not that the service is not running.
        QTest::qWait(5000);
        QCOMPARE(w.absentPage()->reason(), HelperAbsentPage::Lost);
        QVERIFY(w.absentPage()->text().contains(QStringLiteral("keep running")));
        // Back: the app reconnects by itself and the containers are still there.
        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
        QTRY_VERIFY_WITH_TIMEOUT(w.isHelperConnected(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.overviewModel()->rowOf(m_busy) >= 0, kWaitMs);
        QVERIFY(w.newAction()->isEnabled());
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("onggi-test"));
    TstGuiDashboard t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_dashboard.moc"

// The Learn tab's newer live views against a REAL onggi-helper (root; QSKIP otherwise) that
// runs in a network namespace this test makes (its bridge, veths and rules live there, never
// in the host's), offscreen:
//  - network lesson: the container's interfaces and routes inside, both ends of its veth pair
//    and the host's route to it, each equal to what `ip -j` says in the two namespaces, and
//    shown in the panel;
//  - overlay lesson: the other container sharing the lower layer is named, then not once removed;
//  - masked lesson: a masked path the container lacks reads "absent", as `test -e` inside says;
//  - try-it buttons: `uname -r` runs in the container and shows the kernel's release; the busy
//    loop and the fork bomb get no button;
//  - CPU lesson: the 1:4 demo's weights and CPU times equal the cgroup files, the heavier one
//    gets the larger share, and its containers are gone when it stops;
//  - screenshots of every lesson in a dark palette, in English and Korean
//    ($ONGGI_SHOTS_DIR, default build/screenshots: learn-dark-<lang>-<NN-id>.png).
#include "client/container_inspect.h"
#include "client/helper_client.h"
#include "client/helper_session.h"
#include "gui/app/app_palette.h"
#include "gui/app/language_manager.h"
#include "gui/widgets/learn_panel.h"
#include "gui/widgets/lesson_live_sections.h"
#include "gui/widgets/try_it_bar.h"
#include "gui/widgets/weight_split_demo.h"
#include "gui_helper.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace onggi;
using namespace onggi::gui;

namespace {
QString readFile(const QString& path) { return test::GuiHelper::read(path); }
QString plain(const QString& html)
{
    QTextDocument d;
    d.setHtml(html);
    return d.toPlainText();
}
QString run(const QString& prog, const QStringList& args, int* code = nullptr)
{
    QProcess p;
    p.start(prog, args);
    p.waitForFinished(30000);
    if (code) *code = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}
QJsonArray ipJson(const QString& netns, const QStringList& args)
{
    return QJsonDocument::fromJson(
               run(QStringLiteral("nsenter"), QStringList{QStringLiteral("--net=") + netns, QStringLiteral("--"),
                                                          QStringLiteral("ip"), QStringLiteral("-j")} +
                                                  args)
                   .toUtf8())
        .array();
}
}  // namespace

class TstGuiLearnLive : public QObject {
    Q_OBJECT
    test::GuiHelper m_helper{QStringLiteral("learnlive")};
    QProcess m_holder;
    QString m_netns, m_id, m_name;
    LanguageManager m_languages;
    client::HelperClient m_client;         // the test's own blocking calls
    client::HelperSession m_panelSession;  // the panel's
    LearnPanel* m_panel = nullptr;

    client::RpcResult call(const QString& m, const QJsonObject& p) { return m_client.callSync(m, p, 60000); }
    QString create(const QString& name)
    {
        const auto r = call(QStringLiteral("container.create"),
                            {{"image", "busybox"}, {"name", name}, {"cmd", QJsonArray{"sleep", "1000"}}});
        if (!r.ok()) return {};
        const QString id = r.result.value(QLatin1String("id")).toString();
        return call(QStringLiteral("container.start"), {{"id", id}}).ok() ? id : QString();
    }
    int lessonIndex(const QString& id) const { return int(LearnPanel::lessonIds().indexOf(id)); }

private slots:
    void initTestCase()
    {
        m_languages.setLanguage(QStringLiteral("en"));
        const QString shim = QStringLiteral(ONGGI_BINARY_DIR "/bin/onggi-shim");
        if (!m_helper.usable() || !QFile::exists(shim))
            QSKIP("the live views need a real helper (root; onggi-helper and onggi-shim built)");
        // A network namespace of our own, lo up: the helper's bridge goes there.
        m_holder.start(QStringLiteral("unshare"), {QStringLiteral("--net"), QStringLiteral("--"),
                                                   QStringLiteral("sleep"), QStringLiteral("100000")});
        QVERIFY(m_holder.waitForStarted());
        m_netns = QStringLiteral("/proc/%1/ns/net").arg(m_holder.processId());
        const QString mine = QFile::symLinkTarget(QStringLiteral("/proc/self/ns/net"));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::symLinkTarget(m_netns).isEmpty() && QFile::symLinkTarget(m_netns) != mine,
                                 5000);
        int rc = -1;
        run(QStringLiteral("nsenter"),
            {QStringLiteral("--net=") + m_netns, QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"),
             QStringLiteral("lo"), QStringLiteral("up")},
            &rc);
        QCOMPARE(rc, 0);
        m_helper.setNetns(m_netns);
        m_helper.setExtraArgs({QStringLiteral("--shim"), shim, QStringLiteral("--default-network"),
                               QStringLiteral("onggi"), QStringLiteral("--default-subnet"),
                               QStringLiteral("10.89.0.0/24")});
        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
        QTRY_VERIFY_WITH_TIMEOUT(m_client.connectToHelper(m_helper.socket()), 20000);
        QVERIFY(call(QStringLiteral("hello"), {{"client", "tst_gui_learn_live"}, {"protocol", 1}}).ok());
        m_name = QStringLiteral("live-%1").arg(QCoreApplication::applicationPid());
        m_id = create(m_name);
        QVERIFY2(!m_id.isEmpty(), qPrintable(m_helper.log()));

        m_panel = new LearnPanel;
        m_panel->resize(1366, 768);
        m_panelSession.open(m_helper.socket());
        QTRY_COMPARE_WITH_TIMEOUT(m_panelSession.state(), client::HelperSession::State::Ready, 20000);
        m_panel->setSession(&m_panelSession);
        m_panel->setContainer(
            client::ContainerInspect::fromJson(call(QStringLiteral("container.inspect"), {{"id", m_id}}).result)
                .container);
        QSignalSpy updated(m_panel, &LearnPanel::kernelViewUpdated);
        m_panel->show();
        QVERIFY(updated.wait(20000));
    }

    void cleanupTestCase()
    {
        delete m_panel;
        m_panel = nullptr;
        m_helper.finish();  // before the namespace goes: the helper removes the containers' links in it
        if (m_holder.state() == QProcess::Running) {
            ::kill(pid_t(m_holder.processId()), SIGKILL);
            m_holder.waitForFinished(5000);
        }
    }

    // Lesson 17: both ends of the veth pair and the routes on each side, as `ip -j` says.
    void networkBothEnds()
    {
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("17-network")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->kernelView().vethPeers.isEmpty(), 15000);
        const client::KernelView& v = m_panel->kernelView();
        const QString inside = QStringLiteral("/proc/%1/ns/net").arg(v.pid);

        // Inside: every link by index and name; the veth's peer index is the host end's.
        const QJsonArray links = ipJson(inside, {QStringLiteral("link")});
        QCOMPARE(v.netLinks.size(), links.size());
        for (const QJsonValue& l : links) {
            const QJsonObject o = l.toObject();
            bool found = false;
            for (const auto& k : v.netLinks)
                if (k.ifindex == o.value(QLatin1String("ifindex")).toInt() &&
                    k.name == o.value(QLatin1String("ifname")).toString()) {
                    found = true;
                    if (o.contains(QLatin1String("link_index")))
                        QCOMPARE(k.peerIfindex, o.value(QLatin1String("link_index")).toInt());
                }
            QVERIFY2(found, qPrintable(QJsonDocument(o).toJson()));
        }
        // Inside: the routes of the main table.
        const QJsonArray routes = ipJson(inside, {QStringLiteral("route")});
        QCOMPARE(v.netRoutes.size(), routes.size());
        for (const QJsonValue& r : routes) {
            const QJsonObject o = r.toObject();
            bool found = false;
            for (const auto& k : v.netRoutes)
                found = found || (k.destination == o.value(QLatin1String("dst")).toString() &&
                                  k.dev == o.value(QLatin1String("dev")).toString() &&
                                  k.gateway == o.value(QLatin1String("gateway")).toString());
            QVERIFY2(found, qPrintable(QJsonDocument(o).toJson()));
        }
        // The host end: its index, name and bridge, in the helper's namespace.
        const auto& peer = v.vethPeers.first();
        const QJsonArray host = ipJson(m_netns, {QStringLiteral("link"), QStringLiteral("show"), peer.name});
        QCOMPARE(host.size(), 1);
        QCOMPARE(host[0].toObject().value(QLatin1String("ifindex")).toInt(), peer.ifindex);
        QCOMPARE(host[0].toObject().value(QLatin1String("master")).toString(), peer.master);
        QCOMPARE(host[0].toObject().value(QLatin1String("link_index")).toInt(), peer.insideIfindex);
        // The host's route to the container: through the bridge.
        const QJsonArray hostRoutes =
            ipJson(m_netns, {QStringLiteral("route"), QStringLiteral("show"), QStringLiteral("dev"), peer.master});
        QCOMPARE(v.hostRoutes.size(), hostRoutes.size());
        QCOMPARE(v.hostRoutes.first().destination, hostRoutes[0].toObject().value(QLatin1String("dst")).toString());
        // What the learner reads.
        const QString text = plain(m_panel->liveHtml());
        for (const QString& s :
             {peer.name, peer.master, peer.insideName, v.hostRoutes.first().destination, v.netRoutes.first().dev})
            QVERIFY2(text.contains(s), qPrintable(s + QStringLiteral(" not in: ") + text));
        QVERIFY(!text.contains(QLatin1String("Only the loopback")));
        m_panel->grab().save(QStringLiteral("%1/learn-en-17-network-live.png").arg(test::shotsDir()));
    }

    // Lesson 13: a second container on the same image is named beside the layer, then not.
    void overlayLayerSharing()
    {
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("13-overlay")));
        const QString other = m_name + QStringLiteral("-b");
        const QString otherId = create(other);
        QVERIFY(!otherId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(plain(m_panel->liveHtml()).contains(other), 15000);
        QVERIFY(!m_panel->kernelView().layers.isEmpty());
        QVERIFY(m_panel->kernelView().layers.first().images.join(QLatin1Char(' ')).contains(QLatin1String("busybox")));
        QVERIFY(plain(m_panel->liveHtml()).contains(QLatin1String("busybox")));
        m_panel->grab().save(QStringLiteral("%1/learn-en-13-overlay-shared.png").arg(test::shotsDir()));
        QVERIFY(call(QStringLiteral("container.remove"), {{"id", otherId}, {"force", true}}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!plain(m_panel->liveHtml()).contains(other), 15000);
    }

    // Lesson 16: "absent" exactly for the masked paths the container's /proc lacks.
    void maskedAbsent()
    {
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("16-masked")));
        const client::KernelView& v = m_panel->kernelView();
        QVERIFY(v.maskedPaths.contains(QLatin1String("/proc/kcore")));
        int absent = 0;
        for (const QString& p : v.maskedPaths) {
            const auto e = call(QStringLiteral("container.exec"), {{"id", m_id}, {"cmd", QJsonArray{"test", "-e", p}}});
            QVERIFY(e.ok());
            const bool exists = e.result.value(QLatin1String("exit_code")).toInt() == 0;
            const QString shown = LessonLiveSections::coverage(v, p);
            QVERIFY2(shown.startsWith(QLatin1String("absent")) == !exists,
                     qPrintable(p + QStringLiteral(": ") + shown));
            absent += exists ? 0 : 1;
            QVERIFY(plain(m_panel->liveHtml()).contains(shown));
        }
        QVERIFY(absent >= 1);  // /proc/kcore at least, on this kernel
        m_panel->grab().save(QStringLiteral("%1/learn-en-16-masked-live.png").arg(test::shotsDir()));
    }

    // Try-it buttons: a safe step runs in the container and shows the kernel's answer; steps
    // that never end get no button.
    void tryItButtons()
    {
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("01-kernel")));
        TryItBar* bar = m_panel->tryIt();
        int uname = -1;
        for (int i = 0; i < bar->steps().size(); ++i)
            if (bar->steps()[i].argv == QStringList{QStringLiteral("uname"), QStringLiteral("-r")}) uname = i;
        QVERIFY(uname >= 0);
        QVERIFY(bar->buttonCount() >= 1);
        QSignalSpy done(bar, &TryItBar::finished);
        bar->run(uname);
        QVERIFY(done.wait(30000));
        QVERIFY2(bar->output().contains(readFile(QStringLiteral("/proc/sys/kernel/osrelease"))),
                 qPrintable(bar->output()));
        m_panel->grab().save(QStringLiteral("%1/learn-en-01-kernel-tryit.png").arg(test::shotsDir()));
        QVERIFY(bar->findChild<QPushButton*>(QStringLiteral("tryIt%1").arg(uname))->isVisible());
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        QTest::qWait(50);
        m_panel->grab().save(QStringLiteral("%1/learn-ko-01-kernel-tryit.png").arg(test::shotsDir()));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        for (const QString& lesson : {QStringLiteral("06-cpu"), QStringLiteral("08-pids")}) {
            m_panel->setCurrentLesson(lessonIndex(lesson));
            bool endless = false;
            for (const auto& s : bar->steps())
                if (s.text.contains(QLatin1String("while :")) || s.text.contains(QLatin1String("f|f"))) {
                    endless = true;
                    QVERIFY2(!s.runnable, qPrintable(s.text));
                }
            QVERIFY(endless);
        }
        // The PIDs lesson's hostname-free steps; the namespaces lesson's refused hostname.
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("03-namespaces")));
        for (int i = 0; i < bar->steps().size(); ++i)
            if (bar->steps()[i].argv.value(0) == QLatin1String("hostname")) {
                bar->run(i);
                QVERIFY(done.wait(30000));
                QVERIFY2(bar->output().contains(QLatin1String("exit code")), qPrintable(bar->output()));
                QVERIFY(!bar->output().contains(QLatin1String("exit code 0")));  // no CAP_SYS_ADMIN
            }
    }

    // Lesson 6: two busy containers with weights 100 and 400 on one CPU.
    void cpuWeightSplit()
    {
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("06-cpu")));
        WeightSplitDemo* demo = m_panel->cpuDemo();
        QVERIFY(demo->isVisible());
        QSignalSpy sampled(demo, &WeightSplitDemo::sampled);
        // Stopped while its containers are still being made: none stays behind, and a new
        // start runs.
        demo->startDemo();
        demo->stopDemo();
        QTest::qWait(3000);
        auto demoContainers = [this] {
            int n = 0;
            for (const QJsonValue& c : call(QStringLiteral("container.list"), {{"all", true}})
                                           .result.value(QLatin1String("containers"))
                                           .toArray())
                n += c.toObject().value(QLatin1String("name")).toString().startsWith(QLatin1String("learn-cpu-")) ? 1
                                                                                                                  : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(demoContainers(), 0, 30000);
        demo->startDemo();
        QElapsedTimer t;
        t.start();
        while (demo->samples().size() < 8 && t.elapsed() < 90000) sampled.wait(5000);
        QVERIFY2(demo->samples().size() >= 8, qPrintable(demo->statusText()));
        // The weights as the cgroup files hold them, and both pinned to CPU 0.
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(demo->weightValue(i), readFile(demo->weightFile(i)));
            QString cpus = readFile(QStringLiteral("/sys/fs/cgroup/cpuset%1/%2/cpuset.cpus")
                                        .arg(m_helper.cgroupParent(), demo->containerId(i)));
            if (cpus.isEmpty())
                cpus = readFile(QStringLiteral("/sys/fs/cgroup%1/%2/cpuset.cpus")
                                    .arg(m_helper.cgroupParent(), demo->containerId(i)));
            QCOMPARE(cpus, QStringLiteral("0"));
        }
        QVERIFY(demo->weightValue(1).toLongLong() > demo->weightValue(0).toLongLong());
        // The CPU times are the files' (read now: at least what was sampled, and both grew).
        QVERIFY(sampled.wait(5000));
        const auto last = demo->samples().last();
        for (int i = 0; i < 2; ++i) {
            QString text = readFile(demo->usageFile(i));
            qint64 now = 0;
            if (demo->usageFile(i).endsWith(QLatin1String("cpuacct.usage"))) now = text.toLongLong();
            else
                for (const QString& l : text.split(QLatin1Char('\n')))
                    if (l.startsWith(QLatin1String("usage_usec ")))
                        now = l.section(QLatin1Char(' '), 1).toLongLong() * 1000;
            QVERIFY2(now >= last.usageNs[i] && last.usageNs[i] > demo->samples().first().usageNs[i],
                     qPrintable(demo->usageFile(i)));
        }
        // The kernel's split: the weight-400 one gets the larger share (20 % : 80 % expected).
        const double heavy = demo->share(1);
        qInfo("measured share of weight 400 since the start: %.1f %% (weights say 80 %%)", heavy * 100);
        QVERIFY2(heavy > 0.5, qPrintable(QString::number(heavy)));
        QVERIFY(plain(demo->findChild<QLabel*>(QStringLiteral("weightSplitValues"))->text())
                    .contains(QLatin1String("share")));
        m_panel->grab().save(QStringLiteral("%1/learn-en-06-cpu-split.png").arg(test::shotsDir()));
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        QVERIFY(AppPalette::apply(QStringLiteral("dark")));
        QVERIFY(sampled.wait(5000));
        QTest::qWait(50);
        QVERIFY(demo->statusText().contains(QStringLiteral("CPU 0")) &&
                !demo->statusText().contains(QLatin1String("compete")));
        m_panel->grab().save(QStringLiteral("%1/learn-dark-ko-06-cpu-split.png").arg(test::shotsDir()));
        AppPalette::apply(QStringLiteral("light"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        const QString ids[2] = {demo->containerId(0), demo->containerId(1)};
        // Another lesson: the demo hides, and its containers go.
        m_panel->setCurrentLesson(lessonIndex(QStringLiteral("07-memory")));
        QVERIFY(!demo->isRunning());
        QVERIFY2(demo->statusText().contains(QStringLiteral("got %1 %").arg(demo->share(1) * 100, 0, 'f', 0)),
                 qPrintable(demo->statusText()));
        for (const QString& id : ids)
            QTRY_VERIFY_WITH_TIMEOUT(!call(QStringLiteral("container.inspect"), {{"id", id}}).ok(), 20000);
    }

    // Every lesson in a dark palette, both languages (looked at by a person).
    void darkScreenshots()
    {
        QVERIFY(AppPalette::apply(QStringLiteral("dark")));
        const QStringList ids = LearnPanel::lessonIds();
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            QVERIFY(m_languages.setLanguage(lang));
            for (int i = 0; i < ids.size(); ++i) {
                m_panel->setCurrentLesson(i);
                QTest::qWait(30);
                QVERIFY(m_panel->grab().save(
                    QStringLiteral("%1/learn-dark-%2-%3.png").arg(test::shotsDir(), lang, ids[i])));
            }
        }
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        AppPalette::apply(QStringLiteral("light"));
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstGuiLearnLive t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_learn_live.moc"

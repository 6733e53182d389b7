// The Learn tab against a REAL onggi-helper (root; QSKIP otherwise), offscreen: every lesson
// opens in English and in Korean with its text and a live panel; the live panel polls only
// while shown; after `hostname seoul` inside, and after a write and a delete inside, the panel
// shows the kernel's new answer without any click (its 1 s timer); the values it holds equal
// what the test reads from /proc itself. Screenshots of each lesson in both languages go to
// $ONGGI_SHOTS_DIR (default build/screenshots) as learn-<lang>-<NN-id>.png.
#include "client/helper_client.h"
#include "client/helper_session.h"
#include "gui/app/language_manager.h"
#include "gui/widgets/learn_panel.h"
#include "gui_helper.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
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
}  // namespace

class TstGuiLearn : public QObject {
    Q_OBJECT
    test::GuiHelper m_helper{QStringLiteral("learntest")};
    QString m_id, m_name;
    LanguageManager m_languages;
    client::HelperClient m_client;         // the test's own blocking calls
    client::HelperSession m_panelSession;  // the panel's (asynchronous) calls

    client::RpcResult call(const QString& m, const QJsonObject& p) { return m_client.callSync(m, p, 30000); }

private slots:
    void initTestCase()
    {
        m_languages.setLanguage(QStringLiteral("en"));
        if (!m_helper.usable()) QSKIP("the Learn tab's live panel needs a real helper (root, built)");
        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
        QTRY_VERIFY_WITH_TIMEOUT(m_client.connectToHelper(m_helper.socket()), 20000);  // a slow (emulated) machine
        QVERIFY(call(QStringLiteral("hello"), {{"client", "tst_gui_learn"}, {"protocol", 1}}).ok());
        m_name = QStringLiteral("learn-%1").arg(QCoreApplication::applicationPid());
        const auto r = call(QStringLiteral("container.create"), {{"image", "busybox"},
                                                                 {"name", m_name},
                                                                 {"hostname", "learnhost"},
                                                                 {"cmd", QJsonArray{"sleep", "1000"}},
                                                                 {"limits", QJsonObject{{"pids", 30}}}});
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        m_id = r.result.value(QLatin1String("id")).toString();
        QVERIFY(call(QStringLiteral("container.start"), {{"id", m_id}}).ok());
    }

    void cleanupTestCase() { m_helper.finish(); }

    void everyLessonLiveInBothLanguages()
    {
        LearnPanel panel;
        panel.resize(1366, 768);
        m_panelSession.open(m_helper.socket());
        QTRY_COMPARE_WITH_TIMEOUT(m_panelSession.state(), client::HelperSession::State::Ready, 20000);
        panel.setSession(&m_panelSession);
        QVERIFY(!panel.isPolling());  // hidden: no timer
        const auto inspect = call(QStringLiteral("container.inspect"), {{"id", m_id}});
        QVERIFY(inspect.ok());
        panel.setContainer(client::ContainerInspect::fromJson(inspect.result).container);
        QSignalSpy updated(&panel, &LearnPanel::kernelViewUpdated);
        panel.show();
        QVERIFY(panel.isPolling());
        QVERIFY(updated.wait(20000));
        const client::KernelView& v = panel.kernelView();
        QCOMPARE(v.hostnameInside, QStringLiteral("learnhost"));
        // NSpid and uid_map: what /proc says.
        const QString status = readFile(QStringLiteral("/proc/%1/status").arg(v.pid));
        QString nsLine;
        for (const QString& l : status.split(QLatin1Char('\n')))
            if (l.startsWith(QLatin1String("NSpid:"))) nsLine = l.mid(6).simplified();
        QStringList got;
        for (qint64 p : v.nspid) got << QString::number(p);
        QCOMPARE(got.join(QLatin1Char(' ')), nsLine);
        QCOMPARE(v.uidMap.size(),
                 readFile(QStringLiteral("/proc/%1/uid_map").arg(v.pid)).split(QLatin1Char('\n')).size());

        const QString shots = test::shotsDir();
        QDir().mkpath(shots);
        const QStringList ids = LearnPanel::lessonIds();
        QVERIFY(ids.size() >= 19);
        QCOMPARE(panel.lessonCount(), ids.size());
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            QVERIFY(m_languages.setLanguage(lang));
            QTest::qWait(50);
            QCOMPARE(panel.language(), lang);
            for (int i = 0; i < ids.size(); ++i) {
                panel.setCurrentLesson(i);
                const QString lesson = plain(panel.lessonHtml());
                const QString file = readFile(LearnPanel::lessonPath(lang, ids[i]));
                const QString title =
                    file.section(QLatin1String("<title>"), 1).section(QLatin1String("</title>"), 0, 0);
                QVERIFY2(lesson.contains(plain(title)), qPrintable(ids[i]));
                QVERIFY2(!lesson.contains(QLatin1String(" NAME ")),
                         qPrintable(ids[i]));  // the try-it names the container
                const QString live = plain(panel.liveHtml());
                QVERIFY2(!live.contains(QLatin1String("No live view")) &&
                             !live.contains(QStringLiteral("실시간 보기가 없습니다")),
                         qPrintable(ids[i]));
                QVERIFY2(live.size() > 20, qPrintable(ids[i] + QLatin1Char(' ') + live));
                QTest::qWait(30);
                panel.grab().save(QStringLiteral("%1/learn-%2-%3.png").arg(shots, lang, ids[i]));
            }
        }
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));

        // hostname x inside: refused with the default capabilities (the panel keeps the name);
        // in a container with CAP_SYS_ADMIN the panel shows the new name by itself (its timer),
        // and the host keeps its own.
        const int ns = int(ids.indexOf(QStringLiteral("03-namespaces")));
        QVERIFY(ns >= 0);
        panel.setCurrentLesson(ns);
        const auto refused =
            call(QStringLiteral("container.exec"), {{"id", m_id}, {"cmd", QJsonArray{"hostname", "seoul"}}});
        QVERIFY(refused.ok());
        QVERIFY(refused.result.value(QLatin1String("exit_code")).toInt() != 0);
        QTest::qWait(1500);
        QCOMPARE(panel.kernelView().hostnameInside, QStringLiteral("learnhost"));
        const auto adm = call(QStringLiteral("container.create"),
                              {{"image", "busybox"},
                               {"name", m_name + QStringLiteral("-adm")},
                               {"hostname", "learnhost"},
                               {"cmd", QJsonArray{"sleep", "1000"}},
                               {"security", QJsonObject{{"cap_add", QJsonArray{"CAP_SYS_ADMIN"}}}}});
        QVERIFY2(adm.ok(), qPrintable(adm.error.message));
        const QString admId = adm.result.value(QLatin1String("id")).toString();
        QVERIFY(call(QStringLiteral("container.start"), {{"id", admId}}).ok());
        panel.setContainer(
            client::ContainerInspect::fromJson(call(QStringLiteral("container.inspect"), {{"id", admId}}).result)
                .container);
        QTRY_COMPARE_WITH_TIMEOUT(panel.kernelView().hostnameInside, QStringLiteral("learnhost"), 15000);
        QVERIFY(call(QStringLiteral("container.exec"), {{"id", admId}, {"cmd", QJsonArray{"hostname", "seoul"}}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(panel.kernelView().hostnameInside, QStringLiteral("seoul"), 15000);
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        QCOMPARE(panel.kernelView().hostnameHost, QString::fromLocal8Bit(host));
        QTRY_VERIFY_WITH_TIMEOUT(plain(panel.liveHtml()).contains(QLatin1String("seoul")), 5000);
        QVERIFY(plain(panel.liveHtml()).contains(QString::fromLocal8Bit(host)));
        panel.grab().save(QStringLiteral("%1/learn-en-03-namespaces-after.png").arg(shots));
        call(QStringLiteral("container.remove"), {{"id", admId}, {"force", true}});
        panel.setContainer(client::ContainerInspect::fromJson(inspect.result).container);

        // A write and a delete inside: the upper layer's list follows.
        const int ov = int(ids.indexOf(QStringLiteral("13-overlay")));
        panel.setCurrentLesson(ov);
        QVERIFY(call(QStringLiteral("container.exec"),
                     {{"id", m_id}, {"cmd", QJsonArray{"sh", "-c", "echo hi > /hello.txt; rm /etc/group"}}})
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(plain(panel.liveHtml()).contains(QLatin1String("/hello.txt")), 15000);
        QVERIFY(plain(panel.liveHtml()).contains(QLatin1String("whiteout")));
        const QString upper = panel.kernelView().upper;
        QVERIFY(QFile::exists(upper + QStringLiteral("/hello.txt")));
        panel.grab().save(QStringLiteral("%1/learn-en-13-overlay-after.png").arg(shots));
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        QTest::qWait(1500);
        panel.grab().save(QStringLiteral("%1/learn-ko-13-overlay-after.png").arg(shots));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));

        panel.hide();
        QVERIFY(!panel.isPolling());  // hidden: no more reads
    }
};

int main(int argc, char** argv)
{
    // Offscreen unless a display is asked for (CI has none).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstGuiLearn t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_learn.moc"

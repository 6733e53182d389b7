// The Layers view on the real app (offscreen) against a REAL onggi-helper (root):
//  - a container from busybox writes a file and deletes one; committed, it makes a second
//    image on top of busybox's layer; a container runs from that image;
//  - the view draws a stack per image and container whose blocks are the helper's layers in
//    order, the shared busybox layer as the same block (same diff_id, same colour) in all
//    four, each size equal to images.inspect's, each writable layer's to system.df's;
//  - the writable layer grows on screen as the container writes (a later refresh, not once);
//  - a click on a writable layer lists the files the container changed, as the kernel's
//    overlay upper directory has them (the new file, the whiteout of the deleted one);
//  - screenshots in English, Korean and a dark palette.
#include "gui_helper.h"

#include "client/helper_client.h"
#include "gui/app/app_palette.h"
#include "gui/app/language_manager.h"
#include "gui/main_window.h"
#include "gui/widgets/layer_stack_view.h"
#include "gui/widgets/layers_dialog.h"

#include <QApplication>
#include <QJsonArray>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace onggi;
using namespace onggi::gui;

namespace {
constexpr int kWaitMs = 60000;

}  // namespace

class TstGuiLayers : public QObject {
    Q_OBJECT
    test::GuiHelper m_helper{QStringLiteral("guilay")};
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<client::HelperClient> m_c;
    QString m_first, m_second, m_baseLayer, m_topLayer, m_committed;

    QJsonObject call(const QString& method, const QJsonObject& params = {})
    {
        const auto r = m_c->callSync(method, params, 60000);
        if (!r.ok()) qWarning("%s: %s", qPrintable(method), qPrintable(r.error.message));
        return r.result;
    }
    QString run(const QString& name, const QString& image, const QString& script)
    {
        const QJsonObject cr = call(QStringLiteral("container.create"),
                                    {{"name", name}, {"image", image}, {"cmd", QJsonArray{"sh", "-c", script}}});
        const QString id = cr.value(QLatin1String("id")).toString();
        if (id.isEmpty() || call(QStringLiteral("container.start"), {{"id", id}}).isEmpty()) return QString();
        return id;
    }
    LayersDialog* dialog() { return m_window->layersDialog(); }
    bool refreshDialog()
    {
        QSignalSpy spy(dialog(), &LayersDialog::refreshed);
        dialog()->refresh();
        return spy.wait(kWaitMs);
    }
    int columnOf(const QString& id)
    {
        const auto& cols = dialog()->view()->stacks().columns;
        for (int i = 0; i < cols.size(); ++i)
            if (cols[i].id == id) return i;
        return -1;
    }
    qint64 dfSize(const QString& id)
    {
        for (const QJsonValue& v : call(QStringLiteral("system.df"))
                                       .value(QLatin1String("containers"))
                                       .toObject()
                                       .value(QLatin1String("list"))
                                       .toArray())
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject().value(QLatin1String("size")).toInteger();
        return -1;
    }

private slots:
    void initTestCase()
    {
        m_languages.setLanguage(QStringLiteral("en"));
        if (!m_helper.usable()) QSKIP("needs root and a built onggi-helper");
        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
        m_c = std::make_unique<client::HelperClient>();
        QTRY_VERIFY_WITH_TIMEOUT(m_c->connectToHelper(m_helper.socket()), 20000);
        QVERIFY(m_c->callSync(QStringLiteral("hello"), {{"client", "tst_gui_layers"}, {"protocol", 1}}, 10000).ok());
        // The first container writes a file and deletes one of the image's, then waits to be committed.
        m_first = run(QStringLiteral("layers-first"), QStringLiteral("busybox"),
                      QStringLiteral("echo hello > /hello.txt; rm /etc/group; touch /ready; sleep 600"));
        QVERIFY(!m_first.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(dfSize(m_first) > 0, 20000);
        const QJsonObject img = call(QStringLiteral("images.commit"), {{"container", m_first}, {"image", "layered:1"}})
                                    .value(QLatin1String("image"))
                                    .toObject();
        m_committed = img.value(QLatin1String("id")).toString();
        QVERIFY(!m_committed.isEmpty());
        const QJsonArray layers = img.value(QLatin1String("layers")).toArray();
        QCOMPARE(layers.size(), 2);
        m_baseLayer = layers[0].toString();
        m_topLayer = layers[1].toString();
        // The second container runs from the committed image; the test writes in it with exec.
        m_second = run(QStringLiteral("layers-second"), QStringLiteral("layered:1"), QStringLiteral("sleep 600"));
        QVERIFY(!m_second.isEmpty());
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

    // Every block is the helper's: layers in order, sizes as images.inspect and system.df say.
    void stacksAreTheHelpers()
    {
        m_window->showLayers();
        QVERIFY(dialog() && dialog()->isVisible());
        QVERIFY(refreshDialog());
        const LayerStacks& s = dialog()->view()->stacks();
        const int busybox = [&] {
            for (int i = 0; i < s.columns.size(); ++i)
                if (s.columns[i].kind == LayerColumn::Image && s.columns[i].id != m_committed) return i;
            return -1;
        }();
        const int committed = columnOf(m_committed), first = columnOf(m_first), second = columnOf(m_second);
        QVERIFY(busybox >= 0 && committed >= 0 && first >= 0 && second >= 0);
        // Bottom first: the shared layer at the bottom of all four stacks.
        QCOMPARE(s.columns[busybox].blocks.size(), 1);
        QCOMPARE(s.columns[committed].blocks.size(), 2);
        QCOMPARE(s.columns[first].blocks.size(), 2);   // busybox's layer + its writable layer
        QCOMPARE(s.columns[second].blocks.size(), 3);  // the committed image's two + its writable layer
        for (int c : {busybox, committed, first, second}) QCOMPARE(s.columns[c].blocks[0].diffId, m_baseLayer);
        QCOMPARE(s.columns[committed].blocks[1].diffId, m_topLayer);
        QCOMPARE(s.columns[second].blocks[1].diffId, m_topLayer);
        QVERIFY(s.columns[first].blocks[1].writable() && s.columns[second].blocks[2].writable());
        QCOMPARE(s.usersOf(m_baseLayer).size(), 4);
        QCOMPARE(s.usersOf(m_topLayer).size(), 2);
        QVERIFY(s.colorOf(m_baseLayer, false) != s.colorOf(m_topLayer, false));
        // Each layer's size is the helper's.
        for (const QString& image : {m_committed}) {
            const QJsonArray sizes = call(QStringLiteral("images.inspect"), {{"image", image}})
                                         .value(QLatin1String("image"))
                                         .toObject()
                                         .value(QLatin1String("layer_sizes"))
                                         .toArray();
            QCOMPARE(sizes.size(), 2);
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(s.columns[committed].blocks[i].diffId,
                         sizes[i].toObject().value(QLatin1String("diff_id")).toString());
                QCOMPARE(s.columns[committed].blocks[i].size,
                         sizes[i].toObject().value(QLatin1String("size")).toInteger());
            }
        }
        QVERIFY(s.columns[committed].blocks[1].size > 0);  // hello.txt at least
        QCOMPARE(s.columns[first].blocks[1].size, dfSize(m_first));
        // The blocks are drawn where the view says, the shared one on one line across the columns.
        const LayerStackView* v = dialog()->view();
        for (int c : {busybox, committed, first, second}) QVERIFY(!v->blockRect(c, 0).isEmpty());
        QCOMPARE(v->blockRect(busybox, 0).bottom(), v->blockRect(second, 0).bottom());
        QVERIFY(v->blockRect(second, 2).bottom() < v->blockRect(second, 1).top());  // the writable layer on top
    }

    // The writable layer's size follows the container's writes on later refreshes.
    void writableSizeFollowsWrites()
    {
        const int second = columnOf(m_second);
        QVERIFY(second >= 0);
        const qint64 before = dialog()->view()->stacks().columns[second].blocks[2].size;
        QVERIFY(before >= 0);
        const QJsonObject ex =
            call(QStringLiteral("container.exec"),
                 {{"id", m_second}, {"cmd", QJsonArray{"sh", "-c", "head -c 200000 /dev/zero > /big"}}});
        QCOMPARE(ex.value(QLatin1String("exit_code")).toInt(-1), 0);
        QVERIFY(dfSize(m_second) >= before + 200000);
        for (int round = 0; round < 20; ++round) {
            QVERIFY(refreshDialog());
            const qint64 now = dialog()->view()->stacks().columns[columnOf(m_second)].blocks[2].size;
            if (now == dfSize(m_second) && now >= before + 200000) return;
            QTest::qWait(200);
        }
        QFAIL("the writable layer's size on screen did not follow the helper's");
    }

    // A click on the first container's writable layer lists what its upper directory holds.
    void clickListsChangedFiles()
    {
        const int first = columnOf(m_first);
        QSignalSpy shown(dialog(), &LayersDialog::detailShown);
        QTest::mouseClick(dialog()->view(), Qt::LeftButton, {}, dialog()->view()->blockRect(first, 1).center());
        QVERIFY(shown.count() > 0 || shown.wait(kWaitMs));
        QStringList paths;
        for (int i = 0; i < dialog()->detailList()->count(); ++i) paths << dialog()->detailList()->item(i)->text();
        QVERIFY2(paths.filter(QStringLiteral("/hello.txt")).size() == 1, qPrintable(paths.join('\n')));
        QVERIFY2(paths.filter(QStringLiteral("/etc/group")).size() == 1, qPrintable(paths.join('\n')));
        QVERIFY(paths.filter(QStringLiteral("/etc/group")).first().contains(QStringLiteral("whiteout")));
        QVERIFY(dialog()->detailTitle().contains(QStringLiteral("layers-first")));
        // A click on the shared layer names its four users.
        QTest::mouseClick(dialog()->view(), Qt::LeftButton, {}, dialog()->view()->blockRect(first, 0).center());
        QCOMPARE(dialog()->detailList()->count(), 4);
    }

    void screenshots()
    {
        dialog()->resize(1100, 520);
        QTest::mouseClick(dialog()->view(), Qt::LeftButton, {},
                          dialog()->view()->blockRect(columnOf(m_first), 1).center());
        QTest::qWait(300);
        dialog()->grab().save(test::shotsDir() + QStringLiteral("/layers-en.png"));
        m_languages.setLanguage(QStringLiteral("ko"));
        QVERIFY(refreshDialog());
        QTest::qWait(300);
        QCOMPARE(dialog()->windowTitle(), QStringLiteral("레이어"));
        dialog()->grab().save(test::shotsDir() + QStringLiteral("/layers-ko.png"));
        QVERIFY(AppPalette::apply(QStringLiteral("dark")));
        QTest::qWait(300);
        dialog()->grab().save(test::shotsDir() + QStringLiteral("/layers-ko-dark.png"));
        AppPalette::apply(QStringLiteral("light"));
        m_languages.setLanguage(QStringLiteral("en"));
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("onggi-test"));
    TstGuiLayers t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_layers.moc"

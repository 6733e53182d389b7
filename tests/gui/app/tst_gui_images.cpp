// The Images page on the real app (offscreen) against a REAL onggi-helper (root) and a REAL
// registry on 127.0.0.1 (Debian's docker-registry, images pushed with skopeo from OCI layouts
// built here; QSKIP without them):
//  - Pull through the dialog: a bar per layer that the helper's progress notifications bring to
//    100 %, and the new image in the table, selected;
//  - two images sharing a base layer: every figure of the page (size, shared size, containers
//    using it, each layer's size, which images share a layer, the df totals) equals what the
//    helper answers, and each size equals the bytes of the layer directories in the store;
//  - Remove: confirmed, refused with a clear sentence naming the container while one uses the
//    image; once the container is gone, the image goes from the page and the store.
#include "gui_helper.h"
#include "image_fixture.h"

#include "client/helper_client.h"
#include "gui/app/app_palette.h"
#include "gui/app/language_manager.h"
#include "gui/main_window.h"
#include "gui/models/units.h"
#include "gui/widgets/images_page.h"
#include "gui/widgets/pull_dialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <random>

#include <sys/stat.h>
#include <unistd.h>

using namespace onggi;
using namespace onggi::gui;

namespace {
constexpr int kWaitMs = 60000;

// Bytes of the regular files under a layer directory, symlinks not followed (what a user
// would add up with `find -type f`).
qint64 treeBytes(const QString& dir)
{
    qint64 n = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        struct stat st;
        if (::lstat(QFile::encodeName(f).constData(), &st) == 0 && S_ISREG(st.st_mode)) n += st.st_size;
    }
    return n;
}

QString hexOf(const QString& digest) { return digest.mid(digest.indexOf(QLatin1Char(':')) + 1); }

}  // namespace

class TstGuiImages : public QObject {
    Q_OBJECT
    test::GuiHelper m_helper{QStringLiteral("guiimg")};
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<test::Registry> m_registry;
    QTemporaryDir m_tmp{QStringLiteral("/tmp/onggi-guiimg-XXXXXX")};
    std::unique_ptr<client::HelperClient> m_c;
    QString m_refA, m_refB, m_idA, m_idB, m_container;

    QJsonObject call(const QString& method, const QJsonObject& params = {})
    {
        const auto r = m_c->callSync(method, params, 60000);
        if (!r.ok()) qWarning("%s: %s", qPrintable(method), qPrintable(r.error.message));
        return r.result;
    }

    int rowOf(const QString& id)
    {
        QTableWidget* t = m_window->imagesPage()->imagesTable();
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, ImagesPage::Name) && t->item(r, ImagesPage::Name)->data(Qt::UserRole).toString() == id)
                return r;
        return -1;
    }

    bool refreshPage()
    {
        QSignalSpy spy(m_window->imagesPage(), &ImagesPage::refreshed);
        m_window->imagesPage()->refresh();
        return spy.wait(kWaitMs);
    }

    // Pull through the dialog; checks every layer's bar reached 100 % from the helper's
    // notifications (each layer's last notification says done or already_exists).
    QString pullThroughDialog(const QString& ref, int expectedLayers)
    {
        ImagesPage* page = m_window->imagesPage();
        page->openPullDialog();
        PullDialog* d = page->pullDialog();
        if (!d || !d->isVisible()) return QStringLiteral("no dialog");
        QHash<QString, QString> lastPhase;
        bool shot = false;
        auto conn = connect(
            m_window->session(), &client::HelperSession::pullProgress, this, [&](const client::PullProgress& p) {
                if (!p.layer.isEmpty()) lastPhase[p.layer] = p.phase;
                // One picture mid-download (the dialog has handled this notification already).
                if (!shot && p.phase == QLatin1String("downloading") && p.current > 0 && p.current < p.total) {
                    shot = true;
                    d->grab().save(
                        QStringLiteral("%1/images-pull-%2.png").arg(test::shotsDir(), m_languages.effectiveLanguage()));
                }
            });
        QSignalSpy pulled(d, &PullDialog::pulled);
        QSignalSpy refreshed(page, &ImagesPage::refreshed);
        d->referenceEdit()->setText(ref);
        QTest::mouseClick(d->pullButton(), Qt::LeftButton);
        if (!d->pulling()) return QStringLiteral("not pulling");
        if (!pulled.wait(kWaitMs)) return QStringLiteral("not pulled: ") + d->statusText();
        disconnect(conn);
        if (d->layerBars().size() != expectedLayers) return QStringLiteral("bars: %1").arg(d->layerBars().size());
        for (QProgressBar* b : d->layerBars())
            if (b->value() != b->maximum())
                return QStringLiteral("a bar at %1 of %2").arg(b->value()).arg(b->maximum());
        if (lastPhase.size() != expectedLayers) return QStringLiteral("layers notified: %1").arg(lastPhase.size());
        for (const QString& ph : std::as_const(lastPhase))
            if (ph != QLatin1String("done") && ph != QLatin1String("already_exists"))
                return QStringLiteral("last phase ") + ph;
        if (!refreshed.wait(kWaitMs)) return QStringLiteral("page not refreshed");
        const QString id = pulled.first().first().value<client::ImageInfo>().id;
        if (rowOf(id) < 0) return QStringLiteral("not in the table");
        QTest::qWait(50);
        if (page->imagesTable()->currentRow() != rowOf(id)) return QStringLiteral("new image not selected");
        d->close();
        return id;
    }

    // Answers the next modal box named objectName: accept clicks its destructive (else its OK)
    // button, otherwise it is cancelled; *text gets the box's text.
    void answerNextBox(const QString& objectName, bool accept, QString* text)
    {
        auto* timer = new QTimer(this);
        timer->setInterval(50);
        connect(timer, &QTimer::timeout, this, [=] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != objectName) return;
            timer->stop();
            timer->deleteLater();
            if (text) *text = box->text();
            for (auto role : {QMessageBox::DestructiveRole, QMessageBox::AcceptRole})
                for (QAbstractButton* b : box->buttons())
                    if (accept && box->buttonRole(b) == role) {
                        b->click();
                        return;
                    }
            box->reject();
        });
        timer->start();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<client::ImageInfo>();
        m_languages.setLanguage(QStringLiteral("en"));
        if (!m_helper.usable()) QSKIP("needs root and a built onggi-helper");
        if (::access("/usr/bin/docker-registry", X_OK) != 0 || ::access("/usr/bin/skopeo", X_OK) != 0)
            QSKIP("docker-registry and skopeo are needed (scripts/setup-deps)");
        // A base layer of 3 MiB that does not compress (the bars move), shared by two images.
        std::mt19937 rng(42);
        std::string noise(3 << 20, '\0');
        for (char& ch : noise) ch = char(rng());
        using test::make_layer;
        const test::LayerBlob base = make_layer({{"base/", 'd', "", "", 0755},
                                                 {"base/noise.bin", 'f', noise},
                                                 {"base/hello.txt", 'f', "hello\n"},
                                                 {"base/link", 'l', "", "hello.txt"}},
                                                "gzip");
        const test::LayerBlob onlyA = make_layer({{"a.txt", 'f', std::string(70000, 'a')}}, "zstd");
        const test::LayerBlob onlyB = make_layer({{"b.txt", 'f', std::string(5000, 'b')}}, "gzip");
        const std::string la = m_tmp.filePath(QStringLiteral("a")).toStdString(),
                          lb = m_tmp.filePath(QStringLiteral("b")).toStdString();
        test::OciLayout a(la), b(lb);
        a.write_index({a.add_image({base, onlyA}, {{"Cmd", {"/bin/sh"}}}, test::host_arch())}, "v1", false);
        b.write_index({b.add_image({base, onlyB}, {{"Cmd", {"/bin/sh"}}}, test::host_arch())}, "v1", false);
        m_registry = std::make_unique<test::Registry>();
        QVERIFY2(m_registry->start(), m_registry->log().c_str());
        std::string log;
        QVERIFY2(test::skopeo_push(la, "v1", m_registry->host() + "/gui/app-a:v1", false, {}, &log), log.c_str());
        QVERIFY2(test::skopeo_push(lb, "v1", m_registry->host() + "/gui/app-b:v1", false, {}, &log), log.c_str());
        m_refA = QString::fromStdString(m_registry->host() + "/gui/app-a:v1");
        m_refB = QString::fromStdString(m_registry->host() + "/gui/app-b:v1");

        QVERIFY2(m_helper.start(), qPrintable(m_helper.log()));
        m_c = std::make_unique<client::HelperClient>();
        QTRY_VERIFY_WITH_TIMEOUT(m_c->connectToHelper(m_helper.socket()), 20000);
        QVERIFY(m_c->callSync(QStringLiteral("hello"), {{"client", "tst_gui_images"}, {"protocol", 1}}, 10000).ok());
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
        m_c.reset();
        m_helper.finish();
        m_registry.reset();
    }

    void imagesPageFromTheViewMenu()
    {
        if (!m_window) QSKIP("no helper");
        QSignalSpy spy(m_window->imagesPage(), &ImagesPage::refreshed);
        m_window->imagesAction()->trigger();
        QVERIFY(m_window->imagesShown());
        QVERIFY(spy.wait(kWaitMs));
        QVERIFY(rowOf(call(QStringLiteral("images.inspect"), {{"image", "busybox"}})
                          .value(QLatin1String("image"))
                          .toObject()
                          .value(QLatin1String("id"))
                          .toString()) >= 0);
        m_window->showOverview();  // the container side comes back
        QVERIFY(!m_window->imagesShown());
        QVERIFY(m_window->dashboardShown());
        m_window->showImages();
        QVERIFY(m_window->imagesShown());
    }

    void pullShowsEachLayerTo100Percent()
    {
        if (!m_window) QSKIP("no helper");
        m_idA = pullThroughDialog(m_refA, 2);
        QVERIFY2(m_idA.startsWith(QLatin1String("sha256:")), qPrintable(m_idA));
        // The second image: its base layer is already there.
        m_idB = pullThroughDialog(m_refB, 2);
        QVERIFY2(m_idB.startsWith(QLatin1String("sha256:")), qPrintable(m_idB));
        QVERIFY(m_idA != m_idB);
    }

    void figuresEqualTheHelperAndTheStore()
    {
        if (!m_window || m_idA.isEmpty()) QSKIP("no pulled images");
        const QJsonObject created = call(QStringLiteral("container.create"),
                                         {{"name", "uses-a"}, {"image", m_refA}, {"cmd", QJsonArray{"/bin/sh"}}});
        m_container = created.value(QLatin1String("id")).toString();
        QVERIFY(!m_container.isEmpty());
        QVERIFY(refreshPage());
        ImagesPage* page = m_window->imagesPage();
        QTableWidget* t = page->imagesTable();
        const QString layersDir = m_helper.stateDir() + QStringLiteral("/images/layers/");

        const QJsonArray images = call(QStringLiteral("images.list")).value(QLatin1String("images")).toArray();
        QCOMPARE(t->rowCount(), images.size());
        for (const QJsonValue& v : images) {
            const QJsonObject im = v.toObject();
            const QString id = im.value(QLatin1String("id")).toString();
            const int row = rowOf(id);
            QVERIFY2(row >= 0, qPrintable(id));
            const qint64 size = im.value(QLatin1String("size")).toInteger();
            QCOMPARE(t->item(row, ImagesPage::Size)->data(ImagesPage::ValueRole).toLongLong(), size);
            QCOMPARE(t->item(row, ImagesPage::Size)->text(), Units::bytes(double(size)));
            QCOMPARE(t->item(row, ImagesPage::Shared)->data(ImagesPage::ValueRole).toLongLong(),
                     im.value(QLatin1String("shared_size")).toInteger());
            qint64 onDisk = 0;
            for (const QJsonValue& l : im.value(QLatin1String("layers")).toArray())
                onDisk += treeBytes(layersDir + hexOf(l.toString()));
            QCOMPARE(size, onDisk);
            const qint64 users = id == m_idA ? 1 : 0;
            QCOMPARE(t->item(row, ImagesPage::Containers)->data(ImagesPage::ValueRole).toLongLong(), users);
            QCOMPARE(t->item(row, ImagesPage::Containers)->text(), Units::count(users));
            QCOMPARE(t->item(row, ImagesPage::Id)->data(ImagesPage::ValueRole).toString(), id);
        }
        // A and B share their base layer: its bytes are A's shared size, and the store has it once.
        const QJsonObject a =
            call(QStringLiteral("images.inspect"), {{"image", m_idA}}).value(QLatin1String("image")).toObject();
        const QJsonArray sizes = a.value(QLatin1String("layer_sizes")).toArray();
        QCOMPARE(sizes.size(), 2);
        const QString baseDiff = sizes[0].toObject().value(QLatin1String("diff_id")).toString();
        QVERIFY(treeBytes(layersDir + hexOf(baseDiff)) >= (3 << 20));
        QCOMPARE(t->item(rowOf(m_idA), ImagesPage::Shared)->data(ImagesPage::ValueRole).toLongLong(),
                 treeBytes(layersDir + hexOf(baseDiff)));

        QSignalSpy layersShown(page, &ImagesPage::layersShown);
        QVERIFY(page->selectImage(m_idA));
        QVERIFY(layersShown.wait(kWaitMs));
        QTableWidget* l = page->layersTable();
        QCOMPARE(l->rowCount(), 2);
        const QString refB = t->item(rowOf(m_idB), ImagesPage::Name)->text();
        for (int r = 0; r < 2; ++r) {
            const QJsonObject ls = sizes[r].toObject();
            const QString diff = ls.value(QLatin1String("diff_id")).toString();
            QCOMPARE(l->item(r, ImagesPage::LayerId)->data(ImagesPage::ValueRole).toString(), diff);
            QCOMPARE(l->item(r, ImagesPage::LayerId)->text(), hexOf(diff).left(12));
            QCOMPARE(l->item(r, ImagesPage::LayerSize)->data(ImagesPage::ValueRole).toLongLong(),
                     ls.value(QLatin1String("size")).toInteger());
            QCOMPARE(l->item(r, ImagesPage::LayerSize)->data(ImagesPage::ValueRole).toLongLong(),
                     treeBytes(layersDir + hexOf(diff)));
        }
        QCOMPARE(l->item(0, ImagesPage::SharedWith)->text(), refB);  // the base: B uses it too
        QCOMPARE(l->item(1, ImagesPage::SharedWith)->text(), QStringLiteral("only this image"));

        // The totals at the top: system.df's figures.
        const QJsonObject df = call(QStringLiteral("system.df"));
        const QJsonObject di = df.value(QLatin1String("images")).toObject(),
                          dc = df.value(QLatin1String("containers")).toObject();
        QCOMPARE(page->df().images.size, di.value(QLatin1String("size")).toInteger());
        QCOMPARE(page->df().images.count, qint64(images.size()));
        QCOMPARE(page->df().containers.count, dc.value(QLatin1String("count")).toInteger());
        QCOMPARE(page->df().images.reclaimable, di.value(QLatin1String("reclaimable")).toInteger());
        QVERIFY2(page->dfText().contains(Units::bytes(double(di.value(QLatin1String("size")).toInteger()))),
                 qPrintable(page->dfText()));
        QVERIFY2(page->dfText().contains(QStringLiteral("Images: %1 (").arg(images.size())),
                 qPrintable(page->dfText()));
        // Each layer once: the base is not counted twice.
        qint64 layersOnce = 0;
        for (const QString& hex : QDir(layersDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (!hex.startsWith(QLatin1Char('.'))) layersOnce += treeBytes(layersDir + hex);
        QVERIFY2(page->df().images.size >= layersOnce,
                 qPrintable(QStringLiteral("%1 < %2").arg(page->df().images.size).arg(layersOnce)));
    }

    // Another client (onggictl, a script) names an image: the page shows the new name from the
    // helper's image event, without Refresh; and loses it again when the name is taken away.
    void pageFollowsImageEventsWithoutRefresh()
    {
        if (!m_window || m_idB.isEmpty()) QSKIP("no pulled images");
        m_window->showImages();
        QVERIFY(refreshPage());
        ImagesPage* page = m_window->imagesPage();
        auto namesOfB = [&] {
            const int row = rowOf(m_idB);
            return row < 0 ? QString() : page->imagesTable()->item(row, ImagesPage::Name)->toolTip();
        };
        QVERIFY(!namesOfB().contains(QLatin1String("gui/live:new")));
        QSignalSpy refreshed(page, &ImagesPage::refreshed);
        QVERIFY(
            m_c->callSync(QStringLiteral("images.tag"), {{"image", m_idB}, {"target", "gui/live:new"}}, 30000).ok());
        QTRY_VERIFY_WITH_TIMEOUT(namesOfB().contains(QLatin1String("gui/live:new")), 10000);
        QVERIFY(refreshed.size() >= 1);  // the page asked the helper again by itself
        // The name moves to A: B's row loses it, A's gains it.
        QVERIFY(
            m_c->callSync(QStringLiteral("images.tag"), {{"image", m_idA}, {"target", "gui/live:new"}}, 30000).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!namesOfB().contains(QLatin1String("gui/live:new")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->imagesTable()
                                     ->item(rowOf(m_idA), ImagesPage::Name)
                                     ->toolTip()
                                     .contains(QLatin1String("gui/live:new")),
                                 10000);
    }

    // The page with two images sharing a layer and a container: English, Korean, dark (looked at).
    void screenshots()
    {
        if (!m_window || m_container.isEmpty()) QSKIP("no container");
        ImagesPage* page = m_window->imagesPage();
        QVERIFY(page->selectImage(m_idA));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-en.png")));
        m_languages.setLanguage(QStringLiteral("ko"));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-ko.png")));
        QVERIFY(AppPalette::apply(QStringLiteral("dark")));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-dark-ko.png")));
        m_languages.setLanguage(QStringLiteral("en"));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-dark-en.png")));
        AppPalette::apply(QStringLiteral("light"));
        // The pull dialog in Korean once the layers are in.
        m_languages.setLanguage(QStringLiteral("ko"));
        page->openPullDialog();
        QTest::qWait(200);
        QVERIFY(page->pullDialog()->grab().save(test::shotsDir() + QStringLiteral("/images-pull-done-ko.png")));
        page->pullDialog()->close();
        m_languages.setLanguage(QStringLiteral("en"));
    }

    void removeRefusedWhileAContainerUsesIt()
    {
        if (!m_window || m_container.isEmpty()) QSKIP("no container");
        ImagesPage* page = m_window->imagesPage();
        QVERIFY(page->selectImage(m_idA));
        QString question, refusal;
        answerNextBox(QStringLiteral("removeImageConfirm"), true, &question);
        answerNextBox(QStringLiteral("removeImageError"), true, &refusal);
        QSignalSpy failed(page, &ImagesPage::failed);
        page->removeSelected();
        QVERIFY(question.contains(m_refA));
        QVERIFY(failed.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(!refusal.isEmpty(), kWaitMs);
        QCOMPARE(refusal, QStringLiteral("The image %1 is used by 1 container: uses-a. Remove it first.").arg(m_refA));
        QVERIFY(!call(QStringLiteral("images.inspect"), {{"image", m_idA}}).isEmpty());  // still there
        QVERIFY(refreshPage());
        QVERIFY(rowOf(m_idA) >= 0);

        // The same refusal in Korean.
        m_languages.setLanguage(QStringLiteral("ko"));
        refusal.clear();
        answerNextBox(QStringLiteral("removeImageConfirm"), true, nullptr);
        answerNextBox(QStringLiteral("removeImageError"), true, &refusal);
        QVERIFY(page->selectImage(m_idA));
        page->removeSelected();
        QTRY_VERIFY_WITH_TIMEOUT(!refusal.isEmpty(), kWaitMs);
        m_languages.setLanguage(QStringLiteral("en"));
        QCOMPARE(refusal,
                 QStringLiteral("%1 이미지를 컨테이너 1개가 쓰고 있습니다: uses-a. 먼저 그 컨테이너를 삭제하세요.")
                     .arg(m_refA));

        // Cancel in the confirmation: nothing asked of the helper.
        answerNextBox(QStringLiteral("removeImageConfirm"), false, nullptr);
        QSignalSpy removed(page, &ImagesPage::imageRemoved);
        page->removeSelected();
        QTest::qWait(300);
        QCOMPARE(removed.size(), 0);

        // Without its container, the image goes: from the page and from the helper.
        QVERIFY(m_c->callSync(QStringLiteral("container.remove"), {{"id", m_container}, {"force", true}}, 30000).ok());
        answerNextBox(QStringLiteral("removeImageConfirm"), true, nullptr);
        QSignalSpy refreshed(page, &ImagesPage::refreshed);
        page->removeSelected();
        QVERIFY(removed.wait(kWaitMs));
        QVERIFY(refreshed.wait(kWaitMs));
        QCOMPARE(rowOf(m_idA), -1);
        QVERIFY(rowOf(m_idB) >= 0);
        const auto gone = m_c->callSync(QStringLiteral("images.inspect"), {{"image", m_idA}}, 10000);
        QCOMPARE(gone.error.errc, QStringLiteral("not_found"));
    }
    // Save the selected image to a file and load it back through the page: the helper's progress
    // notifications drive the bar to its end, the file is the user's, the loaded image appears
    // selected; a file that is not an archive is refused in words (English, then Korean).
    // Pictures of the page after a load in English, Korean and dark.
    void saveAndLoadThroughThePage()
    {
        if (!m_window || m_idB.isEmpty()) QSKIP("no pulled images");
        ImagesPage* page = m_window->imagesPage();
        m_window->showImages();
        QVERIFY(refreshPage());
        QVERIFY(page->selectImage(m_idB));
        QVERIFY(page->saveButton()->isEnabled());
        QStringList phases;
        bool barAtEnd = false;
        auto conn = connect(m_window->session(), &client::HelperSession::archiveProgress, this,
                            [&](const client::ArchiveProgress& p) {
                                phases << p.op + QLatin1Char('/') + p.phase;
                                // The page has handled this notification already (it connected first).
                                if (p.total > 0 && p.current == p.total)
                                    barAtEnd = page->archiveBar()->value() == page->archiveBar()->maximum() &&
                                               page->archiveBar()->isVisible();
                            });
        const QString file = m_tmp.filePath(QStringLiteral("b-saved.tar"));
        QSignalSpy saved(page, &ImagesPage::saved);
        page->saveSelectedTo(file);
        QVERIFY(page->archiveBusy());
        QVERIFY(!page->saveButton()->isEnabled() && !page->loadButton()->isEnabled());
        QVERIFY2(saved.wait(kWaitMs), qPrintable(page->lastError()));
        QVERIFY2(phases.contains(QStringLiteral("save/packing")) && phases.contains(QStringLiteral("save/writing")),
                 qPrintable(phases.join(',')));
        QVERIFY(barAtEnd);
        QVERIFY(!page->archiveBar()->isVisible());
        QVERIFY2(page->archiveStatus().startsWith(QStringLiteral("Saved ")), qPrintable(page->archiveStatus()));
        QVERIFY(QFileInfo(file).size() > (3 << 20));  // the base layer's noise is in it
        QVERIFY(page->loadButton()->isEnabled());

        // Load it back: a pulled image's layers pack to other bytes, so the archive holds an image
        // with another id under B's name, which appears and is selected.
        phases.clear();
        barAtEnd = false;
        QSignalSpy loaded(page, &ImagesPage::loaded);
        QSignalSpy refreshed(page, &ImagesPage::refreshed);
        page->loadFrom(file);
        QVERIFY2(loaded.wait(kWaitMs), qPrintable(page->lastError()));
        disconnect(conn);
        QVERIFY2(phases.contains(QStringLiteral("load/reading")) && phases.contains(QStringLiteral("load/unpacking")),
                 qPrintable(phases.join(',')));
        QVERIFY(barAtEnd);
        const QStringList ids = loaded.first().first().toStringList();
        QCOMPARE(ids.size(), 1);
        QVERIFY(refreshed.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(ids.first()) >= 0 && page->imagesTable()->currentRow() == rowOf(ids.first()),
                                 10000);
        QVERIFY2(page->archiveStatus().startsWith(QStringLiteral("Loaded 1 image from ")),
                 qPrintable(page->archiveStatus()));
        QVERIFY(m_c->callSync(QStringLiteral("images.inspect"), {{"image", ids.first()}}, 10000).ok());
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-loaded-en.png")));
        m_languages.setLanguage(QStringLiteral("ko"));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-loaded-ko.png")));
        QVERIFY(AppPalette::apply(QStringLiteral("dark")));
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(test::shotsDir() + QStringLiteral("/images-loaded-dark-ko.png")));
        AppPalette::apply(QStringLiteral("light"));
        m_languages.setLanguage(QStringLiteral("en"));

        // Not an archive: refused, said in words, nothing loaded.
        const QString junk = m_tmp.filePath(QStringLiteral("junk.tar"));
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        const int rowsBefore = page->imagesTable()->rowCount();
        QString refusal;
        answerNextBox(QStringLiteral("archiveError"), true, &refusal);
        QSignalSpy failed(page, &ImagesPage::failed);
        page->loadFrom(junk);
        QVERIFY(failed.wait(kWaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(!refusal.isEmpty(), kWaitMs);
        QVERIFY2(refusal.startsWith(QStringLiteral("Could not load %1: ").arg(junk)) &&
                     refusal.contains(QStringLiteral("nothing was loaded")),
                 qPrintable(refusal));
        m_languages.setLanguage(QStringLiteral("ko"));
        refusal.clear();
        answerNextBox(QStringLiteral("archiveError"), true, &refusal);
        page->loadFrom(junk);
        QTRY_VERIFY_WITH_TIMEOUT(!refusal.isEmpty(), kWaitMs);
        m_languages.setLanguage(QStringLiteral("en"));
        QVERIFY2(!refusal.contains(QStringLiteral("nothing was loaded")) && refusal.contains(junk),
                 qPrintable(refusal));
        QVERIFY(refreshPage());
        QCOMPARE(page->imagesTable()->rowCount(), rowsBefore);
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("onggi-test"));
    TstGuiImages t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_images.moc"

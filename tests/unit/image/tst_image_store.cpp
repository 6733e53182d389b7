// Image store: SHA-256 vectors, record decoding (valid and hostile), the built-in busybox image
// (content-addressed layer, idempotent), reference resolution and removal.
#include "engine/core/files.h"
#include "engine/core/sha256.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/image/image_store.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace onggi;
using namespace onggi::image;

class TstImageStore : public QObject {
    Q_OBJECT
private slots:
    void sha256_vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("448bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                 << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million_a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void sha256_vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        QCOMPARE(QString::fromStdString(Sha256::hex(std::string_view(input.constData(), size_t(input.size())))),
                 digest);
        // Streaming in odd-sized pieces gives the same digest.
        Sha256 h;
        for (qsizetype i = 0; i < input.size(); i += 77)
            h.update(input.constData() + i, size_t(std::min<qsizetype>(77, input.size() - i)));
        QCOMPARE(QString::fromStdString(h.finish_hex()), digest);
    }

    void references_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<bool>("valid");
        QTest::newRow("name") << "busybox" << true;
        QTest::newRow("tag") << "busybox:latest" << true;
        QTest::newRow("path") << "library/alpine:3.19" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("upper") << "BusyBox" << false;
        QTest::newRow("dotdot") << "a/../../etc" << false;
        QTest::newRow("abs") << "/etc/passwd" << false;
        QTest::newRow("space") << "busy box" << false;
        QTest::newRow("long") << QString(300, 'a') << false;
    }
    void references()
    {
        QFETCH(QString, ref);
        QFETCH(bool, valid);
        QCOMPARE(bool(validate_reference(ref.toStdString())), valid);
    }

    void record_decoding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        const QString id = "sha256:" + QString(64, 'a');
        QTest::newRow("ok") << QString(R"({"id":"%1","name":"x","layers":["%1"]})").arg(id) << true;
        QTest::newRow("not json") << "{" << false;
        QTest::newRow("array") << "[]" << false;
        QTest::newRow("bad id") << R"({"id":"sha256:xyz","layers":["sha256:xyz"]})" << false;
        QTest::newRow("no layers") << QString(R"({"id":"%1","name":"x"})").arg(id) << false;
        QTest::newRow("layer traversal") << QString(R"({"id":"%1","layers":["sha256:../../etc"]})").arg(id) << false;
        QTest::newRow("name type") << QString(R"({"id":"%1","name":5,"layers":["%1"]})").arg(id) << false;
        QTest::newRow("cmd type") << QString(R"({"id":"%1","layers":["%1"],"cmd":"sh"})").arg(id) << false;
        QTest::newRow("exposed ports")
            << QString(R"({"id":"%1","layers":["%1"],"exposed_ports":["80/tcp","53/udp"]})").arg(id) << true;
        QTest::newRow("exposed port bad")
            << QString(R"({"id":"%1","layers":["%1"],"exposed_ports":["80/icmp"]})").arg(id) << false;
        QTest::newRow("exposed ports type")
            << QString(R"({"id":"%1","layers":["%1"],"exposed_ports":"80/tcp"})").arg(id) << false;
    }
    void record_decoding()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        auto r = record_from_json(text.toStdString());
        QCOMPARE(r.ok(), valid);
        if (valid) {
            auto again = record_from_json(record_to_json(r.value()));
            QVERIFY(again.ok());
            QCOMPARE(again->id, r->id);
            QCOMPARE(again->layers, r->layers);
        }
    }

    // The exposed ports survive the record's round trip; a record written before they were kept
    // says so (ImageStore::exposed_ports then reads the config blob).
    void record_keeps_exposed_ports()
    {
        const std::string id = "sha256:" + std::string(64, 'a');
        const std::string base = "{\"id\":\"" + id + "\",\"layers\":[\"" + id + "\"]";
        auto old = record_from_json(base + "}");
        QVERIFY(old.ok());
        QVERIFY(!old->exposed_ports_recorded);
        auto none = record_from_json(base + ",\"exposed_ports\":[]}");
        QVERIFY(none.ok());
        QVERIFY(none->exposed_ports_recorded);
        ImageRecord r = old.value();
        r.exposed_ports = {"80/tcp", "5353/udp"};
        r.exposed_ports_recorded = true;
        auto again = record_from_json(record_to_json(r));
        QVERIFY(again.ok());
        QVERIFY(again->exposed_ports_recorded);
        QCOMPARE(again->exposed_ports, (std::vector<std::string>{"80/tcp", "5353/udp"}));
    }

    // An image config's ExposedPorts: normalized ("8080" is tcp, "53/UDP" is udp); a key that is
    // not a port, an unknown protocol or too many ports make the image bad.
    void config_exposed_ports_data()
    {
        QTest::addColumn<QString>("exposed");
        QTest::addColumn<QStringList>("expect");  // empty + valid=false: refused
        QTest::addColumn<bool>("valid");
        QTest::newRow("usual") << R"({"80/tcp":{},"53/udp":{}})" << QStringList{"53/udp", "80/tcp"} << true;
        QTest::newRow("bare and upper") << R"({"8080":{},"53/UDP":{},"9/sctp":{}})"
                                        << QStringList{"53/udp", "8080/tcp", "9/sctp"} << true;
        QTest::newRow("same port twice") << R"({"80":{},"80/tcp":{}})" << QStringList{"80/tcp"} << true;
        QTest::newRow("null") << "null" << QStringList{} << true;
        QTest::newRow("word") << R"({"http":{}})" << QStringList{} << false;
        QTest::newRow("zero") << R"({"0/tcp":{}})" << QStringList{} << false;
        QTest::newRow("too big") << R"({"70000/tcp":{}})" << QStringList{} << false;
        QTest::newRow("range") << R"({"8000-8010/tcp":{}})" << QStringList{} << false;
        QTest::newRow("protocol") << R"({"80/icmp":{}})" << QStringList{} << false;
        QTest::newRow("empty protocol") << R"({"80/":{}})" << QStringList{} << false;
        QTest::newRow("array") << R"(["80/tcp"])" << QStringList{} << false;
        QString many = "{";
        for (int i = 1; i <= 257; ++i) many += QString("%1\"%2/tcp\":{}").arg(i > 1 ? "," : "").arg(i);
        QTest::newRow("257 ports") << many + "}" << QStringList{} << false;
    }
    void config_exposed_ports()
    {
        QFETCH(QString, exposed);
        QFETCH(QStringList, expect);
        QFETCH(bool, valid);
        const std::string body =
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"ExposedPorts\":" + exposed.toStdString() +
            "},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + std::string(64, 'a') + "\"]}}";
        auto c = parse_config(body);
        QVERIFY2(c.ok() == valid, c.ok() ? "accepted" : c.error().message().c_str());
        if (!valid) {
            QVERIFY2(c.error().message().find("ExposedPorts") != std::string::npos, c.error().message().c_str());
            return;
        }
        QStringList got;
        for (const auto& p : c->exposed_ports) got << QString::fromStdString(p);
        QCOMPARE(got, expect);
    }

    // Layers keep setuid-root files at predictable paths: the store is root's alone, also when
    // an older helper made it 0755.
    void store_is_private()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const std::string root = tmp.path().toStdString() + "/images";
        QCOMPARE(::mkdir(root.c_str(), 0755), 0);
        ImageStore store(root);
        auto r = store.init();
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
        struct stat st {};
        QCOMPARE(::stat(root.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0700);
    }

    void builtin_image()
    {
        if (::access(host_busybox_path().c_str(), X_OK) != 0) QSKIP("no static busybox on this host");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        ImageStore store(tmp.path().toStdString() + "/images");
        auto r = store.ensure_builtin();
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
        QCOMPARE(QString::fromStdString(r->name), QStringLiteral("busybox"));
        QVERIFY(r->builtin);
        QVERIFY(is_digest(r->id));
        QCOMPARE(r->layers.size(), size_t(1));
        QVERIFY(r->size > 100000);  // the busybox binary is in it

        // The layer digest is sha256(sha256(busybox) + "\n" + recipe version).
        auto bb = Sha256::file_hex(host_busybox_path());
        QVERIFY(bb.ok());
        QCOMPARE(QString::fromStdString(r->layers[0]),
                 QString::fromStdString("sha256:" + Sha256::hex(bb.value() + "\n" + kBuiltinRecipeVersion)));
        auto dirs = store.lower_dirs(r.value());
        QVERIFY(dirs.ok());
        QCOMPARE(dirs->size(), size_t(1));
        struct stat st;
        QVERIFY(::stat((dirs->at(0) + "/bin/busybox").c_str(), &st) == 0);
        QVERIFY(::lstat((dirs->at(0) + "/bin/sh").c_str(), &st) == 0 && S_ISLNK(st.st_mode));

        // Idempotent: same record, nothing rebuilt, no temp dirs left.
        auto again = store.ensure_builtin();
        QVERIFY(again.ok());
        QCOMPARE(again->id, r->id);
        QCOMPARE(again->created, r->created);
        QDir layers(QString::fromStdString(store.root() + "/layers"));
        QCOMPARE(layers.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 1);

        // Resolution.
        for (std::string ref : {std::string("busybox"), std::string("busybox:latest"), r->id, r->short_id(),
                                "sha256:" + r->short_id(), r->id.substr(7, 3)}) {
            auto found = store.resolve(ref);
            QVERIFY2(found.ok(), ref.c_str());
            QCOMPARE(found->id, r->id);
        }
        QCOMPARE(store.resolve("busybox:other").error().code, Errc::not_found);
        QCOMPARE(store.resolve("nosuch").error().code, Errc::not_found);
        QVERIFY(!store.resolve("../../etc").ok());
        auto list = store.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), size_t(1));

        // A damaged record next to it is skipped, not fatal.
        QVERIFY(write_file_atomic(store.root() + "/records/" + std::string(64, 'b') + ".json", "{garbage").ok());
        QCOMPARE(store.list()->size(), size_t(1));

        // Remove: record and its now unused layer go.
        QCOMPARE(store.remove("sha256:" + std::string(64, 'c')).error().code, Errc::not_found);
        QVERIFY(store.remove(r->id).ok());
        QCOMPARE(store.list()->size(), size_t(0));
        QVERIFY(::access(dirs->at(0).c_str(), F_OK) != 0);
    }

    void shared_layer_survives_removal()
    {
        if (::access(host_busybox_path().c_str(), X_OK) != 0) QSKIP("no static busybox on this host");
        QTemporaryDir tmp;
        ImageStore store(tmp.path().toStdString() + "/images");
        auto r = store.ensure_builtin();
        QVERIFY(r.ok());
        ImageRecord copy = r.value();
        copy.builtin = false;
        copy.name = "mybox";
        copy.id = "sha256:" + Sha256::hex("mybox");
        QVERIFY(store.save(copy).ok());
        QVERIFY(store.remove(copy.id).ok());
        auto dirs = store.lower_dirs(r.value());
        QVERIFY(dirs.ok());  // still there: the built-in image uses it
    }
    // remove(id, keep): kept layers stay without a record; collect_layers takes them once
    // nothing keeps them, and never touches a layer a record uses.
    void kept_layers_and_collection()
    {
        if (::access(host_busybox_path().c_str(), X_OK) != 0) QSKIP("no static busybox on this host");
        QTemporaryDir tmp;
        ImageStore store(tmp.path().toStdString() + "/images");
        auto r = store.ensure_builtin();
        QVERIFY(r.ok());
        const std::string layer = r->layers.at(0);
        auto dir = store.layer_dir(layer);
        QVERIFY(dir.ok());
        QCOMPARE(store.layer_of_dir(*dir), layer);
        QVERIFY(store.layer_of_dir(tmp.path().toStdString() + "/elsewhere/" + layer.substr(7)).empty());
        QVERIFY(store.layer_of_dir(store.root() + "/layers/../records").empty());
        QCOMPARE(store.collect_layers({}).value(), size_t(0));  // the record uses it
        QVERIFY(store.remove(r->id, {layer}).ok());
        QVERIFY(QFileInfo::exists(QString::fromStdString(*dir)));
        QCOMPARE(store.collect_layers({layer}).value(), size_t(0));
        QVERIFY(QFileInfo::exists(QString::fromStdString(*dir)));
        QCOMPARE(store.collect_layers({}).value(), size_t(1));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(*dir)));
    }

    // A layer a pull is installing is pinned (no record uses it yet): no collection, no remove
    // of another image sharing it, takes it. An unused layer younger than min_age (the helper's
    // start: a killed pull's finished layers) stays; with no age given it goes.
    void pinned_and_young_layers_stay()
    {
        QTemporaryDir tmp;
        ImageStore store(tmp.path().toStdString() + "/images");
        QVERIFY(store.init().ok());
        const std::string a = "sha256:" + std::string(64, 'a'), b = "sha256:" + std::string(64, 'b');
        for (const auto& l : {a, b})
            QVERIFY(QDir().mkpath(QString::fromStdString(store.root() + "/layers/" + l.substr(7))));
        store.pin_layer(a);
        QCOMPARE(store.collect_layers({}, kUnusedLayerGrace).value(), size_t(0));  // a pinned, b young
        QVERIFY(store.has_layer(a) && store.has_layer(b));
        QCOMPARE(store.collect_layers({}).value(), size_t(1));  // b: unused, no age asked
        QVERIFY(store.has_layer(a) && !store.has_layer(b));
        auto g = store.garbage({});
        QVERIFY(g.ok());
        QCOMPARE(g->layers, size_t(0));  // a pinned layer is not garbage either
        store.unpin_layer(a);
        QCOMPARE(store.garbage({})->layers, size_t(1));
        // An orphan blob (its content matches its name) is garbage; collect_garbage takes both.
        const std::string data = "orphan";
        const std::string digest = "sha256:" + Sha256::hex(data);
        QVERIFY(store.blobs().put(digest, data).ok());
        QCOMPARE(store.garbage({})->blobs, size_t(1));
        auto done = store.collect_garbage({});
        QVERIFY(done.ok());
        QCOMPARE(done->layers, size_t(1));
        QCOMPARE(done->blobs, size_t(1));
        QVERIFY(!store.has_layer(a) && !store.blobs().has(digest));
    }
    // A tag on the event loop racing a load or a commit (add_image on a worker thread) on the
    // same image: each reads the record, adds its name and writes it back. Serialised by the
    // store, no update is lost, and observers see each name added exactly once, in order.
    void concurrent_record_updates_lose_nothing()
    {
        QTemporaryDir tmp;
        ImageStore store(tmp.path().toStdString() + "/images");
        QVERIFY(store.init().ok());
        const std::string layer = "sha256:" + std::string(64, 'd');
        QVERIFY(QDir().mkpath(QString::fromStdString(store.root() + "/layers/" + layer.substr(7))));
        ImageConfig cfg;
        cfg.diff_ids = {layer};
        cfg.cmd = {"sh"};
        const std::string id = "sha256:" + Sha256::hex("racing image");
        QVERIFY(store.add_image(id, cfg, "base", "v0", "").ok());
        std::mutex mu;
        std::vector<std::string> added;
        store.on_change([&](const RecordChange& c) {
            std::lock_guard lk(mu);
            added.insert(added.end(), c.tags_added.begin(), c.tags_added.end());
        });
        constexpr int kN = 40;
        std::atomic<bool> go{false};
        std::atomic<int> failures{0};
        std::thread tagger([&] {
            while (!go) std::this_thread::yield();
            for (int i = 0; i < kN; ++i)
                if (!store.tag(id, "tagged", "t" + std::to_string(i)).ok()) ++failures;
        });
        std::thread loader([&] {
            while (!go) std::this_thread::yield();
            for (int i = 0; i < kN; ++i)
                if (!store.add_image(id, cfg, "loaded", "l" + std::to_string(i), "").ok()) ++failures;
        });
        go = true;
        tagger.join();
        loader.join();
        QCOMPARE(failures.load(), 0);
        auto r = store.resolve(id);
        QVERIFY(r.ok());
        std::vector<std::string> want = {"base:v0"};
        for (int i = 0; i < kN; ++i) {
            want.push_back("tagged:t" + std::to_string(i));
            want.push_back("loaded:l" + std::to_string(i));
        }
        auto have = r->repo_tags;
        std::sort(have.begin(), have.end());
        std::sort(want.begin(), want.end());
        QCOMPARE(int(have.size()), int(want.size()));
        QVERIFY(have == want);
        std::sort(added.begin(), added.end());
        want.erase(std::find(want.begin(), want.end(), "base:v0"));
        QVERIFY(added == want);  // each name announced once
    }
};

QTEST_GUILESS_MAIN(TstImageStore)
#include "tst_image_store.moc"

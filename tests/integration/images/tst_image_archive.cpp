// images.save / images.load (onggictl save -o / load -i): round trips through real archives and
// real containers, skopeo reading what we save and writing what we load, and archives that lie
// or are damaged, each refused with its stable reason and the store left as it was.
#include "engine/image/builtin_rootfs.h"
#include "helper_fixture.h"
#include "image_fixture.h"

#include <archive.h>
#include <archive_entry.h>

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace onggi;
using namespace onggi::test;

namespace {

std::string read_all(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void write_all(const std::string& path, const std::string& data)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << data;
}

std::string errc(const json& r) { return r.contains("error") ? r["error"]["data"].value("errc", "") : ""; }
std::string reason(const json& r) { return r.contains("error") ? r["error"]["data"].value("reason", "") : ""; }

// The regular files of a tar, in order (name, bytes).
std::vector<std::pair<std::string, std::string>> read_tar(const std::string& path)
{
    std::vector<std::pair<std::string, std::string>> out;
    struct archive* a = archive_read_new();
    archive_read_support_format_tar(a);
    archive_read_support_filter_all(a);
    if (archive_read_open_filename(a, path.c_str(), 1 << 16) == ARCHIVE_OK) {
        archive_entry* e;
        while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
            if (archive_entry_filetype(e) != AE_IFREG) continue;
            std::string data(size_t(archive_entry_size(e)), '\0');
            if (!data.empty()) archive_read_data(a, data.data(), data.size());
            out.emplace_back(archive_entry_pathname(e), std::move(data));
        }
    }
    archive_read_free(a);
    return out;
}

std::string rewrite(const std::vector<std::pair<std::string, std::string>>& files)
{
    std::vector<TarEntry> es;
    for (const auto& [n, d] : files) es.push_back({n, 'f', d});
    return make_tar(es);
}

// An OCI layout directory as a tar (its files, in a stable order), optionally compressed.
std::string layout_tar(const std::string& dir, const std::string& compression)
{
    std::vector<TarEntry> es;
    QDirIterator it(QString::fromStdString(dir), QDir::Files, QDirIterator::Subdirectories);
    std::vector<std::string> files;
    while (it.hasNext()) files.push_back(it.next().toStdString());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) es.push_back({f.substr(dir.size() + 1), 'f', read_all(f)});
    return compress(make_tar(es), compression);
}

// An event notification of type image with this action (and name, when given).
std::function<bool(const json&)> image_event(const std::string& action, const std::string& id,
                                             const std::string& name = {})
{
    return [=](const json& n) {
        const json& p = n["params"];
        return p.value("type", "") == "image" && p.value("action", "") == action &&
               (id.empty() || p.value("id", "") == id) && (name.empty() || p.value("name", "") == name);
    };
}

std::vector<std::string> dir_entries(const std::string& d)
{
    std::vector<std::string> out;
    for (const auto& e : QDir(QString::fromStdString(d))
                             .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden | QDir::System))
        out.push_back(e.toStdString());
    return out;
}

}  // namespace

class TstImageArchive : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<HelperProcess> helper_;
    std::unique_ptr<RawClient> c_;
    std::string config_;  // the id of the image the test built

    std::string path(const std::string& name) const { return tmp_.path().toStdString() + "/" + name; }
    QString ctl() const { return QString::fromStdString(build_dir() + "/cli/onggictl"); }

    // onggictl ARGS -> exit code; out gets stdout+stderr.
    int onggictl(const QStringList& args, QString* out = nullptr)
    {
        QProcess p;
        p.start(ctl(), QStringList{"--host", QString::fromStdString(helper_->socket())} + args);
        if (!p.waitForFinished(180000)) return -1;
        if (out) *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    }

    // create + start + wait for exit; the container id (empty on failure, *log says why).
    std::string run_keep(const std::string& image, const json& cmd, std::string* log)
    {
        json p = {{"image", image}};
        if (!cmd.is_null()) p["cmd"] = cmd;
        json r = c_->call("container.create", p);
        if (!r.contains("result")) {
            *log = "create failed: " + r.dump();
            return {};
        }
        std::string id = r["result"]["id"];
        json s = c_->call("container.start", {{"id", id}});
        if (!s.contains("result")) {
            *log = "start failed: " + s.dump();
            return {};
        }
        for (int i = 0; i < 600; ++i) {
            json in = c_->call("container.inspect", {{"id", id}});
            if (in["result"]["container"]["state"] == "exited") break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        json lg = c_->call("container.logs", {{"id", id}, {"timestamps", false}});
        for (const auto& l : lg["result"]["lines"]) *log += l["line"].get<std::string>();
        return id;
    }

    std::string run_and_logs(const std::string& image, const json& cmd = nullptr)
    {
        json p = {{"image", image}};
        if (!cmd.is_null()) p["cmd"] = cmd;
        return run_to_exit(*c_, p);
    }

    std::string layers_dir() const { return helper_->state_dir() + "/images/layers"; }
    json image_list() { return c_->call("images.list", json::object())["result"]; }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
        if (::access("/usr/bin/skopeo", X_OK) != 0) QSKIP("skopeo is needed (scripts/setup-deps)");
        if (qEnvironmentVariableIsSet("ONGGI_KEEP_TMP")) {
            tmp_.setAutoRemove(false);
            qInfo("tmp %s", qPrintable(tmp_.path()));
        }
        const std::string bb = read_all(image::host_busybox_path());
        QVERIFY(!bb.empty());
        // Two layers: busybox and files; then a deletion, an opaque dir, an addition.
        LayerBlob l1 = make_layer({{"bin/", 'd', "", "", 0755},
                                   {"bin/busybox", 'f', bb, "", 0755},
                                   {"bin/sh", 'l', "", "busybox"},
                                   {"etc/", 'd', "", "", 0755},
                                   {"etc/base.txt", 'f', "base\n"},
                                   {"del/gone.txt", 'f', "gone\n"},
                                   {"opq/old", 'f', "old\n"},
                                   {"data/a.txt", 'f', "A\n", "", 0644, 0, 0, 0, 0, {{"user.origin", "layer1"}}},
                                   {"data/b.txt", 'h', "", "data/a.txt"},
                                   {"suid", 'f', "s", "", 04755}},
                                  "gzip");
        LayerBlob l2 = make_layer({{"del/.wh.gone.txt", 'f'},
                                   {"opq/", 'd', "", "", 0755},
                                   {"opq/.wh..wh..opq", 'f'},
                                   {"opq/new", 'f', "new\n"},
                                   {"etc/added.txt", 'f', "added\n"}},
                                  "zstd");
        OciLayout lay(path("layout"));
        json m = lay.add_image(
            {l1, l2},
            {{"Cmd",
              {"sh", "-c", "cat /etc/base.txt /etc/added.txt; ls /opq; ls /del; stat -c %a /suid; cat /data/b.txt"}},
             {"Env", {"PATH=/bin"}}},
            host_arch(), &config_);
        lay.write_index({m}, "v1", false);
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start(), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
    }

    void cleanupTestCase()
    {
        c_.reset();
        helper_.reset();
    }

    // skopeo writes an OCI archive (offline, from the layout) → load → run; save → rmi → load →
    // run, with the same id; a second save is the same bytes; skopeo reads our archive both as a
    // docker-save archive and as an OCI archive.
    void round_trip_with_skopeo_and_containers()
    {
        const std::string oci = path("skopeo-oci.tar");
        QProcess sk;
        sk.start("skopeo", {"copy", "--quiet", QString::fromStdString("oci:" + path("layout") + ":v1"),
                            QString::fromStdString("oci-archive:" + oci + ":test/arch:v1")});
        QVERIFY(sk.waitForFinished(120000));
        QVERIFY2(sk.exitCode() == 0, sk.readAllStandardError().constData());
        QString out;
        QCOMPARE(onggictl({"load", "-i", QString::fromStdString(oci)}, &out), 0);
        QVERIFY2(out.contains("Loaded image: test/arch:v1"), qPrintable(out));
        const std::string expect = "base\nadded\nnew\n4755\nA\n";
        QCOMPARE(run_and_logs("test/arch:v1"), expect);
        json in = c_->call("images.inspect", {{"image", "test/arch:v1"}});
        QCOMPARE(in["result"]["image"]["id"].get<std::string>(), config_);

        const std::string s1 = path("s1.tar"), s2 = path("s2.tar");
        QCOMPARE(onggictl({"save", "-o", QString::fromStdString(s1), "test/arch:v1"}, &out), 0);
        json saved = c_->call("images.save", {{"images", {"test/arch:v1"}}, {"path", s2}});
        QVERIFY2(saved.contains("result"), saved.dump().c_str());
        // Layers first unpacked from skopeo's gzip/zstd tars pack to other bytes: a new id.
        QVERIFY(saved["result"]["rewritten"].get<bool>());
        const std::string id = saved["result"]["id"];
        QCOMPARE(read_all(s1), read_all(s2));  // deterministic
        const auto files = read_tar(s1);
        std::set<std::string> names;
        for (const auto& f : files) names.insert(f.first);
        for (const char* n : {"manifest.json", "index.json", "oci-layout", "repositories"}) QVERIFY2(names.count(n), n);
        QCOMPARE(onggictl({"rmi", "test/arch:v1"}), 0);
        QCOMPARE(onggictl({"load", "-i", QString::fromStdString(s1)}, &out), 0);
        QCOMPARE(c_->call("images.inspect", {{"image", "test/arch:v1"}})["result"]["image"]["id"].get<std::string>(),
                 id);
        QCOMPARE(run_and_logs("test/arch:v1"), expect);
        // Saved again from what our archive unpacked: the same id, not rewritten.
        json again = c_->call("images.save", {{"images", {"test/arch:v1"}}, {"path", path("s3.tar")}});
        QVERIFY2(again.contains("result"), again.dump().c_str());
        QCOMPARE(again["result"]["id"].get<std::string>(), id);
        QVERIFY(!again["result"]["rewritten"].get<bool>());
        QCOMPARE(read_all(path("s3.tar")), read_all(s1));

        // skopeo reads it as docker save and as an OCI layout, and what it writes loads back.
        for (const std::string& src : {"docker-archive:" + s1, "oci-archive:" + s1}) {
            QProcess p;
            p.start("skopeo", {"copy", "--quiet", QString::fromStdString(src),
                               QString::fromStdString("docker-archive:" + path("sk.tar") + ":test/sk:v2")});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY2(p.exitCode() == 0, (src + ": " + p.readAllStandardError().toStdString()).c_str());
            const int rc = onggictl({"load", "-i", QString::fromStdString(path("sk.tar"))}, &out);
            QVERIFY2(rc == 0 && out.contains("Loaded image: test/sk:v2"),
                     qPrintable(QString::fromStdString(src) + ": " + out));
            QCOMPARE(run_and_logs("test/sk:v2"), expect);
            ::unlink(path("sk.tar").c_str());
        }
    }

    // commit: a container that wrote, deleted and replaced a directory; the new image shows the
    // change (the deletion as a whiteout, the replaced directory opaque), on top of the same
    // lower layers; it saves without a rewrite (every layer packs to its diff_id).
    void commit_then_run_sees_the_change()
    {
        std::string log;
        const std::string id = run_keep(
            "test/arch:v1",
            {"sh", "-c", "echo new > /data/new.txt; rm /etc/base.txt; rm -r /opq; mkdir /opq; echo only > /opq/only"},
            &log);
        QVERIFY2(!id.empty(), log.c_str());
        QString out;
        QCOMPARE(onggictl({"commit", "-m", "the change", QString::fromStdString(id), "test/committed:v1"}, &out), 0);
        QVERIFY2(out.trimmed().startsWith("sha256:"), qPrintable(out));
        c_->call("container.remove", {{"id", id}, {"force", true}});
        const std::string seen =
            run_and_logs("test/committed:v1",
                         {"sh", "-c", "ls /etc; cat /data/new.txt; ls /opq; cat /data/b.txt; stat -c %a /suid"});
        QCOMPARE(seen, std::string("added.txt\nnew\nonly\nA\n4755\n"));
        json base = c_->call("images.inspect", {{"image", "test/arch:v1"}})["result"]["image"];
        json img = c_->call("images.inspect", {{"image", "test/committed:v1"}})["result"]["image"];
        QCOMPARE(img["layers"].size(), base["layers"].size() + 1);
        for (size_t i = 0; i < base["layers"].size(); ++i) QCOMPARE(img["layers"][i], base["layers"][i]);
        json h = c_->call("images.history", {{"image", "test/committed:v1"}})["result"]["history"];
        QVERIFY2(h.dump().find("the change") != std::string::npos, h.dump().c_str());
        json sv = c_->call("images.save", {{"images", {"test/committed:v1"}}, {"path", path("committed.tar")}});
        QVERIFY2(sv.contains("result"), sv.dump().c_str());
        QCOMPARE(sv["result"]["id"], img["id"]);
        QVERIFY(!sv["result"]["rewritten"].get<bool>());
    }

    // Two images in one archive: the first is fine and brings a layer the store lacks, the
    // second's config names a wrong diff_id. The load is refused and the first image's new layer
    // is taken back: the store is as it was.
    void failed_load_takes_back_what_it_unpacked()
    {
        const std::string good = path("committed.tar");
        QVERIFY(::access(good.c_str(), F_OK) == 0);  // from commit_then_run_sees_the_change
        json rm = c_->call("images.remove", {{"image", "test/committed:v1"}});
        QVERIFY2(rm.contains("result"), rm.dump().c_str());
        auto files = read_tar(good);
        json manifest;
        for (const auto& f : files)
            if (f.first == "manifest.json") manifest = json::parse(f.second);
        QCOMPARE(manifest.size(), size_t(1));
        json cfg;
        for (const auto& f : files)
            if (f.first == manifest[0]["Config"].get<std::string>()) cfg = json::parse(f.second);
        QCOMPARE(cfg["rootfs"]["diff_ids"].size(), size_t(3));
        cfg["rootfs"]["diff_ids"][1] = sha256_digest("not this layer");
        const std::string text = cfg.dump();
        const std::string name = "blobs/sha256/" + sha256_digest(text).substr(7);
        json broken = manifest[0];
        broken["Config"] = name;
        broken["RepoTags"] = {"test/broken:v1"};
        manifest.push_back(broken);
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& f : files)
            if (f.first != "manifest.json") out.push_back(f);
        out.emplace_back(name, text);
        out.emplace_back("manifest.json", manifest.dump());
        const std::string bad = path("two-images.tar");
        write_all(bad, rewrite(out));
        const json before = image_list();
        const auto layers_before = dir_entries(layers_dir());
        json r = c_->call("images.load", {{"path", bad}}, 120000);
        QVERIFY2(r.contains("error"), r.dump().c_str());
        QCOMPARE(reason(r), std::string("archive_digest_mismatch"));
        QCOMPARE(image_list(), before);
        QCOMPARE(dir_entries(layers_dir()), layers_before);
        // The good archive alone still loads.
        json ok = c_->call("images.load", {{"path", good}}, 120000);
        QVERIFY2(ok.contains("result"), ok.dump().c_str());
    }

    void bad_archives_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("want");
        QTest::newRow("dotdot") << "dotdot"
                                << "archive_path";
        QTest::newRow("absolute") << "absolute"
                                  << "archive_path";
        QTest::newRow("missing layer") << "missing"
                                       << "archive_missing_blob";
        QTest::newRow("flipped byte") << "flipped"
                                      << "archive_digest_mismatch";
        QTest::newRow("truncated") << "truncated"
                                   << "archive_truncated";
        QTest::newRow("not an archive") << "garbage"
                                        << "archive_truncated";
        QTest::newRow("no manifest") << "nomanifest"
                                     << "archive_format";
    }
    void bad_archives()
    {
        QFETCH(QString, kind);
        QFETCH(QString, want);
        const std::string good = path("good.tar");
        if (::access(good.c_str(), F_OK) != 0) {
            json s = c_->call("images.save", {{"images", {"busybox"}}, {"path", good}});
            QVERIFY2(s.contains("result"), s.dump().c_str());
        }
        auto files = read_tar(good);
        std::string data;
        const std::string k = kind.toStdString();
        if (k == "dotdot") {
            files.insert(files.begin(), {"blobs/../../evil", "x"});
            data = rewrite(files);
        } else if (k == "absolute") {
            files.insert(files.begin(), {"/tmp/onggi-evil", "x"});
            data = rewrite(files);
        } else if (k == "missing" || k == "flipped") {
            // The biggest blob is the layer.
            size_t big = 0;
            for (size_t i = 0; i < files.size(); ++i)
                if (files[i].second.size() > files[big].second.size()) big = i;
            if (k == "missing") files.erase(files.begin() + long(big));
            else files[big].second[files[big].second.size() / 2] ^= 1;
            data = rewrite(files);
        } else if (k == "truncated") {
            const std::string g = read_all(good);
            data = g.substr(0, g.size() / 2);
        } else if (k == "garbage") {
            data = std::string(5000, 'x');
        } else {
            std::vector<std::pair<std::string, std::string>> keep;
            for (auto& f : files)
                if (f.first != "manifest.json" && f.first != "index.json") keep.push_back(f);
            data = rewrite(keep);
        }
        const std::string bad = path("bad-" + k + ".tar");
        write_all(bad, data);
        const json before = image_list();
        const auto layers_before = dir_entries(layers_dir());
        json r = c_->call("images.load", {{"path", bad}}, 120000);
        QVERIFY2(r.contains("error"), r.dump().c_str());
        QCOMPARE(QString::fromStdString(reason(r)), want);
        QCOMPARE(image_list(), before);
        QCOMPARE(dir_entries(layers_dir()), layers_before);
        QVERIFY(::access("/tmp/onggi-evil", F_OK) != 0);
        // The CLI explains it in words (English here).
        QString out;
        QVERIFY(onggictl({"load", "-i", QString::fromStdString(bad)}, &out) != 0);
        QVERIFY2(out.contains("nothing was loaded") || out.contains("Nothing was loaded"), qPrintable(out));
    }

    // A member of the group writes and reads only what their own uid may: not a root-only
    // directory, and load (names for everyone) is root's.
    void member_reaches_only_their_own_files()
    {
        const std::string group = "onggiv" + std::to_string(::getpid() % 100000);
        QCOMPARE(std::system(("groupadd -f " + group).c_str()), 0);
        struct Cleanup {
            std::string g;
            ~Cleanup() { (void)!std::system(("groupdel " + g + " 2>/dev/null").c_str()); }
        } cleanup{group};
        struct group* g = ::getgrnam(group.c_str());
        QVERIFY(g);
        HelperProcess h;
        QVERIFY2(h.start({"--group", group}), h.log().c_str());
        const uid_t alice = 63000 + uid_t(::getpid() % 1000);
        const std::string rootonly = path("rootonly");
        QCOMPARE(::mkdir(rootonly.c_str(), 0700), 0);
        const std::string theirs = path("alice");
        QCOMPARE(::mkdir(theirs.c_str(), 0700), 0);
        QCOMPARE(::chown(theirs.c_str(), alice, g->gr_gid), 0);
        QCOMPARE(::chmod(tmp_.path().toUtf8().constData(), 0755), 0);
        write_all(rootonly + "/secret.tar", read_all(path("good.tar")));
        auto a = as_user(alice, g->gr_gid, h.socket(),
                         {{"images.save", {{"images", {"busybox"}}, {"path", rootonly + "/x.tar"}}},
                          {"images.load", {{"path", rootonly + "/secret.tar"}}},
                          {"images.save", {{"images", {"busybox"}}, {"path", theirs + "/bb.tar"}}}});
        QCOMPARE(a.size(), size_t(3));
        QCOMPARE(errc(a[0]), std::string("permission_denied"));
        QVERIFY(::access((rootonly + "/x.tar").c_str(), F_OK) != 0);
        QCOMPARE(errc(a[1]), std::string("permission_denied"));
        QVERIFY2(a[2].contains("result"), a[2].dump().c_str());
        struct stat st;
        QCOMPARE(::stat((theirs + "/bb.tar").c_str(), &st), 0);
        QCOMPARE(st.st_uid, alice);  // written as alice
    }
    // Image events: a subscriber hears what ANOTHER client does to the images (tag, a name that
    // moves to another image, remove, load), in order; a subscriber of container events only
    // hears none of it.
    void image_events_reach_subscribers()
    {
        const std::string arch = c_->call("images.inspect", {{"image", "test/arch:v1"}})["result"]["image"]["id"];
        const std::string committed =
            c_->call("images.inspect", {{"image", "test/committed:v1"}})["result"]["image"]["id"];
        QVERIFY(!arch.empty() && !committed.empty());
        RawClient all(helper_->socket()), images(helper_->socket()), containers(helper_->socket());
        QVERIFY(all.call("events.subscribe").contains("result"));
        QVERIFY(images.call("events.subscribe", {{"filters", {{"type", "image"}}}}).contains("result"));
        QVERIFY(containers.call("events.subscribe", {{"filters", {{"type", "container"}}}}).contains("result"));
        json bad = all.call("events.subscribe", {{"filters", {{"type", "volume"}}}});
        QCOMPARE(errc(bad), std::string("invalid_argument"));

        QVERIFY(c_->call("images.tag", {{"image", "test/arch:v1"}, {"target", "test/events:one"}}).contains("result"));
        for (RawClient* s : {&all, &images})
            QVERIFY(!s->wait_notification("event", 10000, image_event("tag", arch, "test/events:one")).is_null());
        // The name moves to the committed image: arch loses it, committed gains it.
        QVERIFY(
            c_->call("images.tag", {{"image", "test/committed:v1"}, {"target", "test/events:one"}}).contains("result"));
        QVERIFY(!all.wait_notification("event", 10000, image_event("untag", arch, "test/events:one")).is_null());
        QVERIFY(!all.wait_notification("event", 10000, image_event("tag", committed, "test/events:one")).is_null());
        // Removed: each name it had, then the image.
        QVERIFY(c_->call("images.remove", {{"image", "test/committed:v1"}}).contains("result"));
        QVERIFY(!all.wait_notification("event", 10000, image_event("untag", committed, "test/committed:v1")).is_null());
        QVERIFY(!all.wait_notification("event", 10000, image_event("untag", committed, "test/events:one")).is_null());
        QVERIFY(!all.wait_notification("event", 10000, image_event("delete", committed)).is_null());
        // Loaded again: a load event with the name it came with.
        json ld = c_->call("images.load", {{"path", path("committed.tar")}}, 120000);
        QVERIFY2(ld.contains("result"), ld.dump().c_str());
        QVERIFY(!all.wait_notification("event", 10000, image_event("load", committed, "test/committed:v1")).is_null());
        QVERIFY(!images.wait_notification("event", 10000, image_event("load", committed)).is_null());
        // Pruning with nothing dangling still says what it reclaimed.
        QVERIFY(c_->call("images.prune", {{"all", false}}).contains("result"));
        json pr = images.wait_notification("event", 10000, image_event("prune", ""));
        QVERIFY(!pr.is_null());
        QVERIFY(pr["params"]["attributes"].contains("reclaimed"));
        QVERIFY(containers.wait_notification("event", 500).is_null());
        for (const auto& n : containers.notifications)
            QVERIFY2(n["params"].value("type", "") != "image", n.dump().c_str());
        // onggictl events shows them (and filters by type).
        QProcess ev;
        ev.start(ctl(), {"--host", QString::fromStdString(helper_->socket()), "events", "--filter", "type=image"});
        QVERIFY(ev.waitForStarted());
        QTest::qWait(500);
        QVERIFY(c_->call("images.tag", {{"image", "test/arch:v1"}, {"target", "test/events:two"}}).contains("result"));
        QByteArray seen;
        for (int i = 0; i < 100 && !seen.contains("test/events:two"); ++i) {
            ev.waitForReadyRead(100);
            seen += ev.readAllStandardOutput();
        }
        ev.kill();
        ev.waitForFinished();
        QVERIFY2(seen.contains(" image tag ") && seen.contains("test/events:two"), seen.constData());
    }

    // A load takes at most --max-load-size bytes, staged and unpacked together: an archive whose
    // entries inflate past it (a zstd bomb) and one whose gzip layer unpacks past it are refused
    // with archive_too_large, and nothing is left behind.
    void load_refuses_an_archive_larger_than_its_bound()
    {
        HelperProcess h;
        QVERIFY2(h.start({"--max-load-size", "8388608"}), h.log().c_str());
        RawClient c(h.socket());
        const std::string big_zeros(std::string::size_type(64) << 20, '\0');
        // 1. 64 MiB of zeros in one entry, zstd: a few kB on disk.
        OciLayout bomb(path("bomb-layout"));
        json m1 = bomb.add_image({make_layer({{"zeros", 'f', big_zeros}}, "")}, {{"Cmd", {"true"}}}, host_arch());
        bomb.write_index({m1}, "v1", false);
        write_all(path("bomb.tar.zst"), layout_tar(path("bomb-layout"), "zstd"));
        // 2. staged small (a gzip layer of zeros, ~64 kB), unpacks to 64 MiB.
        OciLayout inflate(path("inflate-layout"));
        json m2 =
            inflate.add_image({make_layer({{"zeros", 'f', big_zeros}}, "gzip")}, {{"Cmd", {"true"}}}, host_arch());
        inflate.write_index({m2}, "v1", false);
        write_all(path("inflate.tar"), layout_tar(path("inflate-layout"), ""));
        QVERIFY(read_all(path("inflate.tar")).size() < (1u << 20));
        const std::string state = h.state_dir() + "/images";
        for (const std::string f : {"bomb.tar.zst", "inflate.tar"}) {
            const json before = c.call("images.list")["result"];
            const auto layers_before = dir_entries(state + "/layers");
            json r = c.call("images.load", {{"path", path(f)}}, 120000);
            QVERIFY2(r.contains("error"), (f + ": " + r.dump()).c_str());
            QCOMPARE(reason(r), std::string("archive_too_large"));
            QCOMPARE(c.call("images.list")["result"], before);
            QCOMPARE(dir_entries(state + "/layers"), layers_before);
            QCOMPARE(dir_entries(state + "/blobs/.tmp"), std::vector<std::string>{});
            QProcess p;
            p.start(ctl(),
                    {"--host", QString::fromStdString(h.socket()), "load", "-i", QString::fromStdString(path(f))});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY(p.exitCode() != 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QVERIFY2(out.contains("more than a load may take"), qPrintable(out));
        }
        // Under the bound the same kind of archive loads (the bound is what refused them).
        HelperProcess roomy;
        QVERIFY2(roomy.start(), roomy.log().c_str());
        RawClient rc(roomy.socket());
        json ok = rc.call("images.load", {{"path", path("inflate.tar")}}, 120000);
        QVERIFY2(ok.contains("result"), ok.dump().c_str());
    }

    // SIGTERM while a load is staging: the helper cancels it, answers the caller, removes what
    // the load staged, and exits 0 (the worker joined, not cut off); the store is whole: the
    // next helper loads the same archive.
    void sigterm_during_load_leaves_a_whole_store()
    {
        HelperProcess h;
        QVERIFY2(h.start(), h.log().c_str());
        OciLayout big(path("big-layout"));
        // Random bytes (zeros would stage too fast to be caught in the act on a fast disk).
        std::string data(std::string::size_type(160) << 20, '\0');
        std::mt19937_64 rng(7);
        for (size_t i = 0; i + 8 <= data.size(); i += 8) {
            const uint64_t v = rng();
            std::memcpy(&data[i], &v, 8);
        }
        json m = big.add_image({make_layer({{"big", 'f', data}}, "")}, {{"Cmd", {"true"}}}, host_arch());
        data.clear();
        big.write_index({m}, "v1", false);
        write_all(path("big.tar"), layout_tar(path("big-layout"), ""));
        RawClient c(h.socket());
        QVERIFY(c.send_raw(
            json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "images.load"}, {"params", {{"path", path("big.tar")}}}}
                .dump() +
            "\n"));
        // Caught in the act: the load's staging directory has bytes in it.
        const std::string tmp = h.state_dir() + "/images/blobs/.tmp";
        bool staging = false;
        for (int i = 0; i < 20000 && !staging; ++i) {
            for (const auto& e : dir_entries(tmp))
                if (e.rfind("load-", 0) == 0 && !dir_entries(tmp + "/" + e).empty()) staging = true;
            if (!staging) std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        QVERIFY(staging);
        QCOMPARE(::kill(h.pid(), SIGTERM), 0);
        json r;
        do r = c.read_json(20000);  // progress notifications first
        while (!r.is_null() && !r.contains("id"));
        QVERIFY2(r.contains("error"), r.dump().c_str());  // answered, not cut off
        QVERIFY2(r["error"]["message"].get<std::string>().find("cancelled") != std::string::npos, r.dump().c_str());
        QVERIFY(h.stop());
        QVERIFY2(WIFEXITED(h.stop_status()) && WEXITSTATUS(h.stop_status()) == 0, h.log().c_str());
        QCOMPARE(dir_entries(tmp), std::vector<std::string>{});
        for (const auto& e : dir_entries(h.state_dir() + "/images/layers"))
            QVERIFY2(e.rfind(".tmp-", 0) != 0, e.c_str());
        // The next helper finds a whole store, and the load then completes.
        QVERIFY2(h.start(), h.log().c_str());
        RawClient again(h.socket());
        json ok = again.call("images.load", {{"path", path("big.tar")}}, 300000);
        QVERIFY2(ok.contains("result"), ok.dump().c_str());
        QVERIFY(h.stop());
        QVERIFY2(WIFEXITED(h.stop_status()) && WEXITSTATUS(h.stop_status()) == 0, h.log().c_str());
    }

    // onggictl save -o / load -i with output to pipes: progress lines on stderr as podman
    // shows them without a terminal (the first and last line of each phase, at most one per
    // 10 % between), ending at the total; the archive and the loaded image are right.
    void onggictl_load_and_save_show_progress()
    {
        OciLayout lay(path("progress-layout"));
        std::string data(std::string::size_type(24) << 20, '\0');
        std::mt19937_64 rng(11);
        for (size_t i = 0; i + 8 <= data.size(); i += 8) {
            const uint64_t v = rng();
            std::memcpy(&data[i], &v, 8);
        }
        const std::string bb = read_all(image::host_busybox_path());
        json m = lay.add_image(
            {make_layer({{"bin/busybox", 'f', bb, "", 0755}}, "gzip"), make_layer({{"big.bin", 'f', data}}, "")},
            {{"Cmd", {"true"}}}, host_arch());
        lay.write_index({m}, "v1", false);
        write_all(path("progress-in.tar"), layout_tar(path("progress-layout"), ""));
        json in = c_->call("images.load", {{"path", path("progress-in.tar")}}, 120000);
        QVERIFY2(in.contains("result"), in.dump().c_str());
        const std::string id = in["result"]["images"][0]["id"];
        QVERIFY(c_->call("images.tag", {{"image", id}, {"target", "test/progress:v1"}}).contains("result"));

        // Runs onggictl (stdout and stderr pipes); its progress lines by phase, in order.
        struct Phase {
            QString name;
            QStringList lines;
        };
        auto run = [&](const QStringList& args, QString* out, std::vector<Phase>* phases) {
            QProcess p;
            p.start(ctl(), QStringList{"--host", QString::fromStdString(helper_->socket())} + args);
            if (!p.waitForFinished(180000)) return -1;
            *out = QString::fromUtf8(p.readAllStandardOutput());
            const QString err = QString::fromUtf8(p.readAllStandardError());
            qInfo("%s", qPrintable(err));
            static const QRegularExpression re(QStringLiteral("^(.+): (.+)/(.+) \\((\\d+)%\\)$"));
            for (const QString& l : err.split('\n', Qt::SkipEmptyParts)) {
                if (l.contains('\r') || l.contains('\x1b')) return -2;  // terminal drawing into a pipe
                auto mt = re.match(l);
                if (!mt.hasMatch()) continue;
                if (phases->empty() || phases->back().name != mt.captured(1)) phases->push_back({mt.captured(1), {}});
                phases->back().lines << l;
            }
            return p.exitCode();
        };
        auto check_phases = [](const std::vector<Phase>& phases, const QStringList& names) {
            QStringList seen;
            for (const auto& ph : phases) seen << ph.name;
            if (seen != names) return "phases " + seen.join(" | ") + " instead of " + names.join(" | ");
            static const QRegularExpression re(QStringLiteral("^(.+): (.+)/(.+) \\((\\d+)%\\)$"));
            for (const auto& ph : phases) {
                if (ph.lines.size() > 12) return QString("%1 lines for %2").arg(ph.lines.size()).arg(ph.name);
                int pct = -1;
                for (const QString& l : ph.lines) {
                    const int p = re.match(l).captured(4).toInt();
                    if (p < pct) return "going back: " + l;
                    pct = p;
                }
                auto last = re.match(ph.lines.last());
                if (last.captured(2) != last.captured(3) || last.captured(4) != "100")
                    return "does not end at the total: " + ph.lines.last();
            }
            return QString();
        };

        QString out;
        std::vector<Phase> save;
        const std::string archive = path("progress-out.tar");
        QCOMPARE(run({"save", "-o", QString::fromStdString(archive), "test/progress:v1"}, &out, &save), 0);
        QString why = check_phases(save, {"Packing layers", "Writing the archive"});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(save[0].lines.last(), QString("Packing layers: 2/2 (100%)"));
        struct stat st;
        QCOMPARE(::stat(archive.c_str(), &st), 0);
        QVERIFY(st.st_size > (24 << 20));
        std::set<std::string> names;
        for (const auto& [n, d] : read_tar(archive)) names.insert(n);
        QVERIFY(names.count("manifest.json") && names.count("index.json"));

        // The id the archive holds (its gzip layer was packed anew): what the same save answers.
        json ref = c_->call("images.save", {{"images", {"test/progress:v1"}}, {"path", path("progress-ref.tar")}});
        QVERIFY2(ref.contains("result") && ref["result"]["id"] != json(id), ref.dump().c_str());
        QCOMPARE(onggictl({"rmi", "test/progress:v1"}), 0);
        std::vector<Phase> load;
        QCOMPARE(run({"load", "-i", QString::fromStdString(archive)}, &out, &load), 0);
        why = check_phases(load, {"Reading the archive", "Unpacking layers"});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(load[1].lines.last(), QString("Unpacking layers: 2/2 (100%)"));
        QCOMPARE(out, QString("Loaded image: test/progress:v1\n"));  // stdout: the result only
        QCOMPARE(c_->call("images.inspect", {{"image", "test/progress:v1"}})["result"]["image"]["id"],
                 ref["result"]["id"]);

        // On a terminal (script(1) gives onggictl a pty): one line redrawn in place, ended once.
        QProcess tty;
        tty.start("script", {"-qefc",
                             QStringList{ctl(), "--host", QString::fromStdString(helper_->socket()), "save", "-o",
                                         QString::fromStdString(path("progress-tty.tar")), "test/progress:v1"}
                                 .join(' '),
                             "/dev/null"});
        QVERIFY(tty.waitForFinished(180000));
        QCOMPARE(tty.exitCode(), 0);
        const QString drawn = QString::fromUtf8(tty.readAllStandardOutput());
        const QString first = drawn.section('\n', 0, 0);
        QVERIFY2(first.startsWith("\r\x1b[2KPacking layers: ") && first.count("\r\x1b[2K") >= 3,
                 qPrintable(drawn.toUtf8().toPercentEncoding(" :/()%")));
        static const QRegularExpression end(
            QStringLiteral("\r\x1b\\[2KWriting the archive: ([^/]+)/\\1 \\(100%\\)\r?$"));
        QVERIFY2(end.match(first).hasMatch(), qPrintable(drawn.toUtf8().toPercentEncoding(" :/()%")));
        QCOMPARE(read_all(path("progress-tty.tar")), read_all(path("progress-ref.tar")));

        // -q: no progress at all.
        QCOMPARE(onggictl({"rmi", "test/progress:v1"}), 0);
        QProcess q;
        q.start(ctl(), {"--host", QString::fromStdString(helper_->socket()), "load", "-q", "-i",
                        QString::fromStdString(archive)});
        QVERIFY(q.waitForFinished(180000));
        QCOMPARE(q.exitCode(), 0);
        QCOMPARE(q.readAllStandardError(), QByteArray());
        QVERIFY(c_->call("images.remove", {{"image", "test/progress:v1"}}).contains("result"));
    }

    // SIGTERM while a commit packs a big writable layer (256 MiB written by exec): the packing
    // stops at once, the caller is answered (bad_state, reason helper_stopping), nothing of the
    // commit is stored (no image, no new layer, no temp file), and the container, paused for the
    // commit, runs again.
    void sigterm_during_commit_stops_and_keeps_nothing()
    {
        HelperProcess h;
        QVERIFY2(h.start(), h.log().c_str());
        RawClient c(h.socket());
        // A failure after the SIGTERM below leaves the helper down or going: it is started
        // again so that its destructor removes the container (else it would outlive the test).
        struct Restart {
            HelperProcess& h;
            bool passed = false;
            ~Restart()
            {
                if (passed) return;
                (void)h.stop();
                (void)h.start();
            }
        } restart{h};
        const std::string id = h.create_and_start(c, {{"image", "busybox"}, {"cmd", {"sleep", "3600"}}});
        QVERIFY(!id.empty());
        json dd =
            c.call("container.exec",
                   {{"id", id}, {"cmd", {"sh", "-c", "dd if=/dev/urandom of=/big bs=1M count=256 2>&1"}}}, 180000);
        QVERIFY2(dd.contains("result") && dd["result"]["exit_code"] == 0, dd.dump().c_str());
        const std::string images = h.state_dir() + "/images";
        const auto layers_before = dir_entries(images + "/layers");
        const json list_before = c.call("images.list")["result"];
        QVERIFY(c.send_raw(json{{"jsonrpc", "2.0"},
                                {"id", 1},
                                {"method", "images.commit"},
                                {"params", {{"container", id}, {"image", "test/termed:v1"}}}}
                               .dump() +
                           "\n"));
        // Caught in the act: the packed tar is being written.
        const std::string tmp = images + "/blobs/.tmp";
        bool packing = false;
        for (int i = 0; i < 40000 && !packing; ++i) {
            for (const auto& e : dir_entries(tmp)) {
                struct stat st;
                if (e.rfind("commit-", 0) == 0 && ::stat((tmp + "/" + e).c_str(), &st) == 0 && st.st_size > 0)
                    packing = true;
            }
            if (!packing) std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        QVERIFY(packing);
        const auto t0 = std::chrono::steady_clock::now();
        QCOMPARE(::kill(h.pid(), SIGTERM), 0);
        json r;
        // No bound on the time: the proof that packing stopped is the answer (a commit that ran on
        // would be answered with its image) and what is left on disk. A deadline only ends a hang
        // (the emulated v2 guest took 15 s where this host takes 0.4 s).
        do r = c.read_json(120000);
        while (!r.is_null() && !r.contains("id"));
        const auto answered = std::chrono::steady_clock::now() - t0;
        QVERIFY2(r.contains("error"), r.dump().c_str());  // answered, and not with an image
        QCOMPARE(errc(r), std::string("bad_state"));
        QCOMPARE(reason(r), std::string("helper_stopping"));
        QVERIFY(h.stop());
        QVERIFY2(WIFEXITED(h.stop_status()) && WEXITSTATUS(h.stop_status()) == 0, h.log().c_str());
        qInfo("answered %lld ms after SIGTERM",
              (long long)std::chrono::duration_cast<std::chrono::milliseconds>(answered).count());
        QCOMPARE(dir_entries(tmp), std::vector<std::string>{});
        QCOMPARE(dir_entries(images + "/layers"), layers_before);
        // The next helper: no new image, and the container runs (not left paused).
        QVERIFY2(h.start(), h.log().c_str());
        RawClient again(h.socket());
        QCOMPARE(again.call("images.list")["result"], list_before);
        json in = again.call("container.inspect", {{"id", id}});
        QCOMPARE(in["result"]["container"]["state"], json("running"));
        json ls = again.call("container.exec", {{"id", id}, {"cmd", {"ls", "-l", "/big"}}});
        QVERIFY2(ls.contains("result") && ls["result"]["exit_code"] == 0, ls.dump().c_str());
        QVERIFY(again.call("container.remove", {{"id", id}, {"force", true}}).contains("result"));
        restart.passed = true;
    }

    // The free-disk reserve of a load: the state dir on a 320 MiB tmpfs (mounted in a mount
    // namespace of this test's own). A 64 MiB archive would leave less than 256 MiB free: it is
    // refused (archive_too_large, "the disk would be full") with nothing left staged or
    // unpacked and the space given back; a small archive loads on the same disk.
    void load_keeps_the_disk_reserve()
    {
        // This thread's own mount namespace (the helper it forks inherits it); nothing the host sees.
        QCOMPARE(::unshare(CLONE_NEWNS), 0);
        QCOMPARE(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr), 0);
        HelperProcess h;
        QVERIFY(QDir().mkpath(QString::fromStdString(h.state_dir())));
        QCOMPARE(::mount("tmpfs", h.state_dir().c_str(), "tmpfs", 0, "size=320m,mode=0700"), 0);
        struct Unmount {
            std::string dir;
            ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
        } unmount{h.state_dir()};
        QVERIFY2(h.start(), h.log().c_str());
        auto free_bytes = [&] {
            struct statvfs sv;
            return ::statvfs(h.state_dir().c_str(), &sv) == 0 ? uint64_t(sv.f_bavail) * sv.f_frsize : 0;
        };
        auto archive = [&](const std::string& name, size_t bytes) {
            OciLayout lay(path(name + "-layout"));
            std::string data(bytes, '\0');
            std::mt19937_64 rng(bytes);
            for (size_t i = 0; i + 8 <= data.size(); i += 8) {
                const uint64_t v = rng();
                std::memcpy(&data[i], &v, 8);
            }
            json m = lay.add_image({make_layer({{name + ".bin", 'f', data}}, "")}, {{"Cmd", {"true"}}}, host_arch());
            lay.write_index({m}, "v1", false);
            write_all(path(name + ".tar"), layout_tar(path(name + "-layout"), ""));
            return path(name + ".tar");
        };
        RawClient c(h.socket());
        const std::string images = h.state_dir() + "/images";
        const json list_before = c.call("images.list")["result"];
        const auto layers_before = dir_entries(images + "/layers");
        const uint64_t free_before = free_bytes();
        QVERIFY2(free_before > (300u << 20), std::to_string(free_before).c_str());
        const std::string big = archive("reserve-big", size_t(64) << 20);
        json r = c.call("images.load", {{"path", big}}, 120000);
        QVERIFY2(r.contains("error"), r.dump().c_str());
        QCOMPARE(reason(r), std::string("archive_too_large"));
        QVERIFY2(r["error"]["message"].get<std::string>().find("the disk would be full") != std::string::npos,
                 r.dump().c_str());
        QCOMPARE(c.call("images.list")["result"], list_before);
        QCOMPARE(dir_entries(images + "/layers"), layers_before);
        QCOMPARE(dir_entries(images + "/blobs/.tmp"), std::vector<std::string>{});
        QVERIFY2(free_bytes() + (1u << 20) >= free_before,
                 (std::to_string(free_bytes()) + " free now, " + std::to_string(free_before) + " before").c_str());
        // onggictl says it in words.
        QProcess p;
        p.start(ctl(), {"--host", QString::fromStdString(h.socket()), "load", "-q", "-i", QString::fromStdString(big)});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY(p.exitCode() != 0);
        const QString said = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(said.contains("the disk would be full"), qPrintable(said));
        // A small archive fits above the reserve and loads.
        json ok = c.call("images.load", {{"path", archive("reserve-small", size_t(4) << 20)}}, 120000);
        QVERIFY2(ok.contains("result"), ok.dump().c_str());
        QVERIFY(h.stop());
    }
};

QTEST_GUILESS_MAIN(TstImageArchive)
#include "tst_image_archive.moc"

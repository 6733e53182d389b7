// images.pull against a real registry (docker-registry on 127.0.0.1, images pushed by skopeo from
// OCI layouts built here) and against a test server that misbehaves on purpose; then real
// containers from the pulled images.
#include "engine/image/builtin_rootfs.h"
#include "helper_fixture.h"
#include "image_fixture.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
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

std::string errc(const json& r) { return r.contains("error") ? r["error"]["data"].value("errc", "") : ""; }
std::string errmsg(const json& r) { return r.contains("error") ? r["error"].value("message", "") : ""; }

std::vector<std::string> dir_entries(const std::string& d)
{
    std::vector<std::string> out;
    for (const auto& e : QDir(QString::fromStdString(d))
                             .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden | QDir::System))
        out.push_back(e.toStdString());
    return out;
}

}  // namespace

class TstImagePull : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<Registry> reg_;
    std::unique_ptr<HelperProcess> helper_;
    std::unique_ptr<RawClient> c_;
    std::string a_config_, b_config_, other_config_;
    LayerBlob l1_, l2_, l3_, l4_, evil_;
    int serial_ = 0;

    std::string layout(const std::string& name) const { return tmp_.path().toStdString() + "/" + name; }

    json pull(RawClient& c, const std::string& image, const json& auth = nullptr)
    {
        json p = {{"image", image}};
        if (!auth.is_null()) p["auth"] = auth;
        return c.call("images.pull", p, 120000);
    }

    std::string run_and_logs(const json& create) { return run_to_exit(*c_, create); }

    std::string layers_dir() const { return helper_->state_dir() + "/images/layers"; }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
        if (::access("/usr/bin/docker-registry", X_OK) != 0 || ::access("/usr/bin/skopeo", X_OK) != 0)
            QSKIP("docker-registry and skopeo are needed (scripts/setup-deps)");
        const std::string bb = read_all(image::host_busybox_path());
        QVERIFY(!bb.empty());
        // Base layer (gzip): busybox, a hardlink, a symlink, a setuid file, an xattr, files that
        // later layers delete or hide.
        l1_ = make_layer({{"bin/", 'd', "", "", 0755},
                          {"bin/busybox", 'f', bb, "", 0755},
                          {"bin/sh", 'l', "", "busybox"},
                          {"etc/", 'd', "", "", 0755},
                          {"etc/base.txt", 'f', "base\n"},
                          {"etc/passwd", 'f', "root:x:0:0:root:/root:/bin/sh\napp:x:1234:4321:app:/data:/bin/sh\n"},
                          {"del/gone.txt", 'f', "gone\n"},
                          {"del/stays.txt", 'f', "stays\n"},
                          {"opq/old1", 'f', "old\n"},
                          {"data/", 'd', "", "", 0755},
                          {"data/a.txt", 'f', "A\n", "", 0644, 0, 0, 0, 0, {{"user.origin", "layer1"}}},
                          {"data/b.txt", 'h', "", "data/a.txt"},
                          {"suid", 'f', "s", "", 04755}},
                         "gzip");
        // zstd layer: a deletion, an opaque directory, an addition.
        l2_ = make_layer({{"del/.wh.gone.txt", 'f'},
                          {"opq/", 'd', "", "", 0755},
                          {"opq/.wh..wh..opq", 'f'},
                          {"opq/new1", 'f', "new\n"},
                          {"etc/added.txt", 'f', "added\n"}},
                         "zstd");
        l3_ = make_layer({{"data/c.txt", 'f', "C\n"}}, "");
        l4_ = make_layer({{"b-only.txt", 'f', "b\n"}}, "gzip");
        evil_ = make_layer(
            {{"ok.txt", 'f', "x"}, {"../../../../../../tmp/onggi-evil-" + std::to_string(::getpid()), 'f', "pwned"}},
            "gzip");

        OciLayout a(layout("a"));
        json ma = a.add_image({l1_, l2_, l3_},
                              {{"Entrypoint", {"/bin/busybox"}},
                               {"Cmd", {"sh", "-c", "echo $FOO; pwd; id -u; id -g"}},
                               {"Env", {"PATH=/bin", "FOO=bar"}},
                               {"WorkingDir", "/data"},
                               {"User", "app"}},
                              host_arch(), &a_config_);
        a.write_index({ma}, "v1", false);
        OciLayout b(layout("b"));
        json mb = b.add_image({l1_, l4_}, {{"Cmd", {"/bin/sh"}}}, host_arch(), &b_config_);
        b.write_index({mb}, "v1", false);
        const std::string other = host_arch() == "s390x" ? "riscv64" : "s390x";
        OciLayout m(layout("multi"));
        json m1 = m.add_image({l1_, l2_, l3_},
                              {{"Entrypoint", {"/bin/busybox"}},
                               {"Cmd", {"sh", "-c", "echo $FOO; pwd; id -u; id -g"}},
                               {"Env", {"PATH=/bin", "FOO=bar"}},
                               {"WorkingDir", "/data"},
                               {"User", "app"}},
                              host_arch());
        json m2 = m.add_image({l4_}, {}, other, &other_config_);
        m.write_index({m2, m1}, "v1", true);
        OciLayout n(layout("noplat"));
        n.write_index({n.add_image({l4_}, {}, other)}, "v1", true);
        OciLayout e(layout("evil"));
        e.write_index({e.add_image({l1_, evil_}, {})}, "v1", false);

        reg_ = std::make_unique<Registry>();
        QVERIFY2(reg_->start(), reg_->log().c_str());
        for (auto [name, all] : {std::pair<std::string, bool>{"a", false},
                                 {"b", false},
                                 {"multi", true},
                                 {"noplat", true},
                                 {"evil", false}}) {
            std::string log;
            QVERIFY2(skopeo_push(layout(name), "v1", reg_->host() + "/test/" + name + ":v1", all, {}, &log),
                     log.c_str());
        }
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start({"--registry-timeout", "2"}), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
    }

    void cleanupTestCase()
    {
        c_.reset();
        helper_.reset();
        reg_.reset();
    }

    void pull_then_run_sees_the_union()
    {
        RawClient c(helper_->socket());
        json r = pull(c, reg_->host() + "/test/a:v1");
        QVERIFY2(r.contains("result"), (r.dump() + helper_->log()).c_str());
        QCOMPARE(r["result"]["image"]["id"].get<std::string>(), a_config_);
        QCOMPARE(r["result"]["image"]["layers"], json({l1_.diff_id, l2_.diff_id, l3_.diff_id}));
        // Progress came as notifications: the pull id first, then every layer through done.
        QVERIFY(!c.notifications.empty());
        QCOMPARE(c.notifications.front()["params"]["phase"].get<std::string>(), std::string("started"));
        std::set<std::string> done;
        bool bytes = false;
        for (const auto& n : c.notifications) {
            if (n["params"].value("phase", "") == "done") done.insert(n["params"]["layer"].get<std::string>());
            if (n["params"].value("phase", "") == "downloading" && n["params"].value("current", 0) > 0) bytes = true;
        }
        QCOMPARE(done.size(), size_t(3));
        QVERIFY(bytes);

        // The image's Entrypoint + Cmd, Env, WorkingDir and User (a name from its /etc/passwd).
        const std::string img = reg_->host() + "/test/a:v1";
        QCOMPARE(run_and_logs({{"image", img}}), std::string("bar\n/data\n1234\n4321\n"));
        // The union of the three layers: deletion, opaque dir, hardlink, symlink, setuid.
        std::string out = run_and_logs({{"image", img},
                                        {"user", "0"},
                                        {"cmd",
                                         {"sh", "-c",
                                          "cat /etc/base.txt /etc/added.txt /data/b.txt /data/c.txt; ls /del; ls /opq; "
                                          "stat -c '%a %h' /suid /data/a.txt; readlink /bin/sh"}}});
        QCOMPARE(out, std::string("base\nadded\nA\nC\nstays.txt\nnew1\n4755 1\n644 2\nbusybox\n"));
        // The xattr is in the layer as the image had it.
        char buf[64] = {};
        ssize_t n = ::getxattr((layers_dir() + "/" + l1_.diff_id.substr(7) + "/data/a.txt").c_str(), "user.origin", buf,
                               sizeof buf);
        QCOMPARE(std::string(buf, n > 0 ? size_t(n) : 0), std::string("layer1"));
        // images.list shows it by its name.
        json list = c_->call("images.list");
        bool found = false;
        for (const auto& i : list["result"]["images"]) found |= i["name"] == reg_->host() + "/test/a";
        QVERIFY(found);
    }

    void shared_layer_is_stored_once()
    {
        json r = pull(*c_, reg_->host() + "/test/b:v1");
        QVERIFY2(r.contains("result"), r.dump().c_str());
        QCOMPARE(r["result"]["image"]["layers"][0].get<std::string>(), l1_.diff_id);
        // One directory for the base layer, used by both images: the same inode for its files.
        const std::string base = layers_dir() + "/" + l1_.diff_id.substr(7);
        struct stat st;
        QCOMPARE(::stat((base + "/bin/busybox").c_str(), &st), 0);
        std::vector<std::string> dirs = dir_entries(layers_dir());
        int n = 0;
        for (const auto& d : dirs) n += d == l1_.diff_id.substr(7);
        QCOMPARE(n, 1);
        // Both containers see the same file (same device and inode through overlayfs' lower).
        std::string ino = std::to_string(st.st_ino);
        QCOMPARE(run_and_logs({{"image", reg_->host() + "/test/b:v1"},
                               {"cmd", {"/bin/busybox", "stat", "-c", "%i", "/bin/busybox"}}}),
                 ino + "\n");
        QCOMPARE(
            run_and_logs(
                {{"image", reg_->host() + "/test/a:v1"}, {"user", "0"}, {"cmd", {"stat", "-c", "%i", "/bin/busybox"}}}),
            ino + "\n");
        // A pull of what is there downloads no layer again.
        RawClient c(helper_->socket());
        json again = pull(c, reg_->host() + "/test/b:v1");
        QVERIFY(again.contains("result"));
        for (const auto& nn : c.notifications) QVERIFY(nn["params"].value("phase", "") != "downloading");
    }

    void inspect_history_and_shared_size()
    {
        const std::string a = reg_->host() + "/test/a:v1", b = reg_->host() + "/test/b:v1";
        QVERIFY(pull(*c_, a).contains("result"));
        QVERIFY(pull(*c_, b).contains("result"));
        json in = c_->call("images.inspect", {{"image", a}});
        QVERIFY2(in.contains("result"), in.dump().c_str());
        const json& img = in["result"]["image"];
        QCOMPARE(img["config"]["entrypoint"], json({"/bin/busybox"}));
        QCOMPARE(img["config"]["working_dir"].get<std::string>(), std::string("/data"));
        QCOMPARE(img["config"]["user"].get<std::string>(), std::string("app"));
        QCOMPARE(img["architecture"].get<std::string>(), host_arch());
        QCOMPARE(img["layer_sizes"].size(), size_t(3));
        json h = c_->call("images.history", {{"image", a}});
        QVERIFY2(h.contains("result"), h.dump().c_str());
        QCOMPARE(h["result"]["history"].size(), size_t(3));
        QCOMPARE(h["result"]["history"][0]["layer"].get<std::string>(), l3_.diff_id);  // newest first
        QCOMPARE(h["result"]["history"][2]["created_by"].get<std::string>(), "test layer " + l1_.diff_id.substr(7, 8));
        // Shared size: the base layer (busybox and all) is used by both a and b.
        json list = c_->call("images.list");
        uint64_t base = img["layer_sizes"][0]["size"];
        QVERIFY(base > 500000);
        for (const auto& i : list["result"]["images"]) {
            if (i["name"] == reg_->host() + "/test/a" || i["name"] == reg_->host() + "/test/b") {
                QCOMPARE(i["shared_size"].get<uint64_t>(), base);
                QCOMPARE(i["shared_size"].get<uint64_t>() + i["unique_size"].get<uint64_t>(),
                         i["size"].get<uint64_t>());
            }
        }
        QCOMPARE(errc(c_->call("images.inspect", {{"image", "nothing:here"}})), std::string("not_found"));
        QCOMPARE(errc(c_->call("images.inspect", {{"image", a}, {"bogus", 1}})), std::string("invalid_argument"));
    }

    void index_resolves_to_the_host_platform()
    {
        json r = pull(*c_, reg_->host() + "/test/multi:v1");
        QVERIFY2(r.contains("result"), r.dump().c_str());
        QCOMPARE(r["result"]["image"]["id"].get<std::string>(), a_config_);
        json none = pull(*c_, reg_->host() + "/test/noplat:v1");
        QCOMPARE(errc(none), std::string("not_found"));
        QVERIFY2(errmsg(none).find("platform") != std::string::npos, none.dump().c_str());
    }

    void unsafe_layer_is_refused_and_leaves_nothing()
    {
        const std::string target = "/tmp/onggi-evil-" + std::to_string(::getpid());
        json r = pull(*c_, reg_->host() + "/test/evil:v1");
        QCOMPARE(errc(r), std::string("invalid_argument"));
        QVERIFY2(errmsg(r).find("unsafe layer entry") != std::string::npos, r.dump().c_str());
        QVERIFY(::access(target.c_str(), F_OK) != 0);
        QVERIFY(::access((layers_dir() + "/" + evil_.diff_id.substr(7)).c_str(), F_OK) != 0);
        for (const auto& d : dir_entries(layers_dir())) QVERIFY2(d.rfind(".tmp-", 0) != 0, d.c_str());
        json list = c_->call("images.list");
        for (const auto& i : list["result"]["images"]) QVERIFY(i["name"] != reg_->host() + "/test/evil");
    }

    void basic_auth()
    {
        Registry secured;
        QVERIFY2(secured.start("alice:s3cret pass"), secured.log().c_str());
        std::string log;
        QVERIFY2(skopeo_push(layout("b"), "v1", secured.host() + "/test/b:v1", false, "alice:s3cret pass", &log),
                 log.c_str());
        json anon = pull(*c_, secured.host() + "/test/b:v1");
        QCOMPARE(errc(anon), std::string("permission_denied"));
        json wrong = pull(*c_, secured.host() + "/test/b:v1", {{"username", "alice"}, {"password", "nope"}});
        QCOMPARE(errc(wrong), std::string("permission_denied"));
        json ok = pull(*c_, secured.host() + "/test/b:v1", {{"username", "alice"}, {"password", "s3cret pass"}});
        QVERIFY2(ok.contains("result"), ok.dump().c_str());
        // The password is nowhere in the helper's state.
        QProcess grep;
        grep.start("grep", {"-rl", "s3cret", QString::fromStdString(helper_->state_dir())});
        grep.waitForFinished();
        QCOMPARE(grep.readAll().trimmed(), QByteArray());
    }

    void bearer_token_and_redirect_without_authorization()
    {
        // Blobs redirect to another host (127.0.0.2), which must never see the Authorization header.
        TestServer storage(layout_registry(layout("b"), "v1"), "127.0.0.2");
        const std::string token = "tok-" + std::to_string(::getpid());
        std::unique_ptr<TestServer> realm;
        realm = std::make_unique<TestServer>([&](const HttpRequest& rq) -> HttpResponse {
            if (rq.query.find("scope=repository%3Atest%2Fb%3Apull") == std::string::npos &&
                rq.query.find("scope=repository:test/b:pull") == std::string::npos)
                return {400, {}, "bad scope"};
            return {200, {{"Content-Type", "application/json"}}, json({{"token", token}}).dump()};
        });
        auto serve = layout_registry(layout("b"), "v1");
        TestServer reg([&](const HttpRequest& rq) -> HttpResponse {
            auto it = rq.headers.find("authorization");
            if (it == rq.headers.end() || it->second != "Bearer " + token)
                return {401,
                        {{"WWW-Authenticate", "Bearer realm=\"http://" + realm->host() +
                                                  "/token\",service=\"test\",scope=\"repository:test/b:pull\""}},
                        "{}"};
            if (rq.path.find("/blobs/") != std::string::npos)
                return {307, {{"Location", "http://" + storage.host() + rq.path}}, ""};
            return serve(rq);
        });
        // A new tag, so that nothing is already there... the layers are (b was pulled): remove b.
        json rm = c_->call("images.remove", {{"image", reg_->host() + "/test/b:v1"}, {"force", true}});
        json r = pull(*c_, reg.host() + "/test/b:v1");
        QVERIFY2(r.contains("result"), (r.dump() + helper_->log()).c_str());
        bool redirected = false;
        for (const auto& rq : storage.requests()) {
            redirected = true;
            QVERIFY2(rq.headers.count("authorization") == 0, "Authorization was sent to the redirect target");
        }
        QVERIFY(redirected);
    }

    void misbehaving_registry_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expect_errc");
        QTest::newRow("digest mismatch") << 0 << "invalid_argument";
        QTest::newRow("longer than declared") << 1 << "invalid_argument";
        QTest::newRow("stalls") << 2 << "timeout";
        QTest::newRow("redirect to plain http elsewhere") << 3 << "system";
    }
    void misbehaving_registry()
    {
        QFETCH(int, mode);
        QFETCH(QString, expect_errc);
        // A fresh image (its own layer) so nothing is already in the store.
        const std::string name = "bad" + std::to_string(++serial_);
        OciLayout lay(layout(name));
        LayerBlob own = make_layer({{"own-" + name, 'f', std::string(200000, 'x')}}, "gzip");
        lay.write_index({lay.add_image({own}, {})}, "v1", false);
        const std::string own_digest = sha256_digest(own.blob);
        auto serve = layout_registry(layout(name), "v1");
        TestServer reg([&](const HttpRequest& rq) -> HttpResponse {
            HttpResponse r = serve(rq);
            if (rq.path.find("/blobs/" + own_digest) == std::string::npos) return r;
            if (mode == 0) r.body[100] ^= 1;
            if (mode == 1) r.body += std::string(5000, 'y');
            if (mode == 2) r.stall_ms = 8000;
            if (mode == 3) return {307, {{"Location", "http://10.255.255.1:5000/blob"}}, ""};
            return r;
        });
        // mode 3: a redirect to plain http on a host neither loopback nor listed: refused before connecting.
        const std::string image = reg.host() + "/test/" + name + ":v1";
        json r = pull(*c_, image);
        QCOMPARE(QString::fromStdString(errc(r)), expect_errc);
        const char* says[] = {"digest mismatch", "declared", "no data for", "plain http"};
        QVERIFY2(errmsg(r).find(says[mode]) != std::string::npos, r.dump().c_str());
        QVERIFY(::access((layers_dir() + "/" + own.diff_id.substr(7)).c_str(), F_OK) != 0);
        QVERIFY(::access((helper_->state_dir() + "/images/blobs/sha256/" + own_digest.substr(7)).c_str(), F_OK) != 0);
        for (const auto& d : dir_entries(layers_dir())) QVERIFY2(d.rfind(".tmp-", 0) != 0, d.c_str());
    }

    void onggictl_pull_and_run_of_an_absent_image()
    {
        const QString ctl = QString::fromStdString(build_dir() + "/cli/onggictl");
        const QString host = QString::fromStdString(helper_->socket());
        const QString img = QString::fromStdString(reg_->host() + "/test/a:v1");
        c_->call("images.remove", {{"image", img.toStdString()}, {"force", true}});
        QProcess pull;
        pull.start(ctl, {"--host", host, "pull", img});
        QVERIFY(pull.waitForFinished(120000));
        const QString out = QString::fromUtf8(pull.readAllStandardOutput());
        QVERIFY2(pull.exitCode() == 0, qPrintable(out + pull.readAllStandardError()));
        // Not a terminal: one plain line per layer phase, then docker's summary.
        QCOMPARE(out.count(QStringLiteral(": Pull complete")) + out.count(QStringLiteral(": Already exists")), 3);
        QVERIFY2(out.contains(QStringLiteral("Status: Downloaded ") + img), qPrintable(out));
        QVERIFY(!out.contains(QLatin1Char('\x1b')));

        // run of an image that is not here pulls it first (progress on stderr, as docker).
        c_->call("images.remove", {{"image", img.toStdString()}, {"force", true}});
        QProcess run;
        run.start(ctl, {"--host", host, "run", "--rm", img});
        QVERIFY(run.waitForFinished(120000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(run.readAllStandardOutput()), QStringLiteral("bar\n/data\n1234\n4321\n"));
        QVERIFY2(err.contains(QStringLiteral("Unable to find image")), qPrintable(err));
        // An image that is nowhere: the registry's not_found, exit code 125.
        QProcess none;
        none.start(ctl, {"--host", host, "run", "--rm", QString::fromStdString(reg_->host() + "/test/nothing:v1")});
        QVERIFY(none.waitForFinished(60000));
        QCOMPARE(none.exitCode(), 125);
    }

    // tag, system df, and garbage collection: a second name; orphans (a blob and a layer nothing
    // names, as a killed and never retried pull leaves) reported by df and removed by prune,
    // while what an image uses stays; prune --all then removes the unused image and everything of it.
    void tag_df_and_prune()
    {
        const std::string name = "gc";
        OciLayout lay(layout(name));
        LayerBlob own = make_layer({{"gc-" + name, 'f', std::string(300000, 'g')}}, "gzip");
        lay.write_index({lay.add_image({own}, {})}, "v1", false);
        TestServer reg(layout_registry(layout(name), "v1"));
        const std::string image = reg.host() + "/test/" + name + ":v1";
        json r = pull(*c_, image);
        QVERIFY2(r.contains("result"), r.dump().c_str());
        const std::string id = r["result"]["image"]["id"];
        const std::string blobs = helper_->state_dir() + "/images/blobs/sha256/";
        QVERIFY(::access((blobs + id.substr(7)).c_str(), F_OK) == 0);

        json t = c_->call("images.tag", {{"image", image}, {"target", "gc-copy:v2"}});
        QVERIFY2(t.contains("result"), t.dump().c_str());
        QVERIFY(c_->call("images.inspect", {{"image", "gc-copy:v2"}})["result"]["image"]["id"] == id);
        QCOMPARE(errc(c_->call("images.tag", {{"image", image}, {"target", "Bad Name!"}})),
                 std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("images.tag", {{"image", "nothing-here:v9"}, {"target", "x:y"}})),
                 std::string("not_found"));

        // Orphans: a verified-looking blob and an unpacked layer that no record names.
        const std::string orphan_data(123456, 'o');
        const std::string orphan_blob = sha256_digest(orphan_data);
        {
            std::ofstream(blobs + orphan_blob.substr(7), std::ios::binary) << orphan_data;
        }
        const std::string orphan_layer = layers_dir() + "/" + std::string(64, 'e');
        QVERIFY(::mkdir(orphan_layer.c_str(), 0755) == 0);
        {
            std::ofstream(orphan_layer + "/f", std::ios::binary) << std::string(200000, 'l');
        }

        json df = c_->call("system.df");
        QVERIFY2(df.contains("result"), df.dump().c_str());
        const json& im = df["result"]["images"];
        QVERIFY(im["unused_blobs"].get<int>() >= 1);
        QVERIFY(im["unused_layers"].get<int>() >= 1);
        QVERIFY(im["reclaimable"].get<uint64_t>() >= 123456 + 200000 + 300000);  // the orphans and the unused image
        QVERIFY(im["size"].get<uint64_t>() >= im["reclaimable"].get<uint64_t>());

        json pr = c_->call("images.prune", json::object());
        QVERIFY2(pr.contains("result"), pr.dump().c_str());
        QVERIFY(pr["result"]["deleted"].empty());  // the image has names: not dangling
        QVERIFY(pr["result"]["blobs"].get<int>() >= 1);
        QVERIFY(pr["result"]["layers"].get<int>() >= 1);
        QVERIFY(pr["result"]["reclaimed"].get<uint64_t>() >= 123456 + 200000);
        QVERIFY(::access((blobs + orphan_blob.substr(7)).c_str(), F_OK) != 0);
        QVERIFY(::access(orphan_layer.c_str(), F_OK) != 0);
        // What the image uses stays: its layer, its config.
        QVERIFY(::access((layers_dir() + "/" + own.diff_id.substr(7)).c_str(), F_OK) == 0);
        QVERIFY(::access((blobs + id.substr(7)).c_str(), F_OK) == 0);

        json all = c_->call("images.prune", {{"all", true}});
        QVERIFY2(all.contains("result"), all.dump().c_str());
        bool gone = false;
        for (const auto& d : all["result"]["deleted"]) gone |= d == id;
        QVERIFY(gone);
        QVERIFY(::access((layers_dir() + "/" + own.diff_id.substr(7)).c_str(), F_OK) != 0);
        QVERIFY(::access((blobs + id.substr(7)).c_str(), F_OK) != 0);
        QVERIFY(c_->call("images.inspect", {{"image", "gc-copy:v2"}}).contains("error"));
        // The built-in image and images that containers use are never pruned.
        QVERIFY(c_->call("images.inspect", {{"image", "busybox"}}).contains("result"));
        // Other tests' images were pulled again where needed; pull a and b back for them.
        QVERIFY(pull(*c_, reg_->host() + "/test/a:v1").contains("result"));
        QVERIFY(pull(*c_, reg_->host() + "/test/b:v1").contains("result"));
    }

    void kill9_mid_pull_then_the_pull_completes()
    {
        const std::string name = "killed";
        OciLayout lay(layout(name));
        LayerBlob fast = make_layer({{"fast.txt", 'f', "fast\n"}}, "gzip");
        LayerBlob slow = make_layer({{"slow.bin", 'f', std::string(1 << 20, 's')}}, "gzip");
        lay.write_index({lay.add_image({fast, slow}, {})}, "v1", false);
        const std::string slow_digest = sha256_digest(slow.blob);
        std::atomic<bool> stall{true};
        auto serve = layout_registry(layout(name), "v1");
        TestServer reg([&](const HttpRequest& rq) -> HttpResponse {
            HttpResponse r = serve(rq);
            if (stall && rq.path.find("/blobs/" + slow_digest) != std::string::npos) r.stall_ms = 1500;
            return r;
        });
        const std::string image = reg.host() + "/test/" + name + ":v1";
        RawClient c(helper_->socket());
        c.send_raw(
            json({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "images.pull"}, {"params", {{"image", image}}}}).dump() +
            "\n");
        // Kill once the fast layer is done and the slow one is half-sent.
        json done = c.wait_notification("images.pull.progress", 20000,
                                        [](const json& j) { return j["params"].value("phase", "") == "done"; });
        QVERIFY(!done.is_null());
        helper_->kill9();
        c_.reset();
        QVERIFY(::access((layers_dir() + "/" + slow.diff_id.substr(7)).c_str(), F_OK) != 0);
        QVERIFY2(helper_->start({"--registry-timeout", "2"}), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
        // Nothing half visible: no temp layer, no temp blob, no record.
        for (const auto& d : dir_entries(layers_dir())) QVERIFY2(d.rfind(".tmp-", 0) != 0, d.c_str());
        QVERIFY(dir_entries(helper_->state_dir() + "/images/blobs/.tmp").empty());
        json list = c_->call("images.list");
        for (const auto& i : list["result"]["images"]) QVERIFY(i["name"] != reg.host() + "/test/" + name);
        stall = false;
        RawClient c2(helper_->socket());
        json r = pull(c2, image);
        QVERIFY2(r.contains("result"), (r.dump() + helper_->log()).c_str());
        // The fast layer, unpacked (while it downloaded) before the kill, was kept at the
        // restart (an unused layer younger than kUnusedLayerGrace): not downloaded again.
        const std::string fast_id = sha256_digest(fast.blob).substr(7, 12);
        bool fast_downloaded = false, fast_seen = false;
        for (const auto& n : c2.notifications) {
            if (n["params"].value("layer", "") != fast_id) continue;
            fast_seen = true;
            fast_downloaded |= n["params"].value("phase", "") == "downloading";
        }
        QVERIFY(fast_seen);
        QVERIFY(!fast_downloaded);
        // Nothing of the slow layer's compressed blob on disk: it was unpacked as it came.
        QVERIFY(::access((helper_->state_dir() + "/images/blobs/sha256/" + slow_digest.substr(7)).c_str(), F_OK) != 0);
        QCOMPARE(r["result"]["image"]["layers"], json({fast.diff_id, slow.diff_id}));
        QVERIFY(::access((layers_dir() + "/" + slow.diff_id.substr(7) + "/slow.bin").c_str(), F_OK) == 0);
    }
    // SIGTERM mid-pull (a layer half-sent, the registry stalling): the helper cancels the pull,
    // joins its extractors, answers the caller (bad_state, reason helper_stopping) and exits 0
    // within its bound; nothing is half visible after, and the next helper pulls the image.
    void sigterm_mid_pull_exits_cleanly()
    {
        const std::string name = "termed";
        OciLayout lay(layout(name));
        LayerBlob fast = make_layer({{"fast.txt", 'f', "fast, termed\n"}}, "gzip");
        LayerBlob slow = make_layer({{"slow.bin", 'f', std::string(1 << 20, 't')}}, "gzip");
        lay.write_index({lay.add_image({fast, slow}, {})}, "v1", false);
        const std::string slow_digest = sha256_digest(slow.blob);
        std::atomic<bool> stall{true};
        auto serve = layout_registry(layout(name), "v1");
        TestServer reg([&](const HttpRequest& rq) -> HttpResponse {
            HttpResponse r = serve(rq);
            if (stall && rq.path.find("/blobs/" + slow_digest) != std::string::npos) r.stall_ms = 3000;
            return r;
        });
        const std::string image = reg.host() + "/test/" + name + ":v1";
        RawClient c(helper_->socket());
        c.send_raw(
            json({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "images.pull"}, {"params", {{"image", image}}}}).dump() +
            "\n");
        json done = c.wait_notification("images.pull.progress", 20000,
                                        [](const json& j) { return j["params"].value("phase", "") == "done"; });
        QVERIFY(!done.is_null());
        c_.reset();
        const auto t0 = std::chrono::steady_clock::now();
        QVERIFY(helper_->stop());  // SIGTERM; false if it had to be killed after 10 s
        QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
        QVERIFY2(WIFEXITED(helper_->stop_status()) && WEXITSTATUS(helper_->stop_status()) == 0, helper_->log().c_str());
        // The caller was answered before the helper went (not left with EOF): the pull's error,
        // with the reason a client explains in words.
        json r0;
        do r0 = c.read_json(5000);  // progress notifications first
        while (!r0.is_null() && !r0.contains("id"));
        QVERIFY2(r0.contains("error"), ("no reply before EOF: " + r0.dump()).c_str());
        QCOMPARE(r0["id"], json(1));
        QCOMPARE(r0["error"]["data"].value("errc", ""), std::string("bad_state"));
        QCOMPARE(r0["error"]["data"].value("reason", ""), std::string("helper_stopping"));
        QVERIFY2(r0["error"]["message"].get<std::string>().find("the helper is stopping") != std::string::npos,
                 r0.dump().c_str());
        for (const auto& d : dir_entries(layers_dir())) QVERIFY2(d.rfind(".tmp-", 0) != 0, d.c_str());
        QVERIFY(dir_entries(helper_->state_dir() + "/images/blobs/.tmp").empty());
        QVERIFY(::access((layers_dir() + "/" + slow.diff_id.substr(7)).c_str(), F_OK) != 0);
        stall = false;
        QVERIFY2(helper_->start({"--registry-timeout", "2"}), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
        RawClient c2(helper_->socket());
        json r = pull(c2, image);
        QVERIFY2(r.contains("result"), (r.dump() + helper_->log()).c_str());
        QCOMPARE(r["result"]["image"]["layers"], json({fast.diff_id, slow.diff_id}));
    }
};

QTEST_GUILESS_MAIN(TstImagePull)
#include "tst_image_pull.moc"

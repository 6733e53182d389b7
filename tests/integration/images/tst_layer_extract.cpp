// Layer extraction on the real kernel (root: owners, whiteouts, trusted.* xattrs): what an image
// layer may carry is kept, and every way out of the layer directory is refused with nothing
// written outside.
#include "engine/core/unique_fd.h"
#include "engine/image/image_store.h"
#include "engine/image/layer_extractor.h"
#include "engine/image/layer_pipe.h"
#include "image_fixture.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <random>
#include <thread>

using namespace onggi;
using namespace onggi::test;

namespace {

struct Extracted {
    Result<image::ExtractResult> r = Error(Errc::internal, "not run");
    std::string dir;
};

std::string memfd_of(const std::string& data, int* fd_out)
{
    int fd = ::memfd_create("layer", MFD_CLOEXEC);
    (void)!::write(fd, data.data(), data.size());
    ::lseek(fd, 0, SEEK_SET);
    *fd_out = fd;
    return {};
}

std::string xattr(const std::string& path, const char* name)
{
    char buf[256];
    ssize_t n = ::lgetxattr(path.c_str(), name, buf, sizeof buf);
    return n < 0 ? std::string() : std::string(buf, size_t(n));
}

}  // namespace

class TstLayerExtract : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    int serial_ = 0;

    // Extract `blob` into a fresh <tmp>/N/layer; <tmp>/N/outside is a sibling the attacks aim at.
    Result<image::ExtractResult> extract(const std::string& blob, std::string* dir_out, std::string* outside = nullptr)
    {
        std::string base = tmp_.path().toStdString() + "/" + std::to_string(++serial_);
        ::mkdir(base.c_str(), 0755);
        ::mkdir((base + "/layer").c_str(), 0755);
        ::mkdir((base + "/outside").c_str(), 0755);
        *dir_out = base + "/layer";
        if (outside) *outside = base + "/outside";
        int fd;
        memfd_of(blob, &fd);
        UniqueFd f(fd);
        return image::extract_layer(f.get(), *dir_out);
    }

    static std::string errc(const Result<image::ExtractResult>& r) { return r ? "ok" : errc_name(r.error().code); }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("needs root (owners, whiteouts, trusted xattrs)");
    }

    void keeps_what_a_layer_carries_data()
    {
        QTest::addColumn<QString>("compression");
        QTest::newRow("gzip") << "gzip";
        QTest::newRow("zstd") << "zstd";
        QTest::newRow("plain") << "";
    }
    void keeps_what_a_layer_carries()
    {
        QFETCH(QString, compression);
        // security.capability v2: cap_net_raw (13) permitted + effective.
        std::string cap(20, '\0');
        uint32_t magic = 0x02000001, perm = 1u << 13;
        std::memcpy(&cap[0], &magic, 4);
        std::memcpy(&cap[4], &perm, 4);
        std::vector<TarEntry> e = {
            {"./", 'd', "", "", 0755},
            {"etc/", 'd', "", "", 0755},
            {"etc/motd", 'f', "hello\n", "", 0640, 12, 34},
            {"bin/ping", 'f', "ELF", "", 0755, 0, 0, 0, 0, {{"security.capability", cap}}},
            {"bin/su", 'f', "x", "", 04755},
            {"tmp/", 'd', "", "", 01777},
            {"data/a",
             'f',
             "AAA",
             "",
             0644,
             0,
             0,
             0,
             0,
             {{"user.note", "kept"}, {"trusted.overlay.redirect", "/evil"}}},
            {"data/b", 'h', "", "data/a"},
            {"link", 'l', "", "/etc/motd"},
            {"fifo", 'p', "", "", 0600},
            {"gone/.wh.victim", 'f'},
            {"opq/.wh..wh..opq", 'f'},
            {"opq/new", 'f', "n"},
        };
        LayerBlob l = make_layer(e, compression.toStdString());
        std::string d;
        auto r = extract(l.blob, &d);
        QVERIFY2(r, r ? "" : r.error().message().c_str());
        QCOMPARE(QString::fromStdString(r->diff_id), QString::fromStdString(l.diff_id));
        struct stat st;
        QCOMPARE(::lstat((d + "/etc/motd").c_str(), &st), 0);
        QCOMPARE(int(st.st_uid), 12);
        QCOMPARE(int(st.st_gid), 34);
        QCOMPARE(int(st.st_mode & 07777), 0640);
        QCOMPARE(st.st_mtime, time_t(1700000000));
        QCOMPARE(::lstat((d + "/bin/su").c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 04755);  // setuid survives the chown
        QCOMPARE(xattr(d + "/bin/ping", "security.capability"), cap);
        QCOMPARE(::lstat((d + "/tmp").c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 01777);
        QCOMPARE(xattr(d + "/data/a", "user.note"), std::string("kept"));
        QCOMPARE(xattr(d + "/data/a", "trusted.overlay.redirect"), std::string());  // never from an image
        struct stat sa, sb;
        QCOMPARE(::lstat((d + "/data/a").c_str(), &sa), 0);
        QCOMPARE(::lstat((d + "/data/b").c_str(), &sb), 0);
        QCOMPARE(sa.st_ino, sb.st_ino);
        char buf[64] = {};
        QCOMPARE(int(::readlink((d + "/link").c_str(), buf, sizeof buf)), 9);
        QCOMPARE(std::string(buf), std::string("/etc/motd"));
        QCOMPARE(::lstat((d + "/fifo").c_str(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
        QCOMPARE(::lstat((d + "/gone/victim").c_str(), &st), 0);  // whiteout
        QVERIFY(S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0));
        QVERIFY(::access((d + "/gone/.wh.victim").c_str(), F_OK) != 0);
        QCOMPARE(xattr(d + "/opq", "trusted.overlay.opaque"), std::string("y"));
        QVERIFY(::access((d + "/opq/.wh..wh..opq").c_str(), F_OK) != 0);
        QCOMPARE(::access((d + "/opq/new").c_str(), F_OK), 0);
    }

    void refuses_escapes_data()
    {
        QTest::addColumn<int>("attack");
        QTest::newRow("dotdot") << 0;
        QTest::newRow("absolute") << 1;
        QTest::newRow("symlink then write through it") << 2;
        QTest::newRow("hardlink to /etc/shadow") << 3;
        QTest::newRow("hardlink via ..") << 4;
        QTest::newRow("char device") << 5;
        QTest::newRow("block device") << 6;
        QTest::newRow("symlinked dir then mkdir under it") << 7;
    }
    void refuses_escapes()
    {
        QFETCH(int, attack);
        std::string base = tmp_.path().toStdString() + "/" + std::to_string(serial_ + 1);
        std::string outside = base + "/outside";
        std::vector<TarEntry> e;
        switch (attack) {
        case 0: e = {{"ok", 'f', "x"}, {"../outside/pwned", 'f', "x"}}; break;
        case 1: e = {{outside + "/pwned", 'f', "x"}}; break;
        case 2: e = {{"evil", 'l', "", outside}, {"evil/pwned", 'f', "x"}}; break;
        case 3: e = {{"shadow", 'h', "", "/etc/shadow"}}; break;
        case 4: e = {{"shadow", 'h', "", "../../../../../../etc/shadow"}}; break;
        case 5: e = {{"mem", 'c', "", "", 0600, 0, 0, 1, 1}}; break;
        case 6: e = {{"sda", 'b', "", "", 0600, 0, 0, 8, 0}}; break;
        case 7: e = {{"evil", 'l', "", "../outside"}, {"evil/sub/", 'd'}, {"evil/sub/pwned", 'f', "x"}}; break;
        }
        std::string d;
        auto r = extract(make_layer(e, "gzip").blob, &d);
        QVERIFY2(!r, "the attack was not refused");
        QCOMPARE(errc(r), std::string("invalid_argument"));
        QVERIFY2(r.error().context.find("unsafe layer entry") != std::string::npos, r.error().message().c_str());
        // Nothing written outside.
        QCOMPARE(QDir(QString::fromStdString(outside))
                     .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System | QDir::Hidden)
                     .size(),
                 0);
        struct stat st;
        QVERIFY(::lstat((d + "/mem").c_str(), &st) != 0 && ::lstat((d + "/sda").c_str(), &st) != 0);
        QVERIFY(::lstat((d + "/shadow").c_str(), &st) != 0);
    }

    void refuses_damage_and_size()
    {
        std::string d;
        LayerBlob l = make_layer({{"a", 'f', std::string(100000, 'a')}}, "gzip");
        auto r = extract(l.blob.substr(0, l.blob.size() / 2), &d);  // truncated stream
        QVERIFY(!r);
        QCOMPARE(errc(r), std::string("invalid_argument"));
        r = extract("this is not a tar", &d);
        QVERIFY(!r);
        // Over the uncompressed limit: a small gzip of a big file.
        LayerBlob big = make_layer({{"zeros", 'f', std::string(8 << 20, '\0')}}, "gzip");
        int fd;
        memfd_of(big.blob, &fd);
        UniqueFd f(fd);
        std::string base = tmp_.path().toStdString() + "/limit";
        ::mkdir(base.c_str(), 0755);
        image::ExtractLimits lim;
        lim.max_bytes = 1 << 20;
        auto r2 = image::extract_layer(f.get(), base, lim);
        QVERIFY(!r2);
        QVERIFY2(r2.error().context.find("limit") != std::string::npos, r2.error().message().c_str());
    }

    // A layer unpacked while it downloads (the pull's path): the producer thread feeds a LayerPipe
    // in small chunks; a stream that ends well is the layer, one that fails at its very end (the
    // blob digest is only known then) leaves nothing: no layer, no half layer under .tmp-*.
    void streamed_layer_is_kept_only_when_its_stream_ends_well_data()
    {
        QTest::addColumn<bool>("fail_at_end");
        QTest::addColumn<QString>("compression");
        QTest::newRow("ends well, gzip") << false << "gzip";
        QTest::newRow("ends well, zstd") << false << "zstd";
        QTest::newRow("fails at the end, gzip") << true << "gzip";
        QTest::newRow("fails at the end, plain") << true << "";
    }
    void streamed_layer_is_kept_only_when_its_stream_ends_well()
    {
        QFETCH(bool, fail_at_end);
        QFETCH(QString, compression);
        std::string payload(3 << 20, 'p');  // incompressible: the blob is megabytes too
        std::mt19937 rnd(7);
        for (auto& ch : payload) ch = char(rnd());
        LayerBlob l =
            make_layer({{"d", 'd'}, {"d/big", 'f', payload}, {"d/small", 'f', "small\n"}}, compression.toStdString());
        const std::string root = tmp_.path().toStdString() + "/store" + std::to_string(++serial_);
        image::ImageStore store(root);
        QVERIFY(store.init());
        image::LayerPipe pipe(64 << 10);  // small: the producer waits for the extractor
        std::thread producer([&] {
            for (size_t at = 0; at < l.blob.size(); at += 10000) {
                while (pipe.full()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
                pipe.push(l.blob.substr(at, 10000));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the extractor is at the end by now
            if (fail_at_end) pipe.fail(Error(Errc::invalid_argument, "blob digest mismatch: expected x, got y"));
            else pipe.close();
        });
        image::LayerSource src = [&](const void** out, Error* err) { return pipe.read(out, err); };
        auto r = store.install_layer(src, l.diff_id);
        producer.join();
        const QStringList left =
            QDir(QString::fromStdString(root + "/layers"))
                .entryList({QStringLiteral(".tmp-*")}, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
        if (fail_at_end) {
            QVERIFY(!r);
            QVERIFY2(r.error().message().find("digest mismatch") != std::string::npos, r.error().message().c_str());
            QVERIFY(!store.has_layer(l.diff_id));
        } else {
            QVERIFY2(r, r ? "" : r.error().message().c_str());
            QVERIFY(store.has_layer(l.diff_id));
            QFile f(QString::fromStdString(r.value() + "/d/big"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().toStdString() == payload);
        }
    }
};

QTEST_GUILESS_MAIN(TstLayerExtract)
#include "tst_layer_extract.moc"

// --user names: docker's rules against the container's own /etc/passwd and /etc/group, and
// reading those files without ever leaving the container's root (symlinks resolved inside it,
// only regular files, bounded size).
#include "engine/image/user_lookup.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

using namespace onggi;
using namespace onggi::image;

namespace {

const char* kPasswd = "root:x:0:0:root:/root:/bin/sh\n"
                      "# a comment\n"
                      "broken line\n"
                      "alice:x:1000:1000::/home/alice:/bin/sh\n"
                      "bob:x:1001:100:Bob:/home/bob:/bin/sh\n"
                      "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
const char* kGroup = "root:x:0:\n"
                     "users:x:100:\n"
                     "alice:x:1000:\n"
                     "staff:x:50:alice,bob\n"
                     "video:x:44:bob\n"
                     "nogroup:x:65534:\n";

void put(const QString& path, const std::string& text) { std::ofstream(path.toStdString(), std::ios::binary) << text; }

}  // namespace

class TstUserLookup : public QObject {
    Q_OBJECT
private slots:
    void parsing()
    {
        auto p = parse_passwd(kPasswd);
        QCOMPARE(p.size(), size_t(4));
        QCOMPARE(QString::fromStdString(p[1].name), QString("alice"));
        QCOMPARE(p[2].gid, 100u);
        auto g = parse_group(kGroup);
        QCOMPARE(g.size(), size_t(6));
        QCOMPARE(g[3].members.size(), size_t(2));
    }

    void rules_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("uid");
        QTest::addColumn<int>("gid");
        QTest::addColumn<QString>("extra");
        QTest::newRow("name") << "alice" << 1000 << 1000 << "50";
        QTest::newRow("name, primary gid from passwd") << "bob" << 1001 << 100 << "50,44";
        QTest::newRow("name:group") << "bob:staff" << 1001 << 50 << "44";
        QTest::newRow("name:gid") << "alice:7" << 1000 << 7 << "50";
        QTest::newRow("uid with entry") << "1001" << 1001 << 100 << "50,44";
        QTest::newRow("uid:group") << "4242:video" << 4242 << 44 << "";
        QTest::newRow("nobody") << "nobody" << 65534 << 65534 << "";
    }
    void rules()
    {
        QFETCH(QString, spec);
        auto ids = resolve_user(spec.toStdString(), std::string(kPasswd), std::string(kGroup));
        QVERIFY2(ids.ok(), ids.ok() ? "" : ids.error().message().c_str());
        QFETCH(int, uid);
        QFETCH(int, gid);
        QFETCH(QString, extra);
        QCOMPARE(int(ids->uid), uid);
        QCOMPARE(int(ids->gid), gid);
        QStringList got;
        for (uint32_t g : ids->additional_gids) got << QString::number(g);
        QCOMPARE(got.join(','), extra);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("why");
        QTest::newRow("unknown user") << "mallory"
                                      << "no user \"mallory\"";
        QTest::newRow("unknown group") << "alice:wheel"
                                       << "no group \"wheel\"";
        QTest::newRow("bad chars") << "bob; rm"
                                   << "not a user";
        QTest::newRow("too many parts") << "a:b:c"
                                        << "USER or USER:GROUP";
        QTest::newRow("uid too big") << "99999999999"
                                     << "not a user";
        QTest::newRow("empty group") << "alice:"
                                     << "not a user";
        QTest::newRow("dot first") << ".hidden"
                                   << "not a user";
    }
    void refused()
    {
        QFETCH(QString, spec);
        QFETCH(QString, why);
        auto ids = resolve_user(spec.toStdString(), std::string(kPasswd), std::string(kGroup));
        QVERIFY(!ids.ok());
        QVERIFY2(QString::fromStdString(ids.error().message()).contains(why), ids.error().message().c_str());
    }

    void no_files()
    {
        // A number needs no file; a name does.
        auto n = resolve_user("1000", std::nullopt, std::nullopt);
        QVERIFY(n.ok());
        QCOMPARE(n->gid, 1000u);
        QVERIFY(!resolve_user("alice", std::nullopt, std::nullopt).ok());
        QVERIFY(user_spec_has_names("alice"));
        QVERIFY(user_spec_has_names("1000:staff"));
        QVERIFY(!user_spec_has_names("1000:50"));
    }

    // Top root first; a root without the file falls through to the next.
    void roots_in_order()
    {
        QTemporaryDir top, lower;
        QVERIFY(QDir().mkpath(lower.filePath("etc")));
        put(lower.filePath("etc/passwd"), kPasswd);
        put(lower.filePath("etc/group"), kGroup);
        auto ids = resolve_user_in({top.path().toStdString(), lower.path().toStdString()}, "bob");
        QVERIFY(ids.ok());
        QCOMPARE(ids->uid, 1001u);
        QVERIFY(QDir().mkpath(top.filePath("etc")));
        put(top.filePath("etc/passwd"), "bob:x:77:77::/:/bin/sh\n");
        ids = resolve_user_in({top.path().toStdString(), lower.path().toStdString()}, "bob");
        QVERIFY(ids.ok());
        QCOMPARE(ids->uid, 77u);  // the upper file hides the lower one
    }

    // The attacks: an image or a container's upper layer controls these files.
    void symlink_stays_inside_the_root()
    {
        QTemporaryDir root, outside;
        put(outside.filePath("passwd"), "evil:x:0:0::/:/bin/sh\n");
        QVERIFY(QDir().mkpath(root.filePath("etc")));
        // Absolute and relative escapes: both resolve inside `root`, where nothing is.
        QCOMPARE(::symlink(outside.filePath("passwd").toLocal8Bit().constData(),
                           root.filePath("etc/passwd").toLocal8Bit().constData()),
                 0);
        QCOMPARE(::symlink("../../../../../../../../etc/shadow", root.filePath("etc/group").toLocal8Bit().constData()),
                 0);
        auto pw = read_in_roots({root.path().toStdString()}, "etc/passwd");
        QVERIFY(pw.ok());
        QVERIFY(!pw->has_value());
        auto gr = read_in_roots({root.path().toStdString()}, "etc/group");
        QVERIFY(gr.ok());
        QVERIFY(!gr->has_value());
        QVERIFY(!resolve_user_in({root.path().toStdString()}, "evil").ok());
        // Control: a link that stays inside is followed.
        QVERIFY(QDir().mkpath(root.filePath("real")));
        put(root.filePath("real/passwd"), "evil:x:5:5::/:/bin/sh\n");
        QVERIFY(QFile::remove(root.filePath("etc/passwd")));
        QCOMPARE(::symlink("/real/passwd", root.filePath("etc/passwd").toLocal8Bit().constData()), 0);
        auto ok = resolve_user_in({root.path().toStdString()}, "evil");
        QVERIFY(ok.ok());
        QCOMPARE(ok->uid, 5u);
    }

    void fifo_and_huge_files_are_refused()
    {
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.filePath("etc")));
        QCOMPARE(::mkfifo(root.filePath("etc/passwd").toLocal8Bit().constData(), 0644), 0);
        auto r = read_in_roots({root.path().toStdString()}, "etc/passwd");  // must not block
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message()).contains("not a regular file"),
                 r.error().message().c_str());
        put(root.filePath("etc/group"), std::string((1 << 20) + 1, 'x'));
        auto g = read_in_roots({root.path().toStdString()}, "etc/group");
        QVERIFY(!g.ok());
        QVERIFY(QString::fromStdString(g.error().message()).contains("1 MiB"));
    }
};

QTEST_GUILESS_MAIN(TstUserLookup)
#include "tst_user_lookup.moc"

// Unit tests of the runtime's pure parts: mount option words to MS_* flags (as runc reads
// them), stage names (a stable contract of error.json).
#include "engine/runtime/launcher.h"
#include "engine/runtime/stage.h"

#include <QtTest>

#include <sys/mount.h>

#include <set>
#include <string>

using namespace onggi::runtime;

class TstMountOptions : public QObject {
    Q_OBJECT
private slots:
    void flagsAndData()
    {
        auto p = parse_mount_options({"nosuid", "noexec", "nodev", "ro", "mode=755", "size=65536k"});
        QCOMPARE(p.flags, (unsigned long)(MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RDONLY));
        QCOMPARE(p.data, std::string("mode=755,size=65536k"));
        QVERIFY(!p.bind);
        QCOMPARE(p.propagation, 0ul);
    }
    void laterWordsWin()
    {
        auto p = parse_mount_options({"ro", "rw", "nosuid", "suid"});
        QCOMPARE(p.flags & (MS_RDONLY | MS_NOSUID), 0ul);
        QCOMPARE(p.clear, (unsigned long)(MS_RDONLY | MS_NOSUID));
    }
    void bindAndPropagation()
    {
        auto b = parse_mount_options({"rbind", "rprivate", "ro"});
        QVERIFY(b.bind);
        QVERIFY(b.recursive);
        QCOMPARE(b.propagation, (unsigned long)(MS_PRIVATE | MS_REC));
        QCOMPARE(b.flags, (unsigned long)MS_RDONLY);
        auto s = parse_mount_options({"bind", "slave"});
        QVERIFY(s.bind && !s.recursive);
        QCOMPARE(s.propagation, (unsigned long)MS_SLAVE);
        QVERIFY(parse_mount_options({"shared"}).propagation == MS_SHARED);
    }
    void unknownWordsAreFilesystemData()
    {
        auto p = parse_mount_options({"newinstance", "ptmxmode=0666", "gid=5", "tmpcopyup"});
        QCOMPARE(p.data, std::string("newinstance,ptmxmode=0666,gid=5"));
        QCOMPARE(p.flags, 0ul);
    }
    void stageNamesAreUniqueAndStable()
    {
        std::set<std::string> seen;
        for (int i = 0; i <= int(Stage::fork); ++i) {
            std::string n = stage_name(Stage(i));
            QVERIFY2(n != "unknown", n.c_str());
            QVERIFY2(seen.insert(n).second, n.c_str());
        }
        QCOMPARE(std::string(stage_name(Stage::pivot_root)), std::string("pivot_root"));
        QCOMPARE(std::string(stage_name(Stage::cwd)), std::string("cwd"));
        QCOMPARE(std::string(stage_name(int32_t(9999))), std::string("unknown"));
    }
};

QTEST_GUILESS_MAIN(TstMountOptions)
#include "tst_mount_options.moc"

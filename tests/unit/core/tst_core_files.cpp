// write_file_atomic: a reader sees the old contents or the new, never a mix or nothing; the
// per-boot mode (exchange instead of rename-over) leaves no temp file behind; a symlink planted
// at the temp name is not followed.
#include "engine/core/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

using namespace onggi;

namespace {

std::vector<std::string> names_in(const std::string& dir)
{
    std::vector<std::string> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (dirent* e = ::readdir(d))
            if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") out.push_back(e->d_name);
        ::closedir(d);
    }
    return out;
}

}  // namespace

class TstCoreFiles : public QObject {
    Q_OBJECT
private slots:
    void replace_data()
    {
        QTest::addColumn<bool>("durable");
        QTest::newRow("durable") << true;
        QTest::newRow("per-boot") << false;
    }
    void replace()
    {
        QFETCH(bool, durable);
        const Sync sync = durable ? Sync::durable : Sync::process;
        QTemporaryDir tmp;
        const std::string path = tmp.path().toStdString() + "/state.json";
        QVERIFY(write_file_atomic(path, "first\n", 0600, sync));  // nothing to replace yet
        QCOMPARE(read_file(path, 100).value(), std::string("first\n"));
        for (int i = 0; i < 20; ++i) {
            const std::string v = "version " + std::to_string(i) + "\n";
            QVERIFY(write_file_atomic(path, v, 0600, sync));
            QCOMPARE(read_file(path, 100).value(), v);
        }
        struct stat st {};
        QCOMPARE(::stat(path.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0600);
        // Only the file: the old contents, swapped to the temp name, went with it.
        QCOMPARE(names_in(tmp.path().toStdString()), std::vector<std::string>{"state.json"});
    }

    void tempNameSymlinkNotFollowed()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString();
        const std::string victim = dir + "/victim";
        QVERIFY(write_file_atomic(victim, "keep\n", 0600, Sync::durable));
        const std::string path = dir + "/state.json";
        QCOMPARE(::symlink(victim.c_str(), (path + ".tmp." + std::to_string(::getpid())).c_str()), 0);
        QVERIFY(!write_file_atomic(path, "evil\n", 0600, Sync::process));
        QCOMPARE(read_file(victim, 100).value(), std::string("keep\n"));
    }
};

QTEST_GUILESS_MAIN(TstCoreFiles)
#include "tst_core_files.moc"

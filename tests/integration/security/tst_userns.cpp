// A member of the onggi group is not root (issue 13): real users made by the test talk to a
// private helper through onggictl, and every answer is read from the host's side -- who owns
// what a container wrote into a volume, /proc/PID/uid_map, the subuid file, the layer's inode.
// Each test fails without its protection: members' containers without a user namespace give
// them host root through a volume; a path resolved again at start mounts what a symlink
// points to by then.
#include "member_fixture.h"

#include <QRegularExpression>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <memory>

using namespace secfix;

namespace {

struct Range {
    qint64 start = -1, count = 0;
};

// "name:start:count" of `name` in a subuid/subgid file.
Range rangeOf(const QString& file, const QString& name)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    for (const QString& line : QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts)) {
        const QStringList p = line.split(':');
        if (p.size() == 3 && p[0] == name) return {p[1].toLongLong(), p[2].toLongLong()};
    }
    return {};
}

// "0 100000 65536" -> {0, 100000, 65536}
QList<qint64> mapLine(const QString& text)
{
    QList<qint64> v;
    for (const QString& w : text.trimmed().split(QRegularExpression("\\s+"), Qt::SkipEmptyParts)) v << w.toLongLong();
    return v;
}

QString readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

class TstUserns : public QObject {
    Q_OBJECT

    std::unique_ptr<MemberFixture> fx_;
    Member a_, b_;
    int serial_ = 0;

    QString name() { return QStringLiteral("ut%1-%2").arg(::getpid()).arg(++serial_); }

    // A directory in the member's home, theirs.
    QString volume(const Member& m, const QString& leaf)
    {
        const QString dir = m.home + "/" + leaf;
        QDir().mkpath(dir);
        if (::chown(QFile::encodeName(dir).constData(), m.uid, m.gid) != 0) qFatal("chown %s", qPrintable(dir));
        return dir;
    }

private slots:
    void initTestCase()
    {
        if (const QString why = MemberFixture::skipReason(); !why.isEmpty()) QSKIP(qPrintable(why));
        fx_ = std::make_unique<MemberFixture>();
        QVERIFY2(fx_->start(), qPrintable(fx_->why()));
        QVERIFY2(fx_->addMember(&a_), qPrintable(fx_->why()));
        QVERIFY2(fx_->addMember(&b_), qPrintable(fx_->why()));
    }

    void cleanupTestCase() { fx_.reset(); }

    // Issue 13, attacks 1 and 2: chown 0 + chmod 4755 and mknod through a member's volume.
    // From the host: the file belongs to the member (never root), and no device node exists.
    void memberVolumeGivesNoRootFileAndNoDevice()
    {
        const QString vol = volume(a_, "vol-suid");
        const CtlResult r =
            fx_->ctl(&a_, {"run", "--rm", "-v", vol + ":/data", "busybox", "sh", "-c",
                           "cp /bin/busybox /data/rootsh && chown 0:0 /data/rootsh && chmod 4755 /data/rootsh; "
                           "mknod /data/blk b 7 0; echo mknod=$?; id -u"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err + fx_->helperLog()));
        struct stat st {};
        QVERIFY2(::stat(QFile::encodeName(vol + "/rootsh").constData(), &st) == 0, qPrintable(r.out + r.err));
        QCOMPARE(st.st_uid, a_.uid);  // not 0: a setuid bit on it gives the member only themselves
        QCOMPARE(st.st_gid, a_.gid);
        QVERIFY2(::lstat(QFile::encodeName(vol + "/blk").constData(), &st) != 0, "a device node was made on the host");
        QVERIFY2(r.out.contains("mknod=1"), qPrintable(r.out));
        QVERIFY2(r.out.contains("\n0\n") || r.out.endsWith("0\n"), qPrintable(r.out));  // root inside
    }

    // Issue 13, attack 4: the volume is a symlink the member turns to /etc between create and
    // start. The start is refused; the container never sees the host's /etc.
    void symlinkSwapBetweenCreateAndStart()
    {
        const QString vol = volume(a_, "vol-swap");
        const QString link = a_.home + "/link";
        QFile::remove(link);
        QVERIFY(QFile::link(vol, link));
        QVERIFY(::lchown(QFile::encodeName(link).constData(), a_.uid, a_.gid) == 0);
        const QString n = name();
        const CtlResult c = fx_->ctl(&a_, {"create", "--name", n, "-v", link + ":/x", "busybox", "ls", "/x"});
        QVERIFY2(c.code == 0, qPrintable(c.out + c.err + fx_->helperLog()));
        QVERIFY(QFile::remove(link));
        QVERIFY(QFile::link("/etc", link));
        QVERIFY(::lchown(QFile::encodeName(link).constData(), a_.uid, a_.gid) == 0);
        const CtlResult s = fx_->ctl(&a_, {"start", "-a", n});
        const CtlResult logs = fx_->ctl(&a_, {"logs", n});
        QVERIFY2(!s.out.contains("passwd") && !logs.out.contains("passwd"),
                 qPrintable("the host's /etc was mounted: " + s.out + logs.out));
        QVERIFY2(s.code != 0, qPrintable(s.out + s.err));
        QVERIFY2(s.err.contains("no longer") || s.err.contains("not owned"), qPrintable(s.err));
        // Turned back, the container starts and sees its volume.
        QVERIFY(QFile::remove(link));
        QVERIFY(QFile::link(vol, link));
        QVERIFY(::lchown(QFile::encodeName(link).constData(), a_.uid, a_.gid) == 0);
        const CtlResult again = fx_->ctl(&a_, {"start", "-a", n});
        QVERIFY2(again.code == 0, qPrintable(again.out + again.err));
        fx_->ctl(&a_, {"rm", "-f", n});
    }

    // A member's container runs in a user namespace on the member's own range, allocated
    // once in the helper's subuid/subgid files and reused; two members get disjoint ranges.
    void membersGetTheirOwnDisjointRanges()
    {
        QList<QList<qint64>> maps;
        for (const Member* m : {&a_, &b_, &a_}) {
            const QString n = name();
            const CtlResult r = fx_->ctl(m, {"run", "-d", "--name", n, "busybox", "sleep", "60"});
            QVERIFY2(r.code == 0, qPrintable(r.out + r.err + fx_->helperLog()));
            const QJsonObject info = fx_->inspect(m, n);
            const qint64 pid = info.value("container").toObject().value("pid").toInteger();
            QVERIFY2(pid > 0, qPrintable(n + ": " + QJsonDocument(info).toJson() + fx_->ctl(m, {"logs", n}).out));
            // The kernel's view from the host.
            const QList<qint64> uid = mapLine(readFile(QStringLiteral("/proc/%1/uid_map").arg(pid)));
            const QList<qint64> gid = mapLine(readFile(QStringLiteral("/proc/%1/gid_map").arg(pid)));
            fx_->ctl(m, {"rm", "-f", n});
            const Range ru = rangeOf(fx_->subuidFile(), m->name), rg = rangeOf(fx_->subgidFile(), m->name);
            QVERIFY2(ru.start >= 100000 && ru.count >= 65536, qPrintable(readFile(fx_->subuidFile())));
            QVERIFY2(rg.start >= 100000 && rg.count >= 65536, qPrintable(readFile(fx_->subgidFile())));
            QCOMPARE(uid, (QList<qint64>{0, ru.start, 65536}));
            QCOMPARE(gid, (QList<qint64>{0, rg.start, 65536}));
            maps << uid;
        }
        QCOMPARE(maps[0], maps[2]);  // reused, not allocated again
        const Range a = rangeOf(fx_->subuidFile(), a_.name), b = rangeOf(fx_->subuidFile(), b_.name);
        QVERIFY(a.start + a.count <= b.start || b.start + b.count <= a.start);
        QCOMPARE(readFile(fx_->subuidFile()).count(a_.name + ":"), 1);
        // The members' ranges are nobody's on the host (not theirs, not root's).
        QVERIFY(a.start > qint64(a_.uid) || a.start + a.count <= qint64(a_.uid));
    }

    // An existing range of the user (useradd made one) is reused as it is.
    void anExistingRangeIsReused()
    {
        Member c;
        QVERIFY2(fx_->addMember(&c), qPrintable(fx_->why()));
        for (const QString& f : {fx_->subuidFile(), fx_->subgidFile()}) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::Append));
            file.write(QStringLiteral("%1:300000000:65536\n").arg(c.name).toUtf8());
        }
        const CtlResult r = fx_->ctl(&c, {"run", "--rm", "busybox", "cat", "/proc/self/uid_map"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(mapLine(r.out), (QList<qint64>{0, 300000000, 65536}));
        QCOMPARE(readFile(fx_->subuidFile()).count(c.name + ":"), 1);
    }

    // Layers are shared, not copied per user: /bin/busybox in a member's container, in another
    // member's and in root's is the very inode of the unpacked layer.
    void layersAreNotCopiedPerUser()
    {
        const QString cmd = "stat -c %i /bin/busybox";
        const CtlResult ra = fx_->ctl(&a_, {"run", "--rm", "busybox", "sh", "-c", cmd});
        const CtlResult rb = fx_->ctl(&b_, {"run", "--rm", "busybox", "sh", "-c", cmd});
        const CtlResult rr = fx_->ctl(nullptr, {"run", "--rm", "busybox", "sh", "-c", cmd});
        QVERIFY2(ra.code == 0 && rb.code == 0 && rr.code == 0, qPrintable(ra.err + rb.err + rr.err));
        QCOMPARE(ra.out.trimmed(), rr.out.trimmed());
        QCOMPARE(rb.out.trimmed(), rr.out.trimmed());
        // The one busybox of the state root (layers/), and its inode is the one seen inside.
        QProcess find;
        find.start("find", {fx_->stateDir(), "-name", "busybox", "-type", "f", "-printf", "%i\n"});
        QVERIFY(find.waitForFinished(30000));
        const QStringList inodes = QString::fromUtf8(find.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(inodes.size(), 1);
        QCOMPARE(inodes[0], ra.out.trimmed());
    }

    // --userns private, for root and for a member: busybox runs as root inside, on an
    // unprivileged range outside, and what it writes into a volume belongs to the volume's
    // owner on the host (the member; for root, whoever owns the directory root gave).
    void usernsPrivateForRootAndMember()
    {
        const QString rootVol = fx_->path("rootvol");
        QDir().mkpath(rootVol);
        QVERIFY(::chown(QFile::encodeName(rootVol).constData(), b_.uid, b_.gid) == 0);
        const CtlResult r =
            fx_->ctl(nullptr, {"run", "--rm", "--userns", "private", "-v", rootVol + ":/data", "busybox", "sh", "-c",
                               "cat /proc/self/uid_map; id -u; echo hi > /data/by-root"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err + fx_->helperLog()));
        const Range onggi = rangeOf(fx_->subuidFile(), "onggi");
        QVERIFY2(onggi.start >= 100000, qPrintable(readFile(fx_->subuidFile())));
        QCOMPARE(mapLine(r.out.section('\n', 0, 0)), (QList<qint64>{0, onggi.start, 65536}));
        QCOMPARE(r.out.section('\n', 1, 1), QStringLiteral("0"));
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(rootVol + "/by-root").constData(), &st) == 0);
        QCOMPARE(st.st_uid, b_.uid);
        QCOMPARE(st.st_gid, b_.gid);

        const QString vol = volume(a_, "vol-private");
        const CtlResult m = fx_->ctl(&a_, {"run", "--rm", "--userns", "private", "-v", vol + ":/data", "busybox", "sh",
                                           "-c", "id -u; echo hi > /data/by-member"});
        QVERIFY2(m.code == 0, qPrintable(m.out + m.err));
        QCOMPARE(m.out.trimmed(), QStringLiteral("0"));
        QVERIFY(::stat(QFile::encodeName(vol + "/by-member").constData(), &st) == 0);
        QCOMPARE(st.st_uid, a_.uid);
        QCOMPARE(st.st_gid, a_.gid);
    }

    // Root keeps today's default: no user namespace unless asked.
    void rootKeepsTheHostUserNamespaceByDefault()
    {
        const CtlResult r = fx_->ctl(nullptr, {"run", "--rm", "busybox", "cat", "/proc/self/uid_map"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(mapLine(r.out), (QList<qint64>{0, 0, 4294967295LL}));
    }
};

QTEST_GUILESS_MAIN(TstUserns)
#include "tst_userns.moc"

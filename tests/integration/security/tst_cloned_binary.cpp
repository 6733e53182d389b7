// CVE-2019-5736, the mechanism: a process that can see a runtime's /proc/PID/exe keeps an O_PATH
// handle to it, waits for the runtime to exit (no more ETXTBSY), reopens the handle for writing
// and overwrites the host binary. A program protected by ensure_cloned_binary() runs from a
// sealed memfd, so the write must fail and the binary on disk stay intact; the same program
// without the protection is overwritten (the control that shows the test can fail).
// The victims are copies in a temp dir, never a real binary.
#include "engine/security/security.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif

class TstClonedBinary : public QObject {
    Q_OBJECT

    struct Outcome {
        bool started = false;
        QString ready;
        QString exe_link;
        int reopen_errno = 0;  // errno of open(/proc/self/fd/N, O_WRONLY), 0 = opened
        int write_errno = -1;  // errno of pwrite, 0 = written, -1 = not tried
        QByteArray before, after;
    };

    // Run a copy of the victim, take the O_PATH handle, let it exit, try the overwrite.
    Outcome attack(bool protect)
    {
        Outcome o;
        QTemporaryDir dir;
        if (!dir.isValid()) return o;
        const QString victim = dir.filePath("victim");
        if (!QFile::copy(SEC_VICTIM, victim)) return o;
        QFile::setPermissions(victim, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        {
            QFile f(victim);
            f.open(QIODevice::ReadOnly);
            o.before = f.read(64);
        }
        QProcess p;
        p.start(victim, protect ? QStringList{} : QStringList{"--unprotected"});
        if (!p.waitForStarted(10000)) return o;
        o.started = true;
        while (!p.canReadLine() && p.waitForReadyRead(30000)) {}
        o.ready = QString::fromUtf8(p.readLine()).trimmed();
        const std::string exe = "/proc/" + std::to_string(p.processId()) + "/exe";
        char link[512] = {};
        ssize_t n = ::readlink(exe.c_str(), link, sizeof link - 1);
        if (n > 0) o.exe_link = QString::fromUtf8(link, int(n));
        int handle = ::open(exe.c_str(), O_PATH | O_CLOEXEC);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        if (handle < 0) {
            o.reopen_errno = errno;
            return o;
        }
        const std::string again = "/proc/self/fd/" + std::to_string(handle);
        int w = ::open(again.c_str(), O_WRONLY | O_CLOEXEC);
        o.reopen_errno = w < 0 ? errno : 0;
        if (w >= 0) {
            ssize_t k = ::pwrite(w, "PWNED-BY-CONTAINER", 18, 0);
            o.write_errno = k == 18 ? 0 : errno;
            ::close(w);
        }
        ::close(handle);
        QFile f(victim);
        f.open(QIODevice::ReadOnly);
        o.after = f.read(64);
        return o;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests need root");
    }

    void protectedBinaryCannotBeOverwritten()
    {
        Outcome o = attack(true);
        QVERIFY(o.started);
        QCOMPARE(o.ready, QString("ready sealed"));
        QVERIFY2(o.exe_link.startsWith("/memfd:"), qPrintable(o.exe_link));
        QVERIFY2(o.write_errno != 0, "the sealed copy took the write");
        QCOMPARE(o.after, o.before);  // the binary on disk is intact
        QVERIFY(o.after.startsWith("\x7f"
                                   "ELF"));
    }

    void unprotectedBinaryIsOverwritten()
    {
        Outcome o = attack(false);
        QVERIFY(o.started);
        QCOMPARE(o.ready, QString("ready plain"));
        QVERIFY2(!o.exe_link.startsWith("/memfd:"), qPrintable(o.exe_link));
        QCOMPARE(o.reopen_errno, 0);
        QCOMPARE(o.write_errno, 0);
        QVERIFY2(o.after.startsWith("PWNED-BY-CONTAINER"), o.after.constData());
    }

    void sealsAreTheRightOnes()
    {
        auto mem = onggi::security::sealed_copy_of_self();
        QVERIFY(mem.ok());
        QVERIFY(onggi::security::is_sealed_memfd(mem->get()));
        QVERIFY(::write(mem->get(), "x", 1) < 0);
        QCOMPARE(errno, EPERM);
        QVERIFY(::ftruncate(mem->get(), 0) < 0);
        QVERIFY(::fcntl(mem->get(), F_GET_SEALS) & F_SEAL_SEAL);
        QVERIFY(::fcntl(mem->get(), F_ADD_SEALS, F_SEAL_FUTURE_WRITE) < 0);  // the seals themselves are locked
        QCOMPARE(errno, EPERM);
    }
    // The helper keeps one sealed copy of onggi-shim and execs every shim from it: the child
    // runs from the memfd (so it skips its own copy), the copy cannot be written, and a new
    // binary on disk gives a new copy.
    void sealedExecutableForChildren()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString bin = dir.filePath("victim");
        QVERIFY(QFile::copy(SEC_VICTIM, bin));
        QFile::setPermissions(bin, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        onggi::security::SealedExecutable sealed;
        auto path = sealed.exec_path(bin.toStdString());
        QVERIFY2(path.ok(), path.ok() ? "" : path.error().message().c_str());
        QVERIFY(QString::fromStdString(*path).startsWith("/proc/self/fd/"));
        const int fd = QString::fromStdString(*path).mid(14).toInt();
        QVERIFY(onggi::security::is_sealed_memfd(fd));
        QVERIFY(::write(fd, "x", 1) < 0);
        auto again = sealed.exec_path(bin.toStdString());
        QCOMPARE(*again, *path);  // unchanged file: the same copy

        // A child started from it runs sealed: the victim says "ready sealed" without copying.
        QProcess p;
        p.start(QString::fromStdString(*path), {});
        QVERIFY(p.waitForStarted(10000));
        while (!p.canReadLine() && p.waitForReadyRead(30000)) {}
        QCOMPARE(QString::fromUtf8(p.readLine()).trimmed(), QString("ready sealed"));
        char link[512] = {};
        ssize_t n = ::readlink(("/proc/" + std::to_string(p.processId()) + "/exe").c_str(), link, sizeof link - 1);
        QVERIFY(n > 0);
        QVERIFY2(QByteArray(link).startsWith("/memfd:"), link);
        // ... and it is OUR copy (the child did not make its own): same inode.
        struct stat child_exe {
        }, ours{};
        QCOMPARE(::stat(("/proc/" + std::to_string(p.processId()) + "/exe").c_str(), &child_exe), 0);
        QCOMPARE(::fstat(fd, &ours), 0);
        QCOMPARE(child_exe.st_ino, ours.st_ino);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));

        // A changed binary on disk (an upgrade) is copied again: a new memfd.
        struct stat old_copy {};
        QCOMPARE(::fstat(fd, &old_copy), 0);
        QVERIFY(QFile::remove(bin));
        QVERIFY(QFile::copy(SEC_VICTIM, bin));
        auto fresh = sealed.exec_path(bin.toStdString());
        QVERIFY(fresh.ok());
        const int fresh_fd = QString::fromStdString(*fresh).mid(14).toInt();
        QVERIFY(onggi::security::is_sealed_memfd(fresh_fd));
        struct stat new_copy {};
        QCOMPARE(::fstat(fresh_fd, &new_copy), 0);
        QVERIFY(new_copy.st_ino != old_copy.st_ino);
        QVERIFY(!sealed.exec_path(dir.filePath("missing").toStdString()).ok());
    }
};

QTEST_GUILESS_MAIN(TstClonedBinary)
#include "tst_cloned_binary.moc"

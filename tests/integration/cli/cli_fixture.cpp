#include "cli_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

namespace onggi::test {

CliFixture::CliFixture()
{
    static int serial = 0;
    socket_ = dir_.filePath(QStringLiteral("helper.sock"));
    cgroupParent_ = QStringLiteral("/onggi-test-cli-%1-%2").arg(::getpid()).arg(++serial);
}

CliFixture::~CliFixture() { shutdown(); }

QString CliFixture::binaryDir()
{
    const QByteArray b = qgetenv("ONGGI_BINARY_DIR");
    return b.isEmpty() ? QStringLiteral(ONGGI_BINARY_DIR) : QString::fromLocal8Bit(b);
}
QString CliFixture::onggictl() { return binaryDir() + QStringLiteral("/cli/onggictl"); }

QString CliFixture::skipReason()
{
    if (::geteuid() != 0) return QStringLiteral("needs root: starts a real onggi-helper and containers");
    if (!QFile::exists(onggictl())) return QStringLiteral("onggictl not built");
    if (!QFile::exists(helper())) return QStringLiteral("onggi-helper not built");
    return {};
}
QString CliFixture::helper() { return binaryDir() + QStringLiteral("/helper/onggi-helper"); }
QString CliFixture::shim()
{
    for (const QString& p :
         {binaryDir() + QStringLiteral("/bin/onggi-shim"), binaryDir() + QStringLiteral("/engine/shim/onggi-shim")})
        if (QFile::exists(p)) return p;
    return QString();
}

static bool socketAccepts(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    const QByteArray p = QFile::encodeName(path);
    std::memcpy(a.sun_path, p.constData(), size_t(qMin<qsizetype>(p.size(), sizeof a.sun_path - 1)));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

bool CliFixture::start()
{
    if (!dir_.isValid()) {
        why_ = QStringLiteral("no temp dir");
        return false;
    }
    QDir(dir_.path()).mkpath(QStringLiteral("state"));
    QDir(dir_.path()).mkpath(QStringLiteral("run"));
    QStringList args{QStringLiteral("--socket"), socket_, QStringLiteral("--state-dir"),
                     dir_.filePath(QStringLiteral("state")), QStringLiteral("--run-dir"),
                     dir_.filePath(QStringLiteral("run")), QStringLiteral("--cgroup-parent"), cgroupParent_,
                     // subordinate ranges (--userns private): never the host's /etc/subuid
                     QStringLiteral("--subuid-file"), dir_.filePath(QStringLiteral("subuid")),
                     QStringLiteral("--subgid-file"), dir_.filePath(QStringLiteral("subgid"))};
    if (!shim().isEmpty()) args << QStringLiteral("--shim") << shim();
    helper_.setProcessChannelMode(QProcess::MergedChannels);
    helper_.setStandardOutputFile(dir_.filePath(QStringLiteral("helper.log")));
    helper_.start(helper(), args);
    if (!helper_.waitForStarted(10000)) {
        why_ = QStringLiteral("cannot start %1: %2").arg(helper(), helper_.errorString());
        return false;
    }
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        if (helper_.state() != QProcess::Running) {
            why_ = QStringLiteral("the helper exited: %1").arg(QString::fromUtf8(helperLog()));
            return false;
        }
        if (QFile::exists(socket_) && socketAccepts(socket_)) return true;
        QThread::msleep(20);
    }
    why_ = QStringLiteral("the helper's socket did not come up");
    return false;
}

QByteArray CliFixture::helperLog() const
{
    QFile f(dir_.filePath(QStringLiteral("helper.log")));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

CliResult CliFixture::run(const QStringList& args, const QByteArray& stdinData, int timeoutMs) const
{
    CliResult r;
    QProcess p;
    p.start(onggictl(), QStringList{QStringLiteral("--host"), socket_} + args);
    if (!p.waitForStarted(10000)) return r;
    if (!stdinData.isEmpty()) p.write(stdinData);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QProcess* CliFixture::startBackground(const QStringList& args) const
{
    auto* p = new QProcess;
    p->start(onggictl(), QStringList{QStringLiteral("--host"), socket_} + args);
    p->waitForStarted(10000);
    return p;
}

void CliFixture::shutdown()
{
    if (helper_.state() == QProcess::Running) {
        // Containers a failed test left behind: removed through the helper (kills them too).
        const CliResult ids =
            run({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc")}, {}, 20000);
        const QStringList list = QString::fromUtf8(ids.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!list.isEmpty()) run(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + list, {}, 60000);
        ::kill(pid_t(helper_.processId()), SIGTERM);  // our child, by pid
        if (!helper_.waitForFinished(10000)) {
            helper_.kill();
            helper_.waitForFinished(5000);
        }
    }
    // The parent cgroups of our containers (rmdir only succeeds when empty).
    const QByteArray parent = QFile::encodeName(cgroupParent_);
    QDir fs(QStringLiteral("/sys/fs/cgroup"));
    for (const QString& h : fs.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        ::rmdir((QFile::encodeName(fs.filePath(h)) + parent).constData());
    ::rmdir((QByteArray("/sys/fs/cgroup") + parent).constData());
}

}  // namespace onggi::test

// A REAL onggi-helper for the GUI tests, the one way they start it: as root in a temp state
// root, socket and cgroup parent (optionally inside a network namespace the test made, with
// more arguments); stopped (or restarted, re-adopting its containers) on demand; at the end
// every container removed, and whatever the helper left in this test's cgroups ended by PID.
#pragma once

#include "client/helper_client.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace onggi::test {

// Where GUI tests save screenshots for people to look at: $ONGGI_SHOTS_DIR, else build/screenshots.
inline QString shotsDir()
{
    const QString d = qEnvironmentVariable("ONGGI_SHOTS_DIR", QStringLiteral(ONGGI_BINARY_DIR "/screenshots"));
    QDir().mkpath(d);
    return d;
}

class GuiHelper {
public:
    explicit GuiHelper(const QString& tag)
        : m_cgroupParent(QStringLiteral("/onggi-%1-%2").arg(tag).arg(QCoreApplication::applicationPid()))
    {
    }
    ~GuiHelper() { finish(); }

    // The helper runs in this network namespace (nsenter --net=PATH), with these extra arguments.
    void setNetns(const QString& path) { m_netns = path; }
    void setExtraArgs(const QStringList& args) { m_extraArgs = args; }

    QString socket() const { return m_tmp.filePath(QStringLiteral("run/helper.sock")); }
    QString cgroupParent() const { return m_cgroupParent; }
    // A path in the test's temp dir that holds no helper (the "helper absent" page).
    QString missingSocket() const { return m_tmp.filePath(QStringLiteral("no-such-dir/helper.sock")); }
    QString stateDir() const { return m_tmp.filePath(QStringLiteral("state")); }
    bool running() const { return m_proc.state() == QProcess::Running; }
    QString log() const { return read(m_tmp.filePath(QStringLiteral("helper.log"))).right(4000); }

    // False when this is no root or the helper is not built (the tests skip).
    bool usable() const { return ::geteuid() == 0 && QFile::exists(binary()); }

    bool start()
    {
        QDir().mkpath(m_tmp.filePath(QStringLiteral("run")));
        QDir().mkpath(m_tmp.filePath(QStringLiteral("state")));
        QFile::remove(socket());
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        m_proc.setStandardOutputFile(m_tmp.filePath(QStringLiteral("helper.log")), QIODevice::Append);
        const QStringList args = QStringList{QStringLiteral("--socket"),        socket(),
                                             QStringLiteral("--state-dir"),     stateDir(),
                                             QStringLiteral("--run-dir"),       m_tmp.filePath(QStringLiteral("run")),
                                             QStringLiteral("--cgroup-parent"), m_cgroupParent} +
                                 m_extraArgs;
        if (m_netns.isEmpty()) m_proc.start(binary(), args);
        else
            m_proc.start(QStringLiteral("nsenter"),
                         QStringList{QStringLiteral("--net=") + m_netns, QStringLiteral("--"), binary()} + args);
        if (!m_proc.waitForStarted()) return false;
        for (int i = 0; i < 200 && !QFile::exists(socket()) && running(); ++i) QTest::qWait(100);
        return running() && QFile::exists(socket());
    }

    // SIGTERM: the containers keep running under their shims; the next start re-adopts them.
    void stop()
    {
        if (!running()) return;
        m_proc.terminate();
        if (!m_proc.waitForFinished(15000)) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }

    // Every container removed, the helper stopped, this test's cgroups gone.
    void finish()
    {
        if (m_finished) return;
        m_finished = true;
        if (running()) {
            client::HelperClient c;
            if (c.connectToHelper(socket())) {
                c.callSync(QStringLiteral("hello"), {{"client", "gui-test"}, {"protocol", 1}}, 10000);
                const auto list = c.callSync(QStringLiteral("container.list"), {{"all", true}}, 10000);
                for (const QJsonValue& v : list.result.value(QLatin1String("containers")).toArray()) {
                    const auto r =
                        c.callSync(QStringLiteral("container.remove"),
                                   {{"id", v.toObject().value(QLatin1String("id"))}, {"force", true}}, 30000);
                    if (!r.ok())
                        qWarning("remove %s: %s", qPrintable(v.toObject().value(QLatin1String("name")).toString()),
                                 qPrintable(r.error.message));
                }
            }
            stop();
        }
        for (const QString& hier : {QStringLiteral("/sys/fs/cgroup/pids"), QStringLiteral("/sys/fs/cgroup")}) {
            const QString dir = hier + m_cgroupParent;
            for (int round = 0; round < 50 && QFileInfo::exists(dir); ++round) {
                bool any = false;
                for (const QString& child : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                    for (const QString& pid : read(dir + QLatin1Char('/') + child + QStringLiteral("/cgroup.procs"))
                                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                        ::kill(pid.toInt(), SIGKILL);
                        any = true;
                    }
                if (!any) break;
                QTest::qWait(100);
            }
        }
        for (const QString& root :
             QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString dir = QStringLiteral("/sys/fs/cgroup/") + root + m_cgroupParent;
            if (!QFileInfo::exists(dir)) continue;
            for (const QString& child : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                ::rmdir((dir + QLatin1Char('/') + child).toLocal8Bit().constData());
            ::rmdir(dir.toLocal8Bit().constData());
        }
        if (QFileInfo::exists(QStringLiteral("/sys/fs/cgroup") + m_cgroupParent))
            ::rmdir((QStringLiteral("/sys/fs/cgroup") + m_cgroupParent).toLocal8Bit().constData());
    }

    // A file's text, trimmed (UTF-8: lesson files too); empty when it cannot be read.
    static QString read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }

private:
    static QString binary()
    {
        return qEnvironmentVariable("ONGGI_TEST_HELPER", QStringLiteral(ONGGI_BINARY_DIR "/helper/onggi-helper"));
    }

    // TMPDIR (QDir::tempPath): overlay upper/work dirs need a plain filesystem, which /tmp is
    // not everywhere (an overlay root, as in the v2 guest, keeps them on TMPDIR).
    QTemporaryDir m_tmp{QDir::tempPath() + QStringLiteral("/onggi-guitest-XXXXXX")};
    QString m_cgroupParent, m_netns;
    QStringList m_extraArgs;
    QProcess m_proc;
    bool m_finished = false;
};

}  // namespace onggi::test

// A REAL onggi-helper for the GUI tests: started as root in a temp state root, socket and
// cgroup parent; stopped (or restarted, re-adopting its containers) on demand; at the end
// every container removed, and whatever the helper left in this test's cgroups ended by PID.
#pragma once

#include "client/helper_client.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace onggi::test {

class GuiHelper {
public:
    explicit GuiHelper(const QString& tag)
        : m_cgroupParent(QStringLiteral("/onggi-%1-%2").arg(tag).arg(QCoreApplication::applicationPid())) {}
    ~GuiHelper() { finish(); }

    QString socket() const { return m_tmp.filePath(QStringLiteral("run/helper.sock")); }
    QString stateDir() const { return m_tmp.filePath(QStringLiteral("state")); }
    bool running() const { return m_proc.state() == QProcess::Running; }
    QString log() const { return read(m_tmp.filePath(QStringLiteral("helper.log"))).right(4000); }

    // False when this is no root or the helper is not built (the tests skip).
    bool usable() const {
        return ::geteuid() == 0 && QFile::exists(binary());
    }

    bool start() {
        QDir().mkpath(m_tmp.filePath(QStringLiteral("run")));
        QDir().mkpath(m_tmp.filePath(QStringLiteral("state")));
        QFile::remove(socket());
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        m_proc.setStandardOutputFile(m_tmp.filePath(QStringLiteral("helper.log")), QIODevice::Append);
        m_proc.start(binary(), {QStringLiteral("--socket"), socket(), QStringLiteral("--state-dir"), m_tmp.filePath(QStringLiteral("state")),
                                QStringLiteral("--run-dir"), m_tmp.filePath(QStringLiteral("run")), QStringLiteral("--cgroup-parent"),
                                m_cgroupParent});
        if (!m_proc.waitForStarted()) return false;
        for (int i = 0; i < 200 && !QFile::exists(socket()) && running(); ++i) QTest::qWait(100);
        return running() && QFile::exists(socket());
    }

    // SIGTERM: the containers keep running under their shims; the next start re-adopts them.
    void stop() {
        if (!running()) return;
        m_proc.terminate();
        if (!m_proc.waitForFinished(15000)) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }

    // Every container removed, the helper stopped, this test's cgroups gone.
    void finish() {
        if (m_finished) return;
        m_finished = true;
        if (running()) {
            client::HelperClient c;
            if (c.connectToHelper(socket())) {
                c.callSync(QStringLiteral("hello"), {{"client", "gui-test"}, {"protocol", 1}}, 10000);
                const auto list = c.callSync(QStringLiteral("container.list"), {{"all", true}}, 10000);
                for (const QJsonValue& v : list.result.value(QLatin1String("containers")).toArray())
                    c.callSync(QStringLiteral("container.remove"), {{"id", v.toObject().value(QLatin1String("id"))}, {"force", true}}, 30000);
            }
            stop();
        }
        for (const QString& hier : {QStringLiteral("/sys/fs/cgroup/pids"), QStringLiteral("/sys/fs/cgroup")}) {
            const QString dir = hier + m_cgroupParent;
            for (int round = 0; round < 50 && QFileInfo::exists(dir); ++round) {
                bool any = false;
                for (const QString& child : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                    for (const QString& pid : read(dir + QLatin1Char('/') + child + QStringLiteral("/cgroup.procs")).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                        ::kill(pid.toInt(), SIGKILL);
                        any = true;
                    }
                if (!any) break;
                QTest::qWait(100);
            }
        }
        for (const QString& root : QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString dir = QStringLiteral("/sys/fs/cgroup/") + root + m_cgroupParent;
            if (!QFileInfo::exists(dir)) continue;
            for (const QString& child : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                ::rmdir((dir + QLatin1Char('/') + child).toLocal8Bit().constData());
            ::rmdir(dir.toLocal8Bit().constData());
        }
        if (QFileInfo::exists(QStringLiteral("/sys/fs/cgroup") + m_cgroupParent))
            ::rmdir((QStringLiteral("/sys/fs/cgroup") + m_cgroupParent).toLocal8Bit().constData());
    }

    static QString read(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
    }

private:
    static QString binary() {
        return qEnvironmentVariable("ONGGI_TEST_HELPER", QStringLiteral(ONGGI_BINARY_DIR "/helper/onggi-helper"));
    }

    QTemporaryDir m_tmp{QStringLiteral("/tmp/onggi-guitest-XXXXXX")};
    QString m_cgroupParent;
    QProcess m_proc;
    bool m_finished = false;
};

}  // namespace onggi::test

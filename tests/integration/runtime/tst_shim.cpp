// Integration tests of onggi-shim against docs/shim.md: detach, shim.json, JSON-line logs,
// exit.json (exit code, signal), error.json (stage + errno, nothing left), exec into the container.
#include "runtime_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <signal.h>
#include <unistd.h>

using namespace onggi;
using namespace rtfix;

class TstShim : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string rootfs_;
    std::vector<pid_t> to_kill_;  // init pids to SIGKILL if a test fails midway

    struct Started {
        Run run;
        std::string state, log, bundle;
        QJsonObject shim;
    };

    Started start(const std::string& id, const spec::Spec& s, bool init = false)
    {
        Started st;
        const std::string base = work_.path().toStdString() + "/" + id;
        st.bundle = base + "/bundle";
        st.state = base + "/state";
        st.log = base + "/container.log";
        write_bundle(st.bundle, s);
        QStringList args = {"run",
                            "--id",
                            QString::fromStdString(id),
                            "--bundle",
                            QString::fromStdString(st.bundle),
                            "--state-dir",
                            QString::fromStdString(st.state),
                            "--log",
                            QString::fromStdString(st.log)};
        if (init) args << "--init";
        st.run = run(binary("onggi-shim"), args);
        if (st.run.code == 0) {
            auto t = read_file(st.state + "/shim.json");
            if (t) st.shim = QJsonDocument::fromJson(QByteArray::fromStdString(t.value())).object();
            to_kill_.push_back(pid_t(st.shim.value("init_pid").toInt()));
        }
        return st;
    }
    static QJsonObject wait_exit(const std::string& state)
    {
        QJsonObject o;
        eventually(
            [&] {
                auto t = read_file(state + "/exit.json");
                if (!t) return false;
                o = QJsonDocument::fromJson(QByteArray::fromStdString(t.value())).object();
                return !o.isEmpty();
            },
            30000);
        return o;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests need root");
        std::string state_root;  // the shim's state dirs are per container (start_shim)
        const std::string why = prepare_workdir(work_, rootfs_, state_root);
        QVERIFY2(why.empty(), why.c_str());
    }
    void cleanup()
    {
        for (pid_t p : to_kill_)
            if (process_exists(p)) ::kill(p, SIGKILL);
        to_kill_.clear();
    }

    void runLogsAndKeepsTheExitCode()
    {
        const std::string id = unique_id("shim");
        auto s = test_spec(rootfs_, {"sh", "-c", "echo out1; echo err1 >&2; printf partial; exit 7"});
        s.linux.cgroups_path = "/onggi-test/" + id;
        Started st = start(id, s);
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        QVERIFY(st.shim.value("shim_pid").toInt() > 0);
        QCOMPARE(st.shim.value("cgroup_path").toString(), QString::fromStdString("/onggi-test/" + id));
        QJsonObject ex = wait_exit(st.state);
        QCOMPARE(ex.value("exit_code").toInt(), 7);
        QCOMPARE(ex.value("signal").toInt(), 0);
        QCOMPARE(ex.value("oom_killed").toBool(), false);
        QVERIFY(ex.value("finished_at_ns").toDouble() > 0);
        // The shim is gone, and so is the cgroup.
        QVERIFY(eventually([&] { return !process_exists(pid_t(st.shim.value("shim_pid").toInt())); }));
        QVERIFY(!cgroup_exists("/onggi-test/" + id));
        // Logs (docs/shim.md "log format"): "<ns> <o|e|O|E> <bytes>" per record, stdout and
        // stderr apart, the partial line flushed at EOF (O: its record's newline is not data).
        auto text = read_file(st.log);
        QVERIFY(text.ok());
        QStringList lines = QString::fromStdString(text.value()).split('\n', Qt::SkipEmptyParts);
        QMap<QString, QString> seen;
        for (const QString& l : lines) {
            const QStringList f = l.split(' ');
            QVERIFY2(f.size() >= 3 && f[0].toULongLong() > 1000000000000000000ull && f[1].size() == 1, qPrintable(l));
            const QChar k = f[1][0];
            QVERIFY2(QStringLiteral("oeOE").contains(k), qPrintable(l));
            const QString data = l.mid(f[0].size() + 3) + (k.isLower() ? QStringLiteral("\n") : QString());
            seen[k.toLower() == 'o' ? QStringLiteral("stdout") : QStringLiteral("stderr")] += data;
        }
        QCOMPARE(seen.value("stdout"), QString("out1\npartial"));
        QCOMPARE(seen.value("stderr"), QString("err1\n"));
    }

    void killedBySignal()
    {
        const std::string id = unique_id("shimsig");
        Started st = start(id, test_spec(rootfs_, {"sleep", "300"}), /*init=*/true);
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        pid_t init = pid_t(st.shim.value("init_pid").toInt());
        QVERIFY(process_exists(init));
        QCOMPARE(::kill(init, SIGTERM), 0);  // onggi-init forwards it to sleep
        QJsonObject ex = wait_exit(st.state);
        QCOMPARE(ex.value("exit_code").toInt(), 143);
        QCOMPARE(ex.value("signal").toInt(), int(SIGTERM));
        QVERIFY(!cgroup_exists("/onggi/" + id));
    }

    void failureWritesErrorJsonAndLeavesNothing()
    {
        const std::string id = unique_id("shimfail");
        auto s = test_spec(rootfs_, {"true"});
        s.process.cwd = "/no/such/dir";
        Started st = start(id, s);
        QCOMPARE(st.run.code, 1);
        auto t = read_file(st.state + "/error.json");
        QVERIFY(t.ok());
        auto o = QJsonDocument::fromJson(QByteArray::fromStdString(t.value())).object();
        QCOMPARE(o.value("stage").toString(), QString("cwd"));
        QCOMPARE(o.value("errno").toInt(), ENOENT);
        QCOMPARE(o.value("errc").toString(), QString("not_found"));
        QVERIFY(st.run.err.contains("\"stage\":\"cwd\""));
        QVERIFY(!cgroup_exists("/onggi/" + id));
        QVERIFY(::access((st.state + "/shim.json").c_str(), F_OK) != 0);
        QVERIFY(!host_mounts_mention(rootfs_));
    }

    // issue 19.6, the helper's path: a missing program is a clear start error in error.json,
    // in docker's words, and nothing is left.
    void missingProgramIsAClearStartError()
    {
        const std::string id = unique_id("shimnoprog");
        Started st = start(id, test_spec(rootfs_, {"no-such-program"}));
        QCOMPARE(st.run.code, 1);
        auto t = read_file(st.state + "/error.json");
        QVERIFY(t.ok());
        auto o = QJsonDocument::fromJson(QByteArray::fromStdString(t.value())).object();
        QCOMPARE(o.value("stage").toString(), QString("program"));
        QCOMPARE(o.value("errc").toString(), QString("not_found"));
        QVERIFY2(o.value("message").toString().contains(
                     "process.args[0] \"no-such-program\": executable file not found in $PATH"),
                 qPrintable(o.value("message").toString()));
        QVERIFY(!cgroup_exists("/onggi/" + id));
        QVERIFY(!host_mounts_mention(rootfs_));
    }

    void execRunsInsideAndReturnsItsCode()
    {
        const std::string id = unique_id("shimexec");
        Started st = start(id, test_spec(rootfs_, {"sleep", "300"}));
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        pid_t init = pid_t(st.shim.value("init_pid").toInt());
        Run e = run(binary("onggi-shim"),
                    {"exec", "--bundle", QString::fromStdString(st.bundle), "--state-dir",
                     QString::fromStdString(st.state), "--env", "GREETING=annyeong", "--cwd", "/tmp", "--", "sh", "-c",
                     "echo $GREETING $(pwd) $(hostname); readlink /proc/1/ns/pid; exit 5"});
        QCOMPARE(e.code, 5);
        QStringList out = e.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(out.value(0), QString("annyeong /tmp onggi-test"));
        // Same pid namespace as the container's init.
        char buf[64] = {};
        QVERIFY(::readlink(("/proc/" + std::to_string(init) + "/ns/pid").c_str(), buf, sizeof buf - 1) > 0);
        QCOMPARE(out.value(1), QString(buf));
        Run bad = run(binary("onggi-shim"), {"exec", "--bundle", QString::fromStdString(st.bundle), "--state-dir",
                                             QString::fromStdString(st.state), "--", "/nope"});
        QCOMPARE(bad.code, 125);
        QVERIFY2(bad.err.contains("\"stage\":\"program\""), qPrintable(bad.err));
        ::kill(init, SIGKILL);
        QJsonObject ex = wait_exit(st.state);
        QCOMPARE(ex.value("exit_code").toInt(), 137);
        QVERIFY(!cgroup_exists("/onggi/" + id));
        // exec after exit is refused.
        Run late = run(binary("onggi-shim"), {"exec", "--bundle", QString::fromStdString(st.bundle), "--state-dir",
                                              QString::fromStdString(st.state), "--", "true"});
        QCOMPARE(late.code, 125);
    }
};

QTEST_GUILESS_MAIN(TstShim)
#include "tst_shim.moc"

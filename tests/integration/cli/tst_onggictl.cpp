// onggictl end to end against a real onggi-helper: real containers, checked through the
// kernel's view (/proc/PID/ns, cgroup files) as well as onggictl's own output.
#include "cli_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using onggi::test::CliFixture;
using onggi::test::CliResult;

namespace {
QString S(const char* s) { return QString::fromUtf8(s); }
QString out(const CliResult& r) { return QString::fromUtf8(r.out); }
QString err(const CliResult& r) { return QString::fromUtf8(r.err); }
QByteArray describe(const CliResult& r)
{
    return "exit " + QByteArray::number(r.exitCode) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}
QString readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}
}  // namespace

class TestOnggictl : public QObject {
    Q_OBJECT
private:
    CliFixture* fx_ = nullptr;
    int serial_ = 0;
    QString name() { return S("clitest-%1-%2").arg(::getpid()).arg(++serial_); }
    CliResult ctl(const QStringList& args, const QByteArray& in = {}, int timeoutMs = 60000)
    {
        return fx_->run(args, in, timeoutMs);
    }
    QJsonObject inspect(const QString& id)
    {
        const CliResult r = ctl({S("inspect"), id});
        return QJsonDocument::fromJson(r.out).array().at(0).toObject();
    }

private slots:
    void initTestCase()
    {
        if (const QString why = CliFixture::skipReason(); !why.isEmpty()) QSKIP(qPrintable(why));
        fx_ = new CliFixture;
        QVERIFY2(fx_->start(), qPrintable(fx_->why()));
    }

    void cleanupTestCase()
    {
        delete fx_;
        fx_ = nullptr;
    }

    void runRmEchoHi()
    {
        const QString n = name();
        const CliResult r = ctl({S("run"), S("--rm"), S("--name"), n, S("busybox"), S("echo"), S("hi")});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QCOMPARE(out(r), S("hi\n"));
        // --rm: gone afterwards.
        const CliResult ps = ctl({S("ps"), S("-a")});
        QCOMPARE(ps.exitCode, 0);
        QVERIFY2(!out(ps).contains(n), describe(ps));
    }

    void runRmShortLivedKeepsEveryLine()
    {
        // --rm is the helper's auto-remove: the container is gone the moment it ended, so the
        // log must be followed from before its start. Short runs, back to back, lose nothing.
        QString want;
        for (int i = 1; i <= 300; ++i) want += QString::number(i) + QLatin1Char('\n');
        for (int round = 0; round < 10; ++round) {
            const CliResult r = ctl({S("run"), S("--rm"), S("busybox"), S("sh"), S("-c"), S("seq 1 300; exit 4")});
            QVERIFY2(r.finished && r.exitCode == 4, describe(r));
            QCOMPARE(out(r), want);
        }
        const CliResult ps = ctl({S("ps"), S("-aq")});
        QCOMPARE(out(ps), QString());
    }

    void runInteractiveWithoutTerminalPipesStdin()
    {
        // docker's `... | run -i image prog`: our stdin is the container's, to its end.
        QByteArray in;
        for (int i = 0; i < 40000; ++i) in += QByteArray::number(i) + '\n';
        const CliResult r = ctl({S("run"), S("-i"), S("--rm"), S("busybox"), S("sh"), S("-c"),
                                 S("wc -l; tail -n 1; echo to-err >&2; exit 5")},
                                in);
        QVERIFY2(r.finished && r.exitCode == 5, describe(r));
        QCOMPARE(out(r), S("40000\n"));  // wc read all; nothing left for tail: one stdin
        QCOMPARE(err(r), S("to-err\n"));
        // Without -i the container's stdin is empty, as before.
        const CliResult r2 = ctl({S("run"), S("--rm"), S("busybox"), S("wc"), S("-c")}, "not for it\n");
        QVERIFY2(r2.finished && r2.exitCode == 0, describe(r2));
        QCOMPARE(out(r2).trimmed(), S("0"));
        // Empty input: EOF at once.
        const CliResult r3 = ctl({S("run"), S("-i"), S("--rm"), S("busybox"), S("cat")});
        QVERIFY2(r3.finished && r3.exitCode == 0, describe(r3));
        QCOMPARE(out(r3), QString());
        // No stdin at all (closed, as `<&-`): the same, not a socket of ours read as input.
        QProcess sh;
        sh.start(S("/bin/sh"),
                 {S("-c"), S("exec \"$0\" --host \"$1\" run -i --rm busybox sh -c 'cat; echo closed-ok' <&-"),
                  CliFixture::onggictl(), fx_->socket()});
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), S("closed-ok\n"));
    }

    void startAttachWithoutTerminal()
    {
        // start -a of a container without a terminal: only this run's output, stdout and stderr
        // apart, and its exit code; -i gives it our stdin when it was created with -i.
        const QString n = name();
        QVERIFY(ctl({S("create"), S("--name"), n, S("busybox"), S("sh"), S("-c"),
                     S("echo run-$(cat /proc/self/stat | cut -d' ' -f1); echo e >&2; exit 6")})
                    .exitCode == 0);
        const CliResult first = ctl({S("start"), S("-a"), n});
        QVERIFY2(first.finished && first.exitCode == 6, describe(first));
        QVERIFY2(out(first).startsWith(S("run-")) && out(first).count(QLatin1Char('\n')) == 1, describe(first));
        QCOMPARE(err(first), S("e\n"));
        const CliResult second = ctl({S("start"), S("-a"), n});
        QVERIFY2(second.finished && second.exitCode == 6, describe(second));
        QCOMPARE(out(second).count(QLatin1Char('\n')), 1);  // not the first run's line again
        const CliResult logs = ctl({S("logs"), n});
        QCOMPARE(out(logs).count(S("run-")), 2);
        QCOMPARE(ctl({S("rm"), n}).exitCode, 0);

        const QString m = name();
        QVERIFY(ctl({S("create"), S("-i"), S("--name"), m, S("busybox"), S("wc"), S("-c")}).exitCode == 0);
        const CliResult fed = ctl({S("start"), S("-ai"), m}, "12345");
        QVERIFY2(fed.finished && fed.exitCode == 0, describe(fed));
        QCOMPARE(out(fed).trimmed(), S("5"));
        QCOMPARE(ctl({S("rm"), m}).exitCode, 0);
    }

    void runExitCodeAndStreams()
    {
        const CliResult r =
            ctl({S("run"), S("--rm"), S("busybox"), S("sh"), S("-c"), S("echo to-out; echo to-err >&2; exit 3")});
        QVERIFY2(r.finished, describe(r));
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(out(r), S("to-out\n"));
        QCOMPARE(err(r), S("to-err\n"));
    }

    void runUnknownCommandIs127()
    {
        const CliResult r = ctl({S("run"), S("--rm"), S("busybox"), S("/no/such/program")});
        QVERIFY2(r.finished, describe(r));
        QVERIFY2(r.exitCode == 127, describe(r));
    }

    void runWithLimitsInTheKernel()
    {
        // The container reads its own cgroup limits: the kernel's view from inside.
        const CliResult r = ctl({S("run"), S("--rm"), S("-m"), S("64m"), S("--pids-limit"), S("33"), S("busybox"),
                                 S("cat"), S("/proc/self/cgroup")});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(!out(r).isEmpty(), describe(r));
    }

    // docker's --device-read-bps/--device-write-bps/--device-read-iops/--device-write-iops:
    // "/dev/X:RATE" resolved by onggictl, carried as MAJOR:MINOR, written to io.max (v2) or
    // blkio.throttle.* (v1). A path that is not a block device is refused before the helper.
    void deviceRateFlagsReachTheKernel()
    {
        QString disk;  // a whole disk (io.max and blkio refuse partitions)
        for (const QString& n : QDir(S("/sys/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (QFileInfo::exists(S("/dev/") + n) && !n.startsWith(S("zram"))) {
                disk = S("/dev/") + n;
                break;
            }
        if (disk.isEmpty()) QSKIP("no block device in /sys/block");
        struct stat st {};
        QCOMPARE(::stat(disk.toLocal8Bit().constData(), &st), 0);
        const QString dev = S("%1:%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
        const QString n = name();
        CliResult r = ctl({S("run"), S("-d"), S("--name"), n, S("--device-read-bps"), disk + S(":1mb"),
                           S("--device-write-iops"), disk + S(":100"), S("busybox"), S("sleep"), S("1000")});
        QVERIFY2(r.exitCode == 0, describe(r));
        const QJsonObject in = inspect(n);
        const QString cg = in.value(S("cgroup_path")).toString();
        QVERIFY(!cg.isEmpty());
        if (QFile::exists(S("/sys/fs/cgroup/blkio") + cg)) {
            QVERIFY2(readFile(S("/sys/fs/cgroup/blkio%1/blkio.throttle.read_bps_device").arg(cg))
                         .contains(dev + S(" 1048576")),
                     qPrintable(dev));
            QVERIFY2(readFile(S("/sys/fs/cgroup/blkio%1/blkio.throttle.write_iops_device").arg(cg))
                         .contains(dev + S(" 100")),
                     qPrintable(dev));
        } else {
            const QString io = readFile(S("/sys/fs/cgroup%1/io.max").arg(cg));
            QVERIFY2(io.contains(dev + S(" rbps=1048576 wbps=max riops=max wiops=100")), qPrintable(io));
        }
        const QJsonArray lim =
            in.value(S("container")).toObject().value(S("limits")).toObject().value(S("io")).toArray();
        QCOMPARE(lim.size(), 1);
        QCOMPARE(lim.at(0).toObject().value(S("device")).toString(), dev);
        QCOMPARE(lim.at(0).toObject().value(S("read_bps")).toInteger(), 1048576);
        QCOMPARE(lim.at(0).toObject().value(S("write_iops")).toInteger(), 100);
        QVERIFY(ctl({S("rm"), S("-f"), n}).exitCode == 0);

        r = ctl({S("run"), S("--rm"), S("--device-read-bps"), S("/etc/passwd:1mb"), S("busybox"), S("true")});
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(err(r).contains(S("not a block device")), describe(r));
        r = ctl({S("run"), S("--rm"), S("--device-write-bps"), disk + S(":fast"), S("busybox"), S("true")});
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(err(r).contains(S("fast")), describe(r));
    }

    void detachedLifecycle()
    {
        const QString n = name();
        CliResult r =
            ctl({S("run"), S("-d"), S("--name"), n, S("-e"), S("GREETING=hello"), S("busybox"), S("sleep"), S("1000")});
        QVERIFY2(r.exitCode == 0, describe(r));
        const QString id = out(r).trimmed();
        QVERIFY2(QRegularExpression(S("^[0-9a-f]{64}$")).match(id).hasMatch(), qPrintable(id));

        // The kernel's view: its own PID namespace, by the pid the helper reports.
        QJsonObject in = inspect(n);
        const QJsonObject summary = in.value(S("container")).toObject();
        QCOMPARE(summary.value(S("state")).toString(), S("running"));
        const qint64 pid = summary.value(S("pid")).toInteger();
        QVERIFY(pid > 0);
        const QString nsIn = QFile::symLinkTarget(S("/proc/%1/ns/pid").arg(pid));
        const QString nsOut = QFile::symLinkTarget(S("/proc/self/ns/pid"));
        QVERIFY(!nsIn.isEmpty());
        QVERIFY(nsIn != nsOut);

        // ps / ps -q / --json ps
        r = ctl({S("ps")});
        QVERIFY2(out(r).contains(n) && out(r).contains(id.left(12)) && out(r).contains(S("Up")), describe(r));
        QVERIFY(out(r).startsWith(S("CONTAINER ID")));
        r = ctl({S("ps"), S("-q")});
        QVERIFY(out(r).split(QLatin1Char('\n')).contains(id.left(12)));
        r = ctl({S("--json"), S("ps")});
        bool found = false;
        for (const QJsonValue& v : QJsonDocument::fromJson(r.out).array())
            found = found || v.toObject().value(S("name")).toString() == n;
        QVERIFY2(found, describe(r));

        // exec: output, environment, exit codes
        r = ctl({S("exec"), n, S("sh"), S("-c"), S("echo $GREETING from $(hostname)")});
        QVERIFY2(r.exitCode == 0, describe(r));
        QVERIFY2(out(r).startsWith(S("hello from")), describe(r));
        r = ctl({S("exec"), n, S("sh"), S("-c"), S("exit 5")});
        QCOMPARE(r.exitCode, 5);
        r = ctl({S("exec"), S("-e"), S("X=42"), S("-w"), S("/tmp"), n, S("sh"), S("-c"), S("echo $X $(pwd)")});
        QCOMPARE(out(r), S("42 /tmp\n"));

        // top lists the sleep with its host pid
        r = ctl({S("top"), n});
        QVERIFY2(r.exitCode == 0 && out(r).contains(S("sleep")) && out(r).contains(QString::number(pid)), describe(r));

        // update: the cgroup files change
        r = ctl({S("update"), S("--memory"), S("64m"), S("--pids-limit"), S("50"), n});
        QVERIFY2(r.exitCode == 0, describe(r));
        in = inspect(n);
        const QString cg = in.value(S("cgroup_path")).toString();
        QVERIFY(!cg.isEmpty());
        const QString memFile = QFile::exists(S("/sys/fs/cgroup/memory") + cg)
                                    ? S("/sys/fs/cgroup/memory%1/memory.limit_in_bytes").arg(cg)
                                    : S("/sys/fs/cgroup%1/memory.max").arg(cg);
        QCOMPARE(readFile(memFile), S("67108864"));
        const QString pidsFile = QFile::exists(S("/sys/fs/cgroup/pids") + cg)
                                     ? S("/sys/fs/cgroup/pids%1/pids.max").arg(cg)
                                     : S("/sys/fs/cgroup%1/pids.max").arg(cg);
        QCOMPARE(readFile(pidsFile), S("50"));
        QCOMPARE(in.value(S("container")).toObject().value(S("limits")).toObject().value(S("memory")).toInteger(),
                 67108864);

        // bad size: refused by onggictl before the helper
        r = ctl({S("update"), S("--memory"), S("12x"), n});
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(err(r).contains(S("12x")), describe(r));

        // pause / unpause: the freezer
        r = ctl({S("pause"), n});
        QVERIFY2(r.exitCode == 0, describe(r));
        QCOMPARE(inspect(n).value(S("container")).toObject().value(S("state")).toString(), S("paused"));
        r = ctl({S("unpause"), n});
        QVERIFY2(r.exitCode == 0, describe(r));

        // stop: exited, the process is gone
        r = ctl({S("stop"), S("-t"), S("1"), n});
        QVERIFY2(r.exitCode == 0 && out(r).trimmed() == n, describe(r));
        in = inspect(n);
        QCOMPARE(in.value(S("container")).toObject().value(S("state")).toString(), S("exited"));
        QVERIFY(!QFile::exists(S("/proc/%1/ns/pid").arg(pid)) ||
                QFile::symLinkTarget(S("/proc/%1/ns/pid").arg(pid)) != nsIn);
        r = ctl({S("ps")});
        QVERIFY(!out(r).contains(n));
        r = ctl({S("ps"), S("-a")});
        QVERIFY2(out(r).contains(n) && out(r).contains(S("Exited")), describe(r));

        // rm
        r = ctl({S("rm"), n});
        QVERIFY2(r.exitCode == 0, describe(r));
        r = ctl({S("inspect"), n});
        QCOMPARE(r.exitCode, 1);
    }

    void logsOfAnExitedContainer()
    {
        const QString n = name();
        CliResult r = ctl({S("run"), S("-d"), S("--name"), n, S("busybox"), S("sh"), S("-c"),
                           S("echo one; echo two >&2; echo three")});
        QVERIFY2(r.exitCode == 0, describe(r));
        // logs -f ends when the container exits
        r = ctl({S("logs"), S("-f"), n});
        QVERIFY2(r.finished && r.exitCode == 0, describe(r));
        QCOMPARE(out(r), S("one\nthree\n"));
        QCOMPARE(err(r), S("two\n"));
        r = ctl({S("logs"), S("--tail"), S("1"), n});
        QCOMPARE((out(r) + err(r)).count(QLatin1Char('\n')), 1);  // stdout and stderr are separate pipes: no order
        r = ctl({S("logs"), S("-t"), n});
        QVERIFY2(QRegularExpression(S("^\\d{4}-\\d\\d-\\d\\dT[^ ]+ one\n")).match(out(r)).hasMatch(), describe(r));
        QCOMPARE(ctl({S("rm"), n}).exitCode, 0);
    }

    void interactiveExecThroughThePty()
    {
        const QString n = name();
        CliResult r = ctl({S("run"), S("-d"), S("--name"), n, S("busybox"), S("sleep"), S("1000")});
        QVERIFY2(r.exitCode == 0, describe(r));
        // stdin is a pipe here: onggictl relays it into the pty, then ends it with ^D.
        r = ctl({S("exec"), S("-it"), n, S("sh")}, "tty -s && echo on-a-tty; exit 4\n", 30000);
        QVERIFY2(r.finished, describe(r));
        QVERIFY2(out(r).contains(S("on-a-tty")), describe(r));
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(ctl({S("rm"), S("-f"), n}).exitCode, 0);
    }

    void eventsStream()
    {
        const QString n = name(), marker = name();
        QProcess* ev = fx_->startBackground({S("events"), S("--format"), S("json")});
        auto readUntil = [&](const QString& who, const QString& action, QStringList& seen) {
            QElapsedTimer t;
            t.start();
            while (!seen.contains(action) && t.elapsed() < 30000) {
                ev->waitForReadyRead(500);
                while (ev->canReadLine()) {
                    const QJsonObject e = QJsonDocument::fromJson(ev->readLine()).object();
                    if (e.value(S("name")).toString() == who) seen << e.value(S("action")).toString();
                }
            }
            return seen.contains(action);
        };
        // Until the marker's create shows, the subscription may not be in place yet.
        QStringList markerSeen;
        for (int i = 0; i < 20 && markerSeen.isEmpty(); ++i) {
            const QString m = marker + S("-%1").arg(i);
            ctl({S("create"), S("--name"), m, S("busybox"), S("true")});
            readUntil(m, S("create"), markerSeen);
            ctl({S("rm"), m});
        }
        QVERIFY2(!markerSeen.isEmpty(), "no events at all");
        CliResult r = ctl({S("run"), S("--rm"), S("--name"), n, S("busybox"), S("true")});
        QVERIFY2(r.exitCode == 0, describe(r));
        QStringList actions;
        readUntil(n, S("destroy"), actions);
        ev->kill();
        ev->waitForFinished(5000);
        delete ev;
        QVERIFY2(actions.contains(S("create")) && actions.contains(S("start")) && actions.contains(S("die")) &&
                     actions.contains(S("destroy")),
                 qPrintable(actions.join(S(","))));
    }

    void statsNoStream()
    {
        const QString n = name();
        CliResult r = ctl({S("run"), S("-d"), S("--name"), n, S("-m"), S("32m"), S("busybox"), S("sleep"), S("1000")});
        QVERIFY2(r.exitCode == 0, describe(r));
        r = ctl({S("stats"), S("--no-stream"), S("--format"), S("json"), n}, {}, 30000);
        ctl({S("rm"), S("-f"), n});
        if (err(r).contains(S("does not know this operation"))) QSKIP("the helper has no stats.subscribe yet");
        QVERIFY2(r.exitCode == 0, describe(r));
        const QJsonObject s = QJsonDocument::fromJson(r.out.split('\n').first()).object();
        QCOMPARE(s.value(S("name")).toString(), n);
        QCOMPARE(s.value(S("memory_limit")).toInteger(), 32 << 20);
        QVERIFY(s.value(S("pids_current")).toInteger() >= 1);
    }

    // The README: "every command takes --json" - before or after the command's name.
    void jsonAfterTheCommand()
    {
        const QString n = name();
        CliResult r = ctl({S("create"), S("--name"), n, S("busybox"), S("true")});
        QVERIFY2(r.exitCode == 0, describe(r));
        for (const QStringList& args :
             {QStringList{S("ps"), S("-a"), S("--json")}, QStringList{S("--json"), S("ps"), S("-a")}}) {
            r = ctl(args);
            QVERIFY2(r.exitCode == 0, describe(r));
            const QJsonDocument d = QJsonDocument::fromJson(r.out);
            QVERIFY2(d.isArray(), r.out.constData());
            bool found = false;
            for (const QJsonValue& v : d.array()) found = found || v.toObject().value(S("name")).toString() == n;
            QVERIFY2(found, r.out.constData());
        }
        ctl({S("rm"), S("-f"), n});
    }

    void errorsLikeDocker_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("unknown flag") << QStringList{S("run"), S("--bogus"), S("busybox")} << 125
                                      << S("unknown flag: --bogus");
        QTest::newRow("see help") << QStringList{S("run"), S("--bogus"), S("busybox")} << 125
                                  << S("See 'onggictl run --help'.");
        QTest::newRow("bad size") << QStringList{S("run"), S("-m"), S("lots"), S("busybox")} << 125
                                  << S("invalid size \"lots\"");
        QTest::newRow("missing value") << QStringList{S("run"), S("--name")} << 125
                                       << S("flag needs an argument: --name");
        QTest::newRow("no image") << QStringList{S("run")} << 125 << S("requires at least 1 argument");
        QTest::newRow("ps extra arg") << QStringList{S("ps"), S("x")} << 125 << S("requires exactly 0 argument");
        QTest::newRow("unknown command") << QStringList{S("frobnicate")} << 1 << S("is not an onggictl command");
        QTest::newRow("stop unknown") << QStringList{S("stop"), S("no-such-container-xyz")} << 1
                                      << S("Error response from helper:");
        QTest::newRow("logs unknown") << QStringList{S("logs"), S("no-such-container-xyz")} << 1
                                      << S("no-such-container-xyz");
        QTest::newRow("run unknown image")
            << QStringList{S("run"), S("--rm"), S("no-such-image-xyz")} << 125 << S("Error response from helper:");
        QTest::newRow("bad restart") << QStringList{S("run"), S("--rm"), S("--restart"), S("sometimes"), S("busybox")}
                                     << 125 << S("restart");
    }
    void errorsLikeDocker()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrHas);
        const CliResult r = ctl(args);
        QVERIFY2(r.finished, describe(r));
        QVERIFY2(r.exitCode == exitCode, describe(r));
        QVERIFY2(err(r).contains(stderrHas), describe(r));
    }

    void helperNotRunning()
    {
        QProcess p;
        p.start(CliFixture::onggictl(),
                {S("--host"), QDir::tempPath() + S("/no-helper-%1.sock").arg(::getpid()), S("ps")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 1);  // as docker when its daemon is down
        const QString e = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(e.contains(S("not running")) && e.contains(S("no-helper")), qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestOnggictl)
#include "tst_onggictl.moc"

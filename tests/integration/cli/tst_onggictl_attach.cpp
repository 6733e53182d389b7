// onggictl on a container's own terminal, end to end under a real pty (as a person at a
// terminal): run -it prints the container's output, takes typed input and the window size, and
// exits with the container's exit code; ctrl-p ctrl-q detaches and leaves it running; attach
// comes back; start -ai starts attached; attach to a container without a terminal is refused.
#include "cli_fixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <vector>

using onggi::test::CliFixture;
using onggi::test::CliResult;

namespace {
QString S(const char* s) { return QString::fromUtf8(s); }

// onggictl with a pty as its terminal (stdin, stdout, stderr, controlling terminal).
class PtySession {
public:
    PtySession(const QString& socket, const QStringList& args, unsigned short rows = 24, unsigned short cols = 80)
    {
        winsize ws{};
        ws.ws_row = rows;
        ws.ws_col = cols;
        std::vector<std::string> argv = {CliFixture::onggictl().toStdString(), "--host", socket.toStdString()};
        for (const QString& a : args) argv.push_back(a.toStdString());
        pid_ = ::forkpty(&master_, nullptr, nullptr, &ws);
        if (pid_ == 0) {
            std::vector<char*> av;
            for (auto& a : argv) av.push_back(a.data());
            av.push_back(nullptr);
            ::execv(av[0], av.data());
            ::_exit(127);
        }
        if (master_ >= 0) ::fcntl(master_, F_SETFL, ::fcntl(master_, F_GETFL) | O_NONBLOCK);
    }
    ~PtySession()
    {
        if (pid_ > 0 && exit_ == -1) {
            ::kill(pid_, SIGKILL);  // only our own onggictl, by pid
            ::waitpid(pid_, nullptr, 0);
        }
        if (master_ >= 0) ::close(master_);
    }
    bool started() const { return pid_ > 0 && master_ >= 0; }

    // Reads until `needle` is in the output (or EOF / the limit, against hanging only).
    bool expect(const QByteArray& needle, int timeoutMs = 30000)
    {
        QElapsedTimer t;
        t.start();
        while (!out_.contains(needle)) {
            const qint64 left = timeoutMs - t.elapsed();
            if (left <= 0 || !pump(int(left))) return out_.contains(needle);
        }
        return true;
    }
    void type(const QByteArray& keys) { (void)!::write(master_, keys.constData(), size_t(keys.size())); }
    // Waits for onggictl to exit (reading its output meanwhile); its exit code, or -1.
    int finish(int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (exit_ == -1 && t.elapsed() < timeoutMs) {
            int st = 0;
            if (::waitpid(pid_, &st, WNOHANG) == pid_) {
                exit_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
                while (pump(50)) {}
                break;
            }
            pump(50);
        }
        return exit_;
    }
    const QByteArray& output() const { return out_; }

private:
    bool pump(int timeoutMs)
    {
        pollfd p{master_, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0) return true;
        char buf[4096];
        const ssize_t n = ::read(master_, buf, sizeof buf);
        if (n > 0) {
            out_.append(buf, n);
            return true;
        }
        return n < 0 && errno == EAGAIN;  // EIO: onggictl and its terminal are gone
    }

    pid_t pid_ = -1;
    int master_ = -1;
    int exit_ = -1;
    QByteArray out_;
};

}  // namespace

class TestOnggictlAttach : public QObject {
    Q_OBJECT
private:
    CliFixture* fx_ = nullptr;
    int serial_ = 0;
    QString name() { return S("attachtest-%1-%2").arg(::getpid()).arg(++serial_); }
    QJsonObject inspect(const QString& id)
    {
        const CliResult r = fx_->run({S("inspect"), id});
        return QJsonDocument::fromJson(r.out).array().at(0).toObject().value(S("container")).toObject();
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

    void runItOutputInputSizeAndExitCode()
    {
        const QString n = name();
        PtySession s(fx_->socket(),
                     {S("run"), S("-it"), S("--rm"), S("--name"), n, S("busybox"), S("sh"), S("-c"),
                      S("echo hello-from-$((40+2)); read x; stty size; echo got:$x; exit 3")},
                     33, 101);
        QVERIFY(s.started());
        QVERIFY2(s.expect("hello-from-42"), s.output().constData());
        s.type("abc\r");  // raw mode here: the container's terminal turns CR into NL
        QVERIFY2(s.expect("got:abc"), s.output().constData());
        QCOMPARE(s.finish(), 3);
        // The size of onggictl's terminal reached the container's.
        QVERIFY2(s.output().contains("33 101"), s.output().constData());
        // --rm: removed by the helper after the exit.
        QElapsedTimer t;
        t.start();
        while (fx_->run({S("inspect"), n}).exitCode == 0 && t.elapsed() < 20000) QTest::qWait(50);
        QVERIFY(fx_->run({S("inspect"), n}).exitCode != 0);
    }

    void runItSeesTheFirstLineOfAShortContainer()
    {
        // Also: the terminal has onggictl's size from the container's first instruction.
        PtySession s(fx_->socket(),
                     {S("run"), S("-it"), S("--rm"), S("busybox"), S("sh"), S("-c"),
                      S("stty size; echo only-line-$((3*3)); exit 12")},
                     27, 91);
        QVERIFY(s.started());
        QCOMPARE(s.finish(), 12);
        QVERIFY2(s.output().contains("only-line-9"), s.output().constData());
        QVERIFY2(s.output().contains("27 91"), s.output().constData());
    }

    void runItWithAMissingProgramSaysSo()
    {
        PtySession s(fx_->socket(), {S("run"), S("-it"), S("--rm"), S("busybox"), S("no-such-program-here")});
        QVERIFY(s.started());
        QCOMPARE(s.finish(), 127);
        // Refused at start, before any terminal is attached (issue 19.6), in docker's words.
        QVERIFY2(s.output().contains("\"no-such-program-here\": executable file not found in $PATH"),
                 s.output().constData());
    }

    void detachKeysLeaveItRunningAndAttachComesBack()
    {
        const QString n = name();
        {
            PtySession s(fx_->socket(), {S("run"), S("-it"), S("--name"), n, S("busybox"), S("sh")});
            QVERIFY(s.started());
            QVERIFY2(s.expect("# "), s.output().constData());
            s.type(QByteArray("\x10\x11"));
            QCOMPARE(s.finish(), 0);
            QVERIFY2(s.output().contains("Detached"), s.output().constData());
        }
        QCOMPARE(inspect(n).value(S("state")).toString(), S("running"));
        {
            // exec -it beside the attach (the same raw terminal handling, on an exec's own pty).
            PtySession s(fx_->socket(),
                         {S("exec"), S("-it"), n, S("sh"), S("-c"), S("read y; echo in-exec-$y; exit 3")});
            QVERIFY(s.started());
            s.type("ok\r");
            QVERIFY2(s.expect("in-exec-ok"), s.output().constData());
            QCOMPARE(s.finish(), 3);
        }
        {
            PtySession s(fx_->socket(), {S("attach"), n});
            QVERIFY(s.started());
            s.type("echo back-$((1+1))\r");
            QVERIFY2(s.expect("back-2"), s.output().constData());
            s.type("exit 6\r");
            QCOMPARE(s.finish(), 6);
        }
        QCOMPARE(inspect(n).value(S("state")).toString(), S("exited"));
        QCOMPARE(inspect(n).value(S("exit_code")).toInt(), 6);
        QCOMPARE(fx_->run({S("rm"), n}).exitCode, 0);
    }

    void startAttachedInteractive()
    {
        const QString n = name();
        const CliResult c = fx_->run({S("create"), S("-it"), S("--name"), n, S("busybox"), S("sh"), S("-c"),
                                      S("echo first-$((2+3)); read x; exit $x")});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        PtySession s(fx_->socket(), {S("start"), S("-ai"), n});
        QVERIFY(s.started());
        QVERIFY2(s.expect("first-5"), s.output().constData());
        s.type("9\r");
        QCOMPARE(s.finish(), 9);
        QCOMPARE(fx_->run({S("rm"), n}).exitCode, 0);
    }

    void attachNeedsATerminal()
    {
        const QString n = name();
        const CliResult r = fx_->run({S("run"), S("-d"), S("--name"), n, S("busybox"), S("sleep"), S("1000")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const CliResult a = fx_->run({S("attach"), n});
        QCOMPARE(a.exitCode, 1);
        QVERIFY2(a.err.contains("terminal"), a.err.constData());
        const CliResult m = fx_->run({S("start"), S("-a"), n, n});
        QCOMPARE(m.exitCode, 125);
        QCOMPARE(fx_->run({S("rm"), S("-f"), n}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestOnggictlAttach)
#include "tst_onggictl_attach.moc"

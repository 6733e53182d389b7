// onggi-shim's attach contract (docs/shim.md "Attach"), without a helper: --attach-wait holds
// the container's init before execve until the first attacher (the init is still the shim's
// clone until then), or releases it after 10 s with nobody; --attach-wait needs a terminal;
// --console-size sets the pty's size before the container runs; --open-stdin (no terminal): the
// first attacher's input is the container's stdin, closed when that input ends.
#include "runtime_fixture.h"

#include "engine/image/builtin_rootfs.h"
#include "tests/support/attach_socket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace onggi;
using namespace rtfix;

namespace {

int connect_attach(const std::string& state) { return onggi::test::connect_attach_socket(state); }

std::string read_to_eof(int fd, int timeout_ms = 30000)
{
    std::string got;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) break;
        char buf[4096];
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got.append(buf, size_t(n));
    }
    return got;
}

bool send_all(int fd, const std::string& data)
{
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n <= 0) return false;
        off += size_t(n);
    }
    return true;
}

std::string frame(uint8_t type, const std::string& payload)
{
    std::string f(3, '\0');
    f[0] = char(type);
    f[1] = char((payload.size() >> 8) & 0xff);
    f[2] = char(payload.size() & 0xff);
    return f + payload;
}

std::string cmdline(pid_t pid)
{
    auto t = read_file("/proc/" + std::to_string(pid) + "/cmdline");
    std::string s = t ? t.value() : std::string();
    for (auto& c : s)
        if (c == '\0') c = ' ';
    return s;
}

}  // namespace

class TstShimAttach : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string rootfs_;
    std::vector<pid_t> to_kill_;

    struct Started {
        Run run;
        std::string state, log;
        pid_t init = 0;
    };
    Started start(const std::string& id, spec::Spec s, const QStringList& extra)
    {
        Started st;
        const std::string base = work_.path().toStdString() + "/" + id;
        st.state = base + "/state";
        st.log = base + "/container.log";
        s.linux.cgroups_path = "/onggi-test/" + id;
        write_bundle(base + "/bundle", s);
        QStringList args = {"run",
                            "--id",
                            QString::fromStdString(id),
                            "--bundle",
                            QString::fromStdString(base + "/bundle"),
                            "--state-dir",
                            QString::fromStdString(st.state),
                            "--log",
                            QString::fromStdString(st.log)};
        st.run = run(binary("onggi-shim"), args + extra);
        if (st.run.code == 0) {
            auto t = read_file(st.state + "/shim.json");
            if (t)
                st.init = pid_t(
                    QJsonDocument::fromJson(QByteArray::fromStdString(t.value())).object().value("init_pid").toInt());
            to_kill_.push_back(st.init);
        }
        return st;
    }
    static QJsonObject wait_exit(const std::string& state, int timeout_ms = 30000)
    {
        QJsonObject o;
        eventually(
            [&] {
                auto t = read_file(state + "/exit.json");
                if (!t) return false;
                o = QJsonDocument::fromJson(QByteArray::fromStdString(t.value())).object();
                return !o.isEmpty();
            },
            timeout_ms);
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
            if (p > 0 && process_exists(p)) ::kill(p, SIGKILL);
        to_kill_.clear();
    }

    void heldUntilTheFirstAttacher()
    {
        auto s = test_spec(rootfs_, {"sh", "-c", "echo started-$((1+1)); exit 3"});
        s.process.terminal = true;
        const std::string id = unique_id("attach");
        Started st = start(id, s, {"--attach-wait"});
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        QVERIFY(st.init > 0);
        // Held before execve: still the shim's clone, no exit, nothing logged.
        QVERIFY2(cmdline(st.init).find("--attach-wait") != std::string::npos, cmdline(st.init).c_str());
        QVERIFY(::access((st.state + "/exit.json").c_str(), F_OK) != 0);
        int fd = connect_attach(st.state);
        QVERIFY(fd >= 0);
        const std::string got = read_to_eof(fd);
        ::close(fd);
        QVERIFY2(got.find("started-2") != std::string::npos, got.c_str());
        QCOMPARE(wait_exit(st.state).value("exit_code").toInt(), 3);
        QVERIFY(eventually([&] { return !cgroup_exists("/onggi-test/" + id); }));
    }

    void releasedAfterTheTimeoutWithNobody()
    {
        auto s = test_spec(rootfs_, {"sh", "-c", "echo nobody-came"});
        s.process.terminal = true;
        Started st = start(unique_id("attach"), s, {"--attach-wait"});
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        // 10 s of hold, then it runs on its own.
        QJsonObject ex = wait_exit(st.state, 60000);
        QCOMPARE(ex.value("exit_code").toInt(), 0);
        auto log = read_file(st.log);
        QVERIFY(log.ok() && log.value().find("nobody-came") != std::string::npos);
    }

    void attachWaitNeedsATerminal()
    {
        const std::string id = unique_id("attach");
        Started st = start(id, test_spec(rootfs_, {"true"}), {"--attach-wait"});
        QCOMPARE(st.run.code, 1);
        auto e = read_file(st.state + "/error.json");
        QVERIFY(e.ok());
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(e.value())).object().value("errc").toString(),
                 QString("invalid_argument"));
        QVERIFY(!cgroup_exists("/onggi-test/" + id));
    }

    void openStdinIsTheFirstAttachersInput()
    {
        // 300 000 bytes in input frames (and a resize, which means nothing here and is ignored),
        // then the end of our input: the container reads all of it, then EOF.
        auto s = test_spec(rootfs_, {"sh", "-c", "wc -c; echo after-eof-$((2+2)) >&2"});
        const std::string id = unique_id("stdin");
        Started st = start(id, s, {"--attach-wait", "--open-stdin"});
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        QVERIFY2(cmdline(st.init).find("--attach-wait") != std::string::npos, "not held for its attacher");
        int fd = connect_attach(st.state);
        QVERIFY(fd >= 0);
        const std::string chunk(60000, 'x');
        for (int i = 0; i < 5; ++i) QVERIFY(send_all(fd, frame(1, chunk)));
        QVERIFY(send_all(fd, frame(2, std::string("\0\x18\0\x50", 4))));
        QCOMPARE(::shutdown(fd, SHUT_WR), 0);
        const std::string got = read_to_eof(fd);  // no output on it: that is in the log
        ::close(fd);
        QCOMPARE(got, std::string());
        QCOMPARE(wait_exit(st.state).value("exit_code").toInt(), 0);
        auto log = read_file(st.log);
        QVERIFY(log.ok());
        QVERIFY2(log.value().find("300000") != std::string::npos, log.value().c_str());
        QVERIFY2(log.value().find("after-eof-4") != std::string::npos, log.value().c_str());
    }

    void openStdinClosedWhenItsAttacherLeaves()
    {
        auto s = test_spec(rootfs_, {"sh", "-c", "read line; echo got-$line; cat >/dev/null; echo eof-seen"});
        Started st = start(unique_id("stdin"), s, {"--attach-wait", "--open-stdin"});
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        int fd = connect_attach(st.state);
        QVERIFY(fd >= 0);
        QVERIFY(send_all(fd, frame(1, "hello\n")));
        // A second attacher does not keep the stdin open.
        int other = connect_attach(st.state);
        QVERIFY(other >= 0);
        QVERIFY(eventually([&] {
            auto l = read_file(st.log);
            return l.ok() && l.value().find("got-hello") != std::string::npos;
        }));
        ::close(fd);  // leaves without a half close: still the end of the input
        QCOMPARE(wait_exit(st.state).value("exit_code").toInt(), 0);
        ::close(other);
        auto log = read_file(st.log);
        QVERIFY2(log.ok() && log.value().find("eof-seen") != std::string::npos, log.ok() ? log.value().c_str() : "");
    }

    void consoleSize()
    {
        auto s = test_spec(rootfs_, {"stty", "size"});
        s.process.terminal = true;
        Started st = start(unique_id("attach"), s, {"--console-size", "50x160"});
        QVERIFY2(st.run.code == 0, qPrintable(st.run.err));
        QCOMPARE(wait_exit(st.state).value("exit_code").toInt(), 0);
        auto log = read_file(st.log);
        QVERIFY2(log.ok() && log.value().find("50 160") != std::string::npos, log.ok() ? log.value().c_str() : "");
        // Bad values are a bad command line.
        for (const char* bad : {"0x80", "24x", "24x80x1", "x80", "70000x80"}) {
            Started b = start(unique_id("attach"), s, {"--console-size", bad});
            QVERIFY2(b.run.code == 2, bad);
        }
    }
};

QTEST_GUILESS_MAIN(TstShimAttach)
#include "tst_shim_attach.moc"

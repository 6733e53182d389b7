// The helper-shim contract (engine/core/shim_contract.h): what the shim writes, the helper reads
// back to the same values; damaged, foreign or hostile files are an Error naming the file and the
// field, never an exception and never a guess; shim error codes come back as they were sent.
#include "engine/core/shim_contract.h"

#include <QTest>

using namespace onggi;
using namespace onggi::shim;

class TstShimContract : public QObject {
    Q_OBJECT
private slots:
    void shim_json_round_trip()
    {
        ShimInfo s;
        s.shim_pid = 100;
        s.init_pid = 101;
        s.init_start_time = 123456789;
        s.started_at_ns = 1733550000123456789;
        s.cgroup_path = "/onggi/abc";
        s.attach_socket = "/x/attach.sock";
        auto back = ShimInfo::parse(s.to_json() + "\n");
        QVERIFY(back);
        QCOMPARE(back->shim_pid, 100);
        QCOMPARE(back->init_pid, 101);
        QCOMPARE(back->init_start_time, uint64_t(123456789));
        QCOMPARE(back->started_at_ns, int64_t(1733550000123456789));
        QCOMPARE(back->cgroup_path, std::string("/onggi/abc"));
        QCOMPARE(back->attach_socket, std::string("/x/attach.sock"));
        s.attach_socket.clear();
        QVERIFY(s.to_json().find("attach_socket") == std::string::npos);
    }

    void shim_json_damaged_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << ""
                               << "not JSON";
        QTest::newRow("half") << "{\"shim_pid\":1,\"init"
                              << "not JSON";
        QTest::newRow("array") << "[1,2]"
                               << "not an object";
        QTest::newRow("no init_pid") << R"({"shim_pid":1})"
                                     << "init_pid missing";
        QTest::newRow("pid a string") << R"({"shim_pid":"1","init_pid":2})"
                                      << "shim_pid";
        QTest::newRow("negative pid") << R"({"shim_pid":-1,"init_pid":2})"
                                      << "positive";
        QTest::newRow("ns a float") << R"({"shim_pid":1,"init_pid":2,"started_at_ns":"soon"})"
                                    << "started_at_ns";
    }
    void shim_json_damaged()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        auto r = ShimInfo::parse(text.toStdString());
        QVERIFY(!r);
        QVERIFY2(r.error().message().find("shim.json") != std::string::npos, r.error().message().c_str());
        QVERIFY2(r.error().message().find(says.toStdString()) != std::string::npos, r.error().message().c_str());
    }

    void exit_json()
    {
        ExitInfo x;
        x.exit_code = 137;
        x.signal = 9;
        x.oom_killed = true;
        x.finished_at_ns = 42;
        auto back = ExitInfo::parse(x.to_json());
        QVERIFY(back);
        QCOMPARE(back->exit_code, 137);
        QCOMPARE(back->signal, 9);
        QVERIFY(back->oom_killed);
        QCOMPARE(back->finished_at_ns, int64_t(42));
        // The shim may have written it into the blocks it reserved: trailing spaces.
        QVERIFY(ExitInfo::parse(x.to_json() + "\n" + std::string(400, ' ')));
        QVERIFY(!ExitInfo::parse(R"({"signal":0})"));
        QVERIFY(!ExitInfo::parse(R"({"exit_code":"0"})"));
        QVERIFY(!ExitInfo::parse(R"({"exit_code":-3})"));
        QVERIFY(!ExitInfo::parse(R"({"exit_code":0,"oom_killed":"yes"})"));
    }

    void error_json_keeps_the_code()
    {
        for (Errc c : {Errc::invalid_argument, Errc::not_found, Errc::permission_denied, Errc::unsupported,
                       Errc::bad_state, Errc::busy, Errc::timeout, Errc::system, Errc::internal}) {
            ShimError e = ShimError::from(Error(c, "it failed", 13), "mount");
            auto back = ShimError::parse(e.to_json() + "\n");
            QVERIFY(back);
            QVERIFY(back->code == c);
            Error err = back->to_error();
            QVERIFY(err.code == c);  // not remapped
            QCOMPARE(err.sys_errno, 13);
            QVERIFY2(err.message().find("mount: ") == 0, err.message().c_str());
            // strerror once, as the shim's own Error said it
            QCOMPARE(err.message(), "mount: " + Error(c, "it failed", 13).message());
        }
        auto unknown = ShimError::parse(R"({"errc":"exploded","message":"x"})");
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message().find("exploded") != std::string::npos);
        QVERIFY(!ShimError::parse(R"({"message":"x"})"));
        QVERIFY(!ShimError::parse("onggi-shim: segfault"));
    }

    void mount_fd_arg()
    {
        MountFd m{7, 12};
        QCOMPARE(m.arg(), std::string("7:12"));
        auto back = MountFd::parse("7:12");
        QVERIFY(back);
        QCOMPARE(back->mount, size_t(7));
        QCOMPARE(back->fd, 12);
        for (const char* bad : {"", ":", "7:", ":12", "7:2", "7:12x", "x:12", "7:-12", "7;12", "7:12:1", "-1:12"})
            QVERIFY2(!MountFd::parse(bad), bad);
    }
};

QTEST_GUILESS_MAIN(TstShimContract)
#include "tst_shim_contract.moc"

// HelperClient against a scripted peer: a real unix stream socket in a temp dir that this test
// listens on and answers line by line (the peer is the script; the client is under test).
#include "client/error_text.h"
#include "client/helper_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace onggi::client;

namespace {

// The scripted helper side: listen, accept, read request lines, write whatever the test says.
class Peer {
public:
    explicit Peer(const QString& path) : path_(path)
    {
        lfd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        const QByteArray p = path.toLocal8Bit();
        std::memcpy(a.sun_path, p.constData(), size_t(p.size()));
        if (::bind(lfd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(lfd_, 4) != 0) {
            ::close(lfd_);
            lfd_ = -1;
        }
    }
    ~Peer()
    {
        if (cfd_ >= 0) ::close(cfd_);
        if (lfd_ >= 0) ::close(lfd_);
    }
    bool listening() const { return lfd_ >= 0; }
    bool accept()
    {
        cfd_ = ::accept4(lfd_, nullptr, nullptr, SOCK_CLOEXEC);
        return cfd_ >= 0;
    }
    // One request line, parsed (waits up to 5 s for it).
    QJsonObject readRequest()
    {
        for (;;) {
            const qsizetype nl = buf_.indexOf('\n');
            if (nl >= 0) {
                const QByteArray line = buf_.left(nl);
                buf_.remove(0, nl + 1);
                return QJsonDocument::fromJson(line).object();
            }
            pollfd p{cfd_, POLLIN, 0};
            if (::poll(&p, 1, 5000) <= 0) return {};
            char tmp[4096];
            const ssize_t n = ::read(cfd_, tmp, sizeof tmp);
            if (n <= 0) return {};
            buf_.append(tmp, n);
        }
    }
    void write(const QByteArray& bytes) { QCOMPARE_WRITE(bytes); }
    void sendWithFd(const QByteArray& bytes, int fd)
    {
        msghdr msg{};
        iovec iov{const_cast<char*>(bytes.constData()), size_t(bytes.size())};
        alignas(cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))]{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = ctrl;
        msg.msg_controllen = sizeof ctrl;
        cmsghdr* c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
        const ssize_t n = ::sendmsg(cfd_, &msg, MSG_NOSIGNAL);
        ok_ = ok_ && n == bytes.size();
    }
    void closeClient()
    {
        ::close(cfd_);
        cfd_ = -1;
    }
    bool ok() const { return ok_; }
    int fd() const { return cfd_; }

private:
    void QCOMPARE_WRITE(const QByteArray& bytes)
    {
        const ssize_t n = ::send(cfd_, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
        ok_ = ok_ && n == bytes.size();
    }
    QString path_;
    int lfd_ = -1, cfd_ = -1;
    QByteArray buf_;
    bool ok_ = true;
};

QByteArray line(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n'; }
QByteArray reply(qint64 id, const QJsonObject& result)
{
    return line({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

}  // namespace

class TestHelperClient : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString sock() const { return dir_.filePath(QStringLiteral("h.sock")); }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }
    void cleanup() { QFile::remove(sock()); }

    void missingSocketSaysHelperNotRunning()
    {
        HelperClient c;
        QVERIFY(!c.connectToHelper(dir_.filePath(QStringLiteral("nope.sock"))));
        QCOMPARE(c.lastError().errc, QStringLiteral("socket_missing"));
        QCOMPARE(c.lastError().sysErrno, ENOENT);
        const QString text = ErrorText::describe(c.lastError());
        QVERIFY2(text.contains(QStringLiteral("not running")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("nope.sock")), qPrintable(text));
        // A call on a client that is not connected fails at once with that error.
        RpcResult r = c.callSync(QStringLiteral("hello"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.errc, QStringLiteral("socket_missing"));
    }

    void socketWithoutPermission()
    {
        // The helper's socket is root:onggi 0660; a user outside the group gets EACCES.
        Peer peer(sock());
        QVERIFY(peer.listening());
        QVERIFY(::chmod(QFile::encodeName(sock()).constData(), 0660) == 0);
        QVERIFY(::chmod(QFile::encodeName(dir_.path()).constData(), 0755) == 0);
        const uid_t nobody = 65534;
        if (::geteuid() != 0 && ::geteuid() != nobody) QSKIP("needs root to act as another user, or to own no socket");
        if (::geteuid() == 0) {
            const pid_t pid = ::fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0) ::_exit(3);
                HelperClient c;
                const bool connected = c.connectToHelper(sock());
                const bool right = !connected && c.lastError().errc == QLatin1String("socket_permission_denied") &&
                                   ErrorText::describe(c.lastError()).contains(QLatin1String("usermod"));
                ::_exit(right ? 0 : 1);
            }
            int status = 0;
            QCOMPARE(::waitpid(pid, &status, 0), pid);
            ::chmod(QFile::encodeName(dir_.path()).constData(), 0700);
            QVERIFY(WIFEXITED(status));
            QCOMPARE(WEXITSTATUS(status), 0);
        }
    }

    void defaultSocketFollowsEnvironment()
    {
        qputenv("ONGGI_SOCKET", "/tmp/elsewhere.sock");
        QCOMPARE(HelperClient::defaultSocketPath(), QStringLiteral("/tmp/elsewhere.sock"));
        qunsetenv("ONGGI_SOCKET");
        QCOMPARE(HelperClient::defaultSocketPath(), QStringLiteral("/run/onggi/helper.sock"));
    }

    void requestFramingAndHello()
    {
        Peer peer(sock());
        QVERIFY(peer.listening());
        HelperClient c;
        c.setClientName(QStringLiteral("tst/1"));
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcReply* r = c.hello();
        const QJsonObject req = peer.readRequest();
        QCOMPARE(req.value("jsonrpc").toString(), QStringLiteral("2.0"));
        QCOMPARE(req.value("method").toString(), QStringLiteral("hello"));
        QCOMPARE(req.value("params").toObject().value("client").toString(), QStringLiteral("tst/1"));
        QCOMPARE(req.value("params").toObject().value("protocol").toInt(), 1);
        QVERIFY(req.value("id").isDouble());
        peer.write(
            reply(req.value("id").toInteger(), {{"protocol", 1},
                                                {"helper_version", "0.1.0"},
                                                {"host", QJsonObject{{"kernel", "6.18"},
                                                                     {"cgroup_mode", "hybrid"},
                                                                     {"cpus", 2},
                                                                     {"features", QJsonArray{"overlay", "seccomp"}}}},
                                                {"user", QJsonObject{{"uid", 1000}, {"admin", false}}}}));
        QVERIFY(c.waitForReply(r, 5000));
        QVERIFY(!r->isError());
        QVERIFY(c.hasHello());
        QCOMPARE(c.helloInfo().helperVersion, QStringLiteral("0.1.0"));
        QCOMPARE(c.helloInfo().host.cgroupMode, QStringLiteral("hybrid"));
        QVERIFY(c.helloInfo().host.hasFeature(QStringLiteral("seccomp")));
        QCOMPARE(c.helloInfo().uid, 1000);
        delete r;
    }

    void partialLinesCompleteOnlyAtNewline()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcReply* r = c.call(QStringLiteral("container.list"), {{"all", true}});
        const QJsonObject req = peer.readRequest();
        QCOMPARE(req.value("params").toObject().value("all").toBool(), true);
        const QByteArray bytes = reply(req.value("id").toInteger(), {{"containers", QJsonArray{}}, {"note", "héllo"}});
        // Split inside the JSON and inside a UTF-8 sequence.
        const qsizetype cut1 = 7, cut2 = bytes.indexOf("\xc3") + 1;
        peer.write(bytes.left(cut1));
        QVERIFY(c.waitForActivity(2000));
        QVERIFY(!r->isFinished());
        peer.write(bytes.mid(cut1, cut2 - cut1));
        QVERIFY(c.waitForActivity(2000));
        QVERIFY(!r->isFinished());
        peer.write(bytes.mid(cut2));
        QVERIFY(c.waitForReply(r, 2000));
        QCOMPARE(r->result().value("note").toString(), QStringLiteral("héllo"));
        delete r;
    }

    void notificationsInterleavedWithPipelinedReplies()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        QSignalSpy events(&c, &HelperClient::eventReceived);
        QSignalSpy stats(&c, &HelperClient::statsReceived);
        QSignalSpy logs(&c, &HelperClient::logLineReceived);
        QSignalSpy logEnd(&c, &HelperClient::logEnded);
        QSignalSpy raw(&c, &HelperClient::notification);
        RpcReply* a = c.call(QStringLiteral("events.subscribe"));
        RpcReply* b = c.call(QStringLiteral("container.inspect"), {{"id", "web"}});
        const qint64 ida = peer.readRequest().value("id").toInteger();
        const qint64 idb = peer.readRequest().value("id").toInteger();
        QVERIFY(ida != idb);
        QByteArray burst;
        burst += line({{"jsonrpc", "2.0"},
                       {"method", "event"},
                       {"params", QJsonObject{{"subscription", 3},
                                              {"type", "container"},
                                              {"action", "die"},
                                              {"id", "abc"},
                                              {"name", "web"},
                                              {"attributes", QJsonObject{{"exit_code", "137"}}}}}});
        burst += reply(idb, {{"container", QJsonObject{{"id", "abc"}}}});  // out of order
        burst += line(
            {{"jsonrpc", "2.0"},
             {"method", "stats"},
             {"params",
              QJsonObject{{"subscription", 4},
                          {"time", "t0"},
                          {"containers",
                           QJsonArray{QJsonObject{{"id", "abc"}, {"memory_current", 4096}, {"cpu_percent", 12.5}}}}}}});
        burst += line(
            {{"jsonrpc", "2.0"},
             {"method", "container.log"},
             {"params",
              QJsonObject{{"subscription", 5}, {"id", "abc"}, {"t", "t1"}, {"stream", "stderr"}, {"line", "oops\n"}}}});
        burst +=
            line({{"jsonrpc", "2.0"}, {"method", "container.log.end"}, {"params", QJsonObject{{"subscription", 5}}}});
        burst += reply(ida, {{"subscription", 3}});
        peer.write(burst);
        QVERIFY(c.waitForReply(a, 2000));
        QVERIFY(b->isFinished());
        QCOMPARE(a->result().value("subscription").toInt(), 3);
        QCOMPARE(b->result().value("container").toObject().value("id").toString(), QStringLiteral("abc"));
        QCOMPARE(raw.count(), 4);
        QCOMPARE(events.count(), 1);
        const Event e = events.at(0).at(0).value<Event>();
        QCOMPARE(e.action, QStringLiteral("die"));
        QCOMPARE(e.attributes.value("exit_code"), QStringLiteral("137"));
        QCOMPARE(stats.count(), 1);
        QCOMPARE(stats.at(0).at(0).toLongLong(), 4);
        const auto samples = stats.at(0).at(2).value<QList<Sample>>();
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples.at(0).memoryCurrent, 4096);
        QCOMPARE(samples.at(0).cpuPercent, 12.5);
        QCOMPARE(logs.count(), 1);
        QCOMPARE(logs.at(0).at(0).value<LogLine>().line, QStringLiteral("oops\n"));
        QCOMPARE(logs.at(0).at(0).value<LogLine>().stream, QStringLiteral("stderr"));
        QCOMPARE(logEnd.count(), 1);
        delete a;
        delete b;
    }

    void errorReplyMapsToErrcAndText()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcReply* r = c.call(QStringLiteral("container.stop"), {{"id", "web"}});
        const qint64 id = peer.readRequest().value("id").toInteger();
        peer.write(line({{"jsonrpc", "2.0"},
                         {"id", id},
                         {"error", QJsonObject{{"code", -32010},
                                               {"message", "no such container: web"},
                                               {"data", QJsonObject{{"errc", "not_found"}, {"errno", 0}}}}}}));
        QVERIFY(c.waitForReply(r, 2000));
        QVERIFY(r->isError());
        QCOMPARE(r->error().code, -32010);
        QCOMPARE(r->error().errc, QStringLiteral("not_found"));
        QCOMPARE(r->error().message, QStringLiteral("no such container: web"));
        const QString text = ErrorText::describe(r->error());
        QVERIFY2(text.contains(QStringLiteral("no such container: web")), qPrintable(text));
        QVERIFY(text.startsWith(ErrorText::title(QStringLiteral("not_found"))));
        delete r;
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("errc");
        QTest::addColumn<QString>("expectedErrc");
        QTest::newRow("by errc") << -32012 << "bad_state"
                                 << "bad_state";
        QTest::newRow("code only: not_found") << -32010 << ""
                                              << "not_found";
        QTest::newRow("code only: forbidden") << -32002 << ""
                                              << "forbidden";
        QTest::newRow("code only: invalid") << -32602 << ""
                                            << "invalid_argument";
        QTest::newRow("code only: method") << -32601 << ""
                                           << "method_not_found";
        QTest::newRow("code only: unsupported") << -32013 << ""
                                                << "unsupported";
        QTest::newRow("code only: system") << -32020 << ""
                                           << "system";
        QTest::newRow("unknown code") << -1 << ""
                                      << "internal";
    }
    void errorMapping()
    {
        QFETCH(int, code);
        QFETCH(QString, errc);
        QFETCH(QString, expectedErrc);
        QJsonObject err{{"code", code}, {"message", "ctx"}};
        if (!errc.isEmpty()) err.insert("data", QJsonObject{{"errc", errc}});
        const RpcError e = RpcError::fromJson(err);
        QCOMPARE(e.errc, expectedErrc);
        QVERIFY(!ErrorText::title(e.errc).isEmpty());
        QVERIFY(ErrorText::describe(e).contains(QStringLiteral("ctx")));
    }

    // Out of descriptors (EMFILE): the numbers the helper sent, in a sentence, and what to do.
    void fdExhaustionIsExplained()
    {
        QJsonObject data{
            {"errc", "system"}, {"errno", 24}, {"reason", "helper_fd_limit"}, {"open_fds", 19994}, {"fd_limit", 20000}};
        const RpcError e = RpcError::fromJson(
            QJsonObject{{"code", -32020},
                        {"message", "start web: onggi-shim could not be launched: too many open files in the helper"},
                        {"data", data}});
        const QString hint = ErrorText::hint(e);
        QVERIFY2(hint.contains(QStringLiteral("19994")) && hint.contains(QStringLiteral("20000")), qPrintable(hint));
        QVERIFY2(hint.contains(QStringLiteral("LimitNOFILE")), qPrintable(hint));
        QVERIFY2(ErrorText::explain(e).contains(hint), qPrintable(ErrorText::explain(e)));
        const QString text = ErrorText::describe(e);
        QVERIFY2(text.contains(QStringLiteral("onggi-shim could not be launched")) && text.contains(hint),
                 qPrintable(text));
        data.insert("reason", "host_fd_limit");
        QVERIFY(ErrorText::hint(RpcError::fromJson(QJsonObject{{"code", -32020}, {"data", data}}))
                    .contains(QStringLiteral("fs.file-max")));
        // The shim at its own limit: the shim's, not the helper's, and its limit in the sentence.
        const QJsonObject shim{{"errc", "system"}, {"errno", 24}, {"reason", "shim_fd_limit"}, {"fd_limit", 64}};
        const QString shimHint = ErrorText::hint(RpcError::fromJson(
            QJsonObject{{"code", -32020},
                        {"message", "start web: too many open files in onggi-shim (its limit 64): setup: pipe"},
                        {"data", shim}}));
        QVERIFY2(shimHint.contains(QStringLiteral("onggi-shim")) && shimHint.contains(QStringLiteral("64")) &&
                     !shimHint.contains(QStringLiteral("The helper has too many open files")),
                 qPrintable(shimHint));
    }

    // A request the helper gave up when it was told to stop: said as such, not as the
    // container-state title of its code (bad_state), with what to do.
    void helperStoppingIsExplained()
    {
        const RpcError e = RpcError::fromJson(
            QJsonObject{{"code", -32012},
                        {"message", "pull cancelled: the helper is stopping"},
                        {"data", QJsonObject{{"errc", "bad_state"}, {"errno", 0}, {"reason", "helper_stopping"}}}});
        const QString text = ErrorText::describe(e);
        QVERIFY2(text.startsWith(QStringLiteral("The helper was stopped before this finished")), qPrintable(text));
        QVERIFY2(!text.contains(ErrorText::title(QStringLiteral("bad_state"))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Try again once the helper runs again")), qPrintable(text));
        const QString words = ErrorText::explain(e);
        QVERIFY2(words.startsWith(QStringLiteral("The helper was stopped before this finished")) &&
                     !words.contains(QStringLiteral("pull cancelled")),
                 qPrintable(words));
    }

    // The policy gate's refusal: the option in the user's words, what to do, not the English context.
    void policyRefusalIsDescribed()
    {
        QJsonObject data{{"errc", "forbidden"},
                         {"errno", 0},
                         {"option", "cap_add"},
                         {"value", "CAP_SYS_ADMIN"},
                         {"polkit_action", "org.onggi.container.capabilities"},
                         {"polkit", "unavailable"}};
        const RpcError e =
            RpcError::fromJson(QJsonObject{{"code", -32002}, {"message", "english context"}, {"data", data}});
        QCOMPARE(e.option, QStringLiteral("cap_add"));
        QCOMPARE(e.polkit, QStringLiteral("unavailable"));
        const QString text = ErrorText::describe(e);
        QVERIFY2(text.startsWith(ErrorText::title(QStringLiteral("forbidden"))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("the capability CAP_SYS_ADMIN (--cap-add)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("org.onggi.container.capabilities")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("english context")), qPrintable(text));
        data.insert("polkit", "challenge");
        QVERIFY(ErrorText::describe(RpcError::fromJson(QJsonObject{{"code", -32002}, {"data", data}}))
                    .contains(QStringLiteral("pkttyagent")));
        data.insert("polkit", "none");
        data.insert("option", "seccomp.file");
        QVERIFY(ErrorText::describe(RpcError::fromJson(QJsonObject{{"code", -32002}, {"data", data}}))
                    .contains(QStringLiteral("Only root")));
        // An option this client does not know: the helper's English context.
        data.insert("option", "something_newer");
        QVERIFY(
            ErrorText::describe(RpcError::fromJson(QJsonObject{{"code", -32002}, {"message", "ctx"}, {"data", data}}))
                .contains(QStringLiteral("ctx")));
        for (const char* o :
             {"privileged", "cap_add", "seccomp.unconfined", "seccomp.profile", "seccomp.file", "namespaces.network",
              "namespaces.pid", "namespaces.ipc", "namespaces.uts", "namespaces.cgroup", "namespaces.mount",
              "namespaces.user", "devices", "cgroup_parent", "sysctl"})
            QVERIFY2(!ErrorText::policyOption(QString::fromLatin1(o), QStringLiteral("x")).isEmpty(), o);
    }

    void everyProtocolErrcHasText()
    {
        for (const char* errc : {"parse_error",
                                 "invalid_request",
                                 "method_not_found",
                                 "invalid_argument",
                                 "permission_denied",
                                 "forbidden",
                                 "not_found",
                                 "already_exists",
                                 "bad_state",
                                 "unsupported",
                                 "busy",
                                 "timeout",
                                 "system",
                                 "internal",
                                 "socket_missing",
                                 "socket_permission_denied",
                                 "connect_failed",
                                 "connection_lost",
                                 "bad_reply",
                                 "client_timeout",
                                 "not_connected"})
            QVERIFY2(!ErrorText::title(QString::fromLatin1(errc)).isEmpty(), errc);
        QVERIFY(ErrorText::title(QStringLiteral("no_such_errc")).isEmpty());
        RpcError unknown = RpcError::client(-5, QStringLiteral("no_such_errc"), QStringLiteral("x"));
        QVERIFY(ErrorText::describe(unknown).contains(QStringLiteral("no_such_errc")));
        RpcError sys = RpcError::client(-32020, QStringLiteral("system"), QStringLiteral("mount overlay"), ENOSPC);
        QVERIFY(ErrorText::describe(sys).contains(QString::fromLocal8Bit(std::strerror(ENOSPC))));
    }

    void refusalWithNullIdThenClose()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        QSignalSpy proto(&c, &HelperClient::protocolError);
        QSignalSpy gone(&c, &HelperClient::disconnected);
        peer.write(line({{"jsonrpc", "2.0"},
                         {"id", QJsonValue::Null},
                         {"error", QJsonObject{{"code", -32001},
                                               {"message", "uid 1000 is not in group onggi"},
                                               {"data", QJsonObject{{"errc", "permission_denied"}}}}}}));
        peer.closeClient();
        RpcResult r = c.callSync(QStringLiteral("hello"), {}, 5000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.errc, QStringLiteral("permission_denied"));
        QCOMPARE(c.lastError().errc, QStringLiteral("permission_denied"));
        QVERIFY(!c.isConnected());
        QCOMPARE(proto.count(), 1);
        QCOMPARE(gone.count(), 1);
        QVERIFY(ErrorText::describe(r.error).contains(QStringLiteral("usermod")));
    }

    void connectionLostFailsPendingCalls()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcReply* r = c.call(QStringLiteral("container.list"));
        QVERIFY(!peer.readRequest().isEmpty());
        peer.closeClient();
        QVERIFY(c.waitForReply(r, 5000));
        QCOMPARE(r->error().errc, QStringLiteral("connection_lost"));
        QVERIFY(!c.isConnected());
        delete r;
    }

    void garbageLineIsSkipped()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        QSignalSpy proto(&c, &HelperClient::protocolError);
        RpcReply* r = c.call(QStringLiteral("images.list"));
        const qint64 id = peer.readRequest().value("id").toInteger();
        peer.write("this is not json\n[1,2]\n" + reply(id, {{"images", QJsonArray{}}}));
        QVERIFY(c.waitForReply(r, 2000));
        QVERIFY(!r->isError());
        QCOMPARE(proto.count(), 2);
        QVERIFY(c.isConnected());
        delete r;
    }

    void timeoutLeavesConnectionUsable()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcResult r = c.callSync(QStringLiteral("container.list"), {}, 50);
        QCOMPARE(r.error.errc, QStringLiteral("client_timeout"));
        const qint64 late = peer.readRequest().value("id").toInteger();
        RpcReply* r2 = c.call(QStringLiteral("container.list"));
        const qint64 id2 = peer.readRequest().value("id").toInteger();
        peer.write(reply(late, {{"stale", true}}) + reply(id2, {{"fresh", true}}));  // the late one is dropped
        QVERIFY(c.waitForReply(r2, 2000));
        QVERIFY(r2->result().value("fresh").toBool());
        delete r2;
    }

    void fdArrivesWithReplyBySCMRights()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcReply* before = c.call(QStringLiteral("container.list"));
        RpcReply* r = c.call(QStringLiteral("container.exec"), {{"id", "web"}, {"tty", true}}, true);
        const qint64 id0 = peer.readRequest().value("id").toInteger();
        const qint64 id = peer.readRequest().value("id").toInteger();
        int p[2];
        QVERIFY(::pipe2(p, O_CLOEXEC) == 0);
        peer.write(reply(id0, {}));
        peer.sendWithFd(reply(id, {{"exec_id", 7}}), p[1]);
        ::close(p[1]);
        QVERIFY(peer.ok());
        QVERIFY(c.waitForReply(r, 2000));
        QVERIFY(before->isFinished());
        QCOMPARE(before->takeFd(), -1);
        QCOMPARE(r->result().value("exec_id").toInt(), 7);
        const int fd = r->takeFd();
        QVERIFY(fd >= 0);
        QCOMPARE(r->takeFd(), -1);
        QVERIFY(::fcntl(fd, F_GETFD) & FD_CLOEXEC);
        QCOMPARE(::write(fd, "pty!", 4), ssize_t(4));
        ::close(fd);
        char buf[8] = {};
        QCOMPARE(::read(p[0], buf, sizeof buf), ssize_t(4));
        QCOMPARE(QByteArray(buf), QByteArray("pty!"));
        ::close(p[0]);
        delete before;
        delete r;
    }

    void asyncRepliesFromTheEventLoop()
    {
        Peer peer(sock());
        HelperClient c;
        QVERIFY(c.connectToHelper(sock()));
        QVERIFY(peer.accept());
        RpcReply* r = c.call(QStringLiteral("container.top"), {{"id", "web"}});
        QSignalSpy done(r, &RpcReply::finished);
        const qint64 id = peer.readRequest().value("id").toInteger();
        peer.write(reply(id, {{"processes", QJsonArray{}}}));
        QVERIFY(done.wait(5000));
        QCOMPARE(done.count(), 1);
        QVERIFY(!r->isError());
        delete r;

        // Not connected: finished() still comes, from the event loop.
        HelperClient off;
        RpcReply* r2 = off.call(QStringLiteral("hello"));
        QVERIFY(r2->isFinished());
        QSignalSpy done2(r2, &RpcReply::finished);
        QVERIFY(done2.wait(2000));
        QCOMPARE(r2->error().errc, QStringLiteral("not_connected"));
    }
};

QTEST_GUILESS_MAIN(TestHelperClient)
#include "tst_helper_client.moc"

// HelperSession without a root helper: the test is the helper's side of a socketpair (and of a
// unix socket it listens on, for reconnects) and answers line by line. What is under test is
// the session: hello, typed frames and events, frames of a stale subscription dropped, the
// subscriptions made again after a reconnect, refusals typed with their data.
#include "client/helper_session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace onggi::client;

namespace {

// The helper's end: reads requests while the event loop runs (the session is asynchronous).
class FakeHelper {
public:
    explicit FakeHelper(int fd) : fd_(fd) {}
    ~FakeHelper() { closeNow(); }
    void closeNow()
    {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    QJsonObject request(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const qsizetype nl = buf_.indexOf('\n');
            if (nl >= 0) {
                const QByteArray line = buf_.left(nl);
                buf_.remove(0, nl + 1);
                return QJsonDocument::fromJson(line).object();
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 5) > 0) {
                char tmp[4096];
                const ssize_t n = ::read(fd_, tmp, sizeof tmp);
                if (n <= 0) return {};
                buf_.append(tmp, n);
            }
        }
        return {};
    }
    void send(const QJsonObject& o)
    {
        const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        QCOMPARE(::write(fd_, line.constData(), size_t(line.size())), ssize_t(line.size()));
    }
    void reply(const QJsonObject& req, const QJsonObject& result)
    {
        send({{"jsonrpc", "2.0"}, {"id", req.value("id")}, {"result", result}});
    }
    // Answer hello and the subscriptions that follow it; returns the stats subscription id.
    qint64 greet(qint64 statsSub, qint64 eventsSub, int expectSubs)
    {
        const QJsonObject hello = request();
        if (hello.value("method").toString() != QLatin1String("hello")) return -1;
        reply(hello, {{"protocol", 1},
                      {"helper_version", "test"},
                      {"host", QJsonObject{{"cgroup_mode", "v1"}, {"cpus", 2}, {"memory_bytes", 1 << 30}}}});
        qint64 got = 0;
        for (int i = 0; i < expectSubs; ++i) {
            const QJsonObject r = request();
            if (r.value("method") == QLatin1String("stats.subscribe")) {
                interval = r.value("params").toObject().value("interval_ms").toInt();
                reply(r, {{"subscription", statsSub}});
                got = statsSub;
            } else if (r.value("method") == QLatin1String("events.subscribe")) {
                reply(r, {{"subscription", eventsSub}});
            }
        }
        return got;
    }
    void frame(qint64 sub, double cpu)
    {
        send({{"jsonrpc", "2.0"},
              {"method", "stats"},
              {"params",
               QJsonObject{{"subscription", sub},
                           {"time", "2026-12-07T05:00:00.500000000Z"},
                           {"containers", QJsonArray{QJsonObject{{"id", "abc"},
                                                                 {"cpu_percent", cpu},
                                                                 {"rate_ms", 1000},
                                                                 {"net_rx_bps", 1500},
                                                                 {"cpu_limit", 0.5},
                                                                 {"memory_limit", QJsonValue(QJsonValue::Null)},
                                                                 {"pid", 42}}}}}}});
    }
    int fd() const { return fd_; }
    int interval = 0;

private:
    int fd_;
    QByteArray buf_;
};

}  // namespace

class TstHelperSession : public QObject {
    Q_OBJECT
private slots:
    void typed_frames_and_stale_subscriptions()
    {
        int sv[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
        FakeHelper helper(sv[1]);
        HelperSession s;
        QSignalSpy ready(&s, &HelperSession::ready);
        QSignalSpy frames(&s, &HelperSession::statsFrame);
        QSignalSpy events(&s, &HelperSession::event);
        s.setStatsSubscription(1000);
        s.setEventsSubscribed(true);
        s.adopt(sv[0]);
        QCOMPARE(helper.greet(7, 8, 2), qint64(7));
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(s.state(), HelperSession::State::Ready);
        QCOMPARE(s.hello().host.cgroupMode, QStringLiteral("v1"));
        QCOMPARE(helper.interval, 1000);

        helper.frame(7, 49.5);
        helper.frame(99, 300.0);  // not ours: dropped
        QTRY_COMPARE(frames.count(), 1);
        QTest::qWait(50);
        QCOMPARE(frames.count(), 1);
        const auto f = frames.at(0).at(0).value<StatsFrame>();
        QCOMPARE(f.samples.size(), 1);
        QCOMPARE(f.samples[0].cpuPercent, 49.5);  // the helper's rate, carried
        QCOMPARE(f.samples[0].netRxBps, 1500.0);
        QCOMPARE(f.samples[0].rateMs, qint64(1000));
        QVERIFY(f.samples[0].hasCpuLimit);
        QCOMPARE(f.samples[0].cpuLimit, 0.5);
        QCOMPARE(f.samples[0].memoryLimit, qint64(0));
        QCOMPARE(f.samples[0].pid, qint64(42));
        QVERIFY(f.timeMs > 0);

        helper.send({{"jsonrpc", "2.0"},
                     {"method", "event"},
                     {"params", QJsonObject{{"subscription", 8},
                                            {"action", "oom"},
                                            {"id", "abc"},
                                            {"attributes", QJsonObject{{"oom_kill_count", "2"}}}}}});
        QTRY_COMPARE(events.count(), 1);
        const auto e = events.at(0).at(0).value<Event>();
        QCOMPARE(e.action, QStringLiteral("oom"));
        QCOMPARE(e.attributes.value("oom_kill_count"), QStringLiteral("2"));

        // A new interval: the old subscription is ended, the new one's frames alone come through.
        s.setStatsSubscription(200);
        QJsonObject un = helper.request(), sub = helper.request();
        if (un.value("method") == QLatin1String("stats.subscribe")) std::swap(un, sub);
        QCOMPARE(un.value("method").toString(), QStringLiteral("unsubscribe"));
        QCOMPARE(un.value("params").toObject().value("subscription").toInteger(), qint64(7));
        helper.reply(un, {});
        QCOMPARE(sub.value("params").toObject().value("interval_ms").toInt(), 200);
        helper.frame(7, 10.0);  // the old stream's last frame, before the new reply: dropped
        helper.reply(sub, {{"subscription", 11}});
        helper.frame(11, 20.0);
        QTRY_COMPARE(frames.count(), 2);
        QTest::qWait(50);
        QCOMPARE(frames.count(), 2);
        QCOMPARE(frames.at(1).at(0).value<StatsFrame>().samples[0].cpuPercent, 20.0);
    }

    // What the GUI's pages need, typed: the host's figures in a frame, a followed log (its
    // lines by subscription), container.top, container.inspect's config text, a create's id.
    void typed_requests_for_the_pages()
    {
        int sv[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
        FakeHelper helper(sv[1]);
        HelperSession s;
        QSignalSpy frames(&s, &HelperSession::statsFrame);
        QSignalSpy lines(&s, &HelperSession::logLine);
        QSignalSpy ended(&s, &HelperSession::logEnded);
        s.setStatsSubscription(1000);
        s.adopt(sv[0]);
        QCOMPARE(helper.greet(7, 0, 1), qint64(7));
        QTRY_COMPARE(s.state(), HelperSession::State::Ready);
        helper.send({{"jsonrpc", "2.0"},
                     {"method", "stats"},
                     {"params", QJsonObject{{"subscription", 7},
                                            {"time", "2026-12-07T05:00:01Z"},
                                            {"containers", QJsonArray{}},
                                            {"host", QJsonObject{{"cpus", 2},
                                                                 {"cpu_percent", 12.5},
                                                                 {"memory_total", 1 << 30},
                                                                 {"memory_used", 1 << 29}}}}}});
        QTRY_COMPARE(frames.count(), 1);
        const auto f = frames.at(0).at(0).value<StatsFrame>();
        QVERIFY(f.host.valid);
        QCOMPARE(f.host.memoryTotal, qint64(1 << 30));
        QCOMPARE(f.host.cpuPercent, 12.5);

        bool gotLogs = false;
        s.logs(QStringLiteral("abc"), 10, true, [&](const QList<LogLine>& l, qint64 sub, const RpcError& e) {
            gotLogs = true;
            QVERIFY(!e.isError());
            QCOMPARE(l.size(), 1);
            QCOMPARE(l[0].line, QStringLiteral("one\n"));
            QCOMPARE(sub, qint64(5));
        });
        QJsonObject r = helper.request();
        QCOMPARE(r.value("method").toString(), QStringLiteral("container.logs"));
        QCOMPARE(r.value("params").toObject().value("follow").toBool(), true);
        helper.reply(
            r,
            {{"lines", QJsonArray{QJsonObject{{"t", "2026-12-07T05:00:00Z"}, {"stream", "stdout"}, {"line", "one\n"}}}},
             {"subscription", 5}});
        QTRY_VERIFY(gotLogs);
        helper.send(
            {{"jsonrpc", "2.0"},
             {"method", "container.log"},
             {"params", QJsonObject{{"subscription", 5}, {"id", "abc"}, {"stream", "stderr"}, {"line", "two\n"}}}});
        QTRY_COMPARE(lines.count(), 1);
        QCOMPARE(lines.at(0).at(0).value<LogLine>().subscription, qint64(5));
        QCOMPARE(lines.at(0).at(0).value<LogLine>().stream, QStringLiteral("stderr"));
        helper.send(
            {{"jsonrpc", "2.0"}, {"method", "container.log.end"}, {"params", QJsonObject{{"subscription", 5}}}});
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toLongLong(), qint64(5));

        bool gotTop = false;
        s.top(QStringLiteral("abc"), [&](const QList<ProcessInfo>& p, const RpcError& e) {
            gotTop = !e.isError() && p.size() == 1 && p[0].hostPid == 4000 && p[0].pid == 1 &&
                     p[0].cmd == QLatin1String("sh");
        });
        r = helper.request();
        QCOMPARE(r.value("method").toString(), QStringLiteral("container.top"));
        helper.reply(
            r, {{"processes",
                 QJsonArray{QJsonObject{{"host_pid", 4000}, {"pid", 1}, {"uid", 0}, {"state", "S"}, {"cmd", "sh"}}}}});
        QTRY_VERIFY(gotTop);

        bool gotInspect = false;
        s.inspect(QStringLiteral("abc"), [&](const ContainerInspect& i, const RpcError& e) {
            gotInspect = !e.isError() && i.container.name == QLatin1String("web") &&
                         i.container.state == QLatin1String("running") &&
                         i.configText.contains(QLatin1String("\"ociVersion\"")) &&
                         i.cgroupPath == QLatin1String("/onggi/abc");
        });
        r = helper.request();
        QCOMPARE(r.value("method").toString(), QStringLiteral("container.inspect"));
        helper.reply(r, {{"container", QJsonObject{{"id", "abc"}, {"name", "web"}, {"state", "running"}}},
                         {"config", QJsonObject{{"ociVersion", "1.0.2"}}},
                         {"cgroup_path", "/onggi/abc"}});
        QTRY_VERIFY(gotInspect);

        QString created;
        s.create({{"image", "busybox"}}, [&](const QString& id, const RpcError&) { created = id; });
        r = helper.request();
        QCOMPARE(r.value("method").toString(), QStringLiteral("container.create"));
        helper.reply(r, {{"id", "def"}});
        QTRY_COMPARE(created, QStringLiteral("def"));
    }

    void refusal_is_typed_with_numbers()
    {
        int sv[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
        FakeHelper helper(sv[1]);
        HelperSession s;
        s.adopt(sv[0]);
        QVERIFY(helper.greet(0, 0, 0) == 0);
        QTRY_COMPARE(s.state(), HelperSession::State::Ready);
        bool called = false;
        Limits l;
        l.memory = 8 << 20;
        s.updateLimits(QStringLiteral("abc"), l, [&](const Limits& inForce, const RpcError& e) {
            called = true;
            QCOMPARE(inForce.memory.value_or(0),
                     qint64(256 << 20));  // refused: the kernel's limits, to put the controls back
            QCOMPARE(e.errc, QStringLiteral("system"));
            QCOMPARE(e.data.value("reason").toString(), QStringLiteral("memory_below_usage"));
            QCOMPARE(e.data.value("kernel").toObject().value("memory").toInteger(), qint64(256 << 20));
        });
        const QJsonObject r = helper.request();
        QCOMPARE(r.value("method").toString(), QStringLiteral("container.update"));
        QCOMPARE(r.value("params").toObject().value("limits").toObject().value("memory").toInteger(), qint64(8 << 20));
        helper.send({{"jsonrpc", "2.0"},
                     {"id", r.value("id")},
                     {"error", QJsonObject{{"code", -32020},
                                           {"message", "update limits: memory limit: Device or resource busy"},
                                           {"data", QJsonObject{{"errc", "system"},
                                                                {"errno", 16},
                                                                {"reason", "memory_below_usage"},
                                                                {"requested", 8 << 20},
                                                                {"memory_current", 50 << 20},
                                                                {"shortfall", 42 << 20},
                                                                {"minimum", 51 << 20},
                                                                {"kernel", QJsonObject{{"memory", 256 << 20}}}}}}}});
        QTRY_VERIFY(called);

        // The history, typed: samples with times, and the OOM kills.
        bool got = false;
        s.statsHistory(QStringLiteral("abc"), 60, [&](const StatsHistory& h, const RpcError& e) {
            got = true;
            QVERIFY(!e.isError());
            QCOMPARE(h.samples.size(), 2);
            QVERIFY(h.samples[1].timeMs > h.samples[0].timeMs);
            QCOMPARE(h.oomKills.size(), 1);
            QCOMPARE(h.oomKills[0].count, qint64(1));
            QCOMPARE(h.oomKills[0].memoryLimit, qint64(32 << 20));
        });
        const QJsonObject hr = helper.request();
        helper.reply(hr, {{"interval_ms", 1000},
                          {"samples", QJsonArray{QJsonObject{{"id", "abc"}, {"time", "2026-12-07T05:00:00Z"}},
                                                 QJsonObject{{"id", "abc"}, {"time", "2026-12-07T05:00:01Z"}}}},
                          {"oom_kills", QJsonArray{QJsonObject{{"time", "2026-12-07T05:00:01.2Z"},
                                                               {"oom_kill_count", 1},
                                                               {"memory_limit", 32 << 20}}}}});
        QTRY_VERIFY(got);
    }

    // The helper goes away and comes back: the session reconnects by itself and makes its
    // subscriptions again; frames flow with the new subscription's id.
    void reconnects_and_resubscribes()
    {
        QTemporaryDir dir;
        const QByteArray path = (dir.path() + QStringLiteral("/h.sock")).toLocal8Bit();
        const int lfd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        std::memcpy(a.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(lfd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        QCOMPARE(::listen(lfd, 4), 0);
        auto acceptOne = [&]() {
            for (int i = 0; i < 500; ++i) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                pollfd p{lfd, POLLIN, 0};
                if (::poll(&p, 1, 5) > 0) return ::accept4(lfd, nullptr, nullptr, SOCK_CLOEXEC);
            }
            return -1;
        };
        HelperSession s;
        s.setReconnectIntervalMs(50);
        QSignalSpy frames(&s, &HelperSession::statsFrame);
        QSignalSpy lost(&s, &HelperSession::disconnected);
        s.setStatsSubscription(500, {QStringLiteral("abc")});
        s.open(QString::fromLocal8Bit(path));
        {
            FakeHelper h(acceptOne());
            QVERIFY(h.fd() >= 0);
            QCOMPARE(h.greet(3, 0, 1), qint64(3));
            QTRY_COMPARE(s.state(), HelperSession::State::Ready);
            h.frame(3, 1.0);
            QTRY_COMPARE(frames.count(), 1);
        }  // the helper's end closes
        QTRY_COMPARE(lost.count(), 1);
        QCOMPARE(s.state(), HelperSession::State::Disconnected);
        FakeHelper h2(acceptOne());
        QVERIFY2(h2.fd() >= 0, "the session did not reconnect");
        QCOMPARE(h2.greet(5, 0, 1), qint64(5));
        QCOMPARE(h2.interval, 500);
        QTRY_COMPARE(s.state(), HelperSession::State::Ready);
        h2.frame(3, 2.0);  // the old id means nothing on this connection
        h2.frame(5, 3.0);
        QTRY_COMPARE(frames.count(), 2);
        QCOMPARE(frames.at(1).at(0).value<StatsFrame>().samples[0].cpuPercent, 3.0);
        s.close();
        ::close(lfd);
    }
};

QTEST_GUILESS_MAIN(TstHelperSession)
#include "tst_helper_session.moc"

// A client that goes away while the helper writes to it: the connection says so from the event
// loop, never from inside the write, so that the event bus (and the log followers and the stats
// service, which work the same way) can walk their subscribers while they notify them. Before,
// the helper crashed when `onggictl run --rm` left right after the die event.
#include "helper/connection.h"
#include "helper/container_record.h"
#include "helper/dispatcher.h"
#include "helper/event_bus.h"

#include <QSignalSpy>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>

using namespace onggi;
using namespace onggi::helper;

namespace {

struct Pair {
    int helper_end = -1, client_end = -1;
    Pair()
    {
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) {
            helper_end = sv[0];
            client_end = sv[1];
        }
    }
    ~Pair()
    {
        if (client_end >= 0) ::close(client_end);
    }
    void client_leaves()
    {
        ::close(client_end);
        client_end = -1;
    }
    std::string read_all() const
    {
        std::string out;
        char buf[4096];
        ssize_t n;
        while ((n = ::recv(client_end, buf, sizeof buf, MSG_DONTWAIT)) > 0) out.append(buf, size_t(n));
        return out;
    }
};

Peer root_peer() { return Peer{0, 0, ::getpid()}; }

int count(const std::string& hay, const std::string& needle)
{
    int n = 0;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

}  // namespace

class TstHelperConnection : public QObject {
    Q_OBJECT
private slots:
    void closedComesFromTheEventLoop()
    {
        Pair p;
        QVERIFY(p.helper_end >= 0);
        auto* conn = new Connection(p.helper_end, root_peer(), nullptr);
        QSignalSpy spy(conn, &Connection::closed);
        p.client_leaves();
        conn->notify("event", {{"n", 1}});  // EPIPE: the client is gone
        QCOMPARE(spy.count(), 0);           // not from inside notify()
        conn->notify("event", {{"n", 2}});  // a dead connection takes more writes quietly
        QTRY_COMPARE(spy.count(), 1);
    }

    // A line made of a head of its own and a tail shared with other connections (stats frames)
    // arrives whole and in order, also when the socket takes it in pieces that end inside the
    // head or inside the tail; the tail is never copied into the connection.
    void sharedTailsArriveWhole()
    {
        Pair p;
        QVERIFY(p.helper_end >= 0);
        int small = 4096;  // partial writes: the client's buffer is small and it reads late
        ::setsockopt(p.client_end, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        ::setsockopt(p.helper_end, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
        auto* conn = new Connection(p.helper_end, root_peer(), nullptr);
        std::string tail_text(100000, 'x');
        for (size_t i = 0; i < tail_text.size(); i += 97) tail_text[i] = char('a' + i % 26);
        tail_text += "}\n";
        auto tail = std::make_shared<const std::string>(tail_text);
        std::string want;
        for (int i = 0; i < 5; ++i) {
            const std::string head = "{\"n\":" + std::to_string(i) + ",\"t\":";
            conn->send_shared(head, tail);
            want += head + tail_text;
        }
        conn->send_line("{\"last\":true}");
        want += "{\"last\":true}\n";
        QCOMPARE(tail.use_count(), 6L);  // queued by reference, not copied
        std::string got;
        for (int i = 0; i < 2000 && got.size() < want.size(); ++i) {
            QCoreApplication::processEvents();  // the connection writes what the socket takes
            char buf[1500];                     // read in pieces of odd sizes
            ssize_t n = ::recv(p.client_end, buf, size_t(1 + i % 1499), MSG_DONTWAIT);
            if (n > 0) got.append(buf, size_t(n));
        }
        QCOMPARE(got.size(), want.size());
        QVERIFY(got == want);
        QCOMPARE(conn->queued_bytes(), size_t(0));
        QCOMPARE(tail.use_count(), 1L);
        delete conn;
    }

    void publishToSubscribersOfWhomOneLeft()
    {
        Dispatcher dispatcher;
        EventBus bus(&dispatcher);
        Pair gone, live;
        QVERIFY(gone.helper_end >= 0 && live.helper_end >= 0);
        auto* a = new Connection(gone.helper_end, root_peer(), &dispatcher);
        auto* b = new Connection(live.helper_end, root_peer(), &dispatcher);
        QPointer<Connection> pa(a);
        // Subscriptions of the leaving client on both sides of the live one's.
        (void)bus.subscribe(a, "");
        (void)bus.subscribe(b, "");
        (void)bus.subscribe(a, "");
        ContainerRecord c;
        c.id = std::string(64, 'a');
        c.name = "short_lived";
        c.image = "busybox";
        gone.client_leaves();
        bus.publish("die", c, {{"exit_code", "0"}});
        bus.publish("destroy", c);
        const std::string got = live.read_all();
        QCOMPARE(count(got, "\"action\":\"die\""), 1);
        QCOMPARE(count(got, "\"action\":\"destroy\""), 1);
        QTRY_VERIFY(pa.isNull());  // closed, then deleted, from the event loop
        bus.publish("create", c);  // its subscriptions are gone with it
        QCOMPARE(count(live.read_all(), "\"action\":\"create\""), 1);
        delete b;
    }
};

QTEST_GUILESS_MAIN(TstHelperConnection)
#include "tst_helper_connection.moc"

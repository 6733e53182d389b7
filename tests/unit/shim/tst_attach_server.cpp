// The shim's AttachServer on a real pty and real unix sockets (no root needed): the socket's
// place and mode (also under a path longer than sun_path), input and resize frames reaching the
// terminal, output to every client, malformed frames and slow clients dropped without blocking,
// and finish() ending every connection. Client frames are built with the client library's
// AttachFrame, so both ends of the wire format are held to the same bytes.
#include "client/attach_frame.h"
#include "engine/shim/attach_server.h"
#include "tests/support/attach_socket.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <string>

using onggi::client::AttachFrame;
using onggi::shim::AttachServer;

namespace {

int connect_to(const std::string& dir) { return onggi::test::connect_attach_socket(dir); }

// One round of the shim's loop for the server alone.
void pump(AttachServer& s, int rounds = 3)
{
    for (int i = 0; i < rounds; ++i) {
        std::vector<pollfd> p;
        s.fill(p);
        ::poll(p.data(), nfds_t(p.size()), 20);
        s.handle(p, 0);
    }
}

std::string read_some(int fd, size_t want, int timeout_ms = 2000)
{
    std::string got;
    while (got.size() < want) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) break;
        char buf[65536];
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        got.append(buf, size_t(n));
    }
    return got;
}

bool at_eof(int fd, int timeout_ms = 2000)
{
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) return false;
        char buf[65536];
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n == 0) return true;
        if (n < 0) return errno == ECONNRESET;
    }
}

}  // namespace

class TstAttachServer : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    int master_ = -1, slave_ = -1;
    std::string dir_;

private slots:
    void init()
    {
        QVERIFY(::openpty(&master_, &slave_, nullptr, nullptr, nullptr) == 0);
        // Raw slave: bytes arrive as written, no echo back into the output.
        termios t{};
        ::tcgetattr(slave_, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(slave_, TCSANOW, &t);
        // Deeper than sun_path allows, as a helper's state root under a temp dir can be.
        dir_ = tmp_.path().toStdString() + "/" + std::string(60, 'd') + "/" + std::string(60, 'e');
        QVERIFY(QDir().mkpath(QString::fromStdString(dir_)));
        QVERIFY(dir_.size() + 12 > sizeof(sockaddr_un::sun_path));
    }
    void cleanup()
    {
        ::close(master_);
        ::close(slave_);
        ::unlink((dir_ + "/attach.sock").c_str());
    }

    void socket_place_and_mode()
    {
        AttachServer s;
        QVERIFY(s.listen(dir_, master_));
        struct stat st {};
        QVERIFY(::stat((dir_ + "/attach.sock").c_str(), &st) == 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QVERIFY(::fcntl(master_, F_GETFL) & O_NONBLOCK);
        QVERIFY(!s.take_first_attach());
        int c = connect_to(dir_);
        QVERIFY(c >= 0);
        pump(s);
        QCOMPARE(s.clients(), size_t(1));
        QVERIFY(s.take_first_attach());
        QVERIFY(!s.take_first_attach());  // once
        s.finish(100);
        QVERIFY(at_eof(c));
        QVERIFY(::access((dir_ + "/attach.sock").c_str(), F_OK) != 0);
        ::close(c);
    }

    void input_and_resize_reach_the_terminal()
    {
        AttachServer s;
        QVERIFY(s.listen(dir_, master_));
        int c = connect_to(dir_);
        QVERIFY(c >= 0);
        pump(s);
        // Sent in pieces that split a frame header: reassembled by the server.
        const QByteArray wire = AttachFrame::resize(33, 101) + AttachFrame::input(QByteArray("typed\n"));
        QVERIFY(::send(c, wire.constData(), 2, 0) == 2);
        pump(s);
        QVERIFY(::send(c, wire.constData() + 2, size_t(wire.size() - 2), 0) == wire.size() - 2);
        pump(s);
        QCOMPARE(read_some(slave_, 6), std::string("typed\n"));
        winsize ws{};
        QVERIFY(::ioctl(slave_, TIOCGWINSZ, &ws) == 0);
        QCOMPARE(int(ws.ws_row), 33);
        QCOMPARE(int(ws.ws_col), 101);
        // More than one frame holds (65535) arrives intact.
        const QByteArray big(100000, 'x');
        const QByteArray frames = AttachFrame::input(big);
        QCOMPARE(frames.size(), big.size() + 6);
        QCOMPARE(int(frames.at(0)), int(AttachFrame::kInput));
        std::string got;
        size_t sent = 0;
        for (int i = 0; i < 20000 && got.size() < size_t(big.size()); ++i) {
            if (sent < size_t(frames.size())) {
                ssize_t n = ::send(c, frames.constData() + sent, size_t(frames.size()) - sent, MSG_DONTWAIT);
                if (n > 0) sent += size_t(n);
            }
            pump(s, 1);
            got += read_some(slave_, 1, 0);
        }
        QCOMPARE(got, big.toStdString());
        QCOMPARE(s.clients(), size_t(1));
        ::close(c);
    }

    void output_to_every_client_and_bad_frames_dropped()
    {
        AttachServer s;
        QVERIFY(s.listen(dir_, master_));
        int a = connect_to(dir_), b = connect_to(dir_);
        QVERIFY(a >= 0 && b >= 0);
        pump(s);
        QCOMPARE(s.clients(), size_t(2));
        s.broadcast("hello\r\n", 7);
        QCOMPARE(read_some(a, 7), std::string("hello\r\n"));
        QCOMPARE(read_some(b, 7), std::string("hello\r\n"));
        // A client that ends its input (half close) keeps getting output; one that closes goes.
        int h = connect_to(dir_), gone = connect_to(dir_);
        QVERIFY(h >= 0 && gone >= 0);
        pump(s);
        QCOMPARE(s.clients(), size_t(4));
        const QByteArray last = AttachFrame::input(QByteArray("bye\n"));
        QVERIFY(::send(h, last.constData(), size_t(last.size()), 0) == last.size());
        QVERIFY(::shutdown(h, SHUT_WR) == 0);
        ::close(gone);
        pump(s);
        QCOMPARE(s.clients(), size_t(3));
        QCOMPARE(read_some(slave_, 4), std::string("bye\n"));
        s.broadcast("still\n", 6);
        QCOMPARE(read_some(h, 6), std::string("still\n"));
        ::close(h);
        pump(s);
        QCOMPARE(s.clients(), size_t(2));
        (void)read_some(a, 6);
        (void)read_some(b, 6);
        // An unknown frame type, and a resize of the wrong length: that client goes, the other stays.
        const char junk[] = {9, 0, 1, 'x'};
        QVERIFY(::send(a, junk, sizeof junk, 0) == sizeof junk);
        pump(s);
        QVERIFY(at_eof(a));
        QCOMPARE(s.clients(), size_t(1));
        const char badResize[] = {2, 0, 2, 0, 1};
        QVERIFY(::send(b, badResize, sizeof badResize, 0) == sizeof badResize);
        pump(s);
        QVERIFY(at_eof(b));
        QCOMPARE(s.clients(), size_t(0));
        ::close(a);
        ::close(b);
    }

    void slow_client_is_dropped_without_blocking()
    {
        AttachServer s;
        QVERIFY(s.listen(dir_, master_));
        int slow = connect_to(dir_), fast = connect_to(dir_);
        QVERIFY(slow >= 0 && fast >= 0);
        pump(s);
        const std::string chunk(16384, 'o');
        size_t fastGot = 0;
        // Far more than the socket buffer plus kMaxQueued; broadcast never blocks.
        const size_t total = 4 * AttachServer::kMaxQueued;
        for (size_t sent = 0; sent < total; sent += chunk.size()) {
            s.broadcast(chunk.data(), chunk.size());
            pump(s, 1);
            fastGot += read_some(fast, 1, 0).size();
        }
        QCOMPARE(s.clients(), size_t(1));  // the slow one is gone
        // The fast one gets everything.
        while (fastGot < total) {
            pump(s, 1);
            std::string part = read_some(fast, 1, 100);
            if (part.empty()) break;
            fastGot += part.size();
        }
        QCOMPARE(fastGot, total);
        // The slow one: a prefix, then EOF.
        size_t slowGot = 0;
        bool eof = false;
        for (int i = 0; i < 10000 && !eof; ++i) {
            pollfd p{slow, POLLIN, 0};
            if (::poll(&p, 1, 2000) <= 0) break;
            char buf[65536];
            ssize_t n = ::recv(slow, buf, sizeof buf, 0);
            if (n > 0) slowGot += size_t(n);
            else eof = true;
        }
        QVERIFY(eof);
        QVERIFY(slowGot > 0 && slowGot < total);
        s.finish(100);
        QVERIFY(at_eof(fast));
        ::close(slow);
        ::close(fast);
    }
};

QTEST_GUILESS_MAIN(TstAttachServer)
#include "tst_attach_server.moc"

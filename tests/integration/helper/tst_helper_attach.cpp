// Attach to a terminal container's own terminal (container.attach, container.start with attach,
// container.wait) through a REAL onggi-helper and onggi-shim: output after attach, input and
// window size through the framed connection (docs/shim.md "Attach"), the very first line with
// start+attach, refusals (no terminal, not running, other users, bad params), and a client
// that never reads does not hold up the container or its log.
#include "helper_fixture.h"

#include <QTest>

#include <tuple>

#include <grp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace onggi::test;

namespace {

std::string errc(const json& r) { return r.contains("error") ? r["error"]["data"].value("errc", "") : ""; }

// An attach frame: type, big-endian 16-bit length, payload.
std::string frame(char type, const std::string& payload)
{
    std::string f;
    f += type;
    f += char((payload.size() >> 8) & 0xff);
    f += char(payload.size() & 0xff);
    return f + payload;
}
std::string input(const std::string& s) { return frame(1, s); }
std::string resize(int rows, int cols)
{
    return frame(2, std::string{char(rows >> 8), char(rows & 0xff), char(cols >> 8), char(cols & 0xff)});
}

bool send_all(int fd, const std::string& s)
{
    size_t off = 0;
    while (off < s.size()) {
        ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        off += size_t(n);
    }
    return true;
}

// Reads from fd into got until `needle` is in it, EOF, or the time limit (a limit only against
// hanging: the verdict is what was read).
bool read_until(int fd, std::string& got, const std::string& needle, int timeout_ms = 30000)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (needle.empty() || got.find(needle) == std::string::npos) {
        int left = int(
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, left) <= 0) continue;
        char buf[65536];
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return needle.empty();  // EOF: done when reading to the end
        got.append(buf, size_t(n));
    }
    return true;
}
bool read_to_eof(int fd, std::string& got, int timeout_ms = 30000) { return read_until(fd, got, {}, timeout_ms); }

struct Fd {
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0) ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

}  // namespace

class TstHelperAttach : public QObject {
    Q_OBJECT

    std::unique_ptr<HelperProcess> helper_;
    std::unique_ptr<RawClient> c_;
    int serial_ = 0;

    std::string uname(const char* base)
    {
        return std::string(base) + "-" + std::to_string(::getpid()) + "-" + std::to_string(++serial_);
    }

    std::string create(const json& params)
    {
        json r = c_->call("container.create", params);
        if (!r.contains("result")) {
            qWarning("create failed: %s", r.dump().c_str());
            return {};
        }
        return r["result"]["id"];
    }
    std::string shim_dir(const std::string& id) { return helper_->state_dir() + "/containers/" + id + "/shim"; }

    // Polls container.logs until a line contains `needle`.
    bool log_has(const std::string& id, const std::string& needle)
    {
        for (int i = 0; i < 600; ++i) {
            json lg = c_->call("container.logs", {{"id", id}, {"timestamps", false}});
            for (const auto& l : lg["result"]["lines"])
                if (l["line"].get<std::string>().find(needle) != std::string::npos) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    // container.start with attach and container.wait sent back to back (as onggictl does), so
    // the wait is registered while the start is still in progress. Returns the attach fd.
    int start_attached_with_wait(const std::string& id, json& start_reply, int64_t& wait_id, const json& size = nullptr)
    {
        json sp = {{"id", id}, {"attach", true}};
        if (!size.is_null()) sp["size"] = size;
        static int64_t next = 1000000;
        const int64_t sid = ++next;
        wait_id = ++next;
        c_->send_raw(
            json{{"jsonrpc", "2.0"}, {"id", sid}, {"method", "container.start"}, {"params", sp}}.dump() + "\n" +
            json{{"jsonrpc", "2.0"}, {"id", wait_id}, {"method", "container.wait"}, {"params", {{"id", id}}}}.dump() +
            "\n");
        for (int i = 0; i < 50; ++i) {
            json j = c_->read_json(60000);
            if (j.is_null()) return -1;
            if (j.value("id", json()) == json(sid)) {
                start_reply = j;
                return c_->take_fd();
            }
            c_->notifications.push_back(j);
        }
        return -1;
    }
    json wait_reply(int64_t wait_id, int timeout_ms = 60000)
    {
        for (auto it = c_->notifications.begin(); it != c_->notifications.end(); ++it)
            if (it->value("id", json()) == json(wait_id)) {
                json j = *it;
                c_->notifications.erase(it);
                return j;
            }
        for (int i = 0; i < 50; ++i) {
            json j = c_->read_json(timeout_ms);
            if (j.is_null()) return j;
            if (j.value("id", json()) == json(wait_id)) return j;
            c_->notifications.push_back(j);
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start(), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
        json h = c_->call("hello", {{"client", "tst_helper_attach"}});
        int listed = 0;
        for (const auto& m : h["result"]["methods"]) listed += m == "container.attach" || m == "container.wait";
        QCOMPARE(listed, 2);
        bool feature = false;
        for (const auto& f : h["result"]["host"]["features"]) feature |= f == "attach";
        QVERIFY(feature);
    }
    void cleanupTestCase()
    {
        c_.reset();
        helper_.reset();
    }

    void attach_gets_later_output_and_sends_input()
    {
        const std::string id =
            create({{"name", uname("att")},
                    {"image", "busybox"},
                    {"tty", true},
                    {"cmd",
                     {"sh", "-c",
                      "echo before-attach; while [ ! -e /go ]; do sleep 0.05; done; echo after-attach-$((6*7)); "
                      "read x; stty size; echo got:$x; exit 7"}}});
        QVERIFY(!id.empty());
        QVERIFY(c_->call("container.start", {{"id", id}}).contains("result"));
        QVERIFY2(log_has(id, "before-attach"), helper_->log().c_str());

        // The shim's socket: root only, a real socket, where docs/shim.md says.
        struct stat st {};
        QVERIFY(::stat((shim_dir(id) + "/attach.sock").c_str(), &st) == 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QCOMPARE(st.st_uid, uid_t(0));

        // Two attachers at once; both get the output from the moment they attach.
        int fd1 = -1, fd2 = -1;
        json a1 = c_->call_with_fd("container.attach", {{"id", id}}, fd1);
        Fd g1(fd1);
        json a2 = c_->call_with_fd("container.attach", {{"id", id.substr(0, 12)}}, fd2);
        Fd g2(fd2);
        QVERIFY2(a1.contains("result") && fd1 >= 0, a1.dump().c_str());
        QVERIFY2(a2.contains("result") && fd2 >= 0, a2.dump().c_str());
        QVERIFY(a1["result"].is_object() && a1["result"].empty());
        // The attach fd is a connected unix stream socket.
        int type = 0;
        socklen_t len = sizeof type;
        QVERIFY(::getsockopt(fd1, SOL_SOCKET, SO_TYPE, &type, &len) == 0);
        QCOMPARE(type, SOCK_STREAM);

        json ex = c_->call("container.exec", {{"id", id}, {"cmd", {"touch", "/go"}}});
        QVERIFY2(ex.contains("result"), ex.dump().c_str());
        std::string got1, got2;
        QVERIFY2(read_until(fd1, got1, "after-attach-42"), got1.c_str());
        QVERIFY2(read_until(fd2, got2, "after-attach-42"), got2.c_str());
        // Attached after "before-attach" was logged: it is not replayed.
        QVERIFY2(got1.find("before-attach") == std::string::npos, got1.c_str());

        // Input and window size through the first connection reach the container's terminal.
        QVERIFY(send_all(fd1, resize(33, 101) + input("hello-in\n")));
        QVERIFY2(read_until(fd1, got1, "got:hello-in"), got1.c_str());
        QVERIFY2(got1.find("33 101") != std::string::npos, got1.c_str());
        QVERIFY2(read_until(fd2, got2, "got:hello-in"), got2.c_str());

        json w = c_->call("container.wait", {{"id", id}});
        QVERIFY2(w.contains("result"), w.dump().c_str());
        QCOMPARE(w["result"]["exit_code"].get<int>(), 7);
        QCOMPARE(w["result"]["oom_killed"].get<bool>(), false);
        // The container has exited: the connections end; the socket file is gone.
        QVERIFY(read_to_eof(fd1, got1));
        QVERIFY(read_to_eof(fd2, got2));
        QVERIFY(::access((shim_dir(id) + "/attach.sock").c_str(), F_OK) != 0);
        // The log has the same output (the attach is a copy, not a diversion).
        QVERIFY(log_has(id, "got:hello-in"));
        QVERIFY(c_->call("container.remove", {{"id", id}}).contains("result"));
    }

    void start_with_attach_sees_the_first_line()
    {
        // The command prints at once and exits: only a start that holds the init until the
        // attach exists can show this line to the attacher.
        const std::string id = create({{"name", uname("first")},
                                       {"image", "busybox"},
                                       {"tty", true},
                                       {"cmd", {"sh", "-c", "echo first-line-$((1+2)); exit 5"}}});
        QVERIFY(!id.empty());
        json sr;
        int64_t wait_id = 0;
        Fd fd(start_attached_with_wait(id, sr, wait_id));
        QVERIFY2(sr.contains("result") && fd.fd >= 0, (sr.dump() + helper_->log()).c_str());
        QVERIFY(sr["result"]["pid"].get<int>() > 0);
        std::string got;
        QVERIFY(read_to_eof(fd.fd, got));
        QVERIFY2(got.find("first-line-3") != std::string::npos, got.c_str());
        QVERIFY2(got.find("onggi: exec") == std::string::npos, got.c_str());  // sh is there: no hint
        json w = wait_reply(wait_id);
        QVERIFY2(w.contains("result"), w.dump().c_str());
        QCOMPARE(w["result"]["exit_code"].get<int>(), 5);
        json ins = c_->call("container.inspect", {{"id", id}});
        QCOMPARE(ins["result"]["container"]["state"].get<std::string>(), std::string("exited"));
        QCOMPARE(ins["result"]["container"]["exit_code"].get<int>(), 5);

        // The terminal's size is set before the container's first instruction.
        const std::string id3 =
            create({{"name", uname("size")}, {"image", "busybox"}, {"tty", true}, {"cmd", {"sh", "-c", "stty size"}}});
        QVERIFY(!id3.empty());
        Fd fd3(start_attached_with_wait(id3, sr, wait_id, {{"rows", 40}, {"cols", 132}}));
        QVERIFY2(sr.contains("result") && fd3.fd >= 0, sr.dump().c_str());
        got.clear();
        QVERIFY(read_to_eof(fd3.fd, got));
        QVERIFY2(got.find("40 132") != std::string::npos, got.c_str());
        QCOMPARE(wait_reply(wait_id)["result"]["exit_code"].get<int>(), 0);

        // A program that is not in the image: the start itself is refused (the runtime looks
        // args[0] up before it parks the init, as runc and crun do at create), in docker's words,
        // and nothing runs.
        for (const auto& [nm, prog, words] :
             {std::tuple{"nocmd", "nosuchcmd-xyz", "executable file not found in $PATH"},
              std::tuple{"nopath", "/no/such/prog", ""}}) {
            const std::string idn = create({{"name", uname(nm)}, {"image", "busybox"}, {"tty", true}, {"cmd", {prog}}});
            QVERIFY(!idn.empty());
            json r = c_->call("container.start", {{"id", idn}, {"attach", true}});
            QVERIFY2(r.contains("error"), r.dump().c_str());
            QCOMPARE(r["error"]["data"]["errc"].get<std::string>(), std::string("not_found"));
            const std::string msg = r["error"]["message"].get<std::string>();
            QVERIFY2(msg.find(prog) != std::string::npos && msg.find(words) != std::string::npos, msg.c_str());
            QVERIFY(c_->call("container.inspect", {{"id", idn}})["result"]["container"]["state"] != "running");
        }

        // auto_remove: the pipelined wait still gets the exit code before the record goes.
        const std::string id2 = create({{"name", uname("first-rm")},
                                        {"image", "busybox"},
                                        {"tty", true},
                                        {"auto_remove", true},
                                        {"cmd", {"sh", "-c", "echo bye-$((2*3)); exit 9"}}});
        QVERIFY(!id2.empty());
        Fd fd2(start_attached_with_wait(id2, sr, wait_id));
        QVERIFY2(sr.contains("result") && fd2.fd >= 0, sr.dump().c_str());
        got.clear();
        QVERIFY(read_to_eof(fd2.fd, got));
        QVERIFY2(got.find("bye-6") != std::string::npos, got.c_str());
        w = wait_reply(wait_id);
        QVERIFY2(w.contains("result"), w.dump().c_str());
        QCOMPARE(w["result"]["exit_code"].get<int>(), 9);
    }

    void open_stdin_without_terminal()
    {
        // open_stdin: the start's attacher writes the container's stdin; output is in the log.
        const std::string id = create({{"name", uname("stdin")},
                                       {"image", "busybox"},
                                       {"open_stdin", true},
                                       {"cmd", {"sh", "-c", "read a; echo first-$a; wc -c"}}});
        QVERIFY(!id.empty());
        QCOMPARE(c_->call("container.inspect", {{"id", id}})["result"]["container"]["open_stdin"].get<bool>(), true);
        json sr;
        int64_t wait_id = 0;
        Fd fd(start_attached_with_wait(id, sr, wait_id));
        QVERIFY2(fd.fd >= 0, sr.dump().c_str());
        const std::string line = "ok\n", rest(5000, 'z');
        std::string frames;
        for (const std::string& d : {line, rest}) {
            frames += char(1);
            frames += char((d.size() >> 8) & 0xff);
            frames += char(d.size() & 0xff);
            frames += d;
        }
        QCOMPARE(::send(fd.fd, frames.data(), frames.size(), MSG_NOSIGNAL), ssize_t(frames.size()));
        QCOMPARE(::shutdown(fd.fd, SHUT_WR), 0);
        json w = wait_reply(wait_id);
        QCOMPARE(w["result"]["exit_code"].get<int>(), 0);
        QVERIFY(log_has(id, "first-ok"));
        QVERIFY(log_has(id, "5000"));
        // Its stdin belongs to the start's attacher: a later container.attach is refused.
        QVERIFY(c_->call("container.start", {{"id", id}}).contains("result"));
        int later = -1;
        json r = c_->call_with_fd("container.attach", {{"id", id}}, later);
        Fd g(later);
        QCOMPARE(errc(r), std::string("bad_state"));
        QCOMPARE(errc(c_->call("container.create", {{"image", "busybox"}, {"open_stdin", "yes"}})),
                 std::string("invalid_argument"));
        QVERIFY(c_->call("container.remove", {{"id", id}, {"force", true}}).contains("result"));
    }

    void refusals()
    {
        // A running container without a terminal.
        const std::string plain = create({{"name", uname("plain")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        QVERIFY(!plain.empty());
        json r = c_->call("container.start", {{"id", plain}, {"attach", true}});
        QCOMPARE(errc(r), std::string("bad_state"));
        QVERIFY2(r["error"]["message"].get<std::string>().find("terminal") != std::string::npos, r.dump().c_str());
        QCOMPARE(c_->call("container.inspect", {{"id", plain}})["result"]["container"]["state"].get<std::string>(),
                 std::string("created"));
        QVERIFY(c_->call("container.start", {{"id", plain}}).contains("result"));
        int fd = -1;
        r = c_->call_with_fd("container.attach", {{"id", plain}}, fd);
        Fd g(fd);
        QCOMPARE(errc(r), std::string("bad_state"));
        QCOMPARE(fd, -1);
        QVERIFY(::access((shim_dir(plain) + "/attach.sock").c_str(), F_OK) != 0);

        // A terminal container that is created, then one that exited.
        const std::string tty =
            create({{"name", uname("tty")}, {"image", "busybox"}, {"tty", true}, {"cmd", {"true"}}});
        QVERIFY(!tty.empty());
        QCOMPARE(errc(c_->call("container.attach", {{"id", tty}})), std::string("bad_state"));
        json w = c_->call("container.wait", {{"id", tty}});  // not running: answered at once
        QVERIFY2(w.contains("result"), w.dump().c_str());
        QVERIFY(c_->call("container.start", {{"id", tty}}).contains("result"));
        w = c_->call("container.wait", {{"id", tty}});
        QCOMPARE(w["result"]["exit_code"].get<int>(), 0);
        QCOMPARE(errc(c_->call("container.attach", {{"id", tty}})), std::string("bad_state"));

        // Params: typed, unknown fields refused, unknown containers not found.
        QCOMPARE(errc(c_->call("container.attach", {{"id", tty}, {"stdin", true}})), std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.attach", json::object())), std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.attach", {{"id", 5}})), std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.start", {{"id", tty}, {"attach", "yes"}})), std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.start", {{"id", tty}, {"atach", true}})), std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.wait", {{"id", tty}, {"timeout", 1}})), std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.start", {{"id", tty}, {"size", {{"rows", 24}, {"cols", 80}}}})),
                 std::string("invalid_argument"));
        QCOMPARE(
            errc(c_->call("container.start", {{"id", tty}, {"attach", true}, {"size", {{"rows", 0}, {"cols", 80}}}})),
            std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.start", {{"id", tty}, {"attach", true}, {"size", {{"rows", 24}}}})),
                 std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.start",
                               {{"id", tty}, {"attach", true}, {"size", {{"rows", 24}, {"cols", 80}, {"x", 1}}}})),
                 std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.start", {{"id", tty}, {"attach", true}, {"size", {24, 80}}})),
                 std::string("invalid_argument"));
        QCOMPARE(errc(c_->call("container.attach", {{"id", "no-such-container-" + std::to_string(::getpid())}})),
                 std::string("not_found"));
        QCOMPARE(errc(c_->call("container.wait", {{"id", "no-such-container-" + std::to_string(::getpid())}})),
                 std::string("not_found"));

        QVERIFY(c_->call("container.remove", {{"id", plain}, {"force", true}}).contains("result"));
        QVERIFY(c_->call("container.remove", {{"id", tty}}).contains("result"));
    }

    void attacher_that_never_reads_does_not_block()
    {
        // Far more output than the socket buffer plus the shim's per-client queue (1 MiB).
        const int lines = 80000;
        const std::string id = create({{"name", uname("flood")},
                                       {"image", "busybox"},
                                       {"tty", true},
                                       {"cmd",
                                        {"sh", "-c",
                                         "i=0; while [ $i -lt " + std::to_string(lines) +
                                             " ]; do echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; "
                                             "i=$((i+1)); done; echo done-marker"}}});
        QVERIFY(!id.empty());
        json sr;
        int64_t wait_id = 0;
        Fd fd(start_attached_with_wait(id, sr, wait_id));  // attached from the start, never read
        QVERIFY2(sr.contains("result") && fd.fd >= 0, sr.dump().c_str());
        json w = wait_reply(wait_id, 110000);
        QVERIFY2(w.contains("result"), (w.dump() + helper_->log()).c_str());
        QCOMPARE(w["result"]["exit_code"].get<int>(), 0);

        // The log is complete: every line, then the marker (the kernel's file, not the helper's word).
        const std::string log = slurp(helper_->state_dir() + "/containers/" + id + "/container.log");
        size_t count = 0;
        for (size_t pos = 0; (pos = log.find(" o line-", pos)) != std::string::npos; ++pos) ++count;
        QCOMPARE(count, size_t(lines));
        QVERIFY(log.find("line-" + std::to_string(lines - 1) + "-") != std::string::npos);
        QVERIFY(log.find("done-marker") != std::string::npos);

        // The slow client was dropped: it got a prefix, then EOF, never the end.
        std::string got;
        QVERIFY(read_to_eof(fd.fd, got));
        QVERIFY2(got.find("line-0-") != std::string::npos, got.substr(0, 200).c_str());
        QVERIFY(got.find("done-marker") == std::string::npos);
        QVERIFY(got.size() < size_t(lines) * 40);
        QVERIFY(c_->call("container.remove", {{"id", id}}).contains("result"));
    }

    void attach_after_the_helper_was_killed()
    {
        // The attach socket belongs to the shim: a new helper re-adopts the container and can
        // attach to it, and container.wait still gets its exit code.
        const std::string id = create({{"name", uname("adopt")},
                                       {"image", "busybox"},
                                       {"tty", true},
                                       {"cmd", {"sh", "-c", "read x; echo again:$x; exit 4"}}});
        QVERIFY(!id.empty());
        QVERIFY(c_->call("container.start", {{"id", id}}).contains("result"));
        helper_->kill9();
        QVERIFY2(helper_->start(), helper_->log().c_str());
        QVERIFY(c_->connect_to(helper_->socket()));
        int fd = -1;
        json a = c_->call_with_fd("container.attach", {{"id", id}}, fd);
        Fd g(fd);
        QVERIFY2(a.contains("result") && fd >= 0, (a.dump() + helper_->log()).c_str());
        QVERIFY(send_all(fd, input("zz\n")));
        std::string got;
        QVERIFY2(read_until(fd, got, "again:zz"), got.c_str());
        json w = c_->call("container.wait", {{"id", id}});
        QVERIFY2(w.contains("result"), w.dump().c_str());
        QCOMPARE(w["result"]["exit_code"].get<int>(), 4);
        QVERIFY(c_->call("container.remove", {{"id", id}}).contains("result"));
    }

    void other_users_cannot_attach()
    {
        const std::string group = "onggia" + std::to_string(::getpid() % 100000);
        QCOMPARE(std::system(("groupadd -f " + group).c_str()), 0);
        struct Cleanup {
            std::string g;
            ~Cleanup() { (void)!std::system(("groupdel " + g + " 2>/dev/null").c_str()); }
        } cleanup{group};
        struct group* g = ::getgrnam(group.c_str());
        QVERIFY(g);
        const gid_t gid = g->gr_gid;
        HelperProcess h;
        QVERIFY2(h.start({"--group", group}), h.log().c_str());

        const uid_t alice = 62000 + uid_t(::getpid() % 1000), bob = alice + 1000;
        const std::string name = "alice-tty-" + std::to_string(::getpid());
        auto a = as_user(
            alice, gid, h.socket(),
            {{"container.create", {{"name", name}, {"image", "busybox"}, {"tty", true}, {"cmd", {"sleep", "1000"}}}},
             {"container.start", {{"id", name}}},
             {"container.attach", {{"id", name}}}});
        QCOMPARE(a.size(), size_t(3));
        QVERIFY2(a[1].contains("result"), a[1].dump().c_str());
        QVERIFY2(a[2].contains("result"), a[2].dump().c_str());  // the owner may (the fd is dropped by the reader)

        auto b = as_user(bob, gid, h.socket(),
                         {{"container.attach", {{"id", name}}},
                          {"container.wait", {{"id", name}}},
                          {"container.start", {{"id", name}, {"attach", true}}}});
        QCOMPARE(b.size(), size_t(3));
        for (const auto& r : b) QCOMPARE(errc(r), std::string("not_found"));
        // Nothing of bob's reached the socket file either: it is root's, 0600.
        RawClient root(h.socket());
        json ins = root.call("container.inspect", {{"id", name}});
        const std::string id = ins["result"]["container"]["id"];
        struct stat st {};
        QVERIFY(::stat((h.state_dir() + "/containers/" + id + "/shim/attach.sock").c_str(), &st) == 0);
        QCOMPARE(st.st_uid, uid_t(0));
        QCOMPARE(st.st_mode & 0077, mode_t(0));
        QVERIFY(root.call("container.remove", {{"id", name}, {"force", true}}).contains("result"));
    }
};

QTEST_GUILESS_MAIN(TstHelperAttach)
#include "tst_helper_attach.moc"

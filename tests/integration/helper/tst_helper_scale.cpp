// Many containers on a REAL onggi-helper (issue 18): 200 running busybox containers (fewer with
// ONGGI_SCALE_CONTAINERS=N, N even and at least 4, for a quick run: 200 take ~100 s in the
// emulated v2 guest; the per-container figures are the same, only less averaged). The
// helper's open fds grow by the same number per container (nothing accumulates), every one is
// listed and sampled, 100 stats subscribers do not stall it, and after removal the fds, the shims and the cgroups are
// back to what was there before. Figures are printed, never asserted as timings.
#include "helper_fixture.h"

#include <QTest>

#include <dirent.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace onggi::test;

namespace {

int fd_count(pid_t pid)
{
    int n = 0;
    DIR* d = ::opendir(("/proc/" + std::to_string(pid) + "/fd").c_str());
    while (struct dirent* e = d ? ::readdir(d) : nullptr)
        if (e->d_name[0] != '.') ++n;
    if (d) ::closedir(d);
    return n;
}

int children_of(pid_t pid)
{
    int n = 0;
    DIR* d = ::opendir("/proc");
    while (struct dirent* e = d ? ::readdir(d) : nullptr) {
        int p = std::atoi(e->d_name);
        if (p <= 0) continue;
        FILE* f = std::fopen(("/proc/" + std::to_string(p) + "/stat").c_str(), "r");
        if (!f) continue;
        char buf[512] = {};
        size_t len = std::fread(buf, 1, sizeof buf - 1, f);
        std::fclose(f);
        std::string s(buf, len);
        auto r = s.rfind(')');
        if (r == std::string::npos) continue;
        int ppid = 0;
        char state = 0;
        if (std::sscanf(s.c_str() + r + 1, " %c %d", &state, &ppid) == 2 && ppid == pid) ++n;
    }
    if (d) ::closedir(d);
    return n;
}

// The helper's fd count once it holds still: the stats service opens a container's cgroup files
// one turn of its event loop after the start. Count when three readings 1.2 s apart agree: in
// the emulated v2 guest of CI a tick over 200 containers can hold the loop long enough for two
// readings to agree before every container is opened.
int settled_fd_count(pid_t pid)
{
    int a = fd_count(pid), same = 0;
    for (int i = 0; i < 40 && same < 2; ++i) {
        QTest::qWait(1200);
        const int b = fd_count(pid);
        same = b == a ? same + 1 : 0;
        a = b;
    }
    return a;
}

// utime + stime of a process, in clock ticks.
uint64_t cpu_ticks(pid_t pid)
{
    const std::string s = slurp("/proc/" + std::to_string(pid) + "/stat");
    auto r = s.rfind(')');
    if (r == std::string::npos) return 0;
    std::istringstream in(s.substr(r + 2));
    std::string field;
    uint64_t ut = 0, st = 0;
    for (int i = 3; i <= 15 && in >> field; ++i) {
        if (i == 14) ut = std::stoull(field);
        if (i == 15) st = std::stoull(field);
    }
    return ut + st;
}

double ms_since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

class TstHelperScale : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
    }

    void many_containers()
    {
        const int total = qEnvironmentVariableIntValue("ONGGI_SCALE_CONTAINERS");
        if (qEnvironmentVariableIsSet("ONGGI_SCALE_CONTAINERS") && (total < 4 || total % 2))
            QFAIL("ONGGI_SCALE_CONTAINERS: an even number of containers, at least 4");
        const int kHalf = total > 0 ? total / 2 : 100;
        HelperProcess h;
        QVERIFY2(h.start(), h.log().c_str());
        RawClient c(h.socket());
        QVERIFY(c.call("container.list", {{"all", true}}).contains("result"));
        const int fd0 = settled_fd_count(h.pid());
        std::vector<std::string> ids;
        auto add = [&](int n) {
            for (int i = 0; i < n; ++i) {
                json r = c.call("container.create", {{"image", "busybox"}, {"cmd", {"sleep", "100000"}}});
                if (!r.contains("result")) return r.dump();
                ids.push_back(r["result"]["id"]);
                json s = c.call("container.start", {{"id", ids.back()}});
                if (!s.contains("result")) return s.dump();
            }
            return std::string();
        };
        // The first container also opens what the helper keeps once for all (watchers, the
        // parent cgroups): the per-container share is measured from it on.
        std::string err = add(1);
        QVERIFY2(err.empty(), err.c_str());
        const int fd_first = settled_fd_count(h.pid());
        auto t = std::chrono::steady_clock::now();
        err = add(kHalf - 1);
        QVERIFY2(err.empty(), err.c_str());
        const int fd1 = settled_fd_count(h.pid());
        err = add(kHalf);
        QVERIFY2(err.empty(), err.c_str());
        const double start_ms = ms_since(t);
        const int fd2 = settled_fd_count(h.pid());
        const double per = double(fd2 - fd1) / kHalf;
        qInfo("helper fds: %d with none, %d with 1 running, %d with %d, %d with %d: %.2f per container "
              "(%d created and started in %.1f s)",
              fd0, fd_first, fd1, kHalf, fd2, 2 * kHalf, per, 2 * kHalf - 1, start_ms / 1000);
        // The same cost for the second hundred as for the first: nothing accumulates.
        QVERIFY2(fd2 > fd1, "a running container holds no fd in the helper?");
        QVERIFY2(std::abs(double(fd1 - fd_first) - per * (kHalf - 1)) <= 2.0, "fds per container are not constant");
        t = std::chrono::steady_clock::now();
        json l = c.call("container.list", {{"all", true}});
        const double list_ms = ms_since(t);
        QVERIFY2(l.contains("result"), l.dump().c_str());
        int running = 0;
        for (const auto& x : l["result"]["containers"]) running += x["state"] == "running";
        QCOMPARE(running, 2 * kHalf);
        t = std::chrono::steady_clock::now();
        json s = c.call("stats.subscribe", {{"interval_ms", 1000}});
        QVERIFY2(s.contains("result"), s.dump().c_str());
        json frame = c.wait_notification(
            "stats", 10000, [&](const json& j) { return j["params"]["containers"].size() == size_t(2 * kHalf); });
        const double stats_ms = ms_since(t);
        QVERIFY2(!frame.is_null(), "no stats frame with every container");
        qInfo("container.list of %d: %.1f ms; first stats frame with all of them: %.1f ms", 2 * kHalf, list_ms,
              stats_ms);
        QVERIFY(c.call("unsubscribe", {{"subscription", s["result"]["subscription"]}}).contains("result"));

        // 100 subscribers of all 200 at 200 ms, read as fast as they come: the helper samples
        // once per tick and encodes each frame once for all of them, so `container.list` is
        // still answered at once. When every subscriber's frame was encoded on its own (issue
        // 18: 500 containers x 100 subscribers, list took 4 s) this was 100 x 200 samples
        // encoded 5 times a second, more than a core: list answered after seconds.
        constexpr int kConns = 10, kSubsEach = 10;
        std::vector<std::unique_ptr<RawClient>> subs;
        for (int i = 0; i < kConns; ++i) {
            subs.push_back(std::make_unique<RawClient>(h.socket()));
            QVERIFY(subs.back()->connected());
        }
        std::atomic<bool> stop{false};
        std::atomic<uint64_t> drained{0};
        std::atomic<int> closed{0};
        std::thread reader([&] {
            std::vector<struct pollfd> pfds;
            for (const auto& r : subs) pfds.push_back({r->fd(), POLLIN, 0});
            std::vector<char> buf(1 << 20);
            while (!stop) {
                if (::poll(pfds.data(), pfds.size(), 100) <= 0) continue;
                for (auto& p : pfds) {
                    if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
                    ssize_t n = ::recv(p.fd, buf.data(), buf.size(), MSG_DONTWAIT);
                    if (n > 0) drained += uint64_t(n);
                    else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                        ++closed;
                        p.fd = -1;
                    }
                }
            }
        });
        // Every line is read by the thread from here on (replies and frames alike).
        for (const auto& r : subs)
            for (int k = 0; k < kSubsEach; ++k)
                QVERIFY(r->send_raw(json{{"jsonrpc", "2.0"},
                                         {"id", k + 1},
                                         {"method", "stats.subscribe"},
                                         {"params", {{"interval_ms", 200}}}}
                                        .dump() +
                                    "\n"));
        QTest::qWait(1500);  // the subscribers' frames flowing
        const uint64_t cpu0 = cpu_ticks(h.pid());
        const auto w0 = std::chrono::steady_clock::now();
        std::vector<double> lists;
        for (int i = 0; i < 10; ++i) {
            t = std::chrono::steady_clock::now();
            json lr = c.call("container.list", {{"all", true}}, 120000);
            lists.push_back(ms_since(t));
            QVERIFY2(lr.contains("result"), lr.dump().substr(0, 300).c_str());
            QTest::qWait(300);
        }
        const double cpu_pct =
            double(cpu_ticks(h.pid()) - cpu0) / double(::sysconf(_SC_CLK_TCK)) * 100000.0 / ms_since(w0);
        stop = true;
        reader.join();
        std::sort(lists.begin(), lists.end());
        qInfo("with %d stats subscribers of %d containers at 200 ms: container.list median %.1f ms, max %.1f ms; "
              "helper CPU %.0f %% "
              "of a core; %.1f MB read by the subscribers",
              kConns * kSubsEach, 2 * kHalf, lists[lists.size() / 2], lists.back(), cpu_pct, double(drained) / 1e6);
        QCOMPARE(closed.load(), 0);  // nobody dropped as a slow reader
        QVERIFY(drained > 0);
        // Behaviour, with a wide margin for a loaded host: answered within a second, not after seconds.
        QVERIFY2(lists[lists.size() / 2] < 1000.0, "container.list is stalled by the stats subscribers");
        subs.clear();

        t = std::chrono::steady_clock::now();
        for (const auto& id : ids) {
            json r = c.call("container.remove", {{"id", id}, {"force", true}});
            QVERIFY2(r.contains("result"), r.dump().c_str());
        }
        const double rm_ms = ms_since(t);
        // Back to what it held before the first, or to its once-for-all share at most.
        const int once = std::max(fd_first - fd0 - int(per + 0.5), 0);
        // Shims go away on their own once their container is gone; give them a moment.
        int shims = 0, fd3 = 0;
        for (int i = 0; i < 100; ++i) {
            shims = children_of(h.pid());
            fd3 = fd_count(h.pid());
            if (shims == 0 && fd3 <= fd0 + once + 1) break;
            QTest::qWait(100);
        }
        qInfo("removed %d in %.1f s; helper fds %d (before any: %d, kept once for all: %d), shims left %d", 2 * kHalf,
              rm_ms / 1000, fd3, fd0, once, shims);
        QCOMPARE(shims, 0);
        QVERIFY2(fd3 <= fd0 + once + 1, "the helper kept fds of removed containers");
        json after = c.call("container.list", {{"all", true}});
        QVERIFY(after["result"]["containers"].empty());
    }
};

QTEST_GUILESS_MAIN(TstHelperScale)
#include "tst_helper_scale.moc"

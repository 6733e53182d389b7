// bench/load: a REAL onggi-helper (private state dir, loopback-only default network) with N
// running busybox containers, N = 100, 500, 1000 (or the levels given), each level measured
// alone and then with C clients subscribed to stats at 1 s that read every frame:
//   helper CPU % (of one core, over 10 s, from /proc/PID/stat), RSS, open fds,
//   container.list round trip (median and max of 20), and the stats round trip
//   (stats.subscribe -> its first frame with all N samples, median of 5).
// Peer: bench/load/run.sh times `crun list` over the same number of crun containers.
// Usage (root): build/bin/onggi-bench-load [--levels 100,500,1000] [--clients 100] [--nofile N]
// The helper runs with the open-file limit this is run with (it raises its soft limit to the
// hard one, as at every start), or with N for both (--nofile). A start that fails stops the
// climb: the levels are measured up to the count reached, and the error is printed.
#include "tests/integration/helper/helper_fixture.h"

#include <dirent.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

using namespace onggi::test;
using clk = std::chrono::steady_clock;

namespace {

double ms_since(clk::time_point t) { return std::chrono::duration<double, std::milli>(clk::now() - t).count(); }

uint64_t cpu_ticks(pid_t pid)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(f)), {});
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

uint64_t rss_kib(pid_t pid)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6));
    return 0;
}

int fd_count(pid_t pid)
{
    int n = 0;
    if (DIR* d = ::opendir(("/proc/" + std::to_string(pid) + "/fd").c_str())) {
        while (struct dirent* e = ::readdir(d))
            if (e->d_name[0] != '.') ++n;
        ::closedir(d);
    }
    return n;
}

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Figures {
    double cpu = 0, list_med = 0, list_max = 0, stats_med = 0;
    uint64_t rss = 0;
    int fds = 0;
};

Figures measure(HelperProcess& h, RawClient& c, size_t n)
{
    Figures f;
    const long hz = ::sysconf(_SC_CLK_TCK);
    const uint64_t t0 = cpu_ticks(h.pid());
    const auto w0 = clk::now();
    std::vector<double> lists;
    // 20 lists spread over 10 s: the helper's idle cost is what runs in between.
    for (int i = 0; i < 20; ++i) {
        auto t = clk::now();
        json l = c.call("container.list", {{"all", true}}, 120000);
        lists.push_back(ms_since(t));
        if (!l.contains("result") || l["result"]["containers"].size() != n)
            std::fprintf(stderr, "list: unexpected reply (%zu)\n",
                         l.contains("result") ? l["result"]["containers"].size() : 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    const double wall = std::chrono::duration<double>(clk::now() - w0).count();
    f.cpu = 100.0 * double(cpu_ticks(h.pid()) - t0) / double(hz) / wall;
    f.list_med = median(lists);
    f.list_max = *std::max_element(lists.begin(), lists.end());
    std::vector<double> stats;
    for (int i = 0; i < 5; ++i) {
        auto t = clk::now();
        json s = c.call("stats.subscribe", {{"interval_ms", 1000}}, 120000);
        json frame =
            c.wait_notification("stats", 60000, [&](const json& j) { return j["params"]["containers"].size() == n; });
        stats.push_back(ms_since(t));
        c.notifications.clear();
        if (s.contains("result")) (void)c.call("unsubscribe", {{"subscription", s["result"]["subscription"]}});
        c.notifications.clear();
        if (frame.is_null()) std::fprintf(stderr, "stats: no frame with all %zu containers\n", n);
    }
    f.stats_med = median(stats);
    f.rss = rss_kib(h.pid());
    f.fds = fd_count(h.pid());
    return f;
}

void print(const char* what, size_t n, int clients, const Figures& f)
{
    std::printf("%-8s %6zu %8d %8.1f %9.1f %9.1f %9.1f %12.1f %7d\n", what, n, clients, f.cpu, double(f.rss) / 1024.0,
                f.list_med, f.list_max, f.stats_med, f.fds);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<size_t> levels = {100, 500, 1000};
    int clients = 100;
    long nofile = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--levels")) {
            levels.clear();
            std::stringstream ss(argv[i + 1]);
            for (std::string x; std::getline(ss, x, ',');) levels.push_back(std::stoul(x));
        } else if (!std::strcmp(argv[i], "--clients")) {
            clients = std::atoi(argv[i + 1]);
        } else if (!std::strcmp(argv[i], "--nofile")) {
            nofile = std::atol(argv[i + 1]);
        }
    }
    if (::geteuid() != 0) {
        std::fprintf(stderr, "onggi-bench-load: needs root\n");
        return 1;
    }
    // Never the host's network: containers get loopback only.
    ::setenv("ONGGI_DEFAULT_NETWORK", "private", 1);
    if (nofile > 0) {
        struct rlimit rl {
            rlim_t(nofile), rlim_t(nofile)
        };
        if (::setrlimit(RLIMIT_NOFILE, &rl) != 0) {
            std::perror("onggi-bench-load: --nofile");
            return 1;
        }
    }
    HelperProcess h;
    if (!h.start()) {
        std::fprintf(stderr, "helper did not start:\n%s\n", h.log().c_str());
        return 1;
    }
    RawClient c(h.socket());
    std::string load;
    {
        std::ifstream f("/proc/loadavg");
        std::getline(f, load);
    }
    std::string limit = "?";
    {
        std::ifstream f("/proc/" + std::to_string(h.pid()) + "/limits");
        for (std::string line; std::getline(f, line);)
            if (line.rfind("Max open files", 0) == 0) {
                std::istringstream in(line.substr(14));
                std::string soft, hard;
                in >> soft >> hard;
                limit = soft + " (hard " + hard + ")";
            }
    }
    std::printf("onggi-helper with N running busybox containers; load %s; helper's open-file limit %s\n", load.c_str(),
                limit.c_str());
    std::printf("%u CPUs; CPU %% of one core over 10 s; list: container.list ms (median, max of 20); stats: "
                "stats.subscribe -> first full frame ms (median of 5)\n",
                std::thread::hardware_concurrency());
    std::printf("%-8s %6s %8s %8s %9s %9s %9s %12s %7s\n", "", "N", "clients", "cpu%", "rss MiB", "list med",
                "list max", "stats rt", "fds");
    size_t running = 0;
    bool failed = false;
    for (size_t n : levels) {
        const auto t = clk::now();
        while (running < n) {
            json r = c.call("container.create", {{"image", "busybox"}, {"cmd", {"sleep", "1000000"}}}, 120000);
            if (!r.contains("result")) {
                std::fprintf(stderr, "create %zu: %s\n", running + 1, r.dump().c_str());
                failed = true;
                break;
            }
            json s = c.call("container.start", {{"id", r["result"]["id"]}}, 120000);
            if (!s.contains("result")) {
                std::fprintf(stderr, "start %zu: %s\n", running + 1, s.dump().c_str());
                failed = true;
                break;
            }
            ++running;
        }
        if (failed) {
            std::printf("stopped at %zu running of %zu: a create or start failed (above)\n", running, n);
            if (running == 0) break;
            n = running;
        }
        std::fprintf(stderr, "(%zu running; the last ones created and started in %.1f s)\n", n, ms_since(t) / 1000);
        std::this_thread::sleep_for(std::chrono::seconds(2));
        print("alone", n, 0, measure(h, c, n));
        // C clients subscribed to all containers at 1 s, reading every frame (one thread polls them).
        std::vector<std::unique_ptr<RawClient>> subs;
        for (int i = 0; i < clients; ++i) {
            auto rc = std::make_unique<RawClient>(h.socket());
            json s = rc->call("stats.subscribe", {{"interval_ms", 1000}}, 120000);
            if (!s.contains("result")) std::fprintf(stderr, "subscriber %d: %s\n", i, s.dump().c_str());
            subs.push_back(std::move(rc));
        }
        std::atomic<bool> stop{false};
        std::atomic<uint64_t> frames{0};
        std::thread reader([&] {
            std::vector<struct pollfd> p;
            for (auto& s : subs) p.push_back({s->fd(), POLLIN, 0});
            char buf[1 << 16];
            while (!stop) {
                if (::poll(p.data(), p.size(), 200) <= 0) continue;
                for (auto& x : p)
                    if (x.revents & POLLIN)
                        for (ssize_t r; (r = ::recv(x.fd, buf, sizeof buf, MSG_DONTWAIT)) > 0;)
                            frames += uint64_t(std::count(buf, buf + r, '\n'));
            }
        });
        std::this_thread::sleep_for(std::chrono::seconds(2));
        print("subs", n, clients, measure(h, c, n));
        stop = true;
        reader.join();
        subs.clear();
        if (failed) break;
    }
    std::fprintf(stderr, "removing %zu containers\n", running);
    json l = c.call("container.list", {{"all", true}}, 120000);
    if (l.contains("result"))
        for (const auto& x : l["result"]["containers"])
            (void)c.call("container.remove", {{"id", x["id"]}, {"force", true}}, 120000);
    return failed ? 1 : 0;
}

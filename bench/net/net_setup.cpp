// bench/net: what a container's network costs its start, measured on the real code and the real
// kernel, step by step, without the rest of a start around it (a whole `onggictl run` takes
// 100-300 ms on a loaded host and its spread hides a few ms).
//
// Per iteration, as the helper and the shim do it for one container on the default network:
//   prepare   NetworkManager::prepare_start (the helper, main thread): lease (locked file),
//             <run>/net/<id>.json, /etc/hosts, resolv.conf, hostname in the bundle
//   attach    net::attach_container (the shim, after clone3, while the child mounts): the veth
//             pair into the child's namespace, eth0's address, up, default route
//   started   NetworkManager::started (hosts files of the network's other containers)
//   stopped   NetworkManager::stopped (main thread; the veth delete itself is queued to the reaper)
// The child is a process in a network namespace of its own, as a container's init parked before
// execve. Run inside a network namespace made for it (bench_net.sh does): usage
//   onggi-bench-net-setup ITERATIONS [PEERS [serial|back-to-back [default|user]]]
//   (PEERS: other running containers on the network; serial: each stop's veth delete done before
//   the next start; user: a user-defined network, whose containers' hosts files name each other)
#include "engine/net/attachment.h"
#include "engine/net/netlink.h"
#include "helper/net/network_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace onggi;
using namespace onggi::helper;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

std::string random_id(std::mt19937_64& rng)
{
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 64; ++i) s += hex[rng() % 16];
    return s;
}

// A child in a network namespace of its own, waiting (a container init before execve).
pid_t parked_child()
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) < 0) return -1;
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[0]);
        if (::unshare(CLONE_NEWNET) != 0) ::_exit(1);
        char c = 1;
        (void)!::write(p[1], &c, 1);
        ::close(p[1]);
        ::pause();
        ::_exit(0);
    }
    ::close(p[1]);
    char c = 0;
    const bool ok = ::read(p[0], &c, 1) == 1;
    ::close(p[0]);
    if (!ok) {
        ::waitpid(pid, nullptr, 0);
        return -1;
    }
    return pid;
}

void end_child(pid_t pid)
{
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {}
}

struct Stat {
    std::vector<double> v;
    double q(double f) const
    {
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        return s.empty() ? 0 : s[std::min(s.size() - 1, size_t(f * double(s.size())))];
    }
};

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    const int peers = argc > 2 ? std::max(0, std::atoi(argv[2])) : 0;
    // "serial": wait for the reaper's veth delete after each stop (untimed), so that no delete of
    // the previous container holds rtnl while the next one attaches (a single start, not a loop).
    const bool serial = argc > 3 && std::string(argv[3]) == "serial";
    // "user": the containers are on a user-defined network (their hosts files name each other,
    // so every start and stop rewrites the others'), else on the default network.
    const bool user = argc > 4 && std::string(argv[4]) == "user";
    if (::geteuid() != 0) {
        std::fprintf(stderr, "net_setup: needs root (run it through bench/net/bench_net.sh)\n");
        return 1;
    }
    QTemporaryDir dir;
    NetworkManagerConfig cfg{dir.filePath("state").toStdString(), dir.filePath("run").toStdString(), "onggi",
                             "10.77.0.0/16"};
    for (const char* d : {"state", "run", "run/net"}) QDir().mkpath(dir.filePath(d));
    NetworkManager nm(cfg);
    if (auto st = nm.load(); !st) {
        std::fprintf(stderr, "net_setup: %s\n", st.error().message().c_str());
        return 1;
    }
    nm.restore({});
    if (user)
        if (auto n = nm.create("bench", "10.78.0.0/16", ""); !n) {
            std::fprintf(stderr, "net_setup: %s\n", n.error().message().c_str());
            return 1;
        }
    std::mt19937_64 rng(42);
    auto container = [&](const std::string& id) {
        NetContainer c;
        c.id = id;
        c.name = "c" + id.substr(0, 6);
        c.net.mode = user ? "bench" : "onggi";
        c.bundle = dir.filePath(QString::fromStdString("b-" + id.substr(0, 12))).toStdString();
        QDir().mkpath(QString::fromStdString(c.bundle));
        return c;
    };
    // One run of prepare + attach + started; the child and the id for stop.
    struct Run {
        pid_t child = -1;
        std::string id;
        double prepare = 0, attach = 0, started = 0;
        bool ok = false;
    };
    auto start = [&]() {
        Run r;
        r.id = random_id(rng);
        NetContainer c = container(r.id);
        r.child = parked_child();
        if (r.child < 0) return r;
        const auto t0 = Clock::now();
        auto file = nm.prepare_start(c);
        const auto t1 = Clock::now();
        if (!file) {
            std::fprintf(stderr, "net_setup: prepare: %s\n", file.error().message().c_str());
            return r;
        }
        std::ifstream f(file.value());
        std::stringstream ss;
        ss << f.rdbuf();
        auto atts = net::attachments_from_json(ss.str());
        if (!atts) {
            std::fprintf(stderr, "net_setup: %s\n", atts.error().message().c_str());
            return r;
        }
        const auto t2 = Clock::now();
        for (const auto& a : atts.value())
            if (auto st = net::attach_container(r.child, a); !st) {
                std::fprintf(stderr, "net_setup: attach: %s\n", st.error().message().c_str());
                return r;
            }
        const auto t3 = Clock::now();
        nm.started(r.id);
        const auto t4 = Clock::now();
        r.prepare = ms(t0, t1);
        r.attach = ms(t2, t3);
        r.started = ms(t3, t4);
        r.ok = true;
        return r;
    };
    std::vector<Run> standing;
    for (int i = 0; i < peers; ++i) {
        Run r = start();
        if (!r.ok) return 1;
        standing.push_back(r);
    }
    Stat prepare, attach, started, stopped, total;
    for (int i = 0; i < iterations + 3; ++i) {
        Run r = start();
        if (!r.ok) return 1;
        end_child(r.child);
        const auto t0 = Clock::now();
        nm.stopped(r.id);
        const double stop = ms(t0, Clock::now());
        if (serial) nm.flush_deletes();
        if (i < 3) continue;  // warm-up: the bridge, the rules, the first lease file
        prepare.v.push_back(r.prepare);
        attach.v.push_back(r.attach);
        started.v.push_back(r.started);
        stopped.v.push_back(stop);
        total.v.push_back(r.prepare + r.attach + r.started);
    }
    nm.flush_deletes();
    for (Run& r : standing) {
        end_child(r.child);
        nm.stopped(r.id);
    }
    nm.flush_deletes();
    std::printf("network set-up of one container start, %d runs, %d other containers on the %s network, %s (ms)\n",
                iterations, peers, user ? "same user-defined" : "default",
                serial ? "each stop's veth delete finished before the next start"
                       : "back to back (the previous veth delete may still run)");
    std::printf("%-44s %8s %8s %8s\n", "", "median", "p90", "max");
    auto row = [](const char* what, const Stat& s) {
        std::printf("%-44s %8.3f %8.3f %8.3f\n", what, s.q(0.5), s.q(0.9), s.q(1.0));
    };
    row("prepare (helper: lease, run file, /etc files)", prepare);
    row("attach (shim: veth pair, address, up, route)", attach);
    row("started (helper: peers' hosts files)", started);
    row("on the start path (sum per run)", total);
    row("stopped (helper main thread; delete queued)", stopped);
    return 0;
}

// bench/net: what a container's network costs its start, measured on the real code and the real
// kernel, step by step, without the rest of a start around it (a whole `onggictl run` takes
// 100-300 ms on a loaded host and its spread hides a few ms).
//
// Per iteration, as the helper and the shim do it for one container on the default network:
//   prepare   NetworkManager::prepare_start (the helper, main thread): lease (locked file),
//             <run>/net/<id>.json, /etc/hosts, resolv.conf, hostname in the bundle
//   attach    net::attach_container (the shim, after clone3, while the child mounts): the veth
//             pair into the child's namespace, eth0's address, up, default route
//   announce  NetworkManager::announce (the helper, main thread: the hosts files of the network's
//             other containers). The helper does it right after launching the shim, while the
//             shim makes the container; here it comes after the attach and counts in the sum, so
//             the sum is what a start would cost if none of it overlapped
//   stopped   NetworkManager::stopped (main thread; the veth delete itself is queued to the reaper)
// The child is a process in a network namespace of its own, as a container's init parked before
// execve. Run inside a network namespace made for it (bench_net.sh does): usage
//   onggi-bench-net-setup ITERATIONS [PEERS [serial|back-to-back [default|user]]]
//   onggi-bench-net-setup ITERATIONS PEERS serial|back-to-back default|user cni
//   (PEERS: other running containers on the network; serial: each stop's veth delete done before
//   the next start; user: a user-defined network, whose containers' hosts files name each other;
//   cni: the peer, interleaved with onggi's runs, see cni_add below)
//
// The peer (cni): the CNI reference plugins (Debian containernetworking-plugins, podman's network
// backend before netavark), called as a runtime calls them: /usr/lib/cni/bridge with CNI_COMMAND=ADD
// or DEL, CNI_NETNS, CNI_IFNAME, CNI_CONTAINERID, CNI_PATH and the network's config on stdin; it
// makes the bridge, the veth pair into the child's namespace, eth0's address and route, leases the
// address (host-local IPAM, which it execs) and adds the masquerade rule (ipMasq, through
// iptables-nft). The same kind of parked child, its own bridge and subnet, PEERS containers
// attached to it first; one CNI ADD + DEL every few onggi runs (about 100 in all), timed around
// the plugin's whole run (fork, exec, its work, exit) as podman waits for it.
#include "engine/net/attachment.h"
#include "engine/net/netlink.h"
#include "helper/net/network_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace onggi;
using namespace onggi::helper;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kCniDir = "/usr/lib/cni";  // Debian's containernetworking-plugins

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

// The CNI bridge plugin, run once: `command` (ADD or DEL) for the child `pid`. Returns its wall
// time in ms, or a negative number when it failed (its output is printed).
double cni_call(const char* command, pid_t pid, const std::string& container_id, const std::string& conf)
{
    const std::string plugin = std::string(kCniDir) + "/bridge";
    std::vector<std::string> env = {std::string("CNI_COMMAND=") + command,
                                    "CNI_CONTAINERID=" + container_id,
                                    "CNI_NETNS=/proc/" + std::to_string(pid) + "/ns/net",
                                    "CNI_IFNAME=eth0",
                                    std::string("CNI_PATH=") + kCniDir,
                                    "PATH=/usr/sbin:/usr/bin:/sbin:/bin"};
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) < 0) return -1;
    if (::pipe2(out, O_CLOEXEC) < 0) {
        ::close(in[0]);
        ::close(in[1]);
        return -1;
    }
    const auto t0 = Clock::now();
    pid_t child = ::fork();
    if (child == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(out[1], 2);
        char* argv[] = {const_cast<char*>(plugin.c_str()), nullptr};
        ::execve(plugin.c_str(), argv, envp.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    if (child < 0) {
        ::close(in[1]);
        ::close(out[0]);
        return -1;
    }
    (void)!::write(in[1], conf.data(), conf.size());
    ::close(in[1]);
    std::string text;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buf, size_t(n));
    }
    ::close(out[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    const double t = ms(t0, Clock::now());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "net_setup: cni %s: %s\n", command, text.substr(0, 600).c_str());
        return -1;
    }
    return t;
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
    const bool cni =
        argc > 5 && std::string(argv[5]) == "cni" && ::access((std::string(kCniDir) + "/bridge").c_str(), X_OK) == 0;
    if (argc > 5 && std::string(argv[5]) == "cni" && !cni)
        std::printf("(no %s/bridge: install containernetworking-plugins for the CNI peer)\n", kCniDir);
    if (::geteuid() != 0) {
        std::fprintf(stderr, "net_setup: needs root (run it through bench/net/bench_net.sh)\n");
        return 1;
    }
    // Where the helper keeps them: state and bundles beside /var/lib/onggi, the run files beside
    // /run/onggi (ONGGI_BENCH_NET_DIR: one parent for both, e.g. /dev/shm to leave the disk out).
    // On an ext4 without a journal (this host) each file created skips every inode its block
    // group freed in the last 60 s (360 s while the inode table block is dirty): ext4's
    // recently_deleted, 38-41 % of this bench's CPU samples. Prepare creates 5 files (lease, run
    // file, hosts, resolv.conf, hostname), so its time follows the deletions around it: the
    // compilers' in /tmp (3.3 ms there, 0.56 ms in /var/tmp in the same minute), and this
    // bench's own (2.2-2.5 ms in /var/lib after a few runs; 0.6 ms on tmpfs).
    const QByteArray parent = qgetenv("ONGGI_BENCH_NET_DIR");
    QTemporaryDir dir(parent.isEmpty() ? QStringLiteral("/var/lib/onggi-bench-net-XXXXXX")
                                       : QString::fromLocal8Bit(parent) + QStringLiteral("/state-XXXXXX"));
    QTemporaryDir run_dir(parent.isEmpty() ? QStringLiteral("/run/onggi-bench-net-XXXXXX")
                                           : QString::fromLocal8Bit(parent) + QStringLiteral("/run-XXXXXX"));
    if (!dir.isValid() || !run_dir.isValid()) {
        std::fprintf(stderr, "net_setup: cannot make its directories: %s\n",
                     qPrintable(dir.isValid() ? run_dir.errorString() : dir.errorString()));
        return 1;
    }
    NetworkManagerConfig cfg{dir.filePath("state").toStdString(), run_dir.path().toStdString(), "onggi",
                             "10.77.0.0/16"};
    QDir().mkpath(dir.filePath("state"));
    QDir().mkpath(run_dir.filePath("net"));
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
    // One run of prepare + attach + announce; the child and the id for stop.
    struct Run {
        pid_t child = -1;
        std::string id;
        double prepare = 0, attach = 0, announce = 0;
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
        nm.announce(r.id);
        const auto t4 = Clock::now();
        r.prepare = ms(t0, t1);
        r.attach = ms(t2, t3);
        r.announce = ms(t3, t4);
        r.ok = true;
        return r;
    };
    std::vector<Run> standing;
    for (int i = 0; i < peers; ++i) {
        Run r = start();
        if (!r.ok) return 1;
        standing.push_back(r);
    }
    // The peer's network: its own bridge and subnet, its own lease directory.
    const std::string cni_conf =
        R"({"cniVersion":"1.0.0","name":"onggibench","type":"bridge","bridge":"cnibench0","isGateway":true,)"
        R"("ipMasq":true,"ipam":{"type":"host-local","ranges":[[{"subnet":"10.79.0.0/16"}]],"dataDir":")" +
        dir.filePath("cni-ipam").toStdString() + R"("}})";
    int cni_serial = 0;
    auto cni_id = [&] { return "onggibench" + std::to_string(++cni_serial); };
    std::vector<std::pair<pid_t, std::string>> cni_standing;
    auto cni_end = [&] {
        for (auto& [pid, id] : cni_standing) {
            cni_call("DEL", pid, id, cni_conf);
            end_child(pid);
        }
    };
    if (cni)
        for (int i = 0; i < peers; ++i) {
            pid_t pid = parked_child();
            std::string id = cni_id();
            if (pid < 0 || cni_call("ADD", pid, id, cni_conf) < 0) {
                if (pid > 0) end_child(pid);
                cni_end();
                return 1;
            }
            cni_standing.emplace_back(pid, id);
        }
    Stat cni_add, cni_del;
    const int cni_every = std::max(1, iterations / 100);
    Stat prepare, attach, announce, stopped, total;
    for (int i = 0; i < iterations + 3; ++i) {
        if (cni && (i < 3 || i % cni_every == 0)) {
            // Interleaved with onggi's runs, so that a shared host's load drifts over both alike.
            pid_t pid = parked_child();
            const std::string id = cni_id();
            const double add = pid > 0 ? cni_call("ADD", pid, id, cni_conf) : -1;
            const double del = add >= 0 ? cni_call("DEL", pid, id, cni_conf) : -1;  // namespace still there
            if (pid > 0) end_child(pid);
            if (add < 0 || del < 0) {
                cni_end();
                return 1;
            }
            if (i >= 3) {
                cni_add.v.push_back(add);
                cni_del.v.push_back(del);
            }
        }
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
        announce.v.push_back(r.announce);
        stopped.v.push_back(stop);
        total.v.push_back(r.prepare + r.attach + r.announce);
    }
    nm.flush_deletes();
    for (Run& r : standing) {
        end_child(r.child);
        nm.stopped(r.id);
    }
    nm.flush_deletes();
    cni_end();
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
    row("announce (helper: peers' hosts files)", announce);
    row("on the start path (sum per run)", total);
    row("stopped (helper main thread; delete queued)", stopped);
    if (cni) {
        std::printf("peer, interleaved: CNI reference plugins (bridge + host-local IPAM + ipMasq), %zu runs, %d other\n"
                    "containers on its network (ms)\n",
                    cni_add.v.size(), peers);
        row("CNI ADD (bridge, veth, address, route, NAT)", cni_add);
        row("CNI DEL", cni_del);
        std::printf("%-44s %8.1fx %7.1fx\n", "CNI ADD / onggi's start path", cni_add.q(0.5) / total.q(0.5),
                    cni_add.q(0.9) / total.q(0.9));
    }
    return 0;
}

// Stats sampling cost and OOM event latency on REAL cgroups of this host. Prints tables.
//   onggi-bench-stats [--quick] [--no-runc]
// Root. Creates /onggi-bench-<pid>/{idle,busy}<i> in every hierarchy, one process each, all in
// one private network namespace that has only "lo" (as a default container), and removes
// everything at the end. IDLE processes sleep in pause(); BUSY ones wake every 4 ms, so their
// CPU counter moves between any two ticks. Ticks are 20 ms apart (the helper's are 100 ms to
// 1 s): the cost is that of a sample whose files are cache-cold, as in the helper, not that of
// a tight loop. A cycle is sweep_every (60) ticks: 47 plain ticks, 12 slow ones, 1 sweep.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"
#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/stats/oom_watcher.h"
#include "engine/stats/sampler.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

using namespace onggi;
using namespace onggi::stats;

namespace {

double now_us() { return double(monotonic_ns()) / 1000.0; }

// A process in a private network namespace with only lo, shared by the whole fleet.
pid_t g_netns_holder = -1;
int g_netns_fd = -1;

bool make_netns()
{
    int ready[2];
    if (::pipe(ready) != 0) return false;
    g_netns_holder = ::fork();
    if (g_netns_holder == 0) {
        char c = ::unshare(CLONE_NEWNET) == 0 ? 'y' : 'n';
        (void)!::write(ready[1], &c, 1);
        for (;;) ::pause();
    }
    ::close(ready[1]);
    char c = 0;
    bool ok = ::read(ready[0], &c, 1) == 1 && c == 'y';
    ::close(ready[0]);
    if (ok) g_netns_fd = ::open(("/proc/" + std::to_string(g_netns_holder) + "/ns/net").c_str(), O_RDONLY | O_CLOEXEC);
    return ok && g_netns_fd >= 0;
}

void drop_netns()
{
    if (g_netns_fd >= 0) ::close(g_netns_fd);
    if (g_netns_holder > 0) {
        ::kill(g_netns_holder, SIGKILL);
        ::waitpid(g_netns_holder, nullptr, 0);
    }
    g_netns_fd = g_netns_holder = -1;
}

// How often BUSY processes wake, in ns, shared with them (set per N so that N of them stay
// under ~25000 wakeups/s on a small host).
volatile long* g_wake_ns = nullptr;

pid_t spawn_member(bool busy)
{
    pid_t p = ::fork();
    if (p == 0) {
        if (g_netns_fd >= 0) (void)::setns(g_netns_fd, CLONE_NEWNET);
        if (!busy)
            for (;;) ::pause();
        ::raise(SIGSTOP);  // started with SIGCONT when its fleet is measured
        for (;;) {
            struct timespec ts {
                0, *g_wake_ns
            };
            ::nanosleep(&ts, nullptr);
            for (int i = 0; i < 2000; ++i) asm volatile("" ::: "memory");
        }
    }
    return p;
}

struct Fleet {
    cgroup::HostInfo host;
    std::string parent;
    std::string prefix = "n";
    bool busy = false;
    std::vector<std::unique_ptr<cgroup::Cgroup>> cgs;
    std::vector<pid_t> pids;

    ~Fleet() { teardown(); }
    void teardown()
    {
        for (pid_t p : pids) {
            ::kill(p, SIGKILL);
            ::waitpid(p, nullptr, 0);
        }
        pids.clear();
        for (auto& c : cgs) (void)c->remove();
        cgs.clear();
        std::vector<std::string> roots;
        if (host.mode == cgroup::Mode::v2) roots.push_back(host.root);
        else
            for (auto& c : host.controllers) roots.push_back(host.root + "/" + c);
        if (!host.unified.empty()) roots.push_back(host.unified);
        if (!parent.empty())
            for (auto& r : roots) (void)cgroup::files::remove_dir(r + parent);
    }
    bool grow(size_t n)
    {
        while (cgs.size() < n) {
            auto cg = cgroup::create(host, parent + "/" + prefix + std::to_string(cgs.size()));
            if (!cg) {
                std::fprintf(stderr, "create: %s\n", cg.error().message().c_str());
                return false;
            }
            pid_t p = spawn_member(busy);
            pids.push_back(p);
            int st = 0;
            if (busy) ::waitpid(p, &st, WUNTRACED);  // stopped itself: SIGCONT cannot come too early
            if (auto s = cg.value()->add_process(p); !s) {
                std::fprintf(stderr, "add: %s\n", s.error().message().c_str());
                return false;
            }
            cgs.push_back(std::move(cg.value()));
        }
        return true;
    }
    void signal_all(int sig)
    {
        for (pid_t p : pids) ::kill(p, sig);
    }
};

struct TickCost {
    double plain_us = -1;  // median of the plain ticks (neither slow nor sweep), per container
    double sweep_us = -1;  // median of the sweeps, per container
    // one cycle (sweep_every ticks) from the medians of each kind of tick, per container per
    // sample: robust to a tick preempted by another process on a loaded host
    double cycle_us = -1;
    double plain_files = 0, cycle_files = 0;  // files read per container per sample
};

// `cycles` cycles of sweep_every ticks, `gap_us` apart; only the time inside sample_all counts.
TickCost bench_ticks(Fleet& f, size_t n, ReaderOptions opt, int cycles, long gap_us, bool parent_gate = true)
{
    TickCost c;
    Sampler s;
    s.set_parent_gate(parent_gate);
    for (size_t i = 0; i < n; ++i)
        if (!s.add(std::to_string(i), *f.cgs[i], f.pids[i], opt)) return c;
    (void)s.sample_all();  // tick 0: the first sweep
    const unsigned cycle = std::max(1u, opt.sweep_every), slow = std::max(1u, opt.slow_every);
    std::vector<double> plain, slows, sweeps;
    double files = 0, plain_files = 0;
    unsigned ticks = cycle * unsigned(cycles);
    for (unsigned t = 1; t <= ticks; ++t) {
        if (gap_us > 0) ::usleep(unsigned(gap_us));
        double t0 = now_us();
        auto e = s.sample_all();
        double d = now_us() - t0;
        if (e.size() != n) return c;
        files += double(s.last_files_read());
        if (t % cycle == 0) sweeps.push_back(d);
        else if (t % slow == 0) slows.push_back(d);
        else {
            plain.push_back(d);
            plain_files += double(s.last_files_read());
        }
    }
    auto med = [](std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    double per_cycle =
        med(plain) * double(plain.size()) + med(slows) * double(slows.size()) + med(sweeps) * double(sweeps.size());
    c.plain_us = med(plain) / double(n);
    c.sweep_us = med(sweeps) / double(n);
    c.cycle_us = per_cycle / double(ticks) / double(n);
    c.plain_files = plain.empty() ? 0 : plain_files / double(plain.size()) / double(n);
    c.cycle_files = files / double(ticks) / double(n);
    return c;
}

double bench_open_read_close(Fleet& f, size_t n, int rounds)
{
    for (size_t i = 0; i < n; ++i) (void)f.cgs[i]->stats();
    double t0 = now_us();
    for (int r = 0; r < rounds; ++r)
        for (size_t i = 0; i < n; ++i)
            if (!f.cgs[i]->stats()) return -1;
    return (now_us() - t0) / double(rounds) / double(n);
}

// Last "Killed process" record of /dev/kmsg: its timestamp in µs (CLOCK_MONOTONIC base).
double kmsg_last_kill_us(int kfd)
{
    double ts = -1;
    char buf[8192];
    for (;;) {
        ssize_t n = ::read(kfd, buf, sizeof buf - 1);
        if (n < 0) {
            if (errno == EPIPE) continue;  // overwritten records
            break;
        }
        buf[n] = 0;
        if (std::strstr(buf, "Killed process")) {
            // "prio,seq,usec,flags;message"
            char* c1 = std::strchr(buf, ',');
            char* c2 = c1 ? std::strchr(c1 + 1, ',') : nullptr;
            if (c2) ts = std::strtod(c2 + 1, nullptr);
        }
    }
    return ts;
}

// One OOM kill under a 32 MiB limit: µs from the kernel's kill record to our event, and from
// the kill to the child's exit seen by waitpid (for scale).
bool oom_latency(Fleet& f, int i, double& event_us, double& exit_us)
{
    auto cg = cgroup::create(f.host, f.parent + "/oom" + std::to_string(i));
    if (!cg) return false;
    spec::Resources r;
    r.memory_limit = 32 << 20;
    if (f.host.mode != cgroup::Mode::v2) r.memory_swap = 32 << 20;
    if (!cg.value()->apply(r)) return false;
    auto w = OomWatcher::watch(*cg.value());
    if (!w) return false;
    int kfd = ::open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (kfd >= 0) ::lseek(kfd, 0, SEEK_END);
    int gate[2];
    if (::pipe(gate) != 0) return false;
    pid_t p = ::fork();
    if (p == 0) {
        char c;
        ::close(gate[1]);
        if (::read(gate[0], &c, 1) != 1) ::_exit(1);
        size_t n = 256 << 20;
        auto* m = static_cast<char*>(::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        for (size_t k = 0; k < n; k += 4096) m[k] = 1;
        ::_exit(3);
    }
    ::close(gate[0]);
    (void)cg.value()->add_process(p);
    (void)!::write(gate[1], "g", 1);
    ::close(gate[1]);
    double got = -1, exited = -1;
    int timeout = -1;
    for (int spins = 0; spins < 100000 && (got < 0 || exited < 0); ++spins) {
        struct pollfd pf {
            w.value()->fd(), w.value()->poll_events(), 0
        };
        int n = ::poll(&pf, 1, timeout > 0 ? timeout : 1);
        if (n > 0 || timeout > 0) {
            auto ev = w.value()->check();
            if (ev && ev->new_kills && got < 0) got = now_us();
            timeout = ev ? ev->recheck_ms : 0;
        }
        if (exited < 0 && ::waitpid(p, nullptr, WNOHANG) == p) exited = now_us();
    }
    double kill = kfd >= 0 ? kmsg_last_kill_us(kfd) : -1;
    if (kfd >= 0) ::close(kfd);
    (void)cg.value()->remove();
    if (got < 0 || kill < 0) return false;
    event_us = got - kill;
    exit_us = exited - kill;
    return true;
}

std::string sh(const std::string& cmd)
{
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
    return out;
}

// `runc events --stats` per call, on a busybox container running sleep.
double runc_events_ms(int calls)
{
    if (::access("/usr/sbin/runc", X_OK) != 0 && ::access("/usr/bin/runc", X_OK) != 0) return -1;
    char tmpl[] = "/tmp/onggi-bench-runc-XXXXXX";
    if (!::mkdtemp(tmpl)) return -1;
    std::string dir = tmpl, id = "onggi-bench-" + std::to_string(::getpid());
    std::string root = dir + "/state";
    double ms = -1;
    if (image::make_busybox_rootfs(dir + "/rootfs")) {
        sh("cd " + dir + " && runc spec >/dev/null 2>&1");
        auto cfg = read_file(dir + "/config.json");
        if (cfg) {
            std::string c = cfg.value();
            auto a = c.find("\"sh\"");
            if (a != std::string::npos) c.replace(a, 4, "\"sleep\", \"1000\"");
            auto t = c.find("\"terminal\": true");
            if (t != std::string::npos) c.replace(t, 16, "\"terminal\": false");
            (void)write_file_atomic(dir + "/config.json", c);
            sh("runc --root " + root + " run -d --bundle " + dir + " " + id + " >/dev/null 2>&1 </dev/null");
            std::string probe = sh("runc --root " + root + " events --stats " + id + " 2>&1");
            if (probe.find("\"type\":\"stats\"") != std::string::npos) {
                double t0 = now_us();
                for (int i = 0; i < calls; ++i)
                    sh("runc --root " + root + " events --stats " + id + " >/dev/null 2>&1");
                ms = (now_us() - t0) / 1000.0 / calls;
            } else {
                std::fprintf(stderr, "runc events failed: %s\n", probe.substr(0, 300).c_str());
            }
            sh("runc --root " + root + " kill " + id + " KILL >/dev/null 2>&1; sleep 0.2; runc --root " + root +
               " delete -f " + id + " >/dev/null 2>&1");
        }
    }
    (void)remove_tree(dir);
    return ms;
}

}  // namespace

int main(int argc, char** argv)
{
    bool quick = false, runc = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) quick = true;
        if (!std::strcmp(argv[i], "--no-runc")) runc = false;
    }
    if (::geteuid() != 0) {
        std::fprintf(stderr, "onggi-bench-stats: run as root (creates real cgroups)\n");
        return 1;
    }
    auto h = cgroup::probe_host();
    if (!h) {
        std::fprintf(stderr, "%s\n", h.error().message().c_str());
        return 1;
    }
    Fleet f;
    f.host = h.value();
    f.parent = "/onggi-bench-" + std::to_string(::getpid());
    std::printf("cgroup mode: %s; %ld CPUs; load %s", cgroup::mode_name(f.host.mode), ::sysconf(_SC_NPROCESSORS_ONLN),
                sh("cut -d' ' -f1-3 /proc/loadavg").c_str());
    struct NetnsGuard {
        ~NetnsGuard() { drop_netns(); }
    } netns_guard;
    if (!make_netns()) std::printf("(no private netns: the fleet shares the host's)\n");
    Fleet busy;
    busy.host = f.host;
    busy.parent = f.parent + "-busy";
    busy.prefix = "busy";
    busy.busy = true;
    f.prefix = "idle";
    ReaderOptions gated, before;
    before.gate = false;  // the reader before gating: fast files every tick, limits with the slow ones
    g_wake_ns =
        static_cast<volatile long*>(::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    if (g_wake_ns == MAP_FAILED) return 1;
    *g_wake_ns = 4000000;
    const int cycles = quick ? 1 : 3;
    auto cell = [](const TickCost& c) {
        char b[64];
        std::snprintf(b, sizeof b, "%6.2f (%.1f) %6.2f (%.1f)", c.plain_us, c.plain_files, c.cycle_us, c.cycle_files);
        return std::string(b);
    };
    std::printf("\nus per container per sample, files read per container per sample in brackets\n");
    std::printf("gated = this reader (parent gate + per-file gates); own = per-file gates only (no parent gate);\n"
                "before = the same files with the gates off (the reader of stop 7)\n");
    std::printf("plain = median of the plain ticks; cycle = a %u-tick cycle (%u slow ticks, 1 sweep) from the median "
                "of each kind\n",
                gated.sweep_every, gated.sweep_every / gated.slow_every - 1);
    std::printf("\nA. ticks spaced as in the helper (gap below; BUSY processes wake every gap/2.5)\n");
    std::printf("%5s %6s | %-29s | %-29s | %-29s | %-29s | %-29s\n", "N", "gap ms", "IDLE gated: plain   cycle",
                "IDLE own: plain     cycle", "BUSY gated: plain   cycle", "IDLE before: plain  cycle",
                "BUSY before: plain  cycle");
    std::vector<std::string> tight_rows;
    for (size_t n : {size_t(1), size_t(10), size_t(100), size_t(500)}) {
        if (!f.grow(n) || !busy.grow(n)) return 1;
        // BUSY processes wake every max(4 ms, N x 80 us); ticks are 2.5 wakeups apart, so the
        // CPU counter of every BUSY container moves between any two ticks.
        long wake_ns = std::max(4000000L, long(n) * 80000L);
        long gap_us = wake_ns * 5 / 2 / 1000;
        *g_wake_ns = wake_ns;
        TickCost ig = bench_ticks(f, n, gated, cycles, gap_us);
        TickCost io = bench_ticks(f, n, gated, cycles, gap_us, false);
        TickCost ib = bench_ticks(f, n, before, cycles, gap_us);
        busy.signal_all(SIGCONT);
        ::usleep(unsigned(gap_us));
        TickCost bg = bench_ticks(busy, n, gated, cycles, gap_us);
        TickCost bb = bench_ticks(busy, n, before, cycles, gap_us);
        busy.signal_all(SIGSTOP);
        std::printf("%5zu %6.0f | %-29s | %-29s | %-29s | %-29s | %-29s\n", n, double(gap_us) / 1000, cell(ig).c_str(),
                    cell(io).c_str(), cell(bg).c_str(), cell(ib).c_str(), cell(bb).c_str());
        std::fflush(stdout);
        // B. back to back (caches warm), IDLE only: how stop 7 measured.
        TickCost tg = bench_ticks(f, n, gated, cycles * 5, 0);
        TickCost to = bench_ticks(f, n, gated, cycles * 5, 0, false);
        TickCost tb = bench_ticks(f, n, before, cycles * 5, 0);
        int rounds = std::max(2, int((quick ? 200 : 2000) / n));
        std::vector<double> orc;
        for (int k = 0; k < 3; ++k) orc.push_back(bench_open_read_close(f, n, rounds));
        std::sort(orc.begin(), orc.end());
        char row[256];
        std::snprintf(row, sizeof row, "%5zu | %-29s | %-29s | %-29s | %9.2f", n, cell(tg).c_str(), cell(to).c_str(),
                      cell(tb).c_str(), orc[1]);
        tight_rows.push_back(row);
    }
    std::printf("\nB. IDLE, ticks back to back (warm caches, as measured at stop 7)\n");
    std::printf("%5s | %-29s | %-29s | %-29s | %9s\n", "N", "gated: plain       cycle", "own: plain         cycle",
                "before: plain      cycle", "o/r/close");
    for (auto& r : tight_rows) std::printf("%s\n", r.c_str());
    busy.signal_all(SIGCONT);
    busy.teardown();
    drop_netns();
    f.teardown();
    f.parent = "/onggi-bench-" + std::to_string(::getpid()) + "-oom";
    std::vector<double> ev, ex;
    for (int i = 0; i < (quick ? 3 : 7); ++i) {
        double e, x;
        if (oom_latency(f, i, e, x)) {
            ev.push_back(e);
            ex.push_back(x);
        }
    }
    if (!ev.empty()) {
        std::sort(ev.begin(), ev.end());
        std::sort(ex.begin(), ex.end());
        std::printf("\nOOM kill -> event (kernel kill record in /dev/kmsg to OomWatcher::check): median %.0f us, max "
                    "%.0f us (%zu kills)\n",
                    ev[ev.size() / 2], ev.back(), ev.size());
        std::printf("OOM kill -> waitpid sees the exit (for scale): median %.0f us\n", ex[ex.size() / 2]);
    } else {
        std::printf("\nOOM latency: not measured (no kill record in /dev/kmsg)\n");
    }
    f.teardown();
    if (runc) {
        double ms = runc_events_ms(quick ? 5 : 20);
        if (ms > 0) std::printf("\nrunc events --stats: %.2f ms per call (one container)\n", ms);
        else std::printf("\nrunc events --stats: not measured (runc container did not start)\n");
    }
    return 0;
}

// Stats sampling cost and OOM event latency on REAL cgroups of this host. Prints a table.
//   onggi-bench-stats [--quick] [--no-runc]
// Root. Creates /onggi-bench-<pid>/n<i> in every hierarchy (one sleeping process each) and
// removes everything at the end.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"
#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/stats/oom_watcher.h"
#include "engine/stats/sampler.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
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

pid_t spawn_sleeper()
{
    pid_t p = ::fork();
    if (p == 0) {
        for (;;) ::pause();
    }
    return p;
}

struct Fleet {
    cgroup::HostInfo host;
    std::string parent;
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
            auto cg = cgroup::create(host, parent + "/n" + std::to_string(cgs.size()));
            if (!cg) {
                std::fprintf(stderr, "create: %s\n", cg.error().message().c_str());
                return false;
            }
            pid_t p = spawn_sleeper();
            pids.push_back(p);
            if (auto s = cg.value()->add_process(p); !s) {
                std::fprintf(stderr, "add: %s\n", s.error().message().c_str());
                return false;
            }
            cgs.push_back(std::move(cg.value()));
        }
        return true;
    }
};

// µs per container per sample.
double bench_pread(Fleet& f, size_t n, int rounds, ReaderOptions opt, size_t* files)
{
    Sampler s;
    for (size_t i = 0; i < n; ++i)
        if (!s.add(std::to_string(i), *f.cgs[i], f.pids[i], opt)) return -1;
    CgroupReader probe = CgroupReader::open(*f.cgs[0], f.pids[0], opt).value();
    if (files) files[0] = probe.fast_file_count(), files[1] = probe.file_count();
    (void)s.sample_all();  // warm
    double t0 = now_us();
    for (int r = 0; r < rounds; ++r) {
        auto e = s.sample_all();
        if (e.size() != n) return -1;
    }
    return (now_us() - t0) / double(rounds) / double(n);
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
        struct pollfd pf{w.value()->fd(), POLLIN, 0};
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
                for (int i = 0; i < calls; ++i) sh("runc --root " + root + " events --stats " + id + " >/dev/null 2>&1");
                ms = (now_us() - t0) / 1000.0 / calls;
            } else {
                std::fprintf(stderr, "runc events failed: %s\n", probe.substr(0, 300).c_str());
            }
            sh("runc --root " + root + " kill " + id + " KILL >/dev/null 2>&1; sleep 0.2; runc --root " + root + " delete -f " + id + " >/dev/null 2>&1");
        }
    }
    (void)remove_tree(dir);
    return ms;
}

} // namespace

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
    std::printf("\nper container per sample (us), median of 5 runs\n");
    std::printf("%6s %12s %12s %12s %16s %12s\n", "N", "pread tick", "pread fast", "pread all", "open/read/close", "files");
    std::printf("%6s %12s %12s %12s %16s %12s\n", "", "(avg, 1 in 5", "(fast files", "(every file", "(every file,", "fast/all");
    std::printf("%6s %12s %12s %12s %16s %12s\n", "", "reads all)", "only)", "each tick)", "Cgroup::stats)", "");
    ReaderOptions tick, fast, all;
    fast.slow_every = 1000000;
    all.slow_every = 1;
    for (size_t n : {size_t(1), size_t(10), size_t(100), size_t(500)}) {
        if (!f.grow(n)) return 1;
        int rounds = std::max(2, int((quick ? 2000 : 20000) / n));
        auto med = [&](auto fn) {
            std::vector<double> v;
            for (int k = 0; k < 5; ++k) v.push_back(fn());
            std::sort(v.begin(), v.end());
            return v[2];
        };
        size_t files[2] = {0, 0};
        double a = med([&] { return bench_pread(f, n, rounds, tick, files); });
        double b = med([&] { return bench_pread(f, n, rounds, fast, nullptr); });
        double c = med([&] { return bench_pread(f, n, rounds, all, nullptr); });
        double d = med([&] { return bench_open_read_close(f, n, rounds); });
        std::printf("%6zu %12.2f %12.2f %12.2f %16.2f %9zu/%zu\n", n, a, b, c, d, files[0], files[1]);
        std::fflush(stdout);
    }
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
        std::printf("\nOOM kill -> event (kernel kill record in /dev/kmsg to OomWatcher::check): median %.0f us, max %.0f us (%zu kills)\n",
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

// The sampler and the OOM watcher on REAL cgroups of this host: a busy loop under a 0.5-CPU
// quota reads 50 % +- 10, a process that touches 64 MiB shows >= 64 MiB, an OOM kill gives
// exactly one OOM-kill event. Root only; cgroups under /onggi-test-<random>, removed after.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"
#include "engine/stats/cgroup_reader.h"
#include "engine/stats/oom_watcher.h"
#include "engine/stats/sampler.h"

#include <QtTest>

#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <QTemporaryDir>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace onggi;
using namespace onggi::stats;

namespace {

// Forks a child that waits for a byte on a pipe (so it can be put in the cgroup first), then
// runs fn. Returns the pid; write to *gate to start it.
template <class Fn>
pid_t spawn_gated(int* gate, Fn fn)
{
    int p[2];
    if (::pipe(p) != 0) return -1;
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[1]);
        char c;
        if (::read(p[0], &c, 1) != 1) ::_exit(1);
        fn();
        ::_exit(0);
    }
    ::close(p[0]);
    *gate = p[1];
    return pid;
}

// Time the process has spent on a CPU, in ns (first field of /proc/PID/schedstat).
uint64_t schedstat_ns(pid_t pid)
{
    auto t = onggi::cgroup::files::read("/proc/" + std::to_string(pid) + "/schedstat");
    if (!t) return 0;
    return std::strtoull(t.value().c_str(), nullptr, 10);
}

void open_gate(int gate)
{
    (void)!::write(gate, "g", 1);
    ::close(gate);
}

}  // namespace

class TstStatsHost : public QObject {
    Q_OBJECT

    cgroup::HostInfo host_;
    std::string parent_;
    std::vector<pid_t> children_;
    int seq_ = 0;

    std::unique_ptr<cgroup::Cgroup> make(const spec::Resources& r)
    {
        auto cg = cgroup::create(host_, parent_ + "/s" + std::to_string(++seq_));
        if (!cg) {
            qWarning("%s", cg.error().message().c_str());
            return nullptr;
        }
        if (auto st = cg.value()->apply(r); !st) {
            qWarning("%s", st.error().message().c_str());
            (void)cg.value()->remove();
            return nullptr;
        }
        return std::move(cg.value());
    }

    void reap_all()
    {
        for (pid_t p : children_) {
            ::kill(p, SIGKILL);
            ::waitpid(p, nullptr, 0);
        }
        children_.clear();
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("needs root: creates real cgroups");
        auto h = cgroup::probe_host();
        QVERIFY(h.ok());
        host_ = h.value();
        std::random_device rd;
        parent_ = "/onggi-test-" + std::to_string(rd()) + std::to_string(::getpid());
    }

    void cleanup() { reap_all(); }

    void cleanupTestCase()
    {
        if (host_.controllers.empty()) return;
        reap_all();
        std::vector<std::string> roots;
        if (host_.mode == cgroup::Mode::v2) roots.push_back(host_.root);
        else
            for (auto& c : host_.controllers) roots.push_back(host_.root + "/" + c);
        if (!host_.unified.empty()) roots.push_back(host_.unified);
        for (auto& r : roots) (void)cgroup::files::remove_dir(r + parent_);
    }

    // Always asserted, also on a loaded 2-core host: the loop runs at nice -20 in cgroups
    // whose CPU weight is the highest there is, up to the parent this test made (a weight
    // only counts among siblings, so the parent's is what competes with the rest of the
    // host), so the quota, not the load, is what holds it to half a core.
    void busy_loop_under_half_a_cpu_reads_fifty_percent()
    {
        spec::Resources heavy;
        heavy.cpu_shares = 262144;  // v2: cpu.weight 10000
        auto parent = cgroup::create(host_, parent_);
        QVERIFY(parent.ok());
        QVERIFY2(parent.value()->apply(heavy).ok(), "weight of the test's parent cgroup");
        spec::Resources r = heavy;
        r.cpu_quota = 50000;
        r.cpu_period = 100000;
        auto cg = make(r);
        QVERIFY(cg);
        int gate = -1;
        pid_t p = spawn_gated(&gate, [] {
            volatile unsigned long x = 0;
            for (;;) x = x + 1;
        });
        children_.push_back(p);
        QVERIFY(cg->add_process(p).ok());
        QVERIFY(::setpriority(PRIO_PROCESS, id_t(p), -20) == 0);
        open_gate(gate);
        auto reader = CgroupReader::open(*cg);
        QVERIFY(reader.ok());
        Sample a, b;
        ::usleep(300 * 1000);  // past the first periods
        // One 4-second window (40 periods). The sampler must agree with the kernel's own
        // account of the process (/proc/PID/schedstat) and read 50 % +- 10 of a core, 100 %
        // +- 20 of the limit.
        uint64_t t0 = schedstat_ns(p);
        QVERIFY(reader->read(a).ok());
        ::usleep(4000 * 1000);
        QVERIFY(reader->read(b).ok());
        uint64_t t1 = schedstat_ns(p);
        auto rt = compute_rates(a, b);
        double pct = rt.cpu_percent, of_limit = rt.cpu_percent_of_limit.value_or(-1);
        double truth = double(t1 - t0) / (rt.seconds * 1e9) * 100.0;
        double load[3] = {0, 0, 0};
        (void)::getloadavg(load, 3);
        qInfo("%.1f %% of a core (schedstat %.1f %%), %.1f %% of the limit, %.1f throttled periods/s, load %.2f", pct,
              truth, of_limit, rt.throttled_periods_per_s, load[0]);
        QVERIFY2(pct >= 40 && pct <= 60, std::to_string(pct).c_str());
        QVERIFY2(std::abs(pct - truth) <= 5, (std::to_string(pct) + " vs " + std::to_string(truth)).c_str());
        QVERIFY(std::abs(of_limit - 2 * pct) <= 0.5);
        QVERIFY(rt.throttled_periods_per_s > 0);  // the quota is what held it
        QCOMPARE(b.cg.cpu_quota_us.value_or(0), uint64_t(50000));
        reap_all();
        QVERIFY(cg->remove().ok());
    }

    // The gated counters of a busy container: every round, the child forks (pids.current + 1)
    // and writes with O_DIRECT (a bio submitted by the task), then the reader samples. Slow
    // ticks and sweeps are off, so only the CPU gate can make these numbers move, and they
    // must on every sample. A sample that saw the CPU stand still reads the fast files only.
    void busy_container_counters_update_every_tick()
    {
        // A directory on a block device (the build tree), and its whole disk for the v1 rule.
        QTemporaryDir dir(QString(ONGGI_BINARY_DIR) + "/stats-io-XXXXXX");
        QVERIFY(dir.isValid());
        struct stat st;
        QVERIFY(::stat(dir.path().toLocal8Bit().constData(), &st) == 0);
        unsigned maj = major(st.st_dev), min = minor(st.st_dev);
        bool io = maj != 0;
        std::string sys = "/sys/dev/block/" + std::to_string(maj) + ":" + std::to_string(min);
        if (io && cgroup::files::exists(sys + "/partition")) {
            auto d = cgroup::files::read(sys + "/../dev");
            io = d.ok() && std::sscanf(d.value().c_str(), "%u:%u", &maj, &min) == 2;
        }
        spec::Resources r;
        // v1 counts bios only on a queue with a throttle rule: a rule nobody reaches.
        if (io && host_.mode != cgroup::Mode::v2)
            r.throttle_write_bps.push_back({int64_t(maj), int64_t(min), uint64_t(1) << 40});
        auto cg = make(r);
        if (!cg && !r.throttle_write_bps.empty()) {  // a device that takes no throttle rule
            r.throttle_write_bps.clear();
            io = false;
            cg = make(r);
        }
        QVERIFY(cg);
        int cmd[2], done[2];
        QVERIFY(::pipe(cmd) == 0 && ::pipe(done) == 0);
        std::string file = dir.path().toStdString() + "/f";
        int gate = -1;
        pid_t p = spawn_gated(&gate, [&] {
            ::close(cmd[1]);
            ::close(done[0]);
            int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_DIRECT | O_CLOEXEC, 0600);
            void* buf = nullptr;
            if (::posix_memalign(&buf, 4096, 4096) != 0) ::_exit(2);
            std::memset(buf, 7, 4096);
            char c;
            for (int round = 0; ::read(cmd[0], &c, 1) == 1; ++round) {
                if (::fork() == 0) {
                    for (;;) ::pause();
                }
                char ok = 'y';
                if (fd < 0 || ::pwrite(fd, buf, 4096, off_t(round) * 4096) != 4096) ok = 'n';
                (void)!::write(done[1], &ok, 1);
            }
            ::_exit(0);
        });
        ::close(cmd[0]);
        ::close(done[1]);
        children_.push_back(p);
        QVERIFY(cg->add_process(p).ok());
        open_gate(gate);
        ReaderOptions o;
        o.slow_every = 1000000;
        o.sweep_every = 1000000;
        auto reader = CgroupReader::open(*cg, 0, o);
        QVERIFY(reader.ok());
        Sample prev, cur;
        QVERIFY(reader->read(prev).ok());  // the first read is a sweep
        QCOMPARE(prev.cg.pids_current, uint64_t(1));
        int idle_checked = 0;
        for (int round = 1; round <= 6; ++round) {
            char c = 'g';
            QCOMPARE(::write(cmd[1], &c, 1), ssize_t(1));
            QCOMPARE(::read(done[0], &c, 1), ssize_t(1));
            if (io) QCOMPARE(c, 'y');
            QVERIFY(reader->read(cur).ok());
            QVERIFY(cur.cg.cpu_usage_ns > prev.cg.cpu_usage_ns);
            QCOMPARE(cur.cg.pids_current, uint64_t(1 + round));
            if (io) {
                QVERIFY2(cur.cg.io_write_ops > prev.cg.io_write_ops, std::to_string(cur.cg.io_write_ops).c_str());
                QVERIFY(cur.cg.io_write_bytes >= prev.cg.io_write_bytes + 4096);
            }
            prev = cur;
            // Now the child waits on the pipe: a sample that finds the CPU where it was reads
            // CPU and memory only (whether the CPU moved meanwhile is up to the scheduler).
            Sample again;
            QVERIFY(reader->read(again).ok());
            if (again.cg.cpu_usage_ns == cur.cg.cpu_usage_ns) {
                QCOMPARE(reader->last_read_count(), reader->fast_file_count());
                ++idle_checked;
            }
            prev = again;
        }
        qInfo("io counted: %s; idle samples checked: %d of 6", io ? "yes" : "no (no block device under the build tree)",
              idle_checked);
        ::close(cmd[1]);
        ::close(done[0]);
        reap_all();
        // The grandchildren (pause) are in the cgroup too: end them by PID.
        if (auto pids = cg->pids(); pids.ok())
            for (pid_t q : pids.value()) ::kill(q, SIGKILL);
        for (int i = 0; i < 100 && cg->pids().ok() && !cg->pids().value().empty(); ++i) ::usleep(10000);
        QVERIFY(cg->remove().ok());
    }

    void touching_64_mib_shows_64_mib()
    {
        spec::Resources r;
        r.memory_limit = 256 << 20;
        auto cg = make(r);
        QVERIFY(cg);
        int ready[2];
        QVERIFY(::pipe(ready) == 0);
        int gate = -1;
        pid_t p = spawn_gated(&gate, [&] {
            size_t n = 64 << 20;
            auto* m =
                static_cast<char*>(::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
            if (m == MAP_FAILED) ::_exit(2);
            for (size_t i = 0; i < n; i += 4096) m[i] = char(i);
            (void)!::write(ready[1], "r", 1);
            for (;;) ::pause();
        });
        ::close(ready[1]);
        children_.push_back(p);
        QVERIFY(cg->add_process(p).ok());
        open_gate(gate);
        char c;
        QCOMPARE(::read(ready[0], &c, 1), ssize_t(1));
        ::close(ready[0]);
        Sampler s;
        QVERIFY(s.add("m", *cg, p).ok());
        auto e = s.sample_all();
        QCOMPARE(e.size(), size_t(1));
        const auto& st = e[0].sample.cg;
        qInfo("memory current %llu, anon %llu, cache %llu, limit %llu", (unsigned long long)st.memory_current,
              (unsigned long long)st.memory_anon, (unsigned long long)st.memory_cache,
              (unsigned long long)st.memory_limit.value_or(0));
        QVERIFY(st.memory_current >= uint64_t(64 << 20));
        QVERIFY(st.memory_anon >= uint64_t(64 << 20));
        QCOMPARE(st.memory_limit.value_or(0), uint64_t(256 << 20));
        QVERIFY(st.memory_peak.value_or(0) >= uint64_t(64 << 20));
        QVERIFY(st.pids_current >= 1);
        // The child shares this process's network namespace: its numbers would be the host's.
        QVERIFY(!e[0].sample.net.has_value());
        reap_all();
        QVERIFY(cg->remove().ok());
    }

    void oom_kill_gives_exactly_one_event()
    {
        spec::Resources r;
        r.memory_limit = 32 << 20;
        if (host_.mode != cgroup::Mode::v2) r.memory_swap = 32 << 20;
        auto cg = make(r);
        QVERIFY(cg);
        auto w = OomWatcher::watch(*cg);
        QVERIFY2(w.ok(), w.ok() ? "" : w.error().message().c_str());
        QCOMPARE(w.value()->total_kills(), uint64_t(0));
        int gate = -1;
        pid_t p = spawn_gated(&gate, [] {
            size_t n = 256 << 20;
            auto* m =
                static_cast<char*>(::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
            if (m == MAP_FAILED) ::_exit(2);
            for (size_t i = 0; i < n; i += 4096) m[i] = 1;
            ::_exit(3);  // not reached under a 32 MiB limit
        });
        children_.push_back(p);
        QVERIFY(cg->add_process(p).ok());
        open_gate(gate);
        // The helper's loop in miniature: poll the watcher's fd, honour recheck_ms; stop once
        // the child is reaped and a further 500 ms brought nothing (to catch duplicates).
        uint64_t kills = 0, events = 0;
        int status = 0;
        bool reaped = false;
        int quiet_ms = 0, timeout = 0;
        for (int waited = 0; waited < 20000 && quiet_ms < 500; waited += 10) {
            struct pollfd pf {
                w.value()->fd(), w.value()->poll_events(), 0
            };
            int n = ::poll(&pf, 1, timeout > 0 ? timeout : 10);
            if (n > 0 || timeout > 0) {
                auto ev = w.value()->check();
                QVERIFY(ev.ok());
                if (ev->new_kills) {
                    kills += ev->new_kills;
                    ++events;
                }
                timeout = ev->recheck_ms;
            }
            if (!reaped && ::waitpid(p, &status, WNOHANG) == p) {
                reaped = true;
                children_.clear();
            }
            if (reaped) quiet_ms += 10;
        }
        QVERIFY(reaped);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGKILL);
        QCOMPARE(events, uint64_t(1));
        QCOMPARE(kills, uint64_t(1));
        QCOMPARE(w.value()->total_kills(), uint64_t(1));
        auto st = cg->stats();
        QVERIFY(st.ok());
        QCOMPARE(st->oom_kill_events, uint64_t(1));
        QVERIFY(cg->remove().ok());
    }
};

QTEST_GUILESS_MAIN(TstStatsHost)
#include "tst_stats_host.moc"

// The pread sampler, rates and the OOM watcher on fixture trees of real cgroupfs contents.
#include "engine/cgroup/cgroup.h"
#include "engine/stats/cgroup_reader.h"
#include "engine/stats/oom_watcher.h"
#include "engine/stats/sampler.h"
#include "fixture_tree.h"

#include <QtTest>

#include <dirent.h>
#include <poll.h>
#include <sys/eventfd.h>

#include <fstream>
#include <sstream>

using namespace onggi;
using namespace onggi::stats;

namespace {

std::string slurp(const std::string& p)
{
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

int fd_count()
{
    int n = 0;
    DIR* d = ::opendir("/proc/self/fd");
    while (struct dirent* e = d ? ::readdir(d) : nullptr)
        if (e->d_name[0] != '.') ++n;
    if (d) ::closedir(d);
    return n - 1;  // the directory's own
}

void put(const std::string& p, const std::string& text)
{
    std::ofstream f(p, std::ios::trunc);
    f << text;
}

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto& r_ = (expr);                                                                                       \
        QVERIFY2(r_.ok(), r_.ok() ? "" : r_.error().message().c_str());                                                \
    } while (0)

}  // namespace

class TstStatsReader : public QObject {
    Q_OBJECT

    FixtureTree tree_;

    cgroup::HostInfo fixture(const char* which) { return tree_.copy(which); }

    // The pread reader and the backend's open/read/close stats() agree on every field.
    void compare(const cgroup::Stats& a, const cgroup::Stats& b)
    {
        QCOMPARE(a.cpu_usage_ns, b.cpu_usage_ns);
        QCOMPARE(a.cpu_user_ns, b.cpu_user_ns);
        QCOMPARE(a.cpu_system_ns, b.cpu_system_ns);
        QCOMPARE(a.cpu_nr_periods, b.cpu_nr_periods);
        QCOMPARE(a.cpu_nr_throttled, b.cpu_nr_throttled);
        QCOMPARE(a.cpu_throttled_ns, b.cpu_throttled_ns);
        QCOMPARE(a.cpu_quota_us, b.cpu_quota_us);
        QCOMPARE(a.cpu_period_us, b.cpu_period_us);
        QCOMPARE(a.memory_current, b.memory_current);
        QCOMPARE(a.memory_limit, b.memory_limit);
        QCOMPARE(a.memory_high, b.memory_high);
        QCOMPARE(a.memory_peak, b.memory_peak);
        QCOMPARE(a.memory_swap_current, b.memory_swap_current);
        QCOMPARE(a.memory_swap_limit, b.memory_swap_limit);
        QCOMPARE(a.memory_cache, b.memory_cache);
        QCOMPARE(a.memory_anon, b.memory_anon);
        QCOMPARE(a.io_read_bytes, b.io_read_bytes);
        QCOMPARE(a.io_write_bytes, b.io_write_bytes);
        QCOMPARE(a.io_read_ops, b.io_read_ops);
        QCOMPARE(a.io_write_ops, b.io_write_ops);
        QCOMPARE(a.pids_current, b.pids_current);
        QCOMPARE(a.pids_limit, b.pids_limit);
        QCOMPARE(a.oom_events, b.oom_events);
        QCOMPARE(a.oom_kill_events, b.oom_kill_events);
        QCOMPARE(a.cpu_pressure.has_value(), b.cpu_pressure.has_value());
        if (a.cpu_pressure) QCOMPARE(a.cpu_pressure->some_total_us, b.cpu_pressure->some_total_us);
        QCOMPARE(a.memory_pressure.has_value(), b.memory_pressure.has_value());
        if (a.memory_pressure) QCOMPARE(a.memory_pressure->full_avg10, b.memory_pressure->full_avg10);
    }

private slots:
    void initTestCase() { QVERIFY(tree_.valid()); }

    void reader_matches_backend_v2()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto r = CgroupReader::open(*cg.value());
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));
        QVERIFY(s.mono_ns > 0);
        auto b = cg.value()->stats();
        VERIFY_OK(b);
        compare(s.cg, b.value());
        QCOMPARE(s.cg.cpu_usage_ns, uint64_t(2867648000000));
        QCOMPARE(s.cg.oom_kill_events, uint64_t(2));
        QVERIFY(!s.cg.cpu_quota_us);
        QCOMPARE(s.cg.cpu_period_us, uint64_t(100000));
        // The files stay open: a change in a fast file is seen by the next read; a slow one
        // (a limit) is carried until the slow tick or an explicit refresh.
        put(tree_.root() + "/onggi/c1/memory.current", "99999\n");
        put(tree_.root() + "/onggi/c1/cpu.max", "50000 100000\n");
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.memory_current, uint64_t(99999));
        QVERIFY(!s.cg.cpu_quota_us);
        QCOMPARE(s.cg.memory_anon, uint64_t(41943040));  // carried, not zeroed
        r->refresh_all();
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.cpu_quota_us.value_or(0), uint64_t(50000));
        QVERIFY(r->fast_file_count() < r->file_count());
    }

    // The limits (read once a minute, and after an update), PSI and v1 memory.oom_control are
    // not held open between reads: a reader holds 6 (v1 fixture, which has no PSI) or 8 (v2)
    // descriptors fewer, and still reads a changed limit.
    void limits_are_not_held_open()
    {
        for (const char* which : {"v1", "v2"}) {
            auto h = fixture(which);
            auto cg = cgroup::open(h, "/onggi/c1");
            VERIFY_OK(cg);
            const int before = fd_count();
            auto r = CgroupReader::open(*cg.value());
            VERIFY_OK(r);
            const int held = fd_count() - before;
            QCOMPARE(size_t(held), r->held_fd_count());
            QCOMPARE(r->file_count() - r->held_fd_count(), size_t(std::string(which) == "v1" ? 6 : 8));
            Sample s;
            VERIFY_OK(r->read(s));
            QCOMPARE(fd_count() - before, held);  // nothing left open by the read
            const std::string pids = tree_.root() + (std::string(which) == "v1" ? "/pids" : "") + "/onggi/c1/pids.max";
            put(pids, "91\n");
            r->refresh_all();
            VERIFY_OK(r->read(s));
            QCOMPARE(s.cg.pids_limit.value_or(0), uint64_t(91));
            QCOMPARE(fd_count() - before, held);
        }
    }

    void slow_files_every_nth_sample()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        ReaderOptions o;
        o.slow_every = 3;
        o.sweep_every = 6;
        auto r = CgroupReader::open(*cg.value(), 0, o);
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));  // tick 0: the first sweep reads all
        QVERIFY(!s.cg.pids_limit);
        // A limit is read on sweeps only (and after refresh_all()): tick 6.
        put(tree_.root() + "/onggi/c1/pids.max", "77\n");
        for (int tick = 1; tick <= 5; ++tick) {
            VERIFY_OK(r->read(s));
            QVERIFY2(!s.cg.pids_limit, std::to_string(tick).c_str());
        }
        VERIFY_OK(r->read(s));  // tick 6: sweep
        QCOMPARE(s.cg.pids_limit.value_or(0), uint64_t(77));
        // slow_every = sweep_every = 1 reads everything every time.
        o.slow_every = o.sweep_every = 1;
        auto all = CgroupReader::open(*cg.value(), 0, o);
        VERIFY_OK(all);
        VERIFY_OK(all->read(s));
        put(tree_.root() + "/onggi/c1/pids.max", "78\n");
        VERIFY_OK(all->read(s));
        QCOMPARE(s.cg.pids_limit.value_or(0), uint64_t(78));
        QCOMPARE(all->last_read_count(), all->file_count());
    }

    void reader_matches_backend_v1()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto r = CgroupReader::open(*cg.value());
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));
        auto b = cg.value()->stats();
        VERIFY_OK(b);
        compare(s.cg, b.value());
        QCOMPARE(s.cg.cpu_usage_ns, uint64_t(684219928));
        QCOMPARE(s.cg.memory_swap_limit.value_or(0), uint64_t((1 << 30) - 268435456));
        QCOMPARE(s.cg.cpu_quota_us.value_or(0), uint64_t(20000));
        QCOMPARE(s.cg.cpu_period_us, uint64_t(100000));
    }

    void reader_options_drop_files()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto all = CgroupReader::open(*cg.value());
        ReaderOptions o;
        o.memory_stat = o.io = o.pressure = false;
        auto few = CgroupReader::open(*cg.value(), 0, o);
        VERIFY_OK(all);
        VERIFY_OK(few);
        QCOMPARE(all->file_count() - few->file_count(), size_t(5));
        Sample s;
        VERIFY_OK(few->read(s));
        QCOMPARE(s.cg.memory_cache, uint64_t(0));
        QVERIFY(!s.cg.cpu_pressure);
    }

    void net_dev()
    {
        NetCounters n;
        QVERIFY(parse_net_dev(slurp(std::string(ONGGI_SOURCE_DIR) + "/tests/fixtures/cgroup/proc_net_dev"), n));
        // eth0 103239612/3485 rx, 154426/2056 tx; veth0 5000/40, 7000/50; lo and ifb* excluded/zero.
        QCOMPARE(n.rx_bytes, uint64_t(103239612 + 5000));
        QCOMPARE(n.rx_packets, uint64_t(3485 + 40));
        QCOMPARE(n.tx_bytes, uint64_t(154426 + 7000));
        QCOMPARE(n.tx_packets, uint64_t(2056 + 50));
        QVERIFY(!parse_net_dev("", n));
        QVERIFY(!parse_net_dev("garbage\nmore garbage\n", n));
        // A netns with only lo: a table, all zero.
        QVERIFY(parse_net_dev(
            "Inter-|   Receive |  Transmit\n face |bytes packets|bytes\n    lo: 1 2 0 0 0 0 0 0 3 4 0 0 0 0 0 0\n", n));
        QCOMPARE(n.rx_bytes + n.tx_bytes, uint64_t(0));
    }

    void net_dev_of_this_process()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        // This process shares its own network namespace: no numbers (they would be the host's).
        auto r = CgroupReader::open(*cg.value(), ::getpid());
        VERIFY_OK(r);
        QVERIFY(r->host_netns());
        Sample s;
        VERIFY_OK(r->read(s));
        QVERIFY(!s.net.has_value());
        // Without the gates, the file is read whatever the namespace.
        ReaderOptions o;
        o.gate = false;
        auto ungated = CgroupReader::open(*cg.value(), ::getpid(), o);
        VERIFY_OK(ungated);
        QVERIFY(!ungated->host_netns());
        VERIFY_OK(ungated->read(s));
        QVERIFY(s.net.has_value());
    }

    void rates()
    {
        Sample a, b;
        a.mono_ns = 1000000000;
        b.mono_ns = 1500000000;  // 0.5 s later
        a.cg.cpu_usage_ns = 10000000000;
        b.cg.cpu_usage_ns = 10250000000;  // 0.25 s of CPU in 0.5 s = 50 % of a core
        b.cg.cpu_quota_us = 50000;
        b.cg.cpu_period_us = 100000;  // limit: half a core
        a.cg.cpu_nr_throttled = 10;
        b.cg.cpu_nr_throttled = 15;
        a.cg.cpu_throttled_ns = 0;
        b.cg.cpu_throttled_ns = 100000000;
        a.cg.io_read_bytes = 0;
        b.cg.io_read_bytes = 1 << 20;
        a.net = NetCounters{100, 1, 0, 0};
        b.net = NetCounters{600, 6, 50, 1};
        auto r = compute_rates(a, b);
        QCOMPARE(r.seconds, 0.5);
        QCOMPARE(r.cpu_percent, 50.0);
        QVERIFY(r.cpu_percent_of_limit);
        QCOMPARE(*r.cpu_percent_of_limit, 100.0);
        QCOMPARE(r.throttled_periods_per_s, 10.0);
        QCOMPARE(r.throttled_percent, 20.0);
        QCOMPARE(r.io_read_bytes_per_s, double(2 << 20));
        QCOMPARE(r.net_rx_bytes_per_s, 1000.0);
        QCOMPARE(r.net_tx_packets_per_s, 2.0);
        // Counters reset (cgroup re-created): no negative or huge rates.
        std::swap(a.cg, b.cg);
        r = compute_rates(a, b);
        QCOMPARE(r.cpu_percent, 0.0);
        QCOMPARE(r.io_read_bytes_per_s, 0.0);
        // No time passed: all zero.
        r = compute_rates(b, b);
        QCOMPARE(r.seconds, 0.0);
        QCOMPARE(r.cpu_percent, 0.0);
    }

    void sampler_keeps_last_and_drops_gone()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        Sampler s;
        VERIFY_OK(s.add("c1", *cg.value()));
        VERIFY_OK(s.add("bad", *cg.value(), 0));  // the same cgroup twice is allowed
        s.remove("bad");
        auto first = s.sample_all();
        QCOMPARE(first.size(), size_t(1));
        QVERIFY(!first[0].rates);
        auto second = s.sample_all();
        QCOMPARE(second.size(), size_t(1));
        QVERIFY(second[0].rates.has_value());
        auto one = s.sample_one("c1");
        VERIFY_OK(one);
        QVERIFY(!s.sample_one("nope").ok());
        QCOMPARE(s.sample_one("nope").error().code, Errc::not_found);
    }

    void oom_watcher_v2_counts_from_memory_events()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto w = OomWatcher::watch(*cg.value());
        VERIFY_OK(w);
        QCOMPARE(w.value()->total_kills(), uint64_t(2));  // the fixture's counter
        // The kernel marks memory.events changed for POLLPRI (kernfs_notify); a plain file here
        // cannot, so that half is tst_stats_host's, on the real kernel (v2 guest).
        QCOMPARE(w.value()->poll_events(), short(POLLPRI));
        auto ev = w.value()->check();
        VERIFY_OK(ev);
        QCOMPARE(ev->new_kills, uint64_t(0));
        // What the kernel does on an OOM kill: bump the counters, notify.
        put(tree_.root() + "/onggi/c1/memory.events", "low 0\nhigh 0\nmax 18\noom 4\noom_kill 3\noom_group_kill 0\n");
        ev = w.value()->check();
        VERIFY_OK(ev);
        QCOMPARE(ev->new_kills, uint64_t(1));
        QCOMPARE(ev->total_kills, uint64_t(3));
        QCOMPARE(ev->new_ooms, uint64_t(1));
        // A "max" event alone is no OOM kill.
        put(tree_.root() + "/onggi/c1/memory.events", "low 0\nhigh 0\nmax 19\noom 4\noom_kill 3\noom_group_kill 0\n");
        ev = w.value()->check();
        VERIFY_OK(ev);
        QCOMPARE(ev->new_kills, uint64_t(0));
    }

    // A watch that begins after the container started (the helper learns of it from the shim):
    // kills the fresh cgroup already counted are reported by the first check, once.
    void oom_watcher_from_zero_reports_kills_before_the_watch()
    {
        for (const char* which : {"v1", "v2"}) {
            auto h = fixture(which);
            auto cg = cgroup::open(h, "/onggi/c1");
            VERIFY_OK(cg);
            auto w = OomWatcher::watch(*cg.value(), true);
            VERIFY_OK(w);
            QCOMPARE(w.value()->total_kills(), uint64_t(0));
            auto ev = w.value()->check();
            VERIFY_OK(ev);
            QCOMPARE(ev->new_kills, uint64_t(2));  // the fixture's counter
            QCOMPARE(ev->total_kills, uint64_t(2));
            ev = w.value()->check();
            VERIFY_OK(ev);
            QCOMPARE(ev->new_kills, uint64_t(0));
        }
    }

    void oom_watcher_v1_dedupes_eventfd_by_counter()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto w = OomWatcher::watch(*cg.value());
        VERIFY_OK(w);
        // Registered "<eventfd> <oom_control fd>" in cgroup.event_control.
        std::string reg = slurp(tree_.root() + "/memory/onggi/c1/cgroup.event_control");
        QVERIFY2(reg.find(std::to_string(w.value()->fd()) + " ") == 0, reg.c_str());
        QCOMPARE(w.value()->total_kills(), uint64_t(2));
        std::string oc = tree_.root() + "/memory/onggi/c1/memory.oom_control";
        // The kernel notifies before the kill is counted...
        QVERIFY(::eventfd_write(w.value()->fd(), 1) == 0);
        auto ev = w.value()->check();
        VERIFY_OK(ev);
        QCOMPARE(ev->new_kills, uint64_t(0));
        QVERIFY(ev->recheck_ms > 0);  // ...so the caller looks again shortly
        // ...then kills (counter +1) and notifies twice more for the same OOM.
        put(oc, "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        QVERIFY(::eventfd_write(w.value()->fd(), 2) == 0);
        ev = w.value()->check();
        VERIFY_OK(ev);
        QCOMPARE(ev->new_kills, uint64_t(1));
        QCOMPARE(ev->recheck_ms, 0);
        QVERIFY(::eventfd_write(w.value()->fd(), 1) == 0);
        ev = w.value()->check();
        VERIFY_OK(ev);
        QCOMPARE(ev->new_kills, uint64_t(0));  // one kill, one event
    }
};

QTEST_GUILESS_MAIN(TstStatsReader)
#include "tst_stats_reader.moc"

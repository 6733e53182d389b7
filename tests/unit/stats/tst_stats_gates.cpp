// The reader's gates on fixture trees of real cgroupfs contents (v1 and v2): which files a
// sample reads, and that a file not read is carried only when it cannot have changed (or,
// for the documented exceptions, until the next slow tick or sweep). The kernel's side (the
// counters really move as assumed) is checked by tests/integration/stats/tst_stats_host.
#include "engine/cgroup/cgroup.h"
#include "engine/stats/cgroup_reader.h"
#include "engine/stats/sampler.h"
#include "fixture_tree.h"

#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace onggi;
using namespace onggi::stats;
namespace fs = std::filesystem;

namespace {

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

const char* kNetDevHead = "Inter-|   Receive                                                |  Transmit\n"
                          " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
                          "drop fifo colls carrier compressed\n"
                          "    lo:     100       2    0    0    0     0          0         0      100       2    0    "
                          "0    0     0       0          0\n";

}  // namespace

class TstStatsGates : public QObject {
    Q_OBJECT

    FixtureTree tree_;

    cgroup::HostInfo fixture(const char* which) { return tree_.copy(which); }

    // v1 files of the fixture's container
    std::string v1(const char* ctl, const char* file) { return tree_.root() + "/" + ctl + "/onggi/c1/" + file; }
    std::string v2(const char* file) { return tree_.root() + "/onggi/c1/" + file; }

    uint64_t cpu_ns_ = 684219928;  // the v1 fixture's cpuacct.usage
    void v1_cpu_runs()
    {
        cpu_ns_ += 1000;
        put(v1("cpuacct", "cpuacct.usage"), std::to_string(cpu_ns_) + "\n");
    }
    uint64_t usage_usec_ = 2867648000;  // the v2 fixture's cpu.stat usage_usec
    void v2_cpu_runs()
    {
        usage_usec_ += 7;
        put(v2("cpu.stat"), "usage_usec " + std::to_string(usage_usec_) +
                                "\nuser_usec 2305984000\nsystem_usec 561664000\nnr_periods 1200\nnr_throttled "
                                "311\nthrottled_usec 15019310\n");
    }

private slots:
    void initTestCase() { QVERIFY(tree_.valid()); }

    // Tick 0 reads every file; an idle tick reads CPU and memory usage only.
    void idle_tick_reads_cpu_and_memory_only()
    {
        for (const char* which : {"v1", "v2"}) {
            auto h = fixture(which);
            auto cg = cgroup::open(h, "/onggi/c1");
            VERIFY_OK(cg);
            auto r = CgroupReader::open(*cg.value());
            VERIFY_OK(r);
            Sample s;
            VERIFY_OK(r->read(s));
            QCOMPARE(r->last_read_count(), r->file_count());
            // v1: cpuacct.usage, memory.usage_in_bytes; v2: cpu.stat, memory.current, io.stat.
            QCOMPARE(r->fast_file_count(), size_t(std::string(which) == "v1" ? 2 : 3));
            for (int tick = 1; tick < 5; ++tick) {
                VERIFY_OK(r->read(s));
                QCOMPARE(r->last_read_count(), r->fast_file_count());
            }
            VERIFY_OK(r->read(s));  // tick 5, slow: still nothing moved (v2: the PSI fixture shows pressure)
            if (std::string(which) == "v1") QCOMPARE(r->last_read_count(), r->fast_file_count());
        }
    }

    // pids.current and blkio only move when the container's tasks run: carried while the CPU
    // counter stands still, re-read on the first sample after it moved.
    void v1_task_counters_follow_the_cpu()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto r = CgroupReader::open(*cg.value());
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.pids_current, uint64_t(3));
        const uint64_t wbytes = s.cg.io_write_bytes;
        // As if written by someone else than the tasks (cannot happen in the kernel): not seen.
        put(v1("pids", "pids.current"), "9\n");
        put(v1("blkio", "blkio.throttle.io_service_bytes_recursive"),
            "254:0 Read 1048576\n254:0 Write 30971520\nTotal 32020096\n");
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.pids_current, uint64_t(3));
        QCOMPARE(s.cg.io_write_bytes, wbytes);
        // The tasks ran: everything they could have moved is read.
        v1_cpu_runs();
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.cpu_usage_ns, cpu_ns_);
        QCOMPARE(s.cg.pids_current, uint64_t(9));
        QCOMPARE(s.cg.io_write_bytes, uint64_t(30971520));
        // cpuacct.usage, memory.usage_in_bytes, pids.current, two blkio files, cpu.stat (quota set)
        QCOMPARE(r->last_read_count(), size_t(6));
        // Next tick, CPU still: cpu.stat once more (the period timer may add throttling), no more.
        VERIFY_OK(r->read(s));
        QCOMPARE(r->last_read_count(), size_t(3));
        VERIFY_OK(r->read(s));
        QCOMPARE(r->last_read_count(), size_t(2));
    }

    // v1 cpu.stat's throttling cannot move without a CFS quota.
    void v1_cpu_stat_only_with_a_quota()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto r = CgroupReader::open(*cg.value());
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.cpu_quota_us.value_or(0), uint64_t(20000));
        QCOMPARE(s.cg.cpu_nr_throttled, uint64_t(33));
        put(v1("cpu", "cpu.cfs_quota_us"), "-1\n");
        r->refresh_all();  // what container.update does after writing a limit
        VERIFY_OK(r->read(s));
        QVERIFY(!s.cg.cpu_quota_us);
        put(v1("cpu", "cpu.stat"), "nr_periods 40\nnr_throttled 35\nthrottled_time 1601931046\n");
        v1_cpu_runs();
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.cpu_nr_throttled, uint64_t(33));
        QCOMPARE(r->last_read_count(), size_t(5));  // no cpu.stat
        // With a quota again (seen after refresh), the next movement reads it.
        put(v1("cpu", "cpu.cfs_quota_us"), "50000\n");
        r->refresh_all();
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.cpu_nr_throttled, uint64_t(35));
        QCOMPARE(s.cg.cpu_quota_us.value_or(0), uint64_t(50000));
    }

    // Slow values: only on slow ticks, and then only when CPU or memory moved since their
    // last read. Limits: only on sweeps and after refresh_all().
    void v1_slow_values_and_limits()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        ReaderOptions o;
        o.slow_every = 5;
        o.sweep_every = 20;
        auto r = CgroupReader::open(*cg.value(), 0, o);
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));  // tick 0
        const uint64_t cache = s.cg.memory_cache, peak = s.cg.memory_peak.value_or(0), kills = s.cg.oom_kill_events;
        const uint64_t limit = s.cg.memory_limit.value_or(0);
        std::string stat = "cache 1\nrss 2\ntotal_cache 4096\ntotal_rss 8192\ntotal_swap 0\n";
        put(v1("memory", "memory.stat"), stat);
        put(v1("memory", "memory.max_usage_in_bytes"), "1380552960\n");
        put(v1("memory", "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 7\n");
        put(v1("memory", "memory.limit_in_bytes"), "536870912\n");
        for (int tick = 1; tick <= 5; ++tick) VERIFY_OK(r->read(s));  // tick 5 is slow, nothing moved
        QCOMPARE(s.cg.memory_cache, cache);
        QCOMPARE(s.cg.memory_peak.value_or(0), peak);
        QCOMPARE(r->last_read_count(), size_t(2));
        // Memory moved (tick 6): memory.stat and the peak are due on the next slow tick; the
        // OOM counter (bumped by the charging task) is not.
        put(v1("memory", "memory.usage_in_bytes"), "294739968\n");
        for (int tick = 6; tick < 10; ++tick) {
            VERIFY_OK(r->read(s));
            QCOMPARE(s.cg.memory_cache, cache);
        }
        QCOMPARE(s.cg.memory_current, uint64_t(294739968));
        VERIFY_OK(r->read(s));  // tick 10
        QCOMPARE(s.cg.memory_cache, uint64_t(4096));
        QCOMPARE(s.cg.memory_anon, uint64_t(8192));
        QCOMPARE(s.cg.memory_peak.value_or(0), uint64_t(1380552960));
        QCOMPARE(s.cg.oom_kill_events, kills);
        QCOMPARE(s.cg.memory_limit.value_or(0), limit);
        // The CPU moved (tick 11): the OOM counter and the user/system split on tick 15.
        v1_cpu_runs();
        for (int tick = 11; tick < 15; ++tick) VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.oom_kill_events, kills);
        VERIFY_OK(r->read(s));  // tick 15
        QCOMPARE(s.cg.oom_kill_events, uint64_t(7));
        QCOMPARE(s.cg.memory_limit.value_or(0), limit);
        for (int tick = 16; tick < 20; ++tick) VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.memory_limit.value_or(0), limit);
        VERIFY_OK(r->read(s));  // tick 20: the sweep
        QCOMPARE(s.cg.memory_limit.value_or(0), uint64_t(536870912));
        QCOMPARE(r->last_read_count(), r->file_count());
    }

    // v2: io.stat every tick (writeback is charged while the tasks sleep); PSI on slow ticks
    // while it shows pressure or the CPU moved.
    void v2_io_every_tick_and_pressure()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto r = CgroupReader::open(*cg.value());
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));  // tick 0
        put(v2("io.stat"), "8:0 rbytes=90430464 wbytes=399008000 rios=8950 wios=1352 dbytes=0 dios=0\n");
        put(v2("pids.current"), "5\n");
        VERIFY_OK(r->read(s));  // tick 1
        QCOMPARE(s.cg.io_write_bytes, uint64_t(399008000));
        QCOMPARE(s.cg.pids_current, uint64_t(3));
        // io.pressure shows no pressure any more (avg10 0, totals standing) ...
        put(v2("io.pressure"), "some avg10=0.00 avg60=0.03 avg300=0.01 total=7689591\nfull avg10=0.00 avg60=0.00 "
                               "avg300=0.00 total=4784466\n");
        // ... while cpu.pressure does (avg10 12.50 in the fixture): read on tick 5 without CPU.
        put(v2("cpu.pressure"), "some avg10=10.00 avg60=3.20 avg300=0.80 total=1140180969\nfull avg10=0.00 avg60=0.00 "
                                "avg300=0.00 total=0\n");
        for (int tick = 2; tick <= 5; ++tick) VERIFY_OK(r->read(s));
        QVERIFY(s.cg.cpu_pressure);
        QCOMPARE(s.cg.cpu_pressure->some_total_us, uint64_t(1140180969));
        QCOMPARE(s.cg.io_pressure->some_total_us, uint64_t(7689591));
        // Tick 10: io.pressure was quiet at its last read and the CPU stood: carried.
        put(v2("io.pressure"), "some avg10=0.00 avg60=0.03 avg300=0.01 total=7789591\nfull avg10=0.00 avg60=0.00 "
                               "avg300=0.00 total=4784466\n");
        for (int tick = 6; tick <= 10; ++tick) VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.io_pressure->some_total_us, uint64_t(7689591));
        // The CPU moved: tick 15 reads it, and pids on the next tick.
        v2_cpu_runs();
        VERIFY_OK(r->read(s));  // tick 11
        QCOMPARE(s.cg.pids_current, uint64_t(5));
        for (int tick = 12; tick <= 15; ++tick) VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.io_pressure->some_total_us, uint64_t(7789591));
    }

    // net/dev of a namespace with only lo: zero, not read on plain ticks; an interface that
    // appears is found on a slow tick after the CPU moved (or by the sweep), read every tick
    // from then on, and gives no rate across its appearance. The helper's own namespace: no file.
    void net_dev_gates()
    {
        auto h = fixture("v2");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        std::string proc = tree_.root() + "/proc";
        fs::create_directories(proc + "/self/ns");
        fs::create_directories(proc + "/42/ns");
        fs::create_directories(proc + "/42/net");
        fs::create_directories(proc + "/43/ns");
        put(proc + "/self/ns/net", "helper");
        put(proc + "/42/ns/net", "container");
        fs::create_hard_link(proc + "/self/ns/net", proc + "/43/ns/net");
        put(proc + "/42/net/dev", kNetDevHead);
        ReaderOptions o;
        o.proc_root = proc;
        o.pressure = false;
        auto host = CgroupReader::open(*cg.value(), 43, o);
        VERIFY_OK(host);
        QVERIFY(host->host_netns());
        Sample s;
        VERIFY_OK(host->read(s));
        QVERIFY(!s.net);

        auto r = CgroupReader::open(*cg.value(), 42, o);
        VERIFY_OK(r);
        QVERIFY(!r->host_netns());
        VERIFY_OK(r->read(s));  // tick 0
        QVERIFY(s.net);
        QCOMPARE(s.net->rx_bytes, uint64_t(0));  // lo is not counted
        const size_t fast = r->fast_file_count();
        const std::string eth = "  eth0:    5000      40    0    0    0     0          0         0     7000      50    "
                                "0    0    0     0       0          0\n";
        put(proc + "/42/net/dev", std::string(kNetDevHead) + eth);
        for (int tick = 1; tick <= 5; ++tick) {
            VERIFY_OK(r->read(s));
            QCOMPARE(r->last_read_count(), fast);
        }
        QCOMPARE(s.net->rx_bytes, uint64_t(0));
        v2_cpu_runs();
        for (int tick = 6; tick < 10; ++tick) VERIFY_OK(r->read(s));
        Sample before = s;
        VERIFY_OK(r->read(s));  // tick 10: slow, the CPU moved since the last look
        QCOMPARE(s.net->rx_bytes, uint64_t(5000));
        QVERIFY(s.net_epoch != before.net_epoch);
        s.mono_ns = before.mono_ns + 1000000000;
        QCOMPARE(compute_rates(before, s).net_rx_bytes_per_s, 0.0);  // not 5000 B/s
        // From now on, every tick.
        put(proc + "/42/net/dev", std::string(kNetDevHead) +
                                      "  eth0:    6000      41    0    0    0     0          0         0     7000     "
                                      " 50    0    0    0     0       0          0\n");
        before = s;
        VERIFY_OK(r->read(s));  // tick 11
        QCOMPARE(s.net->rx_bytes, uint64_t(6000));
        QCOMPARE(s.net_epoch, before.net_epoch);
        s.mono_ns = before.mono_ns + 1000000000;
        QCOMPARE(compute_rates(before, s).net_rx_bytes_per_s, 1000.0);
    }

    // gate = false: the reader of stop 7 (every counter every tick), for the bench.
    void gates_off_reads_every_counter()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        ReaderOptions o;
        o.gate = false;
        auto r = CgroupReader::open(*cg.value(), 0, o);
        VERIFY_OK(r);
        Sample s;
        VERIFY_OK(r->read(s));
        VERIFY_OK(r->read(s));
        // cpuacct.usage, memory.usage_in_bytes, pids.current, two blkio, cpu.stat
        QCOMPARE(r->last_read_count(), size_t(6));
        put(v1("pids", "pids.current"), "9\n");
        VERIFY_OK(r->read(s));
        QCOMPARE(s.cg.pids_current, uint64_t(9));
    }

    // The parent gate: while the parent's hierarchical CPU, memory (and v2 I/O) counters stand
    // still, a container under it is not read at all; any change there reads them all.
    void parent_gate()
    {
        for (const char* which : {"v1", "v2"}) {
            const bool is_v1 = std::string(which) == "v1";
            auto h = fixture(which);
            std::vector<std::string> parent;
            if (is_v1)
                parent = {tree_.root() + "/cpuacct/onggi/cpuacct.usage",
                          tree_.root() + "/memory/onggi/memory.usage_in_bytes"};
            else
                parent = {tree_.root() + "/onggi/cpu.stat", tree_.root() + "/onggi/memory.current",
                          tree_.root() + "/onggi/io.stat"};
            for (auto& f : parent) put(f, "1000\n");
            auto cg = cgroup::open(h, "/onggi/c1");
            VERIFY_OK(cg);
            Sampler sm;
            ReaderOptions o;
            o.pressure = false;
            const size_t own = is_v1 ? 2 : 3;  // the container's "every" files
            VERIFY_OK(sm.add("c1", *cg.value(), 0, o));
            (void)sm.sample_all();  // tick 0: sweep
            // One container under the parent: the parent is not read.
            auto e = sm.sample_all();
            QCOMPARE(sm.last_quiet_parents(), size_t(0));
            QCOMPARE(sm.last_files_read(), own);
            // Two (the same cgroup twice will do): the parent gate applies.
            VERIFY_OK(sm.add("c1-again", *cg.value(), 0, o));
            (void)sm.sample_all();  // the parent's first reading, c1-again's sweep
            e = sm.sample_all();    // the parent stood still
            QCOMPARE(e.size(), size_t(2));
            QCOMPARE(sm.last_quiet_parents(), size_t(1));
            QCOMPARE(sm.last_files_read(), parent.size());
            sm.remove("c1-again");
            VERIFY_OK(sm.add("c1-again", *cg.value(), 0, o));  // users counted right on remove
            (void)sm.sample_all();
            e = sm.sample_all();
            QCOMPARE(sm.last_quiet_parents(), size_t(1));
            // A change in the container without one in the parent cannot happen; if it did,
            // it would not be seen until the parent moves (or the sweep).
            const std::string mem = is_v1 ? v1("memory", "memory.usage_in_bytes") : v2("memory.current");
            const uint64_t before = e[0].sample.cg.memory_current;
            put(mem, "4096\n");
            e = sm.sample_all();
            QCOMPARE(e[0].sample.cg.memory_current, before);
            QVERIFY(e[0].rates.has_value());
            // The parent moved: the container is read.
            put(parent[1], "2000\n");
            e = sm.sample_all();
            QCOMPARE(sm.last_quiet_parents(), size_t(0));
            QCOMPARE(e[0].sample.cg.memory_current, uint64_t(4096));
            QCOMPARE(sm.last_files_read(), parent.size() + 2 * own);
            if (!is_v1) {
                // v2: writeback charged to the container shows in the parent's io.stat.
                (void)sm.sample_all();
                put(v2("io.stat"), "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0\n");
                put(parent[2], "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0\n");
                e = sm.sample_all();
                QCOMPARE(e[0].sample.cg.io_write_ops, uint64_t(4));
            }
            // A subset (a subscription's frame): a container not in the batch that saw the
            // parent move is not "quiet" at its next read, even if the parent stood still since.
            (void)sm.sample_all();
            put(mem, "12288\n");
            put(parent[1], "3000\n");
            QCOMPARE(sm.sample_some({"c1-again"}).size(), size_t(1));
            e = sm.sample_some({"c1", "nope"});
            QCOMPARE(e.size(), size_t(1));
            QCOMPARE(sm.last_quiet_parents(), size_t(1));
            QCOMPARE(e[0].sample.cg.memory_current, uint64_t(12288));
            // Off: the container's own files every tick.
            sm.set_parent_gate(false);
            put(mem, "8192\n");
            e = sm.sample_all();
            QCOMPARE(e[0].sample.cg.memory_current, uint64_t(8192));
            QCOMPARE(sm.last_quiet_parents(), size_t(0));
        }
    }

    void sampler_counts_files_read()
    {
        auto h = fixture("v1");
        auto cg = cgroup::open(h, "/onggi/c1");
        VERIFY_OK(cg);
        Sampler sm;
        VERIFY_OK(sm.add("a", *cg.value()));
        VERIFY_OK(sm.add("b", *cg.value()));
        auto first = sm.sample_all();
        QCOMPARE(first.size(), size_t(2));
        QVERIFY(sm.last_files_read() > 4);
        (void)sm.sample_all();
        QCOMPARE(sm.last_files_read(), size_t(4));
    }
};

QTEST_GUILESS_MAIN(TstStatsGates)
#include "tst_stats_gates.moc"

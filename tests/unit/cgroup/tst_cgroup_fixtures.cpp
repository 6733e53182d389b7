// Both backends on fixture trees of real cgroupfs file contents (tests/fixtures/cgroup/v1,
// v2), copied to a temporary root: writes land in the right files with the kernel's syntax,
// stats parse from the kernel's formats. No root needed.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace onggi;
using namespace onggi::cgroup;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& p)
{
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return std::string(files::trim(ss.str()));
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

class TstCgroupFixtures : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string root_;

    HostInfo copy_fixture(const char* which)
    {
        root_ = tmp_.path().toStdString() + "/" + which + "-" + std::to_string(++n_);
        fs::copy(std::string(ONGGI_SOURCE_DIR) + "/tests/fixtures/cgroup/" + which, root_, fs::copy_options::recursive);
        HostInfo h;
        h.root = root_;
        if (std::string(which) == "v2") {
            h.mode = Mode::v2;
            h.controllers = {"cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"};
        } else {
            h.mode = Mode::v1;
            h.controllers = {"blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids"};
        }
        return h;
    }
    int n_ = 0;

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    // ---- v2 -------------------------------------------------------------------------------

    void v2_create_enables_controllers_in_every_ancestor()
    {
        auto h = copy_fixture("v2");
        auto cg = create(h, "/onggi/new");
        VERIFY_OK(cg);
        QVERIFY(fs::is_directory(root_ + "/onggi/new"));
        // Domain controllers first, threaded ones after (a threaded controller enabled first in a
        // cgroup with processes turns it into a thread root, where io and memory are refused).
        QCOMPARE(slurp(root_ + "/cgroup.subtree_control"),
                 std::string("+io +memory +hugetlb +rdma +misc +cpuset +cpu +pids"));
        // /onggi had "cpuset cpu io memory pids" enabled already: only the missing ones are written.
        QCOMPARE(slurp(root_ + "/onggi/cgroup.subtree_control"), std::string("+hugetlb +rdma +misc"));
        QVERIFY(cg.value()->dir_fd() >= 0);  // for clone3(CLONE_INTO_CGROUP)
        QCOMPARE(cg.value()->mode(), Mode::v2);
        QCOMPARE(cg.value()->controller_dir("memory"), root_ + "/onggi/new");
    }

    void v2_cpu_max_keeps_the_other_half()
    {
        auto h = copy_fixture("v2");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        std::string d = root_ + "/onggi/c1";
        spec::Resources r;
        r.cpu_quota = 50000;
        r.cpu_period = 100000;
        VERIFY_OK(cg.value()->apply(r));
        QCOMPARE(slurp(d + "/cpu.max"), std::string("50000 100000"));
        spec::Resources q;
        q.cpu_quota = 20000;
        VERIFY_OK(cg.value()->apply(q));
        QCOMPARE(slurp(d + "/cpu.max"), std::string("20000 100000"));
        spec::Resources p;
        p.cpu_period = 50000;
        VERIFY_OK(cg.value()->apply(p));
        QCOMPARE(slurp(d + "/cpu.max"), std::string("20000 50000"));
        spec::Resources u;
        u.cpu_quota = -1;
        VERIFY_OK(cg.value()->apply(u));
        QCOMPARE(slurp(d + "/cpu.max"), std::string("max 50000"));
        spec::Resources w;
        w.cpu_shares = 1024;
        w.cpu_cpus = "0-1";
        w.cpu_mems = "0";
        VERIFY_OK(cg.value()->apply(w));
        QCOMPARE(slurp(d + "/cpu.weight"), std::string("39"));  // runc: 1 + (1024-2)*9999/262142
        QCOMPARE(slurp(d + "/cpuset.cpus"), std::string("0-1"));
        QCOMPARE(slurp(d + "/cpuset.mems"), std::string("0"));
    }

    void v2_memory_pids_io()
    {
        auto h = copy_fixture("v2");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        std::string d = root_ + "/onggi/c1";
        spec::Resources r;
        r.memory_limit = 64 << 20;
        r.memory_swap = 96 << 20;  // OCI: memory+swap
        r.memory_reservation = 16 << 20;
        r.unified["memory.high"] = "52428800";
        r.pids_limit = 100;
        r.throttle_read_bps.push_back({8, 0, 1048576});
        r.throttle_write_bps.push_back({8, 0, 2097152});
        r.throttle_read_iops.push_back({8, 0, 100});
        r.throttle_write_iops.push_back({8, 0, 0});  // 0 = no limit
        r.blkio_weight = 500;
        VERIFY_OK(cg.value()->apply(r));
        QCOMPARE(slurp(d + "/memory.max"), std::string("67108864"));
        QCOMPARE(slurp(d + "/memory.swap.max"), std::string("33554432"));  // swap alone
        QCOMPARE(slurp(d + "/memory.low"), std::string("16777216"));
        QCOMPARE(slurp(d + "/memory.high"), std::string("52428800"));
        QCOMPARE(slurp(d + "/pids.max"), std::string("100"));
        QCOMPARE(slurp(d + "/io.max"), std::string("8:0 rbps=1048576 wbps=2097152 riops=100 wiops=max"));
        QCOMPARE(slurp(d + "/io.weight"), std::string("default 4950"));

        spec::Resources off;
        off.memory_limit = -1;
        off.memory_swap = -1;
        off.pids_limit = 0;
        VERIFY_OK(cg.value()->apply(off));
        QCOMPARE(slurp(d + "/memory.max"), std::string("max"));
        QCOMPARE(slurp(d + "/memory.swap.max"), std::string("max"));
        QCOMPARE(slurp(d + "/pids.max"), std::string("max"));
    }

    void v2_bad_input_is_refused()
    {
        auto h = copy_fixture("v2");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        struct Case {
            const char* name;
            spec::Resources r;
            Errc code;
        };
        std::vector<Case> cases;
        {
            spec::Resources r;
            r.cpu_quota = 999;
            cases.push_back({"quota below 1 ms", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.cpu_period = 2000000;
            cases.push_back({"period above 1 s", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.cpu_shares = 1;
            cases.push_back({"shares below 2", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.memory_limit = 100;
            cases.push_back({"memory below a page", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.memory_swap = 1 << 30;
            cases.push_back({"swap without a memory limit", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.memory_limit = 64 << 20;
            r.memory_swap = 32 << 20;
            cases.push_back({"swap below memory", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.unified["cgroup.procs"] = "1";
            cases.push_back({"unified core file", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.unified["../../cgroup.procs"] = "1";
            cases.push_back({"unified path", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.unified["memory.nonexistent"] = "1";
            cases.push_back({"unified unknown file", r, Errc::unsupported});
        }
        {
            spec::Resources r;
            r.throttle_read_bps.push_back({-1, 0, 5});
            cases.push_back({"negative major", r, Errc::invalid_argument});
        }
        {
            spec::Resources r;
            r.blkio_weight = 5;
            cases.push_back({"blkio weight below 10", r, Errc::invalid_argument});
        }
        std::string before = slurp(root_ + "/onggi/c1/cpu.max");
        for (auto& c : cases) {
            auto st = cg.value()->apply(c.r);
            QVERIFY2(!st.ok(), c.name);
            QVERIFY2(st.error().code == c.code, (std::string(c.name) + ": " + st.error().message()).c_str());
        }
        QCOMPARE(slurp(root_ + "/onggi/c1/cpu.max"), before);
        QCOMPARE(slurp(root_ + "/onggi/c1/cgroup.procs"), std::string("4242\n4243\n4250"));
    }

    void v2_stats_parse_real_formats()
    {
        auto h = copy_fixture("v2");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto s = cg.value()->stats();
        VERIFY_OK(s);
        QCOMPARE(s->cpu_usage_ns, uint64_t(2867648000000));
        QCOMPARE(s->cpu_user_ns, uint64_t(2305984000000));
        QCOMPARE(s->cpu_system_ns, uint64_t(561664000000));
        QCOMPARE(s->cpu_nr_periods, uint64_t(1200));
        QCOMPARE(s->cpu_nr_throttled, uint64_t(311));
        QCOMPARE(s->cpu_throttled_ns, uint64_t(15019310000));
        QCOMPARE(s->memory_current, uint64_t(73400320));
        QVERIFY(!s->memory_limit);  // "max"
        QVERIFY(!s->memory_high);
        QCOMPARE(s->memory_peak.value_or(0), uint64_t(104857600));
        QCOMPARE(s->memory_swap_current.value_or(0), uint64_t(1048576));
        QVERIFY(!s->memory_swap_limit);
        QCOMPARE(s->memory_cache, uint64_t(25165824));
        QCOMPARE(s->memory_anon, uint64_t(41943040));
        QCOMPARE(s->io_read_bytes, uint64_t(1459200 + 90430464));
        QCOMPARE(s->io_write_bytes, uint64_t(314773504 + 299008000));
        QCOMPARE(s->io_read_ops, uint64_t(192 + 8950));
        QCOMPARE(s->io_write_ops, uint64_t(353 + 1252));
        QCOMPARE(s->pids_current, uint64_t(3));
        QVERIFY(!s->pids_limit);
        QCOMPARE(s->oom_events, uint64_t(3));
        QCOMPARE(s->oom_kill_events, uint64_t(2));
        VERIFY_OK(cg.value()->oom_kills());
        QCOMPARE(cg.value()->oom_kills().value(), uint64_t(2));  // the shim's question at exit
        QVERIFY(s->cpu_pressure && s->memory_pressure && s->io_pressure);
        QCOMPARE(s->cpu_pressure->some_avg10, 12.5);
        QCOMPARE(s->cpu_pressure->some_total_us, uint64_t(1140170969));
        QCOMPARE(s->memory_pressure->full_avg10, 0.75);
        QCOMPARE(s->memory_pressure->full_total_us, uint64_t(65432));
        QCOMPARE(s->io_pressure->full_total_us, uint64_t(4784466));

        // After limits are set the same sample reports them.
        spec::Resources r;
        r.memory_limit = 64 << 20;
        r.pids_limit = 9;
        VERIFY_OK(cg.value()->apply(r));
        s = cg.value()->stats();
        VERIFY_OK(s);
        QCOMPARE(s->memory_limit.value_or(0), uint64_t(64 << 20));
        QCOMPARE(s->pids_limit.value_or(0), uint64_t(9));
    }

    void v2_freeze_pids_kill()
    {
        auto h = copy_fixture("v2");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        std::string d = root_ + "/onggi/c1";
        auto f = cg.value()->frozen();
        VERIFY_OK(f);
        QVERIFY(!f.value());
        put(d + "/cgroup.events", "populated 1\nfrozen 1\n");  // what the kernel shows once frozen
        VERIFY_OK(cg.value()->freeze());
        QCOMPARE(slurp(d + "/cgroup.freeze"), std::string("1"));
        f = cg.value()->frozen();
        QVERIFY(f.ok() && f.value());
        VERIFY_OK(cg.value()->thaw());
        QCOMPARE(slurp(d + "/cgroup.freeze"), std::string("0"));
        auto p = cg.value()->pids();
        VERIFY_OK(p);
        QCOMPARE(p.value(), (std::vector<pid_t>{4242, 4243, 4250}));
        VERIFY_OK(cg.value()->kill_all(SIGKILL));  // cgroup.kill, no signal sent by pid
        QCOMPARE(slurp(d + "/cgroup.kill"), std::string("1"));
        auto rm = cg.value()->remove();
        QVERIFY(!rm.ok());
        QCOMPARE(rm.error().code, Errc::busy);
    }

    void v2_open_missing_is_not_found()
    {
        auto h = copy_fixture("v2");
        auto cg = open(h, "/onggi/missing");
        QVERIFY(!cg.ok());
        QCOMPARE(cg.error().code, Errc::not_found);
    }

    // ---- v1 -------------------------------------------------------------------------------

    void v1_apply_writes_each_hierarchy()
    {
        auto h = copy_fixture("v1");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        QCOMPARE(cg.value()->dir_fd(), -1);
        QCOMPARE(cg.value()->controller_dir("memory"), root_ + "/memory/onggi/c1");
        QCOMPARE(cg.value()->controller_dir("cpuacct"), root_ + "/cpuacct/onggi/c1");
        spec::Resources r;
        r.cpu_shares = 512;
        r.cpu_quota = 50000;
        r.cpu_period = 100000;
        r.cpu_cpus = "1";
        r.memory_limit = 64 << 20;
        r.memory_swap = 128 << 20;
        r.memory_reservation = 32 << 20;
        r.memory_swappiness = 10;
        r.disable_oom_killer = true;
        r.pids_limit = 64;
        r.blkio_weight = 500;
        r.throttle_read_bps.push_back({8, 0, 1048576});
        r.throttle_write_iops.push_back({254, 0, 300});
        r.devices.push_back({false, "a", std::nullopt, std::nullopt, "rwm"});
        r.devices.push_back({true, "c", 1, 3, "rwm"});
        VERIFY_OK(cg.value()->apply(r));
        QCOMPARE(slurp(root_ + "/cpu/onggi/c1/cpu.shares"), std::string("512"));
        QCOMPARE(slurp(root_ + "/cpu/onggi/c1/cpu.cfs_quota_us"), std::string("50000"));
        QCOMPARE(slurp(root_ + "/cpu/onggi/c1/cpu.cfs_period_us"), std::string("100000"));
        QCOMPARE(slurp(root_ + "/cpuset/onggi/c1/cpuset.cpus"), std::string("1"));
        QCOMPARE(slurp(root_ + "/memory/onggi/c1/memory.limit_in_bytes"), std::string("67108864"));
        QCOMPARE(slurp(root_ + "/memory/onggi/c1/memory.memsw.limit_in_bytes"), std::string("134217728"));
        QCOMPARE(slurp(root_ + "/memory/onggi/c1/memory.soft_limit_in_bytes"), std::string("33554432"));
        QCOMPARE(slurp(root_ + "/memory/onggi/c1/memory.swappiness"), std::string("10"));
        QCOMPARE(slurp(root_ + "/memory/onggi/c1/memory.oom_control"), std::string("1"));
        QCOMPARE(slurp(root_ + "/pids/onggi/c1/pids.max"), std::string("64"));
        QCOMPARE(slurp(root_ + "/blkio/onggi/c1/blkio.bfq.weight"), std::string("500"));  // BFQ host: no blkio.weight
        QCOMPARE(slurp(root_ + "/blkio/onggi/c1/blkio.throttle.read_bps_device"), std::string("8:0 1048576"));
        QCOMPARE(slurp(root_ + "/blkio/onggi/c1/blkio.throttle.write_iops_device"), std::string("254:0 300"));
        QCOMPARE(slurp(root_ + "/devices/onggi/c1/devices.deny"), std::string("a"));
        QCOMPARE(slurp(root_ + "/devices/onggi/c1/devices.allow"), std::string("c 1:3 rwm"));

        spec::Resources u;
        u.cpu_quota = -1;
        u.memory_limit = -1;
        u.pids_limit = -1;
        VERIFY_OK(cg.value()->apply(u));
        QCOMPARE(slurp(root_ + "/cpu/onggi/c1/cpu.cfs_quota_us"), std::string("-1"));
        QCOMPARE(slurp(root_ + "/memory/onggi/c1/memory.limit_in_bytes"), std::string("-1"));
        QCOMPARE(slurp(root_ + "/pids/onggi/c1/pids.max"), std::string("max"));
    }

    void v1_memory_high_is_unsupported()
    {
        auto h = copy_fixture("v1");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        spec::Resources r;
        r.unified["memory.high"] = "1000000";
        auto st = cg.value()->apply(r);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, Errc::unsupported);
        QVERIFY(st.error().message().find("memory.high") != std::string::npos);
        spec::Resources d;
        d.devices.push_back({true, "x", 1, 3, "rwm"});
        st = cg.value()->apply(d);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, Errc::invalid_argument);
        d.devices = {{true, "c", 1, 3, "rwz"}};
        st = cg.value()->apply(d);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, Errc::invalid_argument);
    }

    void v1_stats_parse_real_files()
    {
        auto h = copy_fixture("v1");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto s = cg.value()->stats();
        VERIFY_OK(s);
        QCOMPARE(s->cpu_usage_ns, uint64_t(684219928));
        QCOMPARE(s->cpu_user_ns, uint64_t(284000000));
        QCOMPARE(s->cpu_system_ns, uint64_t(192000000));
        QCOMPARE(s->cpu_nr_periods, uint64_t(38));
        QCOMPARE(s->cpu_nr_throttled, uint64_t(33));
        QCOMPARE(s->cpu_throttled_ns, uint64_t(1501931046));
        QCOMPARE(s->memory_current, uint64_t(294735872));
        QCOMPARE(s->memory_limit.value_or(0), uint64_t(268435456));
        QCOMPARE(s->memory_peak.value_or(0), uint64_t(1280552960));
        QCOMPARE(s->memory_swap_current.value_or(1), uint64_t(0));
        QCOMPARE(s->memory_swap_limit.value_or(0), uint64_t((1 << 30) - 268435456));
        QVERIFY(!s->memory_high);
        QCOMPARE(s->memory_cache, uint64_t(284946432));
        QCOMPARE(s->memory_anon, uint64_t(1548288));
        QCOMPARE(s->oom_kill_events, uint64_t(2));
        VERIFY_OK(cg.value()->oom_kills());
        QCOMPARE(cg.value()->oom_kills().value(), uint64_t(2));
        QCOMPARE(s->io_read_bytes, uint64_t(1048576 + 4096));
        QCOMPARE(s->io_write_bytes, uint64_t(20971520));
        QCOMPARE(s->io_read_ops, uint64_t(17));
        QCOMPARE(s->io_write_ops, uint64_t(320));
        QCOMPARE(s->pids_current, uint64_t(3));
        QCOMPARE(s->pids_limit.value_or(0), uint64_t(100));
        QVERIFY(!s->cpu_pressure);  // no unified directory in this tree
    }

    void v1_freezer_and_pids()
    {
        auto h = copy_fixture("v1");
        auto cg = open(h, "/onggi/c1");
        VERIFY_OK(cg);
        auto f = cg.value()->frozen();
        VERIFY_OK(f);
        QVERIFY(!f.value());
        VERIFY_OK(cg.value()->freeze());
        QCOMPARE(slurp(root_ + "/freezer/onggi/c1/freezer.state"), std::string("FROZEN"));
        f = cg.value()->frozen();
        QVERIFY(f.ok() && f.value());
        VERIFY_OK(cg.value()->thaw());
        QCOMPARE(slurp(root_ + "/freezer/onggi/c1/freezer.state"), std::string("THAWED"));
        auto p = cg.value()->pids();
        VERIFY_OK(p);
        QCOMPARE(p.value(), (std::vector<pid_t>{101, 102, 103}));
        auto rm = cg.value()->remove();
        QVERIFY(!rm.ok());
        QCOMPARE(rm.error().code, Errc::busy);
    }

    void v1_open_missing_is_not_found()
    {
        auto h = copy_fixture("v1");
        auto cg = open(h, "/onggi/missing");
        QVERIFY(!cg.ok());
        QCOMPARE(cg.error().code, Errc::not_found);
    }
};

QTEST_GUILESS_MAIN(TstCgroupFixtures)
#include "tst_cgroup_fixtures.moc"

// The one table of cgroupfs file names (engine/cgroup/knobs.h): each metric resolves to the
// kernel's own v1 and v2 name, ids are stable and unique, and every name the table gives is a
// file the kernel really has: checked against the fixture trees, which are copies of real
// cgroupfs directories (tests/fixtures/cgroup/v1, v2). No root needed.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"
#include "engine/cgroup/knobs.h"

#include <QtTest>

#include <set>
#include <string>

using namespace onggi;
using namespace onggi::cgroup;

Q_DECLARE_METATYPE(onggi::cgroup::Knob)

class TstCgroupKnobs : public QObject {
    Q_OBJECT

    static HostInfo fixture(Mode m)
    {
        HostInfo h;
        h.mode = m;
        if (m == Mode::v2) {
            h.root = std::string(ONGGI_SOURCE_DIR) + "/tests/fixtures/cgroup/v2";
            h.controllers = {"cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"};
        } else {
            h.root = std::string(ONGGI_SOURCE_DIR) + "/tests/fixtures/cgroup/v1";
            h.controllers = {"blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids"};
        }
        return h;
    }

private slots:
    // Each metric the stats and the lessons use, with both names as the kernel's documentation
    // gives them (written here by hand, not copied from the table).
    void names_data()
    {
        QTest::addColumn<Knob>("knob");
        QTest::addColumn<QString>("v1");
        QTest::addColumn<QString>("v2");
        auto row = [](const char* tag, Knob k, const char* v1, const char* v2) { QTest::newRow(tag) << k << v1 << v2; };
        row("cpu usage", Knob::cpu_usage, "cpuacct.usage", "");
        row("cpu stat", Knob::cpu_stat, "cpu.stat", "cpu.stat");
        row("cpu quota", Knob::cpu_quota, "cpu.cfs_quota_us", "cpu.max");
        row("cpu period", Knob::cpu_period, "cpu.cfs_period_us", "");
        row("cpu weight", Knob::cpu_weight, "cpu.shares", "cpu.weight");
        row("memory usage", Knob::memory_usage, "memory.usage_in_bytes", "memory.current");
        row("memory limit", Knob::memory_limit, "memory.limit_in_bytes", "memory.max");
        row("memory peak", Knob::memory_peak, "memory.max_usage_in_bytes", "memory.peak");
        row("memory high", Knob::memory_high, "", "memory.high");
        row("memory low", Knob::memory_low, "memory.soft_limit_in_bytes", "memory.low");
        row("swap usage", Knob::memory_swap_usage, "memory.memsw.usage_in_bytes", "memory.swap.current");
        row("swap limit", Knob::memory_swap_limit, "memory.memsw.limit_in_bytes", "memory.swap.max");
        row("memory stat", Knob::memory_stat, "memory.stat", "memory.stat");
        row("oom counter", Knob::memory_oom, "memory.oom_control", "memory.events");
        row("pids current", Knob::pids_current, "pids.current", "pids.current");
        row("pids limit", Knob::pids_limit, "pids.max", "pids.max");
        row("io bytes", Knob::io_service_bytes, "blkio.throttle.io_service_bytes_recursive", "");
        row("io ops", Knob::io_serviced, "blkio.throttle.io_serviced_recursive", "");
        row("io stat", Knob::io_stat, "", "io.stat");
        row("io read bps", Knob::io_read_bps, "blkio.throttle.read_bps_device", "io.max");
        row("io weight", Knob::io_weight, "blkio.weight", "io.weight");
        row("freeze", Knob::freeze, "freezer.state", "cgroup.freeze");
        row("cpu pressure", Knob::cpu_pressure, "cpu.pressure", "cpu.pressure");
        row("memory pressure", Knob::memory_pressure, "memory.pressure", "memory.pressure");
        row("io pressure", Knob::io_pressure, "io.pressure", "io.pressure");
    }
    void names()
    {
        QFETCH(Knob, knob);
        QFETCH(QString, v1);
        QFETCH(QString, v2);
        QCOMPARE(QString::fromLatin1(knob_name(knob, Mode::v1)), v1);
        QCOMPARE(QString::fromLatin1(knob_name(knob, Mode::hybrid)), v1);  // hybrid: v1's controllers
        QCOMPARE(QString::fromLatin1(knob_name(knob, Mode::v2)), v2);
        QCOMPARE(knob_file(knob, Mode::v1).has_value(), !v1.isEmpty());
        QCOMPARE(knob_file(knob, Mode::v2).has_value(), !v2.isEmpty());
    }

    void ids_are_unique_and_round_trip()
    {
        std::set<std::string> seen;
        for (Knob k : all_knobs()) {
            const std::string id(knob_id(k));
            QVERIFY2(!id.empty(), "a knob without an id");
            QVERIFY2(seen.insert(id).second, id.c_str());
            QVERIFY(knob_by_id(id) == k);
            // Every knob names a file in at least one mode.
            QVERIFY2(knob_file(k, Mode::v1) || knob_file(k, Mode::v2), id.c_str());
        }
        QVERIFY(!knob_by_id("memory.max"));  // a file name is not an id
        QVERIFY(!knob_by_id(""));
        QCOMPARE(std::string(knob_id(Knob::memory_limit)), std::string("memory_limit"));
    }

    // Where v2 keeps in one file what v1 splits, only the first knob names it: a lesson that
    // lists quota and period shows cpu.max once.
    void a_v2_file_is_named_once()
    {
        std::set<std::string> v2;
        for (Knob k : all_knobs())
            if (auto f = knob_file(k, Mode::v2))
                QVERIFY2(v2.insert(std::string(f->file)).second, std::string(f->file).c_str());
    }

    // Every name in the table is a file of a real cgroup of that mode, at the path knob_path()
    // gives (controller directory and name).
    void every_name_is_a_real_file_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("v1") << int(Mode::v1);
        QTest::newRow("v2") << int(Mode::v2);
    }
    void every_name_is_a_real_file()
    {
        QFETCH(int, mode);
        const Mode m = Mode(mode);
        auto cg = open(fixture(m), "/onggi/c1");
        QVERIFY2(cg, cg ? "" : cg.error().message().c_str());
        int checked = 0;
        for (Knob k : all_knobs()) {
            auto f = knob_file(k, m);
            if (!f) {
                QVERIFY(knob_path(*cg.value(), k).empty());
                continue;
            }
            const std::string id(knob_id(k));
            // Not in the v1 fixture: the unified directory of a hybrid host (pressure, kill),
            // the per-hierarchy cgroup.procs the backend writes itself, and controllers this
            // machine did not mount (net_cls, net_prio).
            if (m != Mode::v2 && (f->controller == "unified" || f->controller == "cgroup" ||
                                  f->controller == "net_cls" || f->controller == "net_prio")) {
                QVERIFY(knob_path(*cg.value(), k).empty());
                continue;
            }
            // The disk scheduler decides which weight the kernel offers: CFQ's (v1 blkio.weight,
            // v2 io.weight) or BFQ's (blkio.bfq.weight, io.bfq.weight). One of them is there.
            if (k == Knob::io_weight || k == Knob::io_bfq_weight) {
                QVERIFY2(files::exists(knob_path(*cg.value(), Knob::io_weight)) ||
                             files::exists(knob_path(*cg.value(), Knob::io_bfq_weight)),
                         id.c_str());
                continue;
            }
            const std::string p = knob_path(*cg.value(), k);
            QVERIFY2(!p.empty(), id.c_str());
            QVERIFY2(p.size() > f->file.size() && p.compare(p.size() - f->file.size(), f->file.size(), f->file) == 0,
                     p.c_str());
            QVERIFY2(files::exists(p), (id + ": " + p).c_str());
            ++checked;
        }
        QVERIFY(checked >= (m == Mode::v2 ? 25 : 35));
    }

    // The lessons' list: each knob has a file on v1 or v2, and neither mode shows a file twice.
    void lesson_knobs_show_each_file_once()
    {
        for (Mode m : {Mode::v1, Mode::v2}) {
            std::set<std::string> files;
            for (Knob k : lesson_knobs())
                if (auto f = knob_file(k, m)) QVERIFY(files.insert(std::string(f->file)).second);
            QVERIFY(files.count(m == Mode::v2 ? "memory.max" : "memory.limit_in_bytes"));
        }
    }

    void hugetlb_names()
    {
        QCOMPARE(hugetlb_limit_name("2MB", Mode::v1), std::string("hugetlb.2MB.limit_in_bytes"));
        QCOMPARE(hugetlb_limit_name("2MB", Mode::v2), std::string("hugetlb.2MB.max"));
    }
};

QTEST_GUILESS_MAIN(TstCgroupKnobs)
#include "tst_cgroup_knobs.moc"

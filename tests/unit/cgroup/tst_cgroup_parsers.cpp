// The cgroupfs text parsers and the path/weight helpers, including malformed input.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"

#include <QtTest>

using namespace onggi;
using namespace onggi::cgroup;

class TstCgroupParsers : public QObject {
    Q_OBJECT
private slots:
    void numbers()
    {
        QCOMPARE(files::parse_u64("12345\n").value_or(0), uint64_t(12345));
        QVERIFY(!files::parse_u64("max\n"));
        QVERIFY(!files::parse_u64(""));
        QVERIFY(!files::parse_u64("12a"));
        QVERIFY(!files::parse_u64("-5"));
        QVERIFY(!files::parse_u64("99999999999999999999999"));
        QVERIFY(!files::parse_max("max\n"));
        QCOMPARE(files::parse_max("100\n").value_or(0), uint64_t(100));
        QVERIFY(!files::parse_v1_limit("9223372036854771712\n"));  // v1 "unlimited"
        QCOMPARE(files::parse_v1_limit("268435456\n").value_or(0), uint64_t(268435456));
    }

    void keyed()
    {
        const char* t = "nr_periods 38\nnr_throttled 33\nthrottled_time 1501931046\n";
        QCOMPARE(files::keyed(t, "nr_throttled").value_or(0), uint64_t(33));
        QCOMPARE(files::keyed(t, "throttled_time").value_or(0), uint64_t(1501931046));
        QVERIFY(!files::keyed(t, "nr_period"));  // a prefix is not a key
        QVERIFY(!files::keyed(t, "missing"));
        QVERIFY(!files::keyed("", "x"));
        QVERIFY(!files::keyed("oom_kill", "oom_kill"));  // no value
    }

    void pressure()
    {
        auto p = files::parse_pressure("some avg10=61.73 avg60=31.24 avg300=9.57 total=50443413\nfull avg10=0.50 "
                                       "avg60=0.00 avg300=0.00 total=7\n");
        QVERIFY(p.some.present && p.full.present);
        QCOMPARE(p.some.avg10, 61.73);
        QCOMPARE(p.some.total_us, uint64_t(50443413));
        QCOMPARE(p.full.avg10, 0.5);
        QCOMPARE(p.full.total_us, uint64_t(7));
        // The host-wide /proc/pressure/cpu of older kernels has no "full" line.
        auto q = files::parse_pressure("some avg10=1.00 avg60=0.00 avg300=0.00 total=9\n");
        QVERIFY(q.some.present && !q.full.present);
        auto e = files::parse_pressure("garbage\n");
        QVERIFY(!e.some.present);
    }

    void io_stat()
    {
        auto t = files::parse_io_stat("8:16 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=5 dios=6\n8:0 rbytes=10 wbytes=20 "
                                      "rios=30 wios=40 dbytes=0 dios=0\n");
        QCOMPARE(t.rbytes, uint64_t(11));
        QCOMPARE(t.wbytes, uint64_t(22));
        QCOMPARE(t.rios, uint64_t(33));
        QCOMPARE(t.wios, uint64_t(44));
        auto z = files::parse_io_stat("");
        QCOMPARE(z.rbytes, uint64_t(0));
        auto bad = files::parse_io_stat("8:0 rbytes= wbytes=x junk\n");
        QCOMPARE(bad.rbytes + bad.wbytes, uint64_t(0));
    }

    void blkio()
    {
        uint64_t r = 0, w = 0;
        files::parse_blkio("8:0 Read 100\n8:0 Write 200\n8:0 Sync 300\n8:0 Async 0\n8:0 Discard 0\n8:0 Total 300\n8:16 "
                           "Read 1\nTotal 301\n",
                           r, w);
        QCOMPARE(r, uint64_t(101));
        QCOMPARE(w, uint64_t(200));
        files::parse_blkio("Total 0\n", r, w);
        QCOMPARE(r + w, uint64_t(0));
    }

    void paths()
    {
        for (const char* ok : {"/onggi/abc", "/a", "/onggi-test-1/c1", "/x/y/z"}) QVERIFY2(validate_path(ok).ok(), ok);
        for (const char* bad :
             {"", "/", "a/b", "/a/../b", "/..", "/a//b", "/a/", "/./a", "/cgroup.procs", "/a/cgroup.kill", "/a\nb"}) {
            auto r = validate_path(bad);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().code, Errc::invalid_argument);
        }
        QVERIFY(!validate_path("/" + std::string(300, 'a')).ok());
        QVERIFY(!validate_path(std::string(2000, '/')).ok());
    }

    void weights()
    {
        QCOMPARE(shares_to_weight(2), uint64_t(1));
        QCOMPARE(shares_to_weight(1024), uint64_t(39));
        QCOMPARE(shares_to_weight(262144), uint64_t(10000));
        QCOMPARE(weight_to_shares(1), uint64_t(2));
        QCOMPARE(weight_to_shares(10000), uint64_t(262144));
        QCOMPARE(shares_to_weight(0), uint64_t(0));
    }

    void mode_names()
    {
        QCOMPARE(std::string(mode_name(Mode::v1)), std::string("v1"));
        QCOMPARE(std::string(mode_name(Mode::v2)), std::string("v2"));
        QCOMPARE(std::string(mode_name(Mode::hybrid)), std::string("hybrid"));
    }

    void probe_this_host()
    {
        auto h = probe_host();
        QVERIFY2(h.ok(), h.ok() ? "" : h.error().message().c_str());
        QVERIFY(!h->controllers.empty());
        if (h->mode == Mode::hybrid) QVERIFY(!h->unified.empty());
        // A directory that is no cgroupfs at all is refused, not guessed.
        auto none = probe_root("/proc/self");
        QVERIFY(!none.ok());
    }
};

QTEST_GUILESS_MAIN(TstCgroupParsers)
#include "tst_cgroup_parsers.moc"

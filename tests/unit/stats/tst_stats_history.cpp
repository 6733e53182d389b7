// The bounded history ring and its compact binary form, including damaged files.
#include "engine/stats/history_ring.h"

#include <QtTest>

using namespace onggi;
using namespace onggi::stats;

namespace {

HistoryPoint point(uint64_t i)
{
    HistoryPoint p;
    p.unix_ms = 1763888000000 + i * 1000;
    p.cpu_ns = 5000000000 + i * 500000000;
    p.cpu_percent_x100 = 5000 + (i % 7);
    p.memory_current = (64 << 20) + (i % 3) * 4096;
    p.memory_limit = 128 << 20;
    p.pids_current = 3;
    p.net_rx_bytes = i * 1500;
    p.oom_kill_events = i / 500;
    return p;
}

}  // namespace

class TstStatsHistory : public QObject {
    Q_OBJECT
private slots:
    void ring_is_bounded_oldest_first()
    {
        HistoryRing r(900);
        QCOMPARE(r.size(), size_t(0));
        for (uint64_t i = 0; i < 1000; ++i) r.push(point(i));
        QCOMPARE(r.size(), size_t(900));
        auto all = r.points();
        QCOMPARE(all.size(), size_t(900));
        QCOMPARE(all.front(), point(100));
        QCOMPARE(all.back(), point(999));
        auto last = r.points(10);
        QCOMPARE(last.size(), size_t(10));
        QCOMPARE(last.front(), point(990));
        auto since = r.since(point(995).unix_ms);
        QCOMPARE(since.size(), size_t(5));
        QCOMPARE(r.points(5000).size(), size_t(900));
    }

    void round_trip_is_exact_and_compact()
    {
        HistoryRing r(900);
        for (uint64_t i = 0; i < 900; ++i) r.push(point(i));
        std::string bytes = r.serialize();
        // 33 fields a point; slowly changing counters take a byte or two each.
        QVERIFY2(bytes.size() < 900 * 64, std::to_string(bytes.size()).c_str());
        qInfo("900 points (15 min at 1 s): %zu bytes, %.1f bytes/point", bytes.size(), bytes.size() / 900.0);
        auto back = HistoryRing::load(bytes);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message().c_str());
        QCOMPARE(back->capacity(), size_t(900));
        QCOMPARE(back->points(), r.points());
        // Values going down and kNone survive the deltas.
        HistoryRing d(4);
        HistoryPoint a = point(1), b = point(2);
        b.memory_current = 1;
        b.memory_limit = HistoryPoint::kNone;
        a.pids_limit = 0;
        d.push(a);
        d.push(b);
        auto db = HistoryRing::load(d.serialize());
        QVERIFY(db.ok());
        QCOMPARE(db->points(), d.points());
        // Empty ring.
        auto e = HistoryRing::load(HistoryRing(10).serialize());
        QVERIFY(e.ok());
        QCOMPARE(e->size(), size_t(0));
    }

    void damaged_files_are_refused()
    {
        HistoryRing r(16);
        for (uint64_t i = 0; i < 16; ++i) r.push(point(i));
        std::string good = r.serialize();
        QVERIFY(HistoryRing::load(good).ok());
        for (size_t cut : {size_t(0), size_t(3), size_t(5), size_t(7), good.size() / 2, good.size() - 1}) {
            auto t = HistoryRing::load(good.substr(0, cut));
            QVERIFY2(!t.ok(), std::to_string(cut).c_str());
            QCOMPARE(t.error().code, Errc::invalid_argument);
        }
        std::string magic = good;
        magic[0] = 'X';
        QVERIFY(!HistoryRing::load(magic).ok());
        std::string version = good;
        version[4] = 9;
        QVERIFY(!HistoryRing::load(version).ok());
        QVERIFY(!HistoryRing::load(good + "x").ok());
        // A header that claims a huge capacity or count is refused before allocating.
        std::string huge("OGHR\x01\xff\xff\xff\xff\x0f\x01\x01", 12);
        QVERIFY(!HistoryRing::load(huge).ok());
        std::string lie("OGHR\x01\x10\x10\x21", 8);  // 16 points promised, none there
        QVERIFY(!HistoryRing::load(lie).ok());
    }

    void older_file_with_fewer_fields_loads()
    {
        // Version 1 file written by a build that had only 2 fields (unix_ms, cpu_ns).
        std::string f("OGHR\x01", 5);
        f += char(4);   // capacity
        f += char(2);   // count
        f += char(2);   // fields
        f += char(2);   // unix_ms +1  (zigzag 2 = +1)
        f += char(20);  // cpu_ns +10
        f += char(2);   // +1
        f += char(4);   // +2
        auto r = HistoryRing::load(f);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
        auto p = r->points();
        QCOMPARE(p.size(), size_t(2));
        QCOMPARE(p[0].unix_ms, uint64_t(1));
        QCOMPARE(p[1].unix_ms, uint64_t(2));
        QCOMPARE(p[1].cpu_ns, uint64_t(12));
        QCOMPARE(p[1].memory_limit, HistoryPoint::kNone);  // the default for a field not in the file
    }
};

QTEST_GUILESS_MAIN(TstStatsHistory)
#include "tst_stats_history.moc"

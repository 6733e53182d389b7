// StatsHistoryModel under QAbstractItemModelTester (Fatal): bounded rows, the helper's rates
// carried (never re-derived from frame times), runs split at a new init / a stop / a gap,
// and OOM kills as exactly one marker each, at the memory limit in force at the kill.
#include "gui/models/stats_history_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace onggi;
using namespace onggi::gui;

namespace {
constexpr qint64 t0 = 1'800'000'000'000;
constexpr qint64 MiB = 1 << 20;

client::Sample sample(double cpu, qint64 mem, qint64 pid = 42)
{
    client::Sample s;
    s.id = QStringLiteral("abc");
    s.cpuPercent = cpu;
    s.memoryCurrent = mem;
    s.memoryLimit = 64 * MiB;
    s.pidsCurrent = 1;
    s.pidsLimit = 100;
    s.pid = pid;
    s.rateMs = 1000;
    return s;
}
}  // namespace

class TstStatsHistoryModel : public QObject {
    Q_OBJECT
private slots:
    void bounded_and_rates_carried()
    {
        StatsHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setCapacity(5);
        m.reset(QStringLiteral("abc"));
        QSignalSpy frames(&m, &StatsHistoryModel::frameAppended);
        for (int i = 0; i < 8; ++i) {
            client::Sample s = sample(i, 1000 * i);
            s.netRxBytes = 1000 * i * i;  // counters: not what the chart shows
            s.netRxBps = 777;             // the helper's rate: what the chart shows
            s.ioReadBps = 4096;
            s.hasCpuLimit = true;
            s.cpuLimit = 0.5;
            s.cpuPercentOfLimit = 2.0 * i;
            // Frames 10 ms apart on the wall clock must not change a rate.
            m.appendSample(s, t0 + 1000 * i + (i % 2) * 990);
        }
        QCOMPARE(frames.count(), 8);
        QCOMPARE(m.rowCount(), 5);  // bounded
        QCOMPARE(m.value(4, StatsHistoryModel::CpuPercent), 7.0);
        QCOMPARE(m.value(4, StatsHistoryModel::NetRxRate), 777.0);
        QCOMPARE(m.value(4, StatsHistoryModel::CpuLimit), 50.0);  // 0.5 CPU = 50 % of one core
        QCOMPARE(m.value(4, StatsHistoryModel::CpuPercentOfLimit), 14.0);
        QCOMPARE(
            m.headerData(StatsHistoryModel::MemoryCurrent, Qt::Horizontal, StatsHistoryModel::MaximumRole).toDouble(),
            7000.0);
        QCOMPARE(m.headerData(StatsHistoryModel::IoReadRate, Qt::Horizontal, StatsHistoryModel::UnitRole).toInt(),
                 int(StatsHistoryModel::UnitBytesPerSecond));
        QVERIFY(m.data(m.index(0, StatsHistoryModel::IoReadRate)).toString().contains(QStringLiteral("/s")));
        // A stale (older) sample is ignored.
        m.appendSample(sample(99, 1), t0);
        QCOMPARE(m.value(4, StatsHistoryModel::CpuPercent), 7.0);
    }

    void runs_split_at_restart_stop_and_gap()
    {
        StatsHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.reset(QStringLiteral("abc"));
        m.setIntervalMs(1000);
        m.appendSample(sample(1, 1, 42), t0);
        m.appendSample(sample(1, 1, 42), t0 + 1000);
        m.appendSample(sample(1, 1, 43), t0 + 2000);  // restarted: a new init
        m.appendSample(sample(1, 1, 43), t0 + 3000);
        m.markStopped();
        m.appendSample(sample(1, 1, 43), t0 + 4000);   // after a stop
        m.appendSample(sample(1, 1, 43), t0 + 60000);  // a minute of nothing
        QCOMPARE(m.rowCount(), 6);
        QVERIFY(m.startsRun(0));
        QVERIFY(!m.startsRun(1));
        QVERIFY(m.startsRun(2));
        QVERIFY(!m.startsRun(3));
        QVERIFY(m.startsRun(4));
        QVERIFY(m.startsRun(5));
    }

    // The kill that took init: no sample after it. One marker, at the limit, at the kill's time.
    void oom_of_init_is_one_marker_at_the_limit()
    {
        StatsHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.reset(QStringLiteral("abc"));
        QSignalSpy markers(&m, &StatsHistoryModel::oomMarkersChanged);
        m.appendSample(sample(1, 10 * MiB), t0);
        m.appendSample(sample(1, 60 * MiB), t0 + 1000);
        m.addOomKill(t0 + 1400, 1);  // the event; the container dies, no more samples
        m.markStopped();
        QCOMPARE(m.oomMarkers().size(), 1);
        QCOMPARE(m.oomMarkers().at(0).timeMs, t0 + 1400);
        QCOMPARE(m.oomMarkers().at(0).memoryBytes, 64 * MiB);  // at the limit, not at the last use
        QVERIFY(m.oomMarkers().at(0).atLimit);
        QVERIFY(markers.count() >= 1);

        // The same kill in the helper's history (a reload): still one marker.
        client::StatsHistory h;
        for (int i = 0; i < 2; ++i) {
            client::Sample s = sample(1, (10 + 50 * i) * MiB);
            s.timeMs = t0 + 1000 * i;
            h.samples.append(s);
        }
        h.oomKills.append({t0 + 1400, 1, 64 * MiB, 60 * MiB});
        m.setHistory(h);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.oomMarkers().size(), 1);
        QCOMPARE(m.oomMarkers().at(0).memoryBytes, 64 * MiB);
        m.addOomKill(t0 + 1400, 1);  // the event arriving after the reload
        QCOMPARE(m.oomMarkers().size(), 1);
    }

    // Two kills in a running container: two markers; counters in later samples add none.
    void two_kills_are_two_markers()
    {
        StatsHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.reset(QStringLiteral("abc"));
        client::Sample s = sample(1, 60 * MiB);
        m.appendSample(s, t0);
        m.addOomKill(t0 + 500, 1);
        s.oomKillEvents = 1;
        m.appendSample(s, t0 + 1000);
        m.appendSample(s, t0 + 2000);
        m.addOomKill(t0 + 2500, 2);
        s.oomKillEvents = 2;
        m.appendSample(s, t0 + 3000);
        m.appendSample(s, t0 + 4000);
        QCOMPARE(m.oomMarkers().size(), 2);
        QCOMPARE(m.oomMarkers().at(0).killsTotal, 1);
        QCOMPARE(m.oomMarkers().at(1).killsTotal, 2);
        QCOMPARE(m.oomMarkers().at(1).timeMs, t0 + 2500);
        for (const auto& k : m.oomMarkers()) QCOMPARE(k.memoryBytes, 64 * MiB);
    }
};

QTEST_GUILESS_MAIN(TstStatsHistoryModel)
#include "tst_stats_history_model.moc"

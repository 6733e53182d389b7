// The host totals of the dashboard: /proc/stat and /proc/meminfo parsed from real texts
// (a 2-CPU VM, an old kernel without MemAvailable, damaged files), rates over two readings,
// HostReader on a fixture proc root and on the real /proc against sysinfo(2).
#include "engine/stats/host_reader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/sysinfo.h>
#include <unistd.h>

using namespace onggi;
using namespace onggi::stats;

namespace {

const char* kStat2Cpu = "cpu  27983 1701 7662 35862 388 0 53 20 0 0\n"
                        "cpu0 13827 795 3536 18640 33 0 7 10 0 0\n"
                        "cpu1 14155 906 4126 17222 355 0 45 10 0 0\n"
                        "intr 243121 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
                        "ctxt 426005\nbtime 1796618886\nprocesses 12015\nprocs_running 3\nprocs_blocked 0\n";

const char* kMeminfo = "MemTotal:       24683772 kB\nMemFree:        15545552 kB\nMemAvailable:   17477188 kB\n"
                       "Buffers:           17140 kB\nCached:          2093684 kB\nSwapCached:            0 kB\n"
                       "SwapTotal:       1048572 kB\nSwapFree:        1048000 kB\nHugePages_Total:       0\n";

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

}  // namespace

class TstStatsHostReader : public QObject {
    Q_OBJECT
private slots:
    void parses_proc_stat()
    {
        HostCounters c;
        QVERIFY(parse_proc_stat(kStat2Cpu, c));
        QCOMPARE(c.cpus, 2);
        // busy = user+nice+system+irq+softirq+steal, idle = idle+iowait
        QCOMPARE(c.cpu_busy, uint64_t(27983 + 1701 + 7662 + 0 + 53 + 20));
        QCOMPARE(c.cpu_total, c.cpu_busy + uint64_t(35862 + 388));
    }

    void refuses_damaged_proc_stat()
    {
        HostCounters c;
        QVERIFY(!parse_proc_stat("", c));
        QVERIFY(!parse_proc_stat("intr 1 2 3\n", c));
        QVERIFY(!parse_proc_stat("cpu  1 2\n", c));        // too few fields
        QVERIFY(!parse_proc_stat("cpu  1 2 x 4 5\n", c));  // not a number
    }

    void parses_meminfo()
    {
        HostCounters c;
        QVERIFY(parse_meminfo(kMeminfo, c));
        QCOMPARE(c.memory_total, uint64_t(24683772) * 1024);
        QCOMPARE(c.memory_available, uint64_t(17477188) * 1024);
        QCOMPARE(c.memory_free, uint64_t(15545552) * 1024);
        QCOMPARE(c.swap_total, uint64_t(1048572) * 1024);
        QCOMPARE(c.swap_free, uint64_t(1048000) * 1024);
        QVERIFY(!parse_meminfo("MemFree: 12 kB\n", c));  // no MemTotal
        QVERIFY(!parse_meminfo("MemTotal: lots kB\n", c));
    }

    void old_kernel_without_memavailable()
    {
        HostCounters c;
        QVERIFY(parse_meminfo("MemTotal: 1000 kB\nMemFree: 300 kB\nCached: 200 kB\n", c));
        QCOMPARE(c.memory_available, uint64_t(500) * 1024);
    }

    void cpu_percent_over_two_readings()
    {
        HostCounters a, b;
        QVERIFY(parse_proc_stat(kStat2Cpu, a));
        b = a;
        a.mono_ns = 1000000000;
        b.mono_ns = 2000000000;
        // one second on 2 CPUs = 200 ticks at 100 Hz; 50 of them busy: a quarter of the host,
        // i.e. half a core.
        b.cpu_total += 200;
        b.cpu_busy += 50;
        QCOMPARE(host_cpu_percent(a, b), 50.0);
        b.cpu_busy = a.cpu_busy + 200;
        QCOMPARE(host_cpu_percent(a, b), 200.0);
        // counters that went back, or no time: 0, never a spike
        QCOMPARE(host_cpu_percent(b, a), 0.0);
        HostCounters same = a;
        QCOMPARE(host_cpu_percent(a, same), 0.0);
    }

    void reader_on_fixture_root()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("stat"), kStat2Cpu));
        QVERIFY(writeFile(dir.filePath("meminfo"), kMeminfo));
        auto r = HostReader::open(dir.path().toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
        auto c = r.value().read();
        QVERIFY(c.ok());
        QCOMPARE(c.value().cpus, 2);
        QCOMPARE(c.value().memory_total, uint64_t(24683772) * 1024);
        QVERIFY(c.value().mono_ns > 0);
        QVERIFY(!HostReader::open(dir.filePath("absent").toStdString()).ok());
    }

    void reader_on_real_proc_matches_sysinfo()
    {
        auto r = HostReader::open();
        QVERIFY(r.ok());
        auto a = r.value().read();
        QVERIFY(a.ok());
        struct sysinfo si {};
        QCOMPARE(::sysinfo(&si), 0);
        QCOMPARE(a.value().memory_total, uint64_t(si.totalram) * si.mem_unit);
        QCOMPARE(long(a.value().cpus), ::sysconf(_SC_NPROCESSORS_ONLN));
        // Burn a little CPU: the host reads more than nothing, never more than all its CPUs.
        QThread::msleep(50);
        volatile uint64_t x = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 200) x = x + 1;
        auto b = r.value().read();
        QVERIFY(b.ok());
        const double pct = host_cpu_percent(a.value(), b.value());
        QVERIFY2(pct > 0 && pct <= 100.0 * b.value().cpus + 0.01, qPrintable(QString::number(pct)));
    }
};

QTEST_GUILESS_MAIN(TstStatsHostReader)
#include "tst_stats_host_reader.moc"

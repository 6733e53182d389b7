// The dashboard's models under QAbstractItemModelTester (Fatal): HostOverviewModel (rows are
// the containers of the last frame, diffed; dataChanged only for cells that changed; totals
// and state counts; the history is aligned and bounded; a subscription's first frame has no
// host CPU point) and EventListModel (newest first, bounded, restarts by policy told apart
// from a person's start, exits seeded from the list once).
#include "gui/models/event_list_model.h"
#include "gui/models/host_overview_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QtNumeric>

using namespace onggi;
using namespace onggi::gui;

namespace {
QString hexId(char c) { return QString(64, QLatin1Char(c)); }

client::ContainerSummary summary(const QString& id, const QString& name, const QString& state,
                                 const QString& policy = QStringLiteral("no"))
{
    client::ContainerSummary s;
    s.id = id;
    s.name = name;
    s.state = state;
    s.restartPolicy = policy;
    return s;
}

client::Sample sample(const QString& id, double cpu, qint64 mem)
{
    client::Sample s;
    s.id = id;
    s.cpuPercent = cpu;
    s.memoryCurrent = mem;
    return s;
}

client::HostSample host(double cpu, qint64 used)
{
    client::HostSample h;
    h.valid = true;
    h.cpus = 2;
    h.cpuPercent = cpu;
    h.memoryTotal = qint64(8) << 30;
    h.memoryUsed = used;
    h.memoryAvailable = h.memoryTotal - used;
    return h;
}

client::Event makeEvent(const QString& id, const QString& action, const QString& time,
                        const QMap<QString, QString>& attributes = {})
{
    client::Event e;
    e.type = QStringLiteral("container");
    e.id = id;
    e.action = action;
    e.time = time;
    e.attributes = attributes;
    return e;
}
}  // namespace

class TstGuiOverviewModels : public QObject {
    Q_OBJECT
private slots:
    void hostOverviewRowsTotalsAndCounts()
    {
        HostOverviewModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setContainers({summary(hexId('a'), "web", "running"), summary(hexId('b'), "db", "running"),
                         summary(hexId('c'), "old", "exited"), summary(hexId('d'), "new", "created"),
                         summary(hexId('e'), "zz", "paused")});
        QCOMPARE(m.counts().running, 2);
        QCOMPARE(m.counts().exited, 1);
        QCOMPARE(m.counts().created, 1);
        QCOMPARE(m.counts().paused, 1);

        m.applyFrame(1000, host(0, 1 << 30), {sample(hexId('a'), 0, 10 << 20), sample(hexId('b'), 0, 20 << 20)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.cpus(), 2);
        QCOMPARE(m.memoryTotal(), qint64(8) << 30);
        QVERIFY(qIsNaN(m.hostHistory(HostOverviewModel::CpuMetric).at(0)));  // no rate yet

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.applyFrame(2000, host(150, 2 << 20), {sample(hexId('a'), 42.5, 10 << 20), sample(hexId('b'), 0, 20 << 20)});
        QCOMPARE(changed.count(), 1);  // only web's CPU moved
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m.index(m.rowOf(hexId('a')), HostOverviewModel::Cpu));
        QCOMPARE(m.index(m.rowOf(hexId('a')), HostOverviewModel::Cpu).data(HostOverviewModel::ValueRole).toDouble(),
                 42.5);
        QCOMPARE(m.index(m.rowOf(hexId('a')), HostOverviewModel::Name).data().toString(), QStringLiteral("web"));
        QCOMPARE(m.containersCpuPercent(), 42.5);
        QCOMPARE(m.containersMemory(), qint64(30) << 20);
        QCOMPARE(m.hostHistory(HostOverviewModel::CpuMetric).at(1), 150.0);
        QCOMPARE(m.top(HostOverviewModel::CpuMetric, 1), QStringList{hexId('a')});
        QCOMPARE(m.top(HostOverviewModel::MemoryMetric, 1), QStringList{hexId('b')});

        // Sorted through a proxy as the dashboard shows it: the busiest first.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&m);
        proxy.setSortRole(HostOverviewModel::SortRole);
        proxy.sort(HostOverviewModel::Cpu, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, HostOverviewModel::Name).data().toString(), QStringLiteral("web"));

        // db stops: its row goes, a new one comes; the history stays aligned.
        m.applyFrame(3000, host(80, 2 << 20), {sample(hexId('a'), 40, 10 << 20), sample(hexId('e'), 5, 1 << 20)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.rowOf(hexId('b')), -1);
        QVERIFY(m.rowOf(hexId('e')) >= 0);
        for (const auto& t : m.tracks()) {
            QCOMPARE(t.cpu.size(), m.times().size());
            QCOMPARE(t.memory.size(), m.times().size());
        }
        QCOMPARE(m.tracks().value(hexId('b')).cpu.last(), 0.0);
        QCOMPARE(m.tracks().value(hexId('e')).cpu.first(), 0.0);  // before it ran
    }

    void hostOverviewHistoryIsBounded()
    {
        HostOverviewModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setContainers({summary(hexId('a'), "web", "running"), summary(hexId('b'), "gone", "running")});
        m.setCapacity(10);
        m.applyFrame(0, host(0, 1), {sample(hexId('b'), 1, 1)});
        for (int i = 1; i <= 25; ++i) m.applyFrame(i * 1000, host(i, 1), {sample(hexId('a'), i, 1 << 20)});
        QCOMPARE(m.times().size(), 10);
        QCOMPARE(m.times().last(), qint64(25000));
        QCOMPARE(m.tracks().value(hexId('a')).cpu.last(), 25.0);
        QVERIFY(!m.tracks().contains(hexId('b')));  // not seen in the whole window: dropped
        m.setContainers({});                        // removed containers leave the history at once
        QVERIFY(m.tracks().isEmpty());
        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(m.times().isEmpty());
    }

    void eventsNewestFirstAndKinds()
    {
        EventListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setContainers({summary(hexId('a'), "loop", "running", QStringLiteral("on-failure")),
                         summary(hexId('b'), "web", "exited")});
        QVERIFY(m.addEvent(makeEvent(hexId('a'), "start", "2026-12-07T05:00:00.000Z")));
        QVERIFY(m.addEvent(makeEvent(hexId('a'), "oom", "2026-12-07T05:00:03.000Z")));
        QVERIFY(m.addEvent(makeEvent(hexId('a'), "die", "2026-12-07T05:00:03.100Z", {{"exit_code", "137"}})));
        QVERIFY(m.addEvent(makeEvent(hexId('a'), "start", "2026-12-07T05:00:03.300Z")));  // by policy
        QVERIFY(!m.addEvent(makeEvent(hexId('a'), "exec", "2026-12-07T05:00:04.000Z")));
        QVERIFY(m.addEvent(makeEvent(hexId('b'), "die", "2026-12-07T05:00:05.000Z", {{"exit_code", "0"}})));
        QVERIFY(m.addEvent(makeEvent(hexId('b'), "start", "2026-12-07T05:00:06.000Z")));  // no policy: a person
        QCOMPARE(m.rowCount(), 6);
        auto kind = [&](int row) { return m.index(row, 0).data(EventListModel::KindRole).toInt(); };
        QCOMPARE(kind(0), int(EventListModel::Start));
        QCOMPARE(kind(1), int(EventListModel::Exit));
        QCOMPARE(kind(2), int(EventListModel::Restart));
        QCOMPARE(kind(3), int(EventListModel::Failure));
        QCOMPARE(kind(4), int(EventListModel::Oom));
        QCOMPARE(m.index(3, EventListModel::What).data().toString(), QStringLiteral("Ended by SIGKILL (code 137)"));
        QCOMPARE(m.index(0, EventListModel::Container).data().toString(), QStringLiteral("web"));
        QCOMPARE(m.index(2, 0).data(EventListModel::IdRole).toString(), hexId('a'));
        QCOMPARE(m.count(EventListModel::Oom), 1);
        m.setCapacity(3);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(kind(0), int(EventListModel::Start));  // the newest stay
    }

    void eventsSeededFromRecentExitsOnce()
    {
        EventListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto exited = summary(hexId('a'), "batch", "exited");
        exited.exitCode = 3;
        exited.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs);
        auto killed = summary(hexId('b'), "hog", "exited");
        killed.exitCode = 137;
        killed.oomKilled = true;
        killed.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-30).toString(Qt::ISODateWithMs);
        auto ancient = summary(hexId('c'), "old", "exited");
        ancient.finishedAt = QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODateWithMs);
        m.setContainers({exited, killed, ancient});
        QCOMPARE(m.rowCount(), 3);  // hog's exit and OOM, batch's exit; not the one from two days ago
        QCOMPARE(m.index(0, EventListModel::Container).data().toString(), QStringLiteral("hog"));
        QCOMPARE(m.count(EventListModel::Oom), 1);
        QCOMPARE(m.index(2, EventListModel::What).data().toString(), QStringLiteral("Exited with code 3"));
        m.setContainers({exited, killed, ancient});
        QCOMPARE(m.rowCount(), 3);  // once
    }
};

QTEST_GUILESS_MAIN(TstGuiOverviewModels)
#include "tst_gui_overview_models.moc"

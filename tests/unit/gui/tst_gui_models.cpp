// Every GUI item model under QAbstractItemModelTester (Fatal), plus the behaviour the views
// rely on: diffs keep rows, dataChanged names exactly the changed cells, histories are bounded,
// (the stats history model has its own test: tst_stats_history_model).
#include "gui/models/container_list_model.h"
#include "gui/models/log_model.h"
#include "gui/models/process_list_model.h"
#include "gui/models/units.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace onggi::gui;

namespace {
QJsonObject summaryJson(const QString& id, const QString& name, const QString& state,
                        const QString& started = QStringLiteral("2026-11-23T08:00:00Z"))
{
    return QJsonObject{{"id", id},        {"short_id", id.left(12)}, {"name", name},          {"image", "busybox"},
                       {"command", "sh"}, {"state", state},          {"started_at", started}, {"exit_code", 0}};
}
onggi::client::ContainerSummary summary(const QString& id, const QString& name, const QString& state)
{
    return onggi::client::ContainerSummary::fromJson(summaryJson(id, name, state));
}
QString hexId(char c) { return QString(64, QLatin1Char(c)); }
onggi::client::Sample sample(const QString& id, double cpu, qint64 mem, qint64 pids = 1)
{
    return onggi::client::Sample::fromJson(QJsonObject{{"id", id},
                                                       {"cpu_percent", cpu},
                                                       {"memory_current", mem},
                                                       {"memory_limit", 64 << 20},
                                                       {"pids_current", pids},
                                                       {"pids_limit", 100}});
}
}  // namespace

class TstGuiModels : public QObject {
    Q_OBJECT
private slots:
    void containerListDiff()
    {
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setContainers({summary(hexId('a'), "web", "running"), summary(hexId('b'), "db", "created")});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(0, ContainerListModel::Name)).toString(), QStringLiteral("web"));
        QCOMPARE(m.data(m.index(1, ContainerListModel::Name), ContainerListModel::IdRole).toString(), hexId('b'));

        // A refresh with one removed, one added, one changed keeps the surviving row object.
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setContainers({summary(hexId('b'), "db", "running"), summary(hexId('c'), "cache", "running")});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.rowOf(hexId('b')), 0);
        QCOMPARE(m.rowOf(hexId('c')), 1);
        QCOMPARE(m.rowOf(hexId('a')), -1);
        bool stateCell = false;
        for (const auto& args : changed) {
            const auto tl = args.at(0).value<QModelIndex>();
            const auto br = args.at(1).value<QModelIndex>();
            QCOMPARE(tl, br);  // one cell per signal
            if (tl.row() == 0 && tl.column() == ContainerListModel::State) stateCell = true;
        }
        QVERIFY(stateCell);
        QCOMPARE(m.data(m.index(0, 0), ContainerListModel::StateRole).toString(), QStringLiteral("running"));

        // Same list again: nothing happens.
        changed.clear();
        m.setContainers({summary(hexId('b'), "db", "running"), summary(hexId('c'), "cache", "running")});
        QCOMPARE(changed.count(), 0);
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void containerListStats()
    {
        ContainerListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setContainers({summary(hexId('a'), "web", "running"), summary(hexId('b'), "db", "running")});
        QVERIFY(m.data(m.index(0, ContainerListModel::Cpu)).toString().isEmpty());
        m.applyStats({sample(hexId('a'), 42.0, 10 << 20), sample(hexId('b'), 1.0, 1 << 20)});
        QVERIFY(m.data(m.index(0, ContainerListModel::Cpu)).toString().contains(QStringLiteral("42")));
        QVERIFY(m.data(m.index(0, ContainerListModel::Memory)).toString().contains(QStringLiteral("MiB")));
        QCOMPARE(m.data(m.index(0, ContainerListModel::Memory), ContainerListModel::SortRole).toLongLong(),
                 qint64(10 << 20));

        // Only the CPU cell of row 0 changes.
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.applyStats(
            {sample(hexId('a'), 50.0, 10 << 20), sample(hexId('b'), 1.0, 1 << 20), sample(hexId('f'), 1.0, 1)});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m.index(0, ContainerListModel::Cpu));
        QVERIFY2(m.data(m.index(0, ContainerListModel::Cpu)).toString().contains(QStringLiteral("50")),
                 qPrintable(m.data(m.index(0, ContainerListModel::Cpu)).toString()));
        // Samples as the helper sends them: parsed from JSON text, first without rates.
        const auto frame = [&](const char* cpu) {
            const QJsonArray a =
                QJsonDocument::fromJson(
                    QByteArray("[{\"id\":\"") + hexId('b').toLatin1() + "\",\"cpu_percent\":" + cpu +
                    ",\"memory_current\":1048576,\"memory_limit\":0,\"pids_current\":1,\"pids_limit\":1024}]")
                    .array();
            return QList<onggi::client::Sample>{onggi::client::Sample::fromJson(a.at(0).toObject())};
        };
        m.applyStats(frame("0"));
        m.applyStats(frame("29.46"));
        QVERIFY2(m.data(m.index(1, ContainerListModel::Cpu)).toString().contains(QStringLiteral("29")),
                 qPrintable(m.data(m.index(1, ContainerListModel::Cpu)).toString()));

        // Sort by numeric role through a proxy, as the main window does.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&m);
        proxy.setSortRole(ContainerListModel::SortRole);
        proxy.sort(ContainerListModel::Cpu, Qt::DescendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, ContainerListModel::Name)).toString(), QStringLiteral("web"));
        proxy.sort(ContainerListModel::Cpu, Qt::AscendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, ContainerListModel::Name)).toString(), QStringLiteral("db"));
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterFixedString(QStringLiteral("db"));
        QCOMPARE(proxy.rowCount(), 1);

        // Uptime follows the clock.
        m.setNow(QDateTime::fromString(QStringLiteral("2026-11-23T08:05:07Z"), Qt::ISODate));
        QCOMPARE(m.data(m.index(0, ContainerListModel::Uptime), ContainerListModel::SortRole).toLongLong(), 307);
        QVERIFY(!m.data(m.index(0, ContainerListModel::Uptime)).toString().isEmpty());

        // An exited container shows no live figures and says why it exited.
        QJsonObject exited = summaryJson(hexId('a'), "web", "exited");
        exited["exit_code"] = 137;
        exited["oom_killed"] = true;
        m.setContainers({onggi::client::ContainerSummary::fromJson(exited), summary(hexId('b'), "db", "running")});
        QVERIFY(m.data(m.index(0, ContainerListModel::Cpu)).toString().isEmpty());
        // Short in the column (7 em at the default width), the code and the cause in the tooltip.
        QCOMPARE(m.data(m.index(0, ContainerListModel::State)).toString(), QStringLiteral("OOM killed"));
        QVERIFY(
            m.data(m.index(0, ContainerListModel::State), Qt::ToolTipRole).toString().contains(QStringLiteral("137")));
        QVERIFY(
            m.data(m.index(0, ContainerListModel::State), Qt::ToolTipRole).toString().contains(QStringLiteral("OOM")));
    }

    void processList()
    {
        ProcessListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        auto proc = [](int host, int pid, const char* cmd) {
            return onggi::client::ProcessInfo::fromJson(
                QJsonObject{{"host_pid", host}, {"pid", pid}, {"uid", 0}, {"state", "S"}, {"cmd", cmd}});
        };
        m.setProcesses({proc(4000, 1, "sh"), proc(4001, 7, "sleep 100")});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(0, ProcessListModel::HostPid)).toInt(), 4000);
        QCOMPARE(m.data(m.index(0, ProcessListModel::ContainerPid)).toInt(), 1);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setProcesses({proc(4000, 1, "sh"), proc(4002, 9, "top")});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(1, ProcessListModel::Command)).toString(), QStringLiteral("top"));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void logs()
    {
        LogModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m.setCapacity(3);
        using onggi::client::LogLine;
        m.setLines({LogLine::fromJson({{"t", "2026-11-23T08:00:00.1Z"}, {"stream", "stdout"}, {"line", "one\n"}})});
        for (int i = 0; i < 4; ++i)
            m.appendLine(LogLine::fromJson({{"t", "2026-11-23T08:00:01Z"},
                                            {"stream", i % 2 ? "stderr" : "stdout"},
                                            {"line", QString::number(i)}}));
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.data(m.index(0), LogModel::TextRole).toString(), QStringLiteral("1"));
        QCOMPARE(m.data(m.index(0), LogModel::StreamRole).toString(), QStringLiteral("stderr"));
        QVERIFY(m.data(m.index(0)).toString().contains(QStringLiteral("2026-11-23 08:00:01")));
        // A follower told of a rotation gap shows it as a line of its own, in its place.
        m.appendGap(123456);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.data(m.index(2), LogModel::StreamRole).toString(), QStringLiteral("gap"));
        QVERIFY(m.data(m.index(2), LogModel::TextRole).toString().contains(QStringLiteral("123456")));
        QVERIFY(m.data(m.index(2), Qt::ForegroundRole).isValid());
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void units()
    {
        QCOMPARE(Units::bytes(512), QStringLiteral("512 B"));
        QCOMPARE(Units::bytes(64 << 20), QStringLiteral("64.0 MiB"));
        QCOMPARE(Units::duration(3725), QStringLiteral("1h 2m"));
        QCOMPARE(Units::duration(59), QStringLiteral("59s"));
    }
};

QTEST_GUILESS_MAIN(TstGuiModels)
#include "tst_gui_models.moc"

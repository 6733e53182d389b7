// The protocol's shapes as the client reads and writes them, and docker-style sizes.
#include "client/byte_size.h"
#include "client/container_summary.h"
#include "client/create_options.h"
#include "client/exec_result.h"
#include "client/image_info.h"
#include "client/limits.h"
#include "client/process_info.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace onggi::client;

class TestClientTypes : public QObject {
    Q_OBJECT
private slots:
    void parseSize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");  // -1 = rejected
        QTest::newRow("64m") << "64m" << qint64(64) * 1024 * 1024;
        QTest::newRow("64M") << "64M" << qint64(64) * 1024 * 1024;
        QTest::newRow("64mb") << "64mb" << qint64(64) * 1024 * 1024;
        QTest::newRow("64MiB") << "64MiB" << qint64(64) * 1024 * 1024;
        QTest::newRow("1g") << "1g" << (qint64(1) << 30);
        QTest::newRow("1.5g") << "1.5g" << qint64(3) * (qint64(1) << 29);
        QTest::newRow("10k") << "10k" << qint64(10240);
        QTest::newRow("512") << "512" << qint64(512);
        QTest::newRow("512b") << "512b" << qint64(512);
        QTest::newRow("0") << "0" << qint64(0);
        QTest::newRow("2t") << "2t" << (qint64(2) << 40);
        QTest::newRow("space") << " 4k " << qint64(4096);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("letters") << "abc" << qint64(-1);
        QTest::newRow("negative") << "-1m" << qint64(-1);
        QTest::newRow("bad unit") << "12x" << qint64(-1);
        QTest::newRow("unit only") << "m" << qint64(-1);
        QTest::newRow("exponent") << "1e3" << qint64(-1);
        QTest::newRow("overflow") << "99999999p" << qint64(-1);
    }
    void parseSize()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const auto v = ByteSize::parse(text);
        if (bytes < 0) {
            QVERIFY2(!v, qPrintable(text));
        } else {
            QVERIFY2(v.has_value(), qPrintable(text));
            QCOMPARE(*v, bytes);
        }
    }

    void formatSize()
    {
        QCOMPARE(ByteSize::formatBinary(512), QStringLiteral("512B"));
        QCOMPARE(ByteSize::formatBinary(64.0 * 1024 * 1024), QStringLiteral("64MiB"));
        QCOMPARE(ByteSize::formatBinary(2048000), QStringLiteral("1.953MiB"));
        QCOMPARE(ByteSize::formatDecimal(4260000), QStringLiteral("4.26MB"));
        QCOMPARE(ByteSize::formatDecimal(1200), QStringLiteral("1.2kB"));
    }

    void limitsRoundTripOnlySetFields()
    {
        Limits l;
        QVERIFY(l.isEmpty());
        QVERIFY(l.toJson().isEmpty());
        l.memory = 64 << 20;
        l.cpus = 0.5;
        l.pids = 0;
        const QJsonObject o = l.toJson();
        QCOMPARE(o.size(), 3);
        QCOMPARE(o.value("memory").toInteger(), qint64(64 << 20));
        QCOMPARE(o.value("cpus").toDouble(), 0.5);
        QCOMPARE(o.value("pids").toInteger(), qint64(0));
        const Limits back = Limits::fromJson(o);
        QCOMPARE(*back.memory, qint64(64 << 20));
        QCOMPARE(*back.cpus, 0.5);
        QVERIFY(!back.memoryHigh);
        QVERIFY(!back.io);
        // Big values stay exact (no double rounding).
        const Limits big = Limits::fromJson(QJsonDocument::fromJson(R"({"memory":9007199254740993})").object());
        QCOMPARE(*big.memory, qint64(9007199254740993LL));
    }

    void containerSummaryFromProtocolExample()
    {
        const QByteArray json = R"({"id":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
          "short_id":"0123456789ab","name":"web","image":"busybox","command":"sh -c echo hi",
          "state":"exited","created":"2026-11-23T08:00:00Z","started_at":"","finished_at":"",
          "exit_code":137,"oom_killed":true,"pid":0,"owner_uid":1000,"restart_policy":"no",
          "restart_count":2,"limits":{"memory":67108864,"pids":100}})";
        const ContainerSummary c = ContainerSummary::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(c.shortId, QStringLiteral("0123456789ab"));
        QCOMPARE(c.name, QStringLiteral("web"));
        QCOMPARE(c.exitCode, 137);
        QVERIFY(c.oomKilled);
        QVERIFY(!c.isRunning());
        QCOMPARE(c.ownerUid, 1000);
        QCOMPARE(c.restartCount, 2);
        QCOMPARE(*c.limits.memory, qint64(67108864));
        QCOMPARE(*c.limits.pids, qint64(100));
        QVERIFY(!c.limits.cpus);
    }

    void createOptionsJson()
    {
        CreateOptions o;
        o.image = QStringLiteral("busybox");
        QCOMPARE(o.toJson(), (QJsonObject{{"image", "busybox"}}));
        o.name = QStringLiteral("web");
        o.cmd = QStringList{"sh", "-c", "echo hi"};
        o.env = QStringList{"A=B"};
        o.autoRemove = true;
        o.limits.memory = 1 << 20;
        o.namespaces.network = QStringLiteral("none");
        o.volumes.append(VolumeSpec{"/src", "/data", true});
        o.security.capDrop = QStringList{"NET_RAW"};
        o.security.seccomp = QStringLiteral("unconfined");
        const QJsonObject j = o.toJson();
        QCOMPARE(j.value("cmd").toArray().size(), 3);
        QCOMPARE(j.value("auto_remove").toBool(), true);
        QCOMPARE(j.value("limits").toObject().value("memory").toInt(), 1 << 20);
        QCOMPARE(j.value("namespaces").toObject(), (QJsonObject{{"network", "none"}}));
        QCOMPARE(j.value("volumes").toArray().at(0).toObject().value("readonly").toBool(), true);
        QCOMPARE(j.value("security").toObject().value("cap_drop").toArray().at(0).toString(),
                 QStringLiteral("NET_RAW"));
        QVERIFY(!j.contains("tty"));
        QVERIFY(!j.contains("restart"));
    }

    void otherShapes()
    {
        const ImageInfo i = ImageInfo::fromJson(
            QJsonDocument::fromJson(
                R"({"id":"sha256:ab","name":"busybox","tag":"latest","size":1234567,"builtin":true,"layers":["sha256:cd"]})")
                .object());
        QCOMPARE(i.size, 1234567);
        QVERIFY(i.builtin);
        QCOMPARE(i.layers, QStringList{"sha256:cd"});
        const ProcessInfo p = ProcessInfo::fromJson(
            QJsonDocument::fromJson(R"({"host_pid":1234,"pid":1,"uid":0,"state":"S","cmd":"sh"})").object());
        QCOMPARE(p.hostPid, 1234);
        QCOMPARE(p.cmd, QStringLiteral("sh"));
        const ExecResult e = ExecResult::fromJson(
            QJsonDocument::fromJson(R"({"exit_code":3,"stdout":"out\n","stderr":"","truncated":true})").object());
        QCOMPARE(e.exitCode, 3);
        QCOMPARE(e.stdoutData, QByteArray("out\n"));
        QVERIFY(e.truncated);
    }
};

QTEST_GUILESS_MAIN(TestClientTypes)
#include "tst_client_types.moc"

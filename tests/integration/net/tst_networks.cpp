// Networks against a REAL onggi-helper and real containers, every bit of it inside network
// namespaces this test makes (never the host's): bridges, veth pairs, addresses, NAT and
// published ports, names between containers, cleanup at stop and after a helper kill -9,
// and bad input that must change nothing.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Out {
    int code = -1;
    QString out, err;
};

QString findExe(const char* name)
{
    for (const char* d : {"/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/"})
        if (QFile::exists(QString::fromLatin1(d) + QString::fromLatin1(name)))
            return QString::fromLatin1(d) + QString::fromLatin1(name);
    return {};
}

QString bin(const QString& rel) { return QStringLiteral(ONGGI_BINARY_DIR "/") + rel; }

Out runProc(const QString& prog, const QStringList& args, int timeoutMs = 60000)
{
    Out o;
    QProcess p;
    p.start(prog, args);
    if (!p.waitForStarted(10000)) return o;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    o.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.out = QString::fromUtf8(p.readAllStandardOutput());
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}

// A process holding a new network namespace (sleep), with lo up.
struct Netns {
    QProcess holder;
    QString path() const { return QStringLiteral("/proc/%1/ns/net").arg(holder.processId()); }
    bool start()
    {
        holder.start(QStringLiteral("unshare"), {QStringLiteral("--net"), QStringLiteral("--"), QStringLiteral("sleep"),
                                                 QStringLiteral("100000")});
        if (!holder.waitForStarted(5000)) return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000) {
            // The raw link text ("net:[4026531833]"): QFile::symLinkTarget would make it a path.
            auto ns = [](const QString& p) {
                char buf[64] = {};
                const ssize_t n = ::readlink(QFile::encodeName(p).constData(), buf, sizeof buf - 1);
                return n > 0 ? QString::fromLatin1(buf, int(n)) : QString();
            };
            const QString mine = ns(QStringLiteral("/proc/self/ns/net")), its = ns(path());
            if (!its.isEmpty() && !mine.isEmpty() && its != mine)
                return in({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                           QStringLiteral("up")})
                           .code == 0;
            QThread::msleep(10);
        }
        return false;
    }
    // A command inside this namespace.
    Out in(const QStringList& cmd, int timeoutMs = 60000) const
    {
        return runProc(QStringLiteral("nsenter"),
                       QStringList{QStringLiteral("--net=") + path(), QStringLiteral("--")} + cmd, timeoutMs);
    }
    ~Netns()
    {
        if (holder.state() == QProcess::Running) {
            ::kill(pid_t(holder.processId()), SIGKILL);
            holder.waitForFinished(5000);
        }
    }
};

}  // namespace

class TstNetworks : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    Netns ns_, upstream_;
    QProcess helper_;
    QString sock_, cg_;

    bool startHelper()
    {
        sock_ = dir_.filePath(QStringLiteral("h.sock"));
        helper_.setProcessChannelMode(QProcess::MergedChannels);
        helper_.setStandardOutputFile(dir_.filePath(QStringLiteral("helper.log")), QIODevice::Append);
        helper_.start(
            QStringLiteral("nsenter"),
            {QStringLiteral("--net=") + ns_.path(), QStringLiteral("--"), bin(QStringLiteral("helper/onggi-helper")),
             QStringLiteral("--socket"), sock_, QStringLiteral("--state-dir"), dir_.filePath(QStringLiteral("state")),
             QStringLiteral("--run-dir"), dir_.filePath(QStringLiteral("run")), QStringLiteral("--cgroup-parent"), cg_,
             QStringLiteral("--shim"), bin(QStringLiteral("bin/onggi-shim")), QStringLiteral("--default-network"),
             QStringLiteral("onggi"), QStringLiteral("--default-subnet"), QStringLiteral("10.88.0.0/24")});
        if (!helper_.waitForStarted(5000)) return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (helper_.state() != QProcess::Running) return false;
            QLocalSocket s;
            s.connectToServer(sock_);
            if (s.waitForConnected(200)) return true;
            QThread::msleep(20);
        }
        return false;
    }
    QString helperLog() const
    {
        QFile f(dir_.filePath(QStringLiteral("helper.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(3000)) : QString();
    }
    Out ctl(const QStringList& args, int timeoutMs = 60000) const
    {
        return runProc(bin(QStringLiteral("cli/onggictl")), QStringList{QStringLiteral("--host"), sock_} + args,
                       timeoutMs);
    }
    // One JSON-RPC call on a fresh connection (hello first): the error object, or {} on success.
    QJsonObject rpcError(const QString& method, const QJsonObject& params) const
    {
        QLocalSocket s;
        s.connectToServer(sock_);
        if (!s.waitForConnected(3000)) return {{QStringLiteral("message"), QStringLiteral("no connection")}};
        auto call = [&](int id, const QString& m, const QJsonObject& p) -> QJsonObject {
            QJsonObject req{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("method"), m},
                            {QStringLiteral("params"), p}};
            s.write(QJsonDocument(req).toJson(QJsonDocument::Compact) + '\n');
            s.flush();
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 30000) {
                while (s.canReadLine()) {
                    const QJsonObject r = QJsonDocument::fromJson(s.readLine()).object();
                    if (r.value(QStringLiteral("id")).toInt() == id) return r;
                }
                s.waitForReadyRead(100);
            }
            return {{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("timeout")}}}};
        };
        call(1, QStringLiteral("hello"),
             {{QStringLiteral("client"), QStringLiteral("tst_networks")}, {QStringLiteral("protocol"), 1}});
        return call(2, method, params).value(QStringLiteral("error")).toObject();
    }
    // The names of the links in the helper's namespace ("lo onggi0 veth...").
    QString links() const
    {
        QStringList names;
        const QStringList lines = ns_.in({QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("link")})
                                      .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& l : lines) names << l.section(QLatin1String(": "), 1, 1).section(QLatin1Char('@'), 0, 0);
        return names.join(QLatin1Char(' '));
    }
    QString rules() const
    {
        return ns_
            .in({QStringLiteral("nft"), QStringLiteral("list"), QStringLiteral("table"), QStringLiteral("inet"),
                 QStringLiteral("onggi")})
            .out;
    }
    QStringList leases(const QString& net = QStringLiteral("onggi")) const
    {
        return QDir(dir_.filePath(QStringLiteral("state/networks/") + net + QStringLiteral(".leases")))
            .entryList(QDir::Files);
    }
    QJsonObject inspect(const QString& name) const
    {
        const QJsonDocument d = QJsonDocument::fromJson(ctl({QStringLiteral("inspect"), name}).out.toUtf8());
        return d.isArray() ? d.array().at(0).toObject() : d.object();
    }
    QString ipOf(const QString& name, const QString& net = QStringLiteral("onggi")) const
    {
        return inspect(name)
            .value(QStringLiteral("network"))
            .toObject()
            .value(QStringLiteral("networks"))
            .toObject()
            .value(net)
            .toObject()
            .value(QStringLiteral("ip"))
            .toString();
    }
    QString shortId(const QString& name) const
    {
        return inspect(name)
            .value(QStringLiteral("container"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString()
            .left(12);
    }
    // HTTP GET from the test's namespace (curl), the body.
    Out get(const QString& url) const
    {
        return ns_.in({QStringLiteral("curl"), QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("5"), url});
    }
    // A container serving its /etc over HTTP on port 80 (busybox httpd).
    Out web(const QStringList& extra, const QString& name)
    {
        return ctl(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name} + extra +
                   QStringList{QStringLiteral("busybox"), QStringLiteral("httpd"), QStringLiteral("-f"),
                               QStringLiteral("-p"), QStringLiteral("80"), QStringLiteral("-h"),
                               QStringLiteral("/etc")});
    }
    // HTTP GET from inside a container with busybox nc (busybox-static's wget crashes).
    Out getIn(const QString& container, const QString& host, const QString& path, int port = 80) const
    {
        return ctl({QStringLiteral("exec"), container, QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("printf 'GET %1 HTTP/1.0\\r\\n\\r\\n' | nc -w 3 %2 %3").arg(path, host).arg(port)});
    }
    // The container's /etc/hostname over HTTP answers (httpd needs a moment to listen).
    bool answers(const QString& url, const QString& expect)
    {
        for (int i = 0; i < 150; ++i) {
            if (get(url).out.contains(expect)) return true;
            QThread::msleep(100);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("needs root: real containers and network namespaces");
        for (const char* b : {"helper/onggi-helper", "cli/onggictl", "bin/onggi-shim"})
            if (!QFile::exists(bin(QString::fromLatin1(b)))) QSKIP("onggi binaries not built");
        if (findExe("curl").isEmpty() || findExe("nft").isEmpty()) QSKIP("needs curl and nft");
        QVERIFY(dir_.isValid());
        ::chmod(dir_.path().toLocal8Bit().constData(), 0755);
        cg_ = QStringLiteral("/onggi-test-net-%1").arg(::getpid());
        QVERIFY2(ns_.start(), "cannot make a network namespace");
        QVERIFY(ns_.path() != QStringLiteral("/proc/self/ns/net"));
        QVERIFY2(startHelper(), qPrintable(helperLog()));
    }

    void cleanupTestCase()
    {
        if (helper_.state() == QProcess::Running) {
            const QStringList ids =
                ctl({QStringLiteral("ps"), QStringLiteral("-aq")}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (!ids.isEmpty()) ctl(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids);
            ::kill(pid_t(helper_.processId()), SIGTERM);
            helper_.waitForFinished(10000);
        }
        // Our cgroup parent, in every hierarchy (rmdir only succeeds when empty).
        for (const QString& h : QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QDir().rmdir(QStringLiteral("/sys/fs/cgroup/") + h + cg_);
        QDir().rmdir(QStringLiteral("/sys/fs/cgroup") + cg_);
    }

    // --network none: only lo. The default network: eth0 with an address of 10.88.0.0/24 and a
    // default route through the bridge.
    void noneHasOnlyLoopback()
    {
        Out r = ctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), QStringLiteral("none"),
                     QStringLiteral("busybox"), QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("link")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.contains(QLatin1String(": lo:")));
        r = ctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("busybox"), QStringLiteral("sh"),
                 QStringLiteral("-c"), QStringLiteral("ip -o -4 addr show eth0; ip route")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("eth0\\s+inet 10\\.88\\.0\\.\\d+/24"))),
                 qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("default via 10.88.0.1 dev eth0")), qPrintable(r.out));
    }

    // Two containers on one user-defined network reach each other by name and by address; a
    // container on another network reaches neither.
    void namesOnOneNetworkIsolationBetweenTwo()
    {
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                      QStringLiteral("10.91.0.0/24"), QStringLiteral("front")})
                     .code,
                 0);
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                      QStringLiteral("10.92.0.0/24"), QStringLiteral("back")})
                     .code,
                 0);
        QCOMPARE(web({QStringLiteral("--network"), QStringLiteral("front"), QStringLiteral("--hostname"),
                      QStringLiteral("alpha")},
                     QStringLiteral("a1"))
                     .code,
                 0);
        Out b = ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("b1"),
                     QStringLiteral("--network"), QStringLiteral("front"), QStringLiteral("busybox"),
                     QStringLiteral("sleep"), QStringLiteral("300")});
        QCOMPARE(b.code, 0);
        Out c = ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("c1"),
                     QStringLiteral("--network"), QStringLiteral("back"), QStringLiteral("busybox"),
                     QStringLiteral("sleep"), QStringLiteral("300")});
        QCOMPARE(c.code, 0);
        const QString ipA = ipOf(QStringLiteral("a1"), QStringLiteral("front"));
        QVERIFY2(ipA.startsWith(QLatin1String("10.91.0.")), qPrintable(ipA));
        Out byName, byIp;
        for (int i = 0; i < 50; ++i) {
            byName = getIn(QStringLiteral("b1"), QStringLiteral("a1"), QStringLiteral("/hostname"));
            if (byName.out.contains(QLatin1String("alpha"))) break;
            QThread::msleep(100);
        }
        QVERIFY2(byName.out.contains(QLatin1String("alpha")), qPrintable(byName.out + byName.err));
        byIp = getIn(QStringLiteral("b1"), ipA, QStringLiteral("/hostname"));
        QVERIFY2(byIp.out.contains(QLatin1String("alpha")), qPrintable(byIp.out + byIp.err));
        // That traffic stayed on the bridge and was not tracked (where br_netfilter hands bridged
        // IPv4 to the inet hooks, conntrack is most of the bridge's cost: bench/net).
        const QString ipB = ipOf(QStringLiteral("b1"), QStringLiteral("front"));
        if (ns_.in({QStringLiteral("cat"), QStringLiteral("/proc/sys/net/bridge/bridge-nf-call-iptables")})
                .out.trimmed() == QLatin1String("1")) {
            const QString ct = ns_.in({QStringLiteral("cat"), QStringLiteral("/proc/net/nf_conntrack")}).out;
            QVERIFY2(!ct.contains(QStringLiteral("src=%1 dst=%2 ").arg(ipB, ipA)), qPrintable(ct));
        }
        // b1's /etc/hosts names a1 (kept up to date by the helper).
        Out hosts =
            ctl({QStringLiteral("exec"), QStringLiteral("b1"), QStringLiteral("cat"), QStringLiteral("/etc/hosts")});
        QVERIFY2(hosts.out.contains(ipA + QLatin1String("\ta1")), qPrintable(hosts.out));
        // From the other network: neither the address nor the name.
        Out fromC = getIn(QStringLiteral("c1"), ipA, QStringLiteral("/hostname"));
        QVERIFY2(!fromC.out.contains(QLatin1String("alpha")), qPrintable(fromC.out));
        Out nameC =
            ctl({QStringLiteral("exec"), QStringLiteral("c1"), QStringLiteral("cat"), QStringLiteral("/etc/hosts")});
        QVERIFY2(!nameC.out.contains(QLatin1String("\ta1 ")), qPrintable(nameC.out));
        // b1 stops: a1's hosts file loses its line, rewritten in place and cut to size (no
        // padding left, no piece of the old text).
        QCOMPARE(ctl({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("b1")}).code,
                 0);
        const QString aHosts =
            ctl({QStringLiteral("exec"), QStringLiteral("a1"), QStringLiteral("cat"), QStringLiteral("/etc/hosts")})
                .out;
        QVERIFY2(!aHosts.contains(QLatin1String("b1")) && aHosts.contains(QLatin1String("alpha")), qPrintable(aHosts));
        QVERIFY2(aHosts.endsWith(QLatin1Char('\n')) && !aHosts.endsWith(QLatin1String("\n\n")), qPrintable(aHosts));
        // In use: the network cannot go.
        Out rm = ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("front")});
        QVERIFY(rm.code != 0);
        QVERIFY2(rm.err.contains(QLatin1String("a1")), qPrintable(rm.err));
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("a1"), QStringLiteral("b1"),
                      QStringLiteral("c1")})
                     .code,
                 0);
        QVERIFY(leases(QStringLiteral("front")).isEmpty());
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("front"), QStringLiteral("back")})
                     .code,
                 0);
        QVERIFY2(!links().contains(QLatin1String("onggi-")), qPrintable(links()));
    }

    // The other containers of a user-defined network learn a new container's name while its shim
    // makes it (NetworkManager::announce), not after: when `run -d` returns, their hosts files
    // name it already, on disk and as seen inside. A start that fails takes the name back.
    void peersKnowANameWhenItsStartIsAnswered()
    {
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                      QStringLiteral("10.93.0.0/24"), QStringLiteral("names")})
                     .code,
                 0);
        auto run = [this](const QString& name, const QStringList& cmd) {
            return ctl(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name,
                                   QStringLiteral("--network"), QStringLiteral("names"), QStringLiteral("busybox")} +
                       cmd);
        };
        QCOMPARE(run(QStringLiteral("p1"), {QStringLiteral("sleep"), QStringLiteral("300")}).code, 0);
        const QString p1 = inspect(QStringLiteral("p1"))
                               .value(QStringLiteral("container"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        QFile hosts(dir_.filePath(QStringLiteral("state/containers/") + p1 + QStringLiteral("/hosts")));
        auto read = [&hosts] {
            if (!hosts.open(QIODevice::ReadOnly)) return QString();
            const QString t = QString::fromUtf8(hosts.readAll());
            hosts.close();
            return t;
        };
        for (int i = 2; i <= 4; ++i) {
            const QString name = QStringLiteral("p%1").arg(i);
            QCOMPARE(run(name, {QStringLiteral("sleep"), QStringLiteral("300")}).code, 0);
            const QString now = read();  // at once: no retry
            const QString line = ipOf(name, QStringLiteral("names")) + QLatin1Char('\t') + name + QLatin1Char(' ');
            QVERIFY2(now.contains(line), qPrintable(name + QStringLiteral(": ") + now));
        }
        const QString inside =
            ctl({QStringLiteral("exec"), QStringLiteral("p1"), QStringLiteral("cat"), QStringLiteral("/etc/hosts")})
                .out;
        QVERIFY2(inside.contains(QLatin1String("\tp4 ")), qPrintable(inside));
        // The shim is launched (and the name announced), then the start fails: the name goes.
        Out bad = run(QStringLiteral("p5"), {QStringLiteral("/no/such/program")});
        QVERIFY2(bad.code != 0, qPrintable(bad.out + bad.err));
        const QString after = read();
        QVERIFY2(!after.contains(QLatin1String("p5")) && after.contains(QLatin1String("\tp4 ")), qPrintable(after));
        QCOMPARE(leases(QStringLiteral("names")).size(), 4);
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("p1"), QStringLiteral("p2"),
                      QStringLiteral("p3"), QStringLiteral("p4"), QStringLiteral("p5")})
                     .code,
                 0);
        QVERIFY(leases(QStringLiteral("names")).isEmpty());
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("names")}).code, 0);
    }

    // A start or a stop on the default network rewrites no other container's hosts file (names
    // are shared only on user-defined networks, as docker): with 50 containers running, each
    // start and stop rewrote 50 unchanged files (bench/net: 15.5 ms per start).
    void defaultNetworkLeavesOthersHostsAlone()
    {
        QCOMPARE(ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("h1"),
                      QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("300")})
                     .code,
                 0);
        const QString id = inspect(QStringLiteral("h1"))
                               .value(QStringLiteral("container"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QByteArray hosts =
            QFile::encodeName(dir_.filePath(QStringLiteral("state/containers/") + id + QStringLiteral("/hosts")));
        struct stat before {
        }, after{};
        QVERIFY2(::stat(hosts.constData(), &before) == 0, hosts.constData());
        QThread::msleep(20);
        QCOMPARE(ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("h2"),
                      QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("300")})
                     .code,
                 0);
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("h2")}).code, 0);
        QCOMPARE(::stat(hosts.constData(), &after), 0);
        QCOMPARE(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
        QCOMPARE(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("h1")}).code, 0);
    }

    // A published TCP port answers on 127.0.0.1 and on the bridge's address; the same
    // container port published twice answers on both host ports; a UDP port delivers.
    void publishedPorts()
    {
        QCOMPARE(web({QStringLiteral("-p"), QStringLiteral("18080:80"), QStringLiteral("-p"),
                      QStringLiteral("18081:80"), QStringLiteral("--hostname"), QStringLiteral("webby")},
                     QStringLiteral("w1"))
                     .code,
                 0);
        QVERIFY2(
            answers(QStringLiteral("http://127.0.0.1:18080/hostname"), QStringLiteral("webby")),
            qPrintable(
                ns_.in({QStringLiteral("curl"), QStringLiteral("-sv"), QStringLiteral("-m"), QStringLiteral("3"),
                        QStringLiteral("http://127.0.0.1:18080/hostname")})
                    .err +
                ns_.in({QStringLiteral("ip"), QStringLiteral("neigh")}).out +
                ns_.in({QStringLiteral("ip"), QStringLiteral("-br"), QStringLiteral("addr")}).out +
                ctl({QStringLiteral("exec"), QStringLiteral("w1"), QStringLiteral("ip"), QStringLiteral("addr")}).out +
                get(QStringLiteral("http://10.88.0.1:18080/hostname")).out + "|" +
                get(QStringLiteral("http://") + ipOf(QStringLiteral("w1")) + QStringLiteral("/hostname")).out));
        QVERIFY(answers(QStringLiteral("http://10.88.0.1:18080/hostname"), QStringLiteral("webby")));
        QVERIFY(answers(QStringLiteral("http://127.0.0.1:18081/hostname"), QStringLiteral("webby")));
        // UDP: a datagram to the host port reaches the container's listener.
        Out u = ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("u1"),
                     QStringLiteral("-p"), QStringLiteral("15353:5353/udp"), QStringLiteral("-v"),
                     QStringLiteral(ONGGI_UDP_SINK ":/udp_sink:ro"), QStringLiteral("busybox"),
                     QStringLiteral("/udp_sink"), QStringLiteral("5353")});
        QVERIFY2(u.code == 0, qPrintable(u.err + u.out));
        bool got = false;
        for (int i = 0; i < 50 && !got; ++i) {
            ns_.in({QStringLiteral("bash"), QStringLiteral("-c"),
                    QStringLiteral("echo datagram > /dev/udp/127.0.0.1/15353")});
            QThread::msleep(100);
            got = ctl({QStringLiteral("logs"), QStringLiteral("u1")}).out.contains(QLatin1String("got: datagram"));
        }
        QVERIFY2(got, qPrintable(rules()));
        // Hairpin: another container of the network reaches w1 through the published port on the
        // gateway's address (tracked and NATed, unlike container-to-container traffic).
        Out hp = getIn(QStringLiteral("u1"), QStringLiteral("10.88.0.1"), QStringLiteral("/hostname"), 18080);
        QVERIFY2(hp.out.contains(QLatin1String("webby")), qPrintable(hp.out + hp.err + rules()));
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("u1")}).code, 0);
    }

    // A host port in use: a clear error, and nothing of the second container is left (no veth,
    // no lease, no rule); the first one still answers.
    void hostPortInUse()
    {
        const QStringList before = leases();
        Out r = web({QStringLiteral("-p"), QStringLiteral("18080:80")}, QStringLiteral("w2"));
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QLatin1String("18080/tcp is already in use")), qPrintable(r.err));
        const QString id = shortId(QStringLiteral("w2"));
        QVERIFY(!id.isEmpty());
        QVERIFY(!links().contains(QLatin1String("veth") + id.left(10)));
        QCOMPARE(leases(), before);
        QVERIFY(!rules().contains(id));
        QVERIFY(answers(QStringLiteral("http://127.0.0.1:18080/hostname"), QStringLiteral("webby")));
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("w2")}).code, 0);
    }

    // Stop: the veth, the rules and the lease of the container go.
    void stopRemovesEverything()
    {
        const QString id = shortId(QStringLiteral("w1"));
        QVERIFY(links().contains(QLatin1String("veth") + id.left(10)));
        QVERIFY(rules().contains(id));
        QCOMPARE(leases().size(), 1);
        QCOMPARE(ctl({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("w1")}).code,
                 0);
        // The host end is deleted off the helper's main thread (or by the kernel with the namespace).
        QTRY_VERIFY_WITH_TIMEOUT(!links().contains(QLatin1String("veth") + id.left(10)), 5000);
        QVERIFY(!rules().contains(id));
        QVERIFY(leases().isEmpty());
        QVERIFY(get(QStringLiteral("http://127.0.0.1:18080/hostname")).code != 0);
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("w1")}).code, 0);
    }

    // Outbound NAT: a container reaches a server in an "upstream" namespace that has no route back
    // to the containers' subnet: only masquerading makes the answer come back.
    void outboundNat()
    {
        QVERIFY(upstream_.start());
        QCOMPARE(ns_.in({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("up0"),
                         QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
                         QStringLiteral("up1"), QStringLiteral("netns"), QString::number(upstream_.holder.processId())})
                     .code,
                 0);
        QCOMPARE(ns_.in({QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
                         QStringLiteral("192.168.77.1/24"), QStringLiteral("dev"), QStringLiteral("up0")})
                     .code,
                 0);
        QCOMPARE(ns_.in({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("up0"),
                         QStringLiteral("up")})
                     .code,
                 0);
        QCOMPARE(upstream_
                     .in({QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
                          QStringLiteral("192.168.77.2/24"), QStringLiteral("dev"), QStringLiteral("up1")})
                     .code,
                 0);
        QCOMPARE(upstream_
                     .in({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("up1"),
                          QStringLiteral("up")})
                     .code,
                 0);
        QVERIFY(!upstream_.in({QStringLiteral("ip"), QStringLiteral("route")}).out.contains(QLatin1String("10.88.")));
        // The upstream server: a container of the helper would live in the helper's namespace, so
        // a plain busybox httpd of the host's runs in the upstream namespace.
        QDir(dir_.path()).mkpath(QStringLiteral("www"));
        QFile f(dir_.filePath(QStringLiteral("www/hello")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("from upstream\n");
        f.close();
        QProcess server;
        server.start(QStringLiteral("nsenter"),
                     {QStringLiteral("--net=") + upstream_.path(), QStringLiteral("--"), QStringLiteral("busybox"),
                      QStringLiteral("httpd"), QStringLiteral("-f"), QStringLiteral("-p"), QStringLiteral("9000"),
                      QStringLiteral("-h"), dir_.filePath(QStringLiteral("www"))});
        QVERIFY(server.waitForStarted(5000));
        Out r;
        for (int i = 0; i < 30; ++i) {
            r = ctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"),
                     QStringLiteral("printf 'GET /hello HTTP/1.0\\r\\n\\r\\n' | nc -w 3 192.168.77.2 9000")});
            if (r.out.contains(QLatin1String("from upstream"))) break;
            QThread::msleep(100);
        }
        ::kill(pid_t(server.processId()), SIGTERM);
        server.waitForFinished(5000);
        QVERIFY2(r.out.contains(QLatin1String("from upstream")), qPrintable(r.out + r.err + rules()));
    }

    // kill -9 of the helper: at the next start the rules are rebuilt once (one DNAT rule, not two),
    // the port still answers, and a container that stopped meanwhile leaves nothing behind.
    // network connect / disconnect on a running container, seen from the kernel: the interface
    // appears inside (its namespace's /proc/net/dev), answers on its new address from the
    // helper's namespace, and goes again with its host end and its lease.
    void connectDisconnectRunning()
    {
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                      QStringLiteral("10.93.0.0/24"), QStringLiteral("side")})
                     .code,
                 0);
        QCOMPARE(ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("cd1"),
                      QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("300")})
                     .code,
                 0);
        const QString id = shortId(QStringLiteral("cd1"));
        auto devs = [&] {
            return ctl({QStringLiteral("exec"), QStringLiteral("cd1"), QStringLiteral("cat"),
                        QStringLiteral("/proc/net/dev")})
                .out;
        };
        QVERIFY2(devs().contains(QLatin1String("eth0:")) && !devs().contains(QLatin1String("eth1:")),
                 qPrintable(devs()));

        Out c =
            ctl({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("side"), QStringLiteral("cd1")});
        QVERIFY2(c.code == 0, qPrintable(c.err));
        QVERIFY2(devs().contains(QLatin1String("eth1:")), qPrintable(devs()));
        const QString ip = ipOf(QStringLiteral("cd1"), QStringLiteral("side"));
        QVERIFY2(ip.startsWith(QLatin1String("10.93.0.")), qPrintable(ip));
        QCOMPARE(leases(QStringLiteral("side")), QStringList{ip});
        QVERIFY(links().contains(QLatin1String("veth") + id.left(10) + QLatin1Char('1')));
        Out ping = ns_.in({QStringLiteral("busybox"), QStringLiteral("ping"), QStringLiteral("-c"), QStringLiteral("1"),
                           QStringLiteral("-W"), QStringLiteral("3"), ip});
        QVERIFY2(ping.code == 0, qPrintable(ping.out + ping.err));
        // Twice: already on it.
        QVERIFY(
            ctl({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("side"), QStringLiteral("cd1")})
                .code != 0);

        Out d = ctl(
            {QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("side"), QStringLiteral("cd1")});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        QVERIFY2(!devs().contains(QLatin1String("eth1:")), qPrintable(devs()));
        QVERIFY2(devs().contains(QLatin1String("eth0:")), qPrintable(devs()));
        QVERIFY(!links().contains(QLatin1String("veth") + id.left(10) + QLatin1Char('1')));
        QVERIFY(leases(QStringLiteral("side")).isEmpty());
        QVERIFY(ns_.in({QStringLiteral("busybox"), QStringLiteral("ping"), QStringLiteral("-c"), QStringLiteral("1"),
                        QStringLiteral("-W"), QStringLiteral("1"), ip})
                    .code != 0);
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("cd1")}).code, 0);
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("side")}).code, 0);
    }

    // The helper's record of a container's networks (run/net/<id>.json) is saved BEFORE the
    // kernel changes: when it cannot be saved (here: the name of the helper's temp file, beside
    // it, is taken by a directory, so the write fails), connect and disconnect fail with the
    // cause and change nothing: no interface, lease or address appears or goes. (Before: the
    // save's failure was discarded and the change made anyway, so a restarted helper lost the
    // interface and its lease.)
    void connectDisconnectRefusedWhenTheStateCannotBeSaved()
    {
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                      QStringLiteral("10.94.0.0/24"), QStringLiteral("side2")})
                     .code,
                 0);
        QCOMPARE(ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("cs1"),
                      QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("300")})
                     .code,
                 0);
        const QString full = inspect(QStringLiteral("cs1"))
                                 .value(QStringLiteral("container"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        QCOMPARE(full.size(), 64);
        const QString state = dir_.filePath(QStringLiteral("run/net/") + full + QStringLiteral(".json"));
        auto devs = [&] {
            return ctl({QStringLiteral("exec"), QStringLiteral("cs1"), QStringLiteral("cat"),
                        QStringLiteral("/proc/net/dev")})
                .out;
        };
        const QString veth = QStringLiteral("veth") + full.left(10) + QLatin1Char('1');
        auto readState = [&] {
            QFile f(state);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        // write_file_atomic writes <file>.tmp.<pid> first (nsenter execs the helper: same pid).
        const QString tmp = state + QStringLiteral(".tmp.%1").arg(helper_.processId());
        auto blockState = [&] { return QDir().mkpath(tmp + QStringLiteral("/held")); };
        auto unblockState = [&] { return QDir(tmp).removeRecursively(); };
        auto tidy = qScopeGuard([&] {
            unblockState();
            ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("cs1")});
            ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("side2")});
        });

        const QByteArray before = readState();
        QVERIFY(!before.isEmpty());
        QVERIFY(blockState());
        Out c =
            ctl({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("side2"), QStringLiteral("cs1")});
        QVERIFY2(c.code != 0, qPrintable(c.out));
        QVERIFY2(c.err.contains(QLatin1String("save the network state")), qPrintable(c.err));
        QVERIFY2(!devs().contains(QLatin1String("eth1:")), qPrintable(devs()));
        QVERIFY2(!links().contains(veth), qPrintable(links()));
        QVERIFY(leases(QStringLiteral("side2")).isEmpty());
        QVERIFY(!inspect(QStringLiteral("cs1"))
                     .value(QStringLiteral("network"))
                     .toObject()
                     .value(QStringLiteral("networks"))
                     .toObject()
                     .contains(QStringLiteral("side2")));

        // Saveable again: the same connect works, and the record says so.
        QCOMPARE(readState(), before);  // the record is as it was
        QVERIFY(unblockState());
        c = ctl({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("side2"), QStringLiteral("cs1")});
        QVERIFY2(c.code == 0, qPrintable(c.err));
        QVERIFY2(devs().contains(QLatin1String("eth1:")), qPrintable(devs()));
        const QString ip = ipOf(QStringLiteral("cs1"), QStringLiteral("side2"));
        QCOMPARE(leases(QStringLiteral("side2")), QStringList{ip});
        const QByteArray connected = readState();
        QVERIFY2(connected.contains("side2"), connected.constData());

        QVERIFY(blockState());
        Out d = ctl(
            {QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("side2"), QStringLiteral("cs1")});
        QVERIFY2(d.code != 0, qPrintable(d.out));
        QVERIFY2(d.err.contains(QLatin1String("save the network state")), qPrintable(d.err));
        QVERIFY2(devs().contains(QLatin1String("eth1:")), qPrintable(devs()));
        QVERIFY2(links().contains(veth), qPrintable(links()));
        QCOMPARE(leases(QStringLiteral("side2")), QStringList{ip});
        QCOMPARE(ipOf(QStringLiteral("cs1"), QStringLiteral("side2")), ip);

        QCOMPARE(readState(), connected);
        QVERIFY(unblockState());
        d = ctl(
            {QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("side2"), QStringLiteral("cs1")});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        QVERIFY2(!devs().contains(QLatin1String("eth1:")), qPrintable(devs()));
        QVERIFY(leases(QStringLiteral("side2")).isEmpty());
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("cs1")}).code, 0);
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("side2")}).code, 0);
        QVERIFY(!QFile::exists(state));
        tidy.dismiss();
    }

    void helperKill9RebuildsRulesOnce()
    {
        QCOMPARE(web({QStringLiteral("-p"), QStringLiteral("18090:80"), QStringLiteral("--hostname"),
                      QStringLiteral("keeper")},
                     QStringLiteral("k1"))
                     .code,
                 0);
        QCOMPARE(web({QStringLiteral("-p"), QStringLiteral("18091:80")}, QStringLiteral("k2")).code, 0);
        QVERIFY(answers(QStringLiteral("http://127.0.0.1:18090/hostname"), QStringLiteral("keeper")));
        const QString id2 = shortId(QStringLiteral("k2"));
        const pid_t k2 = pid_t(inspect(QStringLiteral("k2"))
                                   .value(QStringLiteral("container"))
                                   .toObject()
                                   .value(QStringLiteral("pid"))
                                   .toInt());
        QVERIFY(k2 > 0);
        ::kill(pid_t(helper_.processId()), SIGKILL);
        helper_.waitForFinished(5000);
        ::kill(k2, SIGKILL);  // k2 ends while no helper watches
        QThread::msleep(300);
        QVERIFY2(startHelper(), qPrintable(helperLog()));
        // k2's shim may still have been draining at the restart: then the new helper sees it end.
        for (int i = 0; i < 100 && inspect(QStringLiteral("k2"))
                                           .value(QStringLiteral("container"))
                                           .toObject()
                                           .value(QStringLiteral("state"))
                                           .toString() != QLatin1String("exited");
             ++i)
            QThread::msleep(100);
        const QString r = rules();
        QCOMPARE(r.count(QLatin1String("dport 18090")), 1);
        QCOMPARE(r.count(QLatin1String("masquerade")), 3);  // one network: out, localhost, hairpin
        QVERIFY2(!r.contains(id2), qPrintable(r));
        QTRY_VERIFY_WITH_TIMEOUT(!links().contains(QLatin1String("veth") + id2.left(10)), 5000);
        QCOMPARE(leases().size(), 1);
        QVERIFY(answers(QStringLiteral("http://127.0.0.1:18090/hostname"), QStringLiteral("keeper")));
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("k1"), QStringLiteral("k2")}).code, 0);
        QVERIFY(leases().isEmpty());
        QVERIFY(!rules().contains(QLatin1String("dnat ip to")));
    }

    // A container of a user-defined network that ends while no helper runs leaves its peers'
    // hosts files when the helper comes back (restore rewrites them once), not at the next start
    // or stop on that network.
    void helperRestartTakesBackNamesOfContainersGone()
    {
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                      QStringLiteral("10.94.0.0/24"), QStringLiteral("gone")})
                     .code,
                 0);
        for (const QString& n : {QStringLiteral("g1"), QStringLiteral("g2")})
            QCOMPARE(ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), n,
                          QStringLiteral("--network"), QStringLiteral("gone"), QStringLiteral("busybox"),
                          QStringLiteral("sleep"), QStringLiteral("300")})
                         .code,
                     0);
        auto hostsOf = [this](const QString& name) {
            QFile f(dir_.filePath(
                QStringLiteral("state/containers/") +
                inspect(name).value(QStringLiteral("container")).toObject().value(QStringLiteral("id")).toString() +
                QStringLiteral("/hosts")));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QVERIFY2(hostsOf(QStringLiteral("g1")).contains(QLatin1String("\tg2 ")),
                 qPrintable(hostsOf(QStringLiteral("g1"))));
        const pid_t g2 = pid_t(inspect(QStringLiteral("g2"))
                                   .value(QStringLiteral("container"))
                                   .toObject()
                                   .value(QStringLiteral("pid"))
                                   .toInt());
        QVERIFY(g2 > 0);
        // Its shim: the init's parent.
        QFile status(QStringLiteral("/proc/%1/status").arg(g2));
        QVERIFY(status.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("PPid:\\s+(\\d+)")).match(QString::fromLatin1(status.readAll()));
        QVERIFY(m.hasMatch());
        const QString shim = QStringLiteral("/proc/") + m.captured(1);
        ::kill(pid_t(helper_.processId()), SIGKILL);
        helper_.waitForFinished(5000);
        ::kill(g2, SIGKILL);
        // Its shim records the exit and ends before the helper is back: restore() finds it gone.
        for (int i = 0; i < 100 && QFile::exists(shim); ++i) QThread::msleep(50);
        QVERIFY(!QFile::exists(shim));
        QVERIFY2(startHelper(), qPrintable(helperLog()));
        const QString g1 = hostsOf(QStringLiteral("g1"));
        QVERIFY2(!g1.contains(QLatin1String("g2")), qPrintable(g1));
        QCOMPARE(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("g1"), QStringLiteral("g2")}).code, 0);
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("gone")}).code, 0);
    }

    // Bad input: a clear error with a stable code, and nothing changed (networks, rules, leases).
    void badInputChangesNothing()
    {
        const QString rulesBefore = rules(), netsBefore = ctl({QStringLiteral("network"), QStringLiteral("ls")}).out;
        auto create = [&](const QJsonObject& extra) {
            QJsonObject p{{QStringLiteral("image"), QStringLiteral("busybox")},
                          {QStringLiteral("cmd"), QJsonArray{QStringLiteral("true")}}};
            for (auto it = extra.begin(); it != extra.end(); ++it) p.insert(it.key(), it.value());
            return rpcError(QStringLiteral("container.create"), p);
        };
        auto port = [](const QJsonValue& cp, const QString& proto) {
            return QJsonObject{{QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("container_port"), cp},
                                                                                {QStringLiteral("host_port"), 8080},
                                                                                {QStringLiteral("protocol"), proto}}}}};
        };
        QJsonObject e = create(port(0, QStringLiteral("tcp")));
        QCOMPARE(e.value(QStringLiteral("data")).toObject().value(QStringLiteral("errc")).toString(),
                 QStringLiteral("invalid_argument"));
        QVERIFY2(e.value(QStringLiteral("message")).toString().contains(QLatin1String("ports[0].container_port")),
                 qPrintable(e.value(QStringLiteral("message")).toString()));
        e = create(port(70000, QStringLiteral("tcp")));
        QVERIFY(e.value(QStringLiteral("message")).toString().contains(QLatin1String("out of range")));
        e = create(port(80, QStringLiteral("sctp")));
        QVERIFY(e.value(QStringLiteral("message")).toString().contains(QLatin1String("unknown protocol 'sctp'")));
        e = create({{QStringLiteral("ip"), QStringLiteral("10.99.0.5")}});
        QVERIFY2(e.value(QStringLiteral("message")).toString().contains(QLatin1String("outside the subnet")),
                 qPrintable(e.value(QStringLiteral("message")).toString()));
        e = create({{QStringLiteral("ip"), QStringLiteral("10.88.0.1")}});
        QVERIFY(e.value(QStringLiteral("message")).toString().contains(QLatin1String("own address")));
        e = create(
            {{QStringLiteral("namespaces"), QJsonObject{{QStringLiteral("network"), QStringLiteral("nosuchnet")}}}});
        QCOMPARE(e.value(QStringLiteral("data")).toObject().value(QStringLiteral("errc")).toString(),
                 QStringLiteral("not_found"));
        // onggictl refuses the same before sending anything.
        Out c =
            ctl({QStringLiteral("create"), QStringLiteral("-p"), QStringLiteral("0:80"), QStringLiteral("busybox")});
        QVERIFY(c.code != 0 && c.err.contains(QLatin1String("1 to 65535")));
        c = ctl({QStringLiteral("create"), QStringLiteral("-p"), QStringLiteral("80/sctp"), QStringLiteral("busybox")});
        QVERIFY(c.code != 0 && c.err.contains(QLatin1String("tcp or udp")));
        // Overlapping subnets: another network's, and a route of the (test's) host namespace.
        QCOMPARE(ns_.in({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("dum0"),
                         QStringLiteral("up"), QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                         QStringLiteral("name"), QStringLiteral("dum1")})
                     .code,
                 0);
        QCOMPARE(ns_.in({QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("add"),
                         QStringLiteral("10.200.0.0/16"), QStringLiteral("dev"), QStringLiteral("dum0")})
                     .code,
                 0);
        Out n = ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                     QStringLiteral("10.200.3.0/24"), QStringLiteral("clash")});
        QVERIFY(n.code != 0);
        QVERIFY2(n.err.contains(QLatin1String("overlaps the host's route 10.200.0.0/16")), qPrintable(n.err));
        n = ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                 QStringLiteral("10.88.0.128/25"), QStringLiteral("clash")});
        QVERIFY(n.code != 0);
        QVERIFY2(n.err.contains(QLatin1String("overlaps network onggi")), qPrintable(n.err));
        n = ctl({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                 QStringLiteral("10.93.0.7/24"), QStringLiteral("clash")});
        QVERIFY(n.code != 0 && n.err.contains(QLatin1String("not a network address")));
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("ls")}).out, netsBefore);
        QCOMPARE(rules(), rulesBefore);
        QVERIFY(ctl({QStringLiteral("ps"), QStringLiteral("-aq")}).out.trimmed().isEmpty());
        QVERIFY(leases().isEmpty());
    }

    // 200 start/stop cycles: no link, address, lease or rule is left behind.
    void manyCyclesLeakNothing()
    {
        ns_.in({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("dum0")});
        const QString linksBefore = links();
        Out r = runProc(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("for i in $(seq 200); do %1 --host %2 run --rm -p 18100:80 busybox true || exit 1; done")
                 .arg(bin(QStringLiteral("cli/onggictl")), sock_)},
            600000);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QTRY_COMPARE_WITH_TIMEOUT(links(), linksBefore, 10000);
        QVERIFY(leases().isEmpty());
        QVERIFY(!rules().contains(QLatin1String("dnat ip to")));
        QCOMPARE(ns_.in({QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("addr")})
                     .out.count(QLatin1String("inet ")),
                 3);  // lo, onggi0, up0
    }
};

QTEST_GUILESS_MAIN(TstNetworks)
#include "tst_networks.moc"

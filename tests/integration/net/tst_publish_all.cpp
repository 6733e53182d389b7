// `onggictl run -P` with a real image from a real registry: the image config's ExposedPorts are
// kept in the image record at pull, shown by images.inspect, joined to the container's exposed
// ports at create, and published on free host ports; a TCP connection through the published port
// reaches the server in the container.
//
// The WHOLE test process lives in a network namespace of its own (main() unshares it before
// anything else starts): the registry, skopeo, the helper with its bridge and rules, and every
// connection are in there, never in the host's.
#include "engine/image/builtin_rootfs.h"
#include "helper_fixture.h"
#include "image_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace onggi;
using namespace onggi::test;

namespace {

std::string read_all(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// A new network namespace for this process with lo up; false where that is not allowed.
bool own_network_namespace()
{
    if (::unshare(CLONE_NEWNET) != 0) return false;
    int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    ifreq ifr{};
    std::snprintf(ifr.ifr_name, IFNAMSIZ, "lo");
    bool ok = ::ioctl(fd, SIOCGIFFLAGS, &ifr) == 0;
    ifr.ifr_flags |= IFF_UP;
    ok = ok && ::ioctl(fd, SIOCSIFFLAGS, &ifr) == 0;
    ::close(fd);
    return ok;
}

bool g_in_own_netns = false;

// One HTTP/1.0 GET through 127.0.0.1:port; the whole answer ("" when nothing answered).
std::string http_get(int port, const std::string& path)
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{3, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    std::string out;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
        const std::string req = "GET " + path + " HTTP/1.0\r\n\r\n";
        if (::write(fd, req.data(), req.size()) == ssize_t(req.size())) {
            char buf[4096];
            ssize_t n;
            while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
        }
    }
    ::close(fd);
    return out;
}

std::string errc(const json& r) { return r.contains("error") ? r["error"]["data"].value("errc", "") : ""; }

}  // namespace

class TstPublishAll : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<Registry> reg_;
    std::unique_ptr<HelperProcess> helper_;
    std::unique_ptr<RawClient> c_;
    std::string image_, config_id_;

    std::string layout(const std::string& name) const { return tmp_.path().toStdString() + "/" + name; }

    struct Out {
        int code = -1;
        QString out, err;
    };
    Out ctl(const QStringList& args)
    {
        Out o;
        QProcess p;
        p.start(QString::fromStdString(build_dir() + "/cli/onggictl"),
                QStringList{"--host", QString::fromStdString(helper_->socket())} + args);
        if (!p.waitForFinished(120000)) return o;
        o.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        o.out = QString::fromUtf8(p.readAllStandardOutput());
        o.err = QString::fromUtf8(p.readAllStandardError());
        return o;
    }
    json inspect(const QString& name) { return c_->call("container.inspect", {{"id", name.toStdString()}})["result"]; }
    // The published host port of container_port/proto in container.inspect (0 when none).
    static int host_port(const json& in, int container_port, const std::string& proto)
    {
        for (const auto& p : in["network"]["ports"])
            if (p.value("container_port", 0) == container_port && p.value("protocol", "") == proto)
                return p.value("host_port", 0);
        return 0;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (!g_in_own_netns) QSKIP("cannot make a network namespace for this test");
        if (shim_binary().empty() || ::access((build_dir() + "/cli/onggictl").c_str(), X_OK) != 0)
            QSKIP("onggi binaries not built");
        if (::access("/usr/bin/docker-registry", X_OK) != 0 || ::access("/usr/bin/skopeo", X_OK) != 0)
            QSKIP("docker-registry and skopeo are needed (scripts/setup-deps)");
        const std::string bb = read_all(image::host_busybox_path());
        QVERIFY(!bb.empty());
        LayerBlob l = make_layer({{"bin/", 'd', "", "", 0755},
                                  {"bin/busybox", 'f', bb, "", 0755},
                                  {"bin/sh", 'l', "", "busybox"},
                                  {"www/", 'd', "", "", 0755},
                                  {"www/index.html", 'f', "served through an exposed port\n"}},
                                 "gzip");
        // As `EXPOSE 80 8080 5353/udp 9/sctp` writes it: a bare "8080" is tcp; sctp is kept in the
        // record but not published (Onggi publishes tcp and udp).
        OciLayout a(layout("web"));
        json m = a.add_image({l},
                             {{"Cmd", {"/bin/busybox", "httpd", "-f", "-p", "80", "-h", "/www"}},
                              {"ExposedPorts",
                               {{"80/tcp", json::object()},
                                {"8080", json::object()},
                                {"5353/udp", json::object()},
                                {"9/sctp", json::object()}}}},
                             host_arch(), &config_id_);
        a.write_index({m}, "v1", false);
        OciLayout bad(layout("bad"));
        bad.write_index({bad.add_image({l}, {{"ExposedPorts", {{"http", json::object()}}}}, host_arch())}, "v1", false);

        reg_ = std::make_unique<Registry>();
        QVERIFY2(reg_->start(), reg_->log().c_str());
        for (const char* name : {"web", "bad"}) {
            std::string log;
            QVERIFY2(skopeo_push(layout(name), "v1", reg_->host() + "/test/" + name + ":v1", false, {}, &log),
                     log.c_str());
        }
        image_ = reg_->host() + "/test/web:v1";
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start({"--default-network", "onggi", "--default-subnet", "10.88.0.0/24"}),
                 helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
    }

    void cleanupTestCase()
    {
        if (c_) {
            json l = c_->call("container.list", {{"all", true}});
            for (const auto& c : l["result"]["containers"])
                c_->call("container.remove", {{"id", c["id"]}, {"force", true}});
        }
        c_.reset();
        helper_.reset();
        reg_.reset();
    }

    // Pull keeps the normalized ExposedPorts in the image record; images.inspect shows them.
    void pull_records_exposed_ports()
    {
        json r = c_->call("images.pull", {{"image", image_}}, 120000);
        QVERIFY2(r.contains("result"), (r.dump() + helper_->log()).c_str());
        QCOMPARE(r["result"]["image"]["id"].get<std::string>(), config_id_);
        const json expect = {"5353/udp", "80/tcp", "8080/tcp", "9/sctp"};
        const json rec = json::parse(
            read_all(helper_->state_dir() + "/images/records/" + config_id_.substr(7) + ".json"), nullptr, false);
        QCOMPARE(rec.value("exposed_ports", json()), expect);
        json in = c_->call("images.inspect", {{"image", image_}});
        QCOMPARE(in["result"]["image"]["config"]["exposed_ports"], expect);
        Out cli = ctl({"image", "inspect", QString::fromStdString(image_)});
        QCOMPARE(cli.code, 0);
        const json shown = json::parse(cli.out.toStdString(), nullptr, false);
        QVERIFY2(shown.is_array() && shown[0]["config"]["exposed_ports"] == expect, qPrintable(cli.out));
    }

    // An image whose ExposedPorts names no port is refused at pull, clearly, and not stored.
    void bad_exposed_port_is_refused()
    {
        json r = c_->call("images.pull", {{"image", reg_->host() + "/test/bad:v1"}}, 120000);
        QVERIFY2(r.contains("error"), r.dump().c_str());
        QCOMPARE(errc(r), std::string("invalid_argument"));
        const std::string msg = r["error"].value("message", "");
        QVERIFY2(msg.find("ExposedPorts") != std::string::npos && msg.find("'http'") != std::string::npos, msg.c_str());
        json list = c_->call("images.list");
        for (const auto& i : list["result"]["images"]) QVERIFY(i["name"] != reg_->host() + "/test/bad");
    }

    // run -P: every tcp/udp port the image exposes gets a free host port; the server in the
    // container answers through it on 127.0.0.1; onggictl port shows the same mapping.
    void run_P_publishes_the_image_ports()
    {
        Out r = ctl({"run", "-d", "-P", "--name", "web", QString::fromStdString(image_)});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out + QString::fromStdString(helper_->log())));
        json in = inspect("web");
        const int p80 = host_port(in, 80, "tcp"), p8080 = host_port(in, 8080, "tcp"),
                  p5353 = host_port(in, 5353, "udp");
        QVERIFY2(p80 > 0 && p8080 > 0 && p5353 > 0, in["network"].dump().c_str());
        QCOMPARE(in["network"]["ports"].size(), size_t(3));  // not the sctp one
        QVERIFY(p80 != p8080);
        // The union of the image's and the container's exposed ports is what inspect keeps.
        QCOMPARE(in["network"]["options"]["expose"].size(), size_t(3));

        std::string got;
        for (int i = 0; i < 100 && got.find("served through an exposed port") == std::string::npos; ++i) {
            got = http_get(p80, "/index.html");
            if (got.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        QVERIFY2(got.find("served through an exposed port") != std::string::npos, got.c_str());

        Out port = ctl({"port", "web"});
        QCOMPARE(port.code, 0);
        QVERIFY2(port.out.contains(QString("80/tcp -> 0.0.0.0:%1\n").arg(p80)), qPrintable(port.out));
        QVERIFY2(port.out.contains(QString("5353/udp -> 0.0.0.0:%1\n").arg(p5353)), qPrintable(port.out));
        port = ctl({"port", "web", "8080"});
        QCOMPARE(port.code, 0);
        QCOMPARE(port.out, QString("0.0.0.0:%1\n").arg(p8080));
        port = ctl({"port", "web", "9/sctp"});
        QVERIFY(port.code != 0);
        port = ctl({"port", "web", "81"});
        QVERIFY(port.code != 0);
        QVERIFY2(port.err.contains("81/tcp"), qPrintable(port.err));
        QCOMPARE(ctl({"rm", "-f", "web"}).code, 0);
    }

    // Without -P the image's ports are exposed (inspect) but nothing is published.
    void without_P_nothing_is_published()
    {
        Out r = ctl({"run", "-d", "--name", "quiet", QString::fromStdString(image_)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        json in = inspect("quiet");
        QCOMPARE(in["network"]["ports"].size(), size_t(0));
        QCOMPARE(in["network"]["options"]["expose"].size(), size_t(3));
        QCOMPARE(ctl({"port", "quiet"}).out, QString());
        QCOMPARE(ctl({"rm", "-f", "quiet"}).code, 0);
    }
};

int main(int argc, char** argv)
{
    // Before any thread or child exists: everything this test starts inherits the namespace.
    g_in_own_netns = ::geteuid() == 0 && own_network_namespace();
    QCoreApplication app(argc, argv);
    TstPublishAll t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_publish_all.moc"

// Unit tests of the OCI config.json parser: real configs parse, every malformed one is refused
// with an error naming the JSON path of the offending field.
#include "engine/spec/spec.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace onggi;
using nlohmann::json;

namespace {

// What `runc spec` writes on this host (terminal off), the reference valid config.
const char* kRuncSpec = R"({
  "ociVersion": "1.0.2-dev",
  "process": {"terminal": false, "user": {"uid": 0, "gid": 0}, "args": ["sh"],
    "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"], "cwd": "/",
    "capabilities": {"bounding": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      "effective": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      "permitted": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
      "ambient": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"]},
    "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024}], "noNewPrivileges": true},
  "root": {"path": "rootfs", "readonly": true},
  "hostname": "runc",
  "mounts": [
    {"destination": "/proc", "type": "proc", "source": "proc"},
    {"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
    {"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup", "options": ["nosuid", "noexec", "nodev", "relatime", "ro"]}
  ],
  "linux": {
    "resources": {"devices": [{"allow": false, "access": "rwm"}], "memory": {"limit": 67108864}, "cpu": {"quota": 50000, "period": 100000}, "pids": {"limit": 64}},
    "namespaces": [{"type": "pid"}, {"type": "network"}, {"type": "ipc"}, {"type": "uts"}, {"type": "mount"}],
    "maskedPaths": ["/proc/kcore", "/sys/firmware"],
    "readonlyPaths": ["/proc/sys"]
  }
})";

json base() { return json::parse(kRuncSpec); }

}  // namespace

class TstSpec : public QObject {
    Q_OBJECT
private slots:
    void parsesRuncSpec()
    {
        auto s = spec::parse_spec(kRuncSpec);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(s->process.args.size(), size_t(1));
        QCOMPARE(s->process.args[0], std::string("sh"));
        QCOMPARE(s->hostname, std::string("runc"));
        QVERIFY(s->root.readonly);
        QCOMPARE(s->mounts.size(), size_t(3));
        QCOMPARE(s->mounts[1].options.size(), size_t(4));
        QVERIFY(s->linux.has_namespace("pid"));
        QVERIFY(!s->linux.has_namespace("user"));
        QVERIFY(s->linux.resources.has_value());
        QCOMPARE(*s->linux.resources->memory_limit, int64_t(67108864));
        QCOMPARE(*s->linux.resources->cpu_quota, int64_t(50000));
        QCOMPARE(*s->linux.resources->pids_limit, int64_t(64));
        QCOMPARE(s->linux.resources->devices.size(), size_t(1));
        QCOMPARE(s->linux.resources->devices[0].type, std::string("a"));
        QVERIFY(!s->linux.resources->empty());
        QCOMPARE(s->process.rlimits[0].hard, uint64_t(1024));
        QCOMPARE(s->process.capabilities->bounding.size(), size_t(3));
    }

    void defaultSpecRoundTrips()
    {
        spec::Spec d = spec::default_spec();
        std::string text = spec::to_json(d);
        auto back = spec::parse_spec(text);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message().c_str());
        QCOMPARE(spec::to_json(back.value()), text);
        QVERIFY(back->linux.has_namespace("mount"));
        QVERIFY(!back->linux.masked_paths.empty());
    }

    void fullSpecRoundTrips()
    {
        json j = base();
        j["linux"]["namespaces"].push_back({{"type", "user"}});
        j["linux"]["namespaces"].push_back({{"type", "time"}});
        j["linux"]["uidMappings"] = json::array({{{"containerID", 0}, {"hostID", 100000}, {"size", 65536}}});
        j["linux"]["gidMappings"] = json::array({{{"containerID", 0}, {"hostID", 100000}, {"size", 65536}}});
        j["linux"]["timeOffsets"] = {{"monotonic", {{"secs", 3600}, {"nanosecs", 0}}}};
        j["linux"]["sysctl"] = {{"net.ipv4.ip_forward", "1"}};
        j["linux"]["seccomp"] = {
            {"defaultAction", "SCMP_ACT_ERRNO"},
            {"syscalls", json::array({{{"names", {"read", "write"}}, {"action", "SCMP_ACT_ALLOW"}}})}};
        j["annotations"] = {{"org.onggi.overlay.lowerdir", "/a:/b"}};
        j["linux"]["resources"] = {
            {"memory", {{"limit", 1 << 26}, {"kernel", 1 << 25}, {"kernelTCP", 1 << 24}}},
            {"hugepageLimits", json::array({{{"pageSize", "2MB"}, {"limit", 1 << 30}}})},
            {"network", {{"classID", 1048577}, {"priorities", json::array({{{"name", "eth0"}, {"priority", 3}}})}}}};
        j["hooks"] = {{"prestart", json::array({{{"path", "/bin/a"}}})},
                      {"createRuntime", json::array({{{"path", "/bin/b"}, {"args", {"b", "1"}}}})},
                      {"createContainer", json::array({{{"path", "/bin/c"}, {"env", {"X=1"}}}})},
                      {"startContainer", json::array({{{"path", "/bin/d"}, {"timeout", 5}}})},
                      {"poststart", json::array({{{"path", "/bin/e"}}})},
                      {"poststop", json::array({{{"path", "/bin/f"}}, {{"path", "/bin/g"}}})}};
        auto s = spec::parse_spec(j.dump());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QCOMPARE(*s->linux.time_offset_monotonic, int64_t(3600));
        QCOMPARE(s->linux.uid_mappings[0].host_id, uint32_t(100000));
        QCOMPARE(s->linux.seccomp->syscalls[0].names.size(), size_t(2));
        QCOMPARE(s->hooks.create_runtime[0].args.size(), size_t(2));
        QCOMPARE(s->hooks.create_container[0].env[0], std::string("X=1"));
        QCOMPARE(*s->hooks.start_container[0].timeout, 5);
        QCOMPARE(s->hooks.poststop[1].path, std::string("/bin/g"));
        QCOMPARE(*s->linux.resources->memory_kernel_tcp, int64_t(1) << 24);
        QCOMPARE(s->linux.resources->hugepage_limits[0].page_size, std::string("2MB"));
        QCOMPARE(*s->linux.resources->net_class_id, uint32_t(1048577));
        QCOMPARE(s->linux.resources->net_priorities[0].priority, uint32_t(3));
        auto again = spec::parse_spec(spec::to_json(s.value()));
        QVERIFY(again.ok());
        QCOMPARE(spec::to_json(again.value()), spec::to_json(s.value()));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("code");
        const int inval = int(Errc::invalid_argument), unsup = int(Errc::unsupported);
        auto mod = [](auto f) {
            json j = base();
            f(j);
            return QString::fromStdString(j.dump());
        };
        QTest::newRow("not json") << "{\"ociVersion\": "
                                  << "not valid JSON" << inval;
        QTest::newRow("top-level array") << "[]"
                                         << "top level" << inval;
        QTest::newRow("args not array") << mod([](json& j) { j["process"]["args"] = "sh"; }) << "process.args" << inval;
        QTest::newRow("args element") << mod([](json& j) {
            j["process"]["args"] = {"sh", 3};
        }) << "process.args[1]" << inval;
        QTest::newRow("empty args") << mod([](json& j) { j["process"]["args"] = json::array(); }) << "process.args"
                                    << inval;
        QTest::newRow("uid negative") << mod([](json& j) { j["process"]["user"]["uid"] = -1; }) << "process.user.uid"
                                      << inval;
        QTest::newRow("uid string") << mod([](json& j) { j["process"]["user"]["uid"] = "0"; }) << "process.user.uid"
                                    << inval;
        QTest::newRow("cwd relative") << mod([](json& j) { j["process"]["cwd"] = "tmp"; }) << "process.cwd" << inval;
        QTest::newRow("env no =") << mod([](json& j) { j["process"]["env"] = {"PATH"}; }) << "process.env[0]" << inval;
        QTest::newRow("rlimit unknown") << mod([](json& j) { j["process"]["rlimits"][0]["type"] = "RLIMIT_FOO"; })
                                        << "process.rlimits[0].type" << inval;
        QTest::newRow("rlimit soft>hard")
            << mod([](json& j) { j["process"]["rlimits"][0]["soft"] = 4096; }) << "process.rlimits[0].soft" << inval;
        QTest::newRow("oom score") << mod([](json& j) { j["process"]["oomScoreAdj"] = 5000; }) << "process.oomScoreAdj"
                                   << inval;
        QTest::newRow("no root") << mod([](json& j) { j.erase("root"); }) << "root" << inval;
        QTest::newRow("root path type") << mod([](json& j) { j["root"]["path"] = 1; }) << "root.path" << inval;
        QTest::newRow("readonly type") << mod([](json& j) { j["root"]["readonly"] = "yes"; }) << "root.readonly"
                                       << inval;
        QTest::newRow("mount dest relative")
            << mod([](json& j) { j["mounts"][1]["destination"] = "dev"; }) << "mounts[1].destination" << inval;
        QTest::newRow("mount options") << mod([](json& j) { j["mounts"][1]["options"] = "ro"; }) << "mounts[1].options"
                                       << inval;
        QTest::newRow("idmap mount") << mod([](json& j) { j["mounts"][0]["options"] = {"idmap"}; })
                                     << "mounts[0].options" << unsup;
        QTest::newRow("ns type") << mod([](json& j) { j["linux"]["namespaces"][0]["type"] = "pidd"; })
                                 << "linux.namespaces[0].type" << inval;
        QTest::newRow("ns twice") << mod([](json& j) {
            j["linux"]["namespaces"].push_back({{"type", "pid"}});
        }) << "linux.namespaces[5].type"
                                  << inval;
        QTest::newRow("maps without userns") << mod([](json& j) {
            j["linux"]["uidMappings"] = json::array({{{"containerID", 0}, {"hostID", 1000}, {"size", 1}}});
        }) << "linux.uidMappings" << inval;
        QTest::newRow("userns without maps") << mod([](json& j) {
            j["linux"]["namespaces"].push_back({{"type", "user"}});
        }) << "linux.uidMappings" << inval;
        QTest::newRow("map size 0") << mod([](json& j) {
            j["linux"]["namespaces"].push_back({{"type", "user"}});
            j["linux"]["uidMappings"] = json::array({{{"containerID", 0}, {"hostID", 1000}, {"size", 0}}});
            j["linux"]["gidMappings"] = j["linux"]["uidMappings"];
        }) << "linux.uidMappings[0].size"
                                    << inval;
        QTest::newRow("memory string") << mod([](json& j) { j["linux"]["resources"]["memory"]["limit"] = "64m"; })
                                       << "linux.resources.memory.limit" << inval;
        QTest::newRow("cpu period") << mod([](json& j) { j["linux"]["resources"]["cpu"]["period"] = 10; })
                                    << "linux.resources.cpu.period" << inval;
        QTest::newRow("cpus list") << mod([](json& j) { j["linux"]["resources"]["cpu"]["cpus"] = "0;1"; })
                                   << "linux.resources.cpu.cpus" << inval;
        QTest::newRow("pids missing limit") << mod([](json& j) { j["linux"]["resources"]["pids"] = json::object(); })
                                            << "linux.resources.pids.limit" << inval;
        QTest::newRow("device type") << mod([](json& j) { j["linux"]["resources"]["devices"][0]["type"] = "x"; })
                                     << "linux.resources.devices[0].type" << inval;
        QTest::newRow("linux.devices outside /dev") << mod([](json& j) {
            j["linux"]["devices"] = json::array({{{"path", "/etc/x"}, {"type", "c"}, {"major", 1}, {"minor", 3}}});
        }) << "linux.devices[0].path" << inval;
        QTest::newRow("linux.devices escaping /dev") << mod([](json& j) {
            j["linux"]["devices"] =
                json::array({{{"path", "/dev/../etc/x"}, {"type", "c"}, {"major", 1}, {"minor", 3}}});
        }) << "linux.devices[0].path" << inval;
        QTest::newRow("linux.devices type") << mod([](json& j) {
            j["linux"]["devices"] = json::array({{{"path", "/dev/x"}, {"type", "z"}, {"major", 1}, {"minor", 3}}});
        }) << "linux.devices[0].type" << inval;
        QTest::newRow("linux.devices without minor") << mod([](json& j) {
            j["linux"]["devices"] = json::array({{{"path", "/dev/x"}, {"type", "c"}, {"major", 1}}});
        }) << "linux.devices[0]" << inval;
        QTest::newRow("systemd cgroup") << mod([](json& j) { j["linux"]["cgroupsPath"] = "system.slice:onggi:x"; })
                                        << "linux.cgroupsPath" << unsup;
        QTest::newRow("cgroup dotdot") << mod([](json& j) { j["linux"]["cgroupsPath"] = "/onggi/../x"; })
                                       << "linux.cgroupsPath" << inval;
        QTest::newRow("hugepage size") << mod([](json& j) {
            j["linux"]["resources"] = {{"hugepageLimits", json::array({{{"pageSize", "2M"}, {"limit", 1}}})}};
        }) << "linux.resources.hugepageLimits[0].pageSize"
                                       << inval;
        QTest::newRow("hugepage limit missing") << mod([](json& j) {
            j["linux"]["resources"] = {{"hugepageLimits", json::array({{{"pageSize", "2MB"}}})}};
        }) << "linux.resources.hugepageLimits[0].limit"
                                                << inval;
        QTest::newRow("net priority name") << mod([](json& j) {
            j["linux"]["resources"] = {
                {"network", {{"priorities", json::array({{{"name", "a/b"}, {"priority", 1}}})}}}};
        }) << "linux.resources.network.priorities[0].name"
                                           << inval;
        QTest::newRow("kernel memory negative") << mod([](json& j) {
            j["linux"]["resources"] = {{"memory", {{"kernel", -5}}}};
        }) << "linux.resources.memory" << inval;
        QTest::newRow("hook path relative") << mod([](json& j) {
            j["hooks"] = {{"prestart", json::array({{{"path", "bin/true"}}})}};
        }) << "hooks.prestart[0].path" << inval;
        QTest::newRow("hook without path") << mod([](json& j) {
            j["hooks"] = {{"poststop", json::array({{{"args", {"x"}}}})}};
        }) << "hooks.poststop[0].path" << inval;
        QTest::newRow("hook timeout 0") << mod([](json& j) {
            j["hooks"] = {{"createContainer", json::array({{{"path", "/bin/true"}, {"timeout", 0}}})}};
        }) << "hooks.createContainer[0].timeout"
                                        << inval;
        QTest::newRow("hook list type") << mod([](json& j) {
            j["hooks"] = {{"startContainer", "/bin/true"}};
        }) << "hooks.startContainer" << inval;
        QTest::newRow("hostname without uts")
            << mod([](json& j) { j["linux"]["namespaces"].erase(3); }) << "hostname" << inval;
        QTest::newRow("time offsets without timens") << mod([](json& j) {
            j["linux"]["timeOffsets"] = {{"boottime", {{"secs", 1}}}};
        }) << "linux.timeOffsets" << inval;
        QTest::newRow("seccomp no action") << mod([](json& j) {
            j["linux"]["seccomp"] = {{"defaultAction", "SCMP_ACT_ALLOW"},
                                     {"syscalls", json::array({{{"names", {"read"}}}})}};
        }) << "linux.seccomp.syscalls[0].action"
                                           << inval;
        QTest::newRow("masked relative") << mod([](json& j) { j["linux"]["maskedPaths"] = {"proc/kcore"}; })
                                         << "linux.maskedPaths[0]" << inval;
        QTest::newRow("oci version") << mod([](json& j) { j["ociVersion"] = "2.0.0"; }) << "ociVersion" << unsup;
        QTest::newRow("sysctl value") << mod([](json& j) {
            j["linux"]["sysctl"] = {{"net.ipv4.ip_forward", 1}};
        }) << "linux.sysctl.net.ipv4.ip_forward"
                                      << inval;
    }

    // config.md#process: OPTIONAL in the config (REQUIRED only when start is called).
    void processIsOptional()
    {
        json j = base();
        j.erase("process");
        auto s = spec::parse_spec(j.dump());
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        QVERIFY(!s->has_process);
        const std::string text = spec::to_json(s.value());
        QVERIFY2(text.find("\"process\"") == std::string::npos, text.c_str());
        auto again = spec::parse_spec(text);
        QVERIFY(again.ok() && !again->has_process);
        auto with = spec::parse_spec(base().dump());
        QVERIFY(with.ok() && with->has_process);
    }

    void malformed()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        QFETCH(int, code);
        auto s = spec::parse_spec(json.toStdString());
        QVERIFY(!s.ok());
        const std::string msg = s.error().message();
        QVERIFY2(msg.find(field.toStdString()) != std::string::npos, msg.c_str());
        QCOMPARE(int(s.error().code), code);
    }

    void loadSpecNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto missing = spec::load_spec(dir.path().toStdString());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Errc::not_found);
        QFile f(dir.filePath("config.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"ociVersion":"1.0.2","process":{"args":["true"],"cwd":"/"},"root":{"path":"rootfs"},"linux":{"namespaces":[{"type":"bogus"}]}})");
        f.close();
        auto bad = spec::load_spec(dir.path().toStdString());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message().find("config.json") != std::string::npos, bad.error().message().c_str());
        QVERIFY2(bad.error().message().find("linux.namespaces[0].type") != std::string::npos,
                 bad.error().message().c_str());
    }
};

QTEST_GUILESS_MAIN(TstSpec)
#include "tst_spec.moc"

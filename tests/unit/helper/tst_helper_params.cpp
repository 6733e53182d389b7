// Decoders of the helper's requests (the attack surface): valid params decode into the typed
// struct, hostile ones are refused naming the field. Also JSON depth scanning, signal names,
// limits -> OCI resources, the OCI spec the helper writes, and the log reader on fixture files.
#include "helper/log_reader.h"
#include "helper/params.h"
#include "helper/rpc.h"
#include "helper/spec_builder.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fstream>

using namespace onggi;
using namespace onggi::helper;

class TstHelperParams : public QObject {
    Q_OBJECT
private slots:
    void create_valid()
    {
        json p = json::parse(
            "{\"name\":\"web\",\"image\":\"busybox\",\"cmd\":[\"sh\",\"-c\",\"echo hi\"],\"env\":[\"A=B\"],"
            "\"hostname\":\"web\",\"workdir\":\"/srv\",\"user\":\"1000:100\",\"tty\":true,\"restart\":\"on-failure:3\","
            "\"limits\":{\"cpus\":0.5,\"cpu_weight\":100,\"cpuset\":\"0-1\",\"memory\":67108864,\"memory_swap\":"
            "134217728,"
            "\"pids\":100,\"io\":[{\"device\":\"8:0\",\"read_bps\":1048576}]},"
            "\"namespaces\":{\"network\":\"host\",\"time\":true},"
            "\"volumes\":[{\"source\":\"/tmp\",\"target\":\"/data\",\"readonly\":true}],"
            "\"security\":{\"cap_drop\":[\"NET_RAW\"],\"seccomp\":\"unconfined\",\"read_only\":true}}");
        auto c = decode_create(p);
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message().c_str());
        QCOMPARE(c->name, std::string("web"));
        QCOMPARE(c->cmd.size(), size_t(3));
        QCOMPARE(*c->uid, 1000u);
        QCOMPARE(*c->gid, 100u);
        QCOMPARE(c->restart.mode, std::string("on-failure"));
        QCOMPARE(c->restart.max_retries, 3);
        QCOMPARE(*c->limits.cpus, 0.5);
        QCOMPARE(*c->limits.memory, int64_t(67108864));
        QCOMPARE(c->limits.io->size(), size_t(1));
        QCOMPARE(c->limits.io->at(0).major, 8u);
        QCOMPARE(c->limits.io->at(0).read_bps, uint64_t(1048576));
        QCOMPARE(c->namespaces.network, std::string("host"));
        QVERIFY(c->namespaces.time);
        QCOMPARE(c->volumes.size(), size_t(1));
        QVERIFY(c->volumes[0].readonly);
        QCOMPARE(c->security.seccomp, std::string("unconfined"));
        // Only image is required; null params are {}.
        QVERIFY(decode_create(json{{"image", "busybox"}}).ok());
        QVERIFY(!decode_create(nullptr).ok());
        QVERIFY(decode_list(nullptr).ok());
    }

    void create_invalid_data()
    {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("field");
        QTest::newRow("not object") << "[1]"
                                    << "params";
        QTest::newRow("no image") << "{}"
                                  << "image";
        QTest::newRow("unknown key") << "{\"image\":\"b\",\"imagee\":1}"
                                     << "imagee";
        QTest::newRow("name") << "{\"image\":\"b\",\"name\":\"a b\"}"
                              << "name";
        QTest::newRow("name long") << QString("{\"image\":\"b\",\"name\":\"%1\"}").arg(QString(65, 'a')) << "name";
        QTest::newRow("nul in cmd") << "{\"image\":\"b\",\"cmd\":[\"a\\u0000b\"]}"
                                    << "cmd[0]";
        QTest::newRow("empty program") << "{\"image\":\"b\",\"cmd\":[\"\"]}"
                                       << "cmd[0]";
        QTest::newRow("env") << "{\"image\":\"b\",\"env\":[\"=x\"]}"
                             << "env[0]";
        QTest::newRow("user") << "{\"image\":\"b\",\"user\":\"99999999999\"}"
                              << "user";
        QTest::newRow("restart") << "{\"image\":\"b\",\"restart\":\"on-failure:x\"}"
                                 << "restart";
        QTest::newRow("rm+restart") << "{\"image\":\"b\",\"auto_remove\":true,\"restart\":\"always\"}"
                                    << "restart";
        QTest::newRow("cpus nan-ish") << "{\"image\":\"b\",\"limits\":{\"cpus\":\"1\"}}"
                                      << "limits.cpus";
        QTest::newRow("cpus tiny") << "{\"image\":\"b\",\"limits\":{\"cpus\":0.001}}"
                                   << "limits.cpus";
        QTest::newRow("weight") << "{\"image\":\"b\",\"limits\":{\"cpu_weight\":10001}}"
                                << "limits.cpu_weight";
        QTest::newRow("memory float") << "{\"image\":\"b\",\"limits\":{\"memory\":1.5}}"
                                      << "limits.memory";
        QTest::newRow("memory huge") << "{\"image\":\"b\",\"limits\":{\"memory\":18446744073709551615}}"
                                     << "limits.memory";
        QTest::newRow("swap < memory") << "{\"image\":\"b\",\"limits\":{\"memory\":67108864,\"memory_swap\":7340032}}"
                                       << "limits.memory_swap";
        QTest::newRow("pids") << "{\"image\":\"b\",\"limits\":{\"pids\":99999999}}"
                              << "limits.pids";
        QTest::newRow("io many") << QString("{\"image\":\"b\",\"limits\":{\"io\":[%1{\"device\":\"8:0\"}]}}")
                                        .arg(QString("{\"device\":\"8:0\"},").repeated(16))
                                 << "limits.io";
        QTest::newRow("io key") << "{\"image\":\"b\",\"limits\":{\"io\":[{\"device\":\"8:0\",\"x\":1}]}}"
                                << "limits.io[0].x";
        QTest::newRow("ns type") << "{\"image\":\"b\",\"namespaces\":{\"pid\":\"yes\"}}"
                                 << "namespaces.pid";
        QTest::newRow("volume target /") << "{\"image\":\"b\",\"volumes\":[{\"source\":\"/a\",\"target\":\"/\"}]}"
                                         << "volumes[0].target";
        QTest::newRow("volume dotdot")
            << "{\"image\":\"b\",\"volumes\":[{\"source\":\"/a/../../etc\",\"target\":\"/x\"}]}"
            << "volumes[0].source";
        QTest::newRow("seccomp relative") << "{\"image\":\"b\",\"security\":{\"seccomp\":\"prof.json\"}}"
                                          << "security.seccomp";
        QTest::newRow("cap chars") << "{\"image\":\"b\",\"security\":{\"cap_add\":[\"CAP_$(id)\"]}}"
                                   << "cap";
        QTest::newRow("privileged type") << "{\"image\":\"b\",\"security\":{\"privileged\":1}}"
                                         << "security.privileged";
    }
    void create_invalid()
    {
        QFETCH(QString, params);
        QFETCH(QString, field);
        json p = json::parse(params.toStdString(), nullptr, false);
        QVERIFY(!p.is_discarded());
        auto c = decode_create(p);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, Errc::invalid_argument);
        QVERIFY2(c.error().context.find(field.toStdString()) != std::string::npos, c.error().context.c_str());
    }

    void other_decoders()
    {
        QCOMPARE(decode_stop(json{{"id", "a"}})->timeout, 10);
        QCOMPARE(decode_stop(json{{"id", "a"}, {"timeout", 0}})->timeout, 0);
        QVERIFY(!decode_stop(json{{"id", "a"}, {"timeout", -1}}).ok());
        QVERIFY(!decode_stop(json{{"id", ""}}).ok());
        QVERIFY(!decode_stop(json{{"id", std::string(200, 'a')}}).ok());
        QCOMPARE(decode_kill(json{{"id", "a"}})->signal, SIGKILL);
        QCOMPARE(decode_kill(json{{"id", "a"}, {"signal", "sigterm"}})->signal, SIGTERM);
        QCOMPARE(decode_kill(json{{"id", "a"}, {"signal", "HUP"}})->signal, SIGHUP);
        QCOMPARE(decode_kill(json{{"id", "a"}, {"signal", 10}})->signal, 10);
        QCOMPARE(decode_kill(json{{"id", "a"}, {"signal", "15"}})->signal, 15);
        QVERIFY(!decode_kill(json{{"id", "a"}, {"signal", 0}}).ok());
        QVERIFY(!decode_kill(json{{"id", "a"}, {"signal", true}}).ok());
        QVERIFY(!decode_kill(json{{"id", "a"}, {"signal", "SIGNOPE"}}).ok());
        // Digits beyond int's range: refused as a bad field, not an exception (was: internal error).
        QVERIFY(!decode_kill(json{{"id", "a"}, {"signal", "99999999999"}}).ok());
        QVERIFY(!decode_kill(json{{"id", "a"}, {"signal", "9999999999999999"}}).ok());
        QVERIFY(!decode_kill(json{{"id", "a"}, {"signal", "65"}}).ok());
        QCOMPARE(decode_logs(json{{"id", "a"}})->tail, int64_t(-1));
        QVERIFY(!decode_logs(json{{"id", "a"}, {"tail", -2}}).ok());
        QCOMPARE(decode_logs(json{{"id", "a"}})->next_run, false);
        QCOMPARE(decode_logs(json{{"id", "a"}, {"follow", true}, {"next_run", true}})->next_run, true);
        QVERIFY(!decode_logs(json{{"id", "a"}, {"next_run", "yes"}}).ok());
        QVERIFY(!decode_exec(json{{"id", "a"}, {"cmd", json::array()}}).ok());
        QVERIFY(!decode_exec(json{{"id", "a"}, {"cmd", {"ls"}}, {"workdir", "x"}}).ok());
        QVERIFY(decode_exec(json{{"id", "a"}, {"cmd", {"ls"}}, {"user", "0:0"}, {"tty", true}}).ok());
        // Names pass the syntax check and wait for the container's /etc/passwd.
        auto named = decode_exec(json{{"id", "a"}, {"cmd", {"ls"}}, {"user", "nobody:nogroup"}});
        QVERIFY(named.ok());
        QCOMPARE(QString::fromStdString(named->user_names), QString("nobody:nogroup"));
        QVERIFY(!named->uid);
        auto created = decode_create(json{{"image", "b"}, {"user", "www-data"}});
        QVERIFY(created.ok());
        QCOMPARE(QString::fromStdString(created->user_names), QString("www-data"));
        QVERIFY(!decode_create(json{{"image", "b"}, {"user", "a:b:c"}}).ok());
        QVERIFY(!decode_update(json{{"id", "a"}, {"limits", json::object()}}).ok());
        QVERIFY(decode_update(json{{"id", "a"}, {"limits", {{"cpus", 1}}}}).ok());
        QVERIFY(!decode_unsubscribe(json::object()).ok());
        QVERIFY(!decode_exec_wait(json{{"exec_id", 0}}).ok());
        QVERIFY(decode_subscribe(json{{"filters", {{"id", "web"}}}}).ok());
        QVERIFY(!decode_subscribe(json{{"filters", {{"name", "web"}}}}).ok());
        // type: container or image events only; image events have no container to filter by.
        QCOMPARE(decode_subscribe(json{{"filters", {{"type", "image"}}}})->type, std::string("image"));
        QVERIFY(decode_subscribe(json{{"filters", {{"type", "container"}, {"id", "web"}}}}).ok());
        QVERIFY(!decode_subscribe(json{{"filters", {{"type", "volume"}}}}).ok());
        QVERIFY(!decode_subscribe(json{{"filters", {{"type", "image"}, {"id", "web"}}}}).ok());
        // images.save / images.load: progress notifications only when asked.
        QVERIFY(!decode_image_load(json{{"path", "/a.tar"}})->progress);
        QVERIFY(decode_image_load(json{{"path", "/a.tar"}, {"progress", true}})->progress);
        QVERIFY(!decode_image_load(json{{"path", "/a.tar"}, {"progress", "yes"}}).ok());
        QVERIFY(decode_image_save(json{{"images", {"busybox"}}, {"path", "/a.tar"}, {"progress", true}})->progress);
        QVERIFY(!decode_image_remove(json::object()).ok());
    }

    void stats_decoders()
    {
        auto s = decode_stats_subscribe(nullptr);
        QVERIFY(s.ok());
        QCOMPARE(s->interval_ms, 1000);
        QVERIFY(s->ids.empty());
        s = decode_stats_subscribe(json{{"interval_ms", 200}, {"ids", {"web", "abc"}}});
        QVERIFY(s.ok());
        QCOMPARE(s->interval_ms, 200);
        QCOMPARE(s->ids.size(), size_t(2));
        QVERIFY(!decode_stats_subscribe(json{{"interval_ms", 99}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"interval_ms", 10001}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"interval_ms", "1000"}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"ids", "web"}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"ids", {""}}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"ids", {std::string(129, 'a')}}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"ids", std::vector<std::string>(257, "web")}}).ok());
        QVERIFY(!decode_stats_subscribe(json{{"interval", 1000}}).ok());
        QVERIFY(!decode_stats_subscribe(json::array()).ok());
        auto h = decode_stats_history(json{{"id", "web"}});
        QVERIFY(h.ok());
        QCOMPARE(h->seconds, int64_t(900));
        QVERIFY(decode_stats_history(json{{"id", "web"}, {"seconds", 86400}}).ok());
        QVERIFY(!decode_stats_history(json{{"id", "web"}, {"seconds", 0}}).ok());
        QVERIFY(!decode_stats_history(json{{"id", "web"}, {"seconds", 86401}}).ok());
        QVERIFY(!decode_stats_history(json::object()).ok());
        QVERIFY(!decode_stats_history(json{{"id", ""}}).ok());
        QVERIFY(!decode_stats_history(json{{"id", "web"}, {"since", 1}}).ok());
    }

    void restart_policies()
    {
        QCOMPARE(parse_restart_policy("")->mode, std::string("no"));
        QCOMPARE(parse_restart_policy("always")->to_string(), std::string("always"));
        QCOMPARE(parse_restart_policy("on-failure")->to_string(), std::string("on-failure"));
        QCOMPARE(parse_restart_policy("on-failure:5")->to_string(), std::string("on-failure:5"));
        QVERIFY(!parse_restart_policy("on-failure:").ok());
        QVERIFY(!parse_restart_policy("never").ok());
    }

    void json_depth()
    {
        QCOMPARE(json_nesting_depth("{\"a\":[1,{\"b\":2}]}"), 3);
        QCOMPARE(json_nesting_depth("\"[[[[[\""), 0);    // inside a string
        QCOMPARE(json_nesting_depth("\"\\\"[[[\""), 0);  // escaped quote
        QCOMPARE(json_nesting_depth(std::string(100, '[')), 100);
    }

    void error_objects()
    {
        json e = error_object(Error(Errc::not_found, "no such container: web"));
        QCOMPARE(e["code"].get<int>(), -32010);
        QCOMPARE(e["data"]["errc"].get<std::string>(), std::string("not_found"));
        QCOMPARE(rpc_code_for(Errc::invalid_argument), -32602);
        QCOMPARE(rpc_code_for(Errc::permission_denied), -32001);
        QCOMPARE(rpc_code_for(Errc::bad_state), -32012);
        QCOMPARE(rpc_code_for(Errc::system), -32020);
        // Invalid UTF-8 from a client never makes the reply writer throw.
        std::string line = error_line("\xff\xfe", error_object(Error(Errc::not_found, "x \xc0")));
        QVERIFY(json::parse(line, nullptr, false).is_object());
    }

    void limits_to_oci()
    {
        Limits l;
        l.cpus = 1.5;
        l.cpu_weight = 100;
        l.memory = 64 << 20;
        l.memory_swap = -1;
        l.pids = 0;
        l.io = std::vector<IoLimit>{{8, 0, 1000, 0, 5, 0}};
        auto r = limits_to_resources(l, false);
        QVERIFY(r.ok());
        QCOMPARE(*r->cpu_quota, int64_t(150000));
        QCOMPARE(*r->cpu_period, uint64_t(100000));
        QVERIFY(*r->cpu_shares > 1000 && *r->cpu_shares < 3000);
        QCOMPARE(*r->memory_limit, int64_t(64 << 20));
        QCOMPARE(*r->memory_swap, int64_t(-1));
        QCOMPARE(*r->pids_limit, int64_t(-1));
        QCOMPARE(r->throttle_read_bps.size(), size_t(1));
        QCOMPARE(r->throttle_read_bps[0].rate, uint64_t(1000));
        QCOMPARE(r->throttle_read_iops[0].rate, uint64_t(5));
        Limits high;
        high.memory_high = 32 << 20;
        QCOMPARE(limits_to_resources(high, false).error().code, Errc::unsupported);
        auto v2 = limits_to_resources(high, true);
        QVERIFY(v2.ok());
        QCOMPARE(v2->unified.at("memory.high"), std::to_string(32 << 20));
        Limits none;
        QVERIFY(limits_to_resources(none, false)->empty());

        // cpu_weight: cpu.weight exactly on v2 (no trip through shares: 500 stayed 499 that
        // way), shares on v1. memory_reservation: OCI memory.reservation (v2 memory.low, v1
        // soft limit), never memory.high.
        Limits w;
        w.cpu_weight = 500;
        w.memory_reservation = 32 << 20;
        auto w2 = limits_to_resources(w, true);
        QVERIFY(w2.ok());
        QCOMPARE(w2->unified.at("cpu.weight"), std::string("500"));
        QVERIFY(!w2->cpu_shares);
        QCOMPARE(*w2->memory_reservation, int64_t(32 << 20));
        QVERIFY(!w2->unified.count("memory.high"));
        auto w1 = limits_to_resources(w, false);
        QVERIFY(w1.ok());
        QCOMPARE(*w1->cpu_shares, uint64_t(2 + (499ull * 262142) / 9999));
        QVERIFY(w1->unified.empty());
        QCOMPARE(*w1->memory_reservation, int64_t(32 << 20));
        Limits zero;  // 0 = the defaults: weight 100, no reservation
        zero.cpu_weight = 0;
        zero.memory_reservation = 0;
        QCOMPARE(limits_to_resources(zero, true)->unified.at("cpu.weight"), std::string("100"));
        QCOMPARE(*limits_to_resources(zero, true)->memory_reservation, int64_t(0));
        QCOMPARE(*limits_to_resources(zero, false)->memory_reservation, int64_t(-1));
    }

    void spec_for_container()
    {
        auto cp =
            decode_create(json{{"image", "busybox"},
                               {"cmd", {"echo", "hi"}},
                               {"env", {"PATH=/bin", "X=1"}},
                               {"tty", true},
                               {"user", "1000"},
                               {"namespaces", {{"network", "host"}, {"ipc", false}}},
                               {"limits", {{"pids", 10}}},
                               {"volumes", {{{"source", "/srv/data"}, {"target", "/data"}, {"readonly", true}}}}});
        QVERIFY(cp.ok());
        image::ImageRecord img;
        img.id = "sha256:" + std::string(64, 'a');
        img.name = "busybox";
        img.layers = {"sha256:" + std::string(64, 'b')};
        SpecInput in;
        in.id = std::string(64, 'c');
        in.cgroup_parent = "/onggi";
        in.paths = ContainerPaths{"/var/lib/onggi/containers/" + in.id};
        in.lower_dirs = {"/var/lib/onggi/images/layers/" + std::string(64, 'b')};
        auto s = build_spec(cp.value(), img, in);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message().c_str());
        SpecInput in2 = in;
        in2.cgroup_v2 = true;
        auto s2 = build_spec(cp.value(), img, in2);
        QVERIFY(s2.ok());
        QVERIFY(!s2->linux.resources->unified.count("memory.oom.group"));  // stays 0: docs/protocol.md
        QCOMPARE(s->process.args, std::vector<std::string>({"echo", "hi"}));
        QVERIFY(s->process.terminal);
        QCOMPARE(s->process.user.uid, 1000u);
        QCOMPARE(s->root.path, in.paths.rootfs());
        QCOMPARE(s->annotations.at("org.onggi.overlay.lowerdir"), in.lower_dirs[0]);
        QCOMPARE(s->annotations.at("org.onggi.overlay.upperdir"), in.paths.upper());
        QCOMPARE(s->annotations.at("org.onggi.overlay.workdir"), in.paths.work());
        QCOMPARE(s->linux.cgroups_path, "/onggi/" + in.id);
        QVERIFY(!s->linux.has_namespace("network"));
        QVERIFY(!s->linux.has_namespace("ipc"));
        QVERIFY(s->linux.has_namespace("pid"));
        QVERIFY(s->linux.has_namespace("mount"));
        QCOMPARE(*s->linux.resources->pids_limit, int64_t(10));
        QCOMPARE(s->hostname, in.id.substr(0, 12));
        bool path_overridden = false, x = false, hostname_env = false;
        for (const auto& e : s->process.env) {
            path_overridden |= e == "PATH=/bin";
            x |= e == "X=1";
            hostname_env |= e == "HOSTNAME=" + in.id.substr(0, 12);
        }
        QVERIFY(path_overridden && x && hostname_env);
        bool vol = false;
        for (const auto& m : s->mounts)
            if (m.destination == "/data") {
                vol = true;
                QCOMPARE(m.source, std::string("/srv/data"));
                QVERIFY(std::find(m.options.begin(), m.options.end(), "ro") != m.options.end());
            }
        QVERIFY(vol);
        // Default security from engine/security: caps, no_new_privs, seccomp.
        QVERIFY(s->process.no_new_privileges);
        QVERIFY(s->process.capabilities.has_value());
        QVERIFY(s->linux.seccomp.has_value());
        // The written config parses back (the shim reads it).
        QVERIFY(spec::parse_spec(spec::to_json(s.value())).ok());
    }

    void log_reader()
    {
        QTemporaryDir tmp;
        std::string path = tmp.path().toStdString() + "/log.json";
        {
            std::ofstream f(path);
            for (int i = 1; i <= 10; ++i)
                f << json{{"t", "2026-11-23T08:00:0" + std::to_string(i % 10) + ".000000000Z"},
                          {"s", i % 3 ? "stdout" : "stderr"},
                          {"l", "line" + std::to_string(i) + "\n"}}
                         .dump()
                  << "\n";
            f << "garbage that is not json\n";
            f << "{\"t\":\"x\",\"s\":\"stdout\",\"l\":\"partial";  // being written: no newline yet
        }
        auto all = LogReader::tail(path, -1, true);
        QVERIFY(all.ok());
        QCOMPARE(all->lines.size(), size_t(10));
        QCOMPARE(all->lines[0]["line"].get<std::string>(), std::string("line1\n"));
        QCOMPARE(all->lines[2]["stream"].get<std::string>(), std::string("stderr"));
        auto t3 = LogReader::tail(path, 3, false);
        QVERIFY(t3.ok());
        QCOMPARE(t3->lines.size(), size_t(3));  // the garbage line is skipped, not counted
        QCOMPARE(t3->lines[0]["line"].get<std::string>(), std::string("line8\n"));
        QCOMPARE(t3->lines[2]["line"].get<std::string>(), std::string("line10\n"));
        QVERIFY(!t3->lines[0].contains("t"));
        QVERIFY(!t3->truncated);  // --tail leaving older lines out is not a cut by the size cap
        auto t0 = LogReader::tail(path, 0, false);
        QVERIFY(t0.ok());
        QCOMPARE(t0->lines.size(), size_t(0));
        QVERIFY(!t0->truncated);  // a follow from the end (tail 0) was reported as truncated
        QVERIFY(!all->truncated);
        // Following from the end: nothing until the partial line completes.
        auto more = LogReader::from(path, all->end, true);
        QVERIFY(more.ok());
        QCOMPARE(more->lines.size(), size_t(0));
        {
            std::ofstream f(path, std::ios::app);
            f << "\"}\n";
        }
        more = LogReader::from(path, all->end, true);
        QCOMPARE(more->lines.size(), size_t(1));
        QCOMPARE(more->lines[0]["line"].get<std::string>(), std::string("partial"));
        QVERIFY(LogReader::tail(tmp.path().toStdString() + "/missing", 10, true)->lines.empty());
    }
};

QTEST_GUILESS_MAIN(TstHelperParams)
#include "tst_helper_params.moc"

// Protocol conformance of a REAL onggi-helper (temp state root, temp socket): every method's
// shape, the error table, hostile input (malformed JSON, wrong types, unknown methods,
// oversized and byte-by-byte messages), peer authorization by SO_PEERCRED and per-user
// isolation. After every attack the same helper must still answer.
#include "helper_fixture.h"

#include <QTest>

#include <grp.h>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace onggi::test;

class TstHelperProtocol : public QObject {
    Q_OBJECT

    std::unique_ptr<HelperProcess> helper_;

    static int err_code(const json& r) { return r.contains("error") ? r["error"].value("code", 0) : 0; }
    static std::string errc(const json& r)
    {
        return r.contains("error") && r["error"].contains("data") ? r["error"]["data"].value("errc", "") : "";
    }
    void assert_alive()
    {
        QVERIFY2(helper_->alive(), helper_->log().c_str());
        RawClient c(helper_->socket());
        QVERIFY(c.connected());
        json r = c.call("hello");
        QVERIFY2(r.contains("result"), r.dump().c_str());
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        QVERIFY2(::access(helper_binary().c_str(), X_OK) == 0, "onggi-helper not built");
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start(), helper_->log().c_str());
    }
    void cleanupTestCase() { helper_.reset(); }

    void socket_is_a_filesystem_socket_0660()
    {
        struct stat st;
        QVERIFY(::lstat(helper_->socket().c_str(), &st) == 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(int(st.st_mode & 0777), 0660);
        if (struct group* g = ::getgrnam("onggi")) QCOMPARE(st.st_gid, g->gr_gid);
        // Not in the abstract namespace: /proc/net/unix lists it by path.
        std::ifstream unix_list("/proc/net/unix");
        std::string all((std::istreambuf_iterator<char>(unix_list)), {});
        QVERIFY(all.find(" " + helper_->socket()) != std::string::npos);
        QVERIFY(all.find("@" + helper_->socket()) == std::string::npos);
    }

    void hello()
    {
        RawClient c(helper_->socket());
        json r = c.call("hello", {{"client", "tst/1"}, {"protocol", 1}});
        QCOMPARE(r.value("jsonrpc", ""), std::string("2.0"));
        QCOMPARE(r["id"].get<int>(), 1);
        const json& res = r["result"];
        QCOMPARE(res["protocol"].get<int>(), 1);
        QVERIFY(res["helper_version"].is_string());
        QVERIFY(res["host"]["kernel"].is_string());
        std::string mode = res["host"]["cgroup_mode"];
        QVERIFY(mode == "v1" || mode == "v2" || mode == "hybrid");
        QVERIFY(res["host"]["cpus"].get<int>() >= 1);
        QVERIFY(res["host"]["memory_bytes"].get<uint64_t>() > 0);
        QVERIFY(res["host"]["features"].is_array());
        // The helper's table of cgroupfs names, both modes whatever this host runs.
        const json& files = res["host"]["cgroup_files"];
        QCOMPARE(files["memory_limit"]["v1"].get<std::string>(), std::string("memory.limit_in_bytes"));
        QCOMPARE(files["memory_limit"]["v2"].get<std::string>(), std::string("memory.max"));
        QCOMPARE(files["cpu_quota"]["v2"].get<std::string>(), std::string("cpu.max"));
        QVERIFY(files["memory_high"]["v1"].is_null());
        QCOMPARE(files["memory_high"]["v2"].get<std::string>(), std::string("memory.high"));
        QCOMPARE(res["user"]["uid"].get<int>(), 0);
        QCOMPARE(res["user"]["admin"].get<bool>(), true);
        // Every method of docs/protocol.md is served.
        std::vector<std::string> methods = res["methods"];
        for (const char* m : {"hello",
                              "container.create",
                              "container.start",
                              "container.stop",
                              "container.restart",
                              "container.kill",
                              "container.pause",
                              "container.resume",
                              "container.remove",
                              "container.list",
                              "container.inspect",
                              "container.update",
                              "container.logs",
                              "container.exec",
                              "container.exec.wait",
                              "container.top",
                              "images.list",
                              "images.remove",
                              "events.subscribe",
                              "unsubscribe"})
            QVERIFY2(std::find(methods.begin(), methods.end(), m) != methods.end(), m);
        // String ids are echoed as given.
        c.send_raw("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"hello\"}"
                   "\n");
        json s = c.read_json();
        QCOMPARE(s["id"].get<std::string>(), std::string("abc"));
    }

    void images_list()
    {
        RawClient c(helper_->socket());
        json r = c.call("images.list");
        QVERIFY2(r.contains("result"), r.dump().c_str());
        const json& imgs = r["result"]["images"];
        QVERIFY(imgs.is_array());
        bool found = false;
        for (const auto& i : imgs) {
            if (i["name"] == "busybox" && i["builtin"] == true) {
                found = true;
                QVERIFY(i["id"].get<std::string>().rfind("sha256:", 0) == 0);
                QCOMPARE(i["id"].get<std::string>().size(), size_t(71));
                QCOMPARE(i["tag"].get<std::string>(), std::string("latest"));
                QVERIFY(i["size"].get<uint64_t>() > 100000);
                QCOMPARE(i["layers"].size(), size_t(1));
                // The layer is on disk, content-addressed under the state root.
                std::string layer = i["layers"][0].get<std::string>().substr(7);
                QVERIFY(::access((helper_->state_dir() + "/images/layers/" + layer + "/bin/busybox").c_str(), X_OK) ==
                        0);
            }
        }
        QVERIFY(found);
        QCOMPARE(err_code(c.call("images.list", {{"x", 1}})), -32602);
    }

    void create_inspect_list_remove()
    {
        RawClient c(helper_->socket());
        RawClient ev(helper_->socket());
        json sub = ev.call("events.subscribe");
        QVERIFY2(sub.contains("result"), sub.dump().c_str());
        int64_t subid = sub["result"]["subscription"];

        json r = c.call("container.create", {{"name", "proto-web"},
                                             {"image", "busybox"},
                                             {"cmd", {"sh", "-c", "echo hi"}},
                                             {"env", {"A=B"}},
                                             {"restart", "on-failure:3"},
                                             {"limits", {{"memory", 64 << 20}, {"pids", 50}, {"cpus", 0.5}}}});
        QVERIFY2(r.contains("result"), r.dump().c_str());
        std::string id = r["result"]["id"];
        QCOMPARE(id.size(), size_t(64));
        QCOMPARE(r["result"]["name"].get<std::string>(), std::string("proto-web"));

        // Files on disk: config.json (OCI), container.json (owner...), upper/work/rootfs.
        std::string bundle = helper_->state_dir() + "/containers/" + id;
        for (const char* f : {"/config.json", "/container.json", "/upper", "/work", "/rootfs"})
            QVERIFY2(::access((bundle + f).c_str(), F_OK) == 0, f);
        std::ifstream cj(bundle + "/container.json");
        json rec = json::parse(cj, nullptr, false);
        QCOMPARE(rec["owner_uid"].get<int>(), 0);
        QCOMPARE(rec["restart_policy"].get<std::string>(), std::string("on-failure:3"));

        // inspect: the OCI config with the overlay annotations of docs/shim.md.
        json ins = c.call("container.inspect", {{"id", "proto-web"}});
        QVERIFY2(ins.contains("result"), ins.dump().c_str());
        const json& cfg = ins["result"]["config"];
        QVERIFY(cfg["process"]["args"] == json({"sh", "-c", "echo hi"}));
        QVERIFY(cfg["annotations"]["org.onggi.overlay.lowerdir"].get<std::string>().find("/images/layers/") !=
                std::string::npos);
        QCOMPARE(cfg["annotations"]["org.onggi.overlay.upperdir"].get<std::string>(), bundle + "/upper");
        QCOMPARE(cfg["annotations"]["org.onggi.overlay.workdir"].get<std::string>(), bundle + "/work");
        QCOMPARE(cfg["root"]["path"].get<std::string>(), bundle + "/rootfs");
        QCOMPARE(cfg["linux"]["cgroupsPath"].get<std::string>(), helper_->cgroup_parent() + "/" + id);
        QCOMPARE(cfg["linux"]["resources"]["memory"]["limit"].get<int64_t>(), int64_t(64 << 20));
        QCOMPARE(cfg["linux"]["resources"]["pids"]["limit"].get<int64_t>(), int64_t(50));
        QCOMPARE(cfg["linux"]["resources"]["cpu"]["quota"].get<int64_t>(), int64_t(50000));
        bool has_env = false;
        for (const auto& e : cfg["process"]["env"]) has_env |= e == "A=B";
        QVERIFY(has_env);
        QCOMPARE(ins["result"]["container"]["state"].get<std::string>(), std::string("created"));
        QCOMPARE(ins["result"]["cgroup_path"].get<std::string>(), helper_->cgroup_parent() + "/" + id);

        // Ids: full, short, prefix, name.
        for (std::string ref : {id, id.substr(0, 12), id.substr(0, 5), std::string("proto-web")}) {
            json x = c.call("container.inspect", {{"id", ref}});
            QVERIFY2(x.contains("result"), ref.c_str());
            QCOMPARE(x["result"]["container"]["id"].get<std::string>(), id);
        }

        // list: created containers only with all.
        json l = c.call("container.list", {{"all", true}});
        bool listed = false;
        for (const auto& s : l["result"]["containers"])
            if (s["id"] == id) {
                listed = true;
                QCOMPARE(s["short_id"].get<std::string>(), id.substr(0, 12));
                QCOMPARE(s["state"].get<std::string>(), std::string("created"));
                QCOMPARE(s["image"].get<std::string>(), std::string("busybox"));
                QCOMPARE(s["command"].get<std::string>(), std::string("sh -c echo hi"));
                QCOMPARE(s["owner_uid"].get<int>(), 0);
                QCOMPARE(s["restart_policy"].get<std::string>(), std::string("on-failure:3"));
                QCOMPARE(s["limits"]["memory"].get<int64_t>(), int64_t(64 << 20));
            }
        QVERIFY(listed);
        json running = c.call("container.list");
        for (const auto& s : running["result"]["containers"]) QVERIFY(s["id"] != id);

        // Same name again: already_exists.
        json dup = c.call("container.create", {{"name", "proto-web"}, {"image", "busybox"}});
        QCOMPARE(err_code(dup), -32011);
        QCOMPARE(errc(dup), std::string("already_exists"));

        // update of a created container: stored for the next start.
        json up = c.call("container.update", {{"id", id}, {"limits", {{"memory", 128 << 20}}}});
        QVERIFY2(up.contains("result"), up.dump().c_str());
        QCOMPARE(up["result"]["limits"]["memory"].get<int64_t>(), int64_t(128 << 20));
        QCOMPARE(up["result"]["limits"]["pids"].get<int64_t>(), int64_t(50));
        json ins2 = c.call("container.inspect", {{"id", id}});
        QCOMPARE(ins2["result"]["config"]["linux"]["resources"]["memory"]["limit"].get<int64_t>(), int64_t(128 << 20));

        // Operations that need a running container: bad_state.
        for (const char* m : {"container.pause", "container.resume", "container.top"})
            QCOMPARE(err_code(c.call(m, {{"id", id}})), -32012);
        QCOMPARE(err_code(c.call("container.kill", {{"id", id}, {"signal", "SIGTERM"}})), -32012);
        QCOMPARE(err_code(c.call("container.exec", {{"id", id}, {"cmd", {"true"}}})), -32012);
        // logs of a never-started container: empty.
        json lg = c.call("container.logs", {{"id", id}});
        QVERIFY2(lg.contains("result"), lg.dump().c_str());
        QCOMPARE(lg["result"]["lines"].size(), size_t(0));

        // images.remove refuses while a container uses the image.
        json ir = c.call("images.remove", {{"image", "busybox"}});
        QCOMPARE(err_code(ir), -32012);

        // remove: gone from list and from disk.
        json rm = c.call("container.remove", {{"id", "proto-web"}});
        QVERIFY2(rm.contains("result"), rm.dump().c_str());
        QVERIFY(::access(bundle.c_str(), F_OK) != 0);
        QCOMPARE(err_code(c.call("container.inspect", {{"id", id}})), -32010);
        QCOMPARE(errc(c.call("container.remove", {{"id", id}})), std::string("not_found"));

        // Events: create, update, destroy for this id, in order.
        std::vector<std::string> actions;
        for (int i = 0; i < 3; ++i) {
            json n = ev.wait_notification("event", 10000, [&](const json& j) { return j["params"]["id"] == id; });
            QVERIFY2(!n.is_null(), "missing event");
            QCOMPARE(n["params"]["subscription"].get<int64_t>(), subid);
            QCOMPARE(n["params"]["type"].get<std::string>(), std::string("container"));
            QCOMPARE(n["params"]["name"].get<std::string>(), std::string("proto-web"));
            QVERIFY(n["params"]["time"].is_string());
            actions.push_back(n["params"]["action"]);
        }
        QCOMPARE(actions, std::vector<std::string>({"create", "update", "destroy"}));
        json un = ev.call("unsubscribe", {{"subscription", subid}});
        QVERIFY2(un.contains("result"), un.dump().c_str());
        QCOMPARE(err_code(ev.call("unsubscribe", {{"subscription", subid}})), -32010);
    }

    void generated_names()
    {
        RawClient c(helper_->socket());
        std::vector<std::string> ids;
        for (int i = 0; i < 3; ++i) {
            json r = c.call("container.create", {{"image", "busybox"}});
            QVERIFY2(r.contains("result"), r.dump().c_str());
            std::string name = r["result"]["name"];
            QVERIFY2(name.find('_') != std::string::npos, name.c_str());  // adjective_noun
            ids.push_back(r["result"]["id"]);
        }
        for (const auto& id : ids) QVERIFY(c.call("container.remove", {{"id", id}}).contains("result"));
    }

    void invalid_params_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("params");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("create no image") << "container.create"
                                         << "{}" << -32602 << "image";
        QTest::newRow("create image type") << "container.create"
                                           << "{\"image\":5}" << -32602 << "image";
        QTest::newRow("create unknown image") << "container.create"
                                              << "{\"image\":\"nosuchimage\"}" << -32010 << "";
        QTest::newRow("create bad name") << "container.create"
                                         << "{\"image\":\"busybox\",\"name\":\"../x\"}" << -32602 << "name";
        QTest::newRow("create unknown field") << "container.create"
                                              << "{\"image\":\"busybox\",\"memroy\":1}" << -32602 << "memroy";
        QTest::newRow("create cmd type") << "container.create"
                                         << "{\"image\":\"busybox\",\"cmd\":\"sh\"}" << -32602 << "cmd";
        QTest::newRow("create cmd item") << "container.create"
                                         << "{\"image\":\"busybox\",\"cmd\":[\"sh\",1]}" << -32602 << "cmd[1]";
        QTest::newRow("create env") << "container.create"
                                    << "{\"image\":\"busybox\",\"env\":[\"NOEQUALS\"]}" << -32602 << "env[0]";
        QTest::newRow("create memory string")
            << "container.create"
            << "{\"image\":\"busybox\",\"limits\":{\"memory\":\"64m\"}}" << -32602 << "limits.memory";
        QTest::newRow("create memory negative")
            << "container.create"
            << "{\"image\":\"busybox\",\"limits\":{\"memory\":-5}}" << -32602 << "limits.memory";
        QTest::newRow("create memory tiny")
            << "container.create"
            << "{\"image\":\"busybox\",\"limits\":{\"memory\":1024}}" << -32602 << "limits.memory";
        QTest::newRow("create cpus") << "container.create"
                                     << "{\"image\":\"busybox\",\"limits\":{\"cpus\":-1}}" << -32602 << "limits.cpus";
        QTest::newRow("create cpuset") << "container.create"
                                       << "{\"image\":\"busybox\",\"limits\":{\"cpuset\":\"0;rm\"}}" << -32602
                                       << "limits.cpuset";
        QTest::newRow("create io device")
            << "container.create"
            << "{\"image\":\"busybox\",\"limits\":{\"io\":[{\"device\":\"sda\"}]}}" << -32602 << "device";
        QTest::newRow("create restart") << "container.create"
                                        << "{\"image\":\"busybox\",\"restart\":\"sometimes\"}" << -32602 << "restart";
        QTest::newRow("create network") << "container.create"
                                        << "{\"image\":\"busybox\",\"namespaces\":{\"network\":\"no such/net\"}}"
                                        << -32602 << "namespaces.network";
        QTest::newRow("create volume rel")
            << "container.create"
            << "{\"image\":\"busybox\",\"volumes\":[{\"source\":\"tmp\",\"target\":\"/x\"}]}" << -32602 << "source";
        QTest::newRow("create volume dotdot")
            << "container.create"
            << "{\"image\":\"busybox\",\"volumes\":[{\"source\":\"/tmp\",\"target\":\"/../x\"}]}" << -32602 << "target";
        QTest::newRow("create workdir") << "container.create"
                                        << "{\"image\":\"busybox\",\"workdir\":\"relative\"}" << -32602 << "workdir";
        QTest::newRow("create user") << "container.create"
                                     << "{\"image\":\"busybox\",\"user\":\"bob; rm\"}" << -32602 << "user";
        QTest::newRow("create cap") << "container.create"
                                    << "{\"image\":\"busybox\",\"security\":{\"cap_add\":[\"NOT A CAP\"]}}" << -32602
                                    << "cap";
        QTest::newRow("create hostname") << "container.create"
                                         << "{\"image\":\"busybox\",\"hostname\":\"-bad-\"}" << -32602 << "hostname";
        QTest::newRow("create image traversal") << "container.create"
                                                << "{\"image\":\"../../../etc\"}" << -32010 << "";
        QTest::newRow("start no id") << "container.start"
                                     << "{}" << -32602 << "id";
        QTest::newRow("start id type") << "container.start"
                                       << "{\"id\":[1]}" << -32602 << "id";
        QTest::newRow("start unknown") << "container.start"
                                       << "{\"id\":\"nosuch\"}" << -32010 << "";
        QTest::newRow("stop timeout type") << "container.stop"
                                           << "{\"id\":\"x\",\"timeout\":\"10\"}" << -32602 << "timeout";
        QTest::newRow("stop timeout range") << "container.stop"
                                            << "{\"id\":\"x\",\"timeout\":99999}" << -32602 << "timeout";
        QTest::newRow("kill signal") << "container.kill"
                                     << "{\"id\":\"x\",\"signal\":\"SIGFOO\"}" << -32602 << "signal";
        QTest::newRow("kill signal range") << "container.kill"
                                           << "{\"id\":\"x\",\"signal\":99}" << -32602 << "signal";
        QTest::newRow("remove force type") << "container.remove"
                                           << "{\"id\":\"x\",\"force\":\"yes\"}" << -32602 << "force";
        QTest::newRow("list all type") << "container.list"
                                       << "{\"all\":1}" << -32602 << "all";
        QTest::newRow("logs tail type") << "container.logs"
                                        << "{\"id\":\"x\",\"tail\":\"all\"}" << -32602 << "tail";
        QTest::newRow("exec no cmd") << "container.exec"
                                     << "{\"id\":\"x\"}" << -32602 << "cmd";
        QTest::newRow("exec wait") << "container.exec.wait"
                                   << "{\"exec_id\":\"x\"}" << -32602 << "exec_id";
        QTest::newRow("exec wait unknown") << "container.exec.wait"
                                           << "{\"exec_id\":12345}" << -32010 << "";
        QTest::newRow("update no limits") << "container.update"
                                          << "{\"id\":\"x\"}" << -32602 << "limits";
        QTest::newRow("update pids") << "container.update"
                                     << "{\"id\":\"x\",\"limits\":{\"pids\":-3}}" << -32602 << "limits.pids";
        QTest::newRow("images.remove") << "images.remove"
                                       << "{\"image\":7}" << -32602 << "image";
        QTest::newRow("images.remove unknown") << "images.remove"
                                               << "{\"image\":\"nosuch\"}" << -32010 << "";
        QTest::newRow("subscribe filters") << "events.subscribe"
                                           << "{\"filters\":{\"id\":3}}" << -32602 << "filters.id";
        QTest::newRow("unsubscribe") << "unsubscribe"
                                     << "{\"subscription\":\"a\"}" << -32602 << "subscription";
        QTest::newRow("hello protocol") << "hello"
                                        << "{\"protocol\":\"one\"}" << -32602 << "protocol";
        QTest::newRow("huge integer") << "container.stop"
                                      << "{\"id\":\"x\",\"timeout\":1e300}" << -32602 << "timeout";
    }
    void invalid_params()
    {
        QFETCH(QString, method);
        QFETCH(QString, params);
        QFETCH(int, code);
        QFETCH(QString, field);
        RawClient c(helper_->socket());
        json r = c.call(method.toStdString(), json::parse(params.toStdString()));
        QVERIFY2(r.contains("error"), r.dump().c_str());
        QCOMPARE(err_code(r), code);
        QVERIFY(r["error"]["message"].is_string());
        QVERIFY(r["error"]["data"]["errc"].is_string());
        if (!field.isEmpty())
            QVERIFY2(r["error"]["message"].get<std::string>().find(field.toStdString()) != std::string::npos,
                     r.dump().c_str());
        assert_alive();
    }

    void malformed_lines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::newRow("not json") << QByteArray("hello helper") << -32700;
        QTest::newRow("truncated") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hel") << -32700;
        QTest::newRow("array") << QByteArray("[1,2,3]") << -32600;
        QTest::newRow("number") << QByteArray("42") << -32600;
        QTest::newRow("empty object") << QByteArray("{}") << -32600;
        QTest::newRow("wrong version") << QByteArray("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"hello\"}") << -32600;
        QTest::newRow("method number") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}") << -32600;
        QTest::newRow("id object") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"hello\"}")
                                   << -32600;
        QTest::newRow("params array") << QByteArray(
                                             "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":[1]}")
                                      << -32602;
        QTest::newRow("unknown method") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"container.explode\"}")
                                        << -32601;
        QTest::newRow("deep nesting") << QByteArray(200000, '[') << -32600;
        QTest::newRow("deep object") << (QByteArray(
                                             "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{\"a\":") +
                                         QByteArray(5000, '[') + QByteArray(5000, ']') + "}}")
                                     << -32600;
        QTest::newRow("invalid utf8") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\xfe\"}") << -32700;
        QTest::newRow("nul") << QByteArray("{\"jsonrpc\":\"2.0\",\0\"id\":1}", 24) << -32700;
        QTest::newRow("binary") << QByteArray("\x01\x02\x03\x04\xc0\xaf") << -32700;
    }
    void malformed_lines()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, code);
        RawClient c(helper_->socket());
        QVERIFY(c.send_raw(line.toStdString() + "\n"));
        json r = c.read_json();
        QVERIFY2(r.is_object() && r.contains("error"), r.dump().c_str());
        QCOMPARE(err_code(r), code);
        QCOMPARE(r.value("jsonrpc", ""), std::string("2.0"));
        // The connection stays usable after a bad line (only oversized lines close it).
        json h = c.call("hello");
        QVERIFY2(h.contains("result"), h.dump().c_str());
        assert_alive();
    }

    void notification_from_client_gets_no_reply()
    {
        RawClient c(helper_->socket());
        QVERIFY(c.send_raw("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}"
                           "\n"));
        json r = c.call("container.list");
        QVERIFY(r.contains("result"));
        QVERIFY(c.notifications.empty());
    }

    void pipelined_requests()
    {
        RawClient c(helper_->socket());
        std::string batch;
        for (int i = 1; i <= 50; ++i)
            batch += json{{"jsonrpc", "2.0"}, {"id", i}, {"method", i % 2 ? "hello" : "container.list"}}.dump() + "\n";
        QVERIFY(c.send_raw(batch));
        std::set<int> ids;
        for (int i = 0; i < 50; ++i) {
            json r = c.read_json();
            QVERIFY(r.contains("result"));
            ids.insert(r["id"].get<int>());
        }
        QCOMPARE(ids.size(), size_t(50));
    }

    void oversized_line_is_refused_and_closed()
    {
        RawClient c(helper_->socket());
        std::string big =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{\"client\":\"" + std::string(2 << 20, 'x');
        c.send_raw(big);  // may fail half-way once the helper closes: that is fine
        json r = c.read_json();
        QVERIFY2(r.is_object() && r.contains("error"), r.dump().c_str());
        QCOMPARE(err_code(r), -32600);
        QVERIFY(c.read_line(10000).empty() && c.eof());
        // And with a newline, a line just over the limit is refused as well.
        RawClient d(helper_->socket());
        d.send_raw(std::string((1 << 20) + 10, ' ') + "\n");
        json r2 = d.read_json();
        QCOMPARE(err_code(r2), -32600);
        assert_alive();
    }

    void slow_client_does_not_block_others()
    {
        RawClient slow(helper_->socket());
        const std::string line = json{{"jsonrpc", "2.0"}, {"id", 99}, {"method", "hello"}}.dump() + "\n";
        // Half of the request, one byte at a time.
        for (size_t i = 0; i < line.size() / 2; ++i) {
            QVERIFY(slow.send_raw(line.substr(i, 1)));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        // Meanwhile another client is served completely.
        RawClient fast(helper_->socket());
        json r = fast.call("container.list", {{"all", true}});
        QVERIFY(r.contains("result"));
        // The slow one finishes its line and gets its answer too.
        for (size_t i = line.size() / 2; i < line.size(); ++i) QVERIFY(slow.send_raw(line.substr(i, 1)));
        json s = slow.read_json();
        QCOMPARE(s["id"].get<int>(), 99);
        QVERIFY(s.contains("result"));
    }

    void many_connections_and_abrupt_disconnects()
    {
        std::vector<std::unique_ptr<RawClient>> cs;
        for (int i = 0; i < 100; ++i) {
            cs.push_back(std::make_unique<RawClient>(helper_->socket()));
            QVERIFY(cs.back()->connected());
            // Request and vanish before the reply.
            cs.back()->send_raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"images.list\"}"
                                "\n");
        }
        cs.clear();
        assert_alive();
    }

    void peer_outside_group_is_refused()
    {
        // nobody (uid 65534, gid 65534) is neither root nor in group onggi. The socket's mode
        // (0660) already keeps it out:
        auto fs = as_user(65534, 65534, helper_->socket(), {});
        QCOMPARE(fs.size(), size_t(1));
        QCOMPARE(fs[0].value("connect_errno", 0), EACCES);
        // and with the file opened up, the helper's own SO_PEERCRED check refuses it.
        QVERIFY(::chmod(helper_->socket().c_str(), 0666) == 0);
        struct Restore {
            std::string p;
            ~Restore() { ::chmod(p.c_str(), 0660); }
        } restore{helper_->socket()};
        auto replies = as_user(65534, 65534, helper_->socket(), {});
        QCOMPARE(replies.size(), size_t(1));
        QVERIFY2(replies[0].is_object() && replies[0].contains("error"), replies[0].dump().c_str());
        QCOMPARE(err_code(replies[0]), -32001);
        QCOMPARE(errc(replies[0]), std::string("permission_denied"));
        // Even when it sends a request right away, nothing is processed.
        auto r2 =
            as_user(65534, 65534, helper_->socket(), {{"container.list", json::object()}, {"hello", json::object()}});
        QVERIFY(r2.size() <= 1);
        for (const auto& r : r2) QCOMPARE(err_code(r), -32001);
        assert_alive();
    }

    void users_see_only_their_own_containers()
    {
        // A group of our own; two uids with it as primary group (no passwd entries needed:
        // SO_PEERCRED carries the gid). The helper is told to accept that group.
        const std::string group = "onggit" + std::to_string(::getpid() % 100000);
        QCOMPARE(std::system(("groupadd -f " + group).c_str()), 0);
        struct Cleanup {
            std::string g;
            ~Cleanup() { (void)!std::system(("groupdel " + g + " 2>/dev/null").c_str()); }
        } cleanup{group};
        struct group* g = ::getgrnam(group.c_str());
        QVERIFY(g);
        gid_t gid = g->gr_gid;

        HelperProcess h;
        QVERIFY2(h.start({"--group", group}), h.log().c_str());
        struct stat st;
        QVERIFY(::stat(h.socket().c_str(), &st) == 0);
        QCOMPARE(st.st_gid, gid);

        const uid_t alice = 61000 + uid_t(::getpid() % 1000), bob = alice + 1000;
        auto a = as_user(alice, gid, h.socket(),
                         {{"hello", json::object()},
                          {"container.create", {{"name", "alice-box"}, {"image", "busybox"}}},
                          {"container.list", {{"all", true}}}});
        QCOMPARE(a.size(), size_t(3));
        QCOMPARE(a[0]["result"]["user"]["uid"].get<uid_t>(), alice);
        QCOMPARE(a[0]["result"]["user"]["admin"].get<bool>(), false);
        QVERIFY2(a[1].contains("result"), a[1].dump().c_str());
        std::string id = a[1]["result"]["id"];
        QCOMPARE(a[2]["result"]["containers"].size(), size_t(1));
        QCOMPARE(a[2]["result"]["containers"][0]["owner_uid"].get<uid_t>(), alice);

        auto b = as_user(
            bob, gid, h.socket(),
            {{"container.list", {{"all", true}}},
             {"container.inspect", {{"id", "alice-box"}}},
             {"container.inspect", {{"id", id}}},
             {"container.inspect", {{"id", id.substr(0, 6)}}},
             {"container.start", {{"id", id}}},
             {"container.update", {{"id", id}, {"limits", {{"pids", 5}}}}},
             {"container.logs", {{"id", id}}},
             {"container.remove", {{"id", "alice-box"}, {"force", true}}},
             {"events.subscribe", {{"filters", {{"id", id}}}}},
             {"images.remove", {{"image", "busybox"}}},
             {"container.create", {{"image", "busybox"}, {"security", {{"privileged", true}}}}},
             {"container.create", {{"image", "busybox"}, {"volumes", {{{"source", "/etc"}, {"target", "/x"}}}}}}});
        QCOMPARE(b.size(), size_t(12));
        QCOMPARE(b[0]["result"]["containers"].size(), size_t(0));
        for (int i = 1; i <= 8; ++i) QCOMPARE(errc(b[size_t(i)]), std::string("not_found"));
        QCOMPARE(errc(b[9]), std::string("permission_denied"));   // images are shared: root only
        QCOMPARE(errc(b[10]), std::string("forbidden"));          // privileged is root only (policy gate)
        QCOMPARE(errc(b[11]), std::string("permission_denied"));  // /etc is not bob's

        // Root sees it, owned by alice; alice can remove it.
        RawClient root(h.socket());
        json l = root.call("container.list", {{"all", true}});
        QCOMPARE(l["result"]["containers"].size(), size_t(1));
        QCOMPARE(l["result"]["containers"][0]["owner_uid"].get<uid_t>(), alice);
        auto a2 = as_user(alice, gid, h.socket(), {{"container.remove", {{"id", "alice-box"}}}});
        QVERIFY2(a2.size() == 1 && a2[0].contains("result"), a2.empty() ? "" : a2[0].dump().c_str());

        // A uid outside the group is still refused by this helper (socket opened up on purpose).
        QVERIFY(::chmod(h.socket().c_str(), 0666) == 0);
        auto n = as_user(65534, 65534, h.socket(), {});
        QCOMPARE(n.size(), size_t(1));
        QCOMPARE(err_code(n[0]), -32001);
    }

    void second_helper_on_same_socket_refuses()
    {
        // A live helper's socket is never stolen by another.
        std::string out;
        pid_t pid = ::fork();
        if (pid == 0) {
            std::string root = helper_->root();
            ::execl(helper_binary().c_str(), "onggi-helper", "--socket", helper_->socket().c_str(), "--state-dir",
                    (root + "/state2").c_str(), "--run-dir", (root + "/run2").c_str(), (char*)nullptr);
            ::_exit(127);
        }
        int st = 0;
        ::waitpid(pid, &st, 0);
        QVERIFY(WIFEXITED(st));
        QCOMPARE(WEXITSTATUS(st), 1);
        assert_alive();
    }
};

QTEST_GUILESS_MAIN(TstHelperProtocol)
#include "tst_helper_protocol.moc"

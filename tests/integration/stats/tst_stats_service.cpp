// The helper's stats service against a REAL onggi-helper: stats.subscribe frames carry the
// kernel's numbers for a running container, stats.history returns the ring (and keeps it
// across a helper restart), an OOM kill inside a container is pushed as exactly one "oom"
// event, bad params are refused. Root only (real containers).
#include "../helper/helper_fixture.h"

#include <QtTest>

#include <unistd.h>

#include <chrono>
#include <thread>

using namespace onggi::test;

class TstStatsService : public QObject {
    Q_OBJECT

    std::unique_ptr<HelperProcess> helper_;
    std::unique_ptr<RawClient> c_;
    int serial_ = 0;

    std::string uname(const char* base) { return std::string(base) + "-" + std::to_string(::getpid()) + "-" + std::to_string(++serial_); }
    static std::string errc(const json& r) { return r.contains("error") ? r["error"]["data"].value("errc", "") : ""; }

    std::string run(const json& create)
    {
        json r = c_->call("container.create", create);
        if (!r.contains("result")) {
            qWarning("create failed: %s", r.dump().c_str());
            return {};
        }
        std::string id = r["result"]["id"];
        json s = c_->call("container.start", {{"id", id}});
        if (!s.contains("result")) {
            qWarning("start failed: %s\n%s", s.dump().c_str(), helper_->log().c_str());
            return {};
        }
        return id;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("needs root: runs a real helper and containers");
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start(), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
        QVERIFY(c_->connected());
        QVERIFY(c_->call("hello", {{"protocol", 1}}).contains("result"));
        json probe = c_->call("stats.history", {{"id", "probe"}});
        if (probe.contains("error") && probe["error"].value("code", 0) == -32601)
            QSKIP("this onggi-helper does not install the stats service (helper_daemon.cpp wiring)");
    }

    void cleanupTestCase()
    {
        if (!c_) return;
        json l = c_->call("container.list", {{"all", true}});
        if (l.contains("result"))
            for (const auto& ct : l["result"]["containers"]) c_->call("container.remove", {{"id", ct["id"]}, {"force", true}});
        c_.reset();
        if (helper_) helper_->stop();
    }

    void subscribe_streams_the_kernels_numbers()
    {
        std::string id = run({{"name", uname("st")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}},
                              {"limits", {{"memory", 64 << 20}, {"pids", 50}}}});
        QVERIFY(!id.empty());
        json r = c_->call("stats.subscribe", {{"interval_ms", 200}, {"ids", {id}}});
        QVERIFY2(r.contains("result"), r.dump().c_str());
        int64_t sub = r["result"]["subscription"];
        // Frames until the container is in one (the service picks a start up within 250 ms),
        // then one more so rates exist.
        json last;
        int with = 0;
        for (int i = 0; i < 50 && with < 2; ++i) {
            json n = c_->wait_notification("stats", 20000, [&](const json& m) { return m["params"]["subscription"] == sub; });
            QVERIFY2(!n.is_null(), "no stats frame");
            c_->notifications.clear();
            if (!n["params"]["containers"].empty()) ++with;
            last = n;
        }
        const json& cs = last["params"]["containers"];
        QCOMPARE(cs.size(), size_t(1));
        const json& s = cs[0];
        QCOMPARE(s["id"].get<std::string>(), id);
        QCOMPARE(s["memory_limit"].get<uint64_t>(), uint64_t(64 << 20));
        QCOMPARE(s["pids_limit"].get<uint64_t>(), uint64_t(50));
        QVERIFY(s["pids_current"].get<uint64_t>() >= 1);
        QVERIFY(s["memory_current"].get<uint64_t>() > 0);
        QVERIFY(s["cpu_percent"].is_number());
        QVERIFY(s.contains("net_rx_bytes") && s.contains("psi") && s.contains("oom_kill_events"));
        QVERIFY(last["params"].contains("time"));
        QVERIFY(c_->call("unsubscribe", {{"subscription", sub}}).contains("result"));

        // History: the 1 s ring has points by now (poll; not a timing assertion).
        json h;
        for (int i = 0; i < 100; ++i) {
            h = c_->call("stats.history", {{"id", id}, {"seconds", 60}});
            if (h.contains("result") && h["result"]["samples"].size() >= 2) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        QVERIFY2(h.contains("result"), h.dump().c_str());
        QCOMPARE(h["result"]["interval_ms"].get<int>(), 1000);
        QVERIFY(h["result"]["samples"].size() >= 2);
        QVERIFY(h["result"]["samples"][0].contains("time"));
        QCOMPARE(h["result"]["samples"].back()["memory_limit"].get<uint64_t>(), uint64_t(64 << 20));
        size_t before = h["result"]["samples"].size();

        // A helper restart keeps the history (saved at exit, loaded on re-adoption).
        c_.reset();
        QVERIFY(helper_->stop());
        QVERIFY2(helper_->start(), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
        QVERIFY(c_->call("hello", {{"protocol", 1}}).contains("result"));
        json h2 = c_->call("stats.history", {{"id", id}, {"seconds", 3600}});
        QVERIFY2(h2.contains("result"), h2.dump().c_str());
        QVERIFY2(h2["result"]["samples"].size() >= before, h2.dump().substr(0, 300).c_str());
    }

    void oom_kill_is_one_event()
    {
        json r = c_->call("events.subscribe", json::object());
        QVERIFY(r.contains("result"));
        // The shell (init) survives; only dd is killed, so only the cgroup watcher can tell.
        std::string id = run({{"name", uname("oom")}, {"image", "busybox"},
                              {"cmd", {"sh", "-c", "sleep 1; dd if=/dev/zero of=/dev/null bs=64M count=1; sleep 1000"}},
                              {"limits", {{"memory", 32 << 20}, {"memory_swap", 32 << 20}}}});
        QVERIFY(!id.empty());
        json ev = c_->wait_notification("event", 30000, [&](const json& m) {
            return m["params"].value("action", "") == "oom" && m["params"].value("id", "") == id;
        });
        QVERIFY2(!ev.is_null(), helper_->log().c_str());
        // Anything else for this container over the next second: no second "oom" (the one
        // above was taken out of the notification list by wait_notification).
        c_->notifications.clear();
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        (void)c_->call("hello", {{"protocol", 1}});  // drains notifications sent meanwhile
        int more = 0;
        for (const auto& n : c_->notifications)
            if (n.value("method", "") == "event" && n["params"].value("action", "") == "oom" && n["params"].value("id", "") == id) ++more;
        QCOMPARE(more, 0);
        QCOMPARE(ev["params"]["attributes"].value("oom_kill_count", ""), std::string("1"));
        json s = c_->call("stats.history", {{"id", id}, {"seconds", 60}});
        QVERIFY(s.contains("result"));
    }

    // When init itself is OOM-killed, both the cgroup watcher and the shim's exit.json know;
    // subscribers must still get exactly one "oom" event for that kill, before "die".
    void init_oom_kill_is_one_event()
    {
        json r = c_->call("events.subscribe", json::object());
        QVERIFY(r.contains("result"));
        const int64_t sub = r["result"].value("subscription", int64_t(-1));  // this test's own subscription
        c_->notifications.clear();
        std::string id = run({{"name", uname("oominit")}, {"image", "busybox"},
                              {"cmd", {"sh", "-c", "sleep 1; exec dd if=/dev/zero of=/dev/null bs=64M count=1"}},
                              {"limits", {{"memory", 32 << 20}, {"memory_swap", 32 << 20}}}});
        QVERIFY(!id.empty());
        json die = c_->wait_notification("event", 30000, [&](const json& m) {
            return m["params"].value("action", "") == "die" && m["params"].value("id", "") == id;
        });
        QVERIFY2(!die.is_null(), helper_->log().c_str());
        QCOMPARE(die["params"]["attributes"].value("oom_killed", ""), std::string("true"));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        (void)c_->call("hello", {{"protocol", 1}});
        int ooms = 0;
        for (const auto& n : c_->notifications)
            if (n.value("method", "") == "event" && n["params"].value("action", "") == "oom" && n["params"].value("id", "") == id && n["params"].value("subscription", int64_t(-1)) == sub)
                ++ooms;
        QCOMPARE(ooms, 1);
    }

    // An OOM kill in the container's first milliseconds, before the helper knew its init pid:
    // init (sh) survives, so only the cgroup watcher can tell, and it must tell while the
    // container runs (it used to be found by a 250 ms scan that took the kill for old news).
    void oom_at_once_is_pushed_while_running()
    {
        json r = c_->call("events.subscribe", json::object());
        QVERIFY(r.contains("result"));
        const int64_t sub = r["result"].value("subscription", int64_t(-1));
        c_->notifications.clear();
        std::string id = run({{"name", uname("oomnow")}, {"image", "busybox"},
                              {"cmd", {"sh", "-c", "dd if=/dev/zero of=/dev/null bs=64M count=1; exec sleep 1000"}},
                              {"limits", {{"memory", 8 << 20}, {"memory_swap", 8 << 20}}}});
        QVERIFY(!id.empty());
        auto mine = [&](const json& m, const char* action) {
            return m.value("method", "") == "event" && m["params"].value("action", "") == action &&
                   m["params"].value("id", "") == id && m["params"].value("subscription", int64_t(-1)) == sub;
        };
        json ev = c_->wait_notification("event", 30000, [&](const json& m) { return mine(m, "oom") || mine(m, "die"); });
        QVERIFY2(!ev.is_null(), helper_->log().c_str());
        QCOMPARE(ev["params"].value("action", ""), std::string("oom"));  // not a die: it still runs
        QCOMPARE(ev["params"]["attributes"].value("oom_kill_count", ""), std::string("1"));
        json in = c_->call("container.inspect", {{"id", id}});
        QVERIFY2(in.contains("result"), in.dump().c_str());
        QCOMPARE(in["result"]["container"].value("state", ""), std::string("running"));
        // No second event for the same kill (the watcher's rechecks, the reconcile).
        c_->notifications.clear();
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        (void)c_->call("hello", {{"protocol", 1}});
        int more = 0;
        for (const auto& n : c_->notifications) more += mine(n, "oom");
        QCOMPARE(more, 0);
        QVERIFY(c_->call("container.remove", {{"id", id}, {"force", true}}).contains("result"));
    }

    // Init itself allocates past an 8 MiB limit at once: exactly one "oom" event, before
    // "die", and the container reads OOMKilled.
    void init_oom_at_once_is_one_event_and_oom_killed()
    {
        json r = c_->call("events.subscribe", json::object());
        QVERIFY(r.contains("result"));
        const int64_t sub = r["result"].value("subscription", int64_t(-1));
        c_->notifications.clear();
        std::string id = run({{"name", uname("oominit8")}, {"image", "busybox"},
                              {"cmd", {"dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"}},
                              {"limits", {{"memory", 8 << 20}, {"memory_swap", 8 << 20}}}});
        QVERIFY(!id.empty());
        json die = c_->wait_notification("event", 30000, [&](const json& m) {
            return m["params"].value("action", "") == "die" && m["params"].value("id", "") == id &&
                   m["params"].value("subscription", int64_t(-1)) == sub;
        });
        QVERIFY2(!die.is_null(), helper_->log().c_str());
        QCOMPARE(die["params"]["attributes"].value("oom_killed", ""), std::string("true"));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        (void)c_->call("hello", {{"protocol", 1}});
        int ooms = 0;
        for (const auto& n : c_->notifications)
            if (n.value("method", "") == "event" && n["params"].value("action", "") == "oom" && n["params"].value("id", "") == id &&
                n["params"].value("subscription", int64_t(-1)) == sub)
                ++ooms;
        QCOMPARE(ooms, 1);
        json in = c_->call("container.inspect", {{"id", id}});
        QVERIFY2(in.contains("result"), in.dump().c_str());
        QCOMPARE(in["result"]["container"].value("oom_killed", false), true);
        QCOMPARE(in["result"]["container"].value("state", ""), std::string("exited"));
    }

    void bad_params_are_refused()
    {
        for (const json& p : {json{{"interval_ms", 50}}, json{{"interval_ms", 20000}}, json{{"interval_ms", "fast"}},
                              json{{"ids", "web"}}, json{{"ids", {1, 2}}}, json{{"bogus", 1}}}) {
            json r = c_->call("stats.subscribe", p);
            QVERIFY2(r.contains("error"), p.dump().c_str());
        }
        QCOMPARE(errc(c_->call("stats.subscribe", {{"ids", {"no-such-container"}}})), std::string("not_found"));
        QVERIFY(c_->call("stats.history", json::object()).contains("error"));
        QVERIFY(c_->call("stats.history", {{"id", "x"}, {"seconds", 0}}).contains("error"));
        QCOMPARE(errc(c_->call("stats.history", {{"id", "no-such-container"}})), std::string("not_found"));
    }
};

QTEST_GUILESS_MAIN(TstStatsService)
#include "tst_stats_service.moc"

// Container logs through a REAL onggi-helper and onggi-shim (issue 18 item 6): a `yes`
// container's log stays under its cap (rotation, docker's max-size/max-file), `logs` says that
// older lines were rotated away and pages through a log larger than one reply, bytes that are
// not UTF-8 come back exactly (logs and follow), and 1000 followers of a busy container do not
// hold up `container.list` (followers are driven by inotify, not by re-reading every 100 ms).
#include "helper_fixture.h"

#include <QByteArray>
#include <QTest>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace onggi::test;

namespace {

uint64_t log_bytes(const std::string& dir)
{
    uint64_t total = 0;
    DIR* d = ::opendir(dir.c_str());
    while (struct dirent* e = d ? ::readdir(d) : nullptr) {
        std::string n = e->d_name;
        if (n.rfind("container.log", 0) != 0 || n == "container.log.rotated") continue;
        struct stat st;
        if (::stat((dir + "/" + n).c_str(), &st) == 0) total += uint64_t(st.st_size);
    }
    if (d) ::closedir(d);
    return total;
}

std::string bytes_of(const json& line)
{
    if (line.contains("b64"))
        return QByteArray::fromBase64(QByteArray::fromStdString(line["b64"].get<std::string>())).toStdString();
    return line["line"].get<std::string>();
}

}  // namespace

class TstHelperLogs : public QObject {
    Q_OBJECT

    std::unique_ptr<HelperProcess> helper_;

    std::string dir_of(const std::string& id) { return helper_->state_dir() + "/containers/" + id; }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start(), helper_->log().c_str());
    }
    void cleanupTestCase() { helper_.reset(); }

    void yes_stays_under_its_cap()
    {
        RawClient c(helper_->socket());
        const std::string id = helper_->create_and_start(c, {{"name", unique_name("yes")},
                                                             {"image", "busybox"},
                                                             {"cmd", {"yes"}},
                                                             {"log_opts", {{"max-size", "256k"}, {"max-file", "2"}}}});
        QVERIFY(!id.empty());
        json ins = c.call("container.inspect", {{"id", id}});
        QCOMPARE(ins["result"]["log_config"]["max_size"].get<uint64_t>(), uint64_t(256 << 10));
        QCOMPARE(ins["result"]["log_config"]["max_files"].get<int>(), 2);
        uint64_t peak = 0;
        for (int i = 0; i < 30; ++i) {
            peak = std::max(peak, log_bytes(dir_of(id)));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        QVERIFY(c.call("container.stop", {{"id", id}, {"timeout", 0}}).contains("result"));
        peak = std::max(peak, log_bytes(dir_of(id)));
        qInfo("yes for 3 s under max-size=256k max-file=2: at most %llu bytes of log on disk",
              (unsigned long long)peak);
        QVERIFY2(peak <= 2 * (256 << 10) + 64, std::to_string(peak).c_str());
        // `logs` says that older lines went; each page is bounded, and paging reads all that is kept.
        json r = c.call("container.logs", {{"id", id}, {"timestamps", false}});
        QVERIFY2(r.contains("result"), r.dump().c_str());
        QVERIFY(r["result"].value("rotated", false));
        QVERIFY(r["result"]["rotated_bytes"].get<uint64_t>() > 0);
        size_t lines = 0;
        for (int page = 0; page < 1000; ++page) {
            for (const auto& l : r["result"]["lines"]) QCOMPARE(l["line"].get<std::string>(), std::string("y\n"));
            lines += r["result"]["lines"].size();
            if (!r["result"].value("more", false)) break;
            r = c.call("container.logs", {{"id", id}, {"timestamps", false}, {"cursor", r["result"]["cursor"]}});
            QVERIFY2(r.contains("result"), r.dump().c_str());
        }
        qInfo("%zu lines kept, %.1f bytes on disk a line", lines, double(log_bytes(dir_of(id))) / double(lines));
        QVERIFY(lines > 10000);
        QVERIFY(double(log_bytes(dir_of(id))) / double(lines) < 30.0);  // was 62 for "y\n"
        // A container created without log_opts gets the helper's default, 10 MiB x 3.
        json d = c.call("container.create", {{"name", unique_name("dflt")}, {"image", "busybox"}, {"cmd", {"true"}}});
        json di = c.call("container.inspect", {{"id", d["result"]["id"]}});
        QCOMPARE(di["result"]["log_config"]["max_size"].get<uint64_t>(), uint64_t(10 << 20));
        QCOMPARE(di["result"]["log_config"]["max_files"].get<int>(), 3);
        // Bad options are refused with the field named.
        json bad = c.call("container.create", {{"image", "busybox"}, {"log_opts", {{"max-size", "10q"}}}});
        QVERIFY(bad.contains("error"));
        QVERIFY(bad["error"]["message"].get<std::string>().find("log_opts.max-size") != std::string::npos);
    }

    // A follower that reads slower than `yes` writes has its file deleted by rotation under it:
    // it is told (container.log.gap, with the bytes it lost) and goes on with the lines kept.
    void follower_is_told_of_a_rotation_gap()
    {
        RawClient c(helper_->socket());
        const std::string id = helper_->create_and_start(c, {{"name", unique_name("gap")},
                                                             {"image", "busybox"},
                                                             {"cmd", {"yes"}},
                                                             {"log_opts", {{"max-size", "256k"}, {"max-file", "2"}}}});
        QVERIFY(!id.empty());
        RawClient f(helper_->socket());
        json r = f.call("container.logs", {{"id", id}, {"tail", 0}, {"follow", true}, {"timestamps", false}});
        QVERIFY2(r.contains("result") && r["result"].contains("subscription"), r.dump().c_str());
        const int64_t sub = r["result"]["subscription"];
        // Not reading: the helper stops reading for us at 4 MiB queued while the log rotates on.
        std::this_thread::sleep_for(std::chrono::seconds(3));
        json gap, after;
        size_t lines_before = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (after.is_null() && std::chrono::steady_clock::now() < deadline) {
            json j = f.read_json(10000);
            if (j.is_null() || j.is_discarded()) break;
            const std::string m = j.value("method", "");
            if (m == "container.log.gap" && gap.is_null()) gap = j;
            else if (m == "container.log" && gap.is_null()) ++lines_before;
            else if (m == "container.log") after = j;
        }
        QVERIFY(c.call("container.stop", {{"id", id}, {"timeout", 0}}).contains("result"));
        QVERIFY2(!gap.is_null(), "no container.log.gap");
        QCOMPARE(gap["params"]["subscription"].get<int64_t>(), sub);
        QCOMPARE(gap["params"]["id"].get<std::string>(), id);
        const uint64_t lost = gap["params"]["lost_bytes"].get<uint64_t>();
        qInfo("a follower not reading for 3 s of yes under 256k x 2: told of a gap of %llu bytes after %zu lines",
              (unsigned long long)lost, lines_before);
        QVERIFY(lost > 0);
        QVERIFY2(!after.is_null() && after["params"]["line"] == "y\n", after.dump().c_str());
    }

    void bytes_that_are_not_utf8()
    {
        RawClient c(helper_->socket());
        RawClient f(helper_->socket());
        json cr = c.call("container.create", {{"name", unique_name("bytes")},
                                              {"image", "busybox"},
                                              {"cmd",
                                               {"sh", "-c",
                                                "sleep 0.5; printf 'bad \\377\\n'; printf 'ok\\n'; printf 'x\\376' "
                                                ">&2; sleep 0.2; echo next >&2; printf 'tail \\375'"}}});
        const std::string id = cr["result"]["id"];
        json fr = f.call("container.logs", {{"id", id}, {"follow", true}, {"timestamps", false}});
        QVERIFY(fr.contains("result"));
        QVERIFY(c.call("container.start", {{"id", id}}).contains("result"));
        std::vector<std::string> followed;
        for (;;) {
            json n = f.read_json(20000);
            QVERIFY2(!n.is_null(), "follow ended without container.log.end");
            if (n["method"] == "container.log.end") break;
            if (n["method"] == "container.log")
                followed.push_back(n["params"]["stream"].get<std::string>() + ":" + bytes_of(n["params"]));
        }
        const std::vector<std::string> want = {"stdout:bad \xff\n", "stdout:ok\n",
                                               "stderr:x\xfe"
                                               "next\n",
                                               "stdout:tail \xfd"};
        QCOMPARE(followed, want);
        json lg = c.call("container.logs", {{"id", id}, {"timestamps", false}});
        std::vector<std::string> got;
        for (const auto& l : lg["result"]["lines"]) got.push_back(l["stream"].get<std::string>() + ":" + bytes_of(l));
        QCOMPARE(got, want);
    }

    void many_followers_do_not_hold_up_list()
    {
        RawClient c(helper_->socket());
        const std::string id = helper_->create_and_start(
            c, {{"name", unique_name("chatty")},
                {"image", "busybox"},
                {"cmd",
                 {"sh", "-c",
                  "while true; do i=0; while [ $i -lt 10 ]; do echo line $i; i=$((i+1)); done; sleep 0.1; done"}}});
        QVERIFY(!id.empty());
        // 1000 followers on 10 connections that read what they get.
        std::vector<std::unique_ptr<RawClient>> fs;
        for (int k = 0; k < 10; ++k) {
            fs.push_back(std::make_unique<RawClient>(helper_->socket()));
            for (int j = 0; j < 100; ++j) {
                std::string req = json{{"jsonrpc", "2.0"},
                                       {"id", j + 1},
                                       {"method", "container.logs"},
                                       {"params", {{"id", id}, {"follow", true}, {"tail", 0}}}}
                                      .dump() +
                                  "\n";
                QVERIFY(fs.back()->send_raw(req));
            }
        }
        std::atomic<bool> stop{false};
        std::atomic<long> received{0};
        std::vector<std::thread> readers;
        for (auto& f : fs)
            readers.emplace_back([&, fp = f.get()] {
                while (!stop) {
                    json n = fp->read_json(200);
                    if (!n.is_null()) ++received;
                }
            });
        std::this_thread::sleep_for(std::chrono::seconds(2));
        std::vector<double> ms;
        for (int i = 0; i < 10; ++i) {
            auto t0 = std::chrono::steady_clock::now();
            json l = c.call("container.list", {{"all", true}}, 10000);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            QVERIFY(l.contains("result"));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        stop = true;
        for (auto& t : readers) t.join();
        std::sort(ms.begin(), ms.end());
        qInfo("container.list with 1000 followers of a container printing 100 lines/s: median %.1f ms, max %.1f ms; "
              "%ld messages received",
              ms[ms.size() / 2], ms.back(), received.load());
        QVERIFY(received > 1000 * 10);  // the followers were served
        // Answered before a deadline, not a micro-timing: 12.6 s before the fix (this host), 0.5 ms
        // after; the emulated (TCG) cgroup v2 guest of CI answers in about 200 ms while it serves the
        // 1000 followers, so the deadline is 2 s, still far below the old polling's cost.
        QVERIFY2(ms[ms.size() / 2] < 2000.0, std::to_string(ms[ms.size() / 2]).c_str());
        QVERIFY(c.call("container.remove", {{"id", id}, {"force", true}}).contains("result"));
    }
};

QTEST_GUILESS_MAIN(TstHelperLogs)
#include "tst_helper_logs.moc"

// Faults around the shim (issue 18 items 4 and 5), through a REAL onggi-helper and onggi-shim,
// checked against the kernel's view (cgroup.procs, /proc):
// - the helper is killed -9 at random points 0-30 ms after container.start, 50 times: after the
//   restart every container is accounted for (running <=> its cgroup holds its one init), a
//   start never puts a second instance into a live cgroup, and remove leaves no shim, process
//   or cgroup behind;
// - a shim is killed -9 (with the helper up, and while it is down): the container's processes
//   go with it and the state says exited, with a reason.
#include "helper_fixture.h"

#include <QTest>

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace onggi::test;

namespace {

// The pids in a container's cgroup (pids controller on v1, the unified tree on v2); empty when
// the cgroup does not exist.
std::vector<int> cgroup_pids(const std::string& cgroup_path)
{
    std::string f = "/sys/fs/cgroup/pids" + cgroup_path + "/cgroup.procs";
    if (::access(f.c_str(), F_OK) != 0) f = "/sys/fs/cgroup" + cgroup_path + "/cgroup.procs";
    std::istringstream in(slurp(f));
    std::vector<int> out;
    for (int p; in >> p;) out.push_back(p);
    return out;
}

bool cgroup_exists(const std::string& cgroup_path)
{
    return ::access(("/sys/fs/cgroup/pids" + cgroup_path).c_str(), F_OK) == 0 ||
           ::access(("/sys/fs/cgroup/memory" + cgroup_path).c_str(), F_OK) == 0 ||
           ::access(("/sys/fs/cgroup/unified" + cgroup_path).c_str(), F_OK) == 0 ||
           (::access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0 &&
            ::access(("/sys/fs/cgroup" + cgroup_path).c_str(), F_OK) == 0);
}

// Processes whose command line mentions `needle` (a state dir: shims and their exec copies).
std::vector<int> processes_mentioning(const std::string& needle)
{
    std::vector<int> out;
    DIR* d = ::opendir("/proc");
    while (struct dirent* e = d ? ::readdir(d) : nullptr) {
        int pid = std::atoi(e->d_name);
        if (pid <= 0 || pid == ::getpid()) continue;
        std::string cmd = slurp("/proc/" + std::to_string(pid) + "/cmdline");
        for (auto& ch : cmd)
            if (ch == '\0') ch = ' ';
        if (cmd.find(needle) != std::string::npos) out.push_back(pid);
    }
    if (d) ::closedir(d);
    return out;
}

bool gone(int pid)
{
    std::string st = slurp("/proc/" + std::to_string(pid) + "/stat");
    if (st.empty()) return true;
    auto p = st.rfind(')');
    return p != std::string::npos && p + 2 < st.size() && st[p + 2] == 'Z';
}

}  // namespace

class TstHelperFaults : public QObject {
    Q_OBJECT

    int serial_ = 0;
    std::string uname(const char* base)
    {
        return std::string(base) + "-" + std::to_string(::getpid()) + "-" + std::to_string(++serial_);
    }

    static json container(RawClient& c, const std::string& id)
    {
        json r = c.call("container.inspect", {{"id", id}});
        return r.contains("result") ? r["result"]["container"] : json();
    }

    static json wait_state(RawClient& c, const std::string& id, const std::string& state, int timeout_ms = 30000)
    {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        json last;
        while (std::chrono::steady_clock::now() < deadline) {
            last = container(c, id);
            if (last.is_null() || last["state"] == state) return last;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return last;
    }

    static json shim_json(const HelperProcess& h, const std::string& id)
    {
        return json::parse(slurp(h.state_dir() + "/containers/" + id + "/shim/shim.json"), nullptr, false);
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
    }

    void helper_killed_during_starts()
    {
        HelperProcess h;
        QVERIFY2(h.start(), h.log().c_str());
        std::mt19937 rng(std::random_device{}());
        std::uniform_int_distribution<int> delay_us(0, 30000);
        std::vector<std::string> ids;
        constexpr int kStarts = 50;
        for (int i = 0; i < kStarts; ++i) {
            {
                RawClient c(h.socket());
                json r = c.call("container.create",
                                {{"name", uname("crash")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
                QVERIFY2(r.contains("result"), r.dump().c_str());
                ids.push_back(r["result"]["id"]);
                // The start is sent, not waited for: the helper dies somewhere in it.
                QVERIFY(c.send_raw(
                    json{
                        {"jsonrpc", "2.0"}, {"id", 99}, {"method", "container.start"}, {"params", {{"id", ids.back()}}}}
                        .dump() +
                    "\n"));
                std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
                h.kill9();
            }
            QVERIFY2(h.start(), h.log().c_str());
        }
        RawClient c(h.socket());
        // Every container accounted for: once no start is in flight, running <=> its cgroup
        // holds its one init (the pid the helper reports), and nothing else.
        int running = 0;
        for (const auto& id : ids) {
            const std::string cg = h.cgroup_parent() + "/" + id;
            json st;
            std::vector<int> pids;
            for (int k = 0; k < 400; ++k) {
                st = container(c, id);
                pids = cgroup_pids(cg);
                const bool up = st["state"] == "running";
                if ((up && pids.size() == 1 && pids[0] == st["pid"].get<int>()) || (!up && pids.empty())) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            QVERIFY2(!st.is_null(), ("container lost: " + id).c_str());
            if (st["state"] == "running") {
                ++running;
                QVERIFY2(
                    pids.size() == 1,
                    (id + ": " + std::to_string(pids.size()) + " processes in a running container's cgroup").c_str());
                QCOMPARE(pids[0], st["pid"].get<int>());
            } else {
                QVERIFY2(pids.empty(),
                         (id + " is " + st["state"].get<std::string>() + " but its cgroup has processes\n" + h.log())
                             .c_str());
            }
        }
        qInfo("%d of %d starts interrupted by kill -9 came up running after the restart", running, kStarts);
        // A start never adds a second instance: start everything again (the running ones answer
        // bad_state), then each cgroup holds exactly one process.
        for (const auto& id : ids) {
            json r = c.call("container.start", {{"id", id}});
            QVERIFY2(r.contains("result") || r["error"]["data"]["errc"] == "bad_state", r.dump().c_str());
        }
        for (const auto& id : ids) {
            json st = wait_state(c, id, "running");
            QCOMPARE(st["state"].get<std::string>(), std::string("running"));
            auto pids = cgroup_pids(h.cgroup_parent() + "/" + id);
            QVERIFY2(pids.size() == 1,
                     (id + ": " + std::to_string(pids.size()) + " processes after a second start").c_str());
        }
        // Remove leaves nothing: no record, no shim, no process, no cgroup.
        std::vector<int> inits;
        for (const auto& id : ids) inits.push_back(container(c, id)["pid"].get<int>());
        for (const auto& id : ids) {
            json r = c.call("container.remove", {{"id", id}, {"force", true}});
            QVERIFY2(r.contains("result"), r.dump().c_str());
        }
        for (size_t i = 0; i < ids.size(); ++i) {
            QVERIFY(container(c, ids[i]).is_null());
            QVERIFY2(!cgroup_exists(h.cgroup_parent() + "/" + ids[i]), ids[i].c_str());
            QVERIFY2(gone(inits[i]), std::to_string(inits[i]).c_str());
        }
        std::vector<int> left;
        for (int k = 0; k < 100; ++k) {
            left = processes_mentioning(h.state_dir() + "/containers/");
            if (left.empty()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        QVERIFY2(left.empty(), ("shims left: " + std::to_string(left.size())).c_str());
    }

    void shim_killed()
    {
        HelperProcess h;
        QVERIFY2(h.start(), h.log().c_str());
        RawClient c(h.socket());
        // Twice: with the helper up, and while it is down.
        for (bool helper_down : {false, true}) {
            json r = c.call("container.create", {{"name", uname("shimkill")},
                                                 {"image", "busybox"},
                                                 {"cmd", {"sh", "-c", "sleep 1000 & sleep 1001 & wait"}}});
            QVERIFY2(r.contains("result"), r.dump().c_str());
            const std::string id = r["result"]["id"];
            json s = c.call("container.start", {{"id", id}});
            QVERIFY2(s.contains("result"), s.dump().c_str());
            const std::string cg = h.cgroup_parent() + "/" + id;
            std::vector<int> pids;
            for (int k = 0; k < 100 && pids.size() < 3; ++k) {
                pids = cgroup_pids(cg);
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            QCOMPARE(pids.size(), size_t(3));
            json sj = shim_json(h, id);
            QVERIFY(sj.is_object());
            const int shim = sj["shim_pid"];
            if (helper_down) h.kill9();
            QCOMPARE(::kill(shim, SIGKILL), 0);
            if (helper_down) {
                // Nothing but the kernel acts here: the init dies with its shim.
                for (int k = 0; k < 200 && !gone(sj["init_pid"].get<int>()); ++k)
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                QVERIFY2(gone(sj["init_pid"].get<int>()), "the container's init outlived its shim");
                QVERIFY2(h.start(), h.log().c_str());
                c.connect_to(h.socket());
            }
            json st = wait_state(c, id, "exited");
            QCOMPARE(st["state"].get<std::string>(), std::string("exited"));
            for (int p : pids) QVERIFY2(gone(p), ("process " + std::to_string(p) + " outlived its shim").c_str());
            QVERIFY(cgroup_pids(cg).empty());
            QVERIFY2(!st.value("error", std::string()).empty(), st.dump().c_str());
            // And it starts again, one instance.
            s = c.call("container.start", {{"id", id}});
            QVERIFY2(s.contains("result"), s.dump().c_str());
            QVERIFY(container(c, id).value("error", std::string()).empty());
            QVERIFY(c.call("container.remove", {{"id", id}, {"force", true}}).contains("result"));
            QVERIFY(!cgroup_exists(cg));
        }
    }

    // Issue 15: the shim's files are decoded once (engine/core/shim_contract.h) inside an error
    // boundary. A damaged exit.json (a field of the wrong type) found when the helper re-adopts
    // its containers used to throw nlohmann::type_error out of ContainerManager::init(), and the
    // helper died at every start. It now comes up and says the record is damaged.
    void damaged_exit_json_at_adoption()
    {
        HelperProcess h;
        QVERIFY2(h.start(), h.log().c_str());
        RawClient c(h.socket());
        json r =
            c.call("container.create", {{"name", uname("badexit")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        QVERIFY2(r.contains("result"), r.dump().c_str());
        const std::string id = r["result"]["id"];
        QVERIFY2(c.call("container.start", {{"id", id}}).contains("result"), h.log().c_str());
        json sj = shim_json(h, id);
        QVERIFY(sj.is_object());
        h.kill9();
        QCOMPARE(::kill(sj["shim_pid"].get<int>(), SIGKILL), 0);
        for (int k = 0; k < 200 && !(gone(sj["init_pid"].get<int>()) && gone(sj["shim_pid"].get<int>())); ++k)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const std::string exit_json = h.state_dir() + "/containers/" + id + "/shim/exit.json";
        std::ofstream(exit_json) << R"({"exit_code":"boom","oom_killed":"no","finished_at_ns":[]})"
                                 << "\n";
        QVERIFY2(h.start(), h.log().c_str());
        c.connect_to(h.socket());
        json st = wait_state(c, id, "exited");
        QCOMPARE(st["state"].get<std::string>(), std::string("exited"));
        QCOMPARE(st["exit_code"].get<int>(), 255);
        QVERIFY2(st["error"].get<std::string>().find("damaged") != std::string::npos, st.dump().c_str());
        QVERIFY(c.call("container.remove", {{"id", id}, {"force", true}}).contains("result"));
    }

    // A start that fails before the shim runs (here: no onggi-shim) leaves the container as it was:
    // a second start gets the same clear error, and remove works, never "is starting" for ever.
    void failed_start_leaves_no_starting_mark()
    {
        HelperProcess h;
        QVERIFY2(h.start({"--shim", h.state_dir() + "/no-such-shim"}), h.log().c_str());
        RawClient c(h.socket());
        json r = c.call("container.create", {{"name", uname("noshim")}, {"image", "busybox"}, {"cmd", {"true"}}});
        QVERIFY2(r.contains("result"), r.dump().c_str());
        const std::string id = r["result"]["id"];
        for (int i = 0; i < 2; ++i) {
            json s = c.call("container.start", {{"id", id}});
            QVERIFY2(s.contains("error"), s.dump().c_str());
            QVERIFY2(s.dump().find("onggi-shim not found") != std::string::npos, s.dump().c_str());
        }
        json rm = c.call("container.remove", {{"id", id}});
        QVERIFY2(rm.contains("result"), rm.dump().c_str());
    }

    // Issue 18 item 1: a member who opens every connection they can does not lock root out, nor
    // another member.
    void member_cannot_lock_root_out()
    {
        const std::string group = "onggif" + std::to_string(::getpid() % 100000);
        QCOMPARE(std::system(("groupadd -f " + group).c_str()), 0);
        struct Cleanup {
            std::string g;
            ~Cleanup() { (void)!std::system(("groupdel " + g + " 2>/dev/null").c_str()); }
        } cleanup{group};
        struct group* g = ::getgrnam(group.c_str());
        QVERIFY(g);
        const gid_t gid = g->gr_gid;
        HelperProcess h;
        QVERIFY2(h.start({"--group", group}), h.log().c_str());
        const uid_t alice = 62000 + uid_t(::getpid() % 1000), bob = alice + 1000;
        int ready[2];
        QVERIFY(::pipe(ready) == 0);
        pid_t child = ::fork();
        if (child == 0) {
            ::close(ready[0]);
            struct rlimit rl {
                4096, 4096
            };
            ::setrlimit(RLIMIT_NOFILE, &rl);
            if (::setgroups(0, nullptr) < 0 || ::setgid(gid) < 0 || ::setuid(alice) < 0) ::_exit(3);
            int held = 0;
            for (int i = 0; i < 2000; ++i) {
                int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
                struct sockaddr_un a {};
                a.sun_family = AF_UNIX;
                std::strncpy(a.sun_path, h.socket().c_str(), sizeof a.sun_path - 1);
                if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) break;
                ++held;
            }
            (void)!::write(ready[1], &held, sizeof held);
            ::pause();
            ::_exit(0);
        }
        ::close(ready[1]);
        int held = 0;
        QCOMPARE(::read(ready[0], &held, sizeof held), ssize_t(sizeof held));
        ::close(ready[0]);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the helper has accepted them all
        qInfo("a member opened %d connections", held);
        RawClient root(h.socket());
        json l = root.call("container.list", {{"all", true}}, 10000);
        auto other = as_user(bob, gid, h.socket(), {{"container.list", json::object()}});
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        QVERIFY2(l.contains("result"), l.dump().c_str());
        QVERIFY2(other.size() == 1 && other[0].contains("result"), other.empty() ? "nothing" : other[0].dump().c_str());
    }

    // Issue 18 item 8: the state dir on a full filesystem (a small tmpfs, mounted in a private
    // mount namespace of this test process, which the helper and shims inherit). Last: the
    // namespace stays for the rest of the process.
    void state_dir_full()
    {
        if (::unshare(CLONE_NEWNS) < 0) QSKIP("no private mount namespace here");
        QVERIFY(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
        HelperProcess h;
        ::mkdir(h.state_dir().c_str(), 0711);
        QVERIFY(::mount("tmpfs", h.state_dir().c_str(), "tmpfs", 0, "size=32m") == 0);
        QVERIFY2(h.start(), h.log().c_str());
        RawClient c(h.socket());
        json r =
            c.call("container.create", {{"name", uname("full")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        QVERIFY2(r.contains("result"), r.dump().c_str());
        const std::string id = r["result"]["id"];
        json idle = c.call("container.create", {{"name", uname("full2")}, {"image", "busybox"}, {"cmd", {"true"}}});
        QVERIFY(c.call("container.start", {{"id", id}}).contains("result"));
        const std::string cg = h.cgroup_parent() + "/" + id;
        std::string limit_file = "/sys/fs/cgroup/memory" + cg + "/memory.limit_in_bytes";
        if (::access(limit_file.c_str(), F_OK) != 0) limit_file = "/sys/fs/cgroup" + cg + "/memory.max";
        const std::string kernel_before = slurp(limit_file);
        // Fill it.
        {
            int fd = ::open((h.state_dir() + "/filler").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
            QVERIFY(fd >= 0);
            std::string block(1 << 16, 'x');
            while (::write(fd, block.data(), block.size()) > 0) {}
            while (::write(fd, block.data(), 1) > 0) {}
            ::close(fd);
        }
        // update: refused, and then the kernel has not taken the limit either (or, if it had, the
        // record would show it).
        json u = c.call("container.update", {{"id", id}, {"limits", {{"memory", 64 << 20}}}});
        json ins = container(c, id);
        if (u.contains("error")) {
            QVERIFY(!u["error"]["message"].get<std::string>().empty());
            QCOMPARE(slurp(limit_file), kernel_before);
            QVERIFY(!ins["limits"].contains("memory"));
        } else {
            QCOMPARE(ins["limits"]["memory"].get<int64_t>(), int64_t(64 << 20));
        }
        // A start on a full disk fails with a reason.
        json st = c.call("container.start", {{"id", idle["result"]["id"]}});
        if (st.contains("error")) {
            const std::string msg = st["error"]["message"].get<std::string>();
            QVERIFY2(msg.find("exit 1): ") == std::string::npos || msg.substr(msg.find("exit 1): ") + 9).size() > 2,
                     msg.c_str());
            QVERIFY2(msg.size() > 30, msg.c_str());
        }
        // stop: SIGKILL is 137, recorded although the disk is full.
        QVERIFY(c.call("container.stop", {{"id", id}, {"timeout", 0}}).contains("result"));
        json ex = wait_state(c, id, "exited");
        QCOMPARE(ex["exit_code"].get<int>(), 137);
        const std::string finished = ex["finished_at"];
        QVERIFY(!finished.empty());
        // The next helper start does not move finished_at.
        QVERIFY(h.stop());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QVERIFY2(h.start(), h.log().c_str());
        RawClient c2(h.socket());
        json again = container(c2, id);
        QCOMPARE(again["state"].get<std::string>(), std::string("exited"));
        QCOMPARE(again["exit_code"].get<int>(), 137);
        QCOMPARE(again["finished_at"].get<std::string>(), finished);
        ::unlink((h.state_dir() + "/filler").c_str());
    }
};

QTEST_GUILESS_MAIN(TstHelperFaults)
#include "tst_helper_faults.moc"

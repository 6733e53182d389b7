// Limits on REAL containers run by onggi-runtime (busybox rootfs): a memory hog under 32 MiB
// is OOM-killed (exit 137, oom_kill counter), a CPU quota throttles (nr_throttled grows) and
// is updated live, a fork bomb stops at pids.max, pause freezes the container. Root only.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"
#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/spec/spec.h"
#include "tests/integration/runtime/runtime_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <random>
#include <sstream>
#include <thread>

using namespace onggi;
using namespace rtfix;

namespace {

uint64_t cpu_ticks(pid_t pid)
{
    auto t = read_file("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!t) return 0;
    std::string s = t.value();
    std::istringstream in(s.substr(s.rfind(')') + 2));
    std::string f;
    uint64_t sum = 0;
    for (int i = 3; i <= 15 && in >> f; ++i)
        if (i == 14 || i == 15) sum += std::stoull(f);
    return sum;
}

}  // namespace

class TstCgroupContainers : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string rootfs_, state_;
    std::string parent_;
    cgroup::HostInfo host_;
    std::vector<std::string> ids_;
    int seq_ = 0;

    Run runtime(const QStringList& args) const
    {
        return run(binary("onggi-runtime"), QStringList{"--root", QString::fromStdString(state_)} + args);
    }

    // A bundle whose cgroup is <parent>/<id>.
    std::string bundle(const std::string& id, std::vector<std::string> args, const spec::Resources& r)
    {
        spec::Spec s = spec::default_spec();
        s.root.path = rootfs_;
        s.process.args = std::move(args);
        s.hostname = "cg-test";
        s.linux.cgroups_path = parent_ + "/" + id;
        s.linux.resources = r;
        std::string dir = work_.path().toStdString() + "/bundles/" + id;
        if (!write_bundle(dir, s)) return {};
        ids_.push_back(id);
        return dir;
    }
    std::string fresh(const char* what)
    {
        return std::string("cg-") + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(++seq_);
    }
    std::unique_ptr<cgroup::Cgroup> cg_of(const std::string& id)
    {
        auto c = cgroup::open(host_, parent_ + "/" + id);
        return c ? std::move(c.value()) : nullptr;
    }
    pid_t pid_of(const std::string& id)
    {
        Run r = runtime({"state", QString::fromStdString(id)});
        return pid_t(QJsonDocument::fromJson(r.out.toUtf8()).object().value("pid").toInt());
    }
    std::string knob(const char* ctl, const std::string& id, const char* file)
    {
        std::string d = host_.mode == cgroup::Mode::v2 ? host_.root : host_.root + "/" + ctl;
        auto t = read_file(d + parent_ + "/" + id + "/" + file);
        return t ? std::string(cgroup::files::trim(t.value())) : std::string("<missing>");
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("needs root: runs real containers");
        if (!built("onggi-runtime")) QFAIL("onggi-runtime is not built");
        const std::string why = prepare_workdir(work_, rootfs_, state_);
        QVERIFY2(why.empty(), why.c_str());
        auto h = cgroup::probe_host();
        QVERIFY(h.ok());
        host_ = h.value();
        std::random_device rd;
        parent_ = "/onggi-test-" + std::to_string(rd()) + std::to_string(::getpid());
    }

    void cleanup()
    {
        for (const auto& id : ids_) runtime({"delete", "-f", QString::fromStdString(id)});
        ids_.clear();
    }

    void cleanupTestCase()
    {
        cleanup();
        if (host_.controllers.empty()) return;
        std::vector<std::string> roots;
        if (host_.mode == cgroup::Mode::v2) roots.push_back(host_.root);
        else
            for (auto& c : host_.controllers) roots.push_back(host_.root + "/" + c);
        if (!host_.unified.empty()) roots.push_back(host_.unified);
        for (auto& r : roots) (void)cgroup::files::remove_dir(r + parent_);
    }

    void memory_hog_is_oom_killed()
    {
        spec::Resources r;
        r.memory_limit = 32 << 20;
        if (host_.mode != cgroup::Mode::v2) r.memory_swap = 32 << 20;
        // The hog as the container's init: the runtime reports 128 + SIGKILL.
        std::string id = fresh("oom");
        std::string b = bundle(id, {"dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"}, r);
        Run res = runtime({"run", "-b", QString::fromStdString(b), QString::fromStdString(id)});
        QVERIFY2(res.code == 137, qPrintable(QString("exit %1: %2").arg(res.code).arg(res.err)));
        // The hog as a child of a shell, which then reads the kernel's counter of its own
        // cgroup (cgroup namespace: the container's cgroup is its root).
        std::string id2 = fresh("oom");
        std::string b2 =
            bundle(id2,
                   {"sh", "-c",
                    "dd if=/dev/zero of=/dev/null bs=64M count=1 2>/dev/null; echo exit=$?; "
                    "cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events 2>/dev/null; true"},
                   r);
        Run res2 = runtime({"run", "-b", QString::fromStdString(b2), QString::fromStdString(id2)});
        QVERIFY2(res2.code == 0, qPrintable(QString("exit %1: %2 %3").arg(res2.code).arg(res2.err, res2.out)));
        QVERIFY2(res2.out.contains("exit=137"), qPrintable(res2.out));
        QVERIFY2(res2.out.contains("oom_kill 1\n"), qPrintable(res2.out));
    }

    void cpu_quota_throttles_and_updates_live()
    {
        spec::Resources r;
        r.cpu_quota = 10000;  // 0.1 CPU: any busy loop that gets a CPU at all exceeds it
        r.cpu_period = 100000;
        std::string id = fresh("cpu");
        std::string b = bundle(id, {"sh", "-c", "while :; do :; done"}, r);
        Run res = runtime({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)});
        QVERIFY2(res.code == 0, qPrintable(res.err));
        auto cg = cg_of(id);
        QVERIFY(cg);
        if (host_.mode == cgroup::Mode::v2) QCOMPARE(knob("cpu", id, "cpu.max"), std::string("10000 100000"));
        else QCOMPARE(knob("cpu", id, "cpu.cfs_quota_us"), std::string("10000"));
        auto s0 = cg->stats();
        QVERIFY(s0.ok());
        QVERIFY(eventually([&] {
            auto s = cg->stats();
            return s.ok() && s->cpu_nr_throttled > s0->cpu_nr_throttled + 2;
        }));
        // Live update through the runtime, seen in the kernel's files.
        Run up = runtime(
            {"update", "--cpu-quota", "20000", "--memory", "64m", "--pids-limit", "50", QString::fromStdString(id)});
        QVERIFY2(up.code == 0, qPrintable(up.err));
        if (host_.mode == cgroup::Mode::v2) {
            QCOMPARE(knob("cpu", id, "cpu.max"), std::string("20000 100000"));
            QCOMPARE(knob("memory", id, "memory.max"), std::to_string(64 << 20));
        } else {
            QCOMPARE(knob("cpu", id, "cpu.cfs_quota_us"), std::string("20000"));
            QCOMPARE(knob("memory", id, "memory.limit_in_bytes"), std::to_string(64 << 20));
        }
        QCOMPARE(knob("pids", id, "pids.max"), std::string("50"));
    }

    void fork_bomb_stops_at_pids_max()
    {
        spec::Resources r;
        r.pids_limit = 20;
        std::string id = fresh("bomb");
        std::string b = bundle(id, {"sh", "-c", "b() { b & b & wait; }; b"}, r);
        Run res = runtime({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)});
        QVERIFY2(res.code == 0, qPrintable(res.err));
        auto cg = cg_of(id);
        QVERIFY(cg);
        QCOMPARE(knob("pids", id, "pids.max"), std::string("20"));
        // The kernel refuses forks past the limit and counts each refusal in pids.events.
        QVERIFY(eventually([&] {
            auto e = read_file((host_.mode == cgroup::Mode::v2 ? host_.root : host_.root + "/pids") + parent_ + "/" +
                               id + "/pids.events");
            return e && cgroup::files::keyed(e.value(), "max").value_or(0) > 0;
        }));
        for (int i = 0; i < 20; ++i) {
            auto s = cg->stats();
            QVERIFY(s.ok());
            QVERIFY2(s->pids_current <= 20, std::to_string(s->pids_current).c_str());
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        // And it can still be stopped: delete -f kills the whole cgroup.
        Run del = runtime({"delete", "-f", QString::fromStdString(id)});
        QVERIFY2(del.code == 0, qPrintable(del.err));
        ids_.erase(std::find(ids_.begin(), ids_.end(), id));
        QVERIFY(!cgroup::files::exists((host_.mode == cgroup::Mode::v2 ? host_.root : host_.root + "/pids") + parent_ +
                                       "/" + id));
    }

    void pause_freezes_the_container()
    {
        std::string id = fresh("pause");
        std::string b = bundle(id, {"sh", "-c", "while :; do :; done"}, spec::Resources{});
        Run res = runtime({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)});
        QVERIFY2(res.code == 0, qPrintable(res.err));
        pid_t pid = pid_of(id);
        QVERIFY(pid > 0);
        Run p = runtime({"pause", QString::fromStdString(id)});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        if (host_.mode == cgroup::Mode::v2)
            QVERIFY(knob("", id, "cgroup.events").find("frozen 1") != std::string::npos);
        else QCOMPARE(knob("freezer", id, "freezer.state"), std::string("FROZEN"));
        Run st = runtime({"state", QString::fromStdString(id)});
        QCOMPARE(QJsonDocument::fromJson(st.out.toUtf8()).object().value("status").toString(), QString("paused"));
        uint64_t a = cpu_ticks(pid);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(cpu_ticks(pid), a);  // frozen: no CPU at all
        Run u = runtime({"resume", QString::fromStdString(id)});
        QVERIFY2(u.code == 0, qPrintable(u.err));
        if (host_.mode == cgroup::Mode::v2)
            QVERIFY(knob("", id, "cgroup.events").find("frozen 0") != std::string::npos);
        else QCOMPARE(knob("freezer", id, "freezer.state"), std::string("THAWED"));
        QVERIFY(eventually([&] { return cpu_ticks(pid) > a; }));
    }
};

QTEST_GUILESS_MAIN(TstCgroupContainers)
#include "tst_cgroup_containers.moc"

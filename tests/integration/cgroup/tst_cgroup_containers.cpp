// Limits on REAL containers run by onggi-runtime (busybox rootfs): a memory hog under 32 MiB
// is OOM-killed (exit 137, oom_kill counter), a CPU quota throttles (nr_throttled grows) and
// is updated live, a fork bomb stops at pids.max, pause freezes the container. Root only.
#include "engine/cgroup/cgroup.h"
#include "engine/cgroup/cgroup_files.h"
#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/spec/spec.h"

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

namespace {

QString binary(const char* name)
{
    QByteArray dir = qgetenv("ONGGI_BINARY_DIR");
    if (dir.isEmpty()) dir = ONGGI_BINARY_DIR;
    return QString::fromUtf8(dir) + "/bin/" + name;
}

struct Run {
    int code = -1;
    QString out, err;
};

Run run(const QStringList& args, int timeout_ms = 60000)
{
    QProcess p;
    p.start(binary("onggi-runtime"), args);
    Run r;
    if (!p.waitForStarted(10000)) return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeout_ms)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Poll a condition; the deadline only bounds a hang, it never decides pass/fail by speed.
bool eventually(const std::function<bool()>& cond, int timeout_ms = 15000)
{
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < end) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return cond();
}

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

} // namespace

class TstCgroupContainers : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string rootfs_, state_;
    std::string parent_;
    cgroup::HostInfo host_;
    std::vector<std::string> ids_;
    int seq_ = 0;

    QStringList rt(QStringList args) const { return QStringList{"--root", QString::fromStdString(state_)} + args; }

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
        if (!make_dirs(dir) || !write_file_atomic(dir + "/config.json", spec::to_json(s))) return {};
        ids_.push_back(id);
        return dir;
    }
    std::string fresh(const char* what) { return std::string("cg-") + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(++seq_); }
    std::unique_ptr<cgroup::Cgroup> cg_of(const std::string& id)
    {
        auto c = cgroup::open(host_, parent_ + "/" + id);
        return c ? std::move(c.value()) : nullptr;
    }
    pid_t pid_of(const std::string& id)
    {
        Run r = run(rt({"state", QString::fromStdString(id)}));
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
        if (::access(binary("onggi-runtime").toUtf8().constData(), X_OK) != 0) QFAIL("onggi-runtime is not built");
        QVERIFY(work_.isValid());
        QVERIFY(::chmod(work_.path().toUtf8().constData(), 0755) == 0);
        rootfs_ = work_.path().toStdString() + "/rootfs";
        auto r = image::make_busybox_rootfs(rootfs_);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
        state_ = work_.path().toStdString() + "/state";
        auto h = cgroup::probe_host();
        QVERIFY(h.ok());
        host_ = h.value();
        std::random_device rd;
        parent_ = "/onggi-test-" + std::to_string(rd()) + std::to_string(::getpid());
    }

    void cleanup()
    {
        for (const auto& id : ids_) run(rt({"delete", "-f", QString::fromStdString(id)}));
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
        Run res = run(rt({"run", "-b", QString::fromStdString(b), QString::fromStdString(id)}));
        QVERIFY2(res.code == 137, qPrintable(QString("exit %1: %2").arg(res.code).arg(res.err)));
        // The hog as a child of a shell, which then reads the kernel's counter of its own
        // cgroup (cgroup namespace: the container's cgroup is its root).
        std::string id2 = fresh("oom");
        std::string b2 = bundle(id2, {"sh", "-c",
                                      "dd if=/dev/zero of=/dev/null bs=64M count=1 2>/dev/null; echo exit=$?; "
                                      "cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events 2>/dev/null; true"},
                                r);
        Run res2 = run(rt({"run", "-b", QString::fromStdString(b2), QString::fromStdString(id2)}));
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
        Run res = run(rt({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)}));
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
        Run up = run(rt({"update", "--cpu-quota", "20000", "--memory", "64m", "--pids-limit", "50", QString::fromStdString(id)}));
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
        Run res = run(rt({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)}));
        QVERIFY2(res.code == 0, qPrintable(res.err));
        auto cg = cg_of(id);
        QVERIFY(cg);
        QCOMPARE(knob("pids", id, "pids.max"), std::string("20"));
        // The kernel refuses forks past the limit and counts each refusal in pids.events.
        QVERIFY(eventually([&] {
            auto e = read_file((host_.mode == cgroup::Mode::v2 ? host_.root : host_.root + "/pids") + parent_ + "/" + id + "/pids.events");
            return e && cgroup::files::keyed(e.value(), "max").value_or(0) > 0;
        }));
        for (int i = 0; i < 20; ++i) {
            auto s = cg->stats();
            QVERIFY(s.ok());
            QVERIFY2(s->pids_current <= 20, std::to_string(s->pids_current).c_str());
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        // And it can still be stopped: delete -f kills the whole cgroup.
        Run del = run(rt({"delete", "-f", QString::fromStdString(id)}));
        QVERIFY2(del.code == 0, qPrintable(del.err));
        ids_.erase(std::find(ids_.begin(), ids_.end(), id));
        QVERIFY(!cgroup::files::exists((host_.mode == cgroup::Mode::v2 ? host_.root : host_.root + "/pids") + parent_ + "/" + id));
    }

    void pause_freezes_the_container()
    {
        std::string id = fresh("pause");
        std::string b = bundle(id, {"sh", "-c", "while :; do :; done"}, spec::Resources{});
        Run res = run(rt({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)}));
        QVERIFY2(res.code == 0, qPrintable(res.err));
        pid_t pid = pid_of(id);
        QVERIFY(pid > 0);
        Run p = run(rt({"pause", QString::fromStdString(id)}));
        QVERIFY2(p.code == 0, qPrintable(p.err));
        if (host_.mode == cgroup::Mode::v2) QVERIFY(knob("", id, "cgroup.events").find("frozen 1") != std::string::npos);
        else QCOMPARE(knob("freezer", id, "freezer.state"), std::string("FROZEN"));
        Run st = run(rt({"state", QString::fromStdString(id)}));
        QCOMPARE(QJsonDocument::fromJson(st.out.toUtf8()).object().value("status").toString(), QString("paused"));
        uint64_t a = cpu_ticks(pid);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(cpu_ticks(pid), a);  // frozen: no CPU at all
        Run u = run(rt({"resume", QString::fromStdString(id)}));
        QVERIFY2(u.code == 0, qPrintable(u.err));
        if (host_.mode == cgroup::Mode::v2) QVERIFY(knob("", id, "cgroup.events").find("frozen 0") != std::string::npos);
        else QCOMPARE(knob("freezer", id, "freezer.state"), std::string("THAWED"));
        QVERIFY(eventually([&] { return cpu_ticks(pid) > a; }));
    }
};

QTEST_GUILESS_MAIN(TstCgroupContainers)
#include "tst_cgroup_containers.moc"

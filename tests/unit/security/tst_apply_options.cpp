// apply_options(): the user's security choices in the spec; subordinate id ranges.
#include "engine/security/security.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace onggi;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

spec::Spec base_spec()
{
    spec::Spec s = spec::default_spec();
    s.linux.masked_paths.clear();
    s.linux.readonly_paths.clear();
    s.process.no_new_privileges = false;
    for (auto& m : s.mounts) m.options.erase(std::remove(m.options.begin(), m.options.end(), "ro"), m.options.end());
    return s;
}

const spec::Mount* mount_at(const spec::Spec& s, const std::string& d)
{
    for (const auto& m : s.mounts)
        if (m.destination == d) return &m;
    return nullptr;
}

std::string slurp(const std::string& p)
{
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

class TstApplyOptions : public QObject {
    Q_OBJECT
private slots:
    void defaults()
    {
        spec::Spec s = base_spec();
        QVERIFY(security::apply_options(s, {}).ok());
        QVERIFY(s.process.capabilities);
        QCOMPARE(s.process.capabilities->bounding.size(), size_t(14));
        QVERIFY(contains(s.process.capabilities->bounding, "CAP_NET_BIND_SERVICE"));
        QVERIFY(!contains(s.process.capabilities->bounding, "CAP_SYS_ADMIN"));
        QVERIFY(s.process.capabilities->ambient.empty());
        QVERIFY(s.process.no_new_privileges);
        QVERIFY(s.linux.seccomp);
        QCOMPARE(QString::fromStdString(s.linux.seccomp->default_action), QString("SCMP_ACT_ERRNO"));
        QCOMPARE(s.linux.masked_paths, security::default_masked_paths());
        QVERIFY(contains(s.linux.masked_paths, "/proc/kcore"));
        QVERIFY(contains(s.linux.masked_paths, "/proc/interrupts"));
        QVERIFY(contains(s.linux.readonly_paths, "/proc/sys"));
        QVERIFY(contains(mount_at(s, "/sys/fs/cgroup")->options, "ro"));
        QVERIFY(contains(mount_at(s, "/sys")->options, "ro"));
        QVERIFY(!s.root.readonly);
        QVERIFY(s.linux.resources);
        QCOMPARE(s.linux.resources->pids_limit.value_or(0), security::default_pids_limit());
        QVERIFY(!s.linux.resources->devices.empty());
        QVERIFY(!s.linux.resources->devices[0].allow);  // deny all first
        QCOMPARE(QString::fromStdString(s.linux.resources->devices[0].type), QString("a"));
        QVERIFY(!s.linux.has_namespace("user"));
        // the result is a spec prepare() accepts
        auto p = security::prepare(s);
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message().c_str());
        QVERIFY(!p->seccomp.empty());
    }

    void keeps_callers_pids_limit()
    {
        spec::Spec s = base_spec();
        spec::Resources r;
        r.pids_limit = 50;
        s.linux.resources = r;
        QVERIFY(security::apply_options(s, {}).ok());
        QCOMPARE(*s.linux.resources->pids_limit, int64_t(50));
    }

    void cap_add_drop()
    {
        spec::Spec s = base_spec();
        security::Options o;
        o.cap_add = {"sys_admin", "CAP_NET_ADMIN"};
        o.cap_drop = {"NET_RAW", "cap_mknod"};
        QVERIFY(security::apply_options(s, o).ok());
        const auto& b = s.process.capabilities->bounding;
        QCOMPARE(b.size(), size_t(14));
        QVERIFY(contains(b, "CAP_SYS_ADMIN"));
        QVERIFY(contains(b, "CAP_NET_ADMIN"));
        QVERIFY(!contains(b, "CAP_NET_RAW"));
        QVERIFY(!contains(b, "CAP_MKNOD"));
        QCOMPARE(s.process.capabilities->effective, b);
        // CAP_SYS_ADMIN unlocks the syscalls Docker unlocks for it
        bool mount_allowed = false;
        for (const auto& r : s.linux.seccomp->syscalls)
            if (r.action == "SCMP_ACT_ALLOW" && contains(r.names, "mount")) mount_allowed = true;
        QVERIFY(mount_allowed);
    }

    void drop_all_add_one()
    {
        spec::Spec s = base_spec();
        security::Options o;
        o.cap_drop = {"ALL"};
        o.cap_add = {"CAP_KILL"};
        QVERIFY(security::apply_options(s, o).ok());
        QCOMPARE(s.process.capabilities->bounding, std::vector<std::string>{"CAP_KILL"});
    }

    void add_all()
    {
        spec::Spec s = base_spec();
        security::Options o;
        o.cap_add = {"all"};
        o.cap_drop = {"CAP_SYS_MODULE"};
        QVERIFY(security::apply_options(s, o).ok());
        const uint64_t own = security::own_bounding_set();
        QCOMPARE(int(s.process.capabilities->bounding.size()), __builtin_popcountll(own & ~(1ull << 16)));
        QVERIFY(!contains(s.process.capabilities->bounding, "CAP_SYS_MODULE"));
    }

    void bad_caps_data()
    {
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown add") << QStringList{"CAP_KILL", "CAP_TELEPORT"} << QStringList{}
                                     << "security.cap_add[1]: unknown capability \"CAP_TELEPORT\"";
        QTest::newRow("unknown drop") << QStringList{} << QStringList{"bogus"}
                                      << "security.cap_drop[0]: unknown capability \"bogus\"";
        QTest::newRow("both") << QStringList{"NET_ADMIN"} << QStringList{"CAP_NET_ADMIN"}
                              << "security.cap_drop[0]: CAP_NET_ADMIN is also in cap_add";
    }
    void bad_caps()
    {
        QFETCH(QStringList, add);
        QFETCH(QStringList, drop);
        QFETCH(QString, field);
        spec::Spec s = base_spec();
        spec::Spec before = s;
        security::Options o;
        for (const auto& a : add) o.cap_add.push_back(a.toStdString());
        for (const auto& d : drop) o.cap_drop.push_back(d.toStdString());
        auto r = security::apply_options(s, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Errc::invalid_argument);
        QCOMPARE(QString::fromStdString(r.error().context), field);
        QCOMPARE(spec::to_json(s), spec::to_json(before));  // nothing half-applied
    }

    void privileged()
    {
        spec::Spec s = spec::default_spec();
        security::Options o;
        o.privileged = true;
        o.cap_drop = {"CAP_SYS_ADMIN"};  // ignored, as docker --privileged does
        QVERIFY(security::apply_options(s, o).ok());
        // all = what the caller itself may hand on (its bounding set)
        QCOMPARE(int(s.process.capabilities->bounding.size()), __builtin_popcountll(security::own_bounding_set()));
        QVERIFY(contains(s.process.capabilities->bounding, "CAP_SYS_ADMIN") || ::geteuid() != 0);
        QVERIFY(!s.linux.seccomp);
        QVERIFY(s.linux.masked_paths.empty());
        QVERIFY(s.linux.readonly_paths.empty());
        QVERIFY(!s.process.no_new_privileges);
        QVERIFY(!contains(mount_at(s, "/sys/fs/cgroup")->options, "ro"));
        QCOMPARE(s.linux.resources->devices.size(), size_t(1));
        QVERIFY(s.linux.resources->devices[0].allow);
    }

    void seccomp_choices()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        spec::Spec s = base_spec();
        security::Options o;
        o.seccomp = "unconfined";
        QVERIFY(security::apply_options(s, o).ok());
        QVERIFY(!s.linux.seccomp);
        QVERIFY(!s.linux.masked_paths.empty());  // unconfined is only seccomp

        std::string path = dir.filePath("p.json").toStdString();
        std::ofstream(path)
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["keyctl"],"action":"SCMP_ACT_ERRNO"}]})";
        o.seccomp = path;
        QVERIFY(security::apply_options(s, o).ok());
        QCOMPARE(QString::fromStdString(s.linux.seccomp->default_action), QString("SCMP_ACT_ALLOW"));

        o.seccomp = R"({"defaultAction":"SCMP_ACT_LOG"})";
        QVERIFY(security::apply_options(s, o).ok());
        QCOMPARE(QString::fromStdString(s.linux.seccomp->default_action), QString("SCMP_ACT_LOG"));

        o.seccomp = "relative.json";
        auto r = security::apply_options(s, o);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().context).startsWith("security.seccomp"));

        o.seccomp = dir.filePath("missing.json").toStdString();
        r = security::apply_options(s, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Errc::not_found);

        o.seccomp = R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"NOPE"}]})";
        r = security::apply_options(s, o);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().context).contains("security.seccomp: syscalls[0].action"),
                 r.error().context.c_str());
    }

    void read_only()
    {
        spec::Spec s = base_spec();
        security::Options o;
        o.read_only = true;
        QVERIFY(security::apply_options(s, o).ok());
        QVERIFY(s.root.readonly);
    }

    void userns_allocates_range()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string subuid = dir.filePath("subuid").toStdString(), subgid = dir.filePath("subgid").toStdString();
        // existing users occupy 100000-165535 and 165536-231071; a hole is left after them
        std::ofstream(subuid) << "# comment\nalice:100000:65536\nbob:165536:65536\nbroken line\n";
        std::ofstream(subgid) << "alice:100000:65536";  // no trailing newline
        spec::Spec s = base_spec();
        security::Options o;
        o.userns = true;
        o.subuid_file = subuid;
        o.subgid_file = subgid;
        QVERIFY(security::apply_options(s, o).ok());
        QVERIFY(s.linux.has_namespace("user"));
        QCOMPARE(s.linux.uid_mappings.size(), size_t(1));
        QCOMPARE(s.linux.uid_mappings[0].container_id, 0u);
        QCOMPARE(s.linux.uid_mappings[0].host_id, 231072u);
        QCOMPARE(s.linux.uid_mappings[0].size, 65536u);
        QCOMPARE(s.linux.gid_mappings[0].host_id, 165536u);
        QVERIFY(slurp(subuid).find("\nonggi:231072:65536\n") != std::string::npos);
        QCOMPARE(slurp(subgid), std::string("alice:100000:65536\nonggi:165536:65536\n"));

        // a second container reuses the entry; nothing more is appended
        spec::Spec s2 = base_spec();
        QVERIFY(security::apply_options(s2, o).ok());
        QCOMPARE(s2.linux.uid_mappings[0].host_id, 231072u);
        QCOMPARE(slurp(subgid), std::string("alice:100000:65536\nonggi:165536:65536\n"));

        // applying twice does not add a second user namespace
        QVERIFY(security::apply_options(s2, o).ok());
        int users = 0;
        for (const auto& n : s2.linux.namespaces) users += n.type == "user";
        QCOMPARE(users, 1);
    }

    void userns_without_creating()
    {
        QTemporaryDir dir;
        std::string subuid = dir.filePath("subuid").toStdString();
        std::ofstream(subuid) << "alice:100000:65536\n";
        spec::Spec s = base_spec();
        security::Options o;
        o.userns = true;
        o.subuid_file = o.subgid_file = subuid;
        o.create_subid_entry = false;
        auto r = security::apply_options(s, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Errc::not_found);
        QVERIFY(QString::fromStdString(r.error().context).contains("no entry for \"onggi\""));
    }

    void subid_gap_fit()
    {
        QTemporaryDir dir;
        std::string f = dir.filePath("subuid").toStdString();
        std::ofstream(f) << "a:100000:1000\nb:200000:65536\n";
        auto r = security::ensure_subid_range(f, "onggi", 65536);
        QVERIFY(r.ok());
        QCOMPARE(r->start, 101000u);  // 101000 + 65536 <= 200000: fits in the hole
        auto bad = security::ensure_subid_range(f, "on:ggi", 10);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, Errc::invalid_argument);
    }

    // A range the user already has (useradd made it) is reused, even a smaller one; never a
    // second entry for the same name.
    void subid_existing_range_reused()
    {
        QTemporaryDir dir;
        std::string f = dir.filePath("subuid").toStdString();
        std::ofstream(f) << "alice:300000:1000\n";
        auto r = security::ensure_subid_range(f, "alice", 65536);
        QVERIFY(r.ok());
        QCOMPARE(r->start, 300000u);
        QCOMPARE(r->count, 1000u);
        QCOMPARE(slurp(f), std::string("alice:300000:1000\n"));
    }

    // shadow's lock: "<file>.lock" of a process that is gone is stale and taken over; ours is
    // removed again; the file is rewritten whole with its mode kept.
    void subid_shadow_lock()
    {
        QTemporaryDir dir;
        std::string f = dir.filePath("subgid").toStdString();
        std::ofstream(f) << "a:100000:65536\n";
        QVERIFY(::chmod(f.c_str(), 0640) == 0);
        pid_t gone = ::fork();
        if (gone == 0) ::_exit(0);
        ::waitpid(gone, nullptr, 0);
        std::ofstream(f + ".lock") << gone;
        auto r = security::ensure_subid_range(f, "bob", 65536);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
        QCOMPARE(r->start, 165536u);
        QVERIFY(::access((f + ".lock").c_str(), F_OK) != 0);
        QCOMPARE(slurp(f), std::string("a:100000:65536\nbob:165536:65536\n"));
        struct stat st {};
        QVERIFY(::stat(f.c_str(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0640));
    }
};

QTEST_GUILESS_MAIN(TstApplyOptions)
#include "tst_apply_options.moc"

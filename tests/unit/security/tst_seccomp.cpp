// Seccomp: the default profile compiles and the KERNEL enforces it (a forked child loads the
// program and tries the blocked syscalls), Docker and OCI profile files parse, malformed ones
// are refused with an error naming the field.
#include "engine/security/security.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <linux/capability.h>
#include <linux/keyctl.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

using namespace onggi;

namespace {

enum Probe {
    p_keyctl,
    p_add_key,
    p_request_key,
    p_unshare_user,
    p_unshare_mnt,
    p_mount,
    p_umount,
    p_clone_newns,
    p_clone3,
    p_init_module,
    p_finit_module,
    p_bpf,
    p_userfaultfd,
    p_io_uring,
    p_vsock,
    p_kexec,
    p_swapon,
    p_reboot,
    p_personality_bad,
    p_pivot_root,
    p_setns,
    p_getpid,
    p_unix_socket,
    p_fork,
    p_count
};
const char* const probe_names[p_count] = {"keyctl",
                                          "add_key",
                                          "request_key",
                                          "unshare(NEWUSER)",
                                          "unshare(NEWNS)",
                                          "mount",
                                          "umount2",
                                          "clone(NEWNS)",
                                          "clone3",
                                          "init_module",
                                          "finit_module",
                                          "bpf",
                                          "userfaultfd",
                                          "io_uring_setup",
                                          "socket(AF_VSOCK)",
                                          "kexec_load",
                                          "swapon",
                                          "reboot",
                                          "personality(ADDR_NO_RANDOMIZE)",
                                          "pivot_root",
                                          "setns",
                                          "getpid",
                                          "socket(AF_UNIX)",
                                          "fork"};

// Runs in the forked child: raw syscalls only; returns errno (0 on success).
int probe(int which)
{
    auto r = [](long rc) { return rc < 0 ? errno : 0; };
    switch (which) {
    case p_keyctl: return r(::syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0));
    case p_add_key: return r(::syscall(SYS_add_key, "user", "onggi", "x", 1, KEY_SPEC_PROCESS_KEYRING));
    case p_request_key: return r(::syscall(SYS_request_key, "user", "onggi-none", nullptr, 0));
    case p_unshare_user: return r(::unshare(CLONE_NEWUSER));
    case p_unshare_mnt: return r(::unshare(CLONE_NEWNS));
    case p_mount: return r(::mount("none", "/nonexistent-onggi", "tmpfs", 0, nullptr));
    case p_umount: return r(::umount2("/nonexistent-onggi", 0));
    case p_clone_newns: {
        long pid = ::syscall(SYS_clone, CLONE_NEWNS | SIGCHLD, nullptr, nullptr, nullptr, 0);
        if (pid == 0) ::_exit(0);
        if (pid > 0) ::waitpid(int(pid), nullptr, 0);
        return r(pid);
    }
    case p_clone3: {
        char args[88] = {};
        long pid = ::syscall(435 /* clone3 */, args, sizeof args);
        if (pid == 0) ::_exit(0);
        if (pid > 0) ::waitpid(int(pid), nullptr, 0);
        return r(pid);
    }
    case p_init_module: return r(::syscall(SYS_init_module, nullptr, 0, ""));
    case p_finit_module: return r(::syscall(SYS_finit_module, -1, "", 0));
    case p_bpf: return r(::syscall(SYS_bpf, 0, nullptr, 0));
    case p_userfaultfd: return r(::syscall(SYS_userfaultfd, 0));
    case p_io_uring: return r(::syscall(425 /* io_uring_setup */, 1, nullptr));
    case p_vsock: return r(::socket(40 /* AF_VSOCK */, SOCK_STREAM, 0));
    case p_kexec: return r(::syscall(SYS_kexec_load, 0, 0, nullptr, 0));
    case p_swapon: return r(::syscall(SYS_swapon, "/nonexistent-onggi", 0));
    case p_reboot: return r(::syscall(SYS_reboot, 0, 0, 0, nullptr));  // bad magic: EINVAL if reached
    case p_personality_bad: return r(::syscall(SYS_personality, 0x0040000));
    case p_pivot_root: return r(::syscall(SYS_pivot_root, "/nonexistent-a", "/nonexistent-b"));
    case p_setns: return r(::syscall(SYS_setns, -1, 0));
    case p_getpid: return r(::syscall(SYS_getpid));
    case p_unix_socket: return r(::socket(AF_UNIX, SOCK_STREAM, 0));
    case p_fork: {
        pid_t pid = ::fork();
        if (pid == 0) ::_exit(0);
        if (pid > 0) ::waitpid(pid, nullptr, 0);
        return r(pid);
    }
    }
    return -1;
}

// Fork, optionally load `plan`'s filter (with no_new_privs), run every probe; errno per probe.
std::vector<int> run_probes(const security::SecurityPlan* plan)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return {};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        int res[p_count];
        int load = 0;
        if (plan) {
            load = ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 ? 0 : errno;
            if (!load) load = -security::child_load_seccomp(*plan);
        }
        for (int i = 0; i < p_count; ++i) res[i] = load ? -1000 - load : probe(i);
        (void)!::write(fds[1], res, sizeof res);
        ::_exit(0);
    }
    ::close(fds[1]);
    std::vector<int> out(p_count, -1);
    ssize_t got = 0, n;
    while (got < ssize_t(sizeof(int) * p_count) &&
           (n = ::read(fds[0], reinterpret_cast<char*>(out.data()) + got, sizeof(int) * p_count - size_t(got))) > 0)
        got += n;
    ::close(fds[0]);
    int st = 0;
    ::waitpid(pid, &st, 0);
    if (got != ssize_t(sizeof(int) * p_count)) return {};
    return out;
}

security::SecurityPlan plan_for(const spec::Seccomp& profile)
{
    spec::Spec s;
    s.process.no_new_privileges = true;
    s.linux.seccomp = profile;
    auto p = security::prepare(s);
    if (!p) qFatal("prepare: %s", p.error().message().c_str());
    return *p;
}

QString err_of(const Result<spec::Seccomp>& r)
{
    return r.ok() ? QString("(ok)") : QString::fromStdString(r.error().context);
}

const char* kDockerProfile = R"({
  "defaultAction": "SCMP_ACT_ERRNO",
  "defaultErrnoRet": 1,
  "archMap": [
    {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
    {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}
  ],
  "syscalls": [
    {"names": ["getpid", "exit_group", "not_a_real_syscall_onggi"], "action": "SCMP_ACT_ALLOW"},
    {"name": "gettid", "action": "SCMP_ACT_ALLOW"},
    {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
    {"names": ["chroot"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_CHROOT"]}},
    {"names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 2114060288, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}],
     "excludes": {"caps": ["CAP_SYS_ADMIN"]}, "comment": "s390 has a different order"},
    {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
    {"names": ["uselib"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "99.0"}},
    {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x32"]}},
    {"names": ["s390_pci_mmio_read"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["s390x"]}}
  ]
})";

bool has_rule(const spec::Seccomp& s, const std::string& name)
{
    for (const auto& r : s.syscalls)
        for (const auto& n : r.names)
            if (n == name) return true;
    return false;
}

}  // namespace

class TstSeccomp : public QObject {
    Q_OBJECT
private slots:
    void default_profile_shape()
    {
        auto s = security::default_seccomp();
        QCOMPARE(QString::fromStdString(s.default_action), QString("SCMP_ACT_ERRNO"));
        QCOMPARE(s.default_errno_ret.value_or(0), uint32_t(EPERM));
        for (const char* never : {"keyctl",           "add_key",        "request_key",  "bpf",           "kexec_load",
                                  "kexec_file_load",  "init_module",    "finit_module", "delete_module", "mount",
                                  "umount2",          "pivot_root",     "unshare",      "setns",         "userfaultfd",
                                  "io_uring_setup",   "io_uring_enter", "swapon",       "swapoff",       "reboot",
                                  "open_by_handle_at"})
            QVERIFY2(!has_rule(s, never), never);
        auto p = security::compile_seccomp(s);
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message().c_str());
        QVERIFY(p->size() > 20);
    }

    void kernel_enforces_default_profile()
    {
        auto plan = plan_for(security::default_seccomp());
        auto res = run_probes(&plan);
        QCOMPARE(int(res.size()), int(p_count));
        for (int i : {p_keyctl, p_add_key,     p_request_key,     p_unshare_user, p_unshare_mnt,
                      p_mount,  p_umount,      p_clone_newns,     p_init_module,  p_finit_module,
                      p_bpf,    p_userfaultfd, p_io_uring,        p_vsock,        p_kexec,
                      p_swapon, p_reboot,      p_personality_bad, p_pivot_root,   p_setns})
            QVERIFY2(res[i] == EPERM,
                     qPrintable(QString("%1 gave errno %2, want EPERM").arg(probe_names[i]).arg(res[i])));
        QVERIFY2(res[p_clone3] == ENOSYS, qPrintable(QString("clone3 gave %1, want ENOSYS").arg(res[p_clone3])));
        QCOMPARE(res[p_getpid], 0);
        QCOMPARE(res[p_unix_socket], 0);
        QCOMPARE(res[p_fork], 0);  // plain clone without namespace flags still works
    }

    // Without the filter the same probes get past seccomp: the test above can fail.
    void unconfined_control()
    {
        auto res = run_probes(nullptr);
        QCOMPARE(int(res.size()), int(p_count));
        QVERIFY(res[p_keyctl] != EPERM);
        QVERIFY(res[p_clone3] != ENOSYS);
        if (::geteuid() == 0) {
            QCOMPARE(res[p_unshare_mnt], 0);
            QCOMPARE(res[p_clone_newns], 0);
        }
    }

    // CAP_SYS_ADMIN unlocks what Docker unlocks for it (e.g. unshare, mount, clone with flags).
    void sys_admin_variant()
    {
        auto s = security::default_seccomp_for(1ull << CAP_SYS_ADMIN);
        QVERIFY(has_rule(s, "mount"));
        QVERIFY(has_rule(s, "unshare"));
        auto plan = plan_for(s);
        auto res = run_probes(&plan);
        QCOMPARE(int(res.size()), int(p_count));
        QVERIFY(res[p_unshare_mnt] != EPERM || ::geteuid() != 0);
        QCOMPARE(res[p_keyctl], EPERM);  // never
        QVERIFY(res[p_clone3] != ENOSYS);
    }

    void docker_profile()
    {
        auto plain = security::parse_seccomp_profile(kDockerProfile, 0);
        QVERIFY2(plain.ok(), qPrintable(err_of(plain)));
        QCOMPARE(plain->default_errno_ret.value_or(0), 1u);
#if defined(__x86_64__)
        QCOMPARE(plain->architectures,
                 (std::vector<std::string>{"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"}));
        QVERIFY(has_rule(*plain, "arch_prctl"));
#endif
        QVERIFY(has_rule(*plain, "gettid"));  // legacy "name"
        QVERIFY(!has_rule(*plain, "mount"));  // needs CAP_SYS_ADMIN
        QVERIFY(!has_rule(*plain, "chroot"));
        QVERIFY(has_rule(*plain, "clone"));    // excluded only with CAP_SYS_ADMIN
        QVERIFY(has_rule(*plain, "ptrace"));   // minKernel 4.8
        QVERIFY(!has_rule(*plain, "uselib"));  // minKernel 99.0
        QVERIFY(!has_rule(*plain, "s390_pci_mmio_read"));

        auto admin =
            security::parse_seccomp_profile(kDockerProfile, (1ull << CAP_SYS_ADMIN) | (1ull << CAP_SYS_CHROOT));
        QVERIFY2(admin.ok(), qPrintable(err_of(admin)));
        QVERIFY(has_rule(*admin, "mount"));
        QVERIFY(has_rule(*admin, "chroot"));
        QVERIFY(!has_rule(*admin, "clone"));

        // An unknown syscall name is skipped, not an error, and the profile enforces.
        auto prog = security::compile_seccomp(*plain);
        QVERIFY(prog.ok());
    }

    void oci_profile_forms()
    {
        const char* bare = R"({"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64"],
            "syscalls":[{"names":["keyctl"],"action":"SCMP_ACT_ERRNO","errnoRet":38}]})";
        auto a = security::parse_seccomp_profile(bare);
        QVERIFY2(a.ok(), qPrintable(err_of(a)));
        QCOMPARE(a->syscalls.size(), size_t(1));
        QCOMPARE(a->syscalls[0].errno_ret.value_or(0), 38u);

        std::string config = std::string(R"({"ociVersion":"1.0.2","linux":{"seccomp":)") + bare + "}}";
        auto b = security::parse_seccomp_profile(config);
        QVERIFY2(b.ok(), qPrintable(err_of(b)));
        QCOMPARE(b->syscalls.size(), size_t(1));

        // enforce: keyctl -> ENOSYS (38), everything else allowed
        auto plan = plan_for(*a);
        auto res = run_probes(&plan);
        QCOMPARE(int(res.size()), int(p_count));
        QCOMPARE(res[p_keyctl], ENOSYS);
        QCOMPARE(res[p_getpid], 0);
    }

    void load_from_file()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string path = dir.filePath("docker.json").toStdString();
        std::ofstream(path) << kDockerProfile;
        auto p = security::load_seccomp_profile(path);
        QVERIFY2(p.ok(), qPrintable(err_of(p)));
        auto missing = security::load_seccomp_profile(dir.filePath("nope.json").toStdString());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Errc::not_found);
        QVERIFY(QString::fromStdString(missing.error().message()).contains("nope.json"));
        std::string bad = dir.filePath("bad.json").toStdString();
        std::ofstream(bad) << R"({"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [{"names": ["read"], "action": 5}]})";
        auto b = security::load_seccomp_profile(bad);
        QVERIFY(!b.ok());
        QVERIFY2(QString::fromStdString(b.error().context).contains("bad.json: syscalls[0].action: expected a string"),
                 b.error().context.c_str());
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << "{defaultAction"
                                  << "not valid JSON";
        QTest::newRow("array top") << "[]"
                                   << "(top level): expected an object";
        QTest::newRow("no default") << R"({"syscalls":[]})"
                                    << "defaultAction: required";
        QTest::newRow("default type") << R"({"defaultAction":1})"
                                      << "defaultAction: expected a string";
        QTest::newRow("default unknown") << R"({"defaultAction":"SCMP_ACT_MAYBE"})"
                                         << "defaultAction: unknown action";
        QTest::newRow("notify") << R"({"defaultAction":"SCMP_ACT_NOTIFY"})"
                                << "SCMP_ACT_NOTIFY";
        QTest::newRow("errno neg") << R"({"defaultAction":"SCMP_ACT_ERRNO","defaultErrnoRet":-1})"
                                   << "defaultErrnoRet: expected a non-negative integer";
        QTest::newRow("arch type") << R"({"defaultAction":"SCMP_ACT_ALLOW","architectures":"x86"})"
                                   << "architectures: expected an array";
        QTest::newRow("arch unknown") << R"({"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_PDP11"]})"
                                      << "architectures[0]: unknown architecture";
        QTest::newRow("flag unknown") << R"({"defaultAction":"SCMP_ACT_ALLOW","flags":["SECCOMP_FILTER_FLAG_FAST"]})"
                                      << "flags[0]: unknown flag";
        QTest::newRow("syscalls type") << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":{}})"
                                       << "syscalls: expected an array";
        QTest::newRow("rule type") << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[3]})"
                                   << "syscalls[0]: expected an object";
        QTest::newRow("no names") << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"action":"SCMP_ACT_ERRNO"}]})"
                                  << "syscalls[0].names: at least one";
        QTest::newRow("name type")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read",7],"action":"SCMP_ACT_ERRNO"}]})"
            << "syscalls[0].names[1]: expected a string";
        QTest::newRow("empty name")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":[""],"action":"SCMP_ACT_ERRNO"}]})"
            << "syscalls[0].names[0]: not a syscall name";
        QTest::newRow("no action") << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"]}]})"
                                   << "syscalls[0].action: required";
        QTest::newRow("bad action")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"DENY"}]})"
            << "syscalls[0].action: unknown action";
        QTest::newRow("args type")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":{}}]})"
            << "syscalls[0].args: expected an array";
        QTest::newRow("arg index")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":6,"value":1,"op":"SCMP_CMP_EQ"}]}]})"
            << "syscalls[0].args[0].index: must be between 0 and 5";
        QTest::newRow("arg op")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":1,"op":"SCMP_CMP_ABOUT"}]}]})"
            << "syscalls[0].args[0].op: unknown operator";
        QTest::newRow("arg no op")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":1}]}]})"
            << "syscalls[0].args[0].op: required";
        QTest::newRow("arg value")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":"1","op":"SCMP_CMP_EQ"}]}]})"
            << "syscalls[0].args[0].value: expected a non-negative integer";
        QTest::newRow("includes type")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","includes":[]}]})"
            << "syscalls[0].includes: expected an object";
        QTest::newRow("includes cap")
            << R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","includes":{"caps":["CAP_NOPE"]}}]})"
            << "syscalls[0].includes.caps[0]: unknown capability";
        QTest::newRow("archMap entry") << R"({"defaultAction":"SCMP_ACT_ALLOW","archMap":[{"subArchitectures":[]}]})"
                                       << "archMap[0].architecture: required";
        QTest::newRow("config no seccomp") << R"({"ociVersion":"1.0.2","linux":{}})"
                                           << "linux.seccomp: required";
        QTest::newRow("config bad rule")
            << R"({"linux":{"seccomp":{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":7}]}}})"
            << "linux.seccomp.syscalls[0].action: expected a string";
    }
    void malformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        auto r = security::parse_seccomp_profile(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().context).contains(field), r.error().context.c_str());
    }
    // compile_seccomp_cached: the cached program is the compiled one, bit for bit; what is not
    // ours or looks wrong is never loaded; and the kernel enforces a program that came from the
    // cache (a forked child loads it).
    void cache_returns_the_compiled_program()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string cache = dir.filePath("seccomp").toStdString();
        auto profile = security::default_seccomp();
        auto direct = security::compile_seccomp(profile);
        QVERIFY(direct.ok());
        bool hit = true;
        unsigned flags = 99;
        auto first = security::compile_seccomp_cached(profile, cache, &flags, &hit);
        QVERIFY(first.ok());
        QVERIFY(!hit);
        QCOMPARE(flags, 0u);
        struct stat st {};
        QCOMPARE(::stat(cache.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        auto second = security::compile_seccomp_cached(profile, cache, &flags, &hit);
        QVERIFY(second.ok());
        QVERIFY(hit);
        QCOMPARE(second->size(), direct->size());
        QVERIFY(std::memcmp(second->data(), direct->data(), direct->size() * sizeof(sock_filter)) == 0);

        // The kernel enforces what came from the cache.
        security::SecurityPlan plan = plan_for(profile);
        plan.seccomp = std::move(*second);
        auto res = run_probes(&plan);
        QCOMPARE(int(res.size()), int(p_count));
        QCOMPARE(res[p_keyctl], EPERM);
        QCOMPARE(res[p_mount], EPERM);
        QCOMPARE(res[p_getpid], 0);
    }

    void cache_key_follows_the_profile()
    {
        auto a = security::default_seccomp();
        auto b = a;
        QCOMPARE(security::seccomp_cache_key(a), security::seccomp_cache_key(b));
        b.syscalls.back().names.push_back("keyctl");
        QVERIFY(security::seccomp_cache_key(a) != security::seccomp_cache_key(b));
        auto c = a;
        c.default_errno_ret = 38;
        QVERIFY(security::seccomp_cache_key(a) != security::seccomp_cache_key(c));
        // Field boundaries count: ["ab","c"] and ["a","bc"] differ.
        spec::Seccomp x, y;
        x.syscalls.push_back({{"ab", "c"}, "SCMP_ACT_ALLOW", std::nullopt, {}});
        y.syscalls.push_back({{"a", "bc"}, "SCMP_ACT_ALLOW", std::nullopt, {}});
        QVERIFY(security::seccomp_cache_key(x) != security::seccomp_cache_key(y));

        // Two profiles never share an entry: the second one gets its own program.
        QTemporaryDir dir;
        const std::string cache = dir.filePath("seccomp").toStdString();
        bool hit = true;
        QVERIFY(security::compile_seccomp_cached(a, cache, nullptr, &hit).ok());
        auto pb = security::compile_seccomp_cached(b, cache, nullptr, &hit);
        QVERIFY(pb.ok());
        QVERIFY(!hit);
        auto direct_b = security::compile_seccomp(b);
        QCOMPARE(pb->size(), direct_b->size());
    }

    // A damaged, foreign or linked entry is recompiled (and replaced), never loaded.
    void cache_refuses_bad_entries_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::newRow("truncated") << "truncated";
        QTest::newRow("bad magic") << "magic";
        QTest::newRow("count lies") << "count";
        QTest::newRow("group writable") << "mode";
        QTest::newRow("symlink") << "symlink";
        QTest::newRow("not ours") << "owner";
    }
    void cache_refuses_bad_entries()
    {
        QFETCH(QString, attack);
        if (attack == "owner" && ::geteuid() != 0) QSKIP("chown needs root");
        QTemporaryDir dir;
        const std::string cache = dir.filePath("seccomp").toStdString();
        auto profile = security::default_seccomp();
        QVERIFY(security::compile_seccomp_cached(profile, cache).ok());
        const std::string entry = cache + "/" + security::seccomp_cache_key(profile) + ".bpf";
        auto good = security::compile_seccomp(profile).value();
        // An "evil" program: a filter that allows everything.
        std::vector<sock_filter> evil = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
        auto write_entry = [&](const std::string& path, uint32_t count, const char* magic, size_t keep) {
            std::string bytes(magic, 8);
            uint32_t flags = 0;
            bytes.append(reinterpret_cast<const char*>(&flags), 4);
            bytes.append(reinterpret_cast<const char*>(&count), 4);
            bytes.append(reinterpret_cast<const char*>(evil.data()), evil.size() * sizeof(sock_filter));
            ::unlink(path.c_str());
            std::ofstream(path, std::ios::binary) << bytes.substr(0, std::min(keep, bytes.size()));
            ::chmod(path.c_str(), 0600);
        };
        const char* magic = "ONGGIBP1";
        if (attack == "truncated") write_entry(entry, 1, magic, 12);
        else if (attack == "magic") write_entry(entry, 1, "NOTONGGI", 1000);
        else if (attack == "count") write_entry(entry, 2, magic, 1000);
        else if (attack == "mode") {
            write_entry(entry, 1, magic, 1000);
            ::chmod(entry.c_str(), 0620);
        } else if (attack == "symlink") {
            const std::string elsewhere = dir.filePath("evil.bpf").toStdString();
            write_entry(elsewhere, 1, magic, 1000);
            ::unlink(entry.c_str());
            QCOMPARE(::symlink(elsewhere.c_str(), entry.c_str()), 0);
        } else if (attack == "owner") {
            write_entry(entry, 1, magic, 1000);
            QCOMPARE(::chown(entry.c_str(), 65534, 65534), 0);
        }
        bool hit = true;
        auto got = security::compile_seccomp_cached(profile, cache, nullptr, &hit);
        QVERIFY(got.ok());
        QVERIFY2(!hit, qPrintable(attack));
        QCOMPARE(got->size(), good.size());
        QVERIFY(std::memcmp(got->data(), good.data(), good.size() * sizeof(sock_filter)) == 0);
        // ... and the entry is a good one again.
        struct stat st {};
        QCOMPARE(::lstat(entry.c_str(), &st), 0);
        QVERIFY(S_ISREG(st.st_mode));
        QVERIFY(security::compile_seccomp_cached(profile, cache, nullptr, &hit).ok());
        QVERIFY(hit);
    }

    // The checks can fail: the same forged entry, well formed and ours, is loaded.
    void cache_loads_a_well_formed_entry()
    {
        QTemporaryDir dir;
        const std::string cache = dir.filePath("seccomp").toStdString();
        auto profile = security::default_seccomp();
        QVERIFY(security::compile_seccomp_cached(profile, cache).ok());
        const std::string entry = cache + "/" + security::seccomp_cache_key(profile) + ".bpf";
        sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
        std::string bytes("ONGGIBP1", 8);
        uint32_t flags = 0, count = 1;
        bytes.append(reinterpret_cast<const char*>(&flags), 4);
        bytes.append(reinterpret_cast<const char*>(&count), 4);
        bytes.append(reinterpret_cast<const char*>(&allow), sizeof allow);
        ::unlink(entry.c_str());
        std::ofstream(entry, std::ios::binary) << bytes;
        ::chmod(entry.c_str(), 0600);
        bool hit = false;
        auto got = security::compile_seccomp_cached(profile, cache, nullptr, &hit);
        QVERIFY(got.ok());
        QVERIFY(hit);
        QCOMPARE(got->size(), size_t(1));
    }

    // A cache directory anyone may write to is not used at all.
    void cache_ignores_an_open_directory()
    {
        QTemporaryDir dir;
        const std::string cache = dir.filePath("seccomp").toStdString();
        QCOMPARE(::mkdir(cache.c_str(), 0777), 0);
        QCOMPARE(::chmod(cache.c_str(), 0777), 0);
        bool hit = true;
        auto profile = security::default_seccomp();
        QVERIFY(security::compile_seccomp_cached(profile, cache, nullptr, &hit).ok());
        QVERIFY(!hit);
        QVERIFY(
            !QFileInfo::exists(QString::fromStdString(cache + "/" + security::seccomp_cache_key(profile) + ".bpf")));
    }
};

QTEST_GUILESS_MAIN(TstSeccomp)
#include "tst_seccomp.moc"

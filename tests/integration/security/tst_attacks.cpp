// Attacks on real containers run by onggi-runtime. Each must fail with the default security
// settings (security::apply_options with no options) and, where it means something, succeed
// once the protection is removed (--privileged, seccomp=unconfined, a cap added), which shows
// that the test can fail. Raw syscalls busybox lacks come from the static sec_probe fixture.
#include "sec_fixture.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <linux/magic.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <thread>

using namespace onggi;
using namespace secfix;

class TstAttacks : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string rootfs_, state_;
    std::vector<std::string> ids_;

    Run runtime(const QStringList& args, std::function<void()> in_child = {})
    {
        QStringList a{"--root", QString::fromStdString(state_)};
        a += args;
        return run(binary("onggi-runtime"), a, 120000, in_child);
    }

    // default_spec() with our rootfs and args, then the user's security options.
    spec::Spec make_spec(const std::vector<std::string>& args, security::Options o = {}, const std::string& rootfs = {})
    {
        spec::Spec s = spec::default_spec();
        s.root.path = rootfs.empty() ? rootfs_ : rootfs;
        s.process.args = args;
        s.hostname = "sec-test";
        o.subuid_file = work_.path().toStdString() + "/subuid";  // never the host's /etc/subuid
        o.subgid_file = work_.path().toStdString() + "/subgid";
        auto r = security::apply_options(s, o);
        if (!r) qFatal("apply_options: %s", r.error().message().c_str());
        return s;
    }

    std::string bundle(const std::string& id, const spec::Spec& s)
    {
        std::string dir = work_.path().toStdString() + "/bundles/" + id;
        if (!make_dirs(dir) || !write_file_atomic(dir + "/config.json", spec::to_json(s)))
            qFatal("cannot write bundle");
        return dir;
    }

    Run container(const spec::Spec& s, std::function<void()> in_child = {})
    {
        std::string id = sec_id("c");
        ids_.push_back(id);
        return runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)},
                       std::move(in_child));
    }

    QMap<QString, QString> probe(const QStringList& steps, security::Options o = {}, Run* raw = nullptr)
    {
        std::vector<std::string> args{"/bin/sec_probe"};
        for (const auto& s : steps) args.push_back(s.toStdString());
        Run r = container(make_spec(args, o));
        if (raw) *raw = r;
        if (r.code != 0) qWarning("container exited %d: %s", r.code, qPrintable(r.err));
        return parse_probe(r.out);
    }

    static security::Options privileged()
    {
        security::Options o;
        o.privileged = true;
        return o;
    }
    static security::Options unconfined()
    {
        security::Options o;
        o.seccomp = "unconfined";
        return o;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests need root");
        if (!built("onggi-runtime")) QFAIL("onggi-runtime is not built");
        const std::string why = prepare_workdir(work_, rootfs_, state_);
        QVERIFY2(why.empty(), why.c_str());
        QVERIFY(QFile::copy(SEC_PROBE, QString::fromStdString(rootfs_ + "/bin/sec_probe")));
        QVERIFY(::chmod((rootfs_ + "/bin/sec_probe").c_str(), 0755) == 0);
    }

    void cleanup()
    {
        for (const auto& id : ids_) runtime({"delete", "-f", QString::fromStdString(id)});
        ids_.clear();
    }

    // The capability sets inside equal Docker's 14; no_new_privs and a seccomp filter are on.
    void capabilitySetsAreTheDefault()
    {
        auto m = security::capability_mask(security::default_capability_names(), "default");
        QVERIFY(m.ok());
        const QString hex = QString("%1").arg(qulonglong(*m), 16, 16, QChar('0'));
        QCOMPARE(hex, QString("00000000a80425fb"));  // what docker shows for its default set
        auto r = probe({"caps"});
        const QString caps = r.value("caps");
        for (const char* set : {"CapPrm", "CapEff", "CapBnd"})
            QVERIFY2(caps.contains(QString("%1: %2").arg(set, hex)), qPrintable(caps));
        QVERIFY2(caps.contains("CapInh: 0000000000000000"), qPrintable(caps));
        QVERIFY2(caps.contains("CapAmb: 0000000000000000"), qPrintable(caps));
        QVERIFY2(caps.contains("NoNewPrivs: 1"), qPrintable(caps));
        QVERIFY2(caps.contains("Seccomp: 2"), qPrintable(caps));

        // and the options change them: --cap-add NET_ADMIN --cap-drop CHOWN
        security::Options o;
        o.cap_add = {"NET_ADMIN"};
        o.cap_drop = {"CHOWN"};
        auto r2 = probe({"caps"}, o);
        const uint64_t want = (*m | (1ull << 12)) & ~1ull;
        const QString hex2 = QString("%1").arg(qulonglong(want), 16, 16, QChar('0'));
        QVERIFY2(r2.value("caps").contains("CapEff: " + hex2), qPrintable(r2.value("caps")));
    }

    void mountIsRefused()
    {
        auto r = probe({"mount"});
        QCOMPARE(r.value("mount"), QString("errno 1 EPERM"));
        auto c = probe({"mount"}, privileged());
        QCOMPARE(c.value("mount"), QString("ok"));
    }

    void unshareIsRefused()
    {
        auto r = probe({"unshare-user", "unshare-mnt", "clone-newns", "clone3"});
        QCOMPARE(r.value("unshare-user"), QString("errno 1 EPERM"));
        QCOMPARE(r.value("unshare-mnt"), QString("errno 1 EPERM"));
        QCOMPARE(r.value("clone-newns"), QString("errno 1 EPERM"));
        QCOMPARE(r.value("clone3"), QString("errno 38 ENOSYS"));  // libc falls back to clone
        // busybox's own unshare fails the same way
        Run b = container(make_spec({"sh", "-c", "unshare -U -m true && echo escaped || echo refused"}));
        QVERIFY2(b.out.contains("refused"), qPrintable(b.out + b.err));

        // Without the seccomp filter a user namespace needs no capability at all...
        auto c = probe({"unshare-user", "clone3"}, unconfined());
        QCOMPARE(c.value("unshare-user"), QString("ok"));
        QCOMPARE(c.value("clone3"), QString("ok"));
        // ...and with CAP_SYS_ADMIN the mount namespace opens too.
        security::Options admin = unconfined();
        admin.cap_add = {"SYS_ADMIN"};
        auto d = probe({"unshare-mnt"}, admin);
        QCOMPARE(d.value("unshare-mnt"), QString("ok"));
    }

    void keyctlIsRefused()
    {
        auto r = probe({"keyctl", "add_key"});
        QCOMPARE(r.value("keyctl"), QString("errno 1 EPERM"));
        QCOMPARE(r.value("add_key"), QString("errno 1 EPERM"));
        auto c = probe({"keyctl"}, unconfined());
        QVERIFY2(!c.value("keyctl").contains("EPERM") && !c.value("keyctl").isEmpty(), qPrintable(c.value("keyctl")));
    }

    void moduleLoadingIsRefused()
    {
        auto r = probe({"init_module", "finit_module"});
        QCOMPARE(r.value("init_module"), QString("errno 1 EPERM"));
        QCOMPARE(r.value("finit_module"), QString("errno 1 EPERM"));
        // Privileged, the call reaches the module loader, which rejects our 8 zero bytes
        // (ENOEXEC/EINVAL, or ENOSYS on a kernel without modules) -- nothing is loaded.
        auto c = probe({"init_module", "finit_module"}, privileged());
        QVERIFY2(!c.value("init_module").contains("EPERM") && !c.value("init_module").isEmpty(),
                 qPrintable(c.value("init_module")));
        QVERIFY2(!c.value("finit_module").contains("EPERM") && !c.value("finit_module").isEmpty(),
                 qPrintable(c.value("finit_module")));
    }

    // /proc/kcore and friends read as empty (bind-mounted /dev/null); privileged sees them.
    void maskedProcFilesAreEmpty()
    {
        QStringList steps;
        for (const auto& p : security::default_masked_paths()) {
            QString q = QString::fromStdString(p);
            QFileInfo fi(q);
            if (fi.exists() && fi.isFile() && q.startsWith("/proc/")) steps << "read:" + q;
        }
        if (steps.isEmpty()) QSKIP("no masked /proc file exists on this kernel");
        auto r = probe(steps);
        for (const auto& s : steps) {
            const QString v = r.value(s);
            QVERIFY2(v == "ok bytes=0 elf=0" || v.startsWith("errno"), qPrintable(s + " -> " + v));
        }
        auto c = probe(steps, privileged());
        bool any_data = false;
        for (const auto& s : steps)
            any_data = any_data || (c.value(s).startsWith("ok bytes=") && !c.value(s).startsWith("ok bytes=0"));
        QVERIFY2(any_data, qPrintable(steps.join(' ')));
        if (QFileInfo::exists("/proc/kcore")) QVERIFY(c.value("read:/proc/kcore").contains("elf=1"));
    }

    void procSysIsReadOnly()
    {
        // kernel.hostname is per UTS namespace: the control write cannot touch the host.
        auto r = probe({"write:/proc/sys/kernel/hostname=pwned", "write:/proc/sysrq-trigger=h"});
        QCOMPARE(r.value("write:/proc/sys/kernel/hostname=pwned"), QString("errno 30 EROFS"));
        if (QFileInfo::exists("/proc/sysrq-trigger"))  // absent on kernels without MAGIC_SYSRQ
            QCOMPARE(r.value("write:/proc/sysrq-trigger=h"), QString("errno 30 EROFS"));
        auto c = probe({"write:/proc/sys/kernel/hostname=pwned"}, privileged());
        QCOMPARE(c.value("write:/proc/sys/kernel/hostname=pwned"), QString("ok"));
        char h[256] = {};
        ::gethostname(h, sizeof h - 1);
        QVERIFY(std::string(h) != "pwned");
    }

    // CVE-2022-0492: no way to a writable release_agent: cgroupfs read-only, no new cgroup mount.
    // Pure cgroup v2 has no release_agent and no v1 hierarchy can be mounted there (every
    // controller is bound to v2); the same way out is a fresh cgroup2 mount, writable: the v2
    // form mounts that, and makes a cgroup in the container's own /sys/fs/cgroup.
    void releaseAgentIsUnreachable()
    {
        struct statfs fs {};
        const bool v2 = ::statfs("/sys/fs/cgroup", &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC;
        const QString mountStep = v2 ? "cgroup2-mount" : "cgroup-mount";
        const QString mkdirPath = v2 ? "/sys/fs/cgroup/evil" : "/sys/fs/cgroup/pids/evil";
        Run r = container(make_spec({"sh", "-c",
                                     ("for f in /sys/fs/cgroup/release_agent /sys/fs/cgroup/*/release_agent; do "
                                      "  [ -e \"$f\" ] && /bin/sec_probe write:$f=/evil; done; "
                                      "/bin/sec_probe write:/sys/fs/cgroup/onggi-test-file=x " +
                                      mountStep +
                                      "; "
                                      "mkdir " +
                                      mkdirPath + " 2>/dev/null && echo mkdir-ok || echo mkdir-refused")
                                         .toStdString()}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto m = parse_probe(r.out);
        for (auto it = m.begin(); it != m.end(); ++it)
            if (it.key().startsWith("write:"))
                QVERIFY2(!it.value().startsWith("ok"), qPrintable(it.key() + " -> " + it.value()));
        QCOMPARE(m.value(mountStep), QString("errno 1 EPERM"));
        QVERIFY2(r.out.contains("mkdir-refused"), qPrintable(r.out));
        // privileged may mount cgroupfs (the control): it succeeds
        auto c = probe({mountStep}, privileged());
        QVERIFY2(c.value(mountStep).startsWith("ok"), qPrintable(c.value(mountStep)));
    }

    // The device rules hold on v1 (devices controller) and v2 (a BPF_CGROUP_DEVICE program):
    // a default container may make a node of the disk under the test (as docker, mknod is
    // allowed), but can neither read it nor open it for writing; the default nodes work; a rule
    // root adds to the spec lets the container read it (and still not write). Nothing is ever
    // written to the disk: open-rw only opens.
    void hostDiskIsUnreachableByDefault()
    {
        struct stat st {};
        QCOMPARE(::stat(work_.path().toUtf8().constData(), &st), 0);
        if (major(st.st_dev) == 0) QSKIP("the work directory is not on a block device");
        // The control: this test, outside any container, reads the disk through such a node.
        const std::string host_node = work_.path().toStdString() + "/host-disk";
        QCOMPARE(::mknod(host_node.c_str(), S_IFBLK | 0600, st.st_dev), 0);
        const int hfd = ::open(host_node.c_str(), O_RDONLY | O_CLOEXEC);
        const int herr = errno;
        if (hfd >= 0) ::close(hfd);
        ::unlink(host_node.c_str());
        if (hfd < 0)
            QSKIP(qPrintable(QString("this machine does not let even the test open its own disk (%1): nothing to show")
                                 .arg(strerror(herr))));
        const QString node = QString("b %1 %2").arg(major(st.st_dev)).arg(minor(st.st_dev));
        const std::string script = ("rm -f /tmp/disk; mknod /tmp/disk " + node +
                                    " && echo mknod-ok; "
                                    "/bin/sec_probe read:/tmp/disk open-rw:/tmp/disk read:/dev/zero read:/dev/urandom "
                                    "open-rw:/dev/null open-rw:/dev/full")
                                       .toStdString();
        Run r = container(make_spec({"sh", "-c", script}));
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        auto m = parse_probe(r.out);
        QVERIFY2(r.out.contains("mknod-ok"), qPrintable(r.out));
        QCOMPARE(m.value("read:/tmp/disk"), QString("errno 1 EPERM"));
        QCOMPARE(m.value("open-rw:/tmp/disk"), QString("errno 1 EPERM"));
        for (const char* ok : {"read:/dev/zero", "read:/dev/urandom", "open-rw:/dev/null", "open-rw:/dev/full"})
            QVERIFY2(m.value(ok).startsWith("ok"), qPrintable(QString(ok) + " -> " + m.value(ok)));

        // root's own rule: read access to that disk.
        spec::Spec s = make_spec({"sh", "-c", script});
        s.linux.resources->devices.push_back({true, "b", int64_t(major(st.st_dev)), int64_t(minor(st.st_dev)), "r"});
        Run a = container(s);
        auto ma = parse_probe(a.out);
        QVERIFY2(ma.value("read:/tmp/disk").startsWith("ok bytes=16"), qPrintable(a.out + a.err));
        QCOMPARE(ma.value("open-rw:/tmp/disk"), QString("errno 1 EPERM"));
    }

    // CVE-2024-21626: an fd the runtime inherited never reaches the container, and a cwd
    // through it (/proc/self/fd/N) is refused.
    void leakedFdAndOutsideCwd()
    {
        const std::string host = work_.path().toStdString() + "/host-secret";
        QVERIFY(make_dirs(host).ok());
        {
            std::ofstream(host + "/marker") << "host secret\n";
        }
        int hostfd = ::open(host.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(hostfd >= 0);
        auto leak = [hostfd] { ::dup2(hostfd, 47); };  // in the runtime's process, not close-on-exec

        // Control: with fd 47 in hand, a process reads the host file through it.
        Run h = run(QString(SEC_PROBE), {"read:/proc/self/fd/47/marker"}, 120000, leak);
        QVERIFY2(parse_probe(h.out).value("read:/proc/self/fd/47/marker").startsWith("ok bytes=12"), qPrintable(h.out));

        // The container sees no fd above stderr and cannot use fd 47.
        spec::Spec s = make_spec({"/bin/sec_probe", "fds", "read:/proc/self/fd/47/marker"});
        Run r = container(s, leak);
        auto m = parse_probe(r.out);
        QCOMPARE(m.value("fds"), QString("ok []"));
        QVERIFY2(m.value("read:/proc/self/fd/47/marker").startsWith("errno"), qPrintable(r.out));

        // cwd through the leaked fd: the container must not start there.
        spec::Spec c = make_spec({"/bin/sec_probe", "cwd", "read:marker"});
        c.process.cwd = "/proc/self/fd/47";
        Run rc = container(c, leak);
        auto mc = parse_probe(rc.out);
        QVERIFY2(!mc.value("read:marker").startsWith("ok"), qPrintable(rc.out));
        QVERIFY2(rc.code != 0 || mc.value("cwd").startsWith("ok /"), qPrintable(rc.out + rc.err));
        ::close(hostfd);
    }

    // CVE-2019-5736, wiring: while a container runs, the runtime process that started it runs
    // from a sealed memfd, so its /proc/PID/exe is no way to the binary on disk.
    void runtimeRunsFromSealedCopy()
    {
        std::string id = sec_id("exe");
        ids_.push_back(id);
        std::string b = bundle(id, make_spec({"sleep", "300"}));
        QProcess p;
        p.start(binary("onggi-runtime"), {"--root", QString::fromStdString(state_), "run", "-b",
                                          QString::fromStdString(b), QString::fromStdString(id)});
        QVERIFY(p.waitForStarted(10000));
        // the container is running once `state` says so (bounded wait, not a timing criterion)
        bool running = false;
        for (int i = 0; i < 500 && !running; ++i) {
            running = runtime({"state", QString::fromStdString(id)}).out.contains("running");
            if (!running) QThread::msleep(20);
        }
        QVERIFY(running);
        const std::string exe = "/proc/" + std::to_string(p.processId()) + "/exe";
        char link[256] = {};
        QVERIFY(::readlink(exe.c_str(), link, sizeof link - 1) > 0);
        int fd = ::open(exe.c_str(), O_RDONLY | O_CLOEXEC);
        bool sealed = fd >= 0 && security::is_sealed_memfd(fd);
        int wfd = ::open(exe.c_str(), O_WRONLY | O_CLOEXEC);
        bool writable = wfd >= 0 && ::write(wfd, "x", 1) == 1;
        if (fd >= 0) ::close(fd);
        if (wfd >= 0) ::close(wfd);
        runtime({"kill", QString::fromStdString(id), "KILL"});
        p.waitForFinished(30000);
        QVERIFY2(QString(link).startsWith("/memfd:"), link);
        QVERIFY(sealed);
        QVERIFY(!writable);
    }

    // A process exec'd into a running container gets the same confinement as its init.
    void execIntoContainerIsConfinedToo()
    {
        std::string id = sec_id("exec");
        ids_.push_back(id);
        std::string b = bundle(id, make_spec({"sleep", "300"}));
        Run d = runtime({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        Run e =
            runtime({"exec", QString::fromStdString(id), "/bin/sec_probe", "caps", "mount", "keyctl", "unshare-user"});
        auto m = parse_probe(e.out);
        QVERIFY2(m.value("caps").contains("CapEff: 00000000a80425fb"), qPrintable(e.out + e.err));
        QVERIFY2(m.value("caps").contains("CapBnd: 00000000a80425fb"), qPrintable(e.out));
        QVERIFY2(m.value("caps").contains("NoNewPrivs: 1"), qPrintable(e.out));
        QVERIFY2(m.value("caps").contains("Seccomp: 2"), qPrintable(e.out));
        QCOMPARE(m.value("mount"), QString("errno 1 EPERM"));
        QCOMPARE(m.value("keyctl"), QString("errno 1 EPERM"));
        QCOMPARE(m.value("unshare-user"), QString("errno 1 EPERM"));
    }

    // CVE-2019-5736, wiring of the shim: the long-lived supervisor runs from a sealed memfd too.
    void shimRunsFromSealedCopy()
    {
        const QString shim = binary("onggi-shim");
        if (::access(shim.toUtf8().constData(), X_OK) != 0) QSKIP("onggi-shim is not built");
        std::string id = sec_id("shim");
        spec::Spec s = make_spec({"sleep", "300"});
        s.linux.cgroups_path = "/" + id;  // one level: the shim removes it, nothing is left
        std::string b = bundle(id, s);
        std::string st = work_.path().toStdString() + "/shim-state/" + id;
        QVERIFY(make_dirs(st).ok());
        Run r =
            run(shim, {"run", "--id", QString::fromStdString(id), "--bundle", QString::fromStdString(b), "--state-dir",
                       QString::fromStdString(st), "--log", QString::fromStdString(st + "/log.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto js = read_file(st + "/shim.json");
        QVERIFY(js.ok());
        auto pid_of = [&](const char* key) {
            QString t = QString::fromStdString(*js);
            int i = t.indexOf(QString("\"%1\":").arg(key));
            return i < 0 ? 0
                         : t.mid(i + int(strlen(key)) + 3).section(QRegularExpression("[,}]"), 0, 0).trimmed().toInt();
        };
        int shim_pid = pid_of("shim_pid"), init_pid = pid_of("init_pid");
        QVERIFY(shim_pid > 0 && init_pid > 0);
        char link[256] = {};
        ssize_t n = ::readlink(("/proc/" + std::to_string(shim_pid) + "/exe").c_str(), link, sizeof link - 1);
        int fd = ::open(("/proc/" + std::to_string(shim_pid) + "/exe").c_str(), O_RDONLY | O_CLOEXEC);
        bool sealed = fd >= 0 && security::is_sealed_memfd(fd);
        if (fd >= 0) ::close(fd);
        ::kill(init_pid, SIGKILL);
        // the shim writes exit.json and removes the cgroup when init is gone (bounded wait)
        for (int i = 0; i < 1500 && !QFileInfo::exists(QString::fromStdString(st + "/exit.json")); ++i)
            QThread::msleep(20);
        QVERIFY(QFileInfo::exists(QString::fromStdString(st + "/exit.json")));
        QVERIFY2(n > 0 && QString(link).startsWith("/memfd:"), link);
        QVERIFY(sealed);
    }

    // CVE-2021-30465: a volume target that is (or races to become) a symlink is resolved
    // inside the rootfs. Had the runtime followed it on the host, the container would start with
    // the volume mounted on a host path, invisible inside: that outcome must never happen.
    void volumeTargetSymlinkStaysInside()
    {
        const std::string root = work_.path().toStdString() + "/rootfs-vol";
        QVERIFY(image::make_busybox_rootfs(root).ok());
        const std::string vol = work_.path().toStdString() + "/volume";
        QVERIFY(make_dirs(vol).ok());
        {
            std::ofstream(vol + "/from-volume") << "v\n";
        }
        // /evil -> an absolute host path that exists on the host, and (as a directory) inside the
        // rootfs too: resolved in the root it names rootfs/<path>, followed on the host the host dir.
        const std::string outside = work_.path().toStdString() + "/outside-target";
        QVERIFY(make_dirs(outside).ok());
        QVERIFY(make_dirs(root + outside).ok());
        QVERIFY(::symlink(outside.c_str(), (root + "/evil").c_str()) == 0);

        auto with_volume = [&](const std::vector<std::string>& args) {
            spec::Spec s = make_spec(args, {}, root);
            s.mounts.push_back({"/evil", "bind", vol, {"rbind", "rw", "nosuid", "nodev"}});
            return s;
        };
        Run r = container(with_volume({"sh", "-c", "cat " + outside + "/from-volume && echo landed-inside"}));
        QVERIFY2(r.code == 0 && r.out.contains("landed-inside"), qPrintable(r.out + r.err));
        QVERIFY(QDir(QString::fromStdString(outside)).isEmpty());

        // The race: swap /evil between the symlink and a directory while containers start.
        const std::string dir_form = root + "/evil-dir", link_form = root + "/evil";
        QVERIFY(make_dirs(dir_form).ok());
        std::atomic<bool> stop{false};
        std::thread swapper([&] {
            while (!stop) ::renameat2(AT_FDCWD, dir_form.c_str(), AT_FDCWD, link_form.c_str(), RENAME_EXCHANGE);
        });
        int inside = 0, refused = 0, escaped = 0;
        QString escapes;
        for (int i = 0; i < 6; ++i) {
            // Where the volume landed is read from the container's mount table, not by path: the
            // swapper keeps renaming while the container runs, so a path can miss a mount that is
            // inside (seen flaky), while a mount made outside the root is gone from the table
            // once the old root is detached. Field 4 is the mount's root in its filesystem.
            Run x = container(
                with_volume({"sh", "-c", "awk '$4 ~ /\\/volume$/ { print \"v\" }' /proc/self/mountinfo | head -1"}));
            if (x.code != 0) ++refused;  // a target that changed under the runtime may be refused: safe
            else if (x.out.contains("v")) ++inside;
            else {
                ++escaped;
                escapes += x.out + x.err;
            }
        }
        stop = true;
        swapper.join();
        QVERIFY2(escaped == 0, qPrintable(escapes));
        QCOMPARE(inside + refused, 6);
        QVERIFY(QDir(QString::fromStdString(outside)).isEmpty());
    }

    // A fork bomb stops at the default PIDs limit; without a limit it gets further.
    void forkBombStopsAtPidsLimit()
    {
        const int limit = int(security::default_pids_limit());
        auto r = probe({QString("forkbomb:%1").arg(limit * 3)});
        QString v = r.value("forkbomb");
        QVERIFY2(v.startsWith("ok made="), qPrintable(v));
        int made = v.section(' ', 1, 1).section('=', 1).toInt();
        QVERIFY2(made < limit && made > limit / 2, qPrintable(v));
        QVERIFY2(v.contains("EAGAIN"), qPrintable(v));

        // control: the caller's explicit "unlimited" is kept; the same program passes the limit
        spec::Spec s = spec::default_spec();
        s.root.path = rootfs_;
        s.process.args = {"/bin/sec_probe", QString("forkbomb:%1").arg(limit + 200).toStdString()};
        spec::Resources res;
        res.pids_limit = -1;
        s.linux.resources = res;
        security::Options o;
        QVERIFY(security::apply_options(s, o).ok());
        Run c = container(s);
        QString cv = parse_probe(c.out).value("forkbomb");
        QVERIFY2(cv.startsWith(QString("ok made=%1 ").arg(limit + 200)), qPrintable(cv + c.err));
    }

    // CVE-2025-31133: a /dev/null that is a symlink is never bind-mounted over a masked path.
    void devNullSymlinkIsRefused()
    {
        const std::string root = work_.path().toStdString() + "/rootfs-null";
        QVERIFY(image::make_busybox_rootfs(root).ok());
        QVERIFY(QFile::copy(SEC_PROBE, QString::fromStdString(root + "/bin/sec_probe")));
        ::chmod((root + "/bin/sec_probe").c_str(), 0755);
        QVERIFY(make_dirs(root + "/dev").ok());
        ::unlink((root + "/dev/null").c_str());
        QVERIFY(::symlink("/proc/sys/kernel/hostname", (root + "/dev/null").c_str()) == 0);
        spec::Spec s = make_spec({"/bin/sec_probe", "read:/proc/interrupts", "write:/proc/interrupts=pwned"}, {}, root);
        // the container's own /dev (no tmpfs from the runtime): the attacker's /dev/null is used
        s.mounts.erase(std::remove_if(s.mounts.begin(), s.mounts.end(),
                                      [](const spec::Mount& m) { return m.destination.rfind("/dev", 0) == 0; }),
                       s.mounts.end());
        Run r = container(s);
        auto m = parse_probe(r.out);
        // Either the runtime refuses to start (masked_paths: EPERM), or the mask is a real /dev/null.
        QVERIFY2(r.code != 0 || m.value("read:/proc/interrupts") == "ok bytes=0 elf=0", qPrintable(r.out + r.err));
        QVERIFY2(!m.value("write:/proc/interrupts=pwned").startsWith("ok"), qPrintable(r.out));
        if (r.code != 0) QVERIFY2(r.err.contains("mask"), qPrintable(r.err));
    }

    // userns: container root is an unprivileged host id from the "onggi" subordinate range.
    void usernsMapsRootToUnprivilegedRange()
    {
        security::Options o;
        o.userns = true;
        Run r = container(
            make_spec({"sh", "-c", "cat /proc/self/uid_map; id -u; /bin/sec_probe write:/proc/sysrq-trigger=h"}, o));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto range = security::find_subid_range(work_.path().toStdString() + "/subuid", "onggi");
        QVERIFY(range.ok());
        QVERIFY(range->start >= 100000);
        QVERIFY2(r.out.simplified().startsWith(QString("0 %1 65536 0").arg(range->start)), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TstAttacks)
#include "tst_attacks.moc"

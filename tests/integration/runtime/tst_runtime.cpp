// Integration tests of the container runtime through onggi-runtime: real containers, checked
// against the kernel's view (/proc/PID/ns, cgroup directories, the host's mount table).
// Root only; every test cleans up its containers (delete -f) even when it fails.
#include "runtime_fixture.h"

#include <QtTest>

#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using namespace onggi;
using namespace rtfix;

class TstRuntime : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string rootfs_, state_root_;
    std::vector<std::string> ids_;  // containers to force-delete after each test

    QStringList rt(const QStringList& args) const
    {
        return QStringList{"--root", QString::fromStdString(state_root_)} + args;
    }
    Run runtime(const QStringList& args, int timeout_ms = 60000)
    {
        return run(binary("onggi-runtime"), rt(args), timeout_ms);
    }
    std::string bundle(const std::string& id, const spec::Spec& s)
    {
        std::string dir = work_.path().toStdString() + "/bundles/" + id;
        if (!write_bundle(dir, s)) return {};
        ids_.push_back(id);
        return dir;
    }
    static std::string comm_of(pid_t pid)
    {
        auto c = read_file("/proc/" + std::to_string(pid) + "/comm");
        return c.ok() ? c.value() : std::string();
    }
    pid_t pid_of(const std::string& id)
    {
        Run r = runtime({"state", QString::fromStdString(id)});
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return pid_t(j.value("pid").toInt());
    }
    QString status_of(const std::string& id)
    {
        Run r = runtime({"state", QString::fromStdString(id)});
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value("status").toString();
    }
    // Detached container running `sleep 300`; returns its host pid.
    pid_t start_sleeper(const std::string& id, spec::Spec s)
    {
        std::string b = bundle(id, s);
        Run r = runtime({"run", "-d", "-b", QString::fromStdString(b), QString::fromStdString(id)});
        if (r.code != 0) qWarning("run -d failed: %s", qPrintable(r.err));
        return r.code == 0 ? pid_of(id) : -1;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests need root");
        if (!built("onggi-runtime")) QFAIL("onggi-runtime is not built");
        const std::string why = prepare_workdir(work_, rootfs_, state_root_);
        QVERIFY2(why.empty(), why.c_str());
    }

    void cleanup()
    {
        auto ids = std::move(ids_);
        ids_.clear();
        for (const auto& id : ids) runtime({"delete", "-f", QString::fromStdString(id)});
        for (const auto& id : ids) QVERIFY2(!cgroup_exists("/onggi-runtime/" + id), id.c_str());
    }

    void everyNamespaceDiffersFromTheHost()
    {
        auto s = test_spec(rootfs_, {"sleep", "300"});
        s.linux.namespaces = {{"pid", ""}, {"network", ""}, {"mount", ""},  {"uts", ""},
                              {"ipc", ""}, {"user", ""},    {"cgroup", ""}, {"time", ""}};
        s.linux.uid_mappings = {{0, 200000, 65536}};
        s.linux.gid_mappings = {{0, 200000, 65536}};
        s.linux.time_offset_boottime = 3600;
        const std::string id = unique_id("ns");
        pid_t pid = start_sleeper(id, s);
        QVERIFY(pid > 0);
        const std::string p = std::to_string(pid);
        for (const char* ns : {"pid", "net", "mnt", "uts", "ipc", "user", "cgroup", "time"}) {
            ino_t theirs = ns_inode(p, ns), ours = ns_inode("self", ns);
            QVERIFY2(theirs != 0, ns);
            QVERIFY2(theirs != ours, ns);
        }
        // The user namespace maps container root to 200000.
        auto map = read_file("/proc/" + p + "/uid_map");
        QVERIFY(map.ok());
        QVERIFY2(map.value().find("200000") != std::string::npos, map.value().c_str());
        // The process runs as host uid 200000 (container root).
        auto status = read_file("/proc/" + p + "/status");
        QVERIFY(status.ok() && status.value().find("Uid:\t200000") != std::string::npos);
    }

    void pid1HostnameAndHostFilesInvisible()
    {
        const std::string marker = "/tmp/onggi-rt-marker-" + std::to_string(::getpid());
        {
            std::ofstream(marker) << "host";
        }
        auto s = test_spec(rootfs_, {"sh", "-c",
                                     "echo pid=$$; echo host=$(hostname); test -e " + marker +
                                         " && echo marker=visible || echo marker=invisible"});
        const std::string id = unique_id("pid1");
        Run r = runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        ::unlink(marker.c_str());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("pid=1\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("host=onggi-test\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("marker=invisible\n"), qPrintable(r.out));
        // The host's hostname is untouched.
        char h[256] = {};
        ::gethostname(h, sizeof h - 1);
        QVERIFY(std::string(h) != "onggi-test");
    }

    void exitCodesKept()
    {
        const std::string id = unique_id("exit");
        auto s = test_spec(rootfs_, {"sh", "-c", "exit 42"});
        Run r = runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        QCOMPARE(r.code, 42);
        // Killed by a signal: 128+signal (with --init, PID 1 reports the child's death).
        const std::string id2 = unique_id("exit");
        auto s2 = test_spec(rootfs_, {"sh", "-c", "kill -9 $$"});
        Run r2 = runtime({"run", "--init", "-b", QString::fromStdString(bundle(id2, s2)), QString::fromStdString(id2)});
        QCOMPARE(r2.code, 137);
    }

    void overlayCopyOnWriteLeavesLowerUntouched()
    {
        const std::string base = work_.path().toStdString() + "/ovl-" + std::to_string(::getpid());
        QVERIFY(make_dirs(base + "/upper").ok() && make_dirs(base + "/work").ok() && make_dirs(base + "/merged").ok());
        auto before = read_file(rootfs_ + "/etc/passwd");
        QVERIFY(before.ok());
        auto s =
            test_spec(base + "/merged",
                      {"sh", "-c",
                       "echo changed >> /etc/passwd && echo new > /etc/newfile && rm /etc/group && cat /etc/newfile"});
        s.annotations["org.onggi.overlay.lowerdir"] = rootfs_;
        s.annotations["org.onggi.overlay.upperdir"] = base + "/upper";
        s.annotations["org.onggi.overlay.workdir"] = base + "/work";
        const std::string id = unique_id("ovl");
        Run r = runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString("new\n"));
        // Lower layer untouched; the changes are in upper (the deletion as a whiteout).
        QCOMPARE(read_file(rootfs_ + "/etc/passwd").value(), before.value());
        QVERIFY(::access((rootfs_ + "/etc/group").c_str(), F_OK) == 0);
        QVERIFY(::access((rootfs_ + "/etc/newfile").c_str(), F_OK) != 0);
        QVERIFY(read_file(base + "/upper/etc/passwd").value().find("changed") != std::string::npos);
        QCOMPARE(read_file(base + "/upper/etc/newfile").value(), std::string("new\n"));
        struct stat st;
        QVERIFY(::lstat((base + "/upper/etc/group").c_str(), &st) == 0 && S_ISCHR(st.st_mode));
        // The overlay lived in the container's mount namespace only.
        QVERIFY(!host_mounts_mention(base));
    }

    void execJoinsTheSameNamespacesAndCgroup()
    {
        const std::string id = unique_id("exec");
        pid_t pid = start_sleeper(id, test_spec(rootfs_, {"sleep", "300"}));
        QVERIFY(pid > 0);
        const QString pidfile = work_.path() + "/exec-" + QString::fromStdString(id) + ".pid";
        Run r = runtime({"exec", "-d", "--pid-file", pidfile, QString::fromStdString(id), "sleep", "300"});
        QCOMPARE(r.code, 0);
        auto text = read_file(pidfile.toStdString());
        QVERIFY(text.ok());
        const std::string epid = text.value(), ipid = std::to_string(pid);
        for (const char* ns : {"pid", "net", "mnt", "uts", "ipc", "cgroup"}) {
            QVERIFY2(ns_inode(epid, ns) == ns_inode(ipid, ns), ns);
            QVERIFY2(ns_inode(epid, ns) != ns_inode("self", ns), ns);
        }
        QCOMPARE(read_file("/proc/" + epid + "/cgroup").value(), read_file("/proc/" + ipid + "/cgroup").value());
        // Foreground exec: output and exit code come back; it sees the container's processes.
        Run fg = runtime({"exec", QString::fromStdString(id), "sh", "-c", "echo $$ $(hostname); exit 3"});
        QCOMPARE(fg.code, 3);
        QVERIFY2(fg.out.endsWith(" onggi-test\n"), qPrintable(fg.out));
        QVERIFY(fg.out.split(' ').first().toInt() > 1);
        // A failing exec reports the step.
        Run bad = runtime({"exec", QString::fromStdString(id), "/no/such/program"});
        QVERIFY(bad.code != 0);
        QVERIFY2(bad.err.contains("process.args[0] \"/no/such/program\"") && bad.err.contains("No such file"),
                 qPrintable(bad.err));
    }

    void lifecycleCreateStartPauseResumeKillDelete()
    {
        const std::string id = unique_id("life");
        auto s = test_spec(rootfs_, {"sleep", "300"});
        const QString b = QString::fromStdString(bundle(id, s)), qid = QString::fromStdString(id);
        QCOMPARE(runtime({"create", "-b", b, qid}).code, 0);
        QCOMPARE(status_of(id), QString("created"));
        pid_t pid = pid_of(id);
        QVERIFY(process_exists(pid));
        // Parked before execve: still our binary, not sleep.
        auto comm = read_file("/proc/" + std::to_string(pid) + "/comm");
        QVERIFY(comm.ok() && comm.value() != "sleep\n");
        QCOMPARE(runtime({"create", "-b", b, qid}).code, 1);  // id taken
        // runtime.md#delete: created is not stopped: an error, and no effect on the container.
        QCOMPARE(runtime({"delete", qid}).code, 1);
        QCOMPARE(status_of(id), QString("created"));
        QVERIFY(process_exists(pid));
        QCOMPARE(runtime({"start", qid}).code, 0);
        QVERIFY(eventually([&] { return comm_of(pid) == "sleep\n"; }));
        QCOMPARE(status_of(id), QString("running"));
        QCOMPARE(runtime({"pause", qid}).code, 0);
        QCOMPARE(status_of(id), QString("paused"));
        QCOMPARE(runtime({"resume", qid}).code, 0);
        QCOMPARE(status_of(id), QString("running"));
        // Live update: the kernel's cgroup files change (v1 or v2 names).
        QCOMPARE(runtime({"update", "--memory", "64m", "--pids-limit", "50", qid}).code, 0);
        {
            const std::string cg = "/onggi-runtime/" + id;
            auto mem = read_file("/sys/fs/cgroup/memory" + cg + "/memory.limit_in_bytes");
            if (!mem) mem = read_file("/sys/fs/cgroup" + cg + "/memory.max");
            QVERIFY(mem.ok());
            QCOMPARE(mem.value(), std::string("67108864\n"));
            auto pids = read_file("/sys/fs/cgroup/pids" + cg + "/pids.max");
            if (!pids) pids = read_file("/sys/fs/cgroup" + cg + "/pids.max");
            QVERIFY(pids.ok());
            QCOMPARE(pids.value(), std::string("50\n"));
        }
        QCOMPARE(runtime({"update", "--memory", "lots", qid}).code, 1);
        Run ps = runtime({"ps", "--format", "json", qid});
        QCOMPARE(ps.code, 0);
        QVERIFY2(ps.out.contains(QString::number(pid)), qPrintable(ps.out));
        QCOMPARE(runtime({"delete", qid}).code, 1);  // running: refused without -f
        QCOMPARE(runtime({"kill", qid, "KILL"}).code, 0);
        QVERIFY(eventually([&] { return !process_exists(pid); }));
        QCOMPARE(status_of(id), QString("stopped"));
        QCOMPARE(runtime({"delete", qid}).code, 0);
        // Nothing left: state, cgroup, process, mounts.
        QVERIFY(::access((state_root_ + "/" + id).c_str(), F_OK) != 0);
        QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
        QVERIFY(!process_exists(pid));
        QVERIFY(!host_mounts_mention(b.toStdString()));
        QCOMPARE(runtime({"state", qid}).code, 1);
    }

    // state.json's status is decoded into the engine's ContainerState: a word it does not know
    // (a hand edit, another runtime's file) is refused by name, not printed back as the state.
    void stateJsonWithAnUnknownStatusIsRefused()
    {
        const std::string id = unique_id("badstatus");
        const QString qid = QString::fromStdString(id);
        QVERIFY(make_dirs(state_root_ + "/" + id, 0700).ok());
        const std::string stored =
            "{\"id\":\"" + id + "\",\"bundle\":\"/nonexistent\",\"status\":\"Running\",\"pid\":0}";
        QVERIFY(write_file_atomic(state_root_ + "/" + id + "/state.json", stored, 0600).ok());
        Run r = runtime({"state", qid});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("unknown status 'Running'"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // The known words still load: the same record with the OCI word reads as stopped (pid 0).
        const std::string good = "{\"id\":\"" + id + "\",\"bundle\":\"/nonexistent\",\"status\":\"running\",\"pid\":0}";
        QVERIFY(write_file_atomic(state_root_ + "/" + id + "/state.json", good, 0600).ok());
        QCOMPARE(status_of(id), QString("stopped"));
        QCOMPARE(runtime({"delete", qid}).code, 0);
        QVERIFY(::access((state_root_ + "/" + id).c_str(), F_OK) != 0);
    }

    // What a foreground run must drop on its way out is said, not lost: here its state dir
    // cannot be removed (a poststart hook mounted a tmpfs inside it, in the private mount
    // namespace the runtime runs in), so `run` warns on stderr and still exits with the
    // container's code. (main's onggi-runtime discarded the error: no warning.)
    void runWarnsWhatItCannotUndo()
    {
        const std::string id = unique_id("warn");
        const std::string pin = state_root_ + "/" + id + "/pin";
        auto s = test_spec(rootfs_, {"sh", "-c", "exit 7"});
        s.hooks.poststart = {
            spec::Hook{"/bin/sh", {"sh", "-c", "mkdir -p " + pin + " && mount -t tmpfs onggi-test " + pin}, {}, 10}};
        const QString script = QString("%1 --root %2 run -b %3 %4; echo code=$?")
                                   .arg(binary("onggi-runtime"), QString::fromStdString(state_root_),
                                        QString::fromStdString(bundle(id, s)), QString::fromStdString(id));
        Run r = run("unshare", {"-m", "--propagation", "private", "sh", "-c", script});
        QVERIFY2(r.out.contains("code=7\n"), qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains("onggi-runtime: warning: remove the state: ") && r.err.contains("mount point"),
                 qPrintable(r.err));
        // Outside that namespace the pin is an empty directory: what is left goes with it.
        QVERIFY(QDir(QString::fromStdString(state_root_ + "/" + id)).removeRecursively());
        QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
    }

    void initReapsZombies()
    {
        // The program forks an orphan and execs sleep: without an init nobody reaps the orphan.
        const std::vector<std::string> args = {"sh", "-c", "(sleep 0.1 &); exec sleep 300"};
        auto zombies_of = [](pid_t pid1) {
            int z = 0, n = 0;
            auto kids = read_file("/proc/" + std::to_string(pid1) + "/task/" + std::to_string(pid1) + "/children");
            std::istringstream in(kids.ok() ? kids.value() : "");
            pid_t k;
            while (in >> k) {
                ++n;
                auto st = read_file("/proc/" + std::to_string(k) + "/stat");
                if (st.ok() && st.value().find(") Z ") != std::string::npos) ++z;
            }
            return std::pair{z, n};
        };
        const std::string plain = unique_id("noinit");
        pid_t p = start_sleeper(plain, test_spec(rootfs_, args));
        QVERIFY(p > 0);
        QVERIFY2(eventually([&] { return zombies_of(p).first == 1; }), "without --init the orphan stays a zombie");

        // With --init the orphan is reaped; the program execs sleep 300 only after the orphan
        // (sleep 0.1) must have exited, so by then a zombie would show.
        const std::string id = unique_id("init");
        std::string b = bundle(id, test_spec(rootfs_, {"sh", "-c", "(sleep 0.1 &); sleep 1; exec sleep 300"}));
        QCOMPARE(runtime({"run", "-d", "--init", "-b", QString::fromStdString(b), QString::fromStdString(id)}).code, 0);
        pid_t pid1 = pid_of(id);
        QCOMPARE(comm_of(pid1), std::string("onggi-init\n"));
        auto main_is_sleep300 = [&] {
            auto kids = read_file("/proc/" + std::to_string(pid1) + "/task/" + std::to_string(pid1) + "/children");
            if (!kids.ok() || kids.value().empty()) return false;
            auto cmd = read_file("/proc/" + std::to_string(std::stoi(kids.value())) + "/cmdline");
            return cmd.ok() && cmd.value() == std::string("sleep\0"
                                                          "300\0",
                                                          10);
        };
        QVERIFY(eventually(main_is_sleep300, 20000));
        auto [z, n] = zombies_of(pid1);
        QCOMPARE(z, 0);
        QCOMPARE(n, 1);
        // Signals to PID 1 reach the program: TERM kills sleep, init exits 143.
        QCOMPARE(::kill(pid1, SIGTERM), 0);
        QVERIFY(eventually([&] { return !process_exists(pid1); }));
    }

    void badConfigErrorsNameTheField_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("field");
        QTest::newRow("namespace type") << R"("linux":{"namespaces":[{"type":"mount"},{"type":"bogus"}]})"
                                        << "linux.namespaces[1].type";
        QTest::newRow("args") << R"("process":{"args":"sh","cwd":"/"})"
                              << "process.args";
        QTest::newRow("memory")
            << R"("linux":{"namespaces":[{"type":"mount"}],"resources":{"memory":{"limit":"lots"}}})"
            << "linux.resources.memory.limit";
        QTest::newRow("no mount ns") << R"("linux":{"namespaces":[{"type":"pid"}]})"
                                     << "linux.namespaces";
    }

    void badConfigErrorsNameTheField()
    {
        QFETCH(QString, config);
        QFETCH(QString, field);
        const std::string id = unique_id("bad");
        std::string dir = work_.path().toStdString() + "/bundles/" + id;
        QVERIFY(make_dirs(dir).ok());
        QJsonObject base =
            QJsonDocument::fromJson(QByteArray::fromStdString(spec::to_json(test_spec(rootfs_, {"true"})))).object();
        QJsonObject patch = QJsonDocument::fromJson(("{" + config + "}").toUtf8()).object();
        QVERIFY(!patch.isEmpty());
        for (auto it = patch.begin(); it != patch.end(); ++it) base[it.key()] = it.value();
        QVERIFY(write_file_atomic(dir + "/config.json", QJsonDocument(base).toJson().toStdString()).ok());
        ids_.push_back(id);
        Run r = runtime({"run", "-b", QString::fromStdString(dir), QString::fromStdString(id)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(field), qPrintable(r.err));
        QVERIFY(::access((state_root_ + "/" + id).c_str(), F_OK) != 0);
        QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
    }

    void failingChildStepReportsStageAndErrno_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expect");
        QTest::newRow("missing cwd") << 0 << "cwd: No such file or directory";
        QTest::newRow("unknown fs type") << 1 << "mount: No such device";
        QTest::newRow("missing program") << 2 << "process.args[0] \"/no/such/program\": No such file or directory";
        QTest::newRow("bind source missing") << 3 << "mounts[7]";
    }

    void failingChildStepReportsStageAndErrno()
    {
        QFETCH(int, kind);
        QFETCH(QString, expect);
        auto s = test_spec(rootfs_, {"true"});
        if (kind == 0) s.process.cwd = "/does/not/exist";
        if (kind == 1) s.mounts.push_back({"/mnt/x", "nosuchfs", "none", {}});
        if (kind == 2) s.process.args = {"/no/such/program"};
        if (kind == 3) s.mounts.push_back({"/mnt/x", "bind", "/no/such/source", {"rbind"}});
        const std::string id = unique_id("fail");
        const std::string b = bundle(id, s);
        for (const char* mode : {"run", "create"}) {
            Run r = runtime({mode, "-b", QString::fromStdString(b), QString::fromStdString(id)});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(expect), qPrintable(r.err));
            // Nothing left behind.
            QVERIFY(::access((state_root_ + "/" + id).c_str(), F_OK) != 0);
            QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
            QVERIFY(!host_mounts_mention(rootfs_));
        }
    }

    void terminalThroughConsoleSocket()
    {
        auto s = test_spec(rootfs_, {"sh", "-c", "[ -t 0 ] && [ -t 1 ] && echo on-a-tty; exit 3"});
        s.process.terminal = true;
        const std::string id = unique_id("tty");
        const QString b = QString::fromStdString(bundle(id, s)), qid = QString::fromStdString(id);
        // Detached with a terminal needs a console socket.
        Run no = runtime({"run", "-d", "-b", b, qid});
        QCOMPARE(no.code, 1);
        QVERIFY2(no.err.contains("process.terminal"), qPrintable(no.err));
        // The pty master arrives over SCM_RIGHTS; the container's output comes through it.
        const std::string sock = work_.path().toStdString() + "/console-" + id + ".sock";
        int srv = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(srv >= 0);
        struct sockaddr_un addr {};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, sock.c_str(), sizeof addr.sun_path - 1);
        QVERIFY(::bind(srv, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(srv, 1) == 0);
        std::string got;
        int master = -1;
        std::thread t([&] {
            int c = ::accept4(srv, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) return;
            char name[64];
            struct iovec iov {
                name, sizeof name
            };
            alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))];
            struct msghdr msg {};
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = ctrl;
            msg.msg_controllen = sizeof ctrl;
            if (::recvmsg(c, &msg, 0) > 0 && CMSG_FIRSTHDR(&msg))
                std::memcpy(&master, CMSG_DATA(CMSG_FIRSTHDR(&msg)), sizeof(int));
            ::close(c);
            char buf[256];
            ssize_t n;
            while (master >= 0 && (n = ::read(master, buf, sizeof buf)) > 0) got.append(buf, size_t(n));
        });
        Run r = runtime({"run", "-d", "--console-socket", QString::fromStdString(sock), "-b", b, qid});
        if (r.code != 0) ::shutdown(srv, SHUT_RDWR);
        t.join();
        ::close(srv);
        if (master >= 0) ::close(master);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(got.find("on-a-tty") != std::string::npos, got.c_str());
    }

    void symlinkedMountTargetStaysInsideRootfs()
    {
        // CVE-2021-30465 shape: the image has /mnt/escape -> <host dir>; a mount below it must
        // land inside the rootfs, never create anything in the host directory.
        const std::string base = work_.path().toStdString() + "/evil-" + std::to_string(::getpid());
        const std::string outside = work_.path().toStdString() + "/outside-" + std::to_string(::getpid());
        QVERIFY(make_dirs(outside).ok());
        QVERIFY(make_dirs(base + "/upper/mnt").ok() && make_dirs(base + "/work").ok() &&
                make_dirs(base + "/merged").ok());
        QVERIFY(make_dirs(base + "/upper" + outside).ok());  // the same path, inside the image
        QVERIFY(::symlink(outside.c_str(), (base + "/upper/mnt/escape").c_str()) == 0);
        auto s = test_spec(base + "/merged", {"sh", "-c", "ls " + outside});
        s.annotations["org.onggi.overlay.lowerdir"] = rootfs_;
        s.annotations["org.onggi.overlay.upperdir"] = base + "/upper";
        s.annotations["org.onggi.overlay.workdir"] = base + "/work";
        s.mounts.push_back({"/mnt/escape/newdir", "tmpfs", "tmpfs", {"size=1m"}});
        const std::string id = unique_id("evil");
        Run r = runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString("newdir\n"));
        QVERIFY(QDir(QString::fromStdString(outside)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
        QVERIFY(::access((base + "/upper" + outside + "/newdir").c_str(), F_OK) == 0);
    }

    // issue 19.6: a missing process.args[0] fails `create` (as crun and runc), with docker's words;
    // nothing is left behind; `exec` of a missing program says the same.
    void missingProgramFailsAtCreate_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("message");
        QTest::newRow("bare name") << "no-such-program"
                                   << "executable file not found in $PATH";
        QTest::newRow("path") << "/bin/no-such-program"
                              << "\"/bin/no-such-program\": No such file or directory";
        QTest::newRow("directory") << "/etc"
                                   << "not an executable file";
    }
    void missingProgramFailsAtCreate()
    {
        QFETCH(QString, program);
        QFETCH(QString, message);
        const std::string id = unique_id("noprog");
        auto s = test_spec(rootfs_, {program.toStdString(), "arg"});
        const QString b = QString::fromStdString(bundle(id, s)), qid = QString::fromStdString(id);
        Run r = runtime({"create", "-b", b, qid});
        QVERIFY2(r.code != 0, qPrintable(r.out));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(program), qPrintable(r.err));
        QCOMPARE(runtime({"state", qid}).code, 1);
        QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
        QVERIFY(!host_mounts_mention(rootfs_));
        // run fails the same way, before anything runs.
        r = runtime({"run", "-b", b, qid});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
    void execOfMissingProgramIsAClearError()
    {
        const std::string id = unique_id("noprog-exec");
        QVERIFY(start_sleeper(id, test_spec(rootfs_, {"sleep", "300"})) > 0);
        Run r = runtime({"exec", QString::fromStdString(id), "no-such-program"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("\"no-such-program\": executable file not found in $PATH"), qPrintable(r.err));
        r = runtime({"exec", QString::fromStdString(id), "echo", "still-fine"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString("still-fine\n"));
    }

    // issue 19.5: the seccomp filter is the last thing before execve. A profile that refuses
    // getcwd, without noNewPrivileges (so the filter needs CAP_SYS_ADMIN to load) and with the
    // default capabilities (no CAP_SYS_ADMIN): onggi's own cwd check must not run under it, and
    // the program still ends with exactly the capabilities of the spec, the filter in force.
    void seccompFilterIsTheLastStepBeforeExecve()
    {
        auto caps_of = [&](const spec::Spec& s, const char* what) -> std::pair<std::string, std::string> {
            const std::string id = unique_id(what);
            Run r = runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
            if (r.code != 0) qWarning("run: %s", qPrintable(r.err));
            std::string out = r.out.toStdString(), eff, sec;
            std::istringstream in(out);
            for (std::string line; std::getline(in, line);) {
                if (line.rfind("CapEff:", 0) == 0) eff = line;
                if (line.rfind("Seccomp:", 0) == 0) sec = line;
            }
            return {eff, sec};
        };
        auto s = test_spec(rootfs_, {"cat", "/proc/self/status"});
        s.process.no_new_privileges = false;
        s.process.cwd = "/tmp";
        QVERIFY(s.process.capabilities.has_value());
        auto plain = caps_of(s, "nosecc");
        QVERIFY(!plain.first.empty());
        spec::Seccomp prof;
        prof.syscalls.push_back({{"getcwd"}, "SCMP_ACT_ERRNO", 1u, {}});
        s.linux.seccomp = prof;
        auto filtered = caps_of(s, "secc");
        QCOMPARE(filtered.first, plain.first);  // CAP_SYS_ADMIN held for the load is gone again
        QCOMPARE(filtered.second, std::string("Seccomp:\t2"));
        // exec into a running container with the same profile.
        const std::string sid = unique_id("secc-exec");
        auto sl = s;
        sl.process.args = {"sleep", "300"};
        QVERIFY(start_sleeper(sid, sl) > 0);
        Run r =
            runtime({"exec", "--cwd", "/tmp", QString::fromStdString(sid), "grep", "Seccomp:", "/proc/self/status"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Seccomp:\t2"), qPrintable(r.out));
    }

    // issue 19.9: `start` returns only once the program runs, so a TERM sent right after it
    // returns reaches the program, never the parked set-up (PID 1 of a pid namespace with the
    // default disposition: the kernel drops the signal). Without --init the program traps TERM
    // itself (start also waits for it to finish starting: its first sleep); with --init,
    // onggi-init forwards TERM to `sleep` from the moment `start` returns.
    void termRightAfterStartIsNeverLost_data()
    {
        QTest::addColumn<bool>("init");
        QTest::newRow("program as PID 1") << false;
        QTest::newRow("--init") << true;
    }
    void termRightAfterStartIsNeverLost()
    {
        QFETCH(bool, init);
        const int env = qEnvironmentVariableIntValue("ONGGI_TERM_TRIALS");
        const int trials = env > 0 ? env : 60;
        int lost = 0, parked_after_start = 0;
        for (int i = 0; i < trials; ++i) {
            const std::string id = unique_id("term");
            auto s = init ? test_spec(rootfs_, {"sleep", "300"})
                          : test_spec(rootfs_, {"sh", "-c", "trap 'exit 42' TERM; while :; do sleep 0.05; done"});
            const QString b = QString::fromStdString(bundle(id, s)), qid = QString::fromStdString(id);
            QStringList create{"create", "-b", b, qid};
            if (init) create.insert(1, "--init");
            QCOMPARE(runtime(create).code, 0);
            pid_t pid = pid_of(id);
            QVERIFY(pid > 0);
            QCOMPARE(runtime({"start", qid}).code, 0);
            if (comm_of(pid) == "onggi-runtime\n") ++parked_after_start;
            ::kill(pid, SIGTERM);
            if (!eventually([&] { return !process_exists(pid); }, 3000)) ++lost;
            runtime({"delete", "-f", qid});
        }
        qInfo("TERM right after start%s: %d lost, %d still parked when start returned, of %d", init ? " (--init)" : "",
              lost, parked_after_start, trials);
        QCOMPARE(parked_after_start, 0);
        QCOMPARE(lost, 0);
    }

    // issue 19.4: rootfsPropagation reaches the container's "/" (shared and unbindable too), and
    // nothing mounted for the container shows in the caller's mount namespace, even when the
    // caller's "/" is shared (systemd's default; here `unshare -m --propagation shared`).
    void rootfsPropagationAppliedAndNothingLeaks_data()
    {
        QTest::addColumn<QString>("propagation");
        QTest::addColumn<QString>("tag");  // optional field of "/" in the container's mountinfo
        QTest::newRow("shared") << "shared"
                                << "shared:";
        QTest::newRow("rshared") << "rshared"
                                 << "shared:";
        QTest::newRow("unbindable") << "unbindable"
                                    << "unbindable";
        QTest::newRow("runbindable") << "runbindable"
                                     << "unbindable";
        QTest::newRow("rslave") << "rslave"
                                << "master:";
        QTest::newRow("rprivate") << "rprivate"
                                  << "";
    }
    void rootfsPropagationAppliedAndNothingLeaks()
    {
        QFETCH(QString, propagation);
        QFETCH(QString, tag);
        const std::string id = unique_id("prop");
        auto s = test_spec(rootfs_, {"sleep", "300"});
        s.linux.rootfs_propagation = propagation.toStdString();
        const std::string b = bundle(id, s);
        const QString rt = binary("onggi-runtime") + " --root " + QString::fromStdString(state_root_);
        const QString qid = QString::fromStdString(id), root = QString::fromStdString(rootfs_);
        const QString script =
            QString("set -e; %1 create -b %2 %3; echo caller-created=$(grep -c %4 /proc/self/mountinfo || true);"
                    "%1 start %3; echo caller-started=$(grep -c %4 /proc/self/mountinfo || true);"
                    "%1 exec %3 cat /proc/self/mountinfo | sed 's/^/ctr: /';"
                    "%1 delete -f %3; echo caller-deleted=$(grep -c %4 /proc/self/mountinfo || true)")
                .arg(rt, QString::fromStdString(b), qid, root);
        Run r = run("unshare", {"-m", "--propagation", "shared", "sh", "-c", script});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains("caller-created=0\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("caller-started=0\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("caller-deleted=0\n"), qPrintable(r.out));
        QString root_line;
        for (const QString& line : r.out.split('\n'))
            if (line.startsWith("ctr: ") && line.section(' ', 5, 5) == "/") root_line = line;
        QVERIFY2(!root_line.isEmpty(), qPrintable(r.out));
        const QString optional = root_line.section(" - ", 0, 0).section(' ', 7);
        if (tag.isEmpty()) QVERIFY2(optional.isEmpty(), qPrintable(root_line));
        else QVERIFY2(optional.contains(tag), qPrintable(root_line));
        QVERIFY(!host_mounts_mention(rootfs_));
    }

    // issue 19.3: linux.devices exist in the container's /dev with the given type, numbers,
    // mode and owner, and the device cgroup (deny-all otherwise) lets the container use them.
    void linuxDevicesAreCreatedAndAllowed()
    {
        auto s =
            test_spec(rootfs_, {"sh", "-c",
                                "stat -c '%F %t:%T %a %u:%g' /dev/onggi-null /dev/sub/onggi-zero /dev/onggi-fifo;"
                                "echo x > /dev/onggi-null && echo write-ok; head -c 5 /dev/sub/onggi-zero | wc -c"});
        s.linux.devices = {{"/dev/onggi-null", "c", 1, 3, 0640u, 1000u, 1001u},
                           {"/dev/sub/onggi-zero", "c", 1, 5, 0666u, std::nullopt, std::nullopt},
                           {"/dev/onggi-fifo", "p", 0, 0, 0600u, std::nullopt, std::nullopt}};
        spec::Resources res = s.linux.resources.value_or(spec::Resources{});
        res.devices.insert(res.devices.begin(), spec::DeviceRule{false, "a", std::nullopt, std::nullopt, "rwm"});
        s.linux.resources = res;
        const std::string id = unique_id("dev");
        Run r = runtime({"run", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains("character special file 1:3 640 1000:1001\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("character special file 1:5 666 0:0\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("fifo 0:0 600 0:0\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("write-ok\n"), qPrintable(r.out));
        QVERIFY2(r.out.endsWith("5\n"), qPrintable(r.out));
    }

    // issue 19.1: every hook kind runs at its point of the lifecycle, in the namespaces the spec
    // names (config.md#posix-platform-hooks), with the state on stdin.
    void hooksRunAtTheirPointsWithTheStateOnStdin()
    {
        auto s = test_spec(rootfs_, {"sleep", "300"});
        auto hook = [](const char* kind, const char* sh) {
            return spec::Hook{
                sh,
                {"sh", "-c", std::string("echo ") + kind + " mnt=$(readlink /proc/self/ns/mnt) state=$(cat)"},
                {},
                10};
        };
        s.hooks.prestart = {hook("prestart", "/bin/sh")};
        s.hooks.create_runtime = {hook("createRuntime", "/bin/sh")};
        s.hooks.create_container = {hook("createContainer", "/bin/sh")};
        s.hooks.start_container = {hook("startContainer", "/bin/sh")};  // the container's busybox sh
        s.hooks.poststart = {hook("poststart", "/bin/sh")};
        s.hooks.poststop = {hook("poststop", "/bin/sh")};
        const std::string id = unique_id("hooks");
        const QString qid = QString::fromStdString(id);
        Run c = runtime({"create", "-b", QString::fromStdString(bundle(id, s)), qid});
        QVERIFY2(c.code == 0, qPrintable(c.err + c.out));
        const pid_t pid = pid_of(id);
        QVERIFY(pid > 0);
        const QString ours = QString("mnt=mnt:[%1]").arg(ns_inode("self", "mnt"));
        const QString theirs = QString("mnt=mnt:[%1]").arg(ns_inode(std::to_string(pid), "mnt"));
        QVERIFY(ours != theirs);
        Run st = runtime({"start", qid});
        QVERIFY2(st.code == 0, qPrintable(st.err + st.out));
        Run d = runtime({"delete", "-f", qid});
        QVERIFY2(d.code == 0, qPrintable(d.err + d.out));
        const QStringList created = c.out.split('\n', Qt::SkipEmptyParts),
                          started = st.out.split('\n', Qt::SkipEmptyParts),
                          deleted = d.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(created.size(), 3);
        QCOMPARE(started.size(), 2);
        QCOMPARE(deleted.size(), 1);
        struct Want {
            QString line, kind, mnt, status;
            bool pid;
        };
        const QString p = QString("\"pid\": %1").arg(pid);
        const Want want[] = {{created[0], "prestart", ours, "created", true},
                             {created[1], "createRuntime", ours, "created", true},
                             {created[2], "createContainer", theirs, "created", true},
                             {started[0], "startContainer", theirs, "created", true},
                             {started[1], "poststart", ours, "running", true},
                             {deleted[0], "poststop", ours, "stopped", false}};
        for (const auto& w : want) {
            QVERIFY2(w.line.startsWith(w.kind + " "), qPrintable(w.line));
            QVERIFY2(w.line.contains(" " + w.mnt + " "), qPrintable(w.mnt + " in " + w.line));
            QVERIFY2(w.line.contains("\"status\": \"" + w.status + "\""), qPrintable(w.line));
            QVERIFY2(w.line.contains("\"id\": \"" + qid + "\""), qPrintable(w.line));
            if (w.pid) QVERIFY2(w.line.contains(p), qPrintable(w.line));
        }
    }

    // runtime.md#lifecycle: a failing (or timed-out) prestart, createRuntime or createContainer
    // hook fails create and leaves nothing; a failing startContainer hook fails start and stops
    // the container; a failing poststart or poststop hook is a warning, and the next hook runs.
    void failingHooksFollowTheLifecycle_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<QString>("failing");  // the command that fails; empty: none does
        QTest::addColumn<QString>("message");
        QTest::newRow("prestart") << "prestart"
                                  << "exit 3" << 0 << "create"
                                  << "hooks.prestart[0] (/bin/sh): exited with status 3";
        QTest::newRow("createRuntime timeout")
            << "createRuntime"
            << "sleep 60" << 1 << "create"
            << "hooks.createRuntime[0] (/bin/sh): did not finish within its timeout of 1 s";
        QTest::newRow("createContainer") << "createContainer"
                                         << "exit 4" << 0 << "create"
                                         << "hooks.createContainer[0] (/bin/sh): exited with status 4";
        QTest::newRow("startContainer") << "startContainer"
                                        << "exit 5" << 0 << "start"
                                        << "hooks.startContainer[0] (/bin/sh): exited with status 5";
        QTest::newRow("poststart") << "poststart"
                                   << "exit 6" << 0 << ""
                                   << "warning: hooks.poststart[0] (/bin/sh): exited with status 6";
        QTest::newRow("poststop") << "poststop"
                                  << "exit 7" << 0 << ""
                                  << "warning: hooks.poststop[0] (/bin/sh): exited with status 7";
    }
    void failingHooksFollowTheLifecycle()
    {
        QFETCH(QString, kind);
        QFETCH(QString, script);
        QFETCH(int, timeout);
        QFETCH(QString, failing);
        QFETCH(QString, message);
        auto s = test_spec(rootfs_, {"sleep", "300"});
        spec::Hook bad{"/bin/sh", {"sh", "-c", script.toStdString()}, {}, std::nullopt};
        if (timeout) bad.timeout = timeout;
        const spec::Hook next{"/bin/sh", {"sh", "-c", "echo next-hook-ran"}, {}, std::nullopt};
        std::vector<spec::Hook>* list = kind == "prestart"          ? &s.hooks.prestart
                                        : kind == "createRuntime"   ? &s.hooks.create_runtime
                                        : kind == "createContainer" ? &s.hooks.create_container
                                        : kind == "startContainer"  ? &s.hooks.start_container
                                        : kind == "poststart"       ? &s.hooks.poststart
                                                                    : &s.hooks.poststop;
        *list = {bad, next};
        const std::string id = unique_id("hookfail");
        const QString qid = QString::fromStdString(id);
        Run c = runtime({"create", "-b", QString::fromStdString(bundle(id, s)), qid});
        if (failing == "create") {
            QVERIFY2(c.code != 0, qPrintable(c.out));
            QVERIFY2(c.err.contains(message), qPrintable(c.err));
            QVERIFY2(!c.out.contains("next-hook-ran"), qPrintable(c.out));
            QVERIFY(runtime({"state", qid}).code != 0);       // nothing left: no state,
            QVERIFY(!cgroup_exists("/onggi-runtime/" + id));  // no cgroup,
            QVERIFY(!host_mounts_mention(rootfs_));           // no mount
            return;
        }
        QVERIFY2(c.code == 0, qPrintable(c.err));
        const pid_t pid = pid_of(id);
        Run st = runtime({"start", qid});
        if (failing == "start") {
            QVERIFY2(st.code != 0, qPrintable(st.out));
            QVERIFY2(st.err.contains(message), qPrintable(st.err));
            QVERIFY(eventually([&] { return !process_exists(pid); }));
            QCOMPARE(status_of(id), QString("stopped"));
            QVERIFY2(runtime({"delete", qid}).code == 0, "delete after a failed start");
            return;
        }
        QVERIFY2(st.code == 0, qPrintable(st.err));
        QCOMPARE(status_of(id), QString("running"));
        Run d = runtime({"delete", "-f", qid});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        const Run& warned = kind == "poststart" ? st : d;
        QVERIFY2(warned.err.contains(message), qPrintable(warned.err));
        QVERIFY2(warned.out.contains("next-hook-ran"), qPrintable(warned.out));
    }

    // issue 19.2, config-linux.md#namespaces: a type that is not listed is the runtime's own,
    // mount included. Without a mount namespace of its own the container is chroot-ed into its
    // rootfs; nothing is left mounted in the caller's namespace after delete (with "/" shared).
    void absentNamespacesAreTheRuntimes()
    {
        auto s = test_spec(rootfs_, {"sleep", "300"});
        s.linux.namespaces.clear();
        s.hostname.clear();
        const std::string id = unique_id("nsinherit");
        const std::string marker = "/.ns-marker-" + id;
        QVERIFY(write_file_atomic(rootfs_ + marker, "x"));
        const std::string b = bundle(id, s);
        const QString rt = binary("onggi-runtime") + " --root " + QString::fromStdString(state_root_);
        const QString qid = QString::fromStdString(id), root = QString::fromStdString(rootfs_);
        const QString script = QString("set -e; %1 create -b %2 %3; %1 start %3;"
                                       "pid=$(%1 state %3 | sed -n 's/.*\"pid\": \\([0-9]*\\).*/\\1/p');"
                                       "for n in mnt pid net ipc uts cgroup; do echo \"$n $(readlink /proc/self/ns/$n) "
                                       "$(readlink /proc/$pid/ns/$n)\"; done;"
                                       "echo root=$(readlink /proc/$pid/root);"
                                       "%1 exec %3 sh -c 'test -e %5 && echo exec-in-rootfs';"
                                       "echo during=$(grep -c %4 /proc/self/mountinfo || true);"
                                       "%1 delete -f %3; echo after=$(grep -c %4 /proc/self/mountinfo || true)")
                                   .arg(rt, QString::fromStdString(b), qid, root, QString::fromStdString(marker));
        Run r = run("unshare", {"-m", "--propagation", "shared", "sh", "-c", script});
        ::unlink((rootfs_ + marker).c_str());
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        for (const char* n : {"mnt", "pid", "net", "ipc", "uts", "cgroup"}) {
            QString line;
            for (const QString& l : r.out.split('\n'))
                if (l.startsWith(QString(n) + " ")) line = l;
            const QStringList f = line.split(' ');
            QVERIFY2(f.size() == 3 && f[1] == f[2] && !f[1].isEmpty(), qPrintable(QString(n) + ": " + r.out));
        }
        QVERIFY2(r.out.contains("root=" + root + "\n"), qPrintable(r.out));
        QVERIFY2(r.out.contains("exec-in-rootfs\n"), qPrintable(r.out));
        QVERIFY2(!r.out.contains("during=0\n"), qPrintable(r.out));  // the rootfs mount is in the caller's namespace
        QVERIFY2(r.out.contains("after=0\n"), qPrintable(r.out));
        QVERIFY(!host_mounts_mention(rootfs_));
    }

    // config-linux.md#namespaces: a path is joined, mount included. The other processes of the
    // joined mount namespace keep their root (pivot_root would have moved it), and delete
    // leaves nothing mounted there.
    void namespacePathsAreJoinedMountIncluded()
    {
        QProcess holder;
        holder.start("unshare", {"-m", "-i", "-u", "-n", "--fork", "sleep", "300"});
        QVERIFY(holder.waitForStarted());
        const std::string hp = std::to_string(holder.processId());
        QVERIFY(eventually([&] {
            return ns_inode(hp, "mnt") != ns_inode("self", "mnt") && ns_inode(hp, "net") != ns_inode("self", "net");
        }));
        auto s = test_spec(rootfs_, {"sleep", "300"});
        s.hostname.clear();
        const std::string nsdir = "/proc/" + hp + "/ns/";
        s.linux.namespaces = {{"pid", ""},
                              {"mount", nsdir + "mnt"},
                              {"ipc", nsdir + "ipc"},
                              {"uts", nsdir + "uts"},
                              {"network", nsdir + "net"}};
        const std::string id = unique_id("nspath");
        const std::string marker = "/.ns-marker-" + id;
        QVERIFY(write_file_atomic(rootfs_ + marker, "x"));
        pid_t pid = start_sleeper(id, s);
        ::unlink((rootfs_ + marker).c_str());
        QVERIFY(pid > 0);
        for (const char* n : {"mnt", "ipc", "uts", "net"})
            QVERIFY2(ns_inode(std::to_string(pid), n) == ns_inode(hp, n), n);
        QVERIFY(ns_inode(std::to_string(pid), "pid") != ns_inode(hp, "pid"));
        QVERIFY2(::access(("/proc/" + hp + "/root/etc/passwd").c_str(), F_OK) == 0 ||
                     ::access(("/proc/" + hp + "/root/usr").c_str(), F_OK) == 0,
                 "the holder's root moved");
        QVERIFY2(::access(("/proc/" + hp + "/root" + marker).c_str(), F_OK) != 0,
                 "the holder's root is the container's rootfs");
        auto during = read_file("/proc/" + hp + "/mountinfo");
        QVERIFY(during.ok() && during.value().find(rootfs_) != std::string::npos);
        QVERIFY(!host_mounts_mention(rootfs_));
        Run d = runtime({"delete", "-f", QString::fromStdString(id)});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        auto after = read_file("/proc/" + hp + "/mountinfo");
        QVERIFY(after.ok());
        QVERIFY2(after.value().find(rootfs_) == std::string::npos, after.value().c_str());
        holder.kill();
        holder.waitForFinished();
    }

    // issue 19.7: memory.kernel is a warning (no effect since Linux 5.16), kernelTCP is the
    // v1 TCP buffer limit (a warning on v2); both used to be dropped without a word.
    void kernelMemoryIsAWarningAndKernelTcpIsApplied()
    {
        auto s = test_spec(rootfs_, {"sleep", "300"});
        spec::Resources res;
        res.memory_limit = 64 << 20;
        res.memory_kernel = 48 << 20;
        res.memory_kernel_tcp = 40 << 20;
        s.linux.resources = res;
        const std::string id = unique_id("kmem");
        Run r = runtime({"run", "-d", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("warning: linux.resources.memory.kernel is ignored"), qPrintable(r.err));
        const std::string v1 = "/sys/fs/cgroup/memory/onggi-runtime/" + id + "/memory.kmem.tcp.limit_in_bytes";
        if (::access("/sys/fs/cgroup/memory", F_OK) == 0) {
            auto tcp = read_file(v1);
            QVERIFY2(tcp.ok(), v1.c_str());
            QCOMPARE(std::stoll(tcp.value()), int64_t(40) << 20);
            QVERIFY2(!r.err.contains("kernelTCP"), qPrintable(r.err));
        } else {
            QVERIFY2(r.err.contains("warning: linux.resources.memory.kernelTCP is ignored"), qPrintable(r.err));
        }
    }

    // issue 19.7: hugepageLimits and network are applied where the controller is (hugetlb on
    // v1 and v2, net_cls/net_prio on v1) and refused, naming the controller, where it is not.
    void hugetlbAndNetworkAppliedOrRefusedByController_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("hugetlb") << "hugetlb";
        QTest::newRow("net_cls") << "net_cls";
        QTest::newRow("net_prio") << "net_prio";
        QTest::newRow("bad page size") << "3MB";
    }
    void hugetlbAndNetworkAppliedOrRefusedByController()
    {
        QFETCH(QString, what);
        auto s = test_spec(rootfs_, {"sleep", "300"});
        spec::Resources res;
        std::string page = "2MB";
        for (const char* dir :
             {"/sys/kernel/mm/hugepages/hugepages-2048kB", "/sys/kernel/mm/hugepages/hugepages-1048576kB"})
            if (::access(dir, F_OK) == 0) page = std::string(dir).find("1048576") != std::string::npos ? "1GB" : "2MB";
        if (what == "hugetlb") res.hugepage_limits = {{page, 2ull << 30}};
        if (what == "3MB") res.hugepage_limits = {{"3MB", 300ull << 20}};
        if (what == "net_cls") res.net_class_id = 0x100001;
        if (what == "net_prio") res.net_priorities = {{"lo", 5}};
        s.linux.resources = res;
        const std::string id = unique_id("hugenet");
        Run r = runtime({"run", "-d", "-b", QString::fromStdString(bundle(id, s)), QString::fromStdString(id)});
        const bool v2 = ::access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0;
        const std::string ctl = what == "3MB" ? "hugetlb" : what.toStdString();
        const std::string v1dir = "/sys/fs/cgroup/" + ctl + "/onggi-runtime/" + id;
        const std::string v2dir = "/sys/fs/cgroup/onggi-runtime/" + id;
        const bool v2_hugetlb = v2 && [] {
            auto t = read_file("/sys/fs/cgroup/cgroup.controllers");
            return t.ok() && t.value().find("hugetlb") != std::string::npos;
        }();
        const bool have =
            v2 ? (ctl == "hugetlb" && v2_hugetlb) : ::access(("/sys/fs/cgroup/" + ctl).c_str(), F_OK) == 0;
        if (what == "3MB") {
            QVERIFY2(r.code != 0, qPrintable(r.out));
            QVERIFY2(r.err.contains(have ? "page size 3MB is not one this host has" : "hugetlb"), qPrintable(r.err));
            return;
        }
        if (!have) {
            QVERIFY2(r.code != 0, qPrintable(r.out));
            const QString expected =
                v2 ? (ctl == "hugetlb" ? "the hugetlb controller is not enabled for this cgroup" : "cgroup v2 has none")
                   : QString("the %1 controller is not mounted on this host").arg(QString::fromStdString(ctl));
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
            QVERIFY(runtime({"state", QString::fromStdString(id)}).code != 0);
            QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
            return;
        }
        QVERIFY2(r.code == 0, qPrintable(r.err));
        if (what == "hugetlb") {
            auto v =
                read_file(v2 ? v2dir + "/hugetlb." + page + ".max" : v1dir + "/hugetlb." + page + ".limit_in_bytes");
            QVERIFY(v.ok());
            QCOMPARE(std::stoull(v.value()), 2ull << 30);
        } else if (what == "net_cls") {
            auto v = read_file(v1dir + "/net_cls.classid");
            QVERIFY(v.ok());
            QCOMPARE(std::stoul(v.value()), 0x100001ul);
        } else {
            auto v = read_file(v1dir + "/net_prio.ifpriomap");
            QVERIFY(v.ok());
            QVERIFY2(v.value().find("lo 5") != std::string::npos, v.value().c_str());
        }
    }

    // config.md#process: a config without process can be created; start then fails and
    // stops the container, which delete removes (runtime.md#start).
    void noProcessCreatesAndStartFails()
    {
        auto s = test_spec(rootfs_, {"true"});
        s.has_process = false;
        const std::string id = unique_id("noproc");
        const QString qid = QString::fromStdString(id);
        Run c = runtime({"create", "-b", QString::fromStdString(bundle(id, s)), qid});
        QVERIFY2(c.code == 0, qPrintable(c.err));
        QCOMPARE(status_of(id), QString("created"));
        const pid_t pid = pid_of(id);
        Run st = runtime({"start", qid});
        QVERIFY(st.code != 0);
        QVERIFY2(st.err.contains("process: the config has none"), qPrintable(st.err));
        QVERIFY(eventually([&] { return !process_exists(pid); }));
        QCOMPARE(status_of(id), QString("stopped"));
        QCOMPARE(runtime({"delete", qid}).code, 0);
        Run r = runtime({"run", "-b", QString::fromStdString(bundle(id + "-run", s)), qid + "-run"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("process: required field is missing"), qPrintable(r.err));
    }

    // issue 19.8: process.apparmorProfile, process.selinuxLabel and linux.mountLabel are applied
    // where the host runs that LSM. Where it does not, a profile or process label is refused
    // (naming the field, leaving nothing) -- never run unconfined in silence; a mount label, which
    // confines nothing without SELinux, is ignored with a warning. exec's --apparmor/--process-label alike.
    void lsmLabelsAppliedOrRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("apparmorProfile") << "process.apparmorProfile";
        QTest::newRow("selinuxLabel") << "process.selinuxLabel";
        QTest::newRow("mountLabel") << "linux.mountLabel";
    }
    void lsmLabelsAppliedOrRefused()
    {
        QFETCH(QString, field);
        auto enabled_flag = read_file("/sys/module/apparmor/parameters/enabled");
        const bool apparmor = enabled_flag.ok() && enabled_flag.value().rfind("Y", 0) == 0 &&
                              ::access("/sys/kernel/security/apparmor", F_OK) == 0;
        const bool selinux = ::access("/sys/fs/selinux/enforce", F_OK) == 0;
        auto own = read_file("/proc/self/attr/current");
        const std::string label =
            selinux && own.ok() ? std::string(own.value().c_str()) : "system_u:system_r:container_t:s0";
        auto s = test_spec(rootfs_, {"sleep", "300"});
        bool have = false;
        if (field == "process.apparmorProfile") {
            s.process.apparmor_profile = "unconfined";
            have = apparmor;
        } else if (field == "process.selinuxLabel") {
            s.process.selinux_label = label;
            have = selinux;
        } else {
            s.linux.mount_label = "system_u:object_r:container_file_t:s0";
            have = selinux;
        }
        const std::string id = unique_id("lsm");
        const QString qid = QString::fromStdString(id);
        Run r = runtime({"run", "-d", "-b", QString::fromStdString(bundle(id, s)), qid});
        if (!have && field == "linux.mountLabel") {
            // Without SELinux a mount label confines nothing: the container runs, and says so.
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(r.err.contains("warning: linux.mountLabel is ignored: SELinux is not enabled"), qPrintable(r.err));
            auto mi = read_file("/proc/" + std::to_string(pid_of(id)) + "/mountinfo");
            QVERIFY(mi.ok() && mi.value().find("container_file_t") == std::string::npos);
            QCOMPARE(runtime({"delete", "-f", qid}).code, 0);
            return;
        }
        if (!have) {
            QVERIFY2(r.code != 0, qPrintable(r.out));
            QVERIFY2(r.err.contains(field + ": ") && r.err.contains("is not enabled on this host"), qPrintable(r.err));
            QVERIFY(runtime({"state", qid}).code != 0);
            QVERIFY(!cgroup_exists("/onggi-runtime/" + id));
            // exec asks the same of the host.
            const std::string id2 = unique_id("lsmexec");
            QVERIFY(start_sleeper(id2, test_spec(rootfs_, {"sleep", "300"})) > 0);
            const QString opt = field == "process.apparmorProfile" ? "--apparmor" : "--process-label";
            if (field != "linux.mountLabel") {
                Run e = runtime({"exec", opt, "some-label", QString::fromStdString(id2), "true"});
                QVERIFY2(e.code != 0 && e.err.contains(field + ": "), qPrintable(e.err));
            }
            return;
        }
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const std::string pid = std::to_string(pid_of(id));
        if (field == "process.apparmorProfile") {
            auto cur = read_file("/proc/" + pid + "/attr/apparmor/current");
            if (!cur.ok()) cur = read_file("/proc/" + pid + "/attr/current");
            QVERIFY(cur.ok() && cur.value().find("unconfined") != std::string::npos);
        } else if (field == "process.selinuxLabel") {
            auto cur = read_file("/proc/" + pid + "/attr/current");
            QVERIFY(cur.ok());
            QCOMPARE(std::string(cur.value().c_str()), label);
        } else {
            auto mi = read_file("/proc/" + pid + "/mountinfo");
            QVERIFY(mi.ok() && mi.value().find("container_file_t") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TstRuntime)
#include "tst_runtime.moc"

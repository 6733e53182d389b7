// The policy gate (helper/policy_gate.h) attacked by a REAL member of the group: the test
// creates a user (useradd) whose supplementary group is the helper's group (groupadd), starts a
// private onggi-helper that admits that group, and asks as that user — over the protocol and
// through the real onggictl — for what would give them root power on the host. Each ask must
// be refused with errc "forbidden" and a reason; the same ask from root must succeed on a real
// container (so that the refusal is the gate's, and the test can fail). polkit: a private
// dbus-daemon and a real polkitd (in a private mount namespace whose rules.d and actions are the
// test's) allow one action and deny others (tst_member_gate::polkit*).
#include "../helper/helper_fixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

using namespace onggi::test;

namespace {

std::string errc(const json& r)
{
    return r.contains("error") ? r["error"]["data"].value("errc", "") : std::string("ok");
}
std::string option_of(const json& r)
{
    return r.contains("error") ? r["error"]["data"].value("option", "") : std::string();
}
std::string dump(const json& r) { return r.dump(); }

std::string ns_link(const char* ns)
{
    char buf[64] = {};
    ssize_t n = ::readlink((std::string("/proc/self/ns/") + ns).c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

bool sh(const std::string& cmd) { return std::system(cmd.c_str()) == 0; }

}  // namespace

class TstMemberGate : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    std::string group_, user_;
    uid_t uid_ = 0;
    gid_t gid_ = 0;  // the member's primary group (not the helper's: membership is supplementary)
    gid_t group_gid_ = 0;
    std::unique_ptr<HelperProcess> helper_;

    std::vector<json> member(const std::vector<std::pair<std::string, json>>& requests)
    {
        return as_user(uid_, gid_, helper_->socket(), requests, {gid_, group_gid_});
    }
    std::vector<json> as_user_h(const HelperProcess& h, const std::vector<std::pair<std::string, json>>& requests)
    {
        return as_user(uid_, gid_, h.socket(), requests, {gid_, group_gid_});
    }
    json member_create(const json& params) { return member({{"container.create", params}}).at(0); }

    // onggictl run by the member (setpriv: the user's own uid, gid and groups, as after login).
    struct Cli {
        int code = -1;
        QString out, err;
    };
    Cli onggictl(const QStringList& args, bool as_member, const QString& lang = QStringLiteral("C"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LANG", lang);
        env.insert("LC_ALL", lang);
        env.insert("LANGUAGE", lang.left(2));
        env.insert("ONGGI_TRANSLATIONS_DIR",
                   QString::fromStdString(build_dir() + "/gui"));  // the .qm files lrelease made
        p.setProcessEnvironment(env);
        const QString ctl = QString::fromStdString(build_dir() + "/cli/onggictl");
        QStringList a{"--host", QString::fromStdString(helper_->socket())};
        a += args;
        if (as_member) {
            a.prepend(ctl);
            a = QStringList{"--reuid", QString::number(uid_), "--regid", QString::number(gid_), "--init-groups"} + a;
            p.start("setpriv", a);
        } else {
            p.start(ctl, a);
        }
        Cli r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Root runs it to the end: create, start, wait. Returns the exit code, or -1 with why.
    int root_runs(json params, std::string* why)
    {
        RawClient root(helper_->socket());
        params["image"] = "busybox";
        params["auto_remove"] = false;
        json c = root.call("container.create", params);
        if (!c.contains("result")) {
            *why = "create: " + dump(c);
            return -1;
        }
        const std::string id = c["result"]["id"];
        json s = root.call("container.start", {{"id", id}});
        json w = s.contains("result") ? root.call("container.wait", {{"id", id}}) : s;
        json l = root.call("container.logs", {{"id", id}});
        root.call("container.remove", {{"id", id}, {"force", true}});
        if (!s.contains("result")) {
            *why = "start: " + dump(s);
            return -1;
        }
        *why = dump(w) + " logs: " + dump(l);
        return w.contains("result") ? w["result"]["exit_code"].get<int>() : -1;
    }

    std::string config_path(const std::string& id) const
    {
        return helper_->state_dir() + "/containers/" + id + "/config.json";
    }
    json read_config(const std::string& id) const
    {
        std::ifstream f(config_path(id));
        return json::parse(f, nullptr, false);
    }
    void write_config(const std::string& id, const json& j) const
    {
        std::ofstream f(config_path(id), std::ios::trunc);
        f << j.dump(2);
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests need root (useradd, a helper, containers)");
        if (::access(helper_binary().c_str(), X_OK) != 0) QFAIL("onggi-helper is not built");
        if (shim_binary().empty()) QFAIL("onggi-shim is not built");
        QVERIFY(work_.isValid());
        QVERIFY(::chmod(work_.path().toUtf8().constData(), 0755) == 0);
        // polkit is absent for this helper whatever the host runs: a system bus that is not there.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", QByteArray("unix:path=") + work_.path().toUtf8() + "/no-bus");

        const std::string tag = std::to_string(::getpid() % 100000);
        group_ = "ogate" + tag;
        user_ = "ogateu" + tag;
        QVERIFY(sh("groupadd " + group_));
        QVERIFY(sh("useradd -M -N -g users -G " + group_ + " -s /bin/sh " + user_));
        struct passwd* pw = ::getpwnam(user_.c_str());
        QVERIFY(pw);
        uid_ = pw->pw_uid;
        gid_ = pw->pw_gid;
        group_gid_ = ::getgrnam(group_.c_str())->gr_gid;
        QVERIFY(gid_ != group_gid_);  // a supplementary member, as after usermod -aG

        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start({"--group", group_}), helper_->log().c_str());
    }

    void cleanupTestCase()
    {
        helper_.reset();
        if (!user_.empty()) (void)sh("userdel " + user_ + " 2>/dev/null");
        if (!group_.empty()) (void)sh("groupdel " + group_ + " 2>/dev/null");
    }

    // The control: the member can create and run a default container at all, so every refusal
    // below is about the option asked for.
    void memberRunsDefaultContainer()
    {
        auto r = member({{"container.create", {{"image", "busybox"}, {"cmd", {"sh", "-c", "exit 7"}}}}});
        QVERIFY2(r.size() == 1 && r[0].contains("result"), r.empty() ? "" : dump(r[0]).c_str());
        const std::string id = r[0]["result"]["id"];
        auto s = member({{"container.start", {{"id", id}}},
                         {"container.wait", {{"id", id}}},
                         {"container.update", {{"id", id}, {"limits", {{"pids", 50}}}}},
                         {"container.remove", {{"id", id}}}});
        QVERIFY2(s.size() == 4, helper_->log().c_str());
        QVERIFY2(s[0].contains("result"), dump(s[0]).c_str());
        QCOMPARE(s[1]["result"]["exit_code"].get<int>(), 7);
        QVERIFY2(s[2].contains("result"), dump(s[2]).c_str());
        QVERIFY2(s[3].contains("result"), dump(s[3]).c_str());
    }

    void privilegedAsks_data()
    {
        QTest::addColumn<QByteArray>("params");  // create params besides image
        QTest::addColumn<QByteArray>("option");  // data.option of the refusal
        QTest::addColumn<QByteArray>("field");   // what the English context names
        QTest::addColumn<QByteArray>("proof");   // root's container: a command that exits 0 only with the ask granted
        const char* allow_all =
            R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["getpid"],"action":"SCMP_ACT_ERRNO"}]})";
        auto row = [](const char* name, const json& p, const char* opt, const char* field, const std::string& proof) {
            QTest::newRow(name) << QByteArray::fromStdString(p.dump()) << QByteArray(opt) << QByteArray(field)
                                << QByteArray::fromStdString(proof);
        };
        const char* mount = "mkdir /m && mount -t tmpfs t /m";  // CAP_SYS_ADMIN and the seccomp rules that go with it
        const char* no_seccomp = "awk '/^Seccomp:/{exit $2 != 0}' /proc/self/status";
        row("cap-add ALL", {{"security", {{"cap_add", {"ALL"}}}}}, "cap_add", "security.cap_add[0]", mount);
        row("cap-add SYS_ADMIN", {{"security", {{"cap_add", {"SYS_ADMIN"}}}}}, "cap_add", "security.cap_add[0]", mount);
        // CapEff: Docker's default a80425fb plus bit 19 (SYS_PTRACE)
        row("cap-add SYS_PTRACE", {{"security", {{"cap_add", {"sys_ptrace"}}}}}, "cap_add", "security.cap_add[0]",
            "grep -q 'CapEff:.*a80c25fb' /proc/self/status");
        row("seccomp unconfined", {{"security", {{"seccomp", "unconfined"}}}}, "seccomp.unconfined", "security.seccomp",
            no_seccomp);
        // unshare(2) is refused by the default profile without SYS_ADMIN; a user namespace needs no capability.
        row("seccomp allow-all profile", {{"security", {{"seccomp", allow_all}}}}, "seccomp.profile",
            "security.seccomp", "unshare -U true");
        row("privileged", {{"security", {{"privileged", true}}}}, "privileged", "security.privileged",
            (std::string(no_seccomp) + " && " + mount).c_str());
        row("host uts", {{"namespaces", {{"uts", false}}}}, "namespaces.uts", "namespaces.uts",
            "test \"$(hostname)\" = \"$HOST_NAME\"");
        row("host ipc", {{"namespaces", {{"ipc", false}}}}, "namespaces.ipc", "namespaces.ipc",
            "test \"$(readlink /proc/self/ns/ipc)\" = \"$HOST_IPC\"");
        row("host cgroup", {{"namespaces", {{"cgroup", false}}}}, "namespaces.cgroup", "namespaces.cgroup",
            "grep -q onggi /proc/self/cgroup");
        row("host pid", {{"namespaces", {{"pid", false}}}}, "namespaces.pid", "namespaces.pid", "test $$ -ne 1");
        row("host network", {{"namespaces", {{"network", "host"}}}}, "namespaces.network", "namespaces.network",
            "test \"$(readlink /proc/self/ns/net)\" = \"$HOST_NET\"");
    }

    // Each ask: the member is refused with a reason; root's container gets it (the proof runs).
    void privilegedAsks()
    {
        QFETCH(QByteArray, params);
        QFETCH(QByteArray, option);
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, proof);
        json p = json::parse(params.toStdString());
        p["image"] = "busybox";
        json r = member_create(p);
        QVERIFY2(errc(r) == "forbidden", dump(r).c_str());
        QCOMPARE(QByteArray::fromStdString(option_of(r)), option);
        const std::string msg = r["error"]["message"];
        QVERIFY2(msg.find(field.toStdString()) == 0, msg.c_str());
        QVERIFY2(msg.find("onggi group") != std::string::npos, msg.c_str());
        QCOMPARE(r["error"]["code"].get<int>(), -32002);
        QCOMPARE(r["error"]["data"]["polkit"].get<std::string>(), std::string("unavailable"));

        // Root keeps the option, and it really takes effect in root's container.
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        const json env = {std::string("HOST_NAME=") + host, "HOST_IPC=" + ns_link("ipc"), "HOST_NET=" + ns_link("net")};
        json rp = json::parse(params.toStdString());
        rp["cmd"] = {"sh", "-c", proof.toStdString()};
        rp["env"] = env;
        std::string why;
        const int code = root_runs(rp, &why);
        QVERIFY2(code == 0, why.c_str());
        // ... and the same proof in a default container fails (the proof means something).
        json dp = json::object();
        dp["cmd"] = rp["cmd"];
        dp["env"] = env;
        QVERIFY2(root_runs(dp, &why) != 0, ("proof passes without the option: " + why).c_str());
    }

    // CVE-2022-0492's route (cgroup namespace of the host + SYS_ADMIN: mount a v1 hierarchy,
    // write release_agent) and sethostname on the host (uts of the host + SYS_ADMIN): refused
    // for the member whichever way it is asked; root's container shows the route is real
    // (a writable release_agent; the host's UTS namespace) without using it.
    void releaseAgentAndHostnameRoutes()
    {
        json ra = {
            {"image", "busybox"}, {"namespaces", {{"cgroup", false}}}, {"security", {{"cap_add", {"SYS_ADMIN"}}}}};
        json r = member_create(ra);
        QVERIFY2(errc(r) == "forbidden", dump(r).c_str());
        json un = {{"image", "busybox"}, {"namespaces", {{"uts", false}}}, {"security", {{"cap_add", {"SYS_ADMIN"}}}}};
        json r2 = member_create(un);
        QVERIFY2(errc(r2) == "forbidden", dump(r2).c_str());
        // Through the seccomp allow-all variant too (no cap named: the profile is the ask).
        json r3 = member_create({{"image", "busybox"},
                                 {"namespaces", {{"cgroup", false}}},
                                 {"security", {{"seccomp", R"({"defaultAction":"SCMP_ACT_ALLOW"})"}}}});
        QVERIFY2(errc(r3) == "forbidden", dump(r3).c_str());

        // Root: a v1 hierarchy mounted from inside, with a release_agent that root may write.
        json rr = ra;
        rr.erase("image");
        rr["cmd"] = {"sh", "-c",
                     "mkdir -p /cg && mount -t cgroup -o none,name=ogate cgroup /cg && test -w /cg/release_agent"};
        std::string why;
        QVERIFY2(root_runs(rr, &why) == 0, why.c_str());
        json dr = {{"cmd", rr["cmd"]}};
        QVERIFY2(root_runs(dr, &why) != 0, ("release_agent reachable by default: " + why).c_str());
    }

    // Devices, a cgroup parent, extra capabilities: no create field gives them to anyone, but a
    // stored config.json may carry them (an older helper, a revoked polkit grant). start, exec
    // and update judge what will run: the member is refused, root is not.
    void storedSpecIsJudgedAtStartExecUpdate()
    {
        auto c = member({{"container.create", {{"image", "busybox"}, {"cmd", {"sleep", "30"}}}}});
        QVERIFY2(c.size() == 1 && c[0].contains("result"), c.empty() ? "" : dump(c[0]).c_str());
        const std::string id = c[0]["result"]["id"];
        auto s = member({{"container.start", {{"id", id}}}});
        QVERIFY2(s.at(0).contains("result"), dump(s[0]).c_str());

        json cfg = read_config(id);
        QVERIFY(cfg.is_object());
        const json original = cfg;
        cfg["linux"]["resources"]["devices"].push_back({{"allow", true}, {"type", "b"}, {"access", "rwm"}});
        write_config(id, cfg);
        auto x = member({{"container.exec", {{"id", id}, {"cmd", {"true"}}}},
                         {"container.update", {{"id", id}, {"limits", {{"pids", 60}}}}},
                         {"container.restart", {{"id", id}, {"timeout", 0}}},
                         {"container.kill", {{"id", id}}},
                         {"container.wait", {{"id", id}}},
                         {"container.start", {{"id", id}}}});
        QCOMPARE(x.size(), size_t(6));
        QVERIFY2(errc(x[0]) == "forbidden" && option_of(x[0]) == "devices", dump(x[0]).c_str());
        QVERIFY2(errc(x[1]) == "forbidden" && option_of(x[1]) == "devices", dump(x[1]).c_str());
        QVERIFY2(errc(x[2]) == "forbidden" && option_of(x[2]) == "devices", dump(x[2]).c_str());
        QVERIFY2(x[3].contains("result"), dump(x[3]).c_str());  // kill is not gated: it takes power away
        QVERIFY2(errc(x[5]) == "forbidden" && option_of(x[5]) == "devices", dump(x[5]).c_str());
        QVERIFY2(x[5]["error"]["message"].get<std::string>().find("b *:* rwm") != std::string::npos,
                 dump(x[5]).c_str());

        json cg = original;
        cg["linux"]["cgroupsPath"] = "/elsewhere/" + id;
        write_config(id, cg);
        auto y = member({{"container.start", {{"id", id}}}});
        QVERIFY2(errc(y.at(0)) == "forbidden" && option_of(y[0]) == "cgroup_parent", dump(y[0]).c_str());

        json caps = original;
        caps["process"]["capabilities"]["bounding"].push_back("CAP_SYS_ADMIN");
        caps["process"]["capabilities"]["effective"].push_back("CAP_SYS_ADMIN");
        caps["process"]["capabilities"]["permitted"].push_back("CAP_SYS_ADMIN");
        write_config(id, caps);
        auto z = member({{"container.start", {{"id", id}}}});
        QVERIFY2(errc(z.at(0)) == "forbidden" && option_of(z[0]) == "cap_add", dump(z[0]).c_str());

        // Root: the same device rule on root's own container runs (the refusal was the gate's).
        RawClient root(helper_->socket());
        json rc = root.call("container.create", {{"image", "busybox"}, {"cmd", {"sleep", "30"}}});
        QVERIFY2(rc.contains("result"), dump(rc).c_str());
        const std::string rid = rc["result"]["id"];
        json rcfg = read_config(rid);
        rcfg["linux"]["resources"]["devices"].push_back({{"allow", true}, {"type", "b"}, {"access", "rwm"}});
        write_config(rid, rcfg);
        json rs = root.call("container.start", {{"id", rid}});
        QVERIFY2(rs.contains("result"), dump(rs).c_str());
        json re = root.call("container.exec", {{"id", rid}, {"cmd", {"true"}}});
        QVERIFY2(re.contains("result"), dump(re).c_str());
        json ru = root.call("container.update", {{"id", rid}, {"limits", {{"pids", 60}}}});
        QVERIFY2(ru.contains("result"), dump(ru).c_str());
        root.call("container.remove", {{"id", rid}, {"force", true}});

        // Put back what the helper wrote: the member may start it again.
        write_config(id, original);
        auto back = member({{"container.start", {{"id", id}}}, {"container.remove", {{"id", id}, {"force", true}}}});
        QVERIFY2(back.size() == 2 && back[0].contains("result"), back.empty() ? "" : dump(back[0]).c_str());
    }

    // -v /secret/present:/x and -v /secret/absent:/x answer the same to a member who cannot
    // reach /secret; root is told the truth.
    void volumeExistenceOracle()
    {
        const std::string secret = work_.path().toStdString() + "/secret";
        QVERIFY(::mkdir(secret.c_str(), 0700) == 0);
        QVERIFY(QFile(QString::fromStdString(secret + "/present")).open(QIODevice::WriteOnly));
        auto ask = [](const std::string& src) {
            return json{{"image", "busybox"}, {"volumes", {{{"source", src}, {"target", "/x"}}}}};
        };
        auto r = member({{"container.create", ask(secret + "/present")},
                         {"container.create", ask(secret + "/absent")},
                         {"container.create", ask("/root/.bashrc")},
                         {"container.create", ask("/root/nonexistent-ogate")}});
        QCOMPARE(r.size(), size_t(4));
        for (const auto& x : r) QVERIFY2(errc(x) == "permission_denied", dump(x).c_str());
        auto same = [](json a, json b, const std::string& pa, const std::string& pb) {
            std::string ma = a["error"]["message"], mb = b["error"]["message"];
            ma.replace(ma.find(pa), pa.size(), "P");
            mb.replace(mb.find(pb), pb.size(), "P");
            a["error"]["message"] = ma;
            b["error"]["message"] = mb;
            return a["error"] == b["error"];
        };
        QVERIFY2(same(r[0], r[1], secret + "/present", secret + "/absent"), (dump(r[0]) + "\n" + dump(r[1])).c_str());
        QVERIFY2(same(r[2], r[3], "/root/.bashrc", "/root/nonexistent-ogate"),
                 (dump(r[2]) + "\n" + dump(r[3])).c_str());

        // Root: the truth (the file exists and is usable; the other does not exist).
        RawClient root(helper_->socket());
        json a = root.call("container.create", ask(secret + "/present"));
        json b = root.call("container.create", ask(secret + "/absent"));
        QVERIFY2(a.contains("result"), dump(a).c_str());
        QVERIFY2(errc(b) == "not_found", dump(b).c_str());
        root.call("container.remove", {{"id", a["result"]["id"]}, {"force", true}});
        // And the member's own directory works (the refusal is about reach, not volumes).
        const std::string mine = work_.path().toStdString() + "/mine";
        QVERIFY(::mkdir(mine.c_str(), 0755) == 0 && ::chown(mine.c_str(), uid_, gid_) == 0);
        json m = member_create(ask(mine));
        QVERIFY2(m.contains("result"), dump(m).c_str());
        member({{"container.remove", {{"id", m["result"]["id"]}}}});
    }

    // The same refusals through onggictl, translated: English and Korean; root's run succeeds.
    void onggictlShowsTheReason_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("korean");
        QTest::newRow("cap-add ALL") << QStringList{"--cap-add", "ALL"} << "the capability ALL (--cap-add)"
                                     << "ALL";
        QTest::newRow("cap-add SYS_ADMIN")
            << QStringList{"--cap-add", "SYS_ADMIN"} << "the capability CAP_SYS_ADMIN (--cap-add)"
            << "CAP_SYS_ADMIN";
        QTest::newRow("seccomp unconfined")
            << QStringList{"--security-opt", "seccomp=unconfined"} << "no seccomp filter"
            << "seccomp";
        QTest::newRow("privileged") << QStringList{"--privileged"} << "a privileged container (--privileged)"
                                    << "--privileged";
        QTest::newRow("network host") << QStringList{"--network", "host"} << "the host's network (--network host)"
                                      << "--network host";
        QTest::newRow("allow-all profile file")
            << QStringList{"--security-opt", "seccomp=@ALLOW_ALL@"} << "a seccomp profile that lets through"
            << "seccomp";
    }

    void onggictlShowsTheReason()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, english);
        QFETCH(QString, korean);
        const QString profile = work_.path() + "/allow-all.json";
        {
            QFile f(profile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                R"({"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["getpid"],"action":"SCMP_ACT_ERRNO"}]})");
        }
        QVERIFY(::chmod(profile.toUtf8().constData(), 0644) == 0);
        flags.replaceInStrings("@ALLOW_ALL@", profile);
        const QStringList args = QStringList{"run", "--rm"} + flags + QStringList{"busybox", "true"};

        Cli en = onggictl(args, true);
        QVERIFY2(en.code != 0, qPrintable(en.err));
        QVERIFY2(en.err.contains("Not allowed for members of the onggi group"), qPrintable(en.err));
        QVERIFY2(en.err.contains(english), qPrintable(en.err));
        QVERIFY2(en.err.contains("polkit"), qPrintable(en.err));

        if (QFile::exists(QString::fromStdString(build_dir() + "/gui/onggi_ko.qm"))) {
            Cli ko = onggictl(args, true, QStringLiteral("ko_KR.UTF-8"));
            QVERIFY2(ko.code != 0, qPrintable(ko.err));
            QVERIFY2(ko.err.contains(QString::fromUtf8("onggi 그룹")), qPrintable(ko.err));
            QVERIFY2(ko.err.contains(korean), qPrintable(ko.err));
            QVERIFY2(!ko.err.contains("Not allowed"), qPrintable(ko.err));
        } else {
            qWarning(
                "no compiled Korean translation (build/gui/onggi_ko.qm; a build without the GUI): Korean not checked");
        }

        Cli root = onggictl(args, false);
        QVERIFY2(root.code == 0, qPrintable(root.err + root.out));
    }

    // A real polkitd on a private system bus: one action allowed for this member by a rule,
    // one denied by a rule, one left at auth_admin with no agent (a challenge).
    void polkitAllowsAndDenies()
    {
        const QString polkitd = QStringLiteral("/usr/lib/polkit-1/polkitd");
        if (!QFile::exists(polkitd) || QStandardPaths::findExecutable("dbus-daemon").isEmpty() ||
            QStandardPaths::findExecutable("pkcheck").isEmpty())
            QSKIP("polkitd, pkcheck or dbus-daemon is not installed (scripts/setup-deps installs them)");
        const QString dir = work_.path() + "/polkit";
        QVERIFY(QDir().mkpath(dir + "/rules") && QDir().mkpath(dir + "/actions"));
        QVERIFY(::chmod(dir.toUtf8().constData(), 0755) == 0);
        const QString bus = dir + "/bus.sock";
        {
            QFile f(dir + "/bus.conf");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QStringLiteral(
                    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                    "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                    "<busconfig><type>system</type><listen>unix:path=%1</listen><auth>EXTERNAL</auth>"
                    "<policy context=\"default\"><allow user=\"*\"/><allow own=\"*\"/><allow send_destination=\"*\"/>"
                    "<allow receive_sender=\"*\"/></policy></busconfig>\n")
                    .arg(bus)
                    .toUtf8());
        }
        {
            QFile f(dir + "/rules/50-onggi-test.rules");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QStringLiteral("polkit.addRule(function(action, subject) {\n"
                               "  if (subject.user != \"%1\") return polkit.Result.NOT_HANDLED;\n"
                               "  if (action.id == \"org.onggi.container.capabilities\") return polkit.Result.YES;\n"
                               "  if (action.id == \"org.onggi.container.seccomp\") return polkit.Result.NO;\n"
                               "});\n")
                    .arg(QString::fromStdString(user_))
                    .toUtf8());
        }
        QVERIFY(QFile::copy(QStringLiteral(ONGGI_SOURCE_DIR "/resources/polkit/org.onggi.policy"),
                            dir + "/actions/org.onggi.policy"));
        for (const char* f : {"/rules/50-onggi-test.rules", "/actions/org.onggi.policy"})
            QVERIFY(::chmod((dir + f).toUtf8().constData(), 0644) == 0);
        for (const char* d : {"/rules", "/actions"}) QVERIFY(::chmod((dir + d).toUtf8().constData(), 0755) == 0);

        QProcess dbus;
        dbus.start("dbus-daemon", {"--config-file=" + dir + "/bus.conf", "--nofork", "--nopidfile"});
        QVERIFY(dbus.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(bus), 10000);
        const QByteArray address = "unix:path=" + bus.toUtf8();
        // polkitd reads its rules and actions from fixed directories: in a mount namespace of its
        // own, the test's directories are mounted over them (the host's stay untouched).
        QProcess pk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DBUS_SYSTEM_BUS_ADDRESS", QString::fromUtf8(address));
        pk.setProcessEnvironment(env);
        pk.setProcessChannelMode(QProcess::MergedChannels);
        pk.start("unshare", {"-m", "sh", "-c",
                             QStringLiteral("mount --make-rprivate / && mount --bind %1/rules /etc/polkit-1/rules.d && "
                                            "mount --bind %1/rules /usr/share/polkit-1/rules.d && "
                                            "mount --bind %1/actions /usr/share/polkit-1/actions && exec %2 --no-debug")
                                 .arg(dir, polkitd)});
        QVERIFY(pk.waitForStarted());
        struct Stop {
            QProcess& p;
            ~Stop()
            {
                p.kill();
                p.waitForFinished();
            }
        } stop_pk{pk}, stop_dbus{dbus};
        // Ready when polkitd has its name on the bus and knows our actions.
        auto pkcheck_rc = [&](const char* action) {
            QProcess c;
            c.setProcessEnvironment(env);
            c.start("pkcheck", {"--process", QString::number(::getpid()), "--action-id", action});
            c.waitForFinished(10000);
            return c.exitCode();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(pkcheck_rc("org.onggi.container.privileged") == 0, pk.readAll().constData(), 20000);

        qputenv("DBUS_SYSTEM_BUS_ADDRESS", address);
        HelperProcess h;
        const bool started = h.start({"--group", group_});
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", QByteArray("unix:path=") + work_.path().toUtf8() + "/no-bus");
        QVERIFY2(started, h.log().c_str());

        // allowed: SYS_ADMIN for this member, at create and again at start; it takes effect.
        auto a = as_user_h(h, {{"container.create",
                                {{"image", "busybox"},
                                 {"security", {{"cap_add", {"SYS_ADMIN"}}}},
                                 {"cmd", {"sh", "-c", "mkdir /m && mount -t tmpfs t /m"}}}}});
        QVERIFY2(a.size() == 1 && a[0].contains("result"), (a.empty() ? std::string() : dump(a[0]) + h.log()).c_str());
        const std::string id = a[0]["result"]["id"];
        auto s = as_user_h(
            h,
            {{"container.start", {{"id", id}}}, {"container.wait", {{"id", id}}}, {"container.remove", {{"id", id}}}});
        QVERIFY2(s.size() == 3 && s[0].contains("result"), (s.empty() ? std::string() : dump(s[0])).c_str());
        QCOMPARE(s[1]["result"]["exit_code"].get<int>(), 0);

        // denied by a rule, and auth_admin with no agent: both refused, each says which.
        auto d = as_user_h(h, {{"container.create", {{"image", "busybox"}, {"security", {{"seccomp", "unconfined"}}}}},
                               {"container.create", {{"image", "busybox"}, {"namespaces", {{"uts", false}}}}}});
        QCOMPARE(d.size(), size_t(2));
        QVERIFY2(errc(d[0]) == "forbidden", dump(d[0]).c_str());
        QCOMPARE(d[0]["error"]["data"]["polkit"].get<std::string>(), std::string("denied"));
        QCOMPARE(d[0]["error"]["data"]["polkit_action"].get<std::string>(), std::string("org.onggi.container.seccomp"));
        QVERIFY2(errc(d[1]) == "forbidden", dump(d[1]).c_str());
        QCOMPARE(d[1]["error"]["data"]["polkit"].get<std::string>(), std::string("challenge"));
        QCOMPARE(d[1]["error"]["data"]["polkit_action"].get<std::string>(),
                 std::string("org.onggi.container.host-namespaces"));
    }
};

QTEST_GUILESS_MAIN(TstMemberGate)
#include "tst_member_gate.moc"

// The policy gate's decisions (helper/policy_gate.h) on create params and on stored specs,
// without a helper: what counts as a privileged ask, the seccomp comparison, the refusal on the
// wire, and the volume answer that is no existence oracle. The gate in front of real containers
// and polkit are tested in tests/integration/security/tst_member_gate.cpp.
#include "engine/security/security.h"
#include "helper/policy_gate.h"
#include "helper/polkit_authority.h"
#include "helper/spec_builder.h"

#include <QtTest>

using namespace onggi;
using namespace onggi::helper;

namespace {

CreateParams create(const json& j)
{
    json p = j;
    p["image"] = "busybox";
    auto c = decode_create(p);
    if (!c) qFatal("decode_create: %s", c.error().message().c_str());
    return c.value();
}

std::vector<std::string> options(const std::vector<PolicyAsk>& asks)
{
    std::vector<std::string> o;
    for (const auto& a : asks) o.push_back(a.option);
    return o;
}

// What the helper stores for a default container (build_spec's security part).
spec::Spec stored_default(const std::string& cgroups_path)
{
    spec::Spec s = spec::default_spec();
    s.linux.cgroups_path = cgroups_path;
    if (auto st = apply_security(s, SecurityOptions{}); !st) qFatal("%s", st.error().message().c_str());
    return s;
}

}  // namespace

class TstPolicyGate : public QObject {
    Q_OBJECT
private slots:
    void defaultsAskNothing()
    {
        QVERIFY(privileged_asks(create(json::object())).empty());
        QVERIFY(privileged_asks(create({{"namespaces", {{"network", "none"}, {"time", true}}}})).empty());
        // cap_add within Docker's default set, cap_drop, read-only root: nothing privileged.
        QVERIFY(privileged_asks(
                    create({{"security",
                             {{"cap_add", {"CHOWN", "cap_kill"}}, {"cap_drop", {"ALL"}}, {"read_only", true}}}}))
                    .empty());
        QVERIFY(privileged_asks(stored_default("/onggi/x"), "/onggi/x").empty());
    }

    void capabilities()
    {
        auto a = privileged_asks(create({{"security", {{"cap_add", {"SYS_ADMIN"}}}}}));
        QCOMPARE(a.size(), size_t(1));
        QCOMPARE(a[0].option, std::string("cap_add"));
        QCOMPARE(a[0].value, std::string("CAP_SYS_ADMIN"));
        QCOMPARE(a[0].action, std::string(polkit_action::capabilities));
        QVERIFY(a[0].context.find("security.cap_add[0]") == 0);
        auto all = privileged_asks(create({{"security", {{"cap_add", {"all"}}}}}));
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].value, std::string("ALL"));
        for (const char* c : {"NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF"})
            QCOMPARE(privileged_asks(create({{"security", {{"cap_add", {c}}}}})).size(), size_t(1));
        QCOMPARE(member_capabilities().size(), size_t(14));
    }

    void privilegedAndNamespaces()
    {
        QCOMPARE(options(privileged_asks(create({{"security", {{"privileged", true}}}}))),
                 std::vector<std::string>{"privileged"});
        for (const char* ns : {"pid", "ipc", "uts", "cgroup"}) {
            auto a = privileged_asks(create({{"namespaces", {{ns, false}}}}));
            QCOMPARE(options(a), std::vector<std::string>{std::string("namespaces.") + ns});
            QCOMPARE(a[0].action, std::string(polkit_action::host_namespaces));
        }
        QCOMPARE(options(privileged_asks(create({{"namespaces", {{"network", "host"}}}}))),
                 std::vector<std::string>{"namespaces.network"});
        // The release_agent route and sethostname on the host: both asks are seen.
        auto ra =
            privileged_asks(create({{"namespaces", {{"cgroup", false}}}, {"security", {{"cap_add", {"SYS_ADMIN"}}}}}));
        QCOMPARE(options(ra), (std::vector<std::string>{"cap_add", "namespaces.cgroup"}));
    }

    void seccompProfiles()
    {
        QCOMPARE(options(privileged_asks(create({{"security", {{"seccomp", "unconfined"}}}}))),
                 std::vector<std::string>{"seccomp.unconfined"});
        auto file = privileged_asks(create({{"security", {{"seccomp", "/etc/profile.json"}}}}));
        QCOMPARE(options(file), std::vector<std::string>{"seccomp.file"});
        QVERIFY(file[0].action.empty());  // never through polkit: the helper would open a host file

        // allow-all, with or without a token refusal
        for (
            const char* p :
            {R"({"defaultAction":"SCMP_ACT_ALLOW"})",
             R"({"defaultAction":"SCMP_ACT_LOG","syscalls":[{"names":["getpid","uname"],"action":"SCMP_ACT_ERRNO"}]})"}) {
            auto a = privileged_asks(create({{"security", {{"seccomp", p}}}}));
            QCOMPARE(options(a), std::vector<std::string>{"seccomp.profile"});
            QVERIFY2(a[0].context.find("mount") != std::string::npos, a[0].context.c_str());
        }
        // an allow-list that lets through one thing the default refuses
        auto km = privileged_asks(create(
            {{"security",
              {{"seccomp",
                R"({"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["read","write","exit_group","kexec_load"],"action":"SCMP_ACT_ALLOW"}]})"}}}}));
        QCOMPARE(options(km), std::vector<std::string>{"seccomp.profile"});
        QCOMPARE(km[0].value, std::string("kexec_load"));
        // clone without the default's flag check: new namespaces
        auto cl = privileged_asks(create(
            {{"security",
              {{"seccomp",
                R"({"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["clone"],"action":"SCMP_ACT_ALLOW"}]})"}}}}));
        QCOMPARE(options(cl), std::vector<std::string>{"seccomp.profile"});
        QCOMPARE(cl[0].value, std::string("clone"));
        // stricter than the default: fine
        QVERIFY(
            privileged_asks(
                create(
                    {{"security",
                      {{"seccomp",
                        R"({"defaultAction":"SCMP_ACT_KILL","syscalls":[{"names":["read","write","exit_group","execve"],"action":"SCMP_ACT_ALLOW"}]})"}}}}))
                .empty());
        // the default profile itself, sent as JSON
        auto def = security::default_seccomp_for(member_capability_mask());
        QVERIFY(seccomp_widening(def, def).empty());
        QVERIFY(!seccomp_widening(spec::Seccomp{}, def).empty());  // default action allow
    }

    void storedSpecs()
    {
        const std::string cg = "/onggi/abc";
        {
            auto s = stored_default(cg);
            s.linux.resources->devices.push_back({true, "b", std::nullopt, std::nullopt, "rwm"});
            auto a = privileged_asks(s, cg);
            QCOMPARE(options(a), std::vector<std::string>{"devices"});
            QCOMPARE(a[0].value, std::string("b *:* rwm"));
        }
        QCOMPARE(options(privileged_asks(stored_default("/elsewhere/abc"), cg)),
                 std::vector<std::string>{"cgroup_parent"});
        {
            auto s = stored_default(cg);
            s.linux.sysctl["kernel.core_pattern"] = "|/tmp/x";
            QCOMPARE(options(privileged_asks(s, cg)), std::vector<std::string>{"sysctl"});
        }
        {
            auto s = stored_default(cg);
            s.linux.seccomp.reset();
            QCOMPARE(options(privileged_asks(s, cg)), std::vector<std::string>{"seccomp.unconfined"});
        }
        {
            auto s = stored_default(cg);
            s.linux.namespaces.erase(std::remove_if(s.linux.namespaces.begin(), s.linux.namespaces.end(),
                                                    [](const spec::Namespace& n) { return n.type == "uts"; }),
                                     s.linux.namespaces.end());
            s.linux.namespaces.push_back({"network", "/proc/1/ns/net"});
            auto o = options(privileged_asks(s, cg));
            QVERIFY(std::count(o.begin(), o.end(), "namespaces.uts") == 1);
            QVERIFY(std::count(o.begin(), o.end(), "namespaces.network") == 1);
        }
        {
            auto s = stored_default(cg);
            s.process.capabilities->bounding.push_back("CAP_SYS_ADMIN");
            QCOMPARE(options(privileged_asks(s, cg)), std::vector<std::string>{"cap_add"});
        }
        {
            auto s = stored_default(cg);
            s.linux.masked_paths.pop_back();
            for (auto& m : s.mounts)
                if (m.destination == "/sys/fs/cgroup") m.options.pop_back();  // "ro"
            QCOMPARE(options(privileged_asks(s, cg)), (std::vector<std::string>{"privileged", "privileged"}));
        }
        {
            spec::Spec p = spec::default_spec();
            p.linux.cgroups_path = cg;
            SecurityOptions o;
            o.privileged = true;
            QVERIFY(apply_security(p, o).ok());
            auto opts = options(privileged_asks(p, cg));
            for (const char* want : {"cap_add", "privileged", "seccomp.unconfined", "devices"})
                QVERIFY2(std::count(opts.begin(), opts.end(), want) >= 1, want);
        }
    }

    void refusalOnTheWire()
    {
        PolicyAsk a{"cap_add", "CAP_SYS_ADMIN", polkit_action::capabilities,
                    "security.cap_add[0]: CAP_SYS_ADMIN is beyond"};
        auto r = refusal(a, "unavailable");
        QVERIFY(r.message.find("security.cap_add[0]") == 0);
        const json o = r.error_object();
        QCOMPARE(o["code"].get<int>(), -32002);
        QCOMPARE(o["data"]["errc"].get<std::string>(), std::string("forbidden"));
        QCOMPARE(o["data"]["option"].get<std::string>(), std::string("cap_add"));
        QCOMPARE(o["message"].get<std::string>(), r.message);
        QCOMPARE(r.data["option"].get<std::string>(), std::string("cap_add"));
        QCOMPARE(r.data["value"].get<std::string>(), std::string("CAP_SYS_ADMIN"));
        QCOMPARE(r.data["polkit_action"].get<std::string>(), std::string(polkit_action::capabilities));
        QCOMPARE(r.data["polkit"].get<std::string>(), std::string("unavailable"));
        QCOMPARE(refusal(PolicyAsk{"seccomp.file", "", "", "x"}, "denied").data["polkit"].get<std::string>(),
                 std::string("none"));
    }

    void volumeAnswerIsNoOracle()
    {
        Peer member;
        member.uid = 1001;
        Error missing = Error::from_errno("volume source /root/nonexistent", ENOENT);
        Error notmine(Errc::permission_denied, "volume source /root/.bashrc is not owned by uid 1001");
        auto a = volume_source_refusal("/root/nonexistent", member, missing);
        auto b = volume_source_refusal("/root/.bashrc", member, notmine);
        QCOMPARE(a.code, b.code);
        QCOMPARE(a.sys_errno, b.sys_errno);
        QString ma = QString::fromStdString(a.message()), mb = QString::fromStdString(b.message());
        QCOMPARE(ma.replace("/root/nonexistent", "P"), mb.replace("/root/.bashrc", "P"));
        Peer root;
        root.uid = 0;
        QCOMPARE(volume_source_refusal("/root/nonexistent", root, missing).sys_errno, ENOENT);
    }

    // Root passes at once; a member with an ask is refused when polkit is absent (no pkcheck),
    // and the refusal names the first ask.
    void gateWithoutPolkit()
    {
        PolkitAuthority absent("/nonexistent/pkcheck");
        PolicyGate gate(&absent);
        auto asks = privileged_asks(create({{"security", {{"privileged", true}, {"cap_add", {"SYS_ADMIN"}}}}}));
        Peer root;
        root.uid = 0;
        bool called = false;
        gate.authorize(root, asks, [&](const PolicyRefusal* r) {
            called = true;
            QVERIFY(!r);
        });
        QVERIFY(called);
        Peer member;
        member.uid = 1001;
        member.pid = ::getpid();
        member.start_time = 1;
        called = false;
        gate.authorize(member, asks, [&](const PolicyRefusal* r) {
            called = true;
            QVERIFY(r);
            QCOMPARE(r->data["option"].get<std::string>(), std::string("privileged"));
            QCOMPARE(r->data["polkit"].get<std::string>(), std::string("unavailable"));
        });
        QTRY_VERIFY(called);
        called = false;
        gate.authorize(member, {}, [&](const PolicyRefusal* r) {
            called = true;
            QVERIFY(!r);
        });
        QVERIFY(called);
    }
};

QTEST_GUILESS_MAIN(TstPolicyGate)
#include "tst_policy_gate.moc"

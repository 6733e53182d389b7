// Capability names -> masks, the default set, and prepare()'s masks and field-naming errors.
#include "engine/security/security.h"

#include <QtTest>

#include <linux/capability.h>

using namespace onggi;

class TstCapabilities : public QObject {
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("number");
        QTest::newRow("full") << "CAP_CHOWN" << int(CAP_CHOWN);
        QTest::newRow("short") << "chown" << int(CAP_CHOWN);
        QTest::newRow("lower full") << "cap_sys_admin" << int(CAP_SYS_ADMIN);
        QTest::newRow("mixed") << "Net_Bind_Service" << int(CAP_NET_BIND_SERVICE);
        QTest::newRow("audit_write") << "CAP_AUDIT_WRITE" << int(CAP_AUDIT_WRITE);
        QTest::newRow("bpf") << "CAP_BPF" << int(CAP_BPF);
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(int, number);
        auto n = security::capability_number(name.toStdString());
        QVERIFY2(n.ok(), n.ok() ? "" : n.error().message().c_str());
        QCOMPARE(*n, number);
        auto back = security::capability_name(number);
        QVERIFY(back.ok());
        QVERIFY(QString::fromStdString(*back).startsWith("CAP_"));
        QCOMPARE(QString::fromStdString(*back).toLower(),
                 (name.toLower().startsWith("cap_") ? name.toLower() : "cap_" + name.toLower()));
    }

    void unknown_names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("made up") << "CAP_FLY";
        QTest::newRow("empty") << "";
        QTest::newRow("prefix only") << "CAP_";
        QTest::newRow("number") << "12";
        QTest::newRow("libcap numeric") << "cap_63";
        QTest::newRow("space") << "CAP_CHOWN ";
        QTest::newRow("long") << QString(300, 'A');
    }
    void unknown_names()
    {
        QFETCH(QString, name);
        auto n = security::capability_number(name.toStdString());
        QVERIFY(!n.ok());
        QCOMPARE(n.error().code, Errc::invalid_argument);
        QVERIFY(QString::fromStdString(n.error().context).contains("unknown capability"));
    }

    void mask_names_field()
    {
        auto m = security::capability_mask({"CAP_CHOWN", "CAP_KILL", "CAP_NOPE"}, "process.capabilities.bounding");
        QVERIFY(!m.ok());
        QCOMPARE(QString::fromStdString(m.error().context),
                 QString("process.capabilities.bounding[2]: unknown capability \"CAP_NOPE\""));
    }

    void default_set_is_dockers_14()
    {
        auto c = security::default_capabilities();
        QCOMPARE(c.bounding.size(), size_t(14));
        QCOMPARE(c.effective, c.bounding);
        QCOMPARE(c.permitted, c.bounding);
        QVERIFY(c.inheritable.empty());
        QVERIFY(c.ambient.empty());
        auto m = security::capability_mask(c.bounding, "b");
        QVERIFY(m.ok());
        uint64_t want = 0;
        for (int cap :
             {CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FSETID, CAP_FOWNER, CAP_MKNOD, CAP_NET_RAW, CAP_SETGID, CAP_SETUID,
              CAP_SETFCAP, CAP_SETPCAP, CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT, CAP_KILL, CAP_AUDIT_WRITE})
            want |= uint64_t(1) << cap;
        QCOMPARE(*m, want);
        QVERIFY(!(*m & (uint64_t(1) << CAP_SYS_ADMIN)));
        QCOMPARE(security::mask_to_names(*m).size(), size_t(14));
    }

    void all_names_cover_the_kernel()
    {
        auto all = security::all_capability_names();
        QCOMPARE(int(all.size()), security::kernel_last_cap() + 1);
        auto m = security::capability_mask(all, "all");
        QVERIFY(m.ok());
        QCOMPARE(*m, (uint64_t(2) << security::kernel_last_cap()) - 1);
    }

    void prepare_masks()
    {
        spec::Spec s;
        spec::Capabilities c;
        c.bounding = {"CAP_CHOWN", "CAP_KILL", "CAP_SETPCAP"};
        c.permitted = {"CAP_CHOWN", "CAP_KILL"};
        c.effective = {"CAP_CHOWN", "CAP_SETPCAP"};  // SETPCAP not permitted: dropped
        c.inheritable = {"CAP_KILL"};
        c.ambient = {"CAP_KILL", "CAP_CHOWN"};  // CHOWN not inheritable: dropped
        s.process.capabilities = c;
        s.process.no_new_privileges = true;
        auto p = security::prepare(s);
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message().c_str());
        QVERIFY(p->set_caps);
        QVERIFY(p->no_new_privs);
        QCOMPARE(p->bounding, (1ull << CAP_CHOWN) | (1ull << CAP_KILL) | (1ull << CAP_SETPCAP));
        QCOMPARE(p->permitted, (1ull << CAP_CHOWN) | (1ull << CAP_KILL));
        QCOMPARE(p->effective, 1ull << CAP_CHOWN);
        QCOMPARE(p->inheritable, 1ull << CAP_KILL);
        QCOMPARE(p->ambient, 1ull << CAP_KILL);
        QVERIFY(p->seccomp.empty());
        QCOMPARE(p->last_cap, security::kernel_last_cap());
    }

    void prepare_without_caps_leaves_them()
    {
        spec::Spec s;
        auto p = security::prepare(s);
        QVERIFY(p.ok());
        QVERIFY(!p->set_caps);
        QCOMPARE(security::child_drop_bounding(*p), 0);  // no-op when set_caps is false
        QCOMPARE(security::child_apply_caps(*p), 0);
    }

    void prepare_names_bad_field()
    {
        spec::Spec s;
        spec::Capabilities c;
        c.ambient = {"CAP_CHOWN", "CAP_WHATEVER"};
        s.process.capabilities = c;
        auto p = security::prepare(s);
        QVERIFY(!p.ok());
        QVERIFY(QString::fromStdString(p.error().context).startsWith("process.capabilities.ambient[1]"));
    }
};

QTEST_GUILESS_MAIN(TstCapabilities)
#include "tst_capabilities.moc"

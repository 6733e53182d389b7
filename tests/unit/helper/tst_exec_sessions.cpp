// The exec session table is bounded per peer uid (issue 18): a member who starts interactive
// execs in a loop forgets only their own oldest sessions, never root's or another member's,
// whose container.exec.wait still answers. Before, one global FIFO of 1024 let any member evict
// everyone's sessions.
#include "helper/exec_session_table.h"

#include <QTest>

using namespace onggi;
using namespace onggi::helper;

namespace {

Peer peer(uid_t uid)
{
    Peer p;
    p.uid = uid;
    p.gid = uid;
    return p;
}

}  // namespace

class TstExecSessions : public QObject {
    Q_OBJECT
private slots:
    void member_cannot_evict_root_or_another_member()
    {
        ExecSessionTable t;  // the helper's default share
        auto root = t.add("c-root", 0);
        auto other = t.add("c-other", 1001);
        for (int i = 0; i < 5000; ++i) t.add("c-member", 1000);
        QVERIFY(t.find(root->id, peer(0)) != nullptr);
        QVERIFY(t.find(other->id, peer(1001)) != nullptr);
        QCOMPARE(t.count_of(1000), ExecSessionTable::default_per_uid);
        QCOMPARE(t.size(), ExecSessionTable::default_per_uid + 2);
    }

    void a_uid_forgets_its_oldest_finished_first()
    {
        ExecSessionTable t(3);
        auto a = t.add("c", 1000);
        auto b = t.add("c", 1000);
        auto c = t.add("c", 1000);
        b->finish(0);
        auto d = t.add("c", 1000);  // over the share: b (finished) goes, not a (still running)
        QVERIFY(t.find(a->id, peer(1000)));
        QVERIFY(!t.find(b->id, peer(1000)));
        QVERIFY(t.find(c->id, peer(1000)));
        QVERIFY(t.find(d->id, peer(1000)));
        auto e = t.add("c", 1000);  // none finished: the oldest, a
        QVERIFY(!t.find(a->id, peer(1000)));
        QVERIFY(t.find(e->id, peer(1000)));
        QCOMPARE(t.count_of(1000), size_t(3));
    }

    void a_forgotten_session_still_answers_its_waiters()
    {
        ExecSessionTable t(1);
        auto a = t.add("c", 1000);
        int code = -1;
        a->waiters.push_back([&](Result<json> r) { code = r.value().at("exit_code").get<int>(); });
        t.add("c", 1000);
        QVERIFY(!t.find(a->id, peer(1000)));
        a->finish(7);  // the exec's process ends later
        QCOMPARE(code, 7);
    }

    void sessions_are_visible_to_their_owner_and_root_only()
    {
        ExecSessionTable t;
        auto mine = t.add("c", 1000);
        auto roots = t.add("c", 0);
        QVERIFY(t.find(mine->id, peer(1000)));
        QVERIFY(t.find(mine->id, peer(0)));
        QVERIFY(!t.find(mine->id, peer(1001)));
        QVERIFY(!t.find(roots->id, peer(1000)));
        QVERIFY(!t.find(12345, peer(0)));
    }
};

QTEST_GUILESS_MAIN(TstExecSessions)
#include "tst_exec_sessions.moc"

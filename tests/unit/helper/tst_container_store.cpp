// ContainerStore and ContainerState: the state is an enum with its strings only in
// container.json and on the wire; a record with a state nobody wrote is refused, not guessed;
// a save that fails is reported through the store's callback (the manager turns it into a log
// line and an `error` event), never dropped.
#include "helper/container_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace onggi;
using namespace onggi::helper;

namespace {

ContainerRecord record(const std::string& id, const std::string& name)
{
    ContainerRecord r;
    r.id = id;
    r.name = name;
    return r;
}

const std::string id1(64, 'a'), id2(64, 'b');

}  // namespace

class TstContainerStore : public QObject {
    Q_OBJECT
private slots:
    void state_names_round_trip()
    {
        for (auto s :
             {ContainerState::created, ContainerState::running, ContainerState::paused, ContainerState::exited}) {
            QCOMPARE(parse_container_state(container_state_name(s)), std::optional(s));
            QCOMPARE(parse_container_state(oci_status_name(s)), std::optional(s));
        }
        QCOMPARE(std::string(container_state_name(ContainerState::exited)), std::string("exited"));
        QCOMPARE(std::string(oci_status_name(ContainerState::exited)), std::string("stopped"));
        QVERIFY(!parse_container_state("Running"));
        QVERIFY(!parse_container_state(""));
        QVERIFY(is_live(ContainerState::paused) && is_live(ContainerState::running));
        QVERIFY(!is_live(ContainerState::created) && !is_live(ContainerState::exited));
    }

    void record_keeps_its_state_and_refuses_an_unknown_one()
    {
        ContainerRecord r = record(id1, "web");
        r.state = ContainerState::paused;
        json j = r.to_json();
        QCOMPARE(j.at("state").get<std::string>(), std::string("paused"));
        auto back = ContainerRecord::from_json(j);
        QVERIFY(back);
        QVERIFY(back->state == ContainerState::paused);
        j["state"] = "half-started";
        auto bad = ContainerRecord::from_json(j);
        QVERIFY(!bad);
        QVERIFY(bad.error().message().find("bad state") != std::string::npos);
    }

    void load_finds_what_save_wrote_and_skips_damage()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        QVERIFY(::mkdir((root + "/containers").c_str(), 0700) == 0);
        ContainerStore s(root, nullptr);
        for (const auto& [id, name] : {std::pair{id1, "one"}, std::pair{id2, "two"}}) {
            QVERIFY(::mkdir(s.paths(id).bundle.c_str(), 0700) == 0);
            ContainerRecord r = record(id, name);
            r.state = ContainerState::exited;
            QVERIFY(s.save(r));
        }
        QVERIFY(
            write_file_atomic(s.paths(id2).record(), "{\"id\":\"" + id2 + "\",\"name\":\"two\",\"state\":\"zombie\"}"));
        ContainerStore t(root, nullptr);
        QCOMPARE(t.load(), std::vector<std::string>{id1});
        QVERIFY(t.get(id1)->state == ContainerState::exited);
        Peer p;
        p.uid = 0;
        QVERIFY(t.find("one", p));
        QVERIFY(t.find("aaa", p));
        QVERIFY(!t.find("two", p));
    }

    void a_failed_save_is_reported()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        int reports = 0;
        std::string what;
        ContainerStore s(root, [&](const ContainerRecord& c, const Error& e) {
            ++reports;
            QCOMPARE(c.id, id1);
            what = e.message();
        });
        ContainerRecord r = record(id1, "one");
        // containers/<id> does not exist: the write fails.
        s.save_or_report(r, Sync::process, "exit");
        QCOMPARE(reports, 1);
        QVERIFY2(what.find("after exit") != std::string::npos, what.c_str());
        QVERIFY(::mkdir((root + "/containers").c_str(), 0700) == 0);
        QVERIFY(::mkdir(s.paths(id1).bundle.c_str(), 0700) == 0);
        s.save_or_report(r, Sync::process, "exit");
        QCOMPARE(reports, 1);
    }
};

QTEST_GUILESS_MAIN(TstContainerStore)
#include "tst_container_store.moc"

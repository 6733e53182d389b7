#include "engine/net/attachment.h"
#include "engine/net/ipv4_net.h"
#include "helper/net/etc_files.h"
#include "helper/net/firewall.h"
#include "helper/net/net_options.h"

#include <QTest>

using namespace onggi;
using namespace onggi::helper;
using nlohmann::json;

class TstNetUnits : public QObject {
    Q_OBJECT
private slots:
    void ipv4Parse()
    {
        auto n = net::Ipv4Net::parse("10.88.0.5/24");
        QVERIFY(n.ok());
        QCOMPARE(net::Ipv4Net::format(n->network()), std::string("10.88.0.0"));
        QCOMPARE(net::Ipv4Net::format(n->broadcast()), std::string("10.88.0.255"));
        for (const char* bad :
             {"10.88.0", "10.88.0.256", "010.1.1.1", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4 ", "a.b.c.d", "1.2.3.4/024"})
            QVERIFY2(!net::Ipv4Net::parse(bad).ok(), bad);
        QVERIFY(net::Ipv4Net::parse("10.88.0.0/16")->overlaps(net::Ipv4Net::parse("10.88.3.0/24").value()));
        QVERIFY(!net::Ipv4Net::parse("10.88.0.0/24")->overlaps(net::Ipv4Net::parse("10.88.1.0/24").value()));
    }

    void portsDecoder()
    {
        auto ok = decode_net_options(json::parse(
            R"({"ports":[{"container_port":80,"host_port":8080},{"container_port":53,"protocol":"udp"}]})"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->ports.size(), size_t(2));
        QCOMPARE(ok->ports[1].protocol, std::string("udp"));
        struct Bad {
            const char* in;
            const char* says;
        };
        for (const Bad& b :
             {Bad{R"({"ports":[{"container_port":0}]})", "ports[0].container_port"},
              Bad{R"({"ports":[{"container_port":70000}]})", "out of range"},
              Bad{R"({"ports":[{"container_port":80,"protocol":"sctp"}]})", "unknown protocol 'sctp'"},
              Bad{R"({"ports":[{"container_port":80,"host_port":8080},{"container_port":81,"host_port":8080}]})",
                  "published twice"},
              Bad{R"({"ports":[{"container_port":80,"host_ip":"1.2.3"}]})", "not an IPv4 address"},
              Bad{R"({"ports":[{"container_port":80,"extra":1}]})", "unknown field"},
              Bad{R"({"ip":"300.1.1.1"})", "ip"}, Bad{R"({"dns":["x"]})", "dns"},
              Bad{R"({"extra_hosts":[{"name":"-bad","ip":"1.2.3.4"}]})", "extra_hosts[0].name"}}) {
            auto r = decode_net_options(json::parse(b.in));
            QVERIFY2(!r.ok(), b.in);
            QVERIFY2(r.error().message().find(b.says) != std::string::npos, r.error().message().c_str());
        }
    }

    void resolvConfFollowsTheStub()
    {
        const std::string stub = "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch lan\n";
        const std::string upstream = "nameserver 192.0.2.1\nnameserver 192.0.2.2\nnameserver fe80::1\nsearch lan\n";
        QCOMPARE(resolv_conf({}, stub, upstream),
                 std::string("search lan\nnameserver 192.0.2.1\nnameserver 192.0.2.2\n"));
        QCOMPARE(resolv_conf({}, "nameserver 198.51.100.7\n", upstream), std::string("nameserver 198.51.100.7\n"));
        QCOMPARE(resolv_conf({}, stub, ""),
                 std::string("options edns0 trust-ad\nsearch lan\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n"));
        QCOMPARE(resolv_conf({"1.1.1.1"}, stub, upstream), std::string("search lan\nnameserver 1.1.1.1\n"));
    }

    void hostsFile()
    {
        auto t = hosts_file({{"10.88.0.2", {"web1", "web"}}}, {{"db", "10.1.2.3"}},
                            {{"10.91.0.3", {"other", "0123456789ab"}}});
        QVERIFY(t.find("127.0.0.1\tlocalhost\n") == 0);
        QVERIFY(t.find("10.88.0.2\tweb1 web\n") != std::string::npos);
        QVERIFY(t.find("10.1.2.3\tdb\n") != std::string::npos);
        QVERIFY(t.find("10.91.0.3\tother 0123456789ab\n") != std::string::npos);
    }

    void firewallScriptReplacesOnlyOurTable()
    {
        const std::string s =
            Firewall::script({{"onggi0", net::Ipv4Net::parse("10.88.0.0/24").value()},
                              {"onggi-abc", net::Ipv4Net::parse("10.91.0.0/24").value()}},
                             {{"", 8080, "tcp", net::Ipv4Net::parse_address("10.88.0.2").value(), 80, "0123456789ab"}});
        QVERIFY(s.rfind("table inet onggi\ndelete table inet onggi\ntable inet onggi {", 0) == 0);
        QVERIFY(s.find("tcp dport 8080 dnat ip to 10.88.0.2:80 comment \"0123456789ab\"") != std::string::npos);
        QVERIFY(s.find("ip saddr 10.88.0.0/24 oifname != \"onggi0\" masquerade") != std::string::npos);
        QVERIFY(s.find("iifname \"onggi0\" oifname \"onggi-abc\" drop") != std::string::npos);
        QVERIFY(s.find("iifname \"onggi0\" ip daddr 127.0.0.0/8 drop") != std::string::npos);
        // Container to container on one bridge: untracked, but not what goes to the gateway
        // (published ports and their hairpin NAT need conntrack there).
        QVERIFY(
            s.find("iifname \"onggi0\" ip saddr 10.88.0.0/24 ip daddr 10.88.0.0/24 ip daddr != 10.88.0.1 notrack") !=
            std::string::npos);
        QVERIFY(
            s.find("iifname \"onggi-abc\" ip saddr 10.91.0.0/24 ip daddr 10.91.0.0/24 ip daddr != 10.91.0.1 notrack") !=
            std::string::npos);
        // Every table word names ours.
        size_t pos = 0;
        while ((pos = s.find("table ", pos)) != std::string::npos) {
            QVERIFY(s.compare(pos, 17, "table inet onggi") == 0 || s.compare(pos, 16, "table inet onggi") == 0);
            pos += 6;
        }
    }

    void attachmentRecord()
    {
        net::Attachment a;
        a.network = "onggi";
        a.bridge = "onggi0";
        a.host_ifname = "veth0123456789a";
        a.address = net::Ipv4Net::parse("10.88.0.2/24").value();
        a.gateway = net::Ipv4Net::parse_address("10.88.0.1").value();
        auto back = net::attachments_from_json(net::attachments_to_json({a}));
        QVERIFY(back.ok());
        QCOMPARE(back->at(0).address, a.address);
        QVERIFY(
            !net::attachments_from_json(
                 R"({"attachments":[{"network":"x","bridge":"a/b","host_ifname":"v","ifname":"eth0","address":"10.0.0.2/24","gateway":"10.0.0.1"}]})")
                 .ok());
        QVERIFY(!net::valid_ifname("sixteen-chars-xx"));
    }
};

QTEST_GUILESS_MAIN(TstNetUnits)
#include "tst_net_units.moc"

// Prints the cost of the policy gate's decisions (median of N runs, microseconds):
//   create params, defaults          what every member's create pays
//   create params, JSON profile      + parse and compare a seccomp profile (the default, as JSON)
//   stored spec (default container)  what every member's start/exec/update pays (load excluded)
//   polkit check (pkcheck)           one org.onggi.* action, when polkitd answers on the system bus
#include "engine/security/security.h"
#include "helper/container_manager.h"
#include "helper/policy_gate.h"
#include "helper/polkit_authority.h"
#include "helper/spec_builder.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace onggi;
using namespace onggi::helper;

static double median_us(int n, const std::function<void()>& f)
{
    std::vector<double> t;
    for (int i = 0; i < n; ++i) {
        auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;

    auto plain = decode_create(json{{"image", "busybox"}});
    spec::Spec def = spec::default_spec();
    (void)apply_security(def, SecurityOptions{});
    json profile = json::parse(spec::to_json(def))["linux"]["seccomp"];
    auto with_profile = decode_create(json{{"image", "busybox"}, {"security", {{"seccomp", profile.dump()}}}});
    def.linux.cgroups_path = "/onggi/x";
    if (!plain || !with_profile) {
        std::fprintf(stderr, "decode failed\n");
        return 1;
    }
    size_t sink = 0;
    std::printf("%-34s %10s\n", "policy gate decision", "median us");
    std::printf("%-34s %10.1f\n", "create params, defaults",
                median_us(n, [&] { sink += privileged_asks(plain.value()).size(); }));
    std::printf("%-34s %10.1f\n", "create params, JSON profile",
                median_us(n, [&] { sink += privileged_asks(with_profile.value()).size(); }));
    std::printf("%-34s %10.1f\n", "stored spec (default container)",
                median_us(n, [&] { sink += privileged_asks(def, "/onggi/x").size(); }));

    PolkitAuthority pk;
    Peer self;
    self.uid = ::getuid();
    self.pid = ::getpid();
    self.start_time = process_starttime(self.pid);
    PolkitAuthority::Verdict last = PolkitAuthority::Verdict::unavailable;
    auto one = [&] {
        QEventLoop loop;
        bool finished = false;
        pk.check(self, polkit_action::privileged, [&](PolkitAuthority::Verdict v) {
            last = v;
            finished = true;
            loop.quit();
        });
        if (!finished) loop.exec();
    };
    const double t = median_us(std::min(n, 20), one);
    std::printf("%-34s %10.1f  (%s)\n", "polkit check (pkcheck)", t, PolkitAuthority::verdict_name(last));
    return sink == 12345 ? 1 : 0;
}

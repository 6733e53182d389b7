// hello: protocol version and host facts. Safe: reads only public host information
// (uname, sysinfo, cgroup mode); nothing of other users.
#include "helper/handlers/handlers.h"

#include "engine/cgroup/knobs.h"

#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>

namespace onggi::helper {

static json host_facts(const ContainerManager& m)
{
    struct utsname u {};
    ::uname(&u);
    struct sysinfo si {};
    ::sysinfo(&si);
    const bool v2 = m.cgroup_v2();
    json features = json::array({"overlay", "seccomp", "pidfd", "pty_exec", "attach"});
    if (::access("/proc/self/ns/time", F_OK) == 0) features.push_back("time_ns");
    if (::access("/proc/self/ns/cgroup", F_OK) == 0) features.push_back("cgroup_ns");
    if (v2) features.push_back("memory_high");
    // The one table of cgroupfs names, both modes: clients name kernel files only from here.
    json files = json::object();
    for (cgroup::Knob k : cgroup::all_knobs()) {
        auto name = [&](cgroup::Mode m) {
            return *cgroup::knob_name(k, m) ? json(cgroup::knob_name(k, m)) : json(nullptr);
        };
        files[std::string(cgroup::knob_id(k))] = {{"v1", name(cgroup::Mode::v1)}, {"v2", name(cgroup::Mode::v2)}};
    }
    return {{"kernel", u.release},
            {"cgroup_mode", m.cgroup_host() ? cgroup::mode_name(m.cgroup_host()->mode) : "v1"},
            {"hostname", u.nodename},
            {"cpus", ::sysconf(_SC_NPROCESSORS_ONLN)},
            {"memory_bytes", uint64_t(si.totalram) * si.mem_unit},
            {"features", features},
            {"cgroup_files", files}};
}

void register_hello(HelperContext& ctx)
{
    ctx.dispatcher->add("hello", [&ctx](const Call& call) {
        auto p = decode_hello(call.params());
        if (!p) return call.fail(p.error());
        if (p->protocol > 1) {
            // Newer clients may speak to us at our version; tell them which.
        }
        call.reply({{"protocol", 1},
                    {"helper_version", ONGGI_VERSION},
                    {"host", host_facts(*ctx.containers)},
                    {"user", {{"uid", call.peer().uid}, {"gid", call.peer().gid}, {"admin", call.peer().admin()}}},
                    {"methods", ctx.dispatcher->methods()}});
    });
}

}  // namespace onggi::helper

// onggi-runtime ps: the processes in the container's cgroup.
#include "engine/cmd/runtime_cli.h"

#include "engine/core/files.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace onggi::runtime_cli {

using nlohmann::json;

int cmd_ps(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime ps [--format table|json] ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    auto cg = open_cgroup(st.value());
    if (!cg) return fail(cg.error());
    auto pids = cg.value()->pids();
    if (!pids) return fail(pids.error());
    std::string format = a.get("--format", a.get("-f", "table"));
    if (format == "json") {
        std::printf("%s\n", json(pids.value()).dump().c_str());
        return 0;
    }
    std::printf("PID\tCMD\n");
    for (pid_t p : pids.value()) {
        auto comm = read_file("/proc/" + std::to_string(p) + "/comm", 256);
        std::string c = comm ? comm.value() : "?\n";
        std::printf("%d\t%s", p, c.c_str());
    }
    return 0;
}

}  // namespace onggi::runtime_cli

// onggi-runtime pause / resume: freezes and thaws every process of the container.
#include "engine/cmd/runtime_cli.h"

#include "engine/runtime/exec_process.h"

namespace onggi::runtime_cli {

int cmd_pause_resume(cmd::StateStore& store, const Args& a, bool pause)
{
    if (a.pos.size() != 1)
        return usage_error(pause ? "usage: onggi-runtime pause ID" : "usage: onggi-runtime resume ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (!runtime::process_alive(st->pid, st->start_time))
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not running"));
    auto cg = open_cgroup(st.value());
    if (!cg) return fail(cg.error());
    auto r = pause ? cg.value()->freeze() : cg.value()->thaw();
    if (!r) return fail(r.error());
    return 0;
}

}  // namespace onggi::runtime_cli

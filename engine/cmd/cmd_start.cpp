// onggi-runtime start: runs the program of a created container (runtime.md#start).
#include "engine/cmd/runtime_cli.h"

#include "engine/runtime/exec_process.h"

namespace onggi::runtime_cli {

int cmd_start(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime start ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (st->status != "created") return fail(Error(Errc::bad_state, "container '" + st->id + "' is not in the created state"));
    if (auto r = runtime::start_parked(st->pid, st->start_time, st->start_fd); !r) return fail(r.error());
    st->status = "running";
    if (auto r = store.save(st.value()); !r) return fail(r.error());
    return 0;
}

} // namespace onggi::runtime_cli

// onggi-runtime start: runs the program of a created container (runtime.md#start).
#include "engine/cmd/runtime_cli.h"

#include "engine/runtime/exec_process.h"
#include "engine/runtime/hook_runner.h"

#include <signal.h>

namespace onggi::runtime_cli {

Status do_start(cmd::StateStore& store, cmd::StateRecord& st)
{
    auto spec = stored_spec(store, st.id);
    const spec::Hooks hooks = spec ? spec->hooks : spec::Hooks{};
    auto stop = [&] {
        if (auto cg = open_cgroup(st)) (void)cg.value()->kill_all(SIGKILL);
        if (runtime::process_alive(st.pid, st.start_time)) ::kill(st.pid, SIGKILL);
        (void)wait_gone(st.pid, st.start_time, 10000);
    };
    if (spec && !spec->has_process) {  // config.md#process: REQUIRED when start is called
        stop();
        return Error(Errc::invalid_argument,
                     "start: process: the config has none, and start needs one; the container is stopped");
    }
    if (auto r = runtime::run_hooks(hooks.start_container, "startContainer", st.oci_json(ContainerState::created),
                                    {st.pid, st.start_time});
        !r) {
        stop();  // runtime.md#lifecycle: the container is stopped; delete comes next.
        return std::move(r).error().wrap("start");
    }
    ONGGI_CHECK(runtime::start_parked(st.pid, st.start_time, st.start_fd), "start");
    st.status = ContainerState::running;
    ONGGI_CHECK(store.save(st), "start");
    runtime::run_hooks_warn(hooks.poststart, "poststart", st.oci_json(ContainerState::running));
    return {};
}

int cmd_start(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime start ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (st->status != ContainerState::created)
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not in the created state"));
    if (auto r = do_start(store, st.value()); !r) return fail(r.error());
    return 0;
}

}  // namespace onggi::runtime_cli

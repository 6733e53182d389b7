// onggi-runtime delete: removes a stopped container, or with -f kills it first (runtime.md#delete).
// Without -f a created, running or paused container is refused and left as it is.
#include "engine/cmd/runtime_cli.h"

#include <signal.h>

namespace onggi::runtime_cli {

int cmd_delete(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime delete [-f] ID");
    auto st = store.load(a.pos[0]);
    if (!st) {
        if (st.error().code == Errc::not_found && (a.has("-f") || a.has("--force"))) return 0;
        return fail(st.error());
    }
    const ContainerState status = live_status(st.value());
    const bool force = a.has("-f") || a.has("--force");
    // runtime.md#delete: a container that is not stopped (created included) is an error, with no effect.
    if (status != ContainerState::exited && !force)
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is " + oci_status_name(status) +
                                               "; stop it first or use --force"));
    if (status != ContainerState::exited) {
        if (!st->cgroup_path.empty()) {
            if (auto cg = open_cgroup(st.value())) {
                (void)cg.value()->kill_all(SIGKILL);
                (void)cg.value()->thaw();
            }
        }
        ::kill(st->pid, SIGKILL);
        if (!wait_gone(st->pid, st->start_time, 10000))
            return fail(Error(Errc::timeout, "container '" + st->id + "' did not die"));
    }
    if (auto r = runtime::detach_shared_rootfs(shared_rootfs_of(st.value())); !r) return fail(r.error());
    if (auto r = remove_cgroup(st->cgroup_path); !r) return fail(std::move(r).error().wrap("remove cgroup"));
    auto spec = stored_spec(store, st->id);  // before the state directory goes
    if (auto r = store.remove(st->id); !r) return fail(r.error());
    if (spec) run_poststop(spec.value(), st.value());
    return 0;
}

}  // namespace onggi::runtime_cli

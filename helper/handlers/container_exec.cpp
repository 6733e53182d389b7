// container.exec / container.exec.wait: runs a command inside a running container the caller
// owns through `onggi-shim exec`, which joins the container's namespaces and cgroup and applies
// its capabilities, no_new_privs and seccomp — the command gets no more than the container has;
// a member's exec passes the policy gate on the container's config.json first.
// Output is capped (4 MiB per stream); an interactive exec's pty master goes to the caller by
// SCM_RIGHTS. exec.wait answers only the session's owner.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_exec(HelperContext& ctx)
{
    ctx.dispatcher->add("container.exec", [&ctx](const Call& call) {
        auto p = decode_exec(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string id = c.value()->id;
        ctx.gate->authorize(call.peer(), stored_asks(ctx, id, call.peer()),
                            [call, &ctx, id, params = p.value()](const PolicyRefusal* refused) {
                                if (refused) return fail_refused(call, *refused);
                                ctx.containers->exec(id, params, call.peer(), [call](Result<json> r, int pty_master) {
                                    if (!r) return call.fail(r.error());
                                    if (pty_master >= 0) call.reply_with_fd(r.value(), pty_master);
                                    else call.reply(r.value());
                                });
                            });
    });
    ctx.dispatcher->add("container.exec.wait", [&ctx](const Call& call) {
        auto p = decode_exec_wait(call.params());
        if (!p) return call.fail(p.error());
        ctx.containers->exec_wait(p->exec_id, call.peer(), [call](Result<json> r) {
            if (!r) return call.fail(r.error());
            call.reply(r.value());
        });
    });
}

}  // namespace onggi::helper

// container.start: safe because the container is resolved among the caller's own (find), what
// runs is exactly the config.json the helper itself wrote at create, through onggi-shim, and a
// member's start passes the policy gate on that config.json (what will really run).
// With "attach":true (terminal containers, and non-terminal ones created with open_stdin) the
// shim holds the container's init before execve until the helper has connected to its attach
// socket, and that connection goes to the caller with the reply (SCM_RIGHTS): the caller sees
// the very first output, or (open_stdin) is the one whose input is the container's stdin. Same
// reach as container.attach (see container_attach.cpp).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_start(HelperContext& ctx)
{
    ctx.dispatcher->add("container.start", [&ctx](const Call& call) {
        auto p = decode_start(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string id = c.value()->id;
        const bool attach = p->attach;
        ContainerManager::StartOptions so;
        so.attach_wait = attach;
        so.rows = p->rows;
        so.cols = p->cols;
        ctx.gate->authorize(call.peer(), stored_asks(ctx, id, call.peer()),
                            [call, &ctx, id, attach, so](const PolicyRefusal* refused) {
                                if (refused) return fail_refused(call, *refused);
                                ctx.containers->start(
                                    id,
                                    [call, &ctx, id, attach](Result<pid_t> r) {
                                        if (!r) return call.fail(r.error());
                                        if (!attach) return call.reply({{"pid", r.value()}});
                                        // The shim already listens; its init runs once this connection is accepted.
                                        auto fd = ctx.containers->attach(id, true);
                                        if (!fd)
                                            return call.fail(std::move(fd).error().wrap("started, but attach failed"));
                                        call.reply_with_fd({{"pid", r.value()}}, fd.value());
                                    },
                                    so);
                            });
    });
}

}  // namespace onggi::helper

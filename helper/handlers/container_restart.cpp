// container.restart: stop (as container.stop) then start (as container.start); the same checks,
// the policy gate on the stored config.json included (before anything is stopped).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_restart(HelperContext& ctx)
{
    ctx.dispatcher->add("container.restart", [&ctx](const Call& call) {
        auto p = decode_stop(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string id = c.value()->id;
        const int timeout = p->timeout;
        ctx.gate->authorize(call.peer(), stored_asks(ctx, id, call.peer()),
                            [call, &ctx, id, timeout](const PolicyRefusal* refused) {
                                if (refused) return fail_refused(call, *refused);
                                ctx.containers->restart(id, timeout, [call](Status s) {
                                    if (!s) return call.fail(s.error());
                                    call.reply(json::object());
                                });
                            });
    });
}

}  // namespace onggi::helper

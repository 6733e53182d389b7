// container.restart: stop (as container.stop) then start (as container.start); the same checks.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_restart(HelperContext& ctx)
{
    ctx.dispatcher->add("container.restart", [&ctx](const Call& call) {
        auto p = decode_stop(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        ctx.containers->restart(c.value()->id, p->timeout, [call](Status s) {
            if (!s) return call.fail(s.error());
            call.reply(json::object());
        });
    });
}

} // namespace onggi::helper

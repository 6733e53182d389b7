// container.start: safe because the container is resolved among the caller's own (find), and
// what runs is exactly the config.json the helper itself wrote at create, through onggi-shim.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_start(HelperContext& ctx)
{
    ctx.dispatcher->add("container.start", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        ctx.containers->start(c.value()->id, [call](Result<pid_t> r) {
            if (!r) return call.fail(r.error());
            call.reply({{"pid", r.value()}});
        });
    });
}

} // namespace onggi::helper

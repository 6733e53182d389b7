// container.top: processes in the cgroup of a container the caller owns, read from /proc.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_top(HelperContext& ctx)
{
    ctx.dispatcher->add("container.top", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        auto r = ctx.containers->top(c.value()->id);
        if (!r) return call.fail(r.error());
        call.reply(process_rows_json(r.value()));
    });
}

}  // namespace onggi::helper

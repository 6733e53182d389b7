// container.update: new limits, range-checked by decode_limits, applied through the cgroup
// interface to the cgroup the helper made for a container the caller owns, and stored. Limits
// only ever restrict, so they ask for nothing; a member's update passes the policy gate on the
// container's config.json (a container outside the member's bounds is not theirs to tune
// unless polkit says so again).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_update(HelperContext& ctx)
{
    ctx.dispatcher->add("container.update", [&ctx](const Call& call) {
        auto p = decode_update(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string id = c.value()->id;
        ctx.gate->authorize(call.peer(), stored_asks(ctx, id, call.peer()), [call, &ctx, id, limits = p->limits](const PolicyRefusal* refused) {
            if (refused) return fail_refused(call, *refused);
            auto l = ctx.containers->update(id, limits);
            if (!l) return call.fail(l.error());
            call.reply({{"limits", l->to_json()}});
        });
    });
}

} // namespace onggi::helper

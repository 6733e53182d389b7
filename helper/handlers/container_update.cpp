// container.update: new limits, range-checked by decode_limits, applied through the cgroup
// interface to the cgroup the helper made for a container the caller owns, and stored.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_update(HelperContext& ctx)
{
    ctx.dispatcher->add("container.update", [&ctx](const Call& call) {
        auto p = decode_update(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        auto l = ctx.containers->update(c.value()->id, p->limits);
        if (!l) return call.fail(l.error());
        call.reply({{"limits", l->to_json()}});
    });
}

} // namespace onggi::helper

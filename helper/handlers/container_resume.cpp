// container.resume: thaws the cgroup of a paused container the caller owns.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_resume(HelperContext& ctx)
{
    ctx.dispatcher->add("container.resume", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        auto s = ctx.containers->resume(c.value()->id);
        if (!s) return call.fail(s.error());
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

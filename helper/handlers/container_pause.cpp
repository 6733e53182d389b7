// container.pause: freezes the cgroup the helper created for a container the caller owns
// (path <cgroup parent>/<id>, never one named by the client).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_pause(HelperContext& ctx)
{
    ctx.dispatcher->add("container.pause", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        auto s = ctx.containers->pause(c.value()->id);
        if (!s) return call.fail(s.error());
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

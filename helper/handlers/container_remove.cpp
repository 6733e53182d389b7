// container.remove: deletes <state>/containers/<id> of a container the caller owns — a path the
// helper built from its own random id, removed without following symlinks or leaving the
// filesystem. A running container needs force (then it is killed first).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_remove(HelperContext& ctx)
{
    ctx.dispatcher->add("container.remove", [&ctx](const Call& call) {
        auto p = decode_remove(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        ctx.containers->remove(c.value()->id, p->force, [call](Status s) {
            if (!s) return call.fail(s.error());
            call.reply(json::object());
        });
    });
}

}  // namespace onggi::helper

// container.kill: a signal (1..64, by name or number, validated) to the init of a container the
// caller owns; the pid's start time is checked first so a reused pid is never signalled.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_kill(HelperContext& ctx)
{
    ctx.dispatcher->add("container.kill", [&ctx](const Call& call) {
        auto p = decode_kill(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        auto s = ctx.containers->kill(c.value()->id, p->signal);
        if (!s) return call.fail(s.error());
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

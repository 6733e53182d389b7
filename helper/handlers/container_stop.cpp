// container.stop: SIGTERM, then SIGKILL after the timeout (0..3600 s, validated). Safe: signals
// go only to the init of a container the caller owns, after its start time is checked against
// the recorded one (no pid reuse).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_stop(HelperContext& ctx)
{
    ctx.dispatcher->add("container.stop", [&ctx](const Call& call) {
        auto p = decode_stop(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        ctx.containers->stop(c.value()->id, p->timeout, [call](Status s) {
            if (!s) return call.fail(s.error());
            call.reply(json::object());
        });
    });
}

}  // namespace onggi::helper

// events.subscribe: container events of what the caller may see (filtered per event by owner),
// and image events (images are shared: every member may list them, so every member sees them).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_events_subscribe(HelperContext& ctx)
{
    ctx.dispatcher->add("events.subscribe", [&ctx](const Call& call) {
        auto p = decode_subscribe(call.params());
        if (!p) return call.fail(p.error());
        std::string filter;
        if (!p->filter_id.empty()) {
            auto c = ctx.containers->find(p->filter_id, call.peer());
            if (!c) return call.fail(c.error());
            filter = c.value()->id;
        }
        if (!call.connection()) return;
        auto sub = ctx.events->subscribe(call.connection(), filter, p->type);
        if (!sub) return call.fail(sub.error());
        call.reply({{"subscription", sub.value()}});
    });
}

}  // namespace onggi::helper

// unsubscribe: ends one of the caller's own subscriptions (events, log follow, and those that
// other services register with Dispatcher::add_unsubscriber); others' ids are not_found.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_unsubscribe(HelperContext& ctx)
{
    ctx.dispatcher->add("unsubscribe", [&ctx](const Call& call) {
        auto p = decode_unsubscribe(call.params());
        if (!p) return call.fail(p.error());
        if (!call.connection()) return;
        if (!ctx.dispatcher->unsubscribe(call.connection(), p->subscription))
            return call.fail(Error(Errc::not_found, "no such subscription: " + std::to_string(p->subscription)));
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

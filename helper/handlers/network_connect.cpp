// network.connect / network.disconnect: a container the caller owns (find() hides the others)
// joins or leaves an existing network; a running one gets its veth (eth1, ...) at once, or loses
// it. No network is made here (an unknown one is not_found), and the host mode cannot change.
#include "helper/handlers/handlers.h"
#include "helper/net/network_params.h"

namespace onggi::helper {

void register_network_connect(HelperContext& ctx)
{
    ctx.dispatcher->add("network.connect", [&ctx](const Call& call) {
        auto p = decode_network_connect(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->container, call.peer());
        if (!c) return call.fail(c.error());
        auto st = ctx.containers->connect_network(c.value()->id, p->network);
        if (!st) return call.fail(st.error());
        call.reply(json::object());
    });
    ctx.dispatcher->add("network.disconnect", [&ctx](const Call& call) {
        auto p = decode_network_connect(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->container, call.peer());
        if (!c) return call.fail(c.error());
        auto st = ctx.containers->disconnect_network(c.value()->id, p->network);
        if (!st) return call.fail(st.error());
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

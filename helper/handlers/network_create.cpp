// network.create / network.remove: root only. A network is a bridge, a subnet and rules on the
// host: more than a member of group onggi may do with their own uid. The name and the subnet are
// decoded first; a subnet that overlaps a route of the host or another network is refused
// before anything is made, and a failed creation removes what it made.
#include "helper/handlers/handlers.h"
#include "helper/net/network_params.h"

namespace onggi::helper {

void register_network_create(HelperContext& ctx)
{
    ctx.dispatcher->add("network.create", [&ctx](const Call& call) {
        auto p = decode_network_create(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "network.create: only root may create networks"));
        auto r = ctx.containers->networks().create(p->name, p->subnet, p->gateway);
        if (!r) return call.fail(r.error());
        call.reply(r.value());
    });
    ctx.dispatcher->add("network.remove", [&ctx](const Call& call) {
        auto p = decode_network_name(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "network.remove: only root may remove networks"));
        auto st = ctx.containers->networks().remove(p->name, ctx.containers->network_users(p->name));
        if (!st) return call.fail(st.error());
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

// network.list / network.inspect / network.kernel: read-only. Networks are shared by every
// user of the helper (as docker's); inspect lists only the containers the caller may see, and
// the kernel view shows only Onggi's bridges, their ports and Onggi's own rule table.
#include "helper/handlers/handlers.h"
#include "helper/net/network_params.h"

namespace onggi::helper {

void register_network_list(HelperContext& ctx)
{
    ctx.dispatcher->add("network.list", [&ctx](const Call& call) {
        if (!call.params().is_null() && !(call.params().is_object() && call.params().empty()))
            return call.fail(Error(Errc::invalid_argument, "params: network.list takes none"));
        call.reply({{"networks", ctx.containers->networks().list()}});
    });
    ctx.dispatcher->add("network.inspect", [&ctx](const Call& call) {
        auto p = decode_network_name(call.params());
        if (!p) return call.fail(p.error());
        auto r = ctx.containers->networks().inspect(p->name);
        if (!r) return call.fail(r.error());
        json j = r.value();
        json visible = json::array();
        for (const auto& c : j["containers"]) {
            const ContainerRecord* rec = ctx.containers->get_record(c.value("id", ""));
            if (rec && call.peer().may_see(rec->owner_uid)) visible.push_back(c);
        }
        j["containers"] = visible;
        call.reply(j);
    });
    ctx.dispatcher->add("network.kernel", [&ctx](const Call& call) {
        json j = ctx.containers->networks().kernel_view();
        if (!call.peer().admin()) {
            // Others' containers stay hidden: their veths show without the container.
            for (auto& l : j["links"])
                if (l.contains("container")) {
                    const ContainerRecord* rec = ctx.containers->get_record(l["container"].value("id", ""));
                    if (!rec || !call.peer().may_see(rec->owner_uid)) l.erase("container");
                }
        }
        call.reply(j);
    });
}

}  // namespace onggi::helper

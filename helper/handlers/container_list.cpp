// container.list: summaries of the containers the caller may see (root: all; others: their own).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_list(HelperContext& ctx)
{
    ctx.dispatcher->add("container.list", [&ctx](const Call& call) {
        auto p = decode_list(call.params());
        if (!p) return call.fail(p.error());
        json list = json::array();
        for (const auto* c : ctx.containers->visible(call.peer(), p->all))
            list.push_back(container_summary(*c, ctx.containers->networks()));
        call.reply({{"containers", list}});
    });
}

}  // namespace onggi::helper

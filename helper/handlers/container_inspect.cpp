// container.inspect: the summary, the stored config.json and the kernel's view (namespace
// links) of a container the caller owns. Read-only.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_inspect(HelperContext& ctx)
{
    ctx.dispatcher->add("container.inspect", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        call.reply(container_inspect(*c.value(), *ctx.containers));
    });
}

}  // namespace onggi::helper

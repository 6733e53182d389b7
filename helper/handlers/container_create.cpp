// container.create: safe because every option is decoded and range-checked first
// (decode_create), the image is resolved inside the image store, volume sources of non-root
// users must be their own, privileged is root-only, and the container is recorded with the
// caller's uid as owner. Nothing runs yet: only files under the state root are written.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_create(HelperContext& ctx)
{
    ctx.dispatcher->add("container.create", [&ctx](const Call& call) {
        auto p = decode_create(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->create(p.value(), call.peer());
        if (!c) return call.fail(c.error());
        call.reply({{"id", c.value()->id}, {"name", c.value()->name}});
    });
}

} // namespace onggi::helper

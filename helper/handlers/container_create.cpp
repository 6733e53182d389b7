// container.create: safe because every option is decoded and range-checked first
// (decode_create), the policy gate refuses a member's privileged asks (helper/policy_gate.h)
// unless polkit authorizes them, the image is resolved inside the image store, volume sources
// of non-root users must be their own, and the container is recorded with the caller's uid as
// owner. Nothing runs yet: only files under the state root are written.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_create(HelperContext& ctx)
{
    ctx.dispatcher->add("container.create", [&ctx](const Call& call) {
        auto p = decode_create(call.params());
        if (!p) return call.fail(p.error());
        auto asks = privileged_asks(p.value());
        ctx.gate->authorize(call.peer(), std::move(asks),
                            [call, &ctx, params = p.value()](const PolicyRefusal* refused) {
                                if (refused) return fail_refused(call, *refused);
                                auto c = ctx.containers->create(params, call.peer());
                                if (!c) return call.fail(c.error());
                                call.reply({{"id", c.value()->id}, {"name", c.value()->name}});
                            });
    });
}

}  // namespace onggi::helper

// container.attach / container.wait.
// attach: safe because the container is resolved among the caller's own (find hides others'),
// and what the caller gets is one connection to that container's own attach socket: the copy
// of its terminal's output and a way to type into it — what the owner of a terminal container
// may do anyway (exec with tty gives more). The socket itself is root-only (0600, in a 0700
// directory); only the helper connects to it, on the owner's behalf.
// wait: reads the caller's own container's exit code; holds nothing but a callback.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_container_attach(HelperContext& ctx)
{
    ctx.dispatcher->add("container.attach", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        auto fd = ctx.containers->attach(c.value()->id);
        if (!fd) return call.fail(fd.error());
        call.reply_with_fd(json::object(), fd.value());
    });
    ctx.dispatcher->add("container.wait", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        ctx.containers->wait(c.value()->id, [call](Result<json> r) {
            if (!r) return call.fail(r.error());
            call.reply(r.value());
        });
    });
}

}  // namespace onggi::helper

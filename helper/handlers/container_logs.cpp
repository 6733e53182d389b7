// container.logs: reads the log file the shim writes for a container the caller owns (a path
// the helper built; opened O_NOFOLLOW), bounded in size; follow streams new lines.
#include "helper/handlers/handlers.h"
#include "helper/log_reader.h"

namespace onggi::helper {

void register_container_logs(HelperContext& ctx)
{
    ctx.dispatcher->add("container.logs", [&ctx](const Call& call) {
        auto p = decode_logs(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string path = ctx.containers->paths(c.value()->id).log();
        auto chunk = LogReader::tail(path, p->tail, p->timestamps);
        if (!chunk) return call.fail(chunk.error());
        json r = {{"lines", chunk->lines}};
        if (chunk->truncated) r["truncated"] = true;
        const std::string state = c.value()->state;
        if (p->follow && call.connection()) {
            int64_t sub = ctx.logs->follow(call.connection(), c.value()->id, path, chunk->end_offset, p->timestamps);
            r["subscription"] = sub;
            call.reply(r);
            // An exited container has nothing more to say, unless the client asked for its next
            // run (start -a: this request, then the start); a created one is followed from its start.
            if (state == "exited" && !p->next_run) ctx.logs->container_stopped(c.value()->id);
            return;
        }
        call.reply(r);
    });
}

} // namespace onggi::helper

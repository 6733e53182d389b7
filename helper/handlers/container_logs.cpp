// container.logs: reads the log files the shim writes for a container the caller owns (paths
// the helper built; opened O_NOFOLLOW), one bounded page per reply (a client pages through a
// large log with "cursor"); follow streams new lines.
#include "helper/handlers/handlers.h"
#include "helper/log_followers.h"
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
        // A cursor continues a reply; tail -1 (all) pages from the oldest line; tail N is the
        // last N lines (one page at most).
        Result<LogChunk> chunk = Error(Errc::internal, "");
        if (!p->cursor.empty()) {
            auto pos = LogPos::from_cursor(p->cursor);
            if (!pos) return call.fail(pos.error());
            chunk = LogReader::from(path, pos.value(), p->timestamps);
        } else if (p->tail < 0) {
            chunk = LogReader::from(path, LogPos{}, p->timestamps);
        } else {
            chunk = LogReader::tail(path, p->tail, p->timestamps);
        }
        if (!chunk) return call.fail(chunk.error());
        json r = {{"lines", std::move(chunk->lines)}};
        if (chunk->truncated || chunk->more) r["truncated"] = true;
        if (chunk->more) r["more"] = true;
        r["cursor"] = chunk->end.to_cursor();
        if (chunk->rotated) {
            r["rotated"] = true;
            r["rotated_bytes"] = chunk->rotated_bytes;
        }
        const ContainerState state = c.value()->state;
        if (p->follow && call.connection()) {
            // The follower goes on from the end of this page (the rest of a large log comes as
            // notifications, as fast as the client reads them).
            auto sub = ctx.logs->follow(call.connection(), c.value()->id, path, chunk->end, p->timestamps);
            if (!sub) return call.fail(sub.error());
            r["subscription"] = sub.value();
            call.reply(r);
            // An exited container has nothing more to say, unless the client asked for its next
            // run (start -a: this request, then the start); a created one is followed from its start.
            if (state == ContainerState::exited && !p->next_run) ctx.logs->container_stopped(c.value()->id);
            return;
        }
        call.reply(r);
    });
}

}  // namespace onggi::helper

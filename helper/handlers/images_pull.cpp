// images.pull / images.pull.cancel: fetch an image from a registry (helper/image_puller.h).
// Why it is safe: the name is parsed strictly (ImageReference) before any request; the helper
// speaks only to that registry (and to the token realm and blob redirects it names), over https
// unless the host is loopback or listed by the admin; every document and blob is verified by
// digest and bounded in size; layers are unpacked through ImageStore::install_layer, which keeps
// every path below the layer directory and refuses device nodes, so what a member of group onggi
// pulls cannot reach the host (the layer store itself is root-only, 0700). Credentials are used
// for this pull and dropped. Progress goes only to the connection that asked; a pull is
// cancelled by images.pull.cancel from that connection (or root) or when the connection closes.
// A pull in flight when the helper is told to stop is answered (bad_state, reason helper_stopping).
#include "helper/handlers/handlers.h"
#include "helper/image_puller.h"

#include <map>
#include <vector>

namespace onggi::helper {

namespace {

struct PullEntry {
    QPointer<ImagePuller> puller;
    QPointer<Connection> conn;
    bool helper_stopping = false;  // ended by stop_pulls(): the reply says why
};

std::map<int64_t, PullEntry>& pulls()
{
    static std::map<int64_t, PullEntry> m;
    return m;
}

}  // namespace

void stop_pulls()
{
    std::vector<int64_t> ids;
    for (auto& [id, e] : pulls()) {
        e.helper_stopping = true;
        ids.push_back(id);
    }
    for (int64_t id : ids) {
        auto it = pulls().find(id);
        if (it == pulls().end() || !it->second.puller) continue;
        it->second.puller->stop_now(Error(image::kCancelled, "pull cancelled: the helper is stopping"));
    }
}

void register_images_pull(HelperContext& ctx)
{
    ctx.dispatcher->add("images.pull", [&ctx](const Call& call) {
        auto p = decode_image_pull(call.params());
        if (!p) return call.fail(p.error());
        auto ref = image::ImageReference::parse(p->image);
        if (!ref) return call.fail(ref.error());
        QPointer<Connection> conn = call.connection();
        if (!conn) return;
        PullOptions opt;
        opt.username = p->username;
        opt.password = p->password;
        opt.insecure = ctx.containers->config().insecure_registries;
        opt.timeout_ms = ctx.containers->config().registry_timeout_ms;
        const int64_t id = ctx.dispatcher->next_subscription_id();
        auto* puller = new ImagePuller(ctx.containers->images(), ref.value(), std::move(opt), ctx.dispatcher);
        pulls()[id] = {puller, conn};
        puller->on_progress([conn, id](const PullProgress& pr) {
            if (!conn) return;
            json n = {{"pull", id}, {"phase", pr.phase}};
            if (!pr.id.empty()) n["layer"] = pr.id;
            if (pr.total || pr.current) {
                n["current"] = pr.current;
                n["total"] = pr.total;
            }
            if (!pr.message.empty()) n["message"] = pr.message;
            conn->notify("images.pull.progress", n);
        });
        EventBus* events = ctx.events;
        const std::string pulled_name = ref->familiar();
        puller->on_done([call, id, puller, events, pulled_name](Result<image::ImageRecord> r) {
            auto it = pulls().find(id);
            const bool stopping = it != pulls().end() && it->second.helper_stopping;
            if (it != pulls().end()) pulls().erase(it);
            puller->deleteLater();
            if (!r && stopping) return call.fail(r.error(), helper_stopping_data());
            if (!r) return call.fail(r.error());
            events->publish_image("pull", r->id, pulled_name);
            call.reply({{"pull", id}, {"image", image_json(r.value())}});
        });
        QObject::connect(conn, &Connection::closed, puller, [puller] { puller->cancel(); });
        // The pull id first, so that the client can cancel.
        conn->notify("images.pull.progress", {{"pull", id}, {"phase", "started"}, {"image", ref->familiar()}});
        puller->start();
    });

    ctx.dispatcher->add("images.pull.cancel", [](const Call& call) {
        auto p = decode_image_pull_cancel(call.params());
        if (!p) return call.fail(p.error());
        auto it = pulls().find(p->pull);
        if (it == pulls().end() || !it->second.puller || (it->second.conn != call.connection() && !call.peer().admin()))
            return call.fail(Error(Errc::not_found, "no such pull: " + std::to_string(p->pull)));
        it->second.puller->cancel();
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

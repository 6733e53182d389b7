// images.prune: docker image prune, and the store's garbage collection. Root only (images are
// shared). Removes dangling images (no name left), or with `all` every image that no container
// uses (in any state), then every layer and blob no image or container needs: layers of images
// removed with force once their last container went, layers and blobs of pulls that were killed
// and never retried, manifests of removed images. Layers a pull in flight is installing are
// pinned (ImageStore::pin_layer) and stay. The built-in image is never pruned.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_images_prune(HelperContext& ctx)
{
    ctx.dispatcher->add("images.prune", [&ctx](const Call& call) {
        auto p = decode_image_prune(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "only root may prune images (they are shared)"));
        auto& store = ctx.containers->images();
        auto list = store.list();
        if (!list) return call.fail(list.error());
        json deleted = json::array();
        for (const auto& r : list.value()) {
            if (r.builtin || !ctx.containers->image_users(r.id).empty()) continue;
            const bool dangling = r.name == "<none>";
            if (!dangling && !p->all) continue;
            if (auto s = store.remove(r.id, ctx.containers->layers_in_use()); !s) return call.fail(s.error());
            deleted.push_back(r.id);
        }
        auto g = store.collect_garbage(ctx.containers->layers_in_use());
        if (!g) return call.fail(g.error());
        ctx.events->publish_image("prune", "", "", {{"reclaimed", std::to_string(g->bytes)}});
        call.reply({{"deleted", deleted}, {"layers", g->layers}, {"blobs", g->blobs}, {"reclaimed", g->bytes}});
    });
}

}  // namespace onggi::helper

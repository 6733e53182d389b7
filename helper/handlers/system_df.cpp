// system.df: docker system df. Disk used by images (their layers, each counted once however many
// images share it, plus the store's garbage: layers and blobs nothing needs), and by the
// containers the peer may see (their writable layers, the overlay upper directories); what
// images.prune --all and removing stopped containers would free. Read-only; sizes are st_size
// sums on one filesystem, no symlink followed (tree_size).
#include "helper/handlers/handlers.h"

#include <set>

namespace onggi::helper {

void register_system_df(HelperContext& ctx)
{
    ctx.dispatcher->add("system.df", [&ctx](const Call& call) {
        if (!call.params().is_null() && !(call.params().is_object() && call.params().empty()))
            return call.fail(Error(Errc::invalid_argument, "params: system.df takes no parameters"));
        auto& store = ctx.containers->images();
        auto list = store.list();
        if (!list) return call.fail(list.error());
        // Layers every container uses (also of images removed with force) stay.
        std::set<std::string> kept = ctx.containers->layers_in_use();
        size_t active = 0;
        for (const auto& r : list.value()) {
            if (ctx.containers->image_users(r.id).empty()) continue;
            ++active;
            kept.insert(r.layers.begin(), r.layers.end());
        }
        std::set<std::string> layers;
        for (const auto& r : list.value()) layers.insert(r.layers.begin(), r.layers.end());
        uint64_t size = 0, reclaimable = 0;
        for (const auto& l : layers) {
            const uint64_t n = store.layer_size(l);
            size += n;
            if (!kept.count(l)) reclaimable += n;
        }
        auto g = store.garbage(ctx.containers->layers_in_use());
        if (!g) return call.fail(g.error());
        size += g->bytes;
        reclaimable += g->bytes;
        json images = {{"count", list->size()},      {"active", active},           {"size", size},
                       {"reclaimable", reclaimable}, {"unused_layers", g->layers}, {"unused_blobs", g->blobs}};
        uint64_t csize = 0, creclaim = 0;
        size_t running = 0;
        const auto cs = ctx.containers->visible(call.peer(), true);
        json per = json::array();
        for (const auto* c : cs) {
            const uint64_t n = image::tree_size(ctx.containers->paths(c->id).upper());
            const bool live = c->live();
            csize += n;
            if (live) ++running;
            else creclaim += n;
            per.push_back({{"id", c->id}, {"name", c->name}, {"state", container_state_name(c->state)}, {"size", n}});
        }
        json containers = {
            {"count", cs.size()}, {"active", running}, {"size", csize}, {"reclaimable", creclaim}, {"list", per}};
        call.reply({{"images", images}, {"containers", containers}});
    });
}

}  // namespace onggi::helper

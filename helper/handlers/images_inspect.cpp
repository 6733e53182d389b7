// images.inspect / images.history: what an image is made of, read from its record and its
// config blob (a verified blob in the store). Read-only; images are shared by every user, so
// any peer may read them, as images.list.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

namespace {

Result<image::ImageRecord> find_image(HelperContext& ctx, const json& params)
{
    auto p = decode_image_ref(params);
    if (!p) return std::move(p).error();
    return ctx.containers->images().resolve(p->image);
}

}  // namespace

void register_images_inspect(HelperContext& ctx)
{
    ctx.dispatcher->add("images.inspect", [&ctx](const Call& call) {
        auto img = find_image(ctx, call.params());
        if (!img) return call.fail(img.error());
        auto& store = ctx.containers->images();
        json j = image_json(img.value());
        json cfg = {{"entrypoint", img->entrypoint},
                    {"cmd", img->cmd},
                    {"env", img->env},
                    {"working_dir", img->workdir},
                    {"user", img->user}};
        // What `run -P` publishes: the record's (kept at pull, load and commit).
        auto exposed = store.exposed_ports(img.value());
        cfg["exposed_ports"] = exposed ? exposed.value() : std::vector<std::string>{};
        if (auto c = store.config(img.value()); c) {
            cfg["labels"] = c->labels;
            cfg["stop_signal"] = c->stop_signal;
            j["os"] = c->platform.os;
            j["architecture"] = c->platform.architecture;
            if (!c->platform.variant.empty()) j["variant"] = c->platform.variant;
        } else {
            cfg["labels"] = json::object();
        }
        j["config"] = cfg;
        json layers = json::array();
        for (const auto& l : img->layers) layers.push_back({{"diff_id", l}, {"size", store.layer_size(l)}});
        j["layer_sizes"] = layers;
        call.reply({{"image", j}});
    });

    ctx.dispatcher->add("images.history", [&ctx](const Call& call) {
        auto img = find_image(ctx, call.params());
        if (!img) return call.fail(img.error());
        auto& store = ctx.containers->images();
        json out = json::array();
        auto c = store.config(img.value());
        if (!c) {  // the built-in image: one layer, made by Onggi
            out.push_back({{"created", img->created},
                           {"created_by", "onggi built-in busybox image"},
                           {"comment", ""},
                           {"empty_layer", false},
                           {"layer", img->layers.front()},
                           {"size", store.layer_size(img->layers.front())}});
        } else {
            // Newest first, as docker; each non-empty entry owns the next layer, bottom up.
            size_t li = 0;
            std::vector<json> rows;
            for (const auto& h : c->history) {
                json row = {{"created", h.created},
                            {"created_by", h.created_by},
                            {"comment", h.comment},
                            {"empty_layer", h.empty_layer},
                            {"size", 0}};
                if (!h.empty_layer && li < img->layers.size()) {
                    row["layer"] = img->layers[li];
                    row["size"] = store.layer_size(img->layers[li]);
                    ++li;
                }
                rows.push_back(row);
            }
            for (auto it = rows.rbegin(); it != rows.rend(); ++it) out.push_back(*it);
        }
        call.reply({{"image", img->id}, {"history", out}});
    });
}

}  // namespace onggi::helper

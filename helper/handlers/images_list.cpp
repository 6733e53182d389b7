// images.list: the image records of the store (images are shared by all users; read-only).
#include "helper/handlers/handlers.h"

namespace onggi::helper {

json image_json(const image::ImageRecord& r)
{
    json j = {{"id", r.id}, {"short_id", r.short_id()}, {"name", r.name}, {"tag", r.tag}, {"size", r.size},
              {"created", r.created}, {"builtin", r.builtin}, {"layers", r.layers}, {"cmd", r.cmd}};
    if (!r.entrypoint.empty()) j["entrypoint"] = r.entrypoint;
    if (!r.repo_digest.empty()) j["repo_digest"] = r.repo_digest;
    if (!r.repo_tags.empty()) j["repo_tags"] = r.repo_tags;
    return j;
}

void register_images_list(HelperContext& ctx)
{
    ctx.dispatcher->add("images.list", [&ctx](const Call& call) {
        if (!call.params().is_object() || !call.params().empty())
            return call.fail(Error(Errc::invalid_argument, "params: images.list takes no parameters"));
        auto list = ctx.containers->images().list();
        if (!list) return call.fail(list.error());
        json out = json::array();
        for (const auto& r : list.value()) out.push_back(image_json(r));
        call.reply({{"images", out}});
    });
}

} // namespace onggi::helper

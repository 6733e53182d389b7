// images.list: the image records of the store (images are shared by all users; read-only).
#include "helper/handlers/handlers.h"

#include <map>
#include <set>

namespace onggi::helper {

json image_json(const image::ImageRecord& r)
{
    json j = {{"id", r.id},           {"short_id", r.short_id()}, {"name", r.name},
              {"tag", r.tag},         {"size", r.size},           {"created", r.created},
              {"builtin", r.builtin}, {"layers", r.layers},       {"cmd", r.cmd}};
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
        // Docker's SHARED SIZE: bytes of this image's layers that another image uses too.
        std::map<std::string, int> users;
        for (const auto& r : list.value())
            for (const auto& l : std::set<std::string>(r.layers.begin(), r.layers.end())) ++users[l];
        auto& store = ctx.containers->images();
        json out = json::array();
        for (const auto& r : list.value()) {
            json j = image_json(r);
            uint64_t shared = 0, unique = 0;
            for (const auto& l : std::set<std::string>(r.layers.begin(), r.layers.end()))
                (users[l] > 1 ? shared : unique) += store.layer_size(l);
            j["shared_size"] = shared;
            j["unique_size"] = unique;
            out.push_back(j);
        }
        call.reply({{"images", out}});
    });
}

}  // namespace onggi::helper

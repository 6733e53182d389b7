// images.tag: docker tag. Root only, as images.remove: names are shared by every user, and a
// name moved to another image changes what everyone's `run NAME` starts. The target is parsed as
// docker does (ImageReference: a registry host, a repository, a tag; no digest).
#include "engine/image/image_reference.h"
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_images_tag(HelperContext& ctx)
{
    ctx.dispatcher->add("images.tag", [&ctx](const Call& call) {
        auto p = decode_image_tag(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "only root may name images (they are shared)"));
        auto ref = image::ImageReference::parse(p->target);
        if (!ref) return call.fail(std::move(ref).error().wrap("target"));
        if (!ref->digest.empty()) return call.fail(Error(Errc::invalid_argument, "target: a tag, not a digest"));
        auto img = ctx.containers->images().resolve(p->image);
        if (!img) return call.fail(img.error());
        auto r = ctx.containers->images().tag(img->id, ref->familiar_name(), ref->tag.empty() ? "latest" : ref->tag);
        if (!r) return call.fail(r.error());
        call.reply({{"image", image_json(r.value())}});
    });
}

}  // namespace onggi::helper

// images.remove: root only (images are shared by every user), refused while any container uses
// the image; the built-in image can be removed and comes back at the next helper start.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_images_remove(HelperContext& ctx)
{
    ctx.dispatcher->add("images.remove", [&ctx](const Call& call) {
        auto p = decode_image_remove(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin()) return call.fail(Error(Errc::permission_denied, "only root may remove images (they are shared)"));
        auto img = ctx.containers->images().resolve(p->image);
        if (!img) return call.fail(img.error());
        if (ctx.containers->image_in_use(img->id))
            return call.fail(Error(Errc::bad_state, "image " + p->image + " is used by a container"));
        auto s = ctx.containers->images().remove(img->id);
        if (!s) return call.fail(s.error());
        call.reply(json::object());
    });
}

} // namespace onggi::helper

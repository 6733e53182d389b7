// images.remove: root only (images are shared by every user). Without force it is refused while
// any container uses the image; with force (docker's `rmi -f`) the image goes while only stopped
// containers use it, and its layers stay until the last of them is removed. An image that a
// running or paused container uses is never removed. The built-in image comes back at the next
// helper start.
#include "helper/handlers/handlers.h"

namespace onggi::helper {

void register_images_remove(HelperContext& ctx)
{
    ctx.dispatcher->add("images.remove", [&ctx](const Call& call) {
        auto p = decode_image_remove(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "only root may remove images (they are shared)"));
        auto img = ctx.containers->images().resolve(p->image);
        if (!img) return call.fail(img.error());
        auto users = ctx.containers->image_users(img->id);
        for (const auto* c : users)
            if (c->live())
                return call.fail(Error(Errc::bad_state, "image " + p->image + " is used by running container " +
                                                            c->name +
                                                            " (stop it first; force does not remove an image in use)"));
        if (!users.empty() && !p->force)
            return call.fail(
                Error(Errc::bad_state,
                      "image " + p->image + " is used by container " + users.front()->name +
                          " (remove the container, or force to remove the image and keep its layers until then)"));
        auto s = ctx.containers->images().remove(img->id, ctx.containers->layers_in_use());
        if (!s) return call.fail(s.error());
        call.reply(json::object());
    });
}

}  // namespace onggi::helper

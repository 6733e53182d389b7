// images.commit: docker commit. The container's writable layer (its overlay upper directory)
// becomes a new layer on top of its image's layers (LayerPacker: whiteouts as .wh. entries,
// opaque directories as .wh..wh..opq; a member's container's host ids mapped back to the ids
// the container saw), with a config that is the image's plus the new diff_id and a history entry.
//
// Why it is safe: root only, as images.tag and images.load (the new name is everyone's); the
// container is found through ContainerManager::find. The upper directory is walked through file
// descriptors with O_NOFOLLOW (the container may own every file in it), device nodes are
// refused, and the layer is unpacked into the store by the same extractor as a pulled layer.
// A running container is paused while it is packed (as docker does) and resumed afterwards.
#include "engine/core/unique_fd.h"
#include "engine/image/content_digest.h"
#include "engine/image/image_archive.h"
#include "engine/image/image_reference.h"
#include "engine/image/layer_packer.h"
#include "helper/handlers/handlers.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <optional>

namespace onggi::helper {
namespace {

std::string now_rfc3339()
{
    char buf[32];
    time_t t = ::time(nullptr);
    struct tm tm;
    ::gmtime_r(&t, &tm);
    ::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Result<image::ImageRecord> commit_layer(image::ImageStore& store, const image::ImageRecord& base,
                                        const std::string& upper, const image::IdShift* shift, const std::string& name,
                                        const std::string& tag, const image::HistoryEntry& h,
                                        const std::atomic<bool>& cancel)
{
    static std::atomic<uint64_t> counter{0};
    const std::string tmp =
        store.blobs().tmp_dir() + "/commit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    UniqueFd fd(::open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd) return Error::from_errno("commit: create " + tmp);
    struct Unlink {
        std::string p;
        ~Unlink() { ::unlink(p.c_str()); }
    } unlink_tmp{tmp};
    auto packed = image::pack_layer(upper, fd.get(), shift, &cancel);
    if (!packed) return std::move(packed).error().wrap("commit");
    store.pin_layer(packed->diff_id);
    struct Unpin {
        image::ImageStore& s;
        std::string d;
        ~Unpin() { s.unpin_layer(d); }
    } unpin{store, packed->diff_id};
    auto dir = store.install_layer(tmp, packed->diff_id, {}, &cancel);
    if (!dir) return std::move(dir).error().wrap("commit: unpack the new layer");
    std::string base_config;
    if (!base.builtin && store.blobs().has(base.id)) {
        auto t = store.blobs().read(base.id);
        if (!t) return std::move(t).error().wrap("commit: the image's config");
        base_config = t.value();
    }
    // The last point a helper told to stop can give up at: past it the image is recorded whole.
    // A layer installed just now stays unused (collected as garbage) rather than half stored.
    if (cancel.load()) return Error(image::kCancelled, "commit: cancelled");
    std::vector<std::string> layers = base.layers;
    layers.push_back(packed->diff_id);
    auto text = image::config_with_layers(base_config, base, layers, &h);
    if (!text) return std::move(text).error().wrap("commit");
    auto cfg = image::parse_config(text.value());
    if (!cfg) return std::move(cfg).error().wrap("commit: new config");
    image::ContentDigest d;
    d.update(text.value());
    const std::string id = d.finish_digest();
    auto put = store.blobs().put(id, text.value());
    if (!put) return std::move(put).error().wrap("commit: store the config");
    return store.add_image(id, cfg.value(), name, tag, "");
}

}  // namespace

// A container paused for the commit is resumed whatever the commit's outcome; a failure is said.
static void resume_after_commit(HelperContext& ctx, const std::string& cid)
{
    if (auto r = ctx.containers->resume(cid); !r)
        qWarning("helper: commit: container %s stays paused: %s", cid.substr(0, 12).c_str(),
                 r.error().message().c_str());
}

void register_images_commit(HelperContext& ctx)
{
    ctx.dispatcher->add("images.commit", [&ctx](const Call& call) {
        auto p = decode_image_commit(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "only root may commit images (their names are shared)"));
        auto c = ctx.containers->find(p->container, call.peer());
        if (!c) return call.fail(c.error());
        const std::string cid = c.value()->id;
        std::string name = "<none>", tag = "<none>";
        if (!p->image.empty()) {
            auto ref = image::ImageReference::parse(p->image);
            if (!ref) return call.fail(std::move(ref).error().wrap("image"));
            if (!ref->digest.empty())
                return call.fail(Error(Errc::invalid_argument, "image: a name[:tag], not a digest"));
            name = ref->familiar_name();
            tag = ref->tag.empty() ? "latest" : ref->tag;
        }
        auto& store = ctx.containers->images();
        auto base = store.resolve(c.value()->image_id);
        if (!base) return call.fail(std::move(base).error().wrap("commit " + c.value()->name + ": its image"));
        std::optional<image::IdShift> shift;
        if (auto s = spec::load_spec(ctx.containers->paths(cid).bundle); s && !s->linux.uid_mappings.empty())
            shift = image::IdShift{s->linux.uid_mappings, s->linux.gid_mappings};
        const bool paused_here = c.value()->state == ContainerState::running;
        if (paused_here) {
            if (auto st = ctx.containers->pause(cid); !st)
                return call.fail(std::move(st).error().wrap("commit: pause"));
        }
        image::HistoryEntry h;
        h.created = now_rfc3339();
        h.created_by = "onggictl commit " + c.value()->name;
        h.comment = p->comment;
        const std::string upper = ctx.containers->paths(cid).upper();
        using R = Result<image::ImageRecord>;
        // On a worker thread; the completion (also run by WorkerThreads::stop at shutdown)
        // resumes the container and announces the new image as a `commit` image event.
        const bool started = ctx.workers->run<R>(
            [&store, base = base.value(), upper, shift, name, tag, h](const std::atomic<bool>& cancel) -> R {
                return commit_layer(store, base, upper, shift ? &*shift : nullptr, name, tag, h, cancel);
            },
            [&ctx, call, cid, paused_here](R& r) {
                if (paused_here) resume_after_commit(ctx, cid);
                if (!r) return fail_job(call, r.error(), *ctx.workers);
                ctx.events->publish_image("commit", r->id, r->name == "<none>" ? "<none>" : r->name + ":" + r->tag);
                call.reply({{"image", image_json(r.value())}});
            });
        if (!started) {
            if (paused_here) resume_after_commit(ctx, cid);
            call.fail(Error(Errc::bad_state, "the helper is stopping"), helper_stopping_data());
        }
    });
}

}  // namespace onggi::helper

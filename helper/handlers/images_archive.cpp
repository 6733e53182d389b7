// images.save / images.load: docker save / docker load (engine/image/image_archive.h).
//
// Why it is safe: the archive file is opened with the caller's own credentials (UserFile), so a
// member of group onggi reads and writes only what their uid may; the helper never opens the
// path as root for them. save is open to every member (images are shared and visible to all);
// load is root only, as images.tag: it names images for everyone (`run nginx` would start what
// a member loaded as nginx). The work runs on a thread of its own (an archive can be gigabytes)
// and the reply is sent from the event loop. A refused archive is answered with
// error.data.reason (archive_path, archive_missing_blob, archive_digest_mismatch,
// archive_truncated, archive_format) and leaves the store as it was.
#include "helper/handlers/handlers.h"
#include "helper/user_file.h"
#include "engine/image/image_archive.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <fcntl.h>

#include <thread>

namespace onggi::helper {
namespace {

// Runs work on its own thread; done(result) runs on the event loop.
template <class T>
void off_loop(std::function<T()> work, std::function<void(T&)> done)
{
    std::thread([work = std::move(work), done = std::move(done)]() mutable {
        auto r = std::make_shared<T>(work());
        QMetaObject::invokeMethod(QCoreApplication::instance(), [done = std::move(done), r] { done(*r); }, Qt::QueuedConnection);
    }).detach();
}

} // namespace

void register_images_archive(HelperContext& ctx)
{
    ctx.dispatcher->add("images.save", [&ctx](const Call& call) {
        auto p = decode_image_save(call.params());
        if (!p) return call.fail(p.error());
        auto& store = ctx.containers->images();
        std::vector<image::SaveItem> items;
        for (const auto& ref : p->images) {
            auto img = store.resolve(ref);
            if (!img) return call.fail(std::move(img).error());
            image::SaveItem it;
            it.record = img.value();
            // Saved under the name asked for when it is one of the image's names, else its first.
            for (const auto& t : it.record.repo_tags)
                if (t == ref || t == ref + ":latest") it.name_tag = t;
            if (it.name_tag.empty() && !it.record.repo_tags.empty()) it.name_tag = it.record.repo_tags.front();
            items.push_back(std::move(it));
        }
        const Identity who = VolumeSource::identity_of(call.peer().uid, call.peer().gid);
        const std::string path = p->path;
        using R = Result<image::SaveResult>;
        off_loop<R>(
            [&store, items, who, path]() -> R {
                auto fd = UserFile::open_as(path, O_WRONLY | O_CREAT | O_TRUNC, 0644, who);
                if (!fd) return std::move(fd).error().wrap("save: open the archive");
                auto r = image::save_images(store, items, fd->get());
                if (r && ::fsync(fd->get()) < 0) r = Error::from_errno("save: sync " + path);
                if (!r)  // no half archive left behind (the caller gets the cause of the failure)
                    if (auto rm = UserFile::remove_as(path, who); !rm)
                        qWarning("helper: save failed and its partial archive stays: %s", rm.error().message().c_str());
                return r;
            },
            [call](R& r) {
                if (!r) return call.fail(r.error());
                call.reply({{"id", r->id}, {"rewritten", r->rewritten}, {"bytes", r->bytes}});
            });
    });

    ctx.dispatcher->add("images.load", [&ctx](const Call& call) {
        auto p = decode_image_load(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin()) return call.fail(Error(Errc::permission_denied, "only root may load images (their names are shared)"));
        auto& store = ctx.containers->images();
        const Identity who = VolumeSource::identity_of(call.peer().uid, call.peer().gid);
        const std::string path = p->path;
        struct Out {
            Result<std::vector<image::LoadedImage>> r = Error(Errc::internal, "");
            image::ArchiveError why;
        };
        off_loop<Out>(
            [&store, who, path]() -> Out {
                Out o;
                auto fd = UserFile::open_as(path, O_RDONLY, 0, who);
                if (!fd) {
                    o.r = std::move(fd).error().wrap("load: open the archive");
                    return o;
                }
                o.r = image::load_images(store, fd->get(), &o.why);
                return o;
            },
            [call](Out& o) {
                if (!o.r) {
                    if (!o.why.reason.empty()) return call.fail(o.r.error(), json{{"reason", o.why.reason}});
                    return call.fail(o.r.error());
                }
                json images = json::array();
                for (const auto& li : o.r.value()) images.push_back(image_json(li.record));
                call.reply({{"images", images}});
            });
    });
}

} // namespace onggi::helper

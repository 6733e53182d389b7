// images.save / images.load: docker save / docker load (engine/image/image_archive.h).
//
// Why it is safe: the archive file is opened with the caller's own credentials (UserFile), so a
// member of group onggi reads and writes only what their uid may; the helper never opens the
// path as root for them. save is open to every member (images are shared and visible to all);
// load is root only, as images.tag: it names images for everyone (`run nginx` would start what
// a member loaded as nginx). The work runs on a worker thread (an archive can be gigabytes;
// WorkerThreads joins it at shutdown, cancelled) and the reply is sent from the event loop. A
// load stages and unpacks at most --max-load-size bytes and leaves 256 MiB free on the disk. A
// refused archive is answered with error.data.reason (archive_path, archive_missing_blob,
// archive_digest_mismatch, archive_truncated, archive_format, archive_too_large) and leaves the
// store as it was. Each loaded image is announced as a `load` image event.
#include "engine/image/image_archive.h"
#include "helper/handlers/handlers.h"
#include "helper/user_file.h"

#include <QMetaObject>
#include <QPointer>

#include <fcntl.h>

#include <chrono>

namespace onggi::helper {
namespace {

// A save's or a load's progress as images.archive.progress notifications to the connection that
// asked: from the worker thread to the event loop (loop: an object living there), at most every
// 100 ms within a phase, and the first and last of each phase always.
image::ArchiveProgressFn progress_to(QPointer<Connection> conn, QObject* loop, const std::string& op,
                                     const std::string& path)
{
    struct State {
        std::string phase;
        std::chrono::steady_clock::time_point last;
    };
    auto st = std::make_shared<State>();
    return [conn, loop, op, path, st](const char* phase, uint64_t current, uint64_t total) {
        const auto now = std::chrono::steady_clock::now();
        const bool last = total && current >= total;
        if (phase == st->phase && !last && now - st->last < std::chrono::milliseconds(100)) return;
        st->phase = phase;
        st->last = now;
        json n = {{"op", op}, {"path", path}, {"phase", phase}, {"current", current}, {"total", total}};
        QMetaObject::invokeMethod(
            loop,
            [conn, n] {
                if (conn) conn->notify("images.archive.progress", n);
            },
            Qt::QueuedConnection);
    };
}

}  // namespace

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
        auto progress =
            p->progress ? progress_to(call.connection(), ctx.workers, "save", path) : image::ArchiveProgressFn{};
        const bool started = ctx.workers->run<R>(
            [&store, items, who, path, progress](const std::atomic<bool>& cancel) -> R {
                auto fd = UserFile::open_as(path, O_WRONLY | O_CREAT | O_TRUNC, 0644, who);
                if (!fd) return std::move(fd).error().wrap("save: open the archive");
                auto r = image::save_images(store, items, fd->get(), &cancel, progress);
                if (r && ::fsync(fd->get()) < 0) r = Error::from_errno("save: sync " + path);
                if (!r)  // no half archive left behind (the caller gets the cause of the failure)
                    if (auto rm = UserFile::remove_as(path, who); !rm)
                        qWarning("helper: save failed and its partial archive stays: %s", rm.error().message().c_str());
                return r;
            },
            [call, workers = ctx.workers](R& r) {
                if (!r) return fail_job(call, r.error(), *workers);
                call.reply({{"id", r->id}, {"rewritten", r->rewritten}, {"bytes", r->bytes}});
            });
        if (!started) call.fail(Error(Errc::bad_state, "the helper is stopping"), helper_stopping_data());
    });

    ctx.dispatcher->add("images.load", [&ctx](const Call& call) {
        auto p = decode_image_load(call.params());
        if (!p) return call.fail(p.error());
        if (!call.peer().admin())
            return call.fail(Error(Errc::permission_denied, "only root may load images (their names are shared)"));
        auto& store = ctx.containers->images();
        const Identity who = VolumeSource::identity_of(call.peer().uid, call.peer().gid);
        const std::string path = p->path;
        struct Out {
            Result<std::vector<image::LoadedImage>> r = Error(Errc::internal, "");
            image::ArchiveError why;
        };
        const uint64_t max_bytes = ctx.containers->config().max_load_bytes;
        EventBus* events = ctx.events;
        auto progress =
            p->progress ? progress_to(call.connection(), ctx.workers, "load", path) : image::ArchiveProgressFn{};
        const bool started = ctx.workers->run<Out>(
            [&store, who, path, max_bytes, progress](const std::atomic<bool>& cancel) -> Out {
                Out o;
                auto fd = UserFile::open_as(path, O_RDONLY, 0, who);
                if (!fd) {
                    o.r = std::move(fd).error().wrap("load: open the archive");
                    return o;
                }
                image::LoadOptions opt;
                opt.max_bytes = max_bytes;
                opt.cancel = &cancel;
                opt.progress = progress;
                o.r = image::load_images(store, fd->get(), &o.why, opt);
                return o;
            },
            [call, events, workers = ctx.workers](Out& o) {
                if (!o.r) {
                    if (!o.why.reason.empty()) return call.fail(o.r.error(), json{{"reason", o.why.reason}});
                    return fail_job(call, o.r.error(), *workers);
                }
                json images = json::array();
                for (const auto& li : o.r.value()) {
                    images.push_back(image_json(li.record));
                    events->publish_image("load", li.record.id, li.names.empty() ? "<none>" : li.names.front());
                }
                call.reply({{"images", images}});
            });
        if (!started) call.fail(Error(Errc::bad_state, "the helper is stopping"), helper_stopping_data());
    });
}

}  // namespace onggi::helper

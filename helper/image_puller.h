// ImagePuller: one `images.pull` — the OCI distribution API v2 over QtNetwork, into the ImageStore.
//
//  1. GET /v2/<repo>/manifests/<tag|digest> (Accept: OCI + Docker schema2 manifests and indexes).
//     A 401 answers with WWW-Authenticate: Bearer realm/service/scope -> a token from the realm
//     (with the pull's basic credentials when given), or Basic -> the pull's credentials.
//  2. An index/manifest list -> the entry for the host's platform (else not_found naming what is
//     there) -> that manifest, by digest. Every document fetched by digest is verified.
//  3. The config blob (verified) gives diff_ids, Entrypoint, Cmd, Env, WorkingDir, User.
//  4. Layers, 3 downloads at a time (docker's default), each unpacked WHILE it downloads: the
//     reply's buffers go through a LayerPipe (no copy, no compressed blob on disk) to
//     ImageStore::install_layer on a worker thread. The blob digest is hashed on the way and
//     checked when the last byte is in, before the extractor may see the end of the stream: a
//     mismatch (or a body longer than declared, or a cut connection) fails the pipe, and the
//     half-unpacked layer (a .tmp-* directory) is removed; the diff_id is checked by the store.
//     A full pipe stops reading the socket until the extractor has drained half of it. Network
//     errors and 5xx are retried (3 tries, the layer unpacked again from the start). A layer
//     already unpacked is not downloaded ("Already exists").
//  5. The record is written last: a killed helper leaves at most complete layers that no image
//     uses yet (kept an hour for the retry: ImageStore::collect_layers) and temp files (removed
//     at start), never a half layer or a record without layers. Layers being installed are
//     pinned, so no collection removes them before the record is written.
// Redirects (blob storage) are followed by hand: the Authorization header goes only to the
// registry's own scheme://host:port. Plain http only for loopback hosts or hosts the admin
// listed (--insecure-registry). Every request has a transfer timeout: a stalling registry fails.
// Credentials live in this object for the pull only and are never written anywhere.
#pragma once

#include "engine/image/image_manifest.h"
#include "engine/image/image_reference.h"
#include "engine/image/image_store.h"
#include "engine/image/layer_pipe.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace onggi::helper {

struct PullOptions {
    std::string username, password;  // for this pull only (basic, or sent to the token realm)
    std::set<std::string> insecure;  // "host:port" allowed over plain http
    int timeout_ms = 30000;          // no byte for this long -> the request fails
    int parallel = 3;                // layer downloads at a time
    int tries = 3;                   // per blob, on network errors and 5xx
    uint64_t max_layer_bytes = uint64_t(16) << 30;
    uint64_t max_document_bytes = 4u << 20;  // manifests, configs, token answers
    image::Platform platform = image::host_platform();
};

// One line of progress: a layer (id = 12 hex of its blob digest) or the whole pull (id empty).
struct PullProgress {
    std::string id;
    std::string phase;  // resolving, waiting, downloading, verifying, extracting, already_exists, done, retrying
    uint64_t current = 0, total = 0;
    std::string message;
};

// A challenge from WWW-Authenticate: scheme ("bearer"/"basic", lowercase) and its parameters.
struct AuthChallenge {
    std::string scheme;
    std::map<std::string, std::string> params;
};
// Parses `Bearer realm="https://auth",service="reg",scope="repository:x:pull"`; empty scheme
// when it cannot be read.
AuthChallenge parse_www_authenticate(const std::string& header);

class ImagePuller : public QObject {
    Q_OBJECT
public:
    using ProgressFn = std::function<void(const PullProgress&)>;
    using DoneFn = std::function<void(Result<image::ImageRecord>)>;

    ImagePuller(image::ImageStore& store, image::ImageReference ref, PullOptions opt, QObject* parent = nullptr);
    ~ImagePuller() override;

    void on_progress(ProgressFn f) { progress_ = std::move(f); }
    void on_done(DoneFn f) { done_ = std::move(f); }
    void start();
    void cancel();
    // At helper shutdown, with no event loop left to deliver the downloads' and extractors'
    // completions: aborts the requests, waits for the extractors (they stop at their next block
    // and remove their half layers) and finishes with `why` (done is called, once).
    void stop_now(Error why);
    const image::ImageReference& reference() const { return ref_; }

private:
    struct Response {
        int status = 0;
        QByteArray body;
        std::string content_type, docker_digest;
    };
    struct Fetch {
        QUrl url;
        std::string accept;
        uint64_t max_bytes = 0;
        // Streamed sink for a 2xx body (blobs); null = keep the body (documents).
        std::function<Status(QByteArray)> sink;
        // While it returns true the reply is not read (the consumer is behind); resume() reads on.
        std::function<bool()> paused;
        std::function<void()> resume;
        std::function<void(uint64_t)> on_bytes;
        std::function<void(Result<Response>)> done;
        int redirects = 0;
        bool auth_retried = false;
        bool to_registry = true;  // false after a redirect to another host
    };
    struct Layer {
        image::Descriptor desc;
        std::string diff_id;
        std::string short_id;
        int tries = 0;
        bool started = false, finished = false;
        int attempt = 0;     // callbacks of an earlier attempt are ignored
        bool retry = false;  // the download failed transiently: unpack again once both stopped
        // A streamed layer is over when both its download and its extractor are.
        bool fetch_done = false, extract_done = false;
        std::optional<Error> fetch_error, extract_error;
        std::shared_ptr<image::LayerPipe> pipe;
    };

    QUrl registry_url(const std::string& path) const;
    Status scheme_allowed(const QUrl& u) const;
    bool same_origin(const QUrl& a, const QUrl& b) const;
    void fetch(std::shared_ptr<Fetch> f);
    void fetch_token(const AuthChallenge& c, std::function<void(Status)> then);
    void report(const std::string& id, const std::string& phase, uint64_t cur = 0, uint64_t total = 0,
                const std::string& msg = {});

    void get_manifest(const std::string& ref, bool by_digest);
    void got_manifest(const std::string& ref, bool by_digest, Response r);
    void get_config();
    void start_layers();
    void pump();
    void download(size_t i);
    void fetch_layer(size_t i, std::shared_ptr<image::LayerPipe> pipe);
    void unpack(size_t i, const std::string& blob_path);
    void unpack_stream(size_t i, std::shared_ptr<image::LayerPipe> pipe);
    void stream_step(size_t i);
    void fail_pipes();
    void layer_finished(size_t i, Status st);
    void finish(Result<image::ImageRecord> r);

    image::ImageStore& store_;
    image::ImageReference ref_;
    PullOptions opt_;
    QNetworkAccessManager* nam_;
    QUrl base_;
    std::string auth_header_;  // "Bearer ..." or "Basic ..." for the registry origin
    ProgressFn progress_;
    DoneFn done_;
    std::string manifest_digest_;
    image::ImageManifest manifest_;
    std::string config_text_;
    image::ImageConfig config_;
    std::vector<Layer> layers_;
    int active_ = 0;
    std::set<QNetworkReply*> replies_;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    QThreadPool pool_;
    bool finished_ = false;
    std::optional<Error> pending_error_;  // the first layer error; others are then cancelled
    std::vector<std::string> pinned_;
};

}  // namespace onggi::helper

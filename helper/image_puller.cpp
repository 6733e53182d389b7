#include "helper/image_puller.h"
#include "engine/image/content_digest.h"
#include "engine/image/image_errors.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace onggi::helper {

using json = nlohmann::json;
using image::kBadImage;
using image::kCancelled;
using image::kRegistryError;

AuthChallenge parse_www_authenticate(const std::string& h)
{
    AuthChallenge c;
    size_t i = 0;
    while (i < h.size() && h[i] == ' ') ++i;
    size_t sp = h.find(' ', i);
    std::string scheme = h.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
    for (auto& ch : scheme) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme != "bearer" && scheme != "basic") return c;
    c.scheme = scheme;
    if (sp == std::string::npos) return c;
    i = sp + 1;
    while (i < h.size()) {
        while (i < h.size() && (h[i] == ' ' || h[i] == ',')) ++i;
        size_t eq = h.find('=', i);
        if (eq == std::string::npos) break;
        std::string key = h.substr(i, eq - i);
        for (auto& ch : key) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        i = eq + 1;
        std::string val;
        if (i < h.size() && h[i] == '"') {
            ++i;
            while (i < h.size() && h[i] != '"') {
                if (h[i] == '\\' && i + 1 < h.size()) ++i;
                val += h[i++];
            }
            ++i;  // closing quote
        } else {
            size_t end = h.find(',', i);
            val = h.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? h.size() : end;
        }
        c.params[key] = val;
    }
    return c;
}

ImagePuller::ImagePuller(image::ImageStore& store, image::ImageReference ref, PullOptions opt, QObject* parent)
    : QObject(parent), store_(store), ref_(std::move(ref)), opt_(std::move(opt)), nam_(new QNetworkAccessManager(this))
{
    pool_.setMaxThreadCount(std::max(1, opt_.parallel));
    const bool plain = ref_.loopback() || opt_.insecure.count(ref_.domain);
    base_ = QUrl(QString::fromStdString((plain ? "http://" : "https://") + ref_.registry_host()));
}

ImagePuller::~ImagePuller()
{
    cancel_->store(true);
    for (auto* r : replies_) {
        r->disconnect(this);
        r->abort();
    }
    fail_pipes();  // extractors waiting for bytes that will not come
    pool_.waitForDone();
    for (const auto& d : pinned_) store_.unpin_layer(d);
}

void ImagePuller::fail_pipes()
{
    for (auto& l : layers_)
        if (l.pipe) l.pipe->fail(pending_error_ ? *pending_error_ : Error(kCancelled, "pull cancelled"));
}

void ImagePuller::report(const std::string& id, const std::string& phase, uint64_t cur, uint64_t total,
                         const std::string& msg)
{
    if (progress_) progress_({id, phase, cur, total, msg});
}

QUrl ImagePuller::registry_url(const std::string& path) const
{
    QUrl u = base_;
    u.setPath(QString::fromStdString(path));
    return u;
}

Status ImagePuller::scheme_allowed(const QUrl& u) const
{
    if (u.scheme() == QLatin1String("https")) return {};
    if (u.scheme() == QLatin1String("http")) {
        const std::string host = u.host().toStdString();
        const std::string hostport = host + (u.port() > 0 ? ":" + std::to_string(u.port()) : "");
        if (host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0 || opt_.insecure.count(hostport) ||
            opt_.insecure.count(host))
            return {};
        return Error(kRegistryError,
                     "refusing plain http to " + hostport + " (only loopback or --insecure-registry hosts)");
    }
    return Error(kRegistryError, "refusing URL scheme '" + u.scheme().toStdString() + "'");
}

bool ImagePuller::same_origin(const QUrl& a, const QUrl& b) const
{
    auto port = [](const QUrl& u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

void ImagePuller::fetch(std::shared_ptr<Fetch> f)
{
    if (cancel_->load()) return f->done(Error(kCancelled, "pull cancelled"));
    if (auto ok = scheme_allowed(f->url); !ok) return f->done(ok.error());
    QNetworkRequest req(f->url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(opt_.timeout_ms);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("onggi/" ONGGI_VERSION));
    if (!f->accept.empty()) req.setRawHeader("Accept", QByteArray::fromStdString(f->accept));
    // The registry's credentials go to the registry's own origin only, never to a redirect target.
    if (f->to_registry && !auth_header_.empty() && same_origin(f->url, base_))
        req.setRawHeader("Authorization", QByteArray::fromStdString(auth_header_));
    QNetworkReply* reply = nam_->get(req);
    reply->setReadBufferSize(1 << 20);  // a paused sink stops the socket at 1 MiB
    replies_.insert(reply);

    struct State {
        QByteArray body;
        uint64_t got = 0;
        Error error;
        bool failed = false;
    };
    auto st = std::make_shared<State>();
    auto ok_status = [reply] {
        int s = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return s >= 200 && s < 300;
    };
    // force: read even when the sink is paused (the reply has finished: what is left is < 1 MiB).
    auto read_some = [this, reply, f, st, ok_status](bool force) {
        if (!force && f->paused && f->paused()) return;
        QByteArray chunk = reply->readAll();
        if (chunk.isEmpty() || st->failed) return;
        if (!ok_status()) {  // an error page: keep a little of it for the message
            if (st->body.size() < 4096) st->body += chunk.left(4096 - st->body.size());
            return;
        }
        st->got += uint64_t(chunk.size());
        if (f->max_bytes && st->got > f->max_bytes) {
            st->failed = true;
            st->error = Error(kBadImage, f->url.path().toStdString() +
                                             ": the registry sent more than the declared or allowed " +
                                             std::to_string(f->max_bytes) + " bytes");
            reply->abort();
            return;
        }
        if (f->sink) {
            if (auto w = f->sink(std::move(chunk)); !w) {
                st->failed = true;
                st->error = std::move(w).error();
                reply->abort();
                return;
            }
        } else {
            st->body += chunk;
        }
        if (f->on_bytes) f->on_bytes(st->got);
    };
    QPointer<QNetworkReply> guard(reply);
    f->resume = [guard, read_some] {
        if (guard) read_some(false);
    };
    connect(reply, &QNetworkReply::readyRead, this, [read_some] { read_some(false); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, f, st, read_some] {
        read_some(true);
        f->resume = nullptr;
        replies_.erase(reply);
        reply->deleteLater();
        if (st->failed) return f->done(st->error);
        if (cancel_->load()) return f->done(Error(kCancelled, "pull cancelled"));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const std::string where = f->url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toStdString();
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            return f->done(Error(Errc::timeout, where + ": no data for " +
                                                    std::to_string(opt_.timeout_ms / 1000.0).substr(0, 4) + " s"));
        if (status == 0) return f->done(Error(kRegistryError, where + ": " + reply->errorString().toStdString()));
        if (status >= 300 && status < 400) {
            QByteArray loc = reply->rawHeader("Location");
            if (loc.isEmpty()) return f->done(Error(kRegistryError, where + ": redirect without Location"));
            if (++f->redirects > 5) return f->done(Error(kRegistryError, where + ": too many redirects"));
            QUrl next = f->url.resolved(QUrl(QString::fromUtf8(loc)));
            if (!same_origin(next, base_)) f->to_registry = false;
            f->url = next;
            return fetch(f);
        }
        if (status == 401 && f->to_registry && !f->auth_retried) {
            f->auth_retried = true;
            AuthChallenge c = parse_www_authenticate(reply->rawHeader("WWW-Authenticate").toStdString());
            if (c.scheme == "bearer") {
                return fetch_token(c, [this, f](Status s) {
                    if (!s) return f->done(std::move(s).error());
                    fetch(f);
                });
            }
            if (c.scheme == "basic") {
                if (opt_.username.empty())
                    return f->done(Error(Errc::permission_denied,
                                         "registry " + ref_.domain + " asks for a user name and password"));
                auth_header_ =
                    "Basic " + QByteArray::fromStdString(opt_.username + ":" + opt_.password).toBase64().toStdString();
                return fetch(f);
            }
            return f->done(Error(kRegistryError, where + ": 401 with an authentication scheme we do not speak"));
        }
        if (status == 401 || status == 403)
            return f->done(Error(Errc::permission_denied, "registry " + ref_.domain + " refused access to " +
                                                              ref_.repository + " (" + std::to_string(status) + ")"));
        if (status == 404) return f->done(Error(Errc::not_found, where + ": not found in registry " + ref_.domain));
        if (status < 200 || status >= 300)
            return f->done(Error(kRegistryError, where + ": HTTP " + std::to_string(status) + " " +
                                                     st->body.left(200).simplified().toStdString()));
        if (reply->error() != QNetworkReply::NoError)
            return f->done(Error(kRegistryError, where + ": " + reply->errorString().toStdString()));
        Response r;
        r.status = status;
        r.body = std::move(st->body);
        r.content_type = reply->header(QNetworkRequest::ContentTypeHeader).toString().toStdString();
        r.docker_digest = reply->rawHeader("Docker-Content-Digest").toStdString();
        f->done(std::move(r));
    });
}

void ImagePuller::fetch_token(const AuthChallenge& c, std::function<void(Status)> then)
{
    auto realm_it = c.params.find("realm");
    if (realm_it == c.params.end() || realm_it->second.empty())
        return then(Error(kRegistryError, "Bearer challenge without a realm"));
    QUrl realm(QString::fromStdString(realm_it->second));
    if (!realm.isValid() || realm.host().isEmpty()) return then(Error(kRegistryError, "Bearer realm is not a URL"));
    if (auto ok = scheme_allowed(realm); !ok) return then(std::move(ok).error().wrap("token realm"));
    QUrlQuery q(realm);
    if (auto s = c.params.find("service"); s != c.params.end())
        q.addQueryItem("service", QString::fromStdString(s->second));
    auto scope = c.params.find("scope");
    q.addQueryItem("scope", QString::fromStdString(
                                scope != c.params.end() ? scope->second : "repository:" + ref_.repository + ":pull"));
    realm.setQuery(q);

    QNetworkRequest req(realm);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setTransferTimeout(opt_.timeout_ms);
    if (!opt_.username.empty())
        req.setRawHeader("Authorization",
                         "Basic " + QByteArray::fromStdString(opt_.username + ":" + opt_.password).toBase64());
    QNetworkReply* reply = nam_->get(req);
    replies_.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, then] {
        replies_.erase(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401 || status == 403)
            return then(Error(Errc::permission_denied, "the token service refused the credentials"));
        if (status != 200)
            return then(Error(kRegistryError, "token service: " + (status ? "HTTP " + std::to_string(status)
                                                                          : reply->errorString().toStdString())));
        QByteArray body = reply->read(qint64(opt_.max_document_bytes) + 1);
        if (uint64_t(body.size()) > opt_.max_document_bytes)
            return then(Error(kRegistryError, "token service: answer too large"));
        json j = json::parse(body.toStdString(), nullptr, false);
        std::string token;
        if (j.is_object()) {
            if (j.contains("token") && j["token"].is_string()) token = j["token"].get<std::string>();
            else if (j.contains("access_token") && j["access_token"].is_string())
                token = j["access_token"].get<std::string>();
        }
        if (token.empty() || token.size() > 64 * 1024 || token.find_first_of("\r\n") != std::string::npos)
            return then(Error(kRegistryError, "token service: no usable token in its answer"));
        auth_header_ = "Bearer " + token;
        then({});
    });
}

void ImagePuller::start()
{
    report("", "resolving", 0, 0, ref_.familiar());
    get_manifest(ref_.manifest_ref(), !ref_.digest.empty());
}

void ImagePuller::cancel()
{
    if (finished_) return;
    cancel_->store(true);
    for (auto* r : std::set<QNetworkReply*>(replies_)) r->abort();
    fail_pipes();
    // Downloads report through their done callbacks; unpacking threads stop at the next block.
    if (active_ == 0) finish(Error(kCancelled, "pull cancelled"));
}

void ImagePuller::stop_now(Error why)
{
    if (finished_) return;
    cancel_->store(true);
    for (auto* r : std::set<QNetworkReply*>(replies_)) {
        r->disconnect(this);  // their finished() would start retries or report to a pull that ends here
        r->abort();
    }
    fail_pipes();
    pool_.waitForDone();
    finish(std::move(why));
}

void ImagePuller::get_manifest(const std::string& ref, bool by_digest)
{
    auto f = std::make_shared<Fetch>();
    f->url = registry_url("/v2/" + ref_.repository + "/manifests/" + ref);
    f->accept = image::media::accept_manifests;
    f->max_bytes = opt_.max_document_bytes;
    f->done = [this, ref, by_digest](Result<Response> r) {
        if (!r) return finish(std::move(r).error().wrap("manifest " + ref_.familiar()));
        got_manifest(ref, by_digest, std::move(r).value());
    };
    fetch(f);
}

void ImagePuller::got_manifest(const std::string& ref, bool by_digest, Response r)
{
    const std::string body = r.body.toStdString();
    const std::string digest = "sha256:" + image::ContentDigest::hex(body);
    if (by_digest && digest != ref)
        return finish(Error(kBadImage, "manifest digest mismatch: asked for " + ref + ", got " + digest));
    auto kind = image::manifest_kind(body, r.content_type);
    if (!kind) return finish(std::move(kind).error());
    if (image::is_index_type(kind.value())) {
        if (by_digest && ref != ref_.digest) return finish(Error(kBadImage, "an index points at another index"));
        auto idx = image::parse_index(body);
        if (!idx) return finish(std::move(idx).error());
        auto pick = idx->select(opt_.platform);
        if (!pick) return finish(std::move(pick).error().wrap(ref_.familiar()));
        if (manifest_digest_.empty()) manifest_digest_ = digest;  // docker's RepoDigest is the index's
        if (auto put = store_.blobs().put(digest, body); !put) return finish(std::move(put).error());
        return get_manifest(pick->digest, true);
    }
    auto m = image::parse_manifest(body);
    if (!m) return finish(std::move(m).error());
    if (manifest_digest_.empty()) manifest_digest_ = digest;
    if (auto put = store_.blobs().put(digest, body); !put) return finish(std::move(put).error());
    manifest_ = std::move(m).value();
    get_config();
}

void ImagePuller::get_config()
{
    const auto& d = manifest_.config;
    if (d.size > opt_.max_document_bytes) return finish(Error(kBadImage, "image config larger than the limit"));
    auto f = std::make_shared<Fetch>();
    f->url = registry_url("/v2/" + ref_.repository + "/blobs/" + d.digest);
    f->max_bytes = d.size;
    f->done = [this, d](Result<Response> r) {
        if (!r) return finish(std::move(r).error().wrap("image config"));
        const std::string body = r->body.toStdString();
        auto put = store_.blobs().put(d.digest, body);  // verifies digest and size
        if (!put) return finish(std::move(put).error().wrap("image config"));
        auto cfg = image::parse_config(body);
        if (!cfg) return finish(std::move(cfg).error());
        config_ = std::move(cfg).value();
        if (config_.diff_ids.size() != manifest_.layers.size())
            return finish(Error(kBadImage, "image config has " + std::to_string(config_.diff_ids.size()) +
                                               " diff_ids for " + std::to_string(manifest_.layers.size()) + " layers"));
        if (!config_.platform.os.empty() && config_.platform.os != opt_.platform.os)
            return finish(Error(Errc::unsupported, "image is for " + config_.platform.to_string() +
                                                       ", this host runs " + opt_.platform.to_string()));
        config_text_ = body;
        start_layers();
    };
    fetch(f);
}

void ImagePuller::start_layers()
{
    for (size_t i = 0; i < manifest_.layers.size(); ++i) {
        Layer l;
        l.desc = manifest_.layers[i];
        l.diff_id = config_.diff_ids[i];
        l.short_id = l.desc.digest.substr(7, 12);
        if (l.desc.size > opt_.max_layer_bytes)
            return finish(Error(kBadImage, "layer " + l.short_id + " is larger than the limit"));
        layers_.push_back(l);
    }
    for (auto& l : layers_) {
        if (store_.has_layer(l.diff_id)) {
            l.started = l.finished = true;
            report(l.short_id, "already_exists", l.desc.size, l.desc.size);
        } else {
            store_.pin_layer(l.diff_id);
            pinned_.push_back(l.diff_id);
            report(l.short_id, "waiting", 0, l.desc.size);
        }
    }
    pump();
}

void ImagePuller::pump()
{
    if (finished_) return;
    bool all = true;
    for (size_t i = 0; i < layers_.size(); ++i) {
        if (!layers_[i].finished) all = false;
        if (!layers_[i].started && active_ < opt_.parallel) {
            layers_[i].started = true;
            ++active_;
            download(i);
        }
    }
    if (!all) return;
    auto rec = store_.add_image(manifest_.config.digest, config_, ref_.familiar_name(),
                                ref_.tag.empty() ? "<none>" : ref_.tag, manifest_digest_);
    if (!rec) return finish(std::move(rec).error());
    // Compressed layers are not kept once unpacked (the layer directory is the content).
    // One left behind is an orphan that the next prune collects: said in the log, not an error of the pull.
    for (const auto& l : layers_)
        if (auto rm = store_.blobs().remove(l.desc.digest); !rm)
            qWarning("helper: pull: the unpacked layer's blob stays: %s", rm.error().message().c_str());
    finish(std::move(rec).value());
}

void ImagePuller::download(size_t i)
{
    Layer& l = layers_[i];
    if (store_.blobs().has(l.desc.digest)) {  // verified by a pull that was killed before unpacking
        auto p = store_.blobs().path(l.desc.digest);
        report(l.short_id, "verifying", l.desc.size, l.desc.size);
        return unpack(i, p.value());
    }
    ++l.attempt;
    l.retry = l.fetch_done = l.extract_done = false;
    l.fetch_error.reset();
    l.extract_error.reset();
    l.pipe = std::make_shared<image::LayerPipe>();
    unpack_stream(i, l.pipe);
    fetch_layer(i, l.pipe);
}

void ImagePuller::fetch_layer(size_t i, std::shared_ptr<image::LayerPipe> pipe)
{
    const Layer& l = layers_[i];
    auto f = std::make_shared<Fetch>();
    f->url = registry_url("/v2/" + ref_.repository + "/blobs/" + l.desc.digest);
    f->max_bytes = l.desc.size;
    auto hash = std::make_shared<image::ContentDigest>();
    auto received = std::make_shared<uint64_t>(0);
    f->sink = [pipe, hash, received](QByteArray chunk) -> Status {
        hash->update(chunk.constData(), size_t(chunk.size()));
        *received += uint64_t(chunk.size());
        auto owner = std::make_shared<const QByteArray>(std::move(chunk));
        pipe->push(owner, owner->constData(), size_t(owner->size()));
        return {};
    };
    f->paused = [pipe] { return pipe->full(); };
    // Called on the extractor's thread: read on in the event loop.
    std::weak_ptr<Fetch> weak = f;
    QPointer<ImagePuller> self(this);
    pipe->on_drained([self, weak] {
        QMetaObject::invokeMethod(
            self,
            [weak] {
                if (auto f = weak.lock(); f && f->resume) f->resume();
            },
            Qt::QueuedConnection);
    });
    auto last = std::make_shared<uint64_t>(0);
    const std::string id = l.short_id;
    const uint64_t total = l.desc.size;
    f->on_bytes = [this, id, total, last](uint64_t got) {
        if (got - *last >= (256u << 10) || got == total) {
            *last = got;
            report(id, "downloading", got, total);
        }
    };
    report(id, "downloading", 0, total);
    const int attempt = l.attempt;
    f->done = [this, i, pipe, hash, received, attempt](Result<Response> r) {
        Layer& l = layers_[i];
        if (l.finished || l.attempt != attempt) return;
        l.fetch_done = true;
        if (!r) {
            const Errc c = r.error().code;
            const bool transient = c == kRegistryError || c == Errc::timeout;
            if (transient && l.tries + 1 < opt_.tries && !cancel_->load()) {
                ++l.tries;
                l.retry = true;
                report(l.short_id, "retrying", 0, l.desc.size, r.error().message());
            }
            l.fetch_error = std::move(r).error().wrap("layer " + l.short_id);
        } else {
            // The digest is checked before the extractor may see the end of the stream. (The
            // hash covers every byte received, also those an extractor that gave up dropped.)
            const uint64_t got = *received;
            const std::string digest = hash->finish_digest();
            if (got != l.desc.size)
                l.fetch_error = Error(kBadImage, "layer " + l.short_id + ": the registry sent " + std::to_string(got) +
                                                     " bytes, the manifest declared " + std::to_string(l.desc.size));
            else if (digest != l.desc.digest)
                l.fetch_error = Error(kBadImage, "layer " + l.short_id + ": blob digest mismatch: expected " +
                                                     l.desc.digest + ", got " + digest);
        }
        if (l.fetch_error) {
            pipe->fail(*l.fetch_error);
        } else {
            if (!l.extract_done) report(l.short_id, "extracting", l.desc.size, l.desc.size);
            pipe->close();
        }
        stream_step(i);
    };
    fetch(f);
}

void ImagePuller::unpack_stream(size_t i, std::shared_ptr<image::LayerPipe> pipe)
{
    const Layer& l = layers_[i];
    const std::string diff_id = l.diff_id;
    const int attempt = l.attempt;
    auto cancel = cancel_;
    image::ImageStore* store = &store_;
    QPointer<ImagePuller> self(this);
    pool_.start([self, store, pipe, diff_id, cancel, i, attempt] {
        image::LayerSource source = [&pipe](const void** out, Error* err) { return pipe->read(out, err); };
        auto r = store->install_layer(source, diff_id, {}, cancel.get());
        pipe->abandon();  // a download still running drops its bytes (the pull is failing)
        Status st = r ? Status() : Status(std::move(r).error());
        QMetaObject::invokeMethod(
            self,
            [self, i, attempt, st] {
                if (!self) return;
                Layer& l = self->layers_[i];
                if (l.finished || l.attempt != attempt) return;
                l.extract_done = true;
                if (!st) l.extract_error = st.error();
                self->stream_step(i);
            },
            Qt::QueuedConnection);
    });
}

// An extractor that failed first (a damaged stream) lets the download run to its end, so that a
// blob that is not what the manifest says is reported as that (the digest), not as its symptom.
void ImagePuller::stream_step(size_t i)
{
    Layer& l = layers_[i];
    if (!l.fetch_done || !l.extract_done) return;
    l.pipe.reset();
    if (l.retry && !cancel_->load()) return download(i);  // the half layer is gone: start over
    if (l.fetch_error) return layer_finished(i, *l.fetch_error);
    if (l.extract_error) return layer_finished(i, *l.extract_error);
    layer_finished(i, {});
}

void ImagePuller::unpack(size_t i, const std::string& blob_path)
{
    Layer& l = layers_[i];
    report(l.short_id, "extracting", 0, l.desc.size);
    const std::string diff_id = l.diff_id;
    const std::string id = l.short_id;
    const uint64_t total = l.desc.size;
    auto cancel = cancel_;
    image::ImageStore* store = &store_;
    QPointer<ImagePuller> self(this);
    pool_.start([self, store, blob_path, diff_id, id, total, cancel, i] {
        auto on_progress = [self, id, total](uint64_t done) {
            QMetaObject::invokeMethod(
                self,
                [self, id, total, done] {
                    if (self) self->report(id, "extracting", done, total);
                },
                Qt::QueuedConnection);
        };
        auto r = store->install_layer(blob_path, diff_id, {}, cancel.get(), on_progress);
        Status st = r ? Status() : Status(std::move(r).error());
        QMetaObject::invokeMethod(
            self,
            [self, i, st] {
                if (self) self->layer_finished(i, st);
            },
            Qt::QueuedConnection);
    });
}

void ImagePuller::layer_finished(size_t i, Status st)
{
    Layer& l = layers_[i];
    --active_;
    l.finished = true;
    if (!st) {
        // A damaged blob must not be reused by the next pull.
        if (st.error().code == kBadImage)
            if (auto rm = store_.blobs().remove(l.desc.digest); !rm)
                qWarning("helper: pull: a damaged blob stays: %s", rm.error().message().c_str());
        if (!finished_) {
            cancel_->store(true);
            if (!pending_error_) pending_error_ = st.error();
            for (auto* r : std::set<QNetworkReply*>(replies_)) r->abort();
            fail_pipes();
        }
    } else {
        report(l.short_id, "done", l.desc.size, l.desc.size);
    }
    if (cancel_->load()) {
        if (active_ == 0 && !finished_)
            finish(pending_error_ ? Result<image::ImageRecord>(*pending_error_)
                                  : Result<image::ImageRecord>(Error(kCancelled, "pull cancelled")));
        return;
    }
    pump();
}

void ImagePuller::finish(Result<image::ImageRecord> r)
{
    if (finished_) return;
    finished_ = true;
    cancel_->store(true);
    for (auto* rep : std::set<QNetworkReply*>(replies_)) rep->abort();
    fail_pipes();
    // Unpinned once the record holds the layers (or the pull failed: then they are unused).
    for (const auto& d : pinned_) store_.unpin_layer(d);
    pinned_.clear();
    if (done_) done_(std::move(r));
}

}  // namespace onggi::helper

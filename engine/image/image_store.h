// ImageStore: the images under <state>/images. Layout:
//   images/layers/<hex>/          an unpacked layer, shared read-only by every container using it
//   images/records/<hex>.json     one image record (ImageRecord, below); <hex> = image id digest
// The built-in busybox image's single layer is made by make_busybox_rootfs and addressed by
// sha256(busybox binary || recipe version), so a new busybox or a new recipe gives a new layer.
//   images/blobs/sha256/<hex>     manifests, configs, and compressed layers until unpacked (BlobStore)
// A pulled or loaded image's layers are addressed by diff_id (sha256 of the uncompressed tar), so
// two images that share a layer share its one directory. Layers are built in a temp dir
// (layers/.tmp-*) and renamed into place: a crash never leaves a half layer visible, and init()
// removes what a crash left. References are counted from the records (and the layers containers
// use, which the caller passes as `keep`): a layer no record or container uses is collected.
// No Qt here (engine/): the helper wraps it.
#pragma once

#include "engine/core/result.h"
#include "engine/image/blob_store.h"
#include "engine/image/image_manifest.h"
#include "engine/image/layer_extractor.h"

#include <atomic>
#include <chrono>
#include <functional>

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace onggi::image {

// Bump when make_busybox_rootfs changes what it writes.
inline constexpr const char* kBuiltinRecipeVersion = "onggi-busybox-rootfs/1";
// How long an unpacked layer no image uses is kept (for the retry of a pull that was killed).
inline constexpr std::chrono::seconds kUnusedLayerGrace{3600};

struct ImageRecord {
    std::string id;    // "sha256:<64 hex>"
    std::string name;  // "busybox"
    std::string tag = "latest";
    uint64_t size = 0;    // bytes of regular files in its layers
    std::string created;  // RFC 3339 UTC
    bool builtin = false;
    std::vector<std::string> layers;  // "sha256:<hex>", bottom first
    // Defaults for containers (as in an OCI image config).
    std::vector<std::string> cmd = {"sh"};
    std::vector<std::string> env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"};
    std::string workdir = "/";
    // Pulled and loaded images (empty for the built-in one).
    std::vector<std::string> entrypoint;
    std::string user;
    std::string repo_digest;             // "sha256:<hex>" of the manifest it was pulled by
    std::vector<std::string> repo_tags;  // every "name:tag" that names this image (name:tag first)
    // The config's ExposedPorts ("80/tcp"), what `run -P` publishes. A record written before
    // they were kept has none: ImageStore::exposed_ports reads them from the config blob then.
    std::vector<std::string> exposed_ports;
    bool exposed_ports_recorded = false;

    std::string short_id() const;  // 12 hex
};

std::string record_to_json(const ImageRecord& r);
Result<ImageRecord> record_from_json(const std::string& text);

// Every "name:tag" of a record (repo_tags, or name:tag of an older record without them; none
// for an untagged image).
std::vector<std::string> names_of(const ImageRecord& r);

// One change of the records, as the store made it: an image recorded (created), one that gained
// or lost names, one removed (with the names it had). Observers see every change, in the order
// the store made them (they are called under the store's records lock, from the thread that
// made the change: an observer must not call back into the store).
struct RecordChange {
    std::string id;
    bool created = false, removed = false;
    std::vector<std::string> tags_added, tags_removed;  // "name:tag"
};

// "sha256:<64 lowercase hex>"
bool is_digest(const std::string& s);
// "name" or "name:tag": [a-z0-9][a-z0-9._/-]{0,127} and tag [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
Status validate_reference(const std::string& ref);

class ImageStore {
public:
    explicit ImageStore(std::string root);  // e.g. /var/lib/onggi/images

    const std::string& root() const { return root_; }
    Status init();  // create the directories
    // Make sure the built-in busybox image exists (builds its layer once). Returns its record.
    Result<ImageRecord> ensure_builtin();

    Result<std::vector<ImageRecord>> list() const;
    // By "name[:tag]" (tag defaults to latest), full id "sha256:..", or a unique id prefix (>= 3 hex,
    // optionally "sha256:"-prefixed).
    Result<ImageRecord> resolve(const std::string& ref) const;
    // Directory of an unpacked layer; the digest must be valid ("sha256:<hex>").
    Result<std::string> layer_dir(const std::string& digest) const;
    // Layer dirs for overlay lowerdir, TOP first.
    Result<std::vector<std::string>> lower_dirs(const ImageRecord& r) const;

    // Remove the record, and every layer that no remaining record uses and that is not in
    // `keep` (the layers containers still use: the store does not know containers). With keep,
    // this is docker's `rmi -f` of an image that stopped containers use: the image goes, its
    // layers stay until the last such container is removed (collect_layers).
    Status remove(const std::string& id, const std::set<std::string>& keep = {});
    // Remove every layer ("sha256:<hex>") that no record uses, that is not in keep and not pinned,
    // and that was placed at least min_age ago (the helper's start passes kUnusedLayerGrace: a
    // pull killed after some of its layers were unpacked finds them again when it is retried).
    // Returns how many were removed.
    Result<size_t> collect_layers(const std::set<std::string>& keep,
                                  std::chrono::seconds min_age = std::chrono::seconds{0});
    // Garbage collection (`image prune`, and the helper's start with kUnusedLayerGrace): the
    // layers collect_layers removes, and every blob no record needs: a record keeps its config
    // (its id), the manifest or index it was pulled by (repo_digest) and what that document
    // names (an index's manifests, a manifest's config and layers). Blobs left by a pull that was
    // killed and never retried, or by an image that was removed, go. Both only when older than
    // min_age (mtime of the blob, ctime of the layer). Nothing a record or `keep` uses is touched.
    struct Garbage {
        size_t layers = 0, blobs = 0;
        uint64_t bytes = 0;  // what it freed (files in layers, blob sizes)
    };
    Result<Garbage> collect_garbage(const std::set<std::string>& keep,
                                    std::chrono::seconds min_age = std::chrono::seconds{0});
    // What collect_garbage would free now, without removing anything (system df's reclaimable).
    Result<Garbage> garbage(const std::set<std::string>& keep) const;
    // A pull in flight pins the layers it is installing, so no collection removes one between
    // its unpacking and the record that will use it. Counted.
    void pin_layer(const std::string& diff_id);
    void unpin_layer(const std::string& diff_id);
    // Remove one layer unless a record uses it or it is pinned (a load that failed takes back
    // the layers it unpacked).
    Status drop_layer(const std::string& diff_id);
    // The layer digest of a directory under layers/ (as in a container's overlay lowerdir), or
    // empty when the path is not one of ours.
    std::string layer_of_dir(const std::string& dir) const;
    // Write/replace a record (atomic). Not serialised with the other record updates and not
    // observed: tag, add_image and remove are the ones to use.
    Status save(const ImageRecord& r);
    // Every record update (add_image, tag, remove, ensure_builtin) and every collection that
    // reads the records to decide what to delete runs under one lock, so a tag racing a load or
    // a commit on another thread cannot lose either update; `f` sees each change.
    void on_change(std::function<void(const RecordChange&)> f);

    // Blobs (manifests, configs, compressed layers).
    BlobStore& blobs() { return blobs_; }
    const BlobStore& blobs() const { return blobs_; }
    bool has_layer(const std::string& diff_id) const;
    // Unpack the blob at blob_path as the layer `diff_id` (shared when it is already there). The
    // uncompressed stream must hash to diff_id, else nothing is kept. Thread-safe for different
    // or equal diff_ids (the second rename loses and is dropped).
    Result<std::string> install_layer(const std::string& blob_path, const std::string& diff_id,
                                      const ExtractLimits& limits = {}, const std::atomic<bool>* cancel = nullptr,
                                      const std::function<void(uint64_t)>& progress = {});
    // The same from a stream (a download in progress): unpacked as the bytes come; a failure of
    // the source (e.g. the blob's digest, checked at its end) throws the half layer away.
    Result<std::string> install_layer(const LayerSource& source, const std::string& diff_id,
                                      const ExtractLimits& limits = {}, const std::atomic<bool>* cancel = nullptr,
                                      const std::function<void(uint64_t)>& progress = {});
    // Record an image from its config (id = config digest) under name:tag; every layer must be
    // installed. An existing record of the same id gains the tag; another image that had
    // name:tag loses it (and is kept as an untagged record, as docker's dangling images).
    Result<ImageRecord> add_image(const std::string& config_digest, const ImageConfig& cfg, const std::string& name,
                                  const std::string& tag, const std::string& repo_digest);
    // docker tag: the image (full id) is also called name:tag, which another image loses.
    Result<ImageRecord> tag(const std::string& id, const std::string& name, const std::string& tag);
    // Bytes of regular files in an unpacked layer (layers never change: computed once).
    uint64_t layer_size(const std::string& diff_id) const;
    // The parsed config of a pulled/loaded image (not_found for the built-in one).
    Result<ImageConfig> config(const ImageRecord& r) const;
    // The image's exposed ports: its record's, or (a record from before they were kept) its config's.
    Result<std::vector<std::string>> exposed_ports(const ImageRecord& r) const;

private:
    std::string records_dir() const { return root_ + "/records"; }
    std::string layers_dir() const { return root_ + "/layers"; }
    Status take_tag(const std::vector<ImageRecord>& all, const std::string& id, const std::string& name_tag);
    // save(after), then tell the observers what changed from `before` (null: a new record).
    Status write_record(const ImageRecord& after, const ImageRecord* before);
    void notify(const RecordChange& c);
    Result<std::string> make_layer_tmp(const std::string& diff_id) const;
    Result<std::string> place_layer(const std::string& tmp, const std::string& diff_id, Result<ExtractResult> x);
    std::string root_;
    BlobStore blobs_;
    // The one owner of record updates (recursive: collect_garbage calls collect_layers).
    mutable std::recursive_mutex records_mu_;
    std::vector<std::function<void(const RecordChange&)>> observers_;
    mutable std::mutex pins_mu_;
    std::multiset<std::string> pins_;
    mutable std::mutex sizes_mu_;
    mutable std::map<std::string, uint64_t> layer_sizes_;
};

// Sum of st_size of regular files below dir (no symlinks followed, one filesystem).
uint64_t tree_size(const std::string& dir);

}  // namespace onggi::image

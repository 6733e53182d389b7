// ImageArchive: `docker save` / `docker load` of image archives.
//
// save writes one tar that is both a docker-save archive (manifest.json, repositories) and an
// OCI image layout (oci-layout, index.json), over one set of blobs under blobs/sha256/ (as
// docker 25 does): the config, an OCI manifest, and each layer as an uncompressed tar packed
// from its unpacked directory (LayerPacker, deterministic). When every packed layer hashes to
// the config's diff_id (images loaded from such an archive, committed images) the config is
// written unchanged and the image keeps its id; a layer first unpacked from a registry's tar
// packs to other bytes (the registry's tar order, pax headers), so its config is rewritten with
// the new diff_ids and the archive holds an image with another id (the same files).
//
// load reads either format (docker-save, also its legacy <id>/layer.tar names and symlinked
// layers; OCI layout with an index or a nested index resolved to the host's platform), from a
// stream (a plain or gzip/zstd-compressed tar). Every entry is staged under the blob store's
// temp dir and hashed as it streams; nothing enters the store until the whole archive was read
// and every blob checked: a name that is absolute or has `..`, a blob that is missing, a blob
// whose bytes do not match its digest or size, or an archive that ends early is refused and the
// store is left as it was (layers unpacked by a load that then fails are removed again).
#pragma once

#include "engine/core/result.h"
#include "engine/image/image_store.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace onggi::image {

// Stable reasons of a refused archive (error.data.reason in the protocol).
namespace archive_reason {
inline constexpr const char* kPath = "archive_path";                 // absolute name, `..`, or a link out
inline constexpr const char* kMissingBlob = "archive_missing_blob";  // a blob the manifest names is absent
inline constexpr const char* kDigest = "archive_digest_mismatch";    // bytes do not match digest/size/diff_id
inline constexpr const char* kTruncated = "archive_truncated";       // not a tar, or it ends early
inline constexpr const char* kFormat = "archive_format";             // neither layout, or bad JSON in it
inline constexpr const char* kTooLarge = "archive_too_large";        // more bytes than the load may take
}  // namespace archive_reason

struct ArchiveError {
    std::string reason;  // one of archive_reason, or empty for other failures (I/O, store)
};

struct SaveResult {
    std::string id;  // the config digest in the archive (differs from the record's id when rewritten)
    bool rewritten = false;
    uint64_t bytes = 0;
};

// Writes `images` (each with the name:tag it is saved as, "" for an untagged one) to out_fd.
struct SaveItem {
    ImageRecord record;
    std::string name_tag;
};
// How far a save or a load is: phase "packing" (layers packed of all), "writing" (bytes of the
// archive written of all), "reading" (bytes of the archive file read of its size), "unpacking"
// (layers unpacked of all). Called from the thread that does the work, at most every 4 MiB.
using ArchiveProgressFn = std::function<void(const char* phase, uint64_t current, uint64_t total)>;

// cancel (when given) stops the save between blobs and layers with kCancelled.
Result<SaveResult> save_images(ImageStore& store, const std::vector<SaveItem>& items, int out_fd,
                               const std::atomic<bool>* cancel = nullptr, const ArchiveProgressFn& progress = {});

struct LoadedImage {
    ImageRecord record;
    std::vector<std::string> names;  // "name:tag" it was given
};
// A load's bounds: what a huge or hostile archive (a zstd bomb, a layer that inflates without
// end) may write before it is refused with archive_too_large and everything it wrote is removed.
struct LoadOptions {
    // Bytes staged from the archive (its entries, uncompressed) and unpacked from its layers,
    // all together.
    uint64_t max_bytes = uint64_t(64) << 30;
    // The load stops before the store's filesystem has less than this free (statvfs f_bavail).
    uint64_t keep_free_bytes = uint64_t(256) << 20;
    const std::atomic<bool>* cancel = nullptr;  // stops the load with kCancelled (store as it was)
    ArchiveProgressFn progress;
};

// Loads every image of the archive read from in_fd. On failure `why` (when given) says which
// stable reason it was.
Result<std::vector<LoadedImage>> load_images(ImageStore& store, int in_fd, ArchiveError* why = nullptr,
                                             const LoadOptions& opt = {});

// A config that is `base` (the image config JSON, or empty for the built-in image: made from
// the record) with rootfs.diff_ids = diff_ids, and `add_history` appended when not empty.
Result<std::string> config_with_layers(const std::string& base, const ImageRecord& r,
                                       const std::vector<std::string>& diff_ids,
                                       const HistoryEntry* add_history = nullptr);

}  // namespace onggi::image

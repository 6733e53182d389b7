// LayerPacker: a layer directory (an unpacked image layer, or a container's overlay upper dir)
// written as an uncompressed tar layer, the inverse of LayerExtractor: overlay whiteouts (char
// device 0:0) become `.wh.<name>` entries and an opaque directory (trusted.overlay.opaque=y)
// gains a `.wh..wh..opq` entry. The tar is deterministic (names sorted, pax only where needed,
// mtimes in whole seconds, numeric owners, no atime/ctime), so packing what an extraction of it
// made gives the same bytes and the same diff_id: save → load → save keeps the image id.
// The tree is walked through file descriptors (openat O_NOFOLLOW), never by path, so a container
// that swaps a directory for a symlink while its upper dir is packed cannot point the walk out.
// Kept: owners, modes (setuid too), mtimes, symlinks, hardlinks within the layer, user.* xattrs
// and security.capability (what the extractor keeps).
#pragma once

#include "engine/core/result.h"
#include "engine/spec/spec.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace onggi::image {

struct PackResult {
    std::string diff_id;  // "sha256:<hex>" of the tar written
    uint64_t size = 0;    // bytes written
};

// The user namespace of a container whose upper dir is packed: files there belong to host ids
// (container id + the range's start); the tar names the ids the container saw. A host id
// outside the mappings (none can be made from inside) is written as 65534 (nobody).
struct IdShift {
    std::vector<spec::IdMapping> uid, gid;
};

// Writes the tar of `dir` to out_fd (from its current position). With `cancel`, it is looked at
// before every entry and every 128 KiB of file data: once set, the packing stops with
// kCancelled (image_errors.h) and out_fd holds a partial tar the caller removes.
Result<PackResult> pack_layer(const std::string& dir, int out_fd, const IdShift* shift = nullptr,
                              const std::atomic<bool>* cancel = nullptr);

}  // namespace onggi::image

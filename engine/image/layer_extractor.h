// Layer extraction: one image layer blob (a tar, gzip- or zstd-compressed or plain; libarchive
// detects which) unpacked into an empty directory, safely:
//  - every path is resolved below the layer directory with openat2(RESOLVE_BENEATH |
//    RESOLVE_NO_MAGICLINKS); the last component is never followed. Absolute names and names
//    with a ".." component are refused; a write through a symlink that leaves the directory
//    fails in the kernel (EXDEV) and is refused. Symlinks themselves are created as data (the
//    kernel resolves them inside the container's root later).
//  - hardlink targets are names inside the same layer (resolved the same way).
//  - device nodes are refused, except a 0:0 character device (an overlayfs whiteout);
//    FIFOs are kept.
//  - AUFS whiteouts become overlayfs ones: ".wh.NAME" -> NAME as a 0:0 character device,
//    ".wh..wh..opq" -> trusted.overlay.opaque="y" on the directory.
//  - owners, modes (setuid/setgid/sticky), mtimes, user.* xattrs and file capabilities
//    (security.capability) are kept; trusted.* and other namespaces from an archive are not.
// The diff_id (sha256 of the uncompressed tar stream) is computed on the way, so the caller can
// check it against the image config.
#pragma once

#include "engine/core/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <sys/types.h>

namespace onggi::image {

struct ExtractLimits {
    uint64_t max_bytes = uint64_t(64) << 30;  // uncompressed tar stream
    uint64_t max_entries = 4u << 20;
};

struct ExtractResult {
    std::string diff_id;  // "sha256:<hex>" of the uncompressed stream
    uint64_t entries = 0;
    uint64_t file_bytes = 0;  // regular file contents written
    uint64_t stream_bytes = 0;
};

// Unpack the layer read from blob_fd (read to the end; not closed) into dir, which must exist
// and be empty. `cancel`, when set, is polled between blocks. `progress` (may be empty) is
// called with the compressed bytes consumed so far, at most every few MiB.
// The compressed bytes of a layer, from wherever they come: returns how many were put at *out
// (valid until the next call), 0 at the end, -1 on failure with *err filled (that error is what
// extract_layer then returns: e.g. the download's digest mismatch or cancellation).
using LayerSource = std::function<ssize_t(const void** out, Error* err)>;
Result<ExtractResult> extract_layer(const LayerSource& source, const std::string& dir, const ExtractLimits& limits = {},
                                    const std::atomic<bool>* cancel = nullptr,
                                    const std::function<void(uint64_t)>& progress = {});
Result<ExtractResult> extract_layer(int blob_fd, const std::string& dir, const ExtractLimits& limits = {},
                                    const std::atomic<bool>* cancel = nullptr,
                                    const std::function<void(uint64_t)>& progress = {});

}  // namespace onggi::image

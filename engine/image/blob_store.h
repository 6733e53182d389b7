// BlobStore: content-addressed blobs under <images>/blobs/sha256/<hex> (manifests, configs,
// compressed layers). A blob is written to blobs/.tmp/ while it streams, hashed with libcrypto on
// the way, checked against its expected digest and size, fsynced and renamed into place: a blob
// that is visible is complete and verified. A crash leaves only files under .tmp/, which init()
// removes.
#pragma once

#include "engine/core/result.h"
#include "engine/core/unique_fd.h"
#include "engine/image/content_digest.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace onggi::image {

class BlobStore;

// One blob being written. Not thread-safe; one writer per download.
class BlobWriter {
public:
    BlobWriter(BlobWriter&&) noexcept = default;
    ~BlobWriter();  // an uncommitted writer removes its temp file

    // Refuses (and remembers the refusal) once more than the declared size arrives.
    Status write(const void* data, size_t len);
    uint64_t written() const { return written_; }
    // Check digest and size, fsync, rename into place. Returns the blob's path.
    Result<std::string> commit();
    // Start over (a retried download that cannot resume).
    Status reset();

private:
    friend class BlobStore;
    BlobWriter() = default;
    const BlobStore* store_ = nullptr;
    std::string digest_;
    uint64_t size_ = 0;  // declared; 0 = unknown (then max_size_ bounds it)
    uint64_t max_size_ = 0;
    std::string tmp_;
    UniqueFd fd_;
    std::unique_ptr<ContentDigest> hash_;
    uint64_t written_ = 0;
    bool committed_ = false;
};

class BlobStore {
public:
    explicit BlobStore(std::string root);  // <images>/blobs
    Status init();                         // create dirs, remove stale temp files

    // "sha256:<hex>" -> path (whether or not it exists); invalid digest -> error.
    Result<std::string> path(const std::string& digest) const;
    bool has(const std::string& digest) const;
    Result<uint64_t> size(const std::string& digest) const;
    Result<std::string> read(const std::string& digest, size_t max_bytes = 8 << 20) const;
    // Write a small blob whose bytes are at hand, verifying the digest.
    Result<std::string> put(const std::string& digest, const std::string& data);
    // size 0 = not declared; max_size bounds the stream either way.
    Result<BlobWriter> writer(const std::string& digest, uint64_t size, uint64_t max_size) const;
    Status remove(const std::string& digest);
    // Every blob stored ("sha256:<hex>"), in no order.
    Result<std::vector<std::string>> list() const;

    const std::string& root() const { return root_; }
    std::string tmp_dir() const { return root_ + "/.tmp"; }

private:
    std::string root_;
};

}  // namespace onggi::image

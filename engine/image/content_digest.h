// ContentDigest: SHA-256 of image content (blobs while they stream, uncompressed layer streams,
// the busybox binary) through OpenSSL libcrypto's EVP interface, which uses the CPU's SHA
// extensions (SHA-NI, ARMv8 SHA2) where they exist: this is the hot path of a pull.
// engine/core/sha256 stays the small dependency-free hash for the statically linked shim and
// runtime (seccomp cache keys over a few hundred bytes), which must not link libcrypto.
#pragma once

#include "engine/core/result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace onggi::image {

class ContentDigest {
public:
    ContentDigest();
    ~ContentDigest();
    ContentDigest(const ContentDigest&) = delete;
    ContentDigest& operator=(const ContentDigest&) = delete;

    void update(const void* data, size_t len);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // 64 lowercase hex; the object starts over afterwards.
    std::string finish_hex();
    // "sha256:" + finish_hex()
    std::string finish_digest() { return "sha256:" + finish_hex(); }

    static std::string hex(std::string_view data);
    static Result<std::string> file_hex(const std::string& path);

private:
    EVP_MD_CTX* ctx_ = nullptr;
};

}  // namespace onggi::image

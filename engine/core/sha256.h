// Sha256: a small, dependency-free SHA-256 (FIPS 180-4) for content addressing (image store)
// and cache keys (compiled seccomp programs). The engine links no crypto library; this is only
// used for digests, never for secrets.
#pragma once

#include "engine/core/result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace onggi {

class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t len);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<uint8_t, 32> finish();
    std::string finish_hex();  // 64 lowercase hex chars

    static std::string hex(std::string_view data);
    // Digest of a whole file, streamed.
    static Result<std::string> file_hex(const std::string& path);

private:
    void block(const uint8_t* p);
    uint32_t h_[8];
    uint8_t buf_[64];
    size_t buf_len_ = 0;
    uint64_t total_ = 0;
};

}  // namespace onggi

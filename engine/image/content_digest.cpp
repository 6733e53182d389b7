#include "engine/image/content_digest.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <unistd.h>

#include <openssl/evp.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

namespace onggi::image {

ContentDigest::ContentDigest() : ctx_(EVP_MD_CTX_new())
{
    // Only fails when a 200-byte allocation fails: nothing sensible to go on with.
    if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) std::abort();
}

ContentDigest::~ContentDigest() { EVP_MD_CTX_free(ctx_); }

void ContentDigest::update(const void* data, size_t len)
{
    if (len) EVP_DigestUpdate(ctx_, data, len);
}

std::string ContentDigest::finish_hex()
{
    static const char* digits = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx_, md, &n);
    EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr);
    std::string s(2 * n, '0');
    for (unsigned i = 0; i < n; ++i) {
        s[2 * i] = digits[md[i] >> 4];
        s[2 * i + 1] = digits[md[i] & 15];
    }
    return s;
}

std::string ContentDigest::hex(std::string_view data)
{
    ContentDigest d;
    d.update(data);
    return d.finish_hex();
}

Result<std::string> ContentDigest::file_hex(const std::string& path)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) return Error::from_errno("open " + path);
    ContentDigest d;
    std::vector<char> buf(1 << 17);
    for (;;) {
        ssize_t n = ::read(fd.get(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::from_errno("read " + path);
        if (n == 0) break;
        d.update(buf.data(), size_t(n));
    }
    return d.finish_hex();
}

}  // namespace onggi::image

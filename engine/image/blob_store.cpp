#include "engine/image/blob_store.h"
#include "engine/core/files.h"
#include "engine/image/image_errors.h"
#include "engine/image/image_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <random>

namespace onggi::image {

namespace {

std::string random_suffix()
{
    static std::atomic<uint64_t> counter{0};
    std::random_device rd;
    return std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd());
}

Status fsync_dir(const std::string& dir)
{
    UniqueFd d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!d) return Error::from_errno("open " + dir);
    if (::fsync(d.get()) < 0) return Error::from_errno("fsync " + dir);
    return {};
}

}  // namespace

BlobWriter::~BlobWriter()
{
    if (!committed_ && !tmp_.empty()) ::unlink(tmp_.c_str());
}

Status BlobWriter::write(const void* data, size_t len)
{
    if (!fd_) return Error(Errc::bad_state, "blob " + digest_ + ": writer closed");
    uint64_t limit = size_ ? size_ : max_size_;
    if (written_ + len > limit)
        return Error(kBadImage,
                     "blob " + digest_ + ": more data than its declared size (" + std::to_string(limit) + " bytes)");
    const char* p = static_cast<const char*>(data);
    size_t left = len;
    while (left) {
        ssize_t n = ::write(fd_.get(), p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::from_errno("write blob " + digest_);
        p += n;
        left -= size_t(n);
    }
    hash_->update(data, len);
    written_ += len;
    return {};
}

Status BlobWriter::reset()
{
    if (!fd_) return Error(Errc::bad_state, "blob " + digest_ + ": writer closed");
    if (::ftruncate(fd_.get(), 0) < 0 || ::lseek(fd_.get(), 0, SEEK_SET) < 0)
        return Error::from_errno("reset blob " + digest_);
    hash_ = std::make_unique<ContentDigest>();
    written_ = 0;
    return {};
}

Result<std::string> BlobWriter::commit()
{
    if (!fd_) return Error(Errc::bad_state, "blob " + digest_ + ": writer closed");
    if (size_ && written_ != size_)
        return Error(kBadImage, "blob " + digest_ + ": got " + std::to_string(written_) + " bytes, expected " +
                                    std::to_string(size_));
    std::string got = "sha256:" + hash_->finish_hex();
    if (got != digest_) return Error(kBadImage, "blob digest mismatch: expected " + digest_ + ", got " + got);
    if (::fsync(fd_.get()) < 0) return Error::from_errno("fsync blob " + digest_);
    fd_.reset();
    auto dst = store_->path(digest_);
    if (!dst) return std::move(dst).error();
    if (::rename(tmp_.c_str(), dst->c_str()) < 0) return Error::from_errno("rename blob " + digest_);
    committed_ = true;
    (void)fsync_dir(store_->root() + "/sha256");  // the blob is verified; a lost rename is re-downloaded
    return dst.value();
}

BlobStore::BlobStore(std::string root) : root_(std::move(root)) {}

Status BlobStore::init()
{
    ONGGI_CHECK(make_dirs(root_ + "/sha256", 0700), "create blob dir");
    ONGGI_CHECK(make_dirs(tmp_dir(), 0700), "create blob temp dir");
    // Half-written blobs of a helper that died: never visible, removed here.
    if (DIR* d = ::opendir(tmp_dir().c_str())) {
        while (struct dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n == "." || n == "..") continue;
            ::unlinkat(dirfd(d), e->d_name, 0);
        }
        ::closedir(d);
    }
    return {};
}

Result<std::string> BlobStore::path(const std::string& digest) const
{
    if (!is_digest(digest))
        return Error(Errc::invalid_argument,
                     "blob digest: expected sha256:<64 hex>, got '" + digest.substr(0, 80) + "'");
    return root_ + "/sha256/" + digest.substr(7);
}

bool BlobStore::has(const std::string& digest) const
{
    auto p = path(digest);
    struct stat st;
    return p && ::stat(p->c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Result<uint64_t> BlobStore::size(const std::string& digest) const
{
    auto p = path(digest);
    if (!p) return std::move(p).error();
    struct stat st;
    if (::stat(p->c_str(), &st) < 0) return Error::from_errno("blob " + digest);
    return uint64_t(st.st_size);
}

Result<std::string> BlobStore::read(const std::string& digest, size_t max_bytes) const
{
    auto p = path(digest);
    if (!p) return std::move(p).error();
    return read_file(p.value(), max_bytes);
}

Result<std::string> BlobStore::put(const std::string& digest, const std::string& data)
{
    auto w = writer(digest, data.size(), data.size());
    if (!w) return std::move(w).error();
    ONGGI_CHECK(w->write(data.data(), data.size()), "store blob");
    return w->commit();
}

Result<BlobWriter> BlobStore::writer(const std::string& digest, uint64_t size, uint64_t max_size) const
{
    if (!is_digest(digest)) return Error(Errc::invalid_argument, "blob digest: expected sha256:<64 hex>");
    if (size && max_size && size > max_size)
        return Error(kBadImage, "blob " + digest + ": declared size " + std::to_string(size) + " over the limit");
    BlobWriter w;
    w.store_ = this;
    w.digest_ = digest;
    w.size_ = size;
    w.max_size_ = max_size;
    w.tmp_ = tmp_dir() + "/" + digest.substr(7, 16) + "-" + random_suffix();
    w.fd_ = UniqueFd(::open(w.tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!w.fd_) {
        Error e = Error::from_errno("create " + w.tmp_);
        w.tmp_.clear();
        return e;
    }
    w.hash_ = std::make_unique<ContentDigest>();
    return w;
}

Status BlobStore::remove(const std::string& digest)
{
    auto p = path(digest);
    if (!p) return std::move(p).error();
    if (::unlink(p->c_str()) < 0 && errno != ENOENT) return Error::from_errno("remove blob " + digest);
    return {};
}

Result<std::vector<std::string>> BlobStore::list() const
{
    std::vector<std::string> out;
    DIR* d = ::opendir((root_ + "/sha256").c_str());
    if (!d)
        return errno == ENOENT ? Result<std::vector<std::string>>(out)
                               : Result<std::vector<std::string>>(Error::from_errno("open " + root_));
    while (struct dirent* e = ::readdir(d))
        if (is_digest(std::string("sha256:") + e->d_name)) out.push_back(std::string("sha256:") + e->d_name);
    ::closedir(d);
    return out;
}

}  // namespace onggi::image

#include "engine/image/layer_extractor.h"
#include "engine/core/unique_fd.h"
#include "engine/image/content_digest.h"
#include "engine/image/image_errors.h"

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace onggi::image {

namespace {

struct ArchiveFree {
    void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;

constexpr uint64_t kResolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;

int openat2_beneath(int root, const std::string& path, int flags, mode_t mode = 0)
{
    struct open_how how {};
    how.flags = uint64_t(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = kResolve;
    for (;;) {
        long fd = ::syscall(SYS_openat2, root, path.empty() ? "." : path.c_str(), &how, sizeof how);
        if (fd < 0 && errno == EINTR) continue;
        if (fd < 0 && errno == EAGAIN) continue;  // a rename raced the lookup: retry
        return int(fd);
    }
}

// Reads the uncompressed tar stream from the outer (raw-format) archive, hashing it on the way.
struct Stream {
    struct archive* outer = nullptr;
    ContentDigest hash;
    uint64_t bytes = 0;
    uint64_t max_bytes = 0;
    bool too_long = false;
    const std::atomic<bool>* cancel = nullptr;
    bool cancelled = false;
    std::function<void(uint64_t)> progress;
    uint64_t last_progress = 0;
    std::vector<char> buf = std::vector<char>(1 << 18);

    static la_ssize_t read(struct archive* inner, void* self, const void** out)
    {
        auto* s = static_cast<Stream*>(self);
        if (s->cancel && s->cancel->load(std::memory_order_relaxed)) {
            s->cancelled = true;
            archive_set_error(inner, ECANCELED, "cancelled");
            return -1;
        }
        la_ssize_t n = archive_read_data(s->outer, s->buf.data(), s->buf.size());
        if (n < 0) {
            archive_set_error(inner, archive_errno(s->outer), "%s", archive_error_string(s->outer));
            return -1;
        }
        s->hash.update(s->buf.data(), size_t(n));
        s->bytes += uint64_t(n);
        if (s->bytes > s->max_bytes) {
            s->too_long = true;
            archive_set_error(inner, EFBIG, "layer larger than the limit");
            return -1;
        }
        if (s->progress) {
            uint64_t in = uint64_t(archive_filter_bytes(s->outer, -1));
            if (in - s->last_progress >= (4u << 20)) {
                s->last_progress = in;
                s->progress(in);
            }
        }
        *out = s->buf.data();
        return n;
    }
};

struct DirTime {
    std::string path;
    struct timespec mtime;
};

class Extractor {
public:
    Extractor(int root, const ExtractLimits& l) : root_(root), limits_(l) {}
    Status entry(struct archive* a, struct archive_entry* e);
    Status finish();
    uint64_t entries = 0, file_bytes = 0;

private:
    Status write_data(struct archive* a, int fd, const std::string& name);
    Status apply_meta(int parent, const std::string& base, const std::string& rel, struct archive_entry* e, int fd,
                      mode_t type);
    Result<UniqueFd> open_parent(const std::string& rel, bool create);
    Status make_room(int parent, const std::string& base, bool want_dir);

    int root_;
    ExtractLimits limits_;
    std::vector<DirTime> dirs_;
};

Error refuse(const std::string& name, const std::string& why)
{
    return Error(kBadImage, "unsafe layer entry '" + name.substr(0, 200) + "': " + why);
}

// "./a//b/" -> "a/b"; empty = the layer root. Refuses absolute names and "..".
Result<std::string> clean_name(const char* raw)
{
    if (!raw) return refuse("", "no name");
    std::string n = raw;
    if (n.empty()) return refuse(n, "empty name");
    if (n[0] == '/') return refuse(n, "absolute path");
    std::string out;
    size_t i = 0;
    while (i <= n.size()) {
        size_t j = n.find('/', i);
        if (j == std::string::npos) j = n.size();
        std::string comp = n.substr(i, j - i);
        if (comp == "..") return refuse(n, "'..' component");
        if (!comp.empty() && comp != ".") out += (out.empty() ? "" : "/") + comp;
        i = j + 1;
    }
    if (out.size() > 4000) return refuse(n, "name too long");
    return out;
}

Result<UniqueFd> Extractor::open_parent(const std::string& rel, bool create)
{
    size_t slash = rel.rfind('/');
    if (slash == std::string::npos) {
        UniqueFd fd(openat2_beneath(root_, ".", O_PATH | O_DIRECTORY));
        if (!fd) return Error::from_errno("open layer root");
        return fd;
    }
    std::string dir = rel.substr(0, slash);
    UniqueFd fd(openat2_beneath(root_, dir, O_PATH | O_DIRECTORY));
    if (fd) return fd;
    if (errno == EXDEV || errno == ELOOP) return refuse(rel, "its directory leaves the layer through a symlink");
    if (errno == ENOTDIR) return refuse(rel, "a parent is not a directory");
    if (errno != ENOENT || !create) return Error::from_errno("open directory of " + rel);
    // Create the missing parents one by one, each below the root.
    size_t i = 0;
    std::string cur;
    while (i <= dir.size()) {
        size_t j = dir.find('/', i);
        if (j == std::string::npos) j = dir.size();
        cur = dir.substr(0, j);
        UniqueFd p(openat2_beneath(root_, cur, O_PATH | O_DIRECTORY));
        if (!p) {
            if (errno == EXDEV || errno == ELOOP)
                return refuse(rel, "its directory leaves the layer through a symlink");
            if (errno == ENOTDIR) return refuse(rel, "a parent is not a directory");
            if (errno != ENOENT) return Error::from_errno("open " + cur);
            auto parent = open_parent(cur, false);
            if (!parent) return std::move(parent).error();
            std::string base = cur.substr(cur.rfind('/') == std::string::npos ? 0 : cur.rfind('/') + 1);
            if (::mkdirat(parent->get(), base.c_str(), 0755) < 0 && errno != EEXIST)
                return Error::from_errno("mkdir " + cur);
        }
        i = j + 1;
    }
    UniqueFd again(openat2_beneath(root_, dir, O_PATH | O_DIRECTORY));
    if (!again) return Error::from_errno("open directory of " + rel);
    return again;
}

// Remove whatever is at parent/base unless it is a directory and a directory is wanted.
Status Extractor::make_room(int parent, const std::string& base, bool want_dir)
{
    struct stat st;
    if (::fstatat(parent, base.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) {
        if (errno == ENOENT) return {};
        return Error::from_errno("stat " + base);
    }
    if (S_ISDIR(st.st_mode)) {
        if (want_dir) return {};
        if (::unlinkat(parent, base.c_str(), AT_REMOVEDIR) < 0)
            return Error(kBadImage, "layer replaces the non-empty directory " + base + " in the same layer");
        return {};
    }
    if (::unlinkat(parent, base.c_str(), 0) < 0) return Error::from_errno("replace " + base);
    return {};
}

Status Extractor::write_data(struct archive* a, int fd, const std::string& name)
{
    const void* block;
    size_t size;
    la_int64_t off;
    la_int64_t end = 0;
    for (;;) {
        int r = archive_read_data_block(a, &block, &size, &off);
        if (r == ARCHIVE_EOF) break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return Error(kBadImage,
                         "layer: read " + name + ": " + (archive_error_string(a) ? archive_error_string(a) : "error"));
        const char* p = static_cast<const char*>(block);
        size_t left = size;
        la_int64_t at = off;
        while (left) {
            ssize_t w = ::pwrite(fd, p, left, at);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) return Error::from_errno("write " + name);
            p += w;
            left -= size_t(w);
            at += w;
        }
        file_bytes += size;
        if (off + la_int64_t(size) > end) end = off + la_int64_t(size);
    }
    return {};
}

Status Extractor::apply_meta(int parent, const std::string& base, const std::string& rel, struct archive_entry* e,
                             int fd, mode_t type)
{
    uid_t uid = uid_t(archive_entry_uid(e));
    gid_t gid = gid_t(archive_entry_gid(e));
    // chown first: it clears setuid bits and capabilities, which come after.
    if (fd >= 0) {
        if (::fchown(fd, uid, gid) < 0) return Error::from_errno("chown " + rel);
    } else if (::fchownat(parent, base.c_str(), uid, gid, AT_SYMLINK_NOFOLLOW) < 0) {
        return Error::from_errno("chown " + rel);
    }
    if (type != AE_IFLNK) {
        mode_t mode = archive_entry_perm(e) & 07777;
        if (fd >= 0 ? ::fchmod(fd, mode) : ::fchmodat(parent, base.c_str(), mode, 0))
            return Error::from_errno("chmod " + rel);
    }
    archive_entry_xattr_reset(e);
    const char* xname;
    const void* xval;
    size_t xsize;
    while (archive_entry_xattr_next(e, &xname, &xval, &xsize) == ARCHIVE_OK) {
        if (!xname) continue;
        std::string n = xname;
        if (n.rfind("user.", 0) != 0 && n != "security.capability") continue;  // trusted.*: never from an image
        if (type == AE_IFLNK) continue;                                        // user.* is not allowed on symlinks
        int r = fd >= 0 ? ::fsetxattr(fd, xname, xval, xsize, 0) : -1;
        if (fd < 0) {
            UniqueFd f(::openat(parent, base.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
            if (!f) return Error::from_errno("open " + rel + " for xattrs");
            r = ::fsetxattr(f.get(), xname, xval, xsize, 0);
        }
        if (r < 0) return Error::from_errno("set xattr " + n + " on " + rel);
    }
    struct timespec ts[2];
    ts[0].tv_sec = archive_entry_atime_is_set(e) ? archive_entry_atime(e) : archive_entry_mtime(e);
    ts[0].tv_nsec = archive_entry_atime_is_set(e) ? archive_entry_atime_nsec(e) : archive_entry_mtime_nsec(e);
    ts[1].tv_sec = archive_entry_mtime(e);
    ts[1].tv_nsec = archive_entry_mtime_nsec(e);
    if (type == AE_IFDIR) {
        dirs_.push_back({rel, ts[1]});
    } else if (fd >= 0) {
        (void)::futimens(fd, ts);  // times are cosmetic; a failure here loses nothing
    } else {
        (void)::utimensat(parent, base.c_str(), ts, AT_SYMLINK_NOFOLLOW);
    }
    return {};
}

Status Extractor::entry(struct archive* a, struct archive_entry* e)
{
    if (++entries > limits_.max_entries) return Error(kBadImage, "layer: too many entries");
    auto name = clean_name(archive_entry_pathname(e));
    if (!name) return std::move(name).error();
    const std::string rel = name.value();
    const mode_t type = archive_entry_filetype(e);
    const char* hardlink = archive_entry_hardlink(e);

    if (rel.empty()) {  // the layer root itself: its metadata
        if (type != AE_IFDIR) return refuse(archive_entry_pathname(e), "the root is not a directory");
        UniqueFd r(::openat(root_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!r) return Error::from_errno("open layer root");
        return apply_meta(root_, ".", ".", e, r.get(), AE_IFDIR);
    }
    const size_t slash = rel.rfind('/');
    const std::string base = slash == std::string::npos ? rel : rel.substr(slash + 1);
    auto parent_r = open_parent(rel, true);
    if (!parent_r) return std::move(parent_r).error();
    // O_PATH fds cannot be used for *at creation calls; open the directory for real.
    UniqueFd parent(::openat(parent_r->get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!parent) return Error::from_errno("open directory of " + rel);
    const int pfd = parent.get();

    // Whiteouts (AUFS names in the tar) -> overlayfs.
    if (base.rfind(".wh.", 0) == 0) {
        if (base == ".wh..wh..opq") {
            if (::fsetxattr(pfd, "trusted.overlay.opaque", "y", 1, 0) < 0)
                return Error::from_errno("mark opaque: " + rel);
            return {};
        }
        if (base.rfind(".wh..wh.", 0) == 0) return {};  // other AUFS metadata (.wh..wh.plnk ...): not content
        std::string victim = base.substr(4);
        if (victim.empty() || victim == "." || victim == "..") return refuse(rel, "bad whiteout name");
        ONGGI_CHECK(make_room(pfd, victim, false), "whiteout " + rel);
        if (::mknodat(pfd, victim.c_str(), S_IFCHR | 0, makedev(0, 0)) < 0) return Error::from_errno("whiteout " + rel);
        return {};
    }

    if (hardlink) {
        auto target = clean_name(hardlink);
        if (!target) return refuse(rel, "hardlink target: " + target.error().context);
        if (target->empty()) return refuse(rel, "hardlink to the layer root");
        const std::string& t = target.value();
        auto tparent = open_parent(t, false);
        if (!tparent) return refuse(rel, "hardlink target " + t + " is not in this layer");
        std::string tbase = t.rfind('/') == std::string::npos ? t : t.substr(t.rfind('/') + 1);
        struct stat st;
        if (::fstatat(tparent->get(), tbase.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0)
            return refuse(rel, "hardlink target " + t + " is not in this layer");
        if (S_ISDIR(st.st_mode)) return refuse(rel, "hardlink to a directory");
        ONGGI_CHECK(make_room(pfd, base, false), rel);
        if (::linkat(tparent->get(), tbase.c_str(), pfd, base.c_str(), 0) < 0)
            return Error::from_errno("hardlink " + rel);
        // A hardlink entry may carry data (pax); ignore it: the content is the target's.
        return {};
    }

    switch (type) {
    case AE_IFDIR: {
        ONGGI_CHECK(make_room(pfd, base, true), rel);
        if (::mkdirat(pfd, base.c_str(), 0700) < 0 && errno != EEXIST) return Error::from_errno("mkdir " + rel);
        UniqueFd d(::openat(pfd, base.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!d) return Error::from_errno("open " + rel);
        return apply_meta(pfd, base, rel, e, d.get(), AE_IFDIR);
    }
    case AE_IFREG: {
        ONGGI_CHECK(make_room(pfd, base, false), rel);
        UniqueFd f(::openat(pfd, base.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!f) return Error::from_errno("create " + rel);
        ONGGI_CHECK(write_data(a, f.get(), rel), "layer");
        // Start the write-back now, while the rest of the layer still downloads: the one syncfs
        // before the image record (ImageStore::add_image) then finds little left to write.
        (void)::sync_file_range(f.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
        if (archive_entry_size_is_set(e) && ::ftruncate(f.get(), archive_entry_size(e)) < 0)
            return Error::from_errno("size " + rel);
        return apply_meta(pfd, base, rel, e, f.get(), AE_IFREG);
    }
    case AE_IFLNK: {
        const char* target = archive_entry_symlink(e);
        if (!target || !*target) return refuse(rel, "symlink without a target");
        ONGGI_CHECK(make_room(pfd, base, false), rel);
        if (::symlinkat(target, pfd, base.c_str()) < 0) return Error::from_errno("symlink " + rel);
        return apply_meta(pfd, base, rel, e, -1, AE_IFLNK);
    }
    case AE_IFIFO: {
        ONGGI_CHECK(make_room(pfd, base, false), rel);
        if (::mknodat(pfd, base.c_str(), S_IFIFO | 0600, 0) < 0) return Error::from_errno("mkfifo " + rel);
        return apply_meta(pfd, base, rel, e, -1, AE_IFIFO);
    }
    case AE_IFCHR:
        if (archive_entry_rdevmajor(e) == 0 && archive_entry_rdevminor(e) == 0) {  // an overlayfs whiteout
            ONGGI_CHECK(make_room(pfd, base, false), rel);
            if (::mknodat(pfd, base.c_str(), S_IFCHR | 0, makedev(0, 0)) < 0)
                return Error::from_errno("whiteout " + rel);
            return {};
        }
        return refuse(rel, "device node");
    case AE_IFBLK: return refuse(rel, "device node");
    case AE_IFSOCK: return {};  // sockets are not content; docker skips them too
    default: return refuse(rel, "unknown file type");
    }
}

Status Extractor::finish()
{
    // Directory times last (creating children changed them), deepest first.
    for (auto it = dirs_.rbegin(); it != dirs_.rend(); ++it) {
        struct timespec ts[2] = {it->mtime, it->mtime};
        UniqueFd d(it->path == "." ? ::openat(root_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                   : openat2_beneath(root_, it->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
        if (d) (void)::futimens(d.get(), ts);
    }
    return {};
}

// The outer archive reads the layer's compressed bytes through this; the source's own failure
// (not libarchive's rewording of it) is what the caller gets.
struct SourceReader {
    const LayerSource* source = nullptr;
    std::optional<Error> failure;
    bool eof = false;

    static la_ssize_t read(struct archive* a, void* self, const void** out)
    {
        auto* s = static_cast<SourceReader*>(self);
        if (s->eof) return 0;
        Error e;
        ssize_t n = (*s->source)(out, &e);
        if (n < 0) {
            if (!s->failure) s->failure = e;
            archive_set_error(a, e.sys_errno ? e.sys_errno : EIO, "%s", e.message().c_str());
            return -1;
        }
        if (n == 0) s->eof = true;
        return la_ssize_t(n);
    }
};

Result<ExtractResult> extract_from(SourceReader& src, const std::string& dir, const ExtractLimits& limits,
                                   const std::atomic<bool>* cancel, const std::function<void(uint64_t)>& progress)
{
    UniqueFd root(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!root) return Error::from_errno("open layer directory " + dir);

    ArchivePtr outer(archive_read_new());
    if (!outer) return Error(Errc::internal, "libarchive: out of memory");
    archive_read_support_filter_gzip(outer.get());
    archive_read_support_filter_zstd(outer.get());
    archive_read_support_filter_none(outer.get());
    archive_read_support_format_raw(outer.get());
    archive_read_support_format_empty(outer.get());
    if (archive_read_open(outer.get(), &src, nullptr, &SourceReader::read, nullptr) != ARCHIVE_OK)
        return Error(kBadImage, std::string("layer: ") + archive_error_string(outer.get()));
    struct archive_entry* oe = nullptr;
    int r = archive_read_next_header(outer.get(), &oe);
    ExtractResult result;
    if (r == ARCHIVE_EOF) {  // an empty blob: an empty layer
        result.diff_id = "sha256:" + ContentDigest::hex("");
        return result;
    }
    if (r != ARCHIVE_OK) return Error(kBadImage, std::string("layer: ") + archive_error_string(outer.get()));

    Stream s;
    s.outer = outer.get();
    s.max_bytes = limits.max_bytes;
    s.cancel = cancel;
    s.progress = progress;

    ArchivePtr inner(archive_read_new());
    if (!inner) return Error(Errc::internal, "libarchive: out of memory");
    archive_read_support_format_tar(inner.get());
    archive_read_support_format_empty(inner.get());
    if (archive_read_open(inner.get(), &s, nullptr, &Stream::read, nullptr) != ARCHIVE_OK)
        return Error(kBadImage, std::string("layer: not a tar archive: ") + (archive_error_string(inner.get()) ?: ""));

    Extractor x(root.get(), limits);
    auto stream_error = [&](struct archive* a) -> Error {
        if (s.cancelled) return Error(kCancelled, "layer: cancelled");
        if (s.too_long) return Error(kBadImage, "layer: uncompressed size over the limit");
        const char* m = archive_error_string(a);
        return Error(kBadImage, std::string("layer: damaged archive: ") + (m ? m : "unknown error"));
    };
    for (;;) {
        struct archive_entry* e = nullptr;
        r = archive_read_next_header(inner.get(), &e);
        if (r == ARCHIVE_EOF) break;
        if (r == ARCHIVE_WARN) {
            // e.g. an unknown pax header: the entry is still usable
        } else if (r != ARCHIVE_OK) {
            return stream_error(inner.get());
        }
        auto st = x.entry(inner.get(), e);
        if (!st) {
            if (s.cancelled || s.too_long) return stream_error(inner.get());
            return std::move(st).error();
        }
    }
    // The tar reader stops at the end-of-archive blocks: hash what follows too (padding).
    for (;;) {
        la_ssize_t n = archive_read_data(outer.get(), s.buf.data(), s.buf.size());
        if (n < 0) return Error(kBadImage, std::string("layer: ") + archive_error_string(outer.get()));
        if (n == 0) break;
        s.hash.update(s.buf.data(), size_t(n));
        s.bytes += uint64_t(n);
        if (s.bytes > s.max_bytes) return Error(kBadImage, "layer: uncompressed size over the limit");
    }
    ONGGI_CHECK(x.finish(), "layer");
    if (progress) progress(uint64_t(archive_filter_bytes(outer.get(), -1)));
    result.diff_id = "sha256:" + s.hash.finish_hex();
    result.entries = x.entries;
    result.file_bytes = x.file_bytes;
    result.stream_bytes = s.bytes;
    return result;
}

// What libarchive left unread after the compressed stream's end is read to the end too: a source
// that fails only at its end (a digest checked once the last byte is in) must fail the layer.
Status drain(SourceReader& src)
{
    while (!src.eof) {
        const void* p;
        Error e;
        ssize_t n = (*src.source)(&p, &e);
        if (n < 0) return e;
        if (n == 0) src.eof = true;
    }
    return {};
}

}  // namespace

Result<ExtractResult> extract_layer(const LayerSource& source, const std::string& dir, const ExtractLimits& limits,
                                    const std::atomic<bool>* cancel, const std::function<void(uint64_t)>& progress)
{
    SourceReader src;
    src.source = &source;
    auto r = extract_from(src, dir, limits, cancel, progress);
    if (src.failure) return *src.failure;
    if (!r) return r;
    if (auto d = drain(src); !d) return std::move(d).error();
    return r;
}

Result<ExtractResult> extract_layer(int blob_fd, const std::string& dir, const ExtractLimits& limits,
                                    const std::atomic<bool>* cancel, const std::function<void(uint64_t)>& progress)
{
    std::vector<char> buf(size_t(1) << 18);
    LayerSource from_fd = [&](const void** out, Error* err) -> ssize_t {
        for (;;) {
            ssize_t n = ::read(blob_fd, buf.data(), buf.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                *err = Error::from_errno("read layer blob");
                return -1;
            }
            *out = buf.data();
            return n;
        }
    };
    return extract_layer(from_fd, dir, limits, cancel, progress);
}

}  // namespace onggi::image

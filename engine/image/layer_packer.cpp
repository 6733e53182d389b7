#include "engine/image/layer_packer.h"
#include "engine/core/unique_fd.h"
#include "engine/image/content_digest.h"
#include "engine/image/image_errors.h"

#include <archive.h>
#include <archive_entry.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace onggi::image {
namespace {

// Errors climb the recursion unchanged (pack_layer adds the context once).
#define PACK_TRY(expr)                                                                                                 \
    do {                                                                                                               \
        auto pack_r_ = (expr);                                                                                         \
        if (!pack_r_) return std::move(pack_r_).error();                                                               \
    } while (0)

struct Sink {
    int fd = -1;
    ContentDigest hash;
    uint64_t size = 0;
    int err = 0;
};

la_ssize_t sink_write(struct archive*, void* p, const void* buf, size_t len)
{
    auto* s = static_cast<Sink*>(p);
    const char* b = static_cast<const char*>(buf);
    size_t left = len;
    while (left > 0) {
        ssize_t n = ::write(s->fd, b, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            s->err = errno;
            return -1;
        }
        b += n;
        left -= size_t(n);
    }
    s->hash.update(buf, len);
    s->size += len;
    return la_ssize_t(len);
}

struct ArchiveFree {
    void operator()(struct archive* a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

uint32_t to_container(const std::vector<spec::IdMapping>& maps, uint32_t host)
{
    for (const auto& m : maps)
        if (host >= m.host_id && host - m.host_id < m.size) return m.container_id + (host - m.host_id);
    return 65534;
}

class Packer {
public:
    Packer(struct archive* a, Sink* sink, const IdShift* shift, const std::atomic<bool>* cancel)
        : a_(a), sink_(sink), shift_(shift), cancel_(cancel)
    {
    }

    Status dir(int dfd, const std::string& rel)
    {
        // Sorted names: the same tree gives the same tar.
        int dup = ::fcntl(dfd, F_DUPFD_CLOEXEC, 0);
        if (dup < 0) return Error::from_errno("dup " + shown(rel));
        DIR* d = ::fdopendir(dup);
        if (!d) {
            ::close(dup);
            return Error::from_errno("read dir " + shown(rel));
        }
        std::vector<std::string> names;
        errno = 0;
        while (struct dirent* de = ::readdir(d)) {
            std::string n = de->d_name;
            if (n != "." && n != "..") names.push_back(std::move(n));
        }
        ::closedir(d);
        std::sort(names.begin(), names.end());
        for (const auto& n : names) PACK_TRY(entry(dfd, rel.empty() ? n : rel + "/" + n, n));
        return {};
    }

private:
    static std::string shown(const std::string& rel) { return rel.empty() ? std::string("/") : rel; }

    Status write_header(archive_entry* e, const std::string& rel)
    {
        if (archive_write_header(a_, e) != ARCHIVE_OK)
            return Error(Errc::system, "write tar header " + rel + ": " + err_text(), sink_->err);
        return {};
    }
    std::string err_text() const
    {
        const char* m = archive_error_string(a_);
        return m ? m : "unknown error";
    }

    std::unique_ptr<archive_entry, EntryFree> base_entry(const std::string& name, const struct stat& st)
    {
        std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
        archive_entry_set_pathname(e.get(), name.c_str());
        archive_entry_set_uid(e.get(), shift_ ? to_container(shift_->uid, st.st_uid) : st.st_uid);
        archive_entry_set_gid(e.get(), shift_ ? to_container(shift_->gid, st.st_gid) : st.st_gid);
        archive_entry_set_perm(e.get(), st.st_mode & 07777);
        archive_entry_set_mtime(e.get(), st.st_mtim.tv_sec, 0);
        return e;
    }

    // A whiteout or opaque marker: an empty file with fixed owner, mode and time (the extractor
    // makes a whiteout with the time of the extraction, which must not change the tar).
    Status write_marker(const std::string& name)
    {
        std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
        archive_entry_set_pathname(e.get(), name.c_str());
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), 0);
        archive_entry_set_size(e.get(), 0);
        archive_entry_set_mtime(e.get(), 0, 0);
        return write_header(e.get(), name);
    }

    // user.* and security.capability, sorted (llistxattr order is the filesystem's).
    Status xattrs(int fd, archive_entry* e, const std::string& rel, bool* opaque)
    {
        std::vector<char> list(4096);
        ssize_t n;
        while ((n = ::flistxattr(fd, list.data(), list.size())) < 0 && errno == ERANGE) list.resize(list.size() * 4);
        if (n < 0) {
            if (errno == ENOTSUP) return {};
            return Error::from_errno("list xattrs of " + rel);
        }
        std::vector<std::string> names;
        for (ssize_t i = 0; i < n;) {
            std::string name(list.data() + i);
            i += ssize_t(name.size()) + 1;
            names.push_back(std::move(name));
        }
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            // overlayfs' own marks (trusted.overlay.*, or user.overlay.* with userxattr) are never
            // image content; its opaque mark becomes .wh..wh..opq.
            const bool ovl = name.rfind("trusted.overlay.", 0) == 0 || name.rfind("user.overlay.", 0) == 0;
            const bool keep = !ovl && (name.rfind("user.", 0) == 0 || name == "security.capability");
            if (!keep && !(opaque && (name == "trusted.overlay.opaque" || name == "user.overlay.opaque"))) continue;
            std::vector<char> v(256);
            ssize_t m;
            while ((m = ::fgetxattr(fd, name.c_str(), v.data(), v.size())) < 0 && errno == ERANGE)
                v.resize(v.size() * 4);
            if (m < 0) return Error::from_errno("read xattr " + name + " of " + rel);
            if (!keep) {
                *opaque = m == 1 && v[0] == 'y';
                continue;
            }
            archive_entry_xattr_add_entry(e, name.c_str(), v.data(), size_t(m));
        }
        return {};
    }

    Status cancelled() const
    {
        if (cancel_ && cancel_->load(std::memory_order_relaxed)) return Error(kCancelled, "cancelled");
        return {};
    }

    Status entry(int parent, const std::string& rel, const std::string& base)
    {
        PACK_TRY(cancelled());
        struct stat st;
        if (::fstatat(parent, base.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) return Error::from_errno("stat " + rel);
        if (S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0)) {
            // An overlay whiteout: the file is deleted in this layer.
            const auto slash = rel.rfind('/');
            const std::string wh = (slash == std::string::npos ? "" : rel.substr(0, slash + 1)) + ".wh." + base;
            return write_marker(wh);
        }
        if (S_ISDIR(st.st_mode)) {
            UniqueFd fd(::openat(parent, base.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!fd) return Error::from_errno("open dir " + rel);
            auto e = base_entry(rel + "/", st);
            archive_entry_set_filetype(e.get(), AE_IFDIR);
            bool opaque = false;
            PACK_TRY(xattrs(fd.get(), e.get(), rel, &opaque));
            PACK_TRY(write_header(e.get(), rel));
            if (opaque) {
                // Nothing of the lower layers shows through this directory.
                PACK_TRY(write_marker(rel + "/.wh..wh..opq"));
            }
            return dir(fd.get(), rel);
        }
        if (S_ISLNK(st.st_mode)) {
            std::string target(size_t(st.st_size) + 1, '\0');
            ssize_t n = ::readlinkat(parent, base.c_str(), target.data(), target.size());
            if (n < 0) return Error::from_errno("read link " + rel);
            target.resize(size_t(n));
            auto e = base_entry(rel, st);
            archive_entry_set_filetype(e.get(), AE_IFLNK);
            archive_entry_set_symlink(e.get(), target.c_str());
            return write_header(e.get(), rel);
        }
        if (S_ISREG(st.st_mode)) {
            if (st.st_nlink > 1) {
                auto key = std::make_pair(uint64_t(st.st_dev), uint64_t(st.st_ino));
                auto it = links_.find(key);
                if (it != links_.end()) {
                    auto e = base_entry(rel, st);
                    archive_entry_set_filetype(e.get(), AE_IFREG);
                    archive_entry_set_hardlink(e.get(), it->second.c_str());
                    archive_entry_set_size(e.get(), 0);
                    return write_header(e.get(), rel);
                }
                links_.emplace(key, rel);
            }
            UniqueFd fd(::openat(parent, base.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY));
            if (!fd) return Error::from_errno("open " + rel);
            struct stat fst;
            if (::fstat(fd.get(), &fst) < 0 || !S_ISREG(fst.st_mode) || fst.st_ino != st.st_ino)
                return Error(Errc::busy, "pack " + rel + ": the file changed while it was packed");
            auto e = base_entry(rel, fst);
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_size(e.get(), fst.st_size);
            PACK_TRY(xattrs(fd.get(), e.get(), rel, nullptr));
            PACK_TRY(write_header(e.get(), rel));
            std::vector<char> buf(1 << 17);
            int64_t left = fst.st_size;
            while (left > 0) {
                PACK_TRY(cancelled());
                ssize_t n = ::read(fd.get(), buf.data(), size_t(std::min<int64_t>(left, int64_t(buf.size()))));
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) return Error::from_errno("read " + rel);
                if (n == 0) return Error(Errc::busy, "pack " + rel + ": the file shrank while it was packed");
                if (archive_write_data(a_, buf.data(), size_t(n)) != n)
                    return Error(Errc::system, "write tar data " + rel + ": " + err_text(), sink_->err);
                left -= n;
            }
            return {};
        }
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
            // A container may make a fifo; device nodes cannot come from a user namespace, and
            // the extractor refuses them anyway: refuse here rather than make an image no one loads.
            if (!S_ISFIFO(st.st_mode))
                return Error(Errc::invalid_argument, "pack " + rel + ": a device node cannot go into an image layer");
            auto e = base_entry(rel, st);
            archive_entry_set_filetype(e.get(), AE_IFIFO);
            return write_header(e.get(), rel);
        }
        return {};  // sockets: not part of an image (as docker)
    }

    struct archive* a_;
    Sink* sink_;
    const IdShift* shift_;
    const std::atomic<bool>* cancel_;
    std::map<std::pair<uint64_t, uint64_t>, std::string> links_;
};

}  // namespace

Result<PackResult> pack_layer(const std::string& dir, int out_fd, const IdShift* shift, const std::atomic<bool>* cancel)
{
    UniqueFd root(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root) return Error::from_errno("pack layer " + dir);
    Sink sink;
    sink.fd = out_fd;
    std::unique_ptr<struct archive, ArchiveFree> a(archive_write_new());
    archive_write_set_format_pax_restricted(a.get());
    archive_write_add_filter_none(a.get());
    archive_write_set_bytes_per_block(a.get(), 10240);
    if (archive_write_open(a.get(), &sink, nullptr, &sink_write, nullptr) != ARCHIVE_OK)
        return Error(Errc::system, "pack layer " + dir + ": " + std::string(archive_error_string(a.get()) ?: ""));
    Packer p(a.get(), &sink, shift, cancel);
    if (auto st = p.dir(root.get(), ""); !st) return std::move(st).error().wrap("pack layer " + dir);
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return Error(Errc::system, "pack layer " + dir + ": close: " + std::string(archive_error_string(a.get()) ?: ""),
                     sink.err);
    PackResult r;
    r.diff_id = sink.hash.finish_digest();
    r.size = sink.size;
    return r;
}

}  // namespace onggi::image

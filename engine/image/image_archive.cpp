#include "engine/image/image_archive.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "engine/image/content_digest.h"
#include "engine/image/image_errors.h"
#include "engine/image/image_reference.h"
#include "engine/image/layer_packer.h"

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

namespace onggi::image {
namespace {

using json = nlohmann::json;

constexpr uint64_t kMaxEntries = 1u << 16;
constexpr size_t kMaxJson = 8u << 20;

std::string hex_of(const std::string& digest) { return digest.substr(7); }
std::string blob_name(const std::string& digest) { return "blobs/sha256/" + hex_of(digest); }

Error refuse(ArchiveError* why, const char* reason, std::string ctx)
{
    if (why) why->reason = reason;
    return Error(kBadImage, std::move(ctx));
}

struct ReadFree {
    void operator()(struct archive* a) const { archive_read_free(a); }
};
struct WriteFree {
    void operator()(struct archive* a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

// A temp directory under the blob store's .tmp (removed by BlobStore::init after a crash).
class TempDir {
public:
    static Result<TempDir> make(const std::string& parent, const char* what)
    {
        static std::atomic<uint64_t> counter{0};
        TempDir t;
        t.path_ = parent + "/" + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
        if (::mkdir(t.path_.c_str(), 0700) < 0) return Error::from_errno("create " + t.path_);
        return t;
    }
    TempDir() = default;
    TempDir(TempDir&& o) noexcept : path_(std::exchange(o.path_, {})) {}
    ~TempDir()
    {
        if (!path_.empty()) (void)remove_tree(path_);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

Status write_all(int fd, const void* p, size_t n, const std::string& what)
{
    const char* b = static_cast<const char*>(p);
    while (n > 0) {
        ssize_t w = ::write(fd, b, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return Error::from_errno("write " + what);
        b += w;
        n -= size_t(w);
    }
    return {};
}

// ---- save ---------------------------------------------------------------------------------

class TarOut {
public:
    explicit TarOut(int fd) : a_(archive_write_new())
    {
        archive_write_set_format_pax_restricted(a_.get());
        archive_write_add_filter_none(a_.get());
        ok_ = archive_write_open_fd(a_.get(), fd) == ARCHIVE_OK;
    }
    Status open_status() const
    {
        if (!ok_) return Error(Errc::system, std::string("open archive for writing: ") + err());
        return {};
    }
    Status dir(const std::string& name)
    {
        std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
        archive_entry_set_pathname(e.get(), name.c_str());
        archive_entry_set_filetype(e.get(), AE_IFDIR);
        archive_entry_set_perm(e.get(), 0755);
        if (archive_write_header(a_.get(), e.get()) != ARCHIVE_OK)
            return Error(Errc::system, "write " + name + ": " + err());
        return {};
    }
    Status bytes(const std::string& name, const std::string& data)
    {
        ONGGI_CHECK(header(name, data.size()), "write " + name);
        if (!data.empty() && archive_write_data(a_.get(), data.data(), data.size()) != la_ssize_t(data.size()))
            return Error(Errc::system, "write " + name + ": " + err());
        return {};
    }
    Status file(const std::string& name, int fd, uint64_t size)
    {
        ONGGI_CHECK(header(name, size), "write " + name);
        std::vector<char> buf(1 << 17);
        uint64_t left = size;
        while (left > 0) {
            ssize_t n = ::read(fd, buf.data(), size_t(std::min<uint64_t>(left, buf.size())));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0)
                return n < 0 ? Error::from_errno("read back " + name)
                             : Error(Errc::internal, "read back " + name + ": short");
            if (archive_write_data(a_.get(), buf.data(), size_t(n)) != n)
                return Error(Errc::system, "write " + name + ": " + err());
            left -= uint64_t(n);
        }
        return {};
    }
    Status close()
    {
        if (archive_write_close(a_.get()) != ARCHIVE_OK)
            return Error(Errc::system, std::string("finish archive: ") + err());
        return {};
    }

private:
    Status header(const std::string& name, uint64_t size)
    {
        std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
        archive_entry_set_pathname(e.get(), name.c_str());
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), 0644);
        archive_entry_set_size(e.get(), la_int64_t(size));
        if (archive_write_header(a_.get(), e.get()) != ARCHIVE_OK) return Error(Errc::system, err());
        return {};
    }
    const char* err() const
    {
        const char* m = archive_error_string(a_.get());
        return m ? m : "unknown error";
    }
    std::unique_ptr<struct archive, WriteFree> a_;
    bool ok_ = false;
};

std::string digest_of(const std::string& data)
{
    ContentDigest d;
    d.update(data);
    return d.finish_digest();
}

}  // namespace

Result<std::string> config_with_layers(const std::string& base, const ImageRecord& r,
                                       const std::vector<std::string>& diff_ids, const HistoryEntry* add_history)
{
    json c;
    if (!base.empty()) {
        c = json::parse(base, nullptr, false);
        if (c.is_discarded() || !c.is_object()) return Error(kBadImage, "image config: not a JSON object");
    } else {
        // The built-in image has no config blob: the same defaults as its record.
        const Platform p = host_platform();
        c["architecture"] = p.architecture;
        if (!p.variant.empty()) c["variant"] = p.variant;
        c["os"] = "linux";
        c["created"] = r.created;
        c["config"] = {{"Cmd", r.cmd}, {"Env", r.env}, {"WorkingDir", r.workdir}};
        if (!r.user.empty()) c["config"]["User"] = r.user;
        if (!r.entrypoint.empty()) c["config"]["Entrypoint"] = r.entrypoint;
        c["history"] = json::array({json{{"created", r.created}, {"created_by", "onggi built-in busybox"}}});
    }
    c["rootfs"] = {{"type", "layers"}, {"diff_ids", diff_ids}};
    if (add_history) {
        if (!c.contains("history") || !c["history"].is_array()) c["history"] = json::array();
        json h = {{"created", add_history->created}, {"created_by", add_history->created_by}};
        if (!add_history->comment.empty()) h["comment"] = add_history->comment;
        c["history"].push_back(std::move(h));
        c["created"] = add_history->created;
    }
    return c.dump();
}

Result<SaveResult> save_images(ImageStore& store, const std::vector<SaveItem>& items, int out_fd,
                               const std::atomic<bool>* cancel, const ArchiveProgressFn& progress)
{
    auto cancelled = [cancel] { return cancel && cancel->load(); };
    std::set<std::string> all_layers;
    for (const auto& it : items) all_layers.insert(it.record.layers.begin(), it.record.layers.end());
    if (items.empty()) return Error(Errc::invalid_argument, "save: no image");
    auto tmp = TempDir::make(store.blobs().tmp_dir(), "save");
    if (!tmp) return std::move(tmp).error();
    struct Packed {
        std::string diff_id;
        uint64_t size = 0;
        std::string file;
    };
    std::map<std::string, Packed> packed;  // by the store's layer digest
    json manifest_json = json::array(),
         index = {{"schemaVersion", 2}, {"mediaType", media::oci_index}, {"manifests", json::array()}};
    json repositories = json::object();
    struct Blob {
        std::string name, data, file;
        uint64_t size = 0;
    };
    std::vector<Blob> blobs;
    std::set<std::string> written;
    SaveResult res;
    for (const auto& it : items) {
        const ImageRecord& r = it.record;
        std::vector<std::string> diff_ids;
        for (const auto& l : r.layers) {
            if (!packed.count(l)) {
                if (cancelled()) return Error(kCancelled, "save: cancelled");
                auto dir = store.layer_dir(l);
                if (!dir) return std::move(dir).error();
                Packed p;
                p.file = tmp->path() + "/" + hex_of(l) + ".tar";
                UniqueFd fd(::open(p.file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
                if (!fd) return Error::from_errno("create " + p.file);
                auto pr = pack_layer(dir.value(), fd.get(), nullptr, cancel);
                if (!pr) return std::move(pr).error().wrap("save " + r.short_id());
                p.diff_id = pr->diff_id;
                p.size = pr->size;
                packed.emplace(l, std::move(p));
                if (progress) progress("packing", packed.size(), all_layers.size());
            }
            diff_ids.push_back(packed[l].diff_id);
        }
        std::string config;
        if (!r.builtin && store.blobs().has(r.id)) {
            auto text = store.blobs().read(r.id);
            if (!text) return std::move(text).error().wrap("save " + r.short_id() + ": config");
            config = text.value();
        }
        const bool same = !config.empty() && diff_ids == r.layers;
        if (!same) {
            auto c = config_with_layers(config, r, diff_ids);
            if (!c) return std::move(c).error().wrap("save " + r.short_id());
            config = c.value();
        }
        const std::string config_digest = digest_of(config);
        if (items.size() == 1) {
            res.id = config_digest;
            res.rewritten = !same;
        }
        json m = {{"schemaVersion", 2},
                  {"mediaType", media::oci_manifest},
                  {"config", {{"mediaType", media::oci_config}, {"digest", config_digest}, {"size", config.size()}}},
                  {"layers", json::array()}};
        json layer_names = json::array();
        for (const auto& l : r.layers) {
            const Packed& p = packed[l];
            m["layers"].push_back({{"mediaType", media::oci_layer}, {"digest", p.diff_id}, {"size", p.size}});
            layer_names.push_back(blob_name(p.diff_id));
            if (written.insert(p.diff_id).second) blobs.push_back({blob_name(p.diff_id), {}, p.file, p.size});
        }
        const std::string mtext = m.dump();
        const std::string mdigest = digest_of(mtext);
        if (written.insert(config_digest).second)
            blobs.push_back({blob_name(config_digest), config, {}, config.size()});
        if (written.insert(mdigest).second) blobs.push_back({blob_name(mdigest), mtext, {}, mtext.size()});
        json desc = {{"mediaType", media::oci_manifest}, {"digest", mdigest}, {"size", mtext.size()}};
        json entry = {{"Config", blob_name(config_digest)}, {"RepoTags", json::array()}, {"Layers", layer_names}};
        if (!it.name_tag.empty()) {
            auto ref = ImageReference::parse(it.name_tag);
            if (!ref) return std::move(ref).error().wrap("save: name");
            const std::string tag = ref->tag.empty() ? "latest" : ref->tag;
            entry["RepoTags"].push_back(ref->familiar_name() + ":" + tag);
            desc["annotations"] = {{"io.containerd.image.name", ref->domain + "/" + ref->repository + ":" + tag},
                                   {"org.opencontainers.image.ref.name", tag}};
            repositories[ref->familiar_name()][tag] = hex_of(diff_ids.back());
        }
        manifest_json.push_back(std::move(entry));
        index["manifests"].push_back(std::move(desc));
    }
    TarOut out(out_fd);
    ONGGI_CHECK(out.open_status(), "save");
    ONGGI_CHECK(out.dir("blobs/"), "save");
    ONGGI_CHECK(out.dir("blobs/sha256/"), "save");
    uint64_t total = 0, bytes_out = 0;
    for (const auto& b : blobs) total += b.size;
    for (const auto& b : blobs) {
        if (cancelled()) return Error(kCancelled, "save: cancelled");
        if (b.file.empty()) {
            ONGGI_CHECK(out.bytes(b.name, b.data), "save");
        } else {
            UniqueFd fd(::open(b.file.c_str(), O_RDONLY | O_CLOEXEC));
            if (!fd) return Error::from_errno("save: open " + b.file);
            ONGGI_CHECK(out.file(b.name, fd.get(), b.size), "save");
            res.bytes += b.size;
        }
        bytes_out += b.size;
        if (progress) progress("writing", bytes_out, total);
    }
    ONGGI_CHECK(out.bytes("index.json", index.dump()), "save");
    ONGGI_CHECK(out.bytes("manifest.json", manifest_json.dump()), "save");
    ONGGI_CHECK(out.bytes("oci-layout", R"({"imageLayoutVersion":"1.0.0"})"), "save");
    if (!repositories.empty()) ONGGI_CHECK(out.bytes("repositories", repositories.dump()), "save");
    ONGGI_CHECK(out.close(), "save");
    return res;
}

// ---- load ---------------------------------------------------------------------------------

namespace {

struct Staged {
    std::string file;    // staged copy
    std::string digest;  // sha256 of its bytes
    uint64_t size = 0;
    std::string link;  // a symlink or hardlink entry: the name it points to (normalized)
};

// "./a//b/" -> "a/b"; empty when absolute or with a ".." component.
bool normalize(const std::string& in, std::string* out)
{
    if (in.empty() || in[0] == '/') return false;
    std::string r;
    size_t i = 0;
    while (i <= in.size()) {
        size_t j = in.find('/', i);
        if (j == std::string::npos) j = in.size();
        std::string c = in.substr(i, j - i);
        i = j + 1;
        if (c.empty() || c == ".") continue;
        if (c == "..") return false;
        if (!r.empty()) r += '/';
        r += c;
    }
    *out = r;
    return true;
}

// A link's target resolved against the directory of the link, lexically ("a/../b" is "b"):
// false when it climbs out of the archive or is absolute.
bool resolve_link(const std::string& dir, const std::string& target, std::string* out)
{
    if (target.empty() || target[0] == '/') return false;
    std::vector<std::string> parts;
    const std::string whole = dir + target;
    size_t i = 0;
    while (i <= whole.size()) {
        size_t j = whole.find('/', i);
        if (j == std::string::npos) j = whole.size();
        std::string c = whole.substr(i, j - i);
        i = j + 1;
        if (c.empty() || c == ".") continue;
        if (c == "..") {
            if (parts.empty()) return false;
            parts.pop_back();
            continue;
        }
        parts.push_back(std::move(c));
    }
    std::string r;
    for (const auto& p : parts) r += (r.empty() ? "" : "/") + p;
    *out = r;
    return !r.empty();
}

class Staging {
public:
    Staging(std::string dir, ArchiveError* why, const LoadOptions& opt) : dir_(std::move(dir)), why_(why), opt_(opt) {}

    uint64_t staged_bytes() const { return staged_; }
    // Room for `more` bytes: under max_bytes with what was staged, and the filesystem keeps
    // keep_free_bytes (asked every 8 MiB, not per block).
    Status room(uint64_t already, uint64_t more, const std::string& what)
    {
        if (already + more > opt_.max_bytes)
            return refuse(why_, archive_reason::kTooLarge,
                          what + ": the archive holds more than " + std::to_string(opt_.max_bytes) +
                              " bytes, the most a load may take");
        if (already + more >= next_check_) {
            next_check_ = already + more + (8u << 20);
            return disk_room(what);
        }
        return {};
    }
    Status disk_room(const std::string& what)
    {
        struct statvfs sv;
        if (::statvfs(dir_.c_str(), &sv) == 0 && uint64_t(sv.f_bavail) * sv.f_frsize < opt_.keep_free_bytes)
            return refuse(why_, archive_reason::kTooLarge,
                          what + ": the disk would be full (less than " + std::to_string(opt_.keep_free_bytes >> 20) +
                              " MiB free)");
        return {};
    }

    Status read(int in_fd)
    {
        std::unique_ptr<struct archive, ReadFree> a(archive_read_new());
        archive_read_support_format_tar(a.get());
        archive_read_support_filter_gzip(a.get());
        archive_read_support_filter_zstd(a.get());
        archive_read_support_filter_none(a.get());
        if (archive_read_open_fd(a.get(), in_fd, 1 << 16) != ARCHIVE_OK)
            return refuse(why_, archive_reason::kTruncated, std::string("not a tar archive: ") + err(a.get()));
        uint64_t n = 0;
        for (;;) {
            archive_entry* e = nullptr;
            int rc = archive_read_next_header(a.get(), &e);
            if (rc == ARCHIVE_EOF) break;
            if (rc < ARCHIVE_WARN) {
                if (n == 0)
                    return refuse(why_, archive_reason::kTruncated, std::string("not a tar archive: ") + err(a.get()));
                return refuse(why_, archive_reason::kTruncated,
                              std::string("the archive is damaged or ends early: ") + err(a.get()));
            }
            if (++n > kMaxEntries)
                return refuse(why_, archive_reason::kFormat, "more than 65536 entries: not an image archive");
            const char* p = archive_entry_pathname(e);
            const std::string raw = p ? p : "";
            std::string name;
            if (!normalize(raw, &name))
                return refuse(why_, archive_reason::kPath, "entry " + raw + ": absolute or with ..");
            const auto type = archive_entry_filetype(e);
            const char* hl = archive_entry_hardlink(e);
            if (hl) {
                std::string target;
                if (!normalize(hl, &target))
                    return refuse(why_, archive_reason::kPath, "entry " + raw + ": hardlink out of the archive");
                entries_[name] = Staged{{}, {}, 0, target};
                continue;
            }
            if (type == AE_IFDIR) continue;
            if (type == AE_IFLNK) {
                // docker save (before 25) links a layer shared by two images to its first copy.
                const char* t = archive_entry_symlink(e);
                std::string dir = name.rfind('/') == std::string::npos ? "" : name.substr(0, name.rfind('/') + 1);
                std::string target;
                if (!t || !resolve_link(dir, t, &target))
                    return refuse(why_, archive_reason::kPath, "entry " + raw + ": symlink out of the archive");
                entries_[name] = Staged{{}, {}, 0, target};
                continue;
            }
            if (type != AE_IFREG)
                return refuse(why_, archive_reason::kPath, "entry " + raw + ": not a file, directory or link");
            Staged s;
            s.file = dir_ + "/" + std::to_string(n);
            UniqueFd fd(::open(s.file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
            if (!fd) return Error::from_errno("stage " + raw);
            ContentDigest d;
            const void* buf;
            size_t len;
            la_int64_t off;
            for (;;) {
                int r = archive_read_data_block(a.get(), &buf, &len, &off);
                if (r == ARCHIVE_EOF) break;
                if (r < ARCHIVE_WARN)
                    return refuse(why_, archive_reason::kTruncated,
                                  "entry " + raw + ": the archive is damaged or ends early: " + err(a.get()));
                if (uint64_t(off) != s.size)
                    return refuse(why_, archive_reason::kFormat, "entry " + raw + ": sparse files are not image blobs");
                if (opt_.cancel && opt_.cancel->load()) return Error(kCancelled, "load: cancelled");
                ONGGI_CHECK(room(staged_, len, "entry " + raw), "load");
                staged_ += len;
                if (opt_.progress && staged_ >= next_progress_) {
                    next_progress_ = staged_ + (4u << 20);
                    report(in_fd);
                }
                d.update(buf, len);
                ONGGI_CHECK(write_all(fd.get(), buf, len, "stage " + raw), "load");
                s.size += len;
            }
            s.digest = d.finish_digest();
            entries_[name] = std::move(s);
        }
        if (opt_.progress) report(in_fd);
        return {};
    }
    // How much of the archive file was read (its offset; a pipe has none: then the bytes staged).
    void report(int in_fd)
    {
        struct stat st;
        const off_t at = ::lseek(in_fd, 0, SEEK_CUR);
        if (at >= 0 && ::fstat(in_fd, &st) == 0 && S_ISREG(st.st_mode))
            opt_.progress("reading", uint64_t(at), uint64_t(st.st_size));
        else opt_.progress("reading", staged_, 0);
    }

    // The staged entry by name (links followed within the archive), or missing_blob.
    Result<const Staged*> get(const std::string& name, const std::string& what) const
    {
        std::string n = name;
        if (!normalize(name, &n))
            return refuse(why_, archive_reason::kPath, what + " " + name + ": absolute or with ..");
        for (int hops = 0; hops < 8; ++hops) {
            auto it = entries_.find(n);
            if (it == entries_.end())
                return refuse(why_, archive_reason::kMissingBlob, what + " " + name + ": not in the archive");
            if (it->second.link.empty()) return &it->second;
            n = it->second.link;
        }
        return refuse(why_, archive_reason::kPath, what + " " + name + ": too many links");
    }
    // A blob by descriptor: present, and its bytes hash to the digest and have its size.
    Result<const Staged*> blob(const std::string& digest, uint64_t size, const std::string& what) const
    {
        if (!is_digest(digest)) return refuse(why_, archive_reason::kFormat, what + ": bad digest " + digest);
        auto s = get(blob_name(digest), what);
        if (!s) return s;
        if (s.value()->digest != digest)
            return refuse(why_, archive_reason::kDigest,
                          what + " " + digest + ": its bytes hash to " + s.value()->digest);
        if (size && s.value()->size != size)
            return refuse(why_, archive_reason::kDigest,
                          what + " " + digest + ": " + std::to_string(s.value()->size) + " bytes, the manifest says " +
                              std::to_string(size));
        return s;
    }
    Result<std::string> text(const Staged* s, const std::string& what) const
    {
        if (s->size > kMaxJson) return refuse(why_, archive_reason::kFormat, what + ": larger than 8 MiB");
        auto t = read_file(s->file);
        if (!t) return std::move(t).error().wrap(what);
        return t;
    }
    bool has(const std::string& name) const { return entries_.count(name) > 0; }

private:
    static std::string err(struct archive* a)
    {
        const char* m = archive_error_string(a);
        return m ? m : "unknown error";
    }
    std::string dir_;
    ArchiveError* why_;
    LoadOptions opt_;
    uint64_t staged_ = 0, next_check_ = 0, next_progress_ = 0;
    std::map<std::string, Staged> entries_;
};

struct Planned {
    std::string config_digest, config_text;
    ImageConfig config;
    std::vector<const Staged*> layers;
    std::vector<std::string> names;
};

// The hex in "blobs/sha256/<hex>" or "<hex>.json" (docker's names for a config), else "".
std::string hex_in_name(const std::string& name)
{
    std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0) base.resize(base.size() - 5);
    return is_digest("sha256:" + base) ? base : std::string();
}

Status plan_config(const Staging& st, Planned& p, ArchiveError* why)
{
    auto cfg = parse_config(p.config_text);
    if (!cfg) {
        if (why) why->reason = archive_reason::kFormat;
        return std::move(cfg).error().wrap("image config " + p.config_digest);
    }
    p.config = std::move(cfg).value();
    if (p.config.diff_ids.size() != p.layers.size())
        return refuse(why, archive_reason::kFormat,
                      "image " + p.config_digest + ": " + std::to_string(p.layers.size()) +
                          " layers, its config lists " + std::to_string(p.config.diff_ids.size()) + " diff_ids");
    (void)st;
    return {};
}

Result<std::vector<Planned>> plan_docker(const Staging& st, ArchiveError* why)
{
    auto ms = st.get("manifest.json", "manifest.json");
    if (!ms) return std::move(ms).error();
    auto mt = st.text(ms.value(), "manifest.json");
    if (!mt) return std::move(mt).error();
    json m = json::parse(mt.value(), nullptr, false);
    if (m.is_discarded() || !m.is_array() || m.empty())
        return refuse(why, archive_reason::kFormat, "manifest.json: not a list of images");
    std::vector<Planned> out;
    for (const auto& item : m) {
        if (!item.is_object() || !item.contains("Config") || !item["Config"].is_string() || !item.contains("Layers") ||
            !item["Layers"].is_array())
            return refuse(why, archive_reason::kFormat, "manifest.json: an entry without Config and Layers");
        Planned p;
        const std::string cname = item["Config"].get<std::string>();
        auto cs = st.get(cname, "config");
        if (!cs) return std::move(cs).error();
        const std::string want = hex_in_name(cname);
        if (!want.empty() && cs.value()->digest != "sha256:" + want)
            return refuse(why, archive_reason::kDigest,
                          "config " + cname + ": its bytes hash to " + cs.value()->digest);
        p.config_digest = cs.value()->digest;
        auto ct = st.text(cs.value(), "config " + cname);
        if (!ct) return std::move(ct).error();
        p.config_text = ct.value();
        for (const auto& l : item["Layers"]) {
            if (!l.is_string())
                return refuse(why, archive_reason::kFormat, "manifest.json: a layer name is not a string");
            const std::string lname = l.get<std::string>();
            auto ls = st.get(lname, "layer");
            if (!ls) return std::move(ls).error();
            const std::string lhex = lname.rfind("blobs/sha256/", 0) == 0 ? hex_in_name(lname) : std::string();
            if (!lhex.empty() && ls.value()->digest != "sha256:" + lhex)
                return refuse(why, archive_reason::kDigest,
                              "layer " + lname + ": its bytes hash to " + ls.value()->digest);
            p.layers.push_back(ls.value());
        }
        if (item.contains("RepoTags") && item["RepoTags"].is_array())
            for (const auto& t : item["RepoTags"])
                if (t.is_string()) p.names.push_back(t.get<std::string>());
        ONGGI_CHECK(plan_config(st, p, why), "manifest.json");
        out.push_back(std::move(p));
    }
    return out;
}

Status plan_oci_manifest(const Staging& st, const json& desc, std::vector<Planned>& out, ArchiveError* why, int depth);

Status plan_oci_descriptor(const Staging& st, const json& desc, std::vector<Planned>& out, ArchiveError* why, int depth)
{
    return plan_oci_manifest(st, desc, out, why, depth);
}

Status plan_oci_manifest(const Staging& st, const json& desc, std::vector<Planned>& out, ArchiveError* why, int depth)
{
    if (depth > 4) return refuse(why, archive_reason::kFormat, "index.json: indexes nested too deep");
    if (!desc.is_object() || !desc.contains("digest") || !desc["digest"].is_string())
        return refuse(why, archive_reason::kFormat, "index.json: a descriptor without a digest");
    const std::string digest = desc["digest"].get<std::string>();
    const uint64_t size = desc.contains("size") && desc["size"].is_number_unsigned() ? desc["size"].get<uint64_t>() : 0;
    auto s = st.blob(digest, size, "manifest");
    if (!s) return std::move(s).error();
    auto body = st.text(s.value(), "manifest " + digest);
    if (!body) return std::move(body).error();
    auto kind = manifest_kind(body.value(), desc.value("mediaType", std::string()));
    if (!kind) {
        if (why) why->reason = archive_reason::kFormat;
        return std::move(kind).error().wrap("manifest " + digest);
    }
    std::vector<std::string> names;
    if (desc.contains("annotations") && desc["annotations"].is_object()) {
        const auto& a = desc["annotations"];
        if (a.contains("io.containerd.image.name") && a["io.containerd.image.name"].is_string())
            names.push_back(a["io.containerd.image.name"].get<std::string>());
        else if (a.contains("org.opencontainers.image.ref.name") &&
                 a["org.opencontainers.image.ref.name"].is_string()) {
            // A full reference (skopeo's oci-archive:FILE:name) or only a tag (then it has no name).
            const std::string n = a["org.opencontainers.image.ref.name"].get<std::string>();
            if (n.find('/') != std::string::npos || n.find(':') != std::string::npos) names.push_back(n);
        }
    }
    if (is_index_type(kind.value())) {
        auto idx = parse_index(body.value());
        if (!idx) {
            if (why) why->reason = archive_reason::kFormat;
            return std::move(idx).error().wrap("index " + digest);
        }
        auto sel = idx->select(host_platform());
        if (!sel) {
            if (why) why->reason = archive_reason::kFormat;
            return std::move(sel).error().wrap("index " + digest);
        }
        json sub = {{"digest", sel->digest}, {"size", sel->size}, {"mediaType", sel->media_type}};
        const size_t before = out.size();
        ONGGI_CHECK(plan_oci_descriptor(st, sub, out, why, depth + 1), "index " + digest);
        for (size_t i = before; i < out.size(); ++i)
            if (out[i].names.empty()) out[i].names = names;
        return {};
    }
    auto man = parse_manifest(body.value());
    if (!man) {
        if (why) why->reason = archive_reason::kFormat;
        return std::move(man).error().wrap("manifest " + digest);
    }
    Planned p;
    auto cs = st.blob(man->config.digest, man->config.size, "config");
    if (!cs) return std::move(cs).error();
    p.config_digest = man->config.digest;
    auto ct = st.text(cs.value(), "config " + p.config_digest);
    if (!ct) return std::move(ct).error();
    p.config_text = ct.value();
    for (const auto& l : man->layers) {
        if (!is_layer_type(l.media_type))
            return refuse(why, archive_reason::kFormat, "layer " + l.digest + ": media type " + l.media_type);
        auto ls = st.blob(l.digest, l.size, "layer");
        if (!ls) return std::move(ls).error();
        p.layers.push_back(ls.value());
    }
    p.names = names;
    ONGGI_CHECK(plan_config(st, p, why), "manifest " + digest);
    out.push_back(std::move(p));
    return {};
}

Result<std::vector<Planned>> plan_oci(const Staging& st, ArchiveError* why)
{
    auto is = st.get("index.json", "index.json");
    if (!is) return std::move(is).error();
    auto it = st.text(is.value(), "index.json");
    if (!it) return std::move(it).error();
    json idx = json::parse(it.value(), nullptr, false);
    if (idx.is_discarded() || !idx.is_object() || !idx.contains("manifests") || !idx["manifests"].is_array() ||
        idx["manifests"].empty())
        return refuse(why, archive_reason::kFormat, "index.json: no manifests");
    std::vector<Planned> out;
    for (const auto& d : idx["manifests"]) ONGGI_CHECK(plan_oci_manifest(st, d, out, why, 0), "index.json");
    return out;
}

}  // namespace

Result<std::vector<LoadedImage>> load_images(ImageStore& store, int in_fd, ArchiveError* why, const LoadOptions& opt)
{
    auto tmp = TempDir::make(store.blobs().tmp_dir(), "load");
    if (!tmp) return std::move(tmp).error();
    Staging st(tmp->path(), why, opt);
    ONGGI_CHECK(st.read(in_fd), "load");
    Result<std::vector<Planned>> plan = Error(Errc::internal, "");
    if (st.has("manifest.json")) plan = plan_docker(st, why);
    else if (st.has("index.json")) plan = plan_oci(st, why);
    else
        return refuse(why, archive_reason::kFormat,
                      "load: neither manifest.json (docker save) nor index.json (OCI layout) in the archive");
    if (!plan) return std::move(plan).error().wrap("load");
    // Names first: a bad one refuses the archive before anything is unpacked.
    for (auto& p : plan.value()) {
        for (auto& n : p.names) {
            auto ref = ImageReference::parse(n);
            if (!ref || !ref->digest.empty())
                return refuse(why, archive_reason::kFormat, "load: image name " + n + ": not name[:tag]");
            n = ref->familiar_name() + ":" + (ref->tag.empty() ? "latest" : ref->tag);
        }
    }
    // Unpack every layer (each checked against its diff_id); on a failure remove what this load
    // added, so the store is as it was.
    std::vector<std::string> added, pinned;
    uint64_t unpacked = 0;
    auto undo = [&] {
        for (const auto& d : pinned) store.unpin_layer(d);
        for (const auto& d : added) (void)store.drop_layer(d);
    };
    size_t layers_total = 0, layers_done = 0;
    for (const auto& p : plan.value()) layers_total += p.layers.size();
    if (opt.progress) opt.progress("unpacking", 0, layers_total);
    for (auto& p : plan.value()) {
        for (size_t i = 0; i < p.layers.size(); ++i) {
            const std::string& diff_id = p.config.diff_ids[i];
            if (!is_digest(diff_id)) {
                undo();
                return refuse(why, archive_reason::kFormat,
                              "load: image " + p.config_digest + ": bad diff_id " + diff_id);
            }
            store.pin_layer(diff_id);
            pinned.push_back(diff_id);
            const bool had = store.has_layer(diff_id);
            // What the layers unpack to counts too (a small gzip layer can inflate without end):
            // its uncompressed stream gets what is left of max_bytes, and the disk is asked
            // every 4 MiB read (the extractor's progress), stopping it when it runs low.
            ExtractLimits lim;
            const uint64_t used = st.staged_bytes() + unpacked;
            lim.max_bytes = used < opt.max_bytes ? opt.max_bytes - used : 0;
            std::atomic<bool> stop{false};
            Status disk_ok;
            auto r = store.install_layer(p.layers[i]->file, diff_id, lim, &stop, [&](uint64_t) {
                if (opt.cancel && opt.cancel->load()) stop = true;
                if (disk_ok) disk_ok = st.disk_room("layer " + diff_id);
                if (!disk_ok) stop = true;
            });
            if (!r) {
                undo();
                if (!disk_ok) return std::move(disk_ok).error().wrap("load: image " + p.config_digest);
                Error e = std::move(r).error();
                if (e.code == kCancelled) return Error(kCancelled, "load: cancelled");
                if (why && e.code == kBadImage && e.context.find("over the limit") != std::string::npos) {
                    why->reason = archive_reason::kTooLarge;
                    return Error(kBadImage, "load: image " + p.config_digest + ": layer " + diff_id +
                                                " unpacks to more than the " + std::to_string(opt.max_bytes) +
                                                " bytes a load may take");
                }
                if (why && e.code == kBadImage)
                    why->reason = e.context.find("diff_id") != std::string::npos ? archive_reason::kDigest
                                                                                 : archive_reason::kFormat;
                return e.wrap("load: image " + p.config_digest);
            }
            if (!had) added.push_back(diff_id);
            if (auto sz = store.layer_size(diff_id); !had) unpacked += sz;
            if (opt.progress) opt.progress("unpacking", ++layers_done, layers_total);
        }
    }
    std::vector<LoadedImage> out;
    for (auto& p : plan.value()) {
        auto put = store.blobs().put(p.config_digest, p.config_text);
        if (!put) {
            undo();
            return std::move(put).error().wrap("load: store config");
        }
        LoadedImage li;
        const std::string first = p.names.empty() ? std::string() : p.names.front();
        const auto colon = first.rfind(':');
        auto rec = first.empty() ? store.add_image(p.config_digest, p.config, "<none>", "<none>", "")
                                 : store.add_image(p.config_digest, p.config, first.substr(0, colon),
                                                   first.substr(colon + 1), "");
        if (!rec) {
            undo();
            return std::move(rec).error().wrap("load");
        }
        li.record = rec.value();
        for (size_t i = 1; i < p.names.size(); ++i) {
            const auto c = p.names[i].rfind(':');
            auto t = store.tag(li.record.id, p.names[i].substr(0, c), p.names[i].substr(c + 1));
            if (t) li.record = t.value();
        }
        li.names = p.names;
        out.push_back(std::move(li));
    }
    for (const auto& d : pinned) store.unpin_layer(d);
    return out;
}

}  // namespace onggi::image

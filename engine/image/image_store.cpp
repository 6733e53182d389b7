#include "engine/image/image_store.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/image/content_digest.h"
#include "engine/image/image_errors.h"
#include "engine/image/image_reference.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <regex>
#include <set>
#include <sys/vfs.h>

namespace onggi::image {

using json = nlohmann::json;

namespace {

std::string now_rfc3339()
{
    char buf[64];
    time_t t = ::time(nullptr);
    struct tm tm;
    ::gmtime_r(&t, &tm);
    ::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool is_hex(const std::string& s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string hex_of(const std::string& digest) { return digest.substr(7); }

Result<std::vector<std::string>> strings_of(const json& j, const char* field)
{
    std::vector<std::string> out;
    if (!j.contains(field)) return out;
    const json& a = j[field];
    if (!a.is_array()) return Error(Errc::invalid_argument, std::string(field) + ": expected an array");
    for (const auto& e : a) {
        if (!e.is_string()) return Error(Errc::invalid_argument, std::string(field) + ": expected strings");
        out.push_back(e.get<std::string>());
    }
    return out;
}

}  // namespace

std::string ImageRecord::short_id() const { return id.size() > 7 ? id.substr(7, 12) : id; }

bool is_digest(const std::string& s)
{
    return s.size() == 71 && s.compare(0, 7, "sha256:") == 0 && is_hex(s.substr(7));
}

Status validate_reference(const std::string& ref)
{
    static const std::regex re(
        "([a-zA-Z0-9.-]+(:[0-9]{1,5})?/)?[a-z0-9][a-z0-9._/-]{0,127}(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?");
    if (ref.size() > 256 || !std::regex_match(ref, re) || ref.find("..") != std::string::npos)
        return Error(Errc::invalid_argument, "image: invalid reference '" + ref.substr(0, 80) + "'");
    return {};
}

std::string record_to_json(const ImageRecord& r)
{
    json j = {{"id", r.id},           {"name", r.name},     {"tag", r.tag}, {"size", r.size}, {"created", r.created},
              {"builtin", r.builtin}, {"layers", r.layers}, {"cmd", r.cmd}, {"env", r.env},   {"workdir", r.workdir}};
    if (!r.entrypoint.empty()) j["entrypoint"] = r.entrypoint;
    if (!r.user.empty()) j["user"] = r.user;
    if (!r.repo_digest.empty()) j["repo_digest"] = r.repo_digest;
    if (!r.repo_tags.empty()) j["repo_tags"] = r.repo_tags;
    if (r.exposed_ports_recorded) j["exposed_ports"] = r.exposed_ports;
    return j.dump(2) + "\n";
}

Result<ImageRecord> record_from_json(const std::string& text)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error(Errc::invalid_argument, "image record: not a JSON object");
    ImageRecord r;
    auto str = [&](const char* k, std::string& out) -> Status {
        if (!j.contains(k)) return {};
        if (!j[k].is_string())
            return Error(Errc::invalid_argument, std::string("image record: ") + k + ": expected a string");
        out = j[k].get<std::string>();
        return {};
    };
    ONGGI_CHECK(str("id", r.id), "parse");
    ONGGI_CHECK(str("name", r.name), "parse");
    ONGGI_CHECK(str("tag", r.tag), "parse");
    ONGGI_CHECK(str("created", r.created), "parse");
    ONGGI_CHECK(str("workdir", r.workdir), "parse");
    ONGGI_CHECK(str("user", r.user), "parse");
    ONGGI_CHECK(str("repo_digest", r.repo_digest), "parse");
    for (auto [k, out] : {std::pair<const char*, std::vector<std::string>*>{"entrypoint", &r.entrypoint},
                          {"repo_tags", &r.repo_tags},
                          {"exposed_ports", &r.exposed_ports}}) {
        auto v = strings_of(j, k);
        if (!v) return std::move(v).error().wrap("image record");
        *out = v.value();
    }
    r.exposed_ports_recorded = j.contains("exposed_ports");
    for (auto& p : r.exposed_ports) {
        auto n = normalize_exposed_port(p);
        if (!n) return std::move(n).error().wrap("image record: exposed_ports");
        p = n.value();
    }
    if (j.contains("size") && j["size"].is_number_unsigned()) r.size = j["size"].get<uint64_t>();
    if (j.contains("builtin") && j["builtin"].is_boolean()) r.builtin = j["builtin"].get<bool>();
    auto layers = strings_of(j, "layers");
    if (!layers) return std::move(layers).error().wrap("image record");
    r.layers = layers.value();
    if (j.contains("cmd")) {
        auto cmd = strings_of(j, "cmd");
        if (!cmd) return std::move(cmd).error().wrap("image record");
        r.cmd = cmd.value();
    }
    if (j.contains("env")) {
        auto env = strings_of(j, "env");
        if (!env) return std::move(env).error().wrap("image record");
        r.env = env.value();
    }
    if (!is_digest(r.id)) return Error(Errc::invalid_argument, "image record: id: expected sha256:<hex>");
    for (const auto& l : r.layers)
        if (!is_digest(l)) return Error(Errc::invalid_argument, "image record: layers: expected sha256:<hex>");
    if (r.layers.empty()) return Error(Errc::invalid_argument, "image record: layers: empty");
    return r;
}

uint64_t tree_size(const std::string& dir)
{
    uint64_t total = 0;
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return 0;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return 0;
    }
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        struct stat st;
        if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) continue;
        if (S_ISREG(st.st_mode)) total += uint64_t(st.st_size);
        else if (S_ISDIR(st.st_mode)) total += tree_size(dir + "/" + n);
    }
    ::closedir(d);
    return total;
}

ImageStore::ImageStore(std::string root) : root_(std::move(root)), blobs_(root_ + "/blobs") {}

Status ImageStore::init()
{
    ONGGI_CHECK(make_dirs(records_dir(), 0755), "create image records dir");
    ONGGI_CHECK(make_dirs(layers_dir(), 0755), "create image layers dir");
    // Unpacked layers keep their setuid-root files and capabilities (images need them inside
    // their containers). The layers' paths are predictable (digests are public), so the store is
    // root's alone: a host user must not reach /var/lib/onggi/images/layers/<diff>/bin/su.
    // Containers see the layers through overlay mounts made by root, which need no traversal.
    if (::chmod(root_.c_str(), 0700) < 0) return Error::from_errno("chmod 0700 " + root_);
    ONGGI_CHECK(blobs_.init(), "image store");
    // Half-unpacked layers of a helper that died (never visible under their digest).
    if (DIR* d = ::opendir(layers_dir().c_str())) {
        std::vector<std::string> stale;
        while (struct dirent* e = ::readdir(d))
            if (std::string(e->d_name).rfind(".tmp-", 0) == 0) stale.push_back(e->d_name);
        ::closedir(d);
        for (const auto& n : stale) (void)remove_tree(layers_dir() + "/" + n);
    }
    return {};
}

bool ImageStore::has_layer(const std::string& diff_id) const
{
    struct stat st;
    return is_digest(diff_id) && ::lstat((layers_dir() + "/" + hex_of(diff_id)).c_str(), &st) == 0 &&
           S_ISDIR(st.st_mode);
}

Result<std::string> ImageStore::install_layer(const std::string& blob_path, const std::string& diff_id,
                                              const ExtractLimits& limits, const std::atomic<bool>* cancel,
                                              const std::function<void(uint64_t)>& progress)
{
    if (!is_digest(diff_id)) return Error(Errc::invalid_argument, "layer diff_id: expected sha256:<hex>");
    const std::string dir = layers_dir() + "/" + hex_of(diff_id);
    if (has_layer(diff_id)) return dir;
    auto made = make_layer_tmp(diff_id);
    if (!made) return std::move(made).error();
    const std::string tmp = made.value();
    auto fail = [&](Error e) -> Error {
        (void)remove_tree(tmp);
        return e;
    };
    UniqueFd blob(::open(blob_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!blob) return fail(Error::from_errno("open layer blob " + blob_path));
    auto x = extract_layer(blob.get(), tmp, limits, cancel, progress);
    return place_layer(tmp, diff_id, std::move(x));
}

Result<std::string> ImageStore::install_layer(const LayerSource& source, const std::string& diff_id,
                                              const ExtractLimits& limits, const std::atomic<bool>* cancel,
                                              const std::function<void(uint64_t)>& progress)
{
    if (!is_digest(diff_id)) return Error(Errc::invalid_argument, "layer diff_id: expected sha256:<hex>");
    const std::string dir = layers_dir() + "/" + hex_of(diff_id);
    if (has_layer(diff_id)) return dir;
    auto tmp = make_layer_tmp(diff_id);
    if (!tmp) return std::move(tmp).error();
    auto x = extract_layer(source, tmp.value(), limits, cancel, progress);
    return place_layer(tmp.value(), diff_id, std::move(x));
}

Result<std::string> ImageStore::make_layer_tmp(const std::string& diff_id) const
{
    static std::atomic<uint64_t> counter{0};
    const std::string tmp = layers_dir() + "/.tmp-" + hex_of(diff_id).substr(0, 16) + "-" + std::to_string(::getpid()) +
                            "-" + std::to_string(counter++);
    if (::mkdir(tmp.c_str(), 0755) < 0) return Error::from_errno("create " + tmp);
    return tmp;
}

Result<std::string> ImageStore::place_layer(const std::string& tmp, const std::string& diff_id, Result<ExtractResult> x)
{
    const std::string dir = layers_dir() + "/" + hex_of(diff_id);
    auto fail = [&](Error e) -> Error {
        (void)remove_tree(tmp);
        return e;
    };
    if (!x) return fail(std::move(x).error().wrap("unpack layer " + diff_id));
    if (x->diff_id != diff_id)
        return fail(Error(kBadImage,
                          "layer diff_id mismatch: the image config says " + diff_id + ", the layer is " + x->diff_id));
    if (::rename(tmp.c_str(), dir.c_str()) < 0) {
        int e = errno;
        if (e == EEXIST || e == ENOTEMPTY) {  // another pull unpacked the same layer first
            (void)remove_tree(tmp);
            return dir;
        }
        return fail(Error::from_errno("rename layer " + diff_id, e));
    }
    return dir;
}

std::vector<std::string> names_of(const ImageRecord& r)
{
    if (!r.repo_tags.empty()) return r.repo_tags;
    if (r.name == "<none>" || r.name.empty()) return {};
    return {r.name + ":" + r.tag};
}

void ImageStore::on_change(std::function<void(const RecordChange&)> f)
{
    std::lock_guard lk(records_mu_);
    observers_.push_back(std::move(f));
}

void ImageStore::notify(const RecordChange& c)
{
    for (const auto& f : observers_) f(c);
}

Status ImageStore::write_record(const ImageRecord& after, const ImageRecord* before)
{
    ONGGI_CHECK(save(after), "write image record");
    RecordChange c;
    c.id = after.id;
    c.created = before == nullptr;
    const auto now = names_of(after);
    const auto was = before ? names_of(*before) : std::vector<std::string>{};
    for (const auto& n : now)
        if (std::find(was.begin(), was.end(), n) == was.end()) c.tags_added.push_back(n);
    for (const auto& n : was)
        if (std::find(now.begin(), now.end(), n) == now.end()) c.tags_removed.push_back(n);
    if (c.created || !c.tags_added.empty() || !c.tags_removed.empty()) notify(c);
    return {};
}

Status ImageStore::take_tag(const std::vector<ImageRecord>& all, const std::string& config_digest,
                            const std::string& name_tag)
{
    // The tag moves: whoever had it loses it.
    for (const auto& before : all) {
        if (before.id == config_digest) continue;
        ImageRecord o = before;
        auto tags = names_of(o);
        auto it = std::find(tags.begin(), tags.end(), name_tag);
        if (it == tags.end() || o.builtin) continue;
        tags.erase(it);
        o.repo_tags = tags;
        if (tags.empty()) {
            o.name = "<none>";
            o.tag = "<none>";
        } else {
            auto c = tags.front().rfind(':');
            o.name = tags.front().substr(0, c);
            o.tag = tags.front().substr(c + 1);
        }
        ONGGI_CHECK(write_record(o, &before), "untag previous image");
    }
    return {};
}

Result<ImageRecord> ImageStore::tag(const std::string& id, const std::string& name, const std::string& tag)
{
    std::lock_guard lk(records_mu_);
    auto all = list();
    if (!all) return std::move(all).error();
    auto it = std::find_if(all->begin(), all->end(), [&](const ImageRecord& r) { return r.id == id; });
    if (it == all->end()) return Error(Errc::not_found, "no such image: " + id);
    if (it->builtin) return Error(Errc::invalid_argument, "the built-in image cannot be given another name");
    const std::string name_tag = name + ":" + tag;
    const ImageRecord before = *it;
    ImageRecord r = *it;
    ONGGI_CHECK(take_tag(all.value(), id, name_tag), "tag image");
    if (r.repo_tags.empty() && r.name != "<none>") r.repo_tags.push_back(r.name + ":" + r.tag);
    if (std::find(r.repo_tags.begin(), r.repo_tags.end(), name_tag) == r.repo_tags.end())
        r.repo_tags.push_back(name_tag);
    if (r.name == "<none>") {
        r.name = name;
        r.tag = tag;
    }
    ONGGI_CHECK(write_record(r, &before), "tag image");
    return r;
}

Result<ImageRecord> ImageStore::add_image(const std::string& config_digest, const ImageConfig& cfg,
                                          const std::string& name, const std::string& tag,
                                          const std::string& repo_digest)
{
    if (!is_digest(config_digest)) return Error(Errc::invalid_argument, "image id: expected sha256:<hex>");
    if (cfg.diff_ids.empty()) return Error(Errc::invalid_argument, "image config: rootfs.diff_ids: empty");
    for (const auto& l : cfg.diff_ids)
        if (!has_layer(l)) return Error(Errc::not_found, "add image: layer " + l + " is not unpacked");
    // Layers durable before the record that makes them an image (one syncfs per image, not one
    // per layer or per file; the record itself is fsynced by save()). Before the records lock:
    // a tag on another thread does not wait for the disk.
    {
        UniqueFd d(::open(layers_dir().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (d && ::syncfs(d.get()) < 0) return Error::from_errno("sync layers");
    }
    std::lock_guard lk(records_mu_);
    auto all = list();
    if (!all) return std::move(all).error();
    const std::string name_tag = name + ":" + tag;
    ImageRecord r, before;
    bool existed = false;
    for (const auto& o : all.value()) {
        if (o.id == config_digest) {
            r = o;
            before = o;
            existed = true;
        }
    }
    // name "<none>" (a load or commit without a name): an untagged image, nobody loses a name.
    const bool untagged = name == "<none>";
    if (!untagged) ONGGI_CHECK(take_tag(all.value(), config_digest, name_tag), "add image");
    if (!existed) {
        r = ImageRecord{};
        r.id = config_digest;
        r.created = cfg.created.empty() ? now_rfc3339() : cfg.created;
    }
    r.layers = cfg.diff_ids;
    r.cmd = cfg.cmd;
    r.entrypoint = cfg.entrypoint;
    r.env = cfg.env;
    r.workdir = cfg.working_dir;
    r.user = cfg.user;
    r.exposed_ports = cfg.exposed_ports;
    r.exposed_ports_recorded = true;
    if (!repo_digest.empty()) r.repo_digest = repo_digest;
    if (!untagged) {
        if (r.repo_tags.empty() && existed && r.name != "<none>") r.repo_tags.push_back(r.name + ":" + r.tag);
        if (std::find(r.repo_tags.begin(), r.repo_tags.end(), name_tag) == r.repo_tags.end())
            r.repo_tags.insert(r.repo_tags.begin(), name_tag);
        r.name = name;
        r.tag = tag;
    } else if (!existed) {
        r.name = "<none>";
        r.tag = "<none>";
    }
    uint64_t size = 0;
    for (const auto& l : r.layers) size += layer_size(l);
    r.size = size;
    ONGGI_CHECK(write_record(r, existed ? &before : nullptr), "add image");
    return r;
}

uint64_t ImageStore::layer_size(const std::string& diff_id) const
{
    if (!is_digest(diff_id)) return 0;
    {
        std::lock_guard<std::mutex> g(sizes_mu_);
        if (auto it = layer_sizes_.find(diff_id); it != layer_sizes_.end()) return it->second;
    }
    uint64_t n = tree_size(layers_dir() + "/" + hex_of(diff_id));
    std::lock_guard<std::mutex> g(sizes_mu_);
    layer_sizes_[diff_id] = n;
    return n;
}

Result<ImageConfig> ImageStore::config(const ImageRecord& r) const
{
    if (r.builtin || !blobs_.has(r.id)) return Error(Errc::not_found, "image " + r.short_id() + " has no config blob");
    auto text = blobs_.read(r.id);
    if (!text) return std::move(text).error();
    return parse_config(text.value());
}

Result<std::vector<std::string>> ImageStore::exposed_ports(const ImageRecord& r) const
{
    if (r.exposed_ports_recorded || r.builtin) return r.exposed_ports;
    auto c = config(r);
    if (!c) return std::move(c).error().wrap("exposed ports of image " + r.short_id());
    return c->exposed_ports;
}

Result<std::string> ImageStore::layer_dir(const std::string& digest) const
{
    if (!is_digest(digest)) return Error(Errc::invalid_argument, "layer digest: expected sha256:<hex>");
    return layers_dir() + "/" + hex_of(digest);
}

Result<std::vector<std::string>> ImageStore::lower_dirs(const ImageRecord& r) const
{
    std::vector<std::string> out;
    for (auto it = r.layers.rbegin(); it != r.layers.rend(); ++it) {
        auto d = layer_dir(*it);
        if (!d) return std::move(d).error();
        struct stat st;
        if (::stat(d->c_str(), &st) < 0 || !S_ISDIR(st.st_mode))
            return Error(Errc::not_found, "layer " + *it + " of image " + r.name + " is missing");
        out.push_back(d.value());
    }
    return out;
}

Result<ImageRecord> ImageStore::ensure_builtin()
{
    ONGGI_CHECK(init(), "image store");
    const std::string bb = host_busybox_path();
    auto bb_hex = ContentDigest::file_hex(bb);
    if (!bb_hex) return std::move(bb_hex).error().wrap("built-in image: hash busybox (is busybox-static installed?)");
    const std::string layer_digest = "sha256:" + ContentDigest::hex(bb_hex.value() + "\n" + kBuiltinRecipeVersion);
    const std::string dir = layers_dir() + "/" + hex_of(layer_digest);

    struct stat st;
    if (::lstat(dir.c_str(), &st) < 0) {
        std::string tmp =
            layers_dir() + "/.tmp-" + hex_of(layer_digest).substr(0, 12) + "-" + std::to_string(::getpid());
        (void)remove_tree(tmp);
        auto made = make_busybox_rootfs(tmp);
        if (!made) {
            (void)remove_tree(tmp);
            return std::move(made).error().wrap("built-in image: make rootfs");
        }
        if (::rename(tmp.c_str(), dir.c_str()) < 0) {
            int e = errno;
            (void)remove_tree(tmp);
            if (e != EEXIST && e != ENOTEMPTY) return Error::from_errno("built-in image: rename layer", e);
        }
    } else if (!S_ISDIR(st.st_mode)) {
        return Error(Errc::internal, "built-in image: " + dir + " is not a directory");
    }

    std::lock_guard lk(records_mu_);
    ImageRecord r;
    r.name = "busybox";
    r.tag = "latest";
    r.builtin = true;
    r.layers = {layer_digest};
    r.id = "sha256:" + ContentDigest::hex(std::string("onggi-builtin\n") + layer_digest);
    // Keep the existing record (its created time) when nothing changed.
    if (auto old = read_file(records_dir() + "/" + hex_of(r.id) + ".json"); old) {
        if (auto rec = record_from_json(old.value()); rec) return rec.value();
    }
    r.size = tree_size(dir);
    r.created = now_rfc3339();
    // A previous built-in record for an older busybox under the same name is replaced.
    if (auto all = list(); all) {
        for (const auto& o : all.value())
            if (o.builtin && o.id != r.id && o.name == r.name && o.tag == r.tag)
                ::unlink((records_dir() + "/" + hex_of(o.id) + ".json").c_str());
    }
    ONGGI_CHECK(save(r), "built-in image");
    return r;
}

Status ImageStore::save(const ImageRecord& r)
{
    if (!is_digest(r.id)) return Error(Errc::invalid_argument, "image id: expected sha256:<hex>");
    ONGGI_CHECK(write_file_atomic(records_dir() + "/" + hex_of(r.id) + ".json", record_to_json(r)),
                "save image record");
    return {};
}

Result<std::vector<ImageRecord>> ImageStore::list() const
{
    std::vector<ImageRecord> out;
    DIR* d = ::opendir(records_dir().c_str());
    if (!d) {
        if (errno == ENOENT) return out;
        return Error::from_errno("open " + records_dir());
    }
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n.size() != 64 + 5 || n.compare(64, 5, ".json") != 0 || !is_hex(n.substr(0, 64))) continue;
        auto text = read_file(records_dir() + "/" + n, 1 << 20);
        if (!text) continue;
        auto rec = record_from_json(text.value());
        if (!rec || hex_of(rec->id) != n.substr(0, 64)) continue;  // skip damaged records, never crash
        out.push_back(std::move(rec).value());
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(), [](const ImageRecord& a, const ImageRecord& b) {
        return a.name != b.name ? a.name < b.name : a.tag < b.tag;
    });
    return out;
}

Result<ImageRecord> ImageStore::resolve(const std::string& ref) const
{
    if (ref.empty() || ref.size() > 256) return Error(Errc::invalid_argument, "image: empty or too long");
    auto all = list();
    if (!all) return std::move(all).error();
    std::string hex = ref.compare(0, 7, "sha256:") == 0 ? ref.substr(7) : ref;
    // Exact name[:tag] first.
    if (validate_reference(ref)) {
        std::string name = ref, tag = "latest";
        if (auto c = ref.rfind(':'); c != std::string::npos && ref.find('/', c) == std::string::npos) {
            name = ref.substr(0, c);
            tag = ref.substr(c + 1);
        }
        for (const auto& r : all.value())
            if (r.name == name && r.tag == tag) return r;
    }
    // "docker.io/library/busybox:1" and other spellings of a familiar name.
    if (auto parsed = ImageReference::parse(ref); parsed && parsed->digest.empty()) {
        const std::string want = parsed->familiar_name() + ":" + parsed->tag;
        for (const auto& r : all.value()) {
            if (r.name + ":" + r.tag == want) return r;
            for (const auto& t : r.repo_tags)
                if (t == want) return r;
        }
    } else if (parsed && !parsed->digest.empty()) {
        for (const auto& r : all.value())
            if (r.repo_digest == parsed->digest && (r.name == parsed->familiar_name() || parsed->repository.empty()))
                return r;
    }
    if (hex.size() >= 3 && hex.size() <= 64 && is_hex(hex)) {
        const ImageRecord* found = nullptr;
        for (const auto& r : all.value()) {
            if (r.id.compare(7, hex.size(), hex) == 0) {
                if (found) return Error(Errc::invalid_argument, "image: ambiguous id prefix " + hex);
                found = &r;
            }
        }
        if (found) return *found;
    }
    return Error(Errc::not_found, "no such image: " + ref.substr(0, 80));
}

Status ImageStore::remove(const std::string& id, const std::set<std::string>& keep)
{
    if (!is_digest(id)) return Error(Errc::invalid_argument, "image id: expected sha256:<hex>");
    std::lock_guard lk(records_mu_);
    auto all = list();
    if (!all) return std::move(all).error();
    const ImageRecord* victim = nullptr;
    std::set<std::string> still_used = keep;
    for (const auto& r : all.value()) {
        if (r.id == id) victim = &r;
        else still_used.insert(r.layers.begin(), r.layers.end());
    }
    if (!victim) return Error(Errc::not_found, "no such image: " + id);
    {
        std::lock_guard lk(pins_mu_);
        still_used.insert(pins_.begin(), pins_.end());
    }
    std::string rec = records_dir() + "/" + hex_of(id) + ".json";
    if (::unlink(rec.c_str()) < 0) return Error::from_errno("remove image record");
    RecordChange change;
    change.id = id;
    change.removed = true;
    change.tags_removed = names_of(*victim);
    notify(change);
    if (!victim->builtin) (void)blobs_.remove(victim->id);  // its config: the record was its only user
    for (const auto& l : victim->layers) {
        if (still_used.count(l) || !is_digest(l)) continue;
        ONGGI_CHECK(remove_tree(layers_dir() + "/" + hex_of(l)), "remove layer " + l);
    }
    return {};
}

void ImageStore::pin_layer(const std::string& diff_id)
{
    std::lock_guard lk(pins_mu_);
    pins_.insert(diff_id);
}

void ImageStore::unpin_layer(const std::string& diff_id)
{
    std::lock_guard lk(pins_mu_);
    if (auto it = pins_.find(diff_id); it != pins_.end()) pins_.erase(it);
}

namespace {

// The blobs the records need: configs, the documents they were pulled by, and what those name.
std::set<std::string> needed_blobs(const BlobStore& blobs, const std::vector<ImageRecord>& records)
{
    std::set<std::string> need;
    std::vector<std::string> docs;
    for (const auto& r : records) {
        if (r.builtin) continue;
        need.insert(r.id);
        if (is_digest(r.repo_digest)) docs.push_back(r.repo_digest);
    }
    for (size_t i = 0; i < docs.size() && i < 10000; ++i) {
        if (!need.insert(docs[i]).second) continue;
        auto text = blobs.read(docs[i], 4u << 20);
        if (!text) continue;
        if (auto idx = parse_index(text.value())) {
            for (const auto& m : idx->manifests) docs.push_back(m.digest);
        } else if (auto m = parse_manifest(text.value())) {
            need.insert(m->config.digest);
            for (const auto& l : m->layers) need.insert(l.digest);
        }
    }
    return need;
}

}  // namespace

Result<ImageStore::Garbage> ImageStore::garbage(const std::set<std::string>& keep) const
{
    auto all = list();
    if (!all) return std::move(all).error();
    Garbage g;
    std::set<std::string> used = keep;
    for (const auto& r : all.value()) used.insert(r.layers.begin(), r.layers.end());
    {
        std::lock_guard lk(pins_mu_);
        used.insert(pins_.begin(), pins_.end());
    }
    if (DIR* d = ::opendir(layers_dir().c_str())) {
        while (struct dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (!is_digest("sha256:" + n) || used.count("sha256:" + n)) continue;
            ++g.layers;
            g.bytes += layer_size("sha256:" + n);
        }
        ::closedir(d);
    }
    auto blobs = blobs_.list();
    if (!blobs) return std::move(blobs).error();
    const auto need = needed_blobs(blobs_, all.value());
    for (const auto& b : blobs.value()) {
        if (need.count(b)) continue;
        ++g.blobs;
        if (auto s = blobs_.size(b)) g.bytes += s.value();
    }
    return g;
}

Result<ImageStore::Garbage> ImageStore::collect_garbage(const std::set<std::string>& keep, std::chrono::seconds min_age)
{
    std::lock_guard lk(records_mu_);
    Garbage g;
    // Sizes first: a removed layer cannot be measured.
    auto before = garbage(keep);
    if (!before) return std::move(before).error();
    auto layers = collect_layers(keep, min_age);
    if (!layers) return std::move(layers).error();
    g.layers = layers.value();
    auto all = list();
    if (!all) return std::move(all).error();
    auto blobs = blobs_.list();
    if (!blobs) return std::move(blobs).error();
    const auto need = needed_blobs(blobs_, all.value());
    const time_t now = ::time(nullptr);
    for (const auto& b : blobs.value()) {
        if (need.count(b)) continue;
        auto p = blobs_.path(b);
        struct stat st;
        if (!p || ::stat(p->c_str(), &st) < 0) continue;
        if (min_age.count() > 0 && now - st.st_mtime < min_age.count()) continue;
        ONGGI_CHECK(blobs_.remove(b), "remove unused blob");
        ++g.blobs;
        g.bytes += uint64_t(st.st_size);
    }
    // Layer bytes: what was reclaimable and is gone now (a layer kept for its age is not counted).
    auto after = garbage(keep);
    if (after && before->bytes > after->bytes) g.bytes = before->bytes - after->bytes;
    return g;
}

Status ImageStore::drop_layer(const std::string& diff_id)
{
    if (!is_digest(diff_id)) return Error(Errc::invalid_argument, "layer digest: expected sha256:<hex>");
    {
        std::lock_guard lk(pins_mu_);
        if (pins_.count(diff_id)) return {};
    }
    std::lock_guard lk(records_mu_);
    auto all = list();
    if (!all) return std::move(all).error();
    for (const auto& r : all.value())
        for (const auto& l : r.layers)
            if (l == diff_id) return {};
    return remove_tree(layers_dir() + "/" + hex_of(diff_id));
}

Result<size_t> ImageStore::collect_layers(const std::set<std::string>& keep, std::chrono::seconds min_age)
{
    std::lock_guard lk(records_mu_);
    auto all = list();
    if (!all) return std::move(all).error();
    std::set<std::string> used = keep;
    for (const auto& r : all.value()) used.insert(r.layers.begin(), r.layers.end());
    {
        std::lock_guard lk(pins_mu_);
        used.insert(pins_.begin(), pins_.end());
    }
    const time_t now = ::time(nullptr);
    // The inode's change time is the rename into place: what a tar sets (mtime) cannot fake it.
    auto young = [&](const std::string& n) {
        if (min_age.count() <= 0) return false;
        struct stat st;
        if (::stat((layers_dir() + "/" + n).c_str(), &st) < 0) return false;
        return now - st.st_ctime < min_age.count();
    };
    DIR* d = ::opendir(layers_dir().c_str());
    if (!d)
        return errno == ENOENT ? Result<size_t>(size_t(0)) : Result<size_t>(Error::from_errno("open " + layers_dir()));
    std::vector<std::string> gone;
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (!is_digest("sha256:" + n)) continue;  // also skips ".", ".." and .tmp-* of a build in progress
        if (!used.count("sha256:" + n) && !young(n)) gone.push_back(n);
    }
    ::closedir(d);
    for (const auto& n : gone) ONGGI_CHECK(remove_tree(layers_dir() + "/" + n), "remove unused layer sha256:" + n);
    return gone.size();
}

std::string ImageStore::layer_of_dir(const std::string& dir) const
{
    const std::string prefix = layers_dir() + "/";
    if (dir.size() <= prefix.size() || dir.compare(0, prefix.size(), prefix) != 0) return {};
    std::string digest = "sha256:" + dir.substr(prefix.size());
    return is_digest(digest) ? digest : std::string();
}

}  // namespace onggi::image

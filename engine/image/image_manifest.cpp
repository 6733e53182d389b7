#include "engine/image/image_manifest.h"
#include "engine/image/image_errors.h"
#include "engine/image/image_store.h"

#include <sys/utsname.h>

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace onggi::image {

using json = nlohmann::json;

namespace {

Error bad(const std::string& what, const std::string& field, const std::string& why)
{
    return Error(kBadImage, what + ": " + field + ": " + why);
}

Result<json> parse_object(const std::string& body, const std::string& what)
{
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error(kBadImage, what + ": not a JSON object");
    return j;
}

Result<std::string> opt_string(const json& j, const char* k, const std::string& what)
{
    if (!j.contains(k) || j[k].is_null()) return std::string();
    if (!j[k].is_string()) return bad(what, k, "expected a string");
    return j[k].get<std::string>();
}

Result<std::vector<std::string>> opt_strings(const json& j, const char* k, const std::string& what)
{
    std::vector<std::string> out;
    if (!j.contains(k) || j[k].is_null()) return out;
    if (!j[k].is_array()) return bad(what, k, "expected an array of strings");
    for (const auto& e : j[k]) {
        if (!e.is_string()) return bad(what, k, "expected an array of strings");
        out.push_back(e.get<std::string>());
    }
    return out;
}

Result<Descriptor> descriptor(const json& j, const std::string& what)
{
    if (!j.is_object()) return bad(what, "descriptor", "expected an object");
    Descriptor d;
    auto mt = opt_string(j, "mediaType", what);
    if (!mt) return std::move(mt).error();
    d.media_type = mt.value();
    auto dg = opt_string(j, "digest", what);
    if (!dg) return std::move(dg).error();
    d.digest = dg.value();
    if (!is_digest(d.digest))
        return bad(what, "digest", "expected sha256:<64 hex>, got '" + d.digest.substr(0, 80) + "'");
    if (!j.contains("size") || !j["size"].is_number_unsigned())
        return bad(what, "size", "expected a non-negative integer");
    d.size = j["size"].get<uint64_t>();
    if (j.contains("platform") && j["platform"].is_object()) {
        const json& p = j["platform"];
        auto os = opt_string(p, "os", what + ": platform");
        auto arch = opt_string(p, "architecture", what + ": platform");
        auto var = opt_string(p, "variant", what + ": platform");
        if (!os || !arch || !var) return bad(what, "platform", "expected strings");
        d.platform = {os.value(), arch.value(), var.value()};
    }
    return d;
}

}  // namespace

std::string Platform::to_string() const { return os + "/" + architecture + (variant.empty() ? "" : "/" + variant); }

Platform host_platform()
{
    struct utsname u {};
    ::uname(&u);
    std::string m = u.machine;
    Platform p{"linux", m, ""};
    if (m == "x86_64") p.architecture = "amd64";
    else if (m == "aarch64") p = {"linux", "arm64", "v8"};
    else if (m == "armv7l") p = {"linux", "arm", "v7"};
    else if (m == "armv6l") p = {"linux", "arm", "v6"};
    else if (m == "i686" || m == "i386") p.architecture = "386";
    else if (m == "ppc64le") p.architecture = "ppc64le";
    else if (m == "s390x") p.architecture = "s390x";
    else if (m == "riscv64") p.architecture = "riscv64";
    return p;
}

Result<Descriptor> ImageIndex::select(const Platform& want) const
{
    const Descriptor* loose = nullptr;
    std::string have;
    for (const auto& d : manifests) {
        if (!have.empty()) have += ", ";
        have += d.platform.os.empty() ? "(no platform)" : d.platform.to_string();
        if (d.platform.os != want.os || d.platform.architecture != want.architecture) continue;
        if (!is_manifest_type(d.media_type) && !d.media_type.empty()) continue;
        if (d.platform.variant == want.variant) return d;
        if (!loose && (d.platform.variant.empty() || want.variant.empty())) loose = &d;
    }
    if (loose) return *loose;
    return Error(Errc::not_found, "no image for this host's platform " + want.to_string() +
                                      " in the index (it has: " + (have.empty() ? "nothing" : have) + ")");
}

bool is_index_type(const std::string& t) { return t == media::oci_index || t == media::docker_list; }
bool is_manifest_type(const std::string& t) { return t == media::oci_manifest || t == media::docker_manifest; }
bool is_layer_type(const std::string& t)
{
    return t == media::oci_layer || t == media::oci_layer_gzip || t == media::oci_layer_zstd ||
           t == media::docker_layer || t == "application/vnd.docker.image.rootfs.diff.tar" ||
           t == "application/vnd.docker.image.rootfs.diff.tar.zstd";
}

Result<std::string> manifest_kind(const std::string& body, const std::string& content_type)
{
    auto j = parse_object(body, "manifest");
    if (!j) return std::move(j).error();
    std::string mt;
    if (j->contains("mediaType") && (*j)["mediaType"].is_string()) mt = (*j)["mediaType"].get<std::string>();
    if (mt.empty()) mt = content_type.substr(0, content_type.find(';'));
    if (is_index_type(mt) || is_manifest_type(mt)) return mt;
    if (j->contains("schemaVersion") && (*j)["schemaVersion"] == 1)
        return Error(Errc::unsupported, "manifest: Docker schema 1 manifests are not supported");
    if (j->contains("manifests")) return std::string(media::oci_index);
    if (j->contains("layers")) return std::string(media::oci_manifest);
    return Error(kBadImage, "manifest: unknown media type '" + mt.substr(0, 100) + "'");
}

Result<ImageIndex> parse_index(const std::string& body)
{
    auto j = parse_object(body, "index");
    if (!j) return std::move(j).error();
    if (!j->contains("manifests") || !(*j)["manifests"].is_array())
        return bad("index", "manifests", "expected an array");
    ImageIndex idx;
    for (const auto& m : (*j)["manifests"]) {
        auto d = descriptor(m, "index: manifests");
        if (!d) return std::move(d).error();
        idx.manifests.push_back(d.value());
    }
    return idx;
}

Result<ImageManifest> parse_manifest(const std::string& body)
{
    auto j = parse_object(body, "manifest");
    if (!j) return std::move(j).error();
    ImageManifest m;
    if (j->contains("mediaType") && (*j)["mediaType"].is_string()) m.media_type = (*j)["mediaType"].get<std::string>();
    if (!j->contains("config")) return bad("manifest", "config", "missing");
    auto c = descriptor((*j)["config"], "manifest: config");
    if (!c) return std::move(c).error();
    m.config = c.value();
    if (!j->contains("layers") || !(*j)["layers"].is_array()) return bad("manifest", "layers", "expected an array");
    for (const auto& l : (*j)["layers"]) {
        auto d = descriptor(l, "manifest: layers");
        if (!d) return std::move(d).error();
        if (!is_layer_type(d->media_type))
            return Error(Errc::unsupported, "manifest: layer " + d->digest + " has media type '" +
                                                d->media_type.substr(0, 100) + "', which is not a tar layer");
        m.layers.push_back(d.value());
    }
    if (m.layers.size() > 512) return bad("manifest", "layers", "more than 512 layers");
    return m;
}

Result<std::string> normalize_exposed_port(const std::string& text)
{
    // "80/tcp", "53/udp", "9/sctp", or a bare "8080" (tcp), as docker writes EXPOSE.
    const auto slash = text.find('/');
    const std::string num = text.substr(0, slash);
    std::string proto = slash == std::string::npos ? "tcp" : text.substr(slash + 1);
    for (auto& ch : proto) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    const std::string shown = "'" + text.substr(0, 40) + "'";
    if (num.empty() || num.size() > 5 || num.find_first_not_of("0123456789") != std::string::npos)
        return Error(kBadImage, shown + " is not port[/tcp|/udp|/sctp]");
    const unsigned long port = std::stoul(num);
    if (port < 1 || port > 65535) return Error(kBadImage, shown + ": port out of range (1..65535)");
    if (proto != "tcp" && proto != "udp" && proto != "sctp")
        return Error(kBadImage, shown + ": unknown protocol (tcp, udp or sctp)");
    return std::to_string(port) + "/" + proto;
}

Result<ImageConfig> parse_config(const std::string& body)
{
    const std::string what = "image config";
    auto jr = parse_object(body, what);
    if (!jr) return std::move(jr).error();
    const json& j = jr.value();
    ImageConfig c;
    auto s = [&](const json& o, const char* k, std::string& out) -> Status {
        auto v = opt_string(o, k, what);
        if (!v) return std::move(v).error();
        out = v.value();
        return {};
    };
    auto v = [&](const json& o, const char* k, std::vector<std::string>& out) -> Status {
        auto r = opt_strings(o, k, what);
        if (!r) return std::move(r).error();
        out = r.value();
        return {};
    };
    ONGGI_CHECK(s(j, "os", c.platform.os), "parse");
    ONGGI_CHECK(s(j, "architecture", c.platform.architecture), "parse");
    ONGGI_CHECK(s(j, "variant", c.platform.variant), "parse");
    ONGGI_CHECK(s(j, "created", c.created), "parse");
    if (j.contains("config") && j["config"].is_object()) {
        const json& cc = j["config"];
        ONGGI_CHECK(v(cc, "Entrypoint", c.entrypoint), "config");
        ONGGI_CHECK(v(cc, "Cmd", c.cmd), "config");
        ONGGI_CHECK(v(cc, "Env", c.env), "config");
        ONGGI_CHECK(s(cc, "WorkingDir", c.working_dir), "config");
        ONGGI_CHECK(s(cc, "User", c.user), "config");
        ONGGI_CHECK(s(cc, "StopSignal", c.stop_signal), "config");
        if (cc.contains("ExposedPorts") && !cc["ExposedPorts"].is_null()) {
            if (!cc["ExposedPorts"].is_object()) return bad(what, "config.ExposedPorts", "expected an object");
            if (cc["ExposedPorts"].size() > kMaxExposedPorts)
                return bad(what, "config.ExposedPorts", "more than " + std::to_string(kMaxExposedPorts) + " ports");
            for (const auto& [k, _] : cc["ExposedPorts"].items()) {
                auto p = normalize_exposed_port(k);
                if (!p) return bad(what, "config.ExposedPorts", p.error().message());
                if (std::find(c.exposed_ports.begin(), c.exposed_ports.end(), p.value()) == c.exposed_ports.end())
                    c.exposed_ports.push_back(p.value());
            }
        }
        if (cc.contains("Labels") && cc["Labels"].is_object())
            for (const auto& [k, val] : cc["Labels"].items())
                if (val.is_string()) c.labels[k] = val.get<std::string>();
    }
    if (!j.contains("rootfs") || !j["rootfs"].is_object()) return bad(what, "rootfs", "missing");
    auto ids = opt_strings(j["rootfs"], "diff_ids", what + ": rootfs");
    if (!ids) return std::move(ids).error();
    c.diff_ids = ids.value();
    for (const auto& d : c.diff_ids)
        if (!is_digest(d)) return bad(what, "rootfs.diff_ids", "expected sha256:<64 hex>");
    if (j.contains("history") && j["history"].is_array()) {
        for (const auto& h : j["history"]) {
            if (!h.is_object()) continue;
            HistoryEntry e;
            ONGGI_CHECK(s(h, "created", e.created), "history");
            ONGGI_CHECK(s(h, "created_by", e.created_by), "history");
            ONGGI_CHECK(s(h, "comment", e.comment), "history");
            if (h.contains("empty_layer") && h["empty_layer"].is_boolean())
                e.empty_layer = h["empty_layer"].get<bool>();
            c.history.push_back(e);
        }
    }
    for (const auto& e : c.env)
        if (e.find('=') == std::string::npos || e.find('\0') != std::string::npos)
            return bad(what, "config.Env", "expected KEY=value");
    return c;
}

}  // namespace onggi::image

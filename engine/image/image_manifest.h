// Image manifests, indexes and configs: OCI image-spec v1 and Docker's schema2 manifest and
// manifest list, decoded strictly (bad input -> invalid_argument naming the field).
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace onggi::image {

namespace media {
inline constexpr const char* oci_index = "application/vnd.oci.image.index.v1+json";
inline constexpr const char* oci_manifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr const char* oci_config = "application/vnd.oci.image.config.v1+json";
inline constexpr const char* oci_layer = "application/vnd.oci.image.layer.v1.tar";
inline constexpr const char* oci_layer_gzip = "application/vnd.oci.image.layer.v1.tar+gzip";
inline constexpr const char* oci_layer_zstd = "application/vnd.oci.image.layer.v1.tar+zstd";
inline constexpr const char* docker_list = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr const char* docker_manifest = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr const char* docker_config = "application/vnd.docker.container.image.v1+json";
inline constexpr const char* docker_layer = "application/vnd.docker.image.rootfs.diff.tar.gzip";
// What a client says it accepts when it asks for a manifest.
inline constexpr const char* accept_manifests =
    "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";
}  // namespace media

struct Platform {
    std::string os, architecture, variant;
    std::string to_string() const;  // "linux/arm64/v8"
};
// The host's platform as image indexes name it (uname machine -> GOARCH).
Platform host_platform();

struct Descriptor {
    std::string media_type;
    std::string digest;
    uint64_t size = 0;
    Platform platform;  // index entries
};

struct ImageIndex {
    std::vector<Descriptor> manifests;
    // The entry for the platform (variant matched when the host has one; a missing variant
    // matches), or not_found naming what the index has.
    Result<Descriptor> select(const Platform& p) const;
};

struct ImageManifest {
    std::string media_type;
    Descriptor config;
    std::vector<Descriptor> layers;  // bottom first
};

struct HistoryEntry {
    std::string created, created_by, comment;
    bool empty_layer = false;
};

struct ImageConfig {
    Platform platform;
    std::string created;
    std::vector<std::string> entrypoint, cmd, env;
    std::string working_dir, user, stop_signal;
    std::vector<std::string> exposed_ports;  // "80/tcp", normalized by normalize_exposed_port
    std::map<std::string, std::string> labels;
    std::vector<std::string> diff_ids;  // rootfs.diff_ids, bottom first
    std::vector<HistoryEntry> history;
};

bool is_index_type(const std::string& media_type);
bool is_manifest_type(const std::string& media_type);
// A layer media type we can unpack (tar, tar+gzip, tar+zstd in OCI or Docker naming).
bool is_layer_type(const std::string& media_type);

// The kind of manifest document: from its mediaType field, else from the HTTP Content-Type,
// else from its shape ("manifests" -> index, "layers" -> manifest).
Result<std::string> manifest_kind(const std::string& body, const std::string& content_type);
Result<ImageIndex> parse_index(const std::string& body);
Result<ImageManifest> parse_manifest(const std::string& body);
Result<ImageConfig> parse_config(const std::string& body);
// An image config's ExposedPorts key ("80/tcp", "53/UDP", "8080") as "<port>/<tcp|udp|sctp>";
// anything else is bad_image. At most kMaxExposedPorts per image.
inline constexpr size_t kMaxExposedPorts = 256;
Result<std::string> normalize_exposed_port(const std::string& text);

}  // namespace onggi::image

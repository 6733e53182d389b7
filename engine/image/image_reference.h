// ImageReference: an image name as docker reads it (distribution/reference's normalization):
//   busybox                        -> docker.io / library/busybox : latest
//   me/app:1.2                     -> docker.io / me/app : 1.2
//   127.0.0.1:5000/x/y@sha256:...  -> 127.0.0.1:5000 / x/y @ sha256:...
// The first component is a registry host when it has a '.' or a ':' or is "localhost".
#pragma once

#include "engine/core/result.h"

#include <string>

namespace onggi::image {

struct ImageReference {
    std::string domain;      // "docker.io", "127.0.0.1:5000"
    std::string repository;  // "library/busybox"
    std::string tag;         // "latest" unless a digest alone was given
    std::string digest;      // "sha256:<hex>" or empty

    static Result<ImageReference> parse(const std::string& text);

    // The host to speak HTTP to: docker.io -> registry-1.docker.io.
    std::string registry_host() const;
    // How docker shows it: "busybox", "me/app", "127.0.0.1:5000/x/y" (no tag).
    std::string familiar_name() const;
    // familiar_name() + ":" + tag, or "@" + digest when there is no tag.
    std::string familiar() const;
    // Where a manifest is asked for: the digest when given, else the tag.
    std::string manifest_ref() const { return digest.empty() ? tag : digest; }
    // host is loopback (127.0.0.0/8, ::1, localhost)
    bool loopback() const;
};

}  // namespace onggi::image

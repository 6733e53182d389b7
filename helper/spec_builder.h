// SpecBuilder: turns validated create options + an image into the OCI config.json the shim
// runs, with the overlay annotations of docs/shim.md. Pure: no syscalls except reading the
// host's cgroup mode, so it is unit-tested directly.
#pragma once

#include "engine/core/result.h"
#include "engine/image/image_store.h"
#include "engine/spec/spec.h"
#include "helper/params.h"

#include <string>
#include <vector>

namespace onggi::helper {

struct ContainerPaths {
    std::string bundle;  // <state>/containers/<id>
    std::string rootfs() const { return bundle + "/rootfs"; }
    std::string upper() const { return bundle + "/upper"; }
    std::string work() const { return bundle + "/work"; }
    std::string shim_dir() const { return bundle + "/shim"; }
    // The compact, rotated log (docs/shim.md); a log.json beside it is the format of before,
    // read as the oldest part.
    std::string log() const { return bundle + "/container.log"; }
    std::string config() const { return bundle + "/config.json"; }
    std::string record() const { return bundle + "/container.json"; }
};

struct SpecInput {
    std::string id;
    std::string cgroup_parent = "/onggi";
    bool cgroup_v2 = false;  // memory_high needs the unified hierarchy
    ContainerPaths paths;
    std::vector<std::string> lower_dirs;  // top first
    // The user namespace (security.userns, always on for a member): whose subordinate range in
    // which files. A member's own login name; "onggi" for root's --userns private.
    std::string subid_owner = "onggi";
    std::string subuid_file = "/etc/subuid", subgid_file = "/etc/subgid";
    // The hard RLIMIT_NOFILE shims start with (-1: unknown or unlimited): the container's default
    // open-file limit is kept at or below it.
    long nofile_hard = -1;
};

Result<spec::Spec> build_spec(const CreateParams& p, const image::ImageRecord& img, const SpecInput& in);

// Limits -> OCI resources. Only the fields set in `l` are set (so the same function serves
// live updates). memory_high on a v1 host is `unsupported`.
Result<spec::Resources> limits_to_resources(const Limits& l, bool cgroup_v2);

// Security options onto the spec (capabilities add/drop, seccomp, read-only root, privileged).
Status apply_security(spec::Spec& s, const SecurityOptions& o, const SpecInput& in = {});

}  // namespace onggi::helper

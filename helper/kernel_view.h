// The kernel's own view of one running container, for the Learn lessons (container.kernel_view):
// everything here is read from /proc, cgroupfs and the container's overlay upper directory at
// the moment of the call, never from Onggi's records, so a lesson shows what the kernel says.
// Read-only and bounded: at most kMaxMounts mount lines, kMaxUpperEntries upper entries,
// kMaxInterfaces interfaces; each file read is capped. Nothing is followed out of the upper
// directory (openat with O_NOFOLLOW, no symlink is resolved). "host" values are the helper's own
// (/proc/self: the helper runs in the host's namespaces), not PID 1's, which a sandbox may hide.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace onggi::helper {

class KernelView {
public:
    static constexpr size_t kMaxMounts = 200;
    static constexpr size_t kMaxUpperEntries = 400;
    static constexpr size_t kMaxInterfaces = 64;

    struct Input {
        pid_t pid = 0;            // the container's init, host PID
        std::string cgroup_path;  // relative to each hierarchy ("/onggi/<id>")
        // The container's cgroup, opened by the caller on the helper's one probe of the host
        // (ContainerManager::open_cgroup); null when it could not be opened.
        std::shared_ptr<const cgroup::Cgroup> cgroup;
        std::vector<std::string> lower;  // overlay lower dirs, top first
        std::string upper, merged;
        std::vector<std::string> masked_paths, readonly_paths;  // from the stored config
        // Which layer each lower dir is ("sha256:<hex>", "" when it is no image layer), and who
        // else uses layers: the images of the store and the caller's other containers.
        std::vector<std::string> lower_layers;
        struct LayerUser {
            std::string kind;  // "image" | "container"
            std::string name, id;
            std::vector<std::string> layers;
        };
        std::vector<LayerUser> layer_users;
    };

    explicit KernelView(Input in) : in_(std::move(in)) {}

    // The whole view; fails only when the init is gone (not_found / bad_state).
    [[nodiscard]] Result<nlohmann::json> collect() const;

    // Pieces, public for the unit tests over fixture text.
    static nlohmann::json parse_id_map(const std::string& text);   // uid_map / gid_map
    static nlohmann::json parse_status(const std::string& text);   // NSpid, caps, seccomp
    static nlohmann::json parse_net_dev(const std::string& text);  // /proc/PID/net/dev
    static nlohmann::json parse_mountinfo(const std::string& text, size_t max);
    // The upper dir's entries: path (relative, "/"-led), kind (file, dir, symlink, whiteout,
    // opaque_dir, other), size, and whether the same path exists in a lower layer.
    static Result<nlohmann::json> upper_changes(const std::string& upper, const std::vector<std::string>& lower,
                                                size_t max, bool* truncated);
    // uname().nodename inside the UTS namespace of pid (a short-lived thread does setns).
    static Result<std::string> hostname_in(pid_t pid);
    // The container's network from both ends, from rtnetlink: inside its namespace its links
    // (index, name, kind, the index its veth names as peer), IPv4 addresses and main-table
    // routes; outside, for each veth inside, the host-side peer (the link of that index whose
    // own peer is the inside end) with the bridge it is a port of, and the host's main-table
    // routes through that bridge. Nothing else of the host is shown.
    static nlohmann::json network_of(pid_t pid);
    // For each path, whether it exists in the container's root as its init sees it (resolved
    // in its mount namespace, inside its root: RESOLVE_IN_ROOT, no magic links; only looked up).
    static nlohmann::json paths_present(pid_t pid, const std::vector<std::string>& paths);
    // Per lower dir (top first): its layer and the images and containers that use it too.
    static nlohmann::json layer_sharing(const std::vector<std::string>& lower,
                                        const std::vector<std::string>& lower_layers,
                                        const std::vector<Input::LayerUser>& users);

private:
    nlohmann::json cgroup_files() const;
    Input in_;
};

}  // namespace onggi::helper

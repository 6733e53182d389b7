// The kernel's own view of one running container, for the Learn lessons (container.kernel_view):
// everything here is read from /proc, cgroupfs and the container's overlay upper directory at
// the moment of the call, never from Onggi's records, so a lesson shows what the kernel says.
// Read-only and bounded: at most kMaxMounts mount lines, kMaxUpperEntries upper entries,
// kMaxInterfaces interfaces; each file read is capped. Nothing is followed out of the upper
// directory (openat with O_NOFOLLOW, no symlink is resolved). "host" values are the helper's own
// (/proc/self: the helper runs in the host's namespaces), not PID 1's, which a sandbox may hide.
#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <string>
#include <vector>

namespace onggi::helper {

class KernelView {
public:
    static constexpr size_t kMaxMounts = 200;
    static constexpr size_t kMaxUpperEntries = 400;
    static constexpr size_t kMaxInterfaces = 64;

    struct Input {
        pid_t pid = 0;                   // the container's init, host PID
        std::string cgroup_path;         // relative to each hierarchy ("/onggi/<id>")
        std::vector<std::string> lower;  // overlay lower dirs, top first
        std::string upper, merged;
        std::vector<std::string> masked_paths, readonly_paths;  // from the stored config
    };

    explicit KernelView(Input in) : in_(std::move(in)) {}

    // The whole view; fails only when the init is gone (not_found / bad_state).
    [[nodiscard]] Result<nlohmann::json> collect() const;

    // Pieces, public for the unit tests over fixture text.
    static nlohmann::json parse_id_map(const std::string& text);        // uid_map / gid_map
    static nlohmann::json parse_status(const std::string& text);        // NSpid, caps, seccomp
    static nlohmann::json parse_net_dev(const std::string& text);       // /proc/PID/net/dev
    static nlohmann::json parse_mountinfo(const std::string& text, size_t max);
    // The upper dir's entries: path (relative, "/"-led), kind (file, dir, symlink, whiteout,
    // opaque_dir, other), size, and whether the same path exists in a lower layer.
    static Result<nlohmann::json> upper_changes(const std::string& upper, const std::vector<std::string>& lower,
                                                size_t max, bool* truncated);
    // uname().nodename inside the UTS namespace of pid (a short-lived thread does setns).
    static Result<std::string> hostname_in(pid_t pid);

private:
    nlohmann::json cgroup_files() const;
    Input in_;
};

} // namespace onggi::helper

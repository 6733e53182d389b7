// StateRecord: what onggi-runtime keeps per container in <root>/<id>/state.json: the OCI state
// plus what the runtime needs to find the process again (start time against pid reuse, the start
// pipe of a created container, the cgroup). The state itself is the engine's one enum
// (engine/core/container_state.h); its OCI words are written only by to_json and oci_json.
#pragma once

#include "engine/core/container_state.h"
#include "engine/core/result.h"

#include <sys/types.h>

#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace onggi::cmd {

struct StateRecord {
    std::string id;
    std::string bundle;
    std::string rootfs;
    // Stored: created | running. What `state` reports is live_status() (runtime_cli.h), which
    // also knows paused and exited ("stopped").
    ContainerState status = ContainerState::created;
    pid_t pid = 0;
    uint64_t start_time = 0;
    int start_fd = -1;
    std::string cgroup_path;
    std::string created;  // RFC 3339
    std::map<std::string, std::string> annotations;
    // No mount namespace of its own: its rootfs mount to detach at delete (launcher.h SharedRootfs).
    std::string shared_rootfs, mount_ns_path;
    uint64_t mount_ns_inode = 0;

    std::string to_json() const;  // the stored form
    // What `state` prints (runtime.md#state): "status" is oci_status_name(live), "pid" 0 once stopped.
    std::string oci_json(ContainerState live) const;
    // Refuses a state.json that is not JSON, misses a field or names an unknown status.
    static Result<StateRecord> from_json(const std::string& text);
};

// Container ids: [A-Za-z0-9][A-Za-z0-9_.-]*, at most 128 characters.
Status validate_id(const std::string& id);

class StateStore {
public:
    explicit StateStore(std::string root) : root_(std::move(root)) {}
    const std::string& root() const { return root_; }
    std::string dir(const std::string& id) const { return root_ + "/" + id; }

    // Reserve the id: mkdir <root>/<id> (fails with already_exists).
    Status reserve(const std::string& id);
    Status save(const StateRecord& s);
    Result<StateRecord> load(const std::string& id) const;
    Status remove(const std::string& id);
    Result<std::vector<std::string>> list() const;

private:
    std::string root_;
};

}  // namespace onggi::cmd

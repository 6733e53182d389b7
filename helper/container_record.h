// ContainerRecord: what the helper keeps about one container, persisted as
// <state>/containers/<id>/container.json (atomically). The OCI config.json beside it is the
// container's spec; the shim's files (shim.json, exit.json, error.json) are in shim/.
#pragma once

#include "engine/core/container_state.h"
#include "engine/core/result.h"
#include "helper/net/net_options.h"
#include "helper/params.h"
#include "helper/rpc.h"

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::helper {

// A volume whose source the helper opened as the owner at create: the shim mounts the object
// opened again (as the owner) at each start, only while it is still this one (dev, ino).
struct VolumeRef {
    size_t mount = 0;  // index in config.json's mounts
    std::string source;
    uint64_t dev = 0, ino = 0;
};

struct ContainerRecord {
    std::string id;  // 64 hex
    std::string name;
    std::string image;     // as the user named it
    std::string image_id;  // sha256:...
    std::vector<std::string> command;
    std::string created;  // RFC 3339
    uid_t owner_uid = 0;
    gid_t owner_gid = 0;  // the creator's gid (SO_PEERCRED): their group when they have no passwd entry
    RestartPolicy restart;
    int restart_count = 0;
    bool auto_remove = false, tty = false, init = false, open_stdin = false;
    Limits limits;
    std::vector<VolumeRef> volumes;

    // Run state.
    ContainerState state = ContainerState::created;  // a string only in container.json and on the wire
    std::string started_at, finished_at;
    int exit_code = 0;
    bool oom_killed = false;
    pid_t pid = 0;  // container init, host pid
    pid_t shim_pid = 0;
    uint64_t pid_starttime = 0, shim_starttime = 0;  // /proc/PID/stat field 22, guards pid reuse
    bool stop_requested = false;                     // set by stop/kill: no restart by policy
    // Why the last run ended when its exit code alone does not say (the shim died without a
    // word, the container was adopted from a crashed start); empty otherwise.
    std::string error;
    // shim.json's started_at_ns of the run this record accounts for: a shim.json with another
    // value is a run the helper never recorded (it was killed during the start) and is adopted.
    int64_t shim_started_ns = 0;
    // Log rotation (create's log_opts): 0 = the helper's default; max size UINT64_MAX = no cap.
    uint64_t log_max_size = 0;
    int log_max_files = 0;
    ContainerNetwork network;  // its network mode, networks, ports (helper/net/net_options.h)

    std::string short_id() const { return id.substr(0, 12); }
    bool live() const { return is_live(state); }  // running or paused
    json to_json() const;                         // container.json
    static Result<ContainerRecord> from_json(const json& j);
};

// A command line for showing: the arguments joined by spaces.
std::string join_command(const std::vector<std::string>& args);

}  // namespace onggi::helper

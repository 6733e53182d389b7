// ShimProbe: what is true of one container's shim right now, read from its state directory
// (docs/shim.md) and the kernel, never from the helper's record: whether a shim holds
// STATE/shim.lock (alive: launching or running), what its shim.json and exit.json say. The
// record can lag behind (the helper may have been killed between a shim's start and its save),
// so adoption, start and remove decide from this.
#pragma once

#include "engine/core/result.h"
#include "engine/core/shim_contract.h"

#include <optional>

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace onggi::helper {

struct ShimProbe {
    bool alive = false;          // some process holds shim.lock (F_OFD_GETLK)
    bool has_lock_file = false;  // false: a shim from before shim.lock (decide by pid instead)
    bool has_shim_json = false;  // the shim launched the container (this run)
    bool has_exit_json = false;  // the shim recorded the container's end
    pid_t shim_pid = 0, init_pid = 0;
    uint64_t init_start_time = 0;
    int64_t started_at_ns = 0;           // shim.json's started_at_ns: which run this is
    std::optional<shim::ExitInfo> exit;  // exit.json when has_exit_json
    // What was wrong with shim.json or exit.json when one exists but does not parse.
    std::string damage;

    static ShimProbe read(const std::string& shim_dir);
};

// Kill every process left in a container's cgroup (one whose shim is gone: nobody supervises
// them) and remove the cgroup. Waits up to wait_ms for the killed tasks to leave. Returns how
// many processes were found; busy when some are still there after the wait.
Result<size_t> reap_cgroup(const std::string& cgroup_path, int wait_ms = 2000);

// Whether the cgroup exists and has processes in it (false when it does not exist).
bool cgroup_populated(const std::string& cgroup_path);

}  // namespace onggi::helper

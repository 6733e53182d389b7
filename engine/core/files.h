// Small file helpers used across the engine. All return Result, none throws.
#pragma once

#include "engine/core/result.h"

#include <string>

namespace onggi {

Result<std::string> read_file(const std::string& path, size_t max_bytes = 16 << 20);
// Write the whole string (O_WRONLY|O_TRUNC, no create): for cgroup and /proc knobs.
Status write_file(const std::string& path, const std::string& data);
// How far a replace must survive. durable: a power loss too (fsync of the file before the
// rename and of the directory after). process: readers never see a torn file and a crashed
// process leaves the old one, but a power loss may lose the change; for state that is void
// after a reboot anyway (pids, exit codes of the running boot). Each fsync costs 0.3 to 2 ms
// on the dev hosts, on every container start and exit.
enum class Sync { durable, process };
// Replace: write temp in the same dir, (fsync), rename, (fsync dir).
Status write_file_atomic(const std::string& path, const std::string& data, int mode = 0644, Sync sync = Sync::durable);
// mkdir -p
Status make_dirs(const std::string& path, int mode = 0755);
// rm -rf that does not follow symlinks and stays on one filesystem.
Status remove_tree(const std::string& path);

}  // namespace onggi

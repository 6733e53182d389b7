// Small file helpers used across the engine. All return Result, none throws.
#pragma once

#include "engine/core/result.h"

#include <string>

namespace onggi {

Result<std::string> read_file(const std::string& path, size_t max_bytes = 16 << 20);
// Write the whole string (O_WRONLY|O_TRUNC, no create): for cgroup and /proc knobs.
Status write_file(const std::string& path, const std::string& data);
// Crash-safe replace: write temp in the same dir, fsync, rename, fsync dir.
Status write_file_atomic(const std::string& path, const std::string& data, int mode = 0644);
// mkdir -p
Status make_dirs(const std::string& path, int mode = 0755);
// rm -rf that does not follow symlinks and stays on one filesystem.
Status remove_tree(const std::string& path);

} // namespace onggi

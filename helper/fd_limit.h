// The helper's open-file limit: raised at start, as the children's was.
#pragma once

namespace onggi::helper {

// Raises this process's RLIMIT_NOFILE soft limit to its hard limit (at most 1 << 20) and
// remembers the soft limit it had. A helper at the usual soft limit of 1024 ran out of
// descriptors at its 47th container (~22 fds each), and the shim failed to start with an
// empty reason. Returns the new soft limit, or -1 if it could not be read or set.
long raise_fd_limit();

// In a child between fork and exec (QProcess::setChildProcessModifier): puts back the soft limit
// the helper started with, so shims and containers see what they would have seen without the
// raise (select()-based programs break above 1024). Async-signal-safe: one setrlimit.
void restore_child_fd_limit();

} // namespace onggi::helper

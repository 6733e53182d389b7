// The helper's open-file limit: raised at start, as the children's was.
#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace onggi::helper {

// Raises this process's RLIMIT_NOFILE soft limit to its hard limit (at most 1 << 20) and
// remembers the soft limit it had. A helper at the usual soft limit of 1024 ran out of
// descriptors at its 47th container (~22 fds each), and the shim failed to start with an
// empty reason. Returns the new soft limit, or -1 if it could not be read or set.
long raise_fd_limit();

// In a child between fork and exec (QProcess::setChildProcessModifier): puts back the limits
// the helper started with, so shims and containers see what they would have seen without the
// raise (select()-based programs break above 1024), nor a limit set on the helper since.
// Async-signal-safe: getrlimit and setrlimit.
void restore_child_fd_limit();

// How many descriptors this process holds, and its soft limit now (-1 where unknown). Works
// when none is left: counted in /proc/self/fd, else by poll(2) over the descriptor numbers.
struct FdUse {
    long open = -1;
    long limit = -1;
};
FdUse fd_use();

// Out of descriptors: EMFILE (this process at its limit) or ENFILE (the host's table full).
bool is_fd_exhaustion(int err);

// The error for a step that failed for want of a descriptor, in numbers: "WHAT: too many open
// files in the helper (N open, limit M)" (errc system, errno EMFILE or ENFILE). Every reply
// with such an errno also carries them in error.data (fd_exhaustion_data).
Error fd_exhausted(const std::string& what, int err = EMFILE);

// Any error with errno EMFILE or ENFILE, worded as fd_exhausted does (with the numbers, the
// code kept) unless it already says whose limit it was (fd_exhausted's or shim_fd_exhausted's
// words); any other error as it is. Every error reply passes through it (Call::fail): a step
// that ran out says so wherever it was.
Error worded_fd_exhaustion(const Error& e);

// error.data for a client to explain it in its own language (docs/protocol.md):
// {"reason":"helper_fd_limit","open_fds":N,"fd_limit":M}, or "host_fd_limit" for ENFILE.
nlohmann::json fd_exhaustion_data(int err);

// The soft limit the helper started with, which its children (shims) get: -1 where unknown.
long child_fd_limit();
// Its hard limit, the most a shim or a container can raise its soft limit to: -1 where unknown
// or unlimited.
long child_fd_hard_limit();

// A shim that reported EMFILE itself (error.json, or its exec error line): the shim is at its
// own limit (child_fd_limit, e.g. a unit's LimitNOFILE=64:524288), not the helper at its.
// "WHAT: too many open files in onggi-shim (its limit N): STAGE: ..." with the shim's errno, so
// that the dispatcher neither words it as the helper's nor gives it the helper's numbers.
Error shim_fd_exhausted(const std::string& what, const Error& shim_error);
bool is_shim_fd_exhaustion(const Error& e);

// error.data for any error with errno EMFILE or ENFILE: the shim's
// {"reason":"shim_fd_limit","fd_limit":N} (N omitted where unknown) for shim_fd_exhausted's
// errors, else fd_exhaustion_data(e.sys_errno).
nlohmann::json fd_exhaustion_data(const Error& e);

}  // namespace onggi::helper

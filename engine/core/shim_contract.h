// What onggi-helper and onggi-shim exchange (docs/shim.md), typed once for both sides: the files
// in the shim's state directory, the command-line arguments that carry more than a word, and the
// annotations of config.json that only Onggi reads. The shim writes with to_json(); the helper
// reads with parse(), which never throws (a damaged or foreign file is an Error naming the file
// and the field).
#pragma once

#include "engine/core/result.h"

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onggi::shim {

// Files in the shim's state directory (--state-dir).
inline constexpr const char* kLockFile = "shim.lock";             // an OFD lock held while the shim lives
inline constexpr const char* kShimFile = "shim.json";             // ShimInfo: written once the container runs
inline constexpr const char* kExitFile = "exit.json";             // ExitInfo: written when it ended
inline constexpr const char* kExitPending = "exit.json.pending";  // room for exit.json, taken at start
inline constexpr const char* kErrorFile = "error.json";           // ShimError: why a start failed
inline constexpr const char* kAttachSocket = "attach.sock";

// config.json annotations: the overlay the shim mounts as the container's root (helper/
// spec_builder.cpp writes them, engine/runtime/launcher.cpp reads them). lowerdir is a
// colon-separated list, top layer first.
inline constexpr const char* kOverlayLowerdir = "org.onggi.overlay.lowerdir";
inline constexpr const char* kOverlayUpperdir = "org.onggi.overlay.upperdir";
inline constexpr const char* kOverlayWorkdir = "org.onggi.overlay.workdir";

// shim.json.
struct ShimInfo {
    pid_t shim_pid = 0;
    pid_t init_pid = 0;
    uint64_t init_start_time = 0;  // /proc/PID/stat field 22 of the init
    int64_t started_at_ns = 0;     // CLOCK_REALTIME: which run this is
    std::string cgroup_path;
    std::string attach_socket;  // empty: nothing to attach to

    std::string to_json() const;
    static Result<ShimInfo> parse(std::string_view text);
};

// exit.json.
struct ExitInfo {
    int exit_code = 255;
    int signal = 0;  // the signal that ended the init (or its program, with --init); 0 if none
    bool oom_killed = false;
    int64_t finished_at_ns = 0;

    std::string to_json() const;
    static Result<ExitInfo> parse(std::string_view text);
};

// error.json, and the one line a failing `onggi-shim run|exec` prints on stderr.
struct ShimError {
    Errc code = Errc::internal;
    std::string stage;  // "setup" or a runtime::Stage name ("mount", "pivot_root", ...)
    int sys_errno = 0;
    std::string message;

    std::string to_json() const;
    static ShimError from(const Error& e, std::string stage);
    static Result<ShimError> parse(std::string_view text);
    // As an Error for the helper's reply: the shim's code as it is, "stage: message".
    Error to_error() const;
};

// The inverse of errc_name(); nullopt for a name that is not a code.
std::optional<Errc> errc_from_name(std::string_view name);

// --mount-fd INDEX:FD: config.json's mounts[INDEX] is the object open on FD (a volume source the
// helper opened as the container's owner).
struct MountFd {
    size_t mount = 0;
    int fd = -1;

    std::string arg() const;
    // The syntax only (FD >= 3); whether FD is open is the shim's to check.
    static Result<MountFd> parse(std::string_view arg);
};

// --network FILE: the container's network attachments, a file the helper writes
// (engine/net/attachment.h); an empty path means no --network.
inline constexpr const char* kNetworkArg = "--network";
inline constexpr const char* kMountFdArg = "--mount-fd";

}  // namespace onggi::shim

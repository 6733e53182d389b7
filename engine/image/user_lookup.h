// User and group names of a container, as docker resolves `--user`: from the container's own
// /etc/passwd and /etc/group (an image has no NSS the host could ask). The files are read
// through openat2(RESOLVE_IN_ROOT) below each root, so a symlink in an image or in a
// container's upper layer cannot point the helper at a host file; only regular files of at
// most 1 MiB are read (a FIFO or a device there cannot block or feed the helper).
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onggi::image {

struct UserIds {
    uint32_t uid = 0, gid = 0;
    std::vector<uint32_t> additional_gids;  // groups of /etc/group that list the user
};

struct PasswdEntry {
    std::string name;
    uint32_t uid = 0, gid = 0;
};
struct GroupEntry {
    std::string name;
    uint32_t gid = 0;
    std::vector<std::string> members;
};

// Lines that do not parse are skipped, as libc does.
std::vector<PasswdEntry> parse_passwd(std::string_view text);
std::vector<GroupEntry> parse_group(std::string_view text);

// "user[:group]": each a name or a number. A name must exist (not_found: "no user \"x\" in
// /etc/passwd"); a number need not. Without a group, the gid is the user's passwd entry's, or
// (a number without an entry) the uid itself, as onggi's numeric form always was. Additional
// gids: the groups whose member list names the user. passwd/group: the files' text, nullopt
// when the file does not exist.
Result<UserIds> resolve_user(const std::string& spec, const std::optional<std::string>& passwd,
                             const std::optional<std::string>& group);

// The text of `rel` (e.g. "etc/passwd") in the first of `roots` (directories, top layer first;
// or /proc/PID/root of a running container) that has it. nullopt when none has it.
Result<std::optional<std::string>> read_in_roots(const std::vector<std::string>& roots, const std::string& rel);

// read_in_roots for etc/passwd and etc/group, then resolve_user.
Result<UserIds> resolve_user_in(const std::vector<std::string>& roots, const std::string& spec);

// Whether spec names a user or group (rather than only numbers): only then is a lookup needed.
bool user_spec_has_names(const std::string& spec);
// Syntax: [A-Za-z0-9_][A-Za-z0-9_.-]{0,31} for each part, at most one ':'.
Status validate_user_spec(const std::string& spec);

}  // namespace onggi::image

// PolicyGate: the one place that decides what a peer may ask of the root helper (issue 13).
// container.create, container.start (and restart), container.update and container.exec pass through it
// before anything is built or run.
//
//   root (peer uid 0)         may ask for anything.
//   a member of group onggi   gets what their own uid could do: no capability beyond Docker's
//                             default 14 (member_capabilities()), a seccomp filter at least as
//                             strict as the default, every namespace private (pid, net, ipc,
//                             uts, cgroup, mount), no --privileged, no devices, no cgroup parent,
//                             no sysctls, masked and read-only /proc paths and a read-only /sys
//                             kept. Each of those "privileged asks" may instead be authorized per
//                             action through polkit (org.onggi.*, auth_admin by default; see
//                             resources/polkit/org.onggi.policy) where polkitd runs, the way
//                             libvirt and systemd-machined do; where it does not, it is refused.
//
// A refusal is -32002 errc "forbidden" with an English context naming the option, and data
// {"option","value","polkit_action","polkit"} so that clients translate it (client/error_text).
//
// Asks come from two places: the create params (friendly names: "security.cap_add[0]: SYS_ADMIN")
// and the stored config.json (start, exec: what will really run, whoever wrote it — an older
// helper, a container created under a polkit authorization since revoked).
#pragma once

#include "engine/core/result.h"
#include "engine/spec/spec.h"
#include "helper/params.h"
#include "helper/peer.h"
#include "helper/rpc.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace onggi::helper {

class PolkitAuthority;

// One privileged thing a request asks for.
struct PolicyAsk {
    std::string option;   // stable key for clients: "privileged", "cap_add", "seccomp.unconfined", ...
    std::string value;    // what exactly ("SYS_ADMIN", "mount", "/dev/sda"); may be empty
    std::string action;   // polkit action that may authorize it; empty: nobody but root, ever
    std::string context;  // English: "security.cap_add[0]: SYS_ADMIN is beyond the capabilities ..."
};

// polkit action ids (resources/polkit/org.onggi.policy).
namespace polkit_action {
inline constexpr const char* privileged = "org.onggi.container.privileged";
inline constexpr const char* capabilities = "org.onggi.container.capabilities";
inline constexpr const char* seccomp = "org.onggi.container.seccomp";
inline constexpr const char* host_namespaces = "org.onggi.container.host-namespaces";
inline constexpr const char* devices = "org.onggi.container.devices";
inline constexpr const char* cgroup_parent = "org.onggi.container.cgroup-parent";
}  // namespace polkit_action

// Docker's default 14 capabilities: what a member's container holds and the most it may ask
// for with cap_add. Every other capability is checked by the kernel against the initial user
// namespace for host-wide objects (SYS_ADMIN: mount, sethostname, release_agent; SYS_MODULE;
// SYS_PTRACE; SYS_RAWIO; DAC_READ_SEARCH: open_by_handle_at; NET_ADMIN on a host netns; ...)
// and turns container root into host root while container root is host root.
std::vector<std::string> member_capabilities();
uint64_t member_capability_mask();

// The privileged asks of a create request. Decoding errors are not asks (create reports them).
std::vector<PolicyAsk> privileged_asks(const CreateParams& p);
// The privileged asks of a stored spec. expected_cgroups_path: "<helper's parent>/<id>".
std::vector<PolicyAsk> privileged_asks(const spec::Spec& s, const std::string& expected_cgroups_path);
// Syscalls that `profile` lets through (allow, log, trace, notify) and `reference` refuses
// (errno, kill, trap), or lets through only under argument conditions where `profile` has none.
// The names of the native architecture known to libseccomp, sorted; empty = not wider.
std::vector<std::string> seccomp_widening(const spec::Seccomp& profile, const spec::Seccomp& reference);

// The error a refused ask becomes on the wire: -32002, errc "forbidden", the English message,
// data {"option","value","polkit_action","polkit"}.
// polkit: "unavailable" | "denied" | "challenge" | "dismissed" | "none" (not authorizable).
struct PolicyRefusal {
    std::string message;
    json data;  // without errc/errno
    json error_object() const;
};
PolicyRefusal refusal(const PolicyAsk& ask, const std::string& polkit);

// What a member is told about a volume source that cannot be used, whatever the reason
// (missing, unreadable, not theirs): the same answer for /root/.bashrc and /root/nonexistent,
// so that the helper is no oracle for paths the member cannot reach. Root gets the real reason.
Error volume_source_refusal(const std::string& source, const Peer& peer, const Error& real);

class PolicyGate {
public:
    explicit PolicyGate(PolkitAuthority* polkit) : polkit_(polkit) {}

    using Done = std::function<void(const PolicyRefusal* refused)>;  // null = allowed
    // Root: allowed at once. A member: allowed when there is nothing to ask, else each distinct
    // polkit action is checked in turn (asynchronously: an authentication dialog may be up);
    // the first refusal ends it.
    void authorize(const Peer& peer, std::vector<PolicyAsk> asks, Done done);

private:
    PolkitAuthority* polkit_;
};

}  // namespace onggi::helper

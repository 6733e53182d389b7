#include "helper/policy_gate.h"

#include "engine/security/security.h"
#include "helper/polkit_authority.h"
#include "helper/spec_builder.h"

#include <seccomp.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

namespace onggi::helper {

namespace {

std::string upper_cap(const std::string& name)
{
    auto n = security::normalize_capability(name);
    if (n) return n.value();
    std::string u = name;
    for (auto& c : u) c = char(std::toupper(static_cast<unsigned char>(c)));
    return u;
}

bool is_all(const std::string& cap)
{
    std::string u = upper_cap(cap);
    return u == "ALL" || u == "CAP_ALL";
}

// How a profile treats one syscall: refused, allowed only under argument conditions, allowed.
enum class Let { refused = 0, conditional = 1, always = 2 };

bool lets_through(const std::string& action)
{
    // TRACE: a tracer inside the same container decides; NOTIFY: an agent decides; LOG: allowed.
    return action == "SCMP_ACT_ALLOW" || action == "SCMP_ACT_LOG" || action == "SCMP_ACT_TRACE" ||
           action == "SCMP_ACT_NOTIFY";
}

Let treatment(const spec::Seccomp& p, const std::string& name)
{
    bool named = false;
    Let best = Let::refused;
    for (const auto& rule : p.syscalls) {
        if (std::find(rule.names.begin(), rule.names.end(), name) == rule.names.end()) continue;
        named = true;
        if (!lets_through(rule.action)) continue;
        best = std::max(best, rule.args.empty() ? Let::always : Let::conditional);
    }
    // A syscall no rule names gets the default action; one named only by refusing rules is refused
    // (libseccomp: the rule's action replaces the default for its syscall).
    if (!named) return lets_through(p.default_action) ? Let::always : Let::refused;
    return best;
}

const std::vector<std::string>& native_syscall_names()
{
    static const std::vector<std::string> names = [] {
        std::set<std::string> s;
        for (int nr = 0; nr < 1024; ++nr) {
            char* n = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
            if (!n) continue;
            s.insert(n);
            std::free(n);
        }
        return std::vector<std::string>(s.begin(), s.end());
    }();
    return names;
}

PolicyAsk ask(std::string option, std::string value, const char* action, std::string context)
{
    return PolicyAsk{std::move(option), std::move(value), action ? action : "", std::move(context)};
}

void seccomp_asks(const spec::Seccomp& profile, uint64_t caps, const std::string& field, std::vector<PolicyAsk>& out)
{
    auto wider = seccomp_widening(profile, security::default_seccomp_for(caps));
    if (wider.empty()) return;
    // The best-known doors first, so that the message says what matters.
    static const std::vector<std::string> notable = {
        "mount",      "unshare", "setns",  "clone",  "open_by_handle_at", "init_module", "finit_module",
        "kexec_load", "bpf",     "ptrace", "keyctl", "pivot_root"};
    auto rank = [](const std::string& n) {
        auto it = std::find(notable.begin(), notable.end(), n);
        return it == notable.end() ? notable.size() : size_t(it - notable.begin());
    };
    std::stable_sort(wider.begin(), wider.end(),
                     [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
    std::string list;
    for (size_t i = 0; i < wider.size() && i < 5; ++i) list += (i ? ", " : "") + wider[i];
    if (wider.size() > 5) list += ", ... (" + std::to_string(wider.size()) + " in all)";
    out.push_back(ask("seccomp.profile", wider.front(), polkit_action::seccomp,
                      field + ": the profile lets through what the default profile refuses: " + list));
}

uint64_t mask_of(const std::vector<std::string>& names)
{
    auto m = security::capability_mask(names, "capabilities");
    return m ? m.value() : ~uint64_t(0);
}

}  // namespace

std::vector<std::string> member_capabilities() { return security::default_capability_names(); }

uint64_t member_capability_mask() { return mask_of(member_capabilities()); }

std::vector<std::string> seccomp_widening(const spec::Seccomp& profile, const spec::Seccomp& reference)
{
    std::vector<std::string> out;
    for (const auto& name : native_syscall_names())
        if (treatment(profile, name) > treatment(reference, name)) out.push_back(name);
    return out;
}

std::vector<PolicyAsk> privileged_asks(const CreateParams& p)
{
    std::vector<PolicyAsk> out;
    const auto& sec = p.security;
    if (sec.privileged)
        out.push_back(
            ask("privileged", "", polkit_action::privileged,
                "security.privileged: a privileged container has every capability, no seccomp filter and every "
                "device of the host"));

    const uint64_t allowed = member_capability_mask();
    for (size_t i = 0; i < sec.cap_add.size(); ++i) {
        const std::string field = "security.cap_add[" + std::to_string(i) + "]";
        if (is_all(sec.cap_add[i])) {
            out.push_back(
                ask("cap_add", "ALL", polkit_action::capabilities, field + ": ALL is every capability of the host"));
            continue;
        }
        auto n = security::capability_number(sec.cap_add[i]);
        if (!n) continue;  // unknown names are create's error to report
        if (!(allowed & (uint64_t(1) << n.value())))
            out.push_back(ask("cap_add", upper_cap(sec.cap_add[i]), polkit_action::capabilities,
                              field + ": " + upper_cap(sec.cap_add[i]) +
                                  " is beyond the capabilities a member's container may hold (Docker's default set)"));
    }

    if (sec.seccomp == "unconfined")
        out.push_back(ask("seccomp.unconfined", "", polkit_action::seccomp,
                          "security.seccomp: unconfined runs without a seccomp filter"));
    else if (!sec.seccomp.empty() && sec.seccomp[0] == '/')
        // Not authorizable: the root helper would open a file of the host on the member's behalf.
        out.push_back(ask("seccomp.file", "", nullptr,
                          "security.seccomp: only root may name a profile file; send the profile JSON itself"));
    else if (!sec.seccomp.empty() && sec.seccomp[0] == '{' && !sec.privileged) {
        // The profile as it will be built: for the capabilities the container will hold.
        spec::Spec s = spec::default_spec();
        SecurityOptions o = sec;
        o.userns = false;  // no subordinate ids are allocated for a check
        if (auto st = apply_security(s, o); st && s.linux.seccomp && s.process.capabilities)
            seccomp_asks(*s.linux.seccomp, mask_of(s.process.capabilities->bounding), "security.seccomp", out);
    }

    const auto& ns = p.namespaces;
    struct {
        bool own;
        const char* key;
        const char* what;
    } const table[] = {
        {ns.pid, "namespaces.pid", "namespaces.pid: false shares the host's PID namespace (every process of the host)"},
        {ns.ipc, "namespaces.ipc",
         "namespaces.ipc: false shares the host's IPC namespace (its shared memory and queues)"},
        {ns.uts, "namespaces.uts", "namespaces.uts: false shares the host's UTS namespace (its host name)"},
        {ns.cgroup, "namespaces.cgroup",
         "namespaces.cgroup: false shares the host's cgroup namespace (the host's cgroup tree)"},
        {ns.network != "host", "namespaces.network", "namespaces.network: host shares the host's network namespace"},
    };
    for (const auto& t : table)
        if (!t.own) out.push_back(ask(t.key, "", polkit_action::host_namespaces, t.what));
    return out;
}

std::vector<PolicyAsk> privileged_asks(const spec::Spec& s, const std::string& expected_cgroups_path)
{
    std::vector<PolicyAsk> out;
    const uint64_t allowed = member_capability_mask();
    uint64_t caps = 0;
    if (s.process.capabilities) {
        const auto& c = *s.process.capabilities;
        for (const auto* set : {&c.bounding, &c.effective, &c.permitted, &c.inheritable, &c.ambient})
            caps |= mask_of(*set);
        if (uint64_t extra = caps & ~allowed) {
            auto names = security::mask_to_names(extra);
            out.push_back(ask("cap_add", names.empty() ? "" : names.front(), polkit_action::capabilities,
                              "process.capabilities: " + (names.empty() ? std::string("unknown") : names.front()) +
                                  " is beyond the capabilities a member's container may hold"));
        }
    } else {
        out.push_back(ask("cap_add", "ALL", polkit_action::capabilities,
                          "process.capabilities: absent, the container would keep every capability of the helper"));
        caps = ~uint64_t(0);
    }
    if (!s.process.no_new_privileges)
        out.push_back(ask("privileged", "no_new_privileges", polkit_action::privileged,
                          "process.noNewPrivileges: false lets setuid files raise privileges"));

    if (!s.linux.seccomp)
        out.push_back(
            ask("seccomp.unconfined", "", polkit_action::seccomp, "linux.seccomp: absent, no seccomp filter"));
    else
        // Against the default for the capabilities it holds: extra capabilities are their own ask
        // (above), and the default profile opens what goes with them (mount for SYS_ADMIN).
        seccomp_asks(*s.linux.seccomp, caps, "linux.seccomp", out);

    for (const char* t : {"mount", "pid", "ipc", "uts", "cgroup", "network"}) {
        const auto* n = s.linux.find_namespace(t);
        if (!n)
            out.push_back(ask(std::string("namespaces.") + t, "", polkit_action::host_namespaces,
                              std::string("linux.namespaces: no ") + t + " namespace of its own (the host's)"));
    }
    for (const auto& n : s.linux.namespaces)
        if (!n.path.empty())
            out.push_back(ask("namespaces." + n.type, n.path, polkit_action::host_namespaces,
                              "linux.namespaces: joins the " + n.type + " namespace " + n.path));

    if (s.linux.resources) {
        const auto defaults = security::default_device_rules();
        for (const auto& r : s.linux.resources->devices) {
            if (!r.allow) continue;
            bool known = std::any_of(defaults.begin(), defaults.end(), [&](const spec::DeviceRule& d) {
                return d.allow && d.type == r.type && d.major == r.major && d.minor == r.minor && d.access == r.access;
            });
            if (!known) {
                std::string v = r.type + " " + (r.major ? std::to_string(*r.major) : "*") + ":" +
                                (r.minor ? std::to_string(*r.minor) : "*") + " " + r.access;
                out.push_back(ask("devices", v, polkit_action::devices,
                                  "linux.resources.devices: allows " + v + " beyond the default device list"));
                break;
            }
        }
    } else {
        out.push_back(ask("devices", "a *:* rwm", polkit_action::devices,
                          "linux.resources: absent, no device rules (every device of the host)"));
    }
    if (s.linux.cgroups_path != expected_cgroups_path)
        out.push_back(ask("cgroup_parent", s.linux.cgroups_path, polkit_action::cgroup_parent,
                          "linux.cgroupsPath: " + s.linux.cgroups_path + " is outside the helper's cgroup parent"));
    if (!s.linux.sysctl.empty())
        out.push_back(
            ask("sysctl", s.linux.sysctl.begin()->first, polkit_action::privileged,
                "linux.sysctl: " + s.linux.sysctl.begin()->first + " would be written by the runtime as root"));

    auto missing = [](const std::vector<std::string>& have, const std::vector<std::string>& want) -> std::string {
        for (const auto& w : want)
            if (std::find(have.begin(), have.end(), w) == have.end()) return w;
        return {};
    };
    if (auto m = missing(s.linux.masked_paths, security::default_masked_paths()); !m.empty())
        out.push_back(
            ask("privileged", "masked_paths", polkit_action::privileged, "linux.maskedPaths: " + m + " is not masked"));
    if (auto m = missing(s.linux.readonly_paths, security::default_readonly_paths()); !m.empty())
        out.push_back(ask("privileged", "readonly_paths", polkit_action::privileged,
                          "linux.readonlyPaths: " + m + " is writable"));
    // Kernel filesystems: the default ones only, /sys and the cgroup tree read-only
    // (CVE-2022-0492, release_agent). Bind mounts are volumes: their sources are checked apart.
    const auto defaults = spec::default_spec().mounts;
    for (const auto& m : s.mounts) {
        if (m.type == "bind" || std::find(m.options.begin(), m.options.end(), "bind") != m.options.end() ||
            std::find(m.options.begin(), m.options.end(), "rbind") != m.options.end()) {
            if (m.destination == "/sys" && std::find(m.options.begin(), m.options.end(), "ro") == m.options.end())
                out.push_back(
                    ask("privileged", "/sys", polkit_action::privileged, "mounts: /sys of the host writable"));
            continue;
        }
        bool known = std::any_of(defaults.begin(), defaults.end(), [&](const spec::Mount& d) {
            return d.destination == m.destination && d.type == m.type;
        });
        if (!known) {
            out.push_back(ask("privileged", m.destination, polkit_action::privileged,
                              "mounts: a " + m.type + " file system on " + m.destination));
            continue;
        }
        if ((m.destination == "/sys" || m.destination == "/sys/fs/cgroup") &&
            std::find(m.options.begin(), m.options.end(), "ro") == m.options.end())
            out.push_back(
                ask("privileged", m.destination, polkit_action::privileged, "mounts: " + m.destination + " writable"));
    }
    return out;
}

PolicyRefusal refusal(const PolicyAsk& a, const std::string& polkit)
{
    std::string why;
    if (a.action.empty()) why = "only root may ask for it";
    else if (polkit == "unavailable")
        why = "only root may ask for it; polkit, which could authorize " + a.action + ", does not run here";
    else if (polkit == "challenge")
        why = "polkit action " + a.action +
              " needs an administrator's authentication, and no authentication agent answered";
    else if (polkit == "dismissed") why = "polkit action " + a.action + ": authentication dismissed";
    else why = "polkit action " + a.action + ": not authorized";
    PolicyRefusal r{a.context + " (members of the onggi group: " + why + ")", json::object()};
    r.data["option"] = a.option;
    r.data["value"] = a.value;
    r.data["polkit_action"] = a.action;
    r.data["polkit"] = a.action.empty() ? "none" : polkit;
    return r;
}

json PolicyRefusal::error_object() const
{
    json o = helper::error_object(rpc_code::forbidden, "forbidden", message);
    for (auto it = data.begin(); it != data.end(); ++it) o["data"][it.key()] = it.value();
    return o;
}

Error volume_source_refusal(const std::string& source, const Peer& peer, const Error& real)
{
    if (peer.admin()) return real;
    // One answer for "missing", "unreadable" and "not yours": all three mean "you cannot use it".
    return Error(Errc::permission_denied,
                 "volume source " + source + " does not exist or is not owned by uid " + std::to_string(peer.uid));
}

// One polkit check per distinct action, in the order asked; the first that is not "yes" refuses.
struct GateChain {
    Peer peer;
    std::vector<PolicyAsk> asks;
    size_t next = 0;
    std::set<std::string> authorized;
    PolicyGate::Done done;
};

static void next_check(std::shared_ptr<GateChain> chain, PolkitAuthority* pk)
{
    while (chain->next < chain->asks.size() && chain->authorized.count(chain->asks[chain->next].action)) ++chain->next;
    if (chain->next >= chain->asks.size()) {
        auto d = std::move(chain->done);
        return d(nullptr);
    }
    const PolicyAsk a = chain->asks[chain->next];
    pk->check(chain->peer, a.action, [chain, pk, a](PolkitAuthority::Verdict v) {
        if (v != PolkitAuthority::Verdict::yes) {
            auto r = refusal(a, PolkitAuthority::verdict_name(v));
            auto d = std::move(chain->done);
            return d(&r);
        }
        chain->authorized.insert(a.action);
        next_check(chain, pk);
    });
}

void PolicyGate::authorize(const Peer& peer, std::vector<PolicyAsk> asks, Done done)
{
    if (peer.admin() || asks.empty()) return done(nullptr);
    for (const auto& a : asks)
        if (a.action.empty() || !polkit_) {
            auto r = refusal(a, "unavailable");
            return done(&r);
        }
    next_check(std::make_shared<GateChain>(GateChain{peer, std::move(asks), 0, {}, std::move(done)}), polkit_);
}

}  // namespace onggi::helper

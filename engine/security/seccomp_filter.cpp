// Compile an OCI linux.seccomp profile to a classic BPF program with libseccomp, in the parent.
// The child only hands the finished program to seccomp(2).
#include "engine/security/security.h"

#include "engine/core/unique_fd.h"

#include <linux/seccomp.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace onggi::security {

namespace {

struct CtxDeleter {
    void operator()(void* c) const { seccomp_release(c); }
};
using Ctx = std::unique_ptr<void, CtxDeleter>;

Result<uint32_t> parse_action(const std::string& name, const std::optional<uint32_t>& errno_ret,
                              const std::string& field)
{
    if (name == "SCMP_ACT_ALLOW") return uint32_t(SCMP_ACT_ALLOW);
    if (name == "SCMP_ACT_ERRNO") return uint32_t(SCMP_ACT_ERRNO(errno_ret.value_or(EPERM) & 0xffff));
    if (name == "SCMP_ACT_KILL" || name == "SCMP_ACT_KILL_THREAD") return uint32_t(SCMP_ACT_KILL_THREAD);
    if (name == "SCMP_ACT_KILL_PROCESS") return uint32_t(SCMP_ACT_KILL_PROCESS);
    if (name == "SCMP_ACT_TRAP") return uint32_t(SCMP_ACT_TRAP);
    if (name == "SCMP_ACT_TRACE") return uint32_t(SCMP_ACT_TRACE(errno_ret.value_or(EPERM) & 0xffff));
    if (name == "SCMP_ACT_LOG") return uint32_t(SCMP_ACT_LOG);
    if (name == "SCMP_ACT_NOTIFY")
        return Error(Errc::unsupported, field + ": SCMP_ACT_NOTIFY needs a seccomp agent, which onggi does not have");
    return Error(Errc::invalid_argument, field + ": unknown action \"" + name + "\"");
}

Result<scmp_compare> parse_op(const std::string& op, const std::string& field)
{
    static const std::map<std::string, scmp_compare> ops = {
        {"SCMP_CMP_NE", SCMP_CMP_NE},
        {"SCMP_CMP_LT", SCMP_CMP_LT},
        {"SCMP_CMP_LE", SCMP_CMP_LE},
        {"SCMP_CMP_EQ", SCMP_CMP_EQ},
        {"SCMP_CMP_GE", SCMP_CMP_GE},
        {"SCMP_CMP_GT", SCMP_CMP_GT},
        {"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ},
    };
    auto it = ops.find(op);
    if (it == ops.end()) return Error(Errc::invalid_argument, field + ": unknown operator \"" + op + "\"");
    return it->second;
}

Result<uint32_t> parse_arch(const std::string& name, const std::string& field)
{
    std::string n = name;
    if (n.rfind("SCMP_ARCH_", 0) == 0) n = n.substr(10);
    for (auto& c : n) c = char(std::tolower(static_cast<unsigned char>(c)));
    uint32_t a = seccomp_arch_resolve_name(n.c_str());
    if (a == 0) return Error(Errc::invalid_argument, field + ": unknown architecture \"" + name + "\"");
    return a;
}

Result<unsigned> parse_flag(const std::string& name, const std::string& field)
{
    if (name == "SECCOMP_FILTER_FLAG_TSYNC") return unsigned(SECCOMP_FILTER_FLAG_TSYNC);
    if (name == "SECCOMP_FILTER_FLAG_LOG") return unsigned(SECCOMP_FILTER_FLAG_LOG);
    if (name == "SECCOMP_FILTER_FLAG_SPEC_ALLOW") return unsigned(SECCOMP_FILTER_FLAG_SPEC_ALLOW);
    return Error(Errc::invalid_argument, field + ": unknown flag \"" + name + "\"");
}

}  // namespace

Result<std::vector<sock_filter>> compile_seccomp(const spec::Seccomp& profile, unsigned* flags_out)
{
    const std::string base = "linux.seccomp";
    auto def = parse_action(profile.default_action, profile.default_errno_ret, base + ".defaultAction");
    if (!def) return def.error();
    Ctx ctx(seccomp_init(*def));
    if (!ctx) return Error(Errc::internal, "seccomp_init failed");
    // We only export the program: libseccomp must not touch no_new_privs or load anything.
    seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_NNP, 0);
    seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE, 2);  // binary tree: O(log n) per syscall

    for (size_t i = 0; i < profile.architectures.size(); ++i) {
        auto a = parse_arch(profile.architectures[i], base + ".architectures[" + std::to_string(i) + "]");
        if (!a) return a.error();
        int rc = seccomp_arch_add(ctx.get(), *a);
        if (rc != 0 && rc != -EEXIST)
            return Error(Errc::invalid_argument, base + ".architectures[" + std::to_string(i) + "]: cannot add", -rc);
    }
    unsigned flags = 0;
    for (size_t i = 0; i < profile.flags.size(); ++i) {
        auto f = parse_flag(profile.flags[i], base + ".flags[" + std::to_string(i) + "]");
        if (!f) return f.error();
        flags |= *f;
    }

    for (size_t i = 0; i < profile.syscalls.size(); ++i) {
        const auto& rule = profile.syscalls[i];
        const std::string field = base + ".syscalls[" + std::to_string(i) + "]";
        auto act = parse_action(rule.action, rule.errno_ret, field + ".action");
        if (!act) return act.error();
        if (*act == *def) continue;  // libseccomp refuses a rule equal to the default; it is a no-op anyway

        std::vector<scmp_arg_cmp> cmps;
        std::set<uint32_t> seen;
        bool repeated = false;
        for (size_t k = 0; k < rule.args.size(); ++k) {
            const auto& a = rule.args[k];
            auto op = parse_op(a.op, field + ".args[" + std::to_string(k) + "].op");
            if (!op) return op.error();
            if (a.index > 5)
                return Error(Errc::invalid_argument, field + ".args[" + std::to_string(k) + "].index: must be 0..5");
            if (!seen.insert(a.index).second) repeated = true;
            cmps.push_back(scmp_arg_cmp{a.index, *op, a.value, a.value_two});
        }

        for (size_t n = 0; n < rule.names.size(); ++n) {
            const std::string& name = rule.names[n];
            int nr = seccomp_syscall_resolve_name(name.c_str());
            if (nr == __NR_SCMP_ERROR) continue;  // unknown to libseccomp on this arch: skipped, as runc does
            int rc = 0;
            if (!repeated) {
                rc = seccomp_rule_add_array(ctx.get(), *act, nr, unsigned(cmps.size()),
                                            cmps.empty() ? nullptr : cmps.data());
            } else {
                // Several conditions on the same argument: libseccomp cannot AND them in one rule,
                // so (like runc) each becomes its own rule, i.e. they are ORed.
                for (const auto& c : cmps) {
                    rc = seccomp_rule_add_array(ctx.get(), *act, nr, 1, &c);
                    if (rc != 0) break;
                }
            }
            if (rc != 0)
                return Error(Errc::invalid_argument,
                             field + ".names[" + std::to_string(n) + "]: cannot add rule for \"" + name + "\"", -rc);
        }
    }

    UniqueFd mem(::memfd_create("onggi-seccomp", MFD_CLOEXEC));
    if (!mem) return Error::from_errno("memfd_create for the seccomp program");
    int rc = seccomp_export_bpf(ctx.get(), mem.get());
    if (rc != 0) return Error(Errc::internal, "seccomp_export_bpf", -rc);
    struct stat st {};
    if (::fstat(mem.get(), &st) != 0) return Error::from_errno("stat seccomp program");
    if (st.st_size <= 0 || st.st_size % sizeof(sock_filter) != 0 ||
        st.st_size > BPF_MAXINSNS * long(sizeof(sock_filter)))
        return Error(Errc::invalid_argument,
                     base + ": compiled program has a bad size (" + std::to_string(st.st_size) + " bytes)");
    std::vector<sock_filter> prog(size_t(st.st_size) / sizeof(sock_filter));
    size_t got = 0;
    char* dst = reinterpret_cast<char*>(prog.data());
    while (got < size_t(st.st_size)) {
        ssize_t r = ::pread(mem.get(), dst + got, size_t(st.st_size) - got, off_t(got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return Error::from_errno("read seccomp program");
        got += size_t(r);
    }
    if (flags_out) *flags_out = flags;
    return prog;
}

}  // namespace onggi::security

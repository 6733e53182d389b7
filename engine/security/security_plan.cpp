// prepare(): everything the child needs, computed in the parent before clone.
#include "engine/security/security.h"

namespace onggi::security {

Result<SecurityPlan> prepare(const spec::Spec& spec, const std::string& seccomp_cache)
{
    SecurityPlan plan;
    plan.last_cap = kernel_last_cap();
    plan.no_new_privs = spec.process.no_new_privileges;
    if (spec.process.capabilities) {
        const auto& c = *spec.process.capabilities;
        plan.set_caps = true;
        struct {
            const std::vector<std::string>* names;
            uint64_t* mask;
            const char* field;
        } sets[] = {
            {&c.bounding, &plan.bounding, "process.capabilities.bounding"},
            {&c.effective, &plan.effective, "process.capabilities.effective"},
            {&c.inheritable, &plan.inheritable, "process.capabilities.inheritable"},
            {&c.permitted, &plan.permitted, "process.capabilities.permitted"},
            {&c.ambient, &plan.ambient, "process.capabilities.ambient"},
        };
        for (auto& s : sets) {
            auto m = capability_mask(*s.names, s.field);
            if (!m) return m.error();
            *s.mask = *m;
        }
        // The kernel's rules, checked here so the child does not fail half way:
        // effective and inheritable beyond permitted are refused by capset(2); an ambient
        // capability must be permitted and inheritable (runc drops those with a warning).
        plan.effective &= plan.permitted;
        plan.ambient &= plan.permitted & plan.inheritable;
    }
    if (spec.linux.seccomp) {
        unsigned flags = 0;
        auto prog = compile_seccomp_cached(*spec.linux.seccomp, seccomp_cache, &flags);
        if (!prog) return std::move(prog).error().wrap("seccomp profile");
        plan.seccomp = std::move(*prog);
        plan.seccomp_flags = flags;
    }
    return plan;
}

}  // namespace onggi::security

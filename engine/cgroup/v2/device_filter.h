// Device rules on cgroup v2: the unified hierarchy has no devices controller; the kernel asks
// a BPF_PROG_TYPE_CGROUP_DEVICE program attached to the cgroup instead. DeviceFilter compiles
// the OCI rule list (linux.resources.devices, v1 semantics: the last rule that matches decides,
// nothing matches = denied) into such a program, in code, and attaches it with raw bpf(2), as
// crun and youki do. On v1 and hybrid hosts the devices controller decides instead.
#pragma once

#include "engine/core/result.h"
#include "engine/spec/spec.h"

#include <linux/bpf.h>

#include <vector>

namespace onggi::cgroup::v2 {

class DeviceFilter {
public:
    // Rules are checked as the v1 devices controller takes them: type a|c|b, access letters
    // of "rwm", major/minor absent = any. Bad rules: invalid_argument naming the rule.
    [[nodiscard]] static Result<DeviceFilter> compile(const std::vector<spec::DeviceRule>& rules);

    const std::vector<struct bpf_insn>& program() const { return insns_; }

    // Load the program and attach it to the cgroup directory `cgroup_fd` (BPF_CGROUP_DEVICE,
    // BPF_F_ALLOW_MULTI), then detach the device programs attached there before: a live
    // update replaces the rules, it never stacks them. Until the old ones are gone both run
    // (the kernel allows only what every program allows), so no moment is less strict.
    [[nodiscard]] Status attach(int cgroup_fd) const;

    // How many device programs are attached to the cgroup itself (not its ancestors).
    [[nodiscard]] static Result<size_t> attached_count(int cgroup_fd);

private:
    std::vector<struct bpf_insn> insns_;
};

}  // namespace onggi::cgroup::v2

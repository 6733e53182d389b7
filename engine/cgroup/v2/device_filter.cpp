#include "engine/cgroup/v2/device_filter.h"

#include "engine/cgroup/cgroup.h"
#include "engine/core/unique_fd.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>

namespace onggi::cgroup::v2 {

namespace {

// Registers as the program uses them (runc's and crun's layout):
// r2 = device type (BPF_DEVCG_DEV_*), r3 = access (BPF_DEVCG_ACC_*), r4 = major, r5 = minor.
constexpr uint8_t R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5;

bpf_insn insn(uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
    bpf_insn i;
    std::memset(&i, 0, sizeof i);
    i.code = code;
    i.dst_reg = dst & 0xf;
    i.src_reg = src & 0xf;
    i.off = off;
    i.imm = imm;
    return i;
}

bpf_insn load_ctx_u32(uint8_t dst, int16_t off) { return insn(BPF_LDX | BPF_W | BPF_MEM, dst, R1, off, 0); }
bpf_insn alu32_imm(uint8_t op, uint8_t dst, int32_t imm) { return insn(BPF_ALU | op | BPF_K, dst, 0, 0, imm); }
bpf_insn mov32_reg(uint8_t dst, uint8_t src) { return insn(BPF_ALU | BPF_MOV | BPF_X, dst, src, 0, 0); }
bpf_insn mov64_imm(uint8_t dst, int32_t imm) { return insn(BPF_ALU64 | BPF_MOV | BPF_K, dst, 0, 0, imm); }
bpf_insn jne_imm(uint8_t dst, int32_t imm, int16_t off) { return insn(BPF_JMP | BPF_JNE | BPF_K, dst, 0, off, imm); }
bpf_insn jne_reg(uint8_t dst, uint8_t src, int16_t off) { return insn(BPF_JMP | BPF_JNE | BPF_X, dst, src, off, 0); }
bpf_insn exit_insn() { return insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0); }

long sys_bpf(int cmd, union bpf_attr* attr) { return ::syscall(__NR_bpf, cmd, attr, sizeof(*attr)); }

int access_bits(const std::string& access)
{
    int a = 0;
    for (char c : access) {
        if (c == 'm') a |= BPF_DEVCG_ACC_MKNOD;
        if (c == 'r') a |= BPF_DEVCG_ACC_READ;
        if (c == 'w') a |= BPF_DEVCG_ACC_WRITE;
    }
    return a;
}

Result<std::vector<uint32_t>> query_ids(int cgroup_fd, uint32_t* flags)
{
    std::vector<uint32_t> ids(64);
    union bpf_attr a;
    std::memset(&a, 0, sizeof a);
    a.query.target_fd = uint32_t(cgroup_fd);
    a.query.attach_type = BPF_CGROUP_DEVICE;
    a.query.prog_ids = uint64_t(uintptr_t(ids.data()));
    a.query.prog_cnt = uint32_t(ids.size());
    if (sys_bpf(BPF_PROG_QUERY, &a) < 0)
        return Error::from_errno("bpf(BPF_PROG_QUERY) of the cgroup's device programs");
    ids.resize(a.query.prog_cnt);
    if (flags) *flags = a.query.attach_flags;
    return ids;
}

}  // namespace

Result<DeviceFilter> DeviceFilter::compile(const std::vector<spec::DeviceRule>& rules)
{
    for (size_t n = 0; n < rules.size(); ++n)
        if (auto v = validate_device_rule(rules[n]); !v)
            return std::move(v).error().wrap("linux.resources.devices[" + std::to_string(n) + "]");
    DeviceFilter f;
    auto& p = f.insns_;
    p.reserve(8 + 8 * rules.size());  // at most 8 instructions per rule, 8 around them
    // Prologue: unpack struct bpf_cgroup_dev_ctx { u32 access_type; u32 major; u32 minor; }.
    p.push_back(load_ctx_u32(R2, offsetof(bpf_cgroup_dev_ctx, access_type)));
    p.push_back(alu32_imm(BPF_AND, R2, 0xffff));
    p.push_back(load_ctx_u32(R3, offsetof(bpf_cgroup_dev_ctx, access_type)));
    p.push_back(alu32_imm(BPF_RSH, R3, 16));
    p.push_back(load_ctx_u32(R4, offsetof(bpf_cgroup_dev_ctx, major)));
    p.push_back(load_ctx_u32(R5, offsetof(bpf_cgroup_dev_ctx, minor)));

    // v1 semantics: the last rule that matches decides. So the rules are emitted last first,
    // each a block that jumps past itself when the device does not match and otherwise
    // returns its verdict. A rule that matches everything ("a", rwm) ends the program: the
    // rules before it can never decide, and the verifier refuses unreachable instructions.
    bool catch_all = false;
    for (auto it = rules.rbegin(); it != rules.rend() && !catch_all; ++it) {
        const spec::DeviceRule& r = *it;
        std::vector<bpf_insn> block;  // jump offsets are filled in once the block's length is known
        block.reserve(8);
        std::vector<size_t> jumps;
        if (r.type != "a") {
            jumps.push_back(block.size());
            block.push_back(jne_imm(R2, r.type == "b" ? BPF_DEVCG_DEV_BLOCK : BPF_DEVCG_DEV_CHAR, 0));
        }
        const int acc = access_bits(r.access);
        if (acc != (BPF_DEVCG_ACC_MKNOD | BPF_DEVCG_ACC_READ | BPF_DEVCG_ACC_WRITE)) {
            // Every access asked for must be in the rule: (access & rule) == access.
            block.push_back(mov32_reg(R1, R3));
            block.push_back(alu32_imm(BPF_AND, R1, acc));
            jumps.push_back(block.size());
            block.push_back(jne_reg(R1, R3, 0));
        }
        if (r.type != "a" && r.major) {
            jumps.push_back(block.size());
            block.push_back(jne_imm(R4, int32_t(*r.major), 0));
        }
        if (r.type != "a" && r.minor) {
            jumps.push_back(block.size());
            block.push_back(jne_imm(R5, int32_t(*r.minor), 0));
        }
        block.push_back(mov64_imm(R0, r.allow ? 1 : 0));
        block.push_back(exit_insn());
        for (size_t j : jumps) block[j].off = int16_t(block.size() - j - 1);
        p.insert(p.end(), block.begin(), block.end());
        catch_all = jumps.empty();
    }
    if (!catch_all) {  // no rule matched: denied
        p.push_back(mov64_imm(R0, 0));
        p.push_back(exit_insn());
    }
    if (p.size() > BPF_MAXINSNS)
        return Error(Errc::invalid_argument, "linux.resources.devices: too many rules for one device program");
    return f;
}

Status DeviceFilter::attach(int cgroup_fd) const
{
    uint32_t old_flags = 0;
    auto old = query_ids(cgroup_fd, &old_flags);
    if (!old) return std::move(old).error().wrap("device rules");

    // Loaded without a verifier log first: with one, a log longer than its buffer fails the
    // load itself (ENOSPC). Only a refused program is loaded again, to say why.
    static const char license[] = "Apache-2.0";
    auto load = [&](char* log, uint32_t log_size) {
        union bpf_attr a;
        std::memset(&a, 0, sizeof a);
        a.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
        a.insns = uint64_t(uintptr_t(insns_.data()));
        a.insn_cnt = uint32_t(insns_.size());
        a.license = uint64_t(uintptr_t(license));
        if (log) {
            a.log_buf = uint64_t(uintptr_t(log));
            a.log_size = log_size;
            a.log_level = 1;
        }
        std::memcpy(a.prog_name, "onggi_devices", sizeof("onggi_devices"));
        return UniqueFd(int(sys_bpf(BPF_PROG_LOAD, &a)));
    };
    UniqueFd prog = load(nullptr, 0);
    if (!prog) {
        const int e = errno;
        std::string why = "bpf(BPF_PROG_LOAD) of the device program";
        if (e == EINVAL || e == EACCES) {
            std::vector<char> log(1 << 20);
            if (!load(log.data(), uint32_t(log.size()))) {
                std::string text(log.data(), strnlen(log.data(), log.size()));
                if (text.size() > 2000) text = "..." + text.substr(text.size() - 2000);  // the end says why
                if (!text.empty()) why += " (verifier: " + text + ")";
            }
        }
        return Error::from_errno(why, e).wrap("device rules");
    }

    // A program attached without BPF_F_ALLOW_MULTI (by another manager) is replaced by
    // attaching the same way; ours are attached with ALLOW_MULTI and detached after.
    const bool multi = old->empty() || (old_flags & BPF_F_ALLOW_MULTI);
    union bpf_attr a;
    std::memset(&a, 0, sizeof a);
    a.target_fd = uint32_t(cgroup_fd);
    a.attach_bpf_fd = uint32_t(prog.get());
    a.attach_type = BPF_CGROUP_DEVICE;
    a.attach_flags = multi ? BPF_F_ALLOW_MULTI : 0;
    if (sys_bpf(BPF_PROG_ATTACH, &a) < 0)
        return Error::from_errno("bpf(BPF_PROG_ATTACH) of the device program").wrap("device rules");
    if (!multi) return {};

    Status first;
    for (uint32_t id : old.value()) {
        std::memset(&a, 0, sizeof a);
        a.prog_id = id;
        UniqueFd fd(int(sys_bpf(BPF_PROG_GET_FD_BY_ID, &a)));
        if (!fd) {
            if (errno != ENOENT && first.ok())
                first = Error::from_errno("bpf(BPF_PROG_GET_FD_BY_ID) of the old device program");
            continue;
        }
        std::memset(&a, 0, sizeof a);
        a.target_fd = uint32_t(cgroup_fd);
        a.attach_bpf_fd = uint32_t(fd.get());
        a.attach_type = BPF_CGROUP_DEVICE;
        if (sys_bpf(BPF_PROG_DETACH, &a) < 0 && errno != ENOENT && first.ok())
            first = Error::from_errno("bpf(BPF_PROG_DETACH) of the old device program");
    }
    if (!first)
        return std::move(first).error().wrap(
            "device rules: the new rules are in force, but an old program stays attached");
    return {};
}

Result<size_t> DeviceFilter::attached_count(int cgroup_fd)
{
    auto ids = query_ids(cgroup_fd, nullptr);
    if (!ids) return std::move(ids).error();
    return ids->size();
}

}  // namespace onggi::cgroup::v2

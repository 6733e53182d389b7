// The child side: raw syscalls only. These run between clone() and execve() in a process that
// may share memory with nothing but must not allocate, lock or call into libcap/libseccomp.
#include "engine/security/security.h"

#include <linux/capability.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace onggi::security {

namespace {

inline int neg_errno(long rc) { return rc < 0 ? -errno : 0; }

}  // namespace

int child_drop_bounding(const SecurityPlan& plan)
{
    if (!plan.set_caps) return 0;
    for (int c = 0; c <= plan.last_cap && c < 64; ++c) {
        if (plan.bounding & (uint64_t(1) << c)) continue;
        if (::prctl(PR_CAPBSET_DROP, c, 0, 0, 0) != 0) {
            if (errno == EINVAL) continue;  // not a capability on this kernel
            return -errno;
        }
    }
    return 0;
}

int child_apply_caps(const SecurityPlan& plan)
{
    if (!plan.set_caps) return 0;
    __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    data[0].effective = uint32_t(plan.effective);
    data[1].effective = uint32_t(plan.effective >> 32);
    data[0].permitted = uint32_t(plan.permitted);
    data[1].permitted = uint32_t(plan.permitted >> 32);
    data[0].inheritable = uint32_t(plan.inheritable);
    data[1].inheritable = uint32_t(plan.inheritable >> 32);
    if (::syscall(SYS_capset, &hdr, data) != 0) return -errno;
    // Ambient: clear, then raise each (needs permitted+inheritable, ensured by prepare()).
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) return -errno;
    for (int c = 0; c <= plan.last_cap && c < 64; ++c) {
        if (!(plan.ambient & (uint64_t(1) << c))) continue;
        if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, c, 0, 0) != 0) return -errno;
    }
    return 0;
}

int child_set_no_new_privs(const SecurityPlan& plan)
{
    if (!plan.no_new_privs) return 0;
    return neg_errno(::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
}

int child_load_seccomp(const SecurityPlan& plan)
{
    if (plan.seccomp.empty()) return 0;
    sock_fprog prog{};
    prog.len = static_cast<unsigned short>(plan.seccomp.size());
    prog.filter = const_cast<sock_filter*>(plan.seccomp.data());
    return neg_errno(::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, plan.seccomp_flags, &prog));
}

}  // namespace onggi::security

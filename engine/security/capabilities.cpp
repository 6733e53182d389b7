// Capability names <-> bit masks (libcap, parent side only) and the default sets.
#include "engine/security/security.h"

#include "engine/core/files.h"

#include <sys/capability.h>
#include <sys/prctl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace onggi::security {

namespace {

std::string upper(std::string s)
{
    for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

int kernel_last_cap()
{
    static const int last = [] {
        auto text = read_file("/proc/sys/kernel/cap_last_cap", 64);
        if (text) {
            int v = std::atoi(text->c_str());
            if (v > 0 && v < 64) return v;
        }
        return int(CAP_LAST_CAP);
    }();
    return last;
}

Result<int> capability_number(const std::string& name)
{
    std::string n = upper(name);
    if (n.rfind("CAP_", 0) != 0) n = "CAP_" + n;
    if (n.size() > 64) return Error(Errc::invalid_argument, "unknown capability \"" + name + "\"");
    cap_value_t v = 0;
    if (cap_from_name(n.c_str(), &v) != 0 || v < 0 || v > 63)
        return Error(Errc::invalid_argument, "unknown capability \"" + name + "\"");
    // libcap names a number it does not know "cap_41"; only real names are accepted.
    char* back = cap_to_name(v);
    bool real = back && upper(back) == n;
    if (back) cap_free(back);
    if (!real) return Error(Errc::invalid_argument, "unknown capability \"" + name + "\"");
    return int(v);
}

Result<std::string> capability_name(int cap)
{
    if (cap < 0 || cap > 63) return Error(Errc::invalid_argument, "capability number out of range");
    char* n = cap_to_name(cap_value_t(cap));
    if (!n) return Error(Errc::invalid_argument, "capability number unknown");
    std::string s = upper(n);
    cap_free(n);
    if (s.rfind("CAP_", 0) != 0)
        return Error(Errc::invalid_argument, "capability " + std::to_string(cap) + " has no name");
    return s;
}

Result<std::string> normalize_capability(const std::string& name)
{
    auto n = capability_number(name);
    if (!n) return n.error();
    return capability_name(*n);
}

Result<uint64_t> capability_mask(const std::vector<std::string>& names, const std::string& field)
{
    uint64_t mask = 0;
    const int last = kernel_last_cap();
    for (size_t i = 0; i < names.size(); ++i) {
        auto n = capability_number(names[i]);
        if (!n) return Error(Errc::invalid_argument, field + "[" + std::to_string(i) + "]: " + n.error().context);
        // A capability newer than this kernel is skipped, as runc and crun do.
        if (*n <= last) mask |= uint64_t(1) << *n;
    }
    return mask;
}

std::vector<std::string> mask_to_names(uint64_t mask)
{
    std::vector<std::string> out;
    for (int c = 0; c < 64; ++c)
        if (mask & (uint64_t(1) << c)) {
            auto n = capability_name(c);
            out.push_back(n ? *n : "CAP_" + std::to_string(c));
        }
    return out;
}

std::vector<std::string> all_capability_names()
{
    std::vector<std::string> out;
    for (int c = 0; c <= kernel_last_cap(); ++c)
        if (auto n = capability_name(c)) out.push_back(*n);
    return out;
}

uint64_t own_bounding_set()
{
    uint64_t m = 0;
    for (int c = 0; c <= kernel_last_cap(); ++c)
        if (::prctl(PR_CAPBSET_READ, c, 0, 0, 0) == 1) m |= uint64_t(1) << c;
    return m;
}

std::vector<std::string> default_capability_names()
{
    return {"CAP_CHOWN",   "CAP_DAC_OVERRIDE", "CAP_FSETID",           "CAP_FOWNER",
            "CAP_MKNOD",   "CAP_NET_RAW",      "CAP_SETGID",           "CAP_SETUID",
            "CAP_SETFCAP", "CAP_SETPCAP",      "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT",
            "CAP_KILL",    "CAP_AUDIT_WRITE"};
}

spec::Capabilities default_capabilities()
{
    spec::Capabilities c;
    c.bounding = c.effective = c.permitted = default_capability_names();
    // inheritable and ambient stay empty: a non-root user inside gains nothing (Docker 20.10+).
    return c;
}

}  // namespace onggi::security

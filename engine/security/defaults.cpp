// Default masked and read-only paths, device rules and PID limit (Docker's, plus a PID cap).
#include "engine/security/security.h"

namespace onggi::security {

std::vector<std::string> default_masked_paths()
{
    return {"/proc/acpi",       "/proc/asound",        "/proc/interrupts",  "/proc/kcore",
            "/proc/keys",       "/proc/latency_stats", "/proc/sched_debug", "/proc/scsi",
            "/proc/timer_list", "/proc/timer_stats",   "/sys/firmware",     "/sys/devices/virtual/powercap"};
}

std::vector<std::string> default_readonly_paths()
{
    return {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"};
}

std::vector<spec::DeviceRule> default_device_rules()
{
    auto c = [](int64_t maj, std::optional<int64_t> min, const char* access) {
        spec::DeviceRule r;
        r.allow = true;
        r.type = "c";
        r.major = maj;
        r.minor = min;
        r.access = access;
        return r;
    };
    std::vector<spec::DeviceRule> v;
    spec::DeviceRule deny;  // deny everything first
    deny.allow = false;
    deny.type = "a";
    deny.access = "rwm";
    v.push_back(deny);
    // mknod of any node is allowed (it is useless without read/write below), as in Docker.
    spec::DeviceRule mk_c;
    mk_c.allow = true;
    mk_c.type = "c";
    mk_c.access = "m";
    spec::DeviceRule mk_b = mk_c;
    mk_b.type = "b";
    v.push_back(mk_c);
    v.push_back(mk_b);
    v.push_back(c(1, 3, "rwm"));               // /dev/null
    v.push_back(c(1, 5, "rwm"));               // /dev/zero
    v.push_back(c(1, 7, "rwm"));               // /dev/full
    v.push_back(c(1, 8, "rwm"));               // /dev/random
    v.push_back(c(1, 9, "rwm"));               // /dev/urandom
    v.push_back(c(5, 0, "rwm"));               // /dev/tty
    v.push_back(c(5, 1, "rwm"));               // /dev/console
    v.push_back(c(5, 2, "rwm"));               // /dev/ptmx
    v.push_back(c(136, std::nullopt, "rwm"));  // /dev/pts/*
    v.push_back(c(10, 200, "rwm"));            // /dev/net/tun
    return v;
}

int64_t default_pids_limit() { return 1024; }

}  // namespace onggi::security

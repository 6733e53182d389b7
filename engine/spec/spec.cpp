// OCI runtime-spec config.json <-> typed structs. Every error names the JSON path of the field.
#include "engine/spec/spec.h"
#include "engine/core/files.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <limits>
#include <set>

namespace onggi::spec {

using nlohmann::json;

bool Resources::empty() const
{
    return !memory_limit && !memory_reservation && !memory_swap && !memory_swappiness && !disable_oom_killer &&
           !cpu_shares && !cpu_quota && !cpu_period && cpu_cpus.empty() && cpu_mems.empty() && !cpu_idle &&
           !pids_limit && !blkio_weight && blkio_weight_device.empty() && throttle_read_bps.empty() &&
           throttle_write_bps.empty() && throttle_read_iops.empty() && throttle_write_iops.empty() && devices.empty() &&
           unified.empty() && !memory_kernel && !memory_kernel_tcp && hugepage_limits.empty() && !net_class_id &&
           net_priorities.empty();
}

bool Mount::idmapped() const
{
    if (!uid_mappings.empty()) return true;
    for (const auto& o : options)
        if (o == "idmap" || o == "ridmap") return true;
    return false;
}

bool Linux::has_namespace(const std::string& type) const { return find_namespace(type) != nullptr; }

const Namespace* Linux::find_namespace(const std::string& type) const
{
    for (const auto& n : namespaces)
        if (n.type == type) return &n;
    return nullptr;
}

namespace {

// A parse error: the first one wins; callers check `failed()` and return early.
class Reader {
public:
    bool failed() const { return err_.has_value(); }
    Error error() const { return *err_; }

    void fail(const std::string& path, const std::string& what, Errc c = Errc::invalid_argument)
    {
        if (!err_) err_ = Error(c, path + ": " + what);
    }

    const json* object(const json& j, const std::string& key, const std::string& path)
    {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return nullptr;
        if (!it->is_object()) {
            fail(path, "expected an object");
            return nullptr;
        }
        return &*it;
    }
    const json* array(const json& j, const std::string& key, const std::string& path)
    {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return nullptr;
        if (!it->is_array()) {
            fail(path, "expected an array");
            return nullptr;
        }
        return &*it;
    }
    bool str(const json& j, const std::string& key, const std::string& path, std::string& out, bool required = false)
    {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            if (required) fail(path, "required field is missing");
            return false;
        }
        if (!it->is_string()) {
            fail(path, "expected a string");
            return false;
        }
        out = it->get<std::string>();
        return true;
    }
    bool boolean(const json& j, const std::string& key, const std::string& path, bool& out)
    {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return false;
        if (!it->is_boolean()) {
            fail(path, "expected true or false");
            return false;
        }
        out = it->get<bool>();
        return true;
    }
    template <class T>
    bool integer(const json& j, const std::string& key, const std::string& path, T& out)
    {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) return false;
        return integer_value(*it, path, out);
    }
    template <class T>
    bool integer_value(const json& v, const std::string& path, T& out)
    {
        if (v.is_number_unsigned()) {
            auto u = v.get<uint64_t>();
            if (u > uint64_t(std::numeric_limits<T>::max())) {
                fail(path, "value " + std::to_string(u) + " is out of range");
                return false;
            }
            out = T(u);
            return true;
        }
        if (v.is_number_integer()) {
            auto s = v.get<int64_t>();
            if constexpr (std::is_unsigned_v<T>) {
                if (s < 0) {
                    fail(path, "expected a non-negative integer, got " + std::to_string(s));
                    return false;
                }
                if (uint64_t(s) > uint64_t(std::numeric_limits<T>::max())) {
                    fail(path, "value " + std::to_string(s) + " is out of range");
                    return false;
                }
            } else {
                if (s < int64_t(std::numeric_limits<T>::min()) || s > int64_t(std::numeric_limits<T>::max())) {
                    fail(path, "value " + std::to_string(s) + " is out of range");
                    return false;
                }
            }
            out = T(s);
            return true;
        }
        fail(path, "expected an integer");
        return false;
    }
    template <class T>
    void opt_integer(const json& j, const std::string& key, const std::string& path, std::optional<T>& out)
    {
        T v{};
        if (integer(j, key, path, v)) out = v;
    }
    void strings(const json& j, const std::string& key, const std::string& path, std::vector<std::string>& out)
    {
        const json* a = array(j, key, path);
        if (!a) return;
        for (size_t i = 0; i < a->size(); ++i) {
            const auto& v = (*a)[i];
            if (!v.is_string()) {
                fail(path + "[" + std::to_string(i) + "]", "expected a string");
                return;
            }
            out.push_back(v.get<std::string>());
        }
    }

private:
    std::optional<Error> err_;
};

std::string idx(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

const std::set<std::string>& rlimit_names()
{
    static const std::set<std::string> names = {
        "RLIMIT_AS",      "RLIMIT_CORE",     "RLIMIT_CPU",        "RLIMIT_DATA",   "RLIMIT_FSIZE", "RLIMIT_LOCKS",
        "RLIMIT_MEMLOCK", "RLIMIT_MSGQUEUE", "RLIMIT_NICE",       "RLIMIT_NOFILE", "RLIMIT_NPROC", "RLIMIT_RSS",
        "RLIMIT_RTPRIO",  "RLIMIT_RTTIME",   "RLIMIT_SIGPENDING", "RLIMIT_STACK"};
    return names;
}

void parse_process(Reader& r, const json& j, Process& p)
{
    const std::string base = "process";
    r.boolean(j, "terminal", base + ".terminal", p.terminal);
    if (const json* u = r.object(j, "user", base + ".user")) {
        r.integer(*u, "uid", base + ".user.uid", p.user.uid);
        r.integer(*u, "gid", base + ".user.gid", p.user.gid);
        r.opt_integer(*u, "umask", base + ".user.umask", p.user.umask);
        if (const json* g = r.array(*u, "additionalGids", base + ".user.additionalGids"))
            for (size_t i = 0; i < g->size(); ++i) {
                uint32_t v = 0;
                if (r.integer_value((*g)[i], idx(base + ".user.additionalGids", i), v))
                    p.user.additional_gids.push_back(v);
            }
    }
    r.strings(j, "args", base + ".args", p.args);
    if (!r.failed() && p.args.empty()) r.fail(base + ".args", "at least one argument (the program) is required");
    r.strings(j, "env", base + ".env", p.env);
    for (size_t i = 0; i < p.env.size() && !r.failed(); ++i)
        if (p.env[i].find('=') == std::string::npos || p.env[i][0] == '=')
            r.fail(idx(base + ".env", i), "expected KEY=VALUE, got '" + p.env[i] + "'");
    r.str(j, "cwd", base + ".cwd", p.cwd, true);
    if (!r.failed() && (p.cwd.empty() || p.cwd[0] != '/'))
        r.fail(base + ".cwd", "must be an absolute path, got '" + p.cwd + "'");
    if (const json* c = r.object(j, "capabilities", base + ".capabilities")) {
        Capabilities caps;
        r.strings(*c, "bounding", base + ".capabilities.bounding", caps.bounding);
        r.strings(*c, "effective", base + ".capabilities.effective", caps.effective);
        r.strings(*c, "inheritable", base + ".capabilities.inheritable", caps.inheritable);
        r.strings(*c, "permitted", base + ".capabilities.permitted", caps.permitted);
        r.strings(*c, "ambient", base + ".capabilities.ambient", caps.ambient);
        p.capabilities = std::move(caps);
    }
    if (const json* rl = r.array(j, "rlimits", base + ".rlimits")) {
        std::set<std::string> seen;
        for (size_t i = 0; i < rl->size() && !r.failed(); ++i) {
            const auto& e = (*rl)[i];
            std::string path = idx(base + ".rlimits", i);
            if (!e.is_object()) {
                r.fail(path, "expected an object");
                break;
            }
            Rlimit lim;
            r.str(e, "type", path + ".type", lim.type, true);
            if (!r.failed() && !rlimit_names().count(lim.type))
                r.fail(path + ".type", "unknown rlimit '" + lim.type + "'");
            if (!r.failed() && !seen.insert(lim.type).second)
                r.fail(path + ".type", "duplicate rlimit '" + lim.type + "'");
            if (!r.integer(e, "hard", path + ".hard", lim.hard) && !r.failed())
                r.fail(path + ".hard", "required field is missing");
            if (!r.integer(e, "soft", path + ".soft", lim.soft) && !r.failed())
                r.fail(path + ".soft", "required field is missing");
            if (!r.failed() && lim.soft > lim.hard) r.fail(path + ".soft", "soft limit is above the hard limit");
            p.rlimits.push_back(lim);
        }
    }
    r.boolean(j, "noNewPrivileges", base + ".noNewPrivileges", p.no_new_privileges);
    r.opt_integer(j, "oomScoreAdj", base + ".oomScoreAdj", p.oom_score_adj);
    if (p.oom_score_adj && (*p.oom_score_adj < -1000 || *p.oom_score_adj > 1000))
        r.fail(base + ".oomScoreAdj", "must be between -1000 and 1000");
    r.str(j, "apparmorProfile", base + ".apparmorProfile", p.apparmor_profile);
    r.str(j, "selinuxLabel", base + ".selinuxLabel", p.selinux_label);
    for (const auto* v : {&p.apparmor_profile, &p.selinux_label})
        if (!r.failed() && v->find_first_of("\n\0", 0, 2) != std::string::npos)
            r.fail(v == &p.apparmor_profile ? base + ".apparmorProfile" : base + ".selinuxLabel", "must be one line");
    if (j.contains("consoleSize") && !j["consoleSize"].is_object()) r.fail(base + ".consoleSize", "expected an object");
}

void parse_id_mappings(Reader& r, const json& j, const std::string& key, const std::string& path,
                       std::vector<IdMapping>& out)
{
    const json* a = r.array(j, key, path);
    if (!a) return;
    for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
        const auto& e = (*a)[i];
        std::string p = idx(path, i);
        if (!e.is_object()) {
            r.fail(p, "expected an object");
            return;
        }
        IdMapping m;
        if (!r.integer(e, "containerID", p + ".containerID", m.container_id) && !r.failed())
            r.fail(p + ".containerID", "required field is missing");
        if (!r.integer(e, "hostID", p + ".hostID", m.host_id) && !r.failed())
            r.fail(p + ".hostID", "required field is missing");
        if (!r.integer(e, "size", p + ".size", m.size) && !r.failed()) r.fail(p + ".size", "required field is missing");
        if (!r.failed() && m.size == 0) r.fail(p + ".size", "must be at least 1");
        out.push_back(m);
    }
    if (out.size() > 340 && !r.failed()) r.fail(path, "the kernel takes at most 340 mappings");
}

void parse_mounts(Reader& r, const json& root, std::vector<Mount>& out)
{
    const json* a = r.array(root, "mounts", "mounts");
    if (!a) return;
    for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
        const auto& e = (*a)[i];
        std::string path = idx("mounts", i);
        if (!e.is_object()) {
            r.fail(path, "expected an object");
            return;
        }
        Mount m;
        r.str(e, "destination", path + ".destination", m.destination, true);
        if (!r.failed() && (m.destination.empty() || m.destination[0] != '/'))
            r.fail(path + ".destination", "must be an absolute path, got '" + m.destination + "'");
        r.str(e, "type", path + ".type", m.type);
        r.str(e, "source", path + ".source", m.source);
        r.strings(e, "options", path + ".options", m.options);
        parse_id_mappings(r, e, "uidMappings", path + ".uidMappings", m.uid_mappings);
        parse_id_mappings(r, e, "gidMappings", path + ".gidMappings", m.gid_mappings);
        if (!r.failed() && m.uid_mappings.empty() != m.gid_mappings.empty())
            r.fail(path + ".uidMappings", "an id-mapped mount needs both uidMappings and gidMappings");
        if (!r.failed() && m.idmapped() && m.type != "bind" &&
            std::find_if(m.options.begin(), m.options.end(),
                         [](const std::string& o) { return o == "bind" || o == "rbind"; }) == m.options.end())
            r.fail(path + ".options", "only bind mounts can be id-mapped", Errc::unsupported);
        out.push_back(std::move(m));
    }
}

void parse_throttle(Reader& r, const json& j, const std::string& key, const std::string& path,
                    std::vector<ThrottleDevice>& out)
{
    const json* a = r.array(j, key, path);
    if (!a) return;
    for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
        const auto& e = (*a)[i];
        std::string p = idx(path, i);
        if (!e.is_object()) {
            r.fail(p, "expected an object");
            return;
        }
        ThrottleDevice d;
        if (!r.integer(e, "major", p + ".major", d.major) && !r.failed())
            r.fail(p + ".major", "required field is missing");
        if (!r.integer(e, "minor", p + ".minor", d.minor) && !r.failed())
            r.fail(p + ".minor", "required field is missing");
        if (!r.integer(e, "rate", p + ".rate", d.rate) && !r.failed()) r.fail(p + ".rate", "required field is missing");
        out.push_back(d);
    }
}

void parse_resources(Reader& r, const json& j, Resources& res)
{
    const std::string base = "linux.resources";
    if (const json* m = r.object(j, "memory", base + ".memory")) {
        r.opt_integer(*m, "limit", base + ".memory.limit", res.memory_limit);
        r.opt_integer(*m, "reservation", base + ".memory.reservation", res.memory_reservation);
        r.opt_integer(*m, "swap", base + ".memory.swap", res.memory_swap);
        r.opt_integer(*m, "swappiness", base + ".memory.swappiness", res.memory_swappiness);
        r.opt_integer(*m, "kernel", base + ".memory.kernel", res.memory_kernel);
        r.opt_integer(*m, "kernelTCP", base + ".memory.kernelTCP", res.memory_kernel_tcp);
        if (res.memory_swappiness && (*res.memory_swappiness < 0 || *res.memory_swappiness > 100))
            r.fail(base + ".memory.swappiness", "must be between 0 and 100");
        bool b;
        if (r.boolean(*m, "disableOOMKiller", base + ".memory.disableOOMKiller", b)) res.disable_oom_killer = b;
        for (auto* f :
             {&res.memory_limit, &res.memory_reservation, &res.memory_swap, &res.memory_kernel, &res.memory_kernel_tcp})
            if (*f && **f < -1 && !r.failed())
                r.fail(base + ".memory", "memory sizes must be -1 (unlimited) or positive");
        if (res.memory_limit && *res.memory_limit > 0 && res.memory_swap && *res.memory_swap > 0 &&
            *res.memory_swap < *res.memory_limit)
            r.fail(base + ".memory.swap", "memory+swap must not be below memory.limit");
    }
    if (const json* c = r.object(j, "cpu", base + ".cpu")) {
        r.opt_integer(*c, "shares", base + ".cpu.shares", res.cpu_shares);
        r.opt_integer(*c, "quota", base + ".cpu.quota", res.cpu_quota);
        r.opt_integer(*c, "period", base + ".cpu.period", res.cpu_period);
        r.str(*c, "cpus", base + ".cpu.cpus", res.cpu_cpus);
        r.str(*c, "mems", base + ".cpu.mems", res.cpu_mems);
        r.opt_integer(*c, "idle", base + ".cpu.idle", res.cpu_idle);
        if (res.cpu_period && (*res.cpu_period < 1000 || *res.cpu_period > 1000000))
            r.fail(base + ".cpu.period", "must be between 1000 and 1000000 microseconds");
        if (res.cpu_quota && *res.cpu_quota != -1 && *res.cpu_quota < 1000)
            r.fail(base + ".cpu.quota", "must be -1 (unlimited) or at least 1000 microseconds");
        for (auto* s : {&res.cpu_cpus, &res.cpu_mems})
            for (char ch : *s)
                if (!(std::isdigit((unsigned char)ch) || ch == ',' || ch == '-'))
                    r.fail(s == &res.cpu_cpus ? base + ".cpu.cpus" : base + ".cpu.mems", "expected a list like 0-2,4");
    }
    if (const json* p = r.object(j, "pids", base + ".pids")) {
        int64_t v = 0;
        if (r.integer(*p, "limit", base + ".pids.limit", v)) res.pids_limit = v;
        else if (!r.failed()) r.fail(base + ".pids.limit", "required field is missing");
    }
    if (const json* b = r.object(j, "blockIO", base + ".blockIO")) {
        r.opt_integer(*b, "weight", base + ".blockIO.weight", res.blkio_weight);
        if (res.blkio_weight && (*res.blkio_weight < 10 || *res.blkio_weight > 1000))
            r.fail(base + ".blockIO.weight", "must be between 10 and 1000");
        if (const json* wd = r.array(*b, "weightDevice", base + ".blockIO.weightDevice"))
            for (size_t i = 0; i < wd->size() && !r.failed(); ++i) {
                std::string p = idx(base + ".blockIO.weightDevice", i);
                if (!(*wd)[i].is_object()) {
                    r.fail(p, "expected an object");
                    break;
                }
                WeightDevice d;
                r.integer((*wd)[i], "major", p + ".major", d.major);
                r.integer((*wd)[i], "minor", p + ".minor", d.minor);
                r.opt_integer((*wd)[i], "weight", p + ".weight", d.weight);
                res.blkio_weight_device.push_back(d);
            }
        parse_throttle(r, *b, "throttleReadBpsDevice", base + ".blockIO.throttleReadBpsDevice", res.throttle_read_bps);
        parse_throttle(r, *b, "throttleWriteBpsDevice", base + ".blockIO.throttleWriteBpsDevice",
                       res.throttle_write_bps);
        parse_throttle(r, *b, "throttleReadIOPSDevice", base + ".blockIO.throttleReadIOPSDevice",
                       res.throttle_read_iops);
        parse_throttle(r, *b, "throttleWriteIOPSDevice", base + ".blockIO.throttleWriteIOPSDevice",
                       res.throttle_write_iops);
    }
    if (const json* d = r.array(j, "devices", base + ".devices"))
        for (size_t i = 0; i < d->size() && !r.failed(); ++i) {
            std::string p = idx(base + ".devices", i);
            const auto& e = (*d)[i];
            if (!e.is_object()) {
                r.fail(p, "expected an object");
                break;
            }
            DeviceRule rule;
            if (!r.boolean(e, "allow", p + ".allow", rule.allow) && !r.failed())
                r.fail(p + ".allow", "required field is missing");
            r.str(e, "type", p + ".type", rule.type);
            if (rule.type.empty()) rule.type = "a";
            if (!r.failed() && rule.type != "a" && rule.type != "c" && rule.type != "b")
                r.fail(p + ".type", "expected a, c or b, got '" + rule.type + "'");
            r.opt_integer(e, "major", p + ".major", rule.major);
            r.opt_integer(e, "minor", p + ".minor", rule.minor);
            r.str(e, "access", p + ".access", rule.access);
            if (rule.access.empty()) rule.access = "rwm";
            for (char ch : rule.access)
                if (ch != 'r' && ch != 'w' && ch != 'm' && !r.failed())
                    r.fail(p + ".access", "expected letters r, w, m, got '" + rule.access + "'");
            res.devices.push_back(rule);
        }
    if (const json* u = r.object(j, "unified", base + ".unified"))
        for (auto it = u->begin(); it != u->end() && !r.failed(); ++it) {
            if (!it.value().is_string()) {
                r.fail(base + ".unified." + it.key(), "expected a string");
                break;
            }
            if (it.key().empty() || it.key().find('/') != std::string::npos || it.key().find("..") != std::string::npos)
                r.fail(base + ".unified." + it.key(), "not a cgroup file name");
            res.unified[it.key()] = it.value().get<std::string>();
        }
    if (const json* h = r.array(j, "hugepageLimits", base + ".hugepageLimits"))
        for (size_t i = 0; i < h->size() && !r.failed(); ++i) {
            const std::string p = idx(base + ".hugepageLimits", i);
            if (!(*h)[i].is_object()) {
                r.fail(p, "expected an object");
                break;
            }
            HugepageLimit l;
            r.str((*h)[i], "pageSize", p + ".pageSize", l.page_size, true);
            if (!r.integer((*h)[i], "limit", p + ".limit", l.limit) && !r.failed())
                r.fail(p + ".limit", "required field is missing");
            // The kernel's names: a number and KB, MB or GB ("2MB", "1GB").
            const auto& ps = l.page_size;
            size_t digits = 0;
            while (digits < ps.size() && std::isdigit((unsigned char)ps[digits])) ++digits;
            const std::string unit = ps.substr(digits);
            if (!r.failed() && (digits == 0 || ps[0] == '0' || (unit != "KB" && unit != "MB" && unit != "GB")))
                r.fail(p + ".pageSize", "expected a size like 2MB or 1GB, got '" + ps + "'");
            res.hugepage_limits.push_back(l);
        }
    if (const json* n = r.object(j, "network", base + ".network")) {
        r.opt_integer(*n, "classID", base + ".network.classID", res.net_class_id);
        if (const json* a = r.array(*n, "priorities", base + ".network.priorities"))
            for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
                const std::string p = idx(base + ".network.priorities", i);
                if (!(*a)[i].is_object()) {
                    r.fail(p, "expected an object");
                    break;
                }
                NetPriority np;
                r.str((*a)[i], "name", p + ".name", np.interface, true);
                if (!r.failed() && (np.interface.empty() || np.interface.size() >= 16 ||
                                    np.interface.find_first_of(" /\n") != std::string::npos))
                    r.fail(p + ".name", "not an interface name");
                if (!r.integer((*a)[i], "priority", p + ".priority", np.priority) && !r.failed())
                    r.fail(p + ".priority", "required field is missing");
                res.net_priorities.push_back(np);
            }
    }
    for (const char* unsupported : {"rdma"})
        if (j.contains(unsupported) && !j[unsupported].is_null() && !j[unsupported].empty())
            r.fail(base + "." + unsupported, "not supported by onggi", Errc::unsupported);
}

const std::set<std::string>& namespace_types()
{
    static const std::set<std::string> t = {"pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"};
    return t;
}

void parse_seccomp(Reader& r, const json& j, Seccomp& s)
{
    const std::string base = "linux.seccomp";
    r.str(j, "defaultAction", base + ".defaultAction", s.default_action, true);
    r.opt_integer(j, "defaultErrnoRet", base + ".defaultErrnoRet", s.default_errno_ret);
    r.strings(j, "architectures", base + ".architectures", s.architectures);
    r.strings(j, "flags", base + ".flags", s.flags);
    if (j.contains("listenerPath") && !j["listenerPath"].is_null())
        r.fail(base + ".listenerPath", "seccomp notify listeners are not supported", Errc::unsupported);
    const json* a = r.array(j, "syscalls", base + ".syscalls");
    if (!a) return;
    for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
        std::string p = idx(base + ".syscalls", i);
        const auto& e = (*a)[i];
        if (!e.is_object()) {
            r.fail(p, "expected an object");
            return;
        }
        SeccompSyscall sc;
        r.strings(e, "names", p + ".names", sc.names);
        if (!r.failed() && sc.names.empty()) r.fail(p + ".names", "at least one syscall name is required");
        r.str(e, "action", p + ".action", sc.action, true);
        r.opt_integer(e, "errnoRet", p + ".errnoRet", sc.errno_ret);
        if (const json* args = r.array(e, "args", p + ".args"))
            for (size_t k = 0; k < args->size() && !r.failed(); ++k) {
                std::string ap = idx(p + ".args", k);
                const auto& ae = (*args)[k];
                if (!ae.is_object()) {
                    r.fail(ap, "expected an object");
                    break;
                }
                SeccompArg arg;
                r.integer(ae, "index", ap + ".index", arg.index);
                if (arg.index > 5) r.fail(ap + ".index", "must be between 0 and 5");
                r.integer(ae, "value", ap + ".value", arg.value);
                r.integer(ae, "valueTwo", ap + ".valueTwo", arg.value_two);
                r.str(ae, "op", ap + ".op", arg.op, true);
                sc.args.push_back(arg);
            }
        s.syscalls.push_back(std::move(sc));
    }
}

void parse_linux(Reader& r, const json& j, Linux& l)
{
    const std::string base = "linux";
    if (const json* a = r.array(j, "namespaces", base + ".namespaces")) {
        std::set<std::string> seen;
        for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
            std::string p = idx(base + ".namespaces", i);
            const auto& e = (*a)[i];
            if (!e.is_object()) {
                r.fail(p, "expected an object");
                return;
            }
            Namespace ns;
            r.str(e, "type", p + ".type", ns.type, true);
            r.str(e, "path", p + ".path", ns.path);
            if (r.failed()) return;
            if (!namespace_types().count(ns.type)) {
                r.fail(p + ".type", "unknown namespace type '" + ns.type +
                                        "' (expected pid, network, mount, ipc, uts, user, cgroup or time)");
                return;
            }
            if (!seen.insert(ns.type).second) {
                r.fail(p + ".type", "namespace '" + ns.type + "' is listed twice");
                return;
            }
            if (!ns.path.empty() && ns.path[0] != '/') {
                r.fail(p + ".path", "must be an absolute path");
                return;
            }
            l.namespaces.push_back(ns);
        }
    }
    parse_id_mappings(r, j, "uidMappings", base + ".uidMappings", l.uid_mappings);
    parse_id_mappings(r, j, "gidMappings", base + ".gidMappings", l.gid_mappings);
    if (!r.failed() && (!l.uid_mappings.empty() || !l.gid_mappings.empty()) && !l.has_namespace("user"))
        r.fail(base + ".uidMappings", "id mappings need a user namespace in linux.namespaces");
    if (!r.failed() && l.has_namespace("user") && !l.find_namespace("user")->path.size() &&
        (l.uid_mappings.empty() || l.gid_mappings.empty()))
        r.fail(base + ".uidMappings", "a new user namespace needs uidMappings and gidMappings");
    if (const json* res = r.object(j, "resources", base + ".resources")) {
        Resources rr;
        parse_resources(r, *res, rr);
        l.resources = std::move(rr);
    }
    r.str(j, "cgroupsPath", base + ".cgroupsPath", l.cgroups_path);
    if (!r.failed() && !l.cgroups_path.empty()) {
        if (l.cgroups_path.find(':') != std::string::npos)
            r.fail(base + ".cgroupsPath", "systemd cgroup paths (slice:prefix:name) are not supported",
                   Errc::unsupported);
        else if (l.cgroups_path[0] != '/') l.cgroups_path = "/" + l.cgroups_path;
        std::string s = l.cgroups_path + "/";
        if (s.find("/../") != std::string::npos || s.find("/./") != std::string::npos ||
            s.find("//") != std::string::npos)
            r.fail(base + ".cgroupsPath", "must not contain '.', '..' or empty components");
    }
    if (const json* sc = r.object(j, "sysctl", base + ".sysctl"))
        for (auto it = sc->begin(); it != sc->end() && !r.failed(); ++it) {
            if (!it.value().is_string()) {
                r.fail(base + ".sysctl." + it.key(), "expected a string");
                break;
            }
            if (it.key().empty() || it.key().find('/') != std::string::npos || it.key().find("..") != std::string::npos)
                r.fail(base + ".sysctl." + it.key(), "not a sysctl name");
            l.sysctl[it.key()] = it.value().get<std::string>();
        }
    if (const json* sc = r.object(j, "seccomp", base + ".seccomp")) {
        Seccomp s;
        parse_seccomp(r, *sc, s);
        l.seccomp = std::move(s);
    }
    r.strings(j, "maskedPaths", base + ".maskedPaths", l.masked_paths);
    r.strings(j, "readonlyPaths", base + ".readonlyPaths", l.readonly_paths);
    for (const auto* list : {&l.masked_paths, &l.readonly_paths})
        for (size_t i = 0; i < list->size() && !r.failed(); ++i)
            if ((*list)[i].empty() || (*list)[i][0] != '/')
                r.fail(idx(list == &l.masked_paths ? base + ".maskedPaths" : base + ".readonlyPaths", i),
                       "must be an absolute path");
    r.str(j, "rootfsPropagation", base + ".rootfsPropagation", l.rootfs_propagation);
    if (!r.failed() && !l.rootfs_propagation.empty()) {
        static const std::set<std::string> ok = {"private", "rprivate", "slave",      "rslave",
                                                 "shared",  "rshared",  "unbindable", "runbindable"};
        if (!ok.count(l.rootfs_propagation))
            r.fail(base + ".rootfsPropagation", "unknown propagation '" + l.rootfs_propagation + "'");
    }
    r.str(j, "mountLabel", base + ".mountLabel", l.mount_label);
    if (const json* t = r.object(j, "timeOffsets", base + ".timeOffsets")) {
        for (const char* clock : {"monotonic", "boottime"}) {
            const std::string cp = base + ".timeOffsets." + clock;
            if (const json* c = r.object(*t, clock, cp)) {
                int64_t secs = 0;
                r.integer(*c, "secs", cp + ".secs", secs);
                (std::string(clock) == "monotonic" ? l.time_offset_monotonic : l.time_offset_boottime) = secs;
            }
        }
        for (auto it = t->begin(); it != t->end(); ++it)
            if (it.key() != "monotonic" && it.key() != "boottime")
                r.fail(base + ".timeOffsets." + it.key(), "unknown clock (expected monotonic or boottime)");
        if (!r.failed() && !l.has_namespace("time"))
            r.fail(base + ".timeOffsets", "time offsets need a time namespace in linux.namespaces");
    }
    if (const json* d = r.array(j, "devices", base + ".devices"))
        for (size_t i = 0; i < d->size() && !r.failed(); ++i) {
            std::string p = idx(base + ".devices", i);
            const auto& e = (*d)[i];
            if (!e.is_object()) {
                r.fail(p, "expected an object");
                break;
            }
            Device dev;
            r.str(e, "path", p + ".path", dev.path, true);
            r.str(e, "type", p + ".type", dev.type, true);
            if (r.failed()) break;
            if (dev.path.rfind("/dev/", 0) != 0 || dev.path.size() <= 5 || dev.path.find("/../") != std::string::npos ||
                dev.path.size() >= 256 || dev.path.compare(dev.path.size() - 3, 3, "/..") == 0)
                r.fail(p + ".path", "expected a path below /dev, got '" + dev.path + "'");
            else if (dev.type != "c" && dev.type != "b" && dev.type != "u" && dev.type != "p")
                r.fail(p + ".type", "expected c, b, u or p, got '" + dev.type + "'");
            else if (dev.type != "p" && (!e.contains("major") || !e.contains("minor")))
                r.fail(p, "major and minor are required for a " + dev.type + " device");
            if (r.failed()) break;
            r.integer(e, "major", p + ".major", dev.major);
            r.integer(e, "minor", p + ".minor", dev.minor);
            r.opt_integer(e, "fileMode", p + ".fileMode", dev.file_mode);
            r.opt_integer(e, "uid", p + ".uid", dev.uid);
            r.opt_integer(e, "gid", p + ".gid", dev.gid);
            if (!r.failed() && (dev.major < 0 || dev.major > 4095 || dev.minor < 0 || dev.minor > 1048575))
                r.fail(p, "major/minor out of range");
            if (!r.failed() && dev.file_mode && *dev.file_mode > 07777)
                r.fail(p + ".fileMode", "expected permission bits (<= 07777)");
            l.devices.push_back(dev);
        }
    if (j.contains("intelRdt")) r.fail(base + ".intelRdt", "not supported by onggi", Errc::unsupported);
    if (j.contains("personality")) r.fail(base + ".personality", "not supported by onggi", Errc::unsupported);
}

json resources_json(const Resources& r)
{
    json j = json::object();
    json mem = json::object();
    if (r.memory_limit) mem["limit"] = *r.memory_limit;
    if (r.memory_reservation) mem["reservation"] = *r.memory_reservation;
    if (r.memory_swap) mem["swap"] = *r.memory_swap;
    if (r.memory_swappiness) mem["swappiness"] = *r.memory_swappiness;
    if (r.memory_kernel) mem["kernel"] = *r.memory_kernel;
    if (r.memory_kernel_tcp) mem["kernelTCP"] = *r.memory_kernel_tcp;
    if (r.disable_oom_killer) mem["disableOOMKiller"] = *r.disable_oom_killer;
    if (!mem.empty()) j["memory"] = mem;
    json cpu = json::object();
    if (r.cpu_shares) cpu["shares"] = *r.cpu_shares;
    if (r.cpu_quota) cpu["quota"] = *r.cpu_quota;
    if (r.cpu_period) cpu["period"] = *r.cpu_period;
    if (!r.cpu_cpus.empty()) cpu["cpus"] = r.cpu_cpus;
    if (!r.cpu_mems.empty()) cpu["mems"] = r.cpu_mems;
    if (r.cpu_idle) cpu["idle"] = *r.cpu_idle;
    if (!cpu.empty()) j["cpu"] = cpu;
    if (r.pids_limit) j["pids"] = {{"limit", *r.pids_limit}};
    json bio = json::object();
    if (r.blkio_weight) bio["weight"] = *r.blkio_weight;
    if (!r.blkio_weight_device.empty()) {
        json a = json::array();
        for (const auto& d : r.blkio_weight_device) {
            json e = {{"major", d.major}, {"minor", d.minor}};
            if (d.weight) e["weight"] = *d.weight;
            a.push_back(e);
        }
        bio["weightDevice"] = a;
    }
    auto thr = [&](const char* key, const std::vector<ThrottleDevice>& v) {
        if (v.empty()) return;
        json a = json::array();
        for (const auto& d : v) a.push_back({{"major", d.major}, {"minor", d.minor}, {"rate", d.rate}});
        bio[key] = a;
    };
    thr("throttleReadBpsDevice", r.throttle_read_bps);
    thr("throttleWriteBpsDevice", r.throttle_write_bps);
    thr("throttleReadIOPSDevice", r.throttle_read_iops);
    thr("throttleWriteIOPSDevice", r.throttle_write_iops);
    if (!bio.empty()) j["blockIO"] = bio;
    if (!r.devices.empty()) {
        json a = json::array();
        for (const auto& d : r.devices) {
            json e = {{"allow", d.allow}, {"type", d.type}, {"access", d.access}};
            if (d.major) e["major"] = *d.major;
            if (d.minor) e["minor"] = *d.minor;
            a.push_back(e);
        }
        j["devices"] = a;
    }
    if (!r.unified.empty()) j["unified"] = r.unified;
    if (!r.hugepage_limits.empty()) {
        json a = json::array();
        for (const auto& h : r.hugepage_limits) a.push_back({{"pageSize", h.page_size}, {"limit", h.limit}});
        j["hugepageLimits"] = a;
    }
    if (r.net_class_id || !r.net_priorities.empty()) {
        json n = json::object();
        if (r.net_class_id) n["classID"] = *r.net_class_id;
        if (!r.net_priorities.empty()) {
            json a = json::array();
            for (const auto& p : r.net_priorities) a.push_back({{"name", p.interface}, {"priority", p.priority}});
            n["priorities"] = a;
        }
        j["network"] = n;
    }
    return j;
}

}  // namespace

Result<Spec> parse_spec(const std::string& json_text)
{
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& e) {
        return Error(Errc::invalid_argument, std::string("config.json is not valid JSON: ") + e.what());
    }
    if (!root.is_object()) return Error(Errc::invalid_argument, "config.json: expected a JSON object at the top level");

    Reader r;
    Spec s;
    r.str(root, "ociVersion", "ociVersion", s.oci_version, true);
    if (!r.failed() && s.oci_version.rfind("1.", 0) != 0)
        r.fail("ociVersion", "unsupported version '" + s.oci_version + "' (expected 1.x)", Errc::unsupported);
    if (const json* p = r.object(root, "process", "process")) parse_process(r, *p, s.process);
    else if (!r.failed()) s.has_process = false;
    if (const json* rt = r.object(root, "root", "root")) {
        r.str(*rt, "path", "root.path", s.root.path, true);
        if (!r.failed() && s.root.path.empty()) r.fail("root.path", "must not be empty");
        r.boolean(*rt, "readonly", "root.readonly", s.root.readonly);
    } else if (!r.failed()) {
        r.fail("root", "required field is missing");
    }
    r.str(root, "hostname", "hostname", s.hostname);
    if (s.hostname.size() > 64) r.fail("hostname", "longer than 64 characters");
    r.str(root, "domainname", "domainname", s.domainname);
    if (s.domainname.size() > 64) r.fail("domainname", "longer than 64 characters");
    parse_mounts(r, root, s.mounts);
    if (const json* l = r.object(root, "linux", "linux")) parse_linux(r, *l, s.linux);
    if (const json* a = r.object(root, "annotations", "annotations"))
        for (auto it = a->begin(); it != a->end() && !r.failed(); ++it) {
            if (!it.value().is_string()) {
                r.fail("annotations." + it.key(), "expected a string");
                break;
            }
            s.annotations[it.key()] = it.value().get<std::string>();
        }
    if (const json* h = r.object(root, "hooks", "hooks")) {
        const std::pair<const char*, std::vector<Hook>*> kinds[] = {{"prestart", &s.hooks.prestart},
                                                                    {"createRuntime", &s.hooks.create_runtime},
                                                                    {"createContainer", &s.hooks.create_container},
                                                                    {"startContainer", &s.hooks.start_container},
                                                                    {"poststart", &s.hooks.poststart},
                                                                    {"poststop", &s.hooks.poststop}};
        for (const auto& [key, list] : kinds)
            if (const json* a = r.array(*h, key, std::string("hooks.") + key))
                for (size_t i = 0; i < a->size() && !r.failed(); ++i) {
                    const std::string p = idx(std::string("hooks.") + key, i);
                    const json& e = (*a)[i];
                    if (!e.is_object()) {
                        r.fail(p, "expected an object");
                        break;
                    }
                    Hook hk;
                    r.str(e, "path", p + ".path", hk.path, true);
                    if (!r.failed() && (hk.path.empty() || hk.path[0] != '/'))
                        r.fail(p + ".path", "must be an absolute path");
                    r.strings(e, "args", p + ".args", hk.args);
                    r.strings(e, "env", p + ".env", hk.env);
                    r.opt_integer(e, "timeout", p + ".timeout", hk.timeout);
                    if (!r.failed() && hk.timeout && *hk.timeout <= 0)
                        r.fail(p + ".timeout", "must be greater than zero");
                    list->push_back(std::move(hk));
                }
    }
    if (!r.failed() && !s.hostname.empty() && !s.linux.has_namespace("uts"))
        r.fail("hostname", "setting a hostname needs a uts namespace in linux.namespaces");
    if (r.failed()) return r.error();
    return s;
}

bool Hooks::empty() const
{
    return prestart.empty() && create_runtime.empty() && create_container.empty() && start_container.empty() &&
           poststart.empty() && poststop.empty();
}

Result<Spec> load_spec(const std::string& bundle_dir)
{
    auto text = read_file(bundle_dir + "/config.json", 4 << 20);
    if (!text) return std::move(text).error().wrap("read bundle config");
    auto s = parse_spec(text.value());
    if (!s) return std::move(s).error().wrap(bundle_dir + "/config.json");
    return s;
}

std::string to_json(const Spec& s, int indent)
{
    json j;
    j["ociVersion"] = s.oci_version;
    json p;
    p["terminal"] = s.process.terminal;
    json user = {{"uid", s.process.user.uid}, {"gid", s.process.user.gid}};
    if (s.process.user.umask) user["umask"] = *s.process.user.umask;
    if (!s.process.user.additional_gids.empty()) user["additionalGids"] = s.process.user.additional_gids;
    p["user"] = user;
    p["args"] = s.process.args;
    p["env"] = s.process.env;
    p["cwd"] = s.process.cwd;
    if (s.process.capabilities) {
        const auto& c = *s.process.capabilities;
        json cj = json::object();
        if (!c.bounding.empty()) cj["bounding"] = c.bounding;
        if (!c.effective.empty()) cj["effective"] = c.effective;
        if (!c.inheritable.empty()) cj["inheritable"] = c.inheritable;
        if (!c.permitted.empty()) cj["permitted"] = c.permitted;
        if (!c.ambient.empty()) cj["ambient"] = c.ambient;
        p["capabilities"] = cj;
    }
    if (!s.process.rlimits.empty()) {
        json a = json::array();
        for (const auto& r : s.process.rlimits) a.push_back({{"type", r.type}, {"hard", r.hard}, {"soft", r.soft}});
        p["rlimits"] = a;
    }
    p["noNewPrivileges"] = s.process.no_new_privileges;
    if (s.process.oom_score_adj) p["oomScoreAdj"] = *s.process.oom_score_adj;
    if (!s.process.apparmor_profile.empty()) p["apparmorProfile"] = s.process.apparmor_profile;
    if (!s.process.selinux_label.empty()) p["selinuxLabel"] = s.process.selinux_label;
    if (s.has_process) j["process"] = p;
    j["root"] = {{"path", s.root.path}, {"readonly", s.root.readonly}};
    if (!s.hostname.empty()) j["hostname"] = s.hostname;
    if (!s.domainname.empty()) j["domainname"] = s.domainname;
    auto maps = [](const std::vector<IdMapping>& v) {
        json a = json::array();
        for (const auto& m : v) a.push_back({{"containerID", m.container_id}, {"hostID", m.host_id}, {"size", m.size}});
        return a;
    };
    json mounts = json::array();
    for (const auto& m : s.mounts) {
        json mj = {{"destination", m.destination}};
        if (!m.type.empty()) mj["type"] = m.type;
        if (!m.source.empty()) mj["source"] = m.source;
        if (!m.options.empty()) mj["options"] = m.options;
        if (!m.uid_mappings.empty()) mj["uidMappings"] = maps(m.uid_mappings);
        if (!m.gid_mappings.empty()) mj["gidMappings"] = maps(m.gid_mappings);
        mounts.push_back(mj);
    }
    j["mounts"] = mounts;
    json l = json::object();
    json ns = json::array();
    for (const auto& n : s.linux.namespaces) {
        json nj = {{"type", n.type}};
        if (!n.path.empty()) nj["path"] = n.path;
        ns.push_back(nj);
    }
    l["namespaces"] = ns;
    if (!s.linux.uid_mappings.empty()) l["uidMappings"] = maps(s.linux.uid_mappings);
    if (!s.linux.gid_mappings.empty()) l["gidMappings"] = maps(s.linux.gid_mappings);
    if (s.linux.resources) l["resources"] = resources_json(*s.linux.resources);
    if (!s.linux.cgroups_path.empty()) l["cgroupsPath"] = s.linux.cgroups_path;
    if (!s.linux.sysctl.empty()) l["sysctl"] = s.linux.sysctl;
    if (s.linux.seccomp) {
        const auto& sc = *s.linux.seccomp;
        json sj = {{"defaultAction", sc.default_action}};
        if (sc.default_errno_ret) sj["defaultErrnoRet"] = *sc.default_errno_ret;
        if (!sc.architectures.empty()) sj["architectures"] = sc.architectures;
        if (!sc.flags.empty()) sj["flags"] = sc.flags;
        json calls = json::array();
        for (const auto& c : sc.syscalls) {
            json cj = {{"names", c.names}, {"action", c.action}};
            if (c.errno_ret) cj["errnoRet"] = *c.errno_ret;
            if (!c.args.empty()) {
                json a = json::array();
                for (const auto& arg : c.args)
                    a.push_back(
                        {{"index", arg.index}, {"value", arg.value}, {"valueTwo", arg.value_two}, {"op", arg.op}});
                cj["args"] = a;
            }
            calls.push_back(cj);
        }
        sj["syscalls"] = calls;
        l["seccomp"] = sj;
    }
    if (!s.linux.masked_paths.empty()) l["maskedPaths"] = s.linux.masked_paths;
    if (!s.linux.readonly_paths.empty()) l["readonlyPaths"] = s.linux.readonly_paths;
    if (!s.linux.rootfs_propagation.empty()) l["rootfsPropagation"] = s.linux.rootfs_propagation;
    if (!s.linux.devices.empty()) {
        json a = json::array();
        for (const auto& d : s.linux.devices) {
            json dj = {{"path", d.path}, {"type", d.type}, {"major", d.major}, {"minor", d.minor}};
            if (d.file_mode) dj["fileMode"] = *d.file_mode;
            if (d.uid) dj["uid"] = *d.uid;
            if (d.gid) dj["gid"] = *d.gid;
            a.push_back(dj);
        }
        l["devices"] = a;
    }
    if (!s.linux.mount_label.empty()) l["mountLabel"] = s.linux.mount_label;
    if (s.linux.time_offset_monotonic || s.linux.time_offset_boottime) {
        json t = json::object();
        if (s.linux.time_offset_monotonic) t["monotonic"] = {{"secs", *s.linux.time_offset_monotonic}, {"nanosecs", 0}};
        if (s.linux.time_offset_boottime) t["boottime"] = {{"secs", *s.linux.time_offset_boottime}, {"nanosecs", 0}};
        l["timeOffsets"] = t;
    }
    j["linux"] = l;
    if (!s.annotations.empty()) j["annotations"] = s.annotations;
    if (!s.hooks.empty()) {
        json h = json::object();
        const std::pair<const char*, const std::vector<Hook>*> kinds[] = {
            {"prestart", &s.hooks.prestart},
            {"createRuntime", &s.hooks.create_runtime},
            {"createContainer", &s.hooks.create_container},
            {"startContainer", &s.hooks.start_container},
            {"poststart", &s.hooks.poststart},
            {"poststop", &s.hooks.poststop}};
        for (const auto& [key, list] : kinds) {
            if (list->empty()) continue;
            json a = json::array();
            for (const auto& hk : *list) {
                json e = {{"path", hk.path}};
                if (!hk.args.empty()) e["args"] = hk.args;
                if (!hk.env.empty()) e["env"] = hk.env;
                if (hk.timeout) e["timeout"] = *hk.timeout;
                a.push_back(e);
            }
            h[key] = a;
        }
        j["hooks"] = h;
    }
    return j.dump(indent);
}

Spec default_spec()
{
    Spec s;
    s.oci_version = "1.0.2";
    s.process.terminal = false;
    s.process.args = {"sh"};
    s.process.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"};
    s.process.cwd = "/";
    // Docker's default capability set (kept in step with security::default_capabilities()).
    std::vector<std::string> caps = {"CAP_CHOWN",   "CAP_DAC_OVERRIDE", "CAP_FSETID",           "CAP_FOWNER",
                                     "CAP_MKNOD",   "CAP_NET_RAW",      "CAP_SETGID",           "CAP_SETUID",
                                     "CAP_SETFCAP", "CAP_SETPCAP",      "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT",
                                     "CAP_KILL",    "CAP_AUDIT_WRITE"};
    Capabilities c;
    c.bounding = c.effective = c.permitted = caps;
    s.process.capabilities = c;
    s.process.rlimits = {{"RLIMIT_NOFILE", 1024, 1024}};
    s.process.no_new_privileges = true;
    s.root = {"rootfs", false};
    s.hostname = "onggi";
    s.mounts = {
        {"/proc", "proc", "proc", {"nosuid", "noexec", "nodev"}},
        {"/dev", "tmpfs", "tmpfs", {"nosuid", "strictatime", "mode=755", "size=65536k"}},
        {"/dev/pts", "devpts", "devpts", {"nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"}},
        {"/dev/shm", "tmpfs", "shm", {"nosuid", "noexec", "nodev", "mode=1777", "size=65536k"}},
        {"/dev/mqueue", "mqueue", "mqueue", {"nosuid", "noexec", "nodev"}},
        {"/sys", "sysfs", "sysfs", {"nosuid", "noexec", "nodev", "ro"}},
        {"/sys/fs/cgroup", "cgroup", "cgroup", {"nosuid", "noexec", "nodev", "relatime", "ro"}},
    };
    s.linux.namespaces = {{"pid", ""}, {"network", ""}, {"ipc", ""}, {"uts", ""}, {"mount", ""}, {"cgroup", ""}};
    s.linux.masked_paths = {"/proc/acpi",
                            "/proc/asound",
                            "/proc/kcore",
                            "/proc/keys",
                            "/proc/latency_stats",
                            "/proc/timer_list",
                            "/proc/timer_stats",
                            "/proc/sched_debug",
                            "/proc/scsi",
                            "/sys/firmware",
                            "/sys/devices/virtual/powercap"};
    s.linux.readonly_paths = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"};
    return s;
}

}  // namespace onggi::spec

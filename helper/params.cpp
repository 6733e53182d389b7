#include "helper/params.h"

#include "engine/image/user_lookup.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <regex>
#include <set>

namespace onggi::helper {

namespace {

Error bad(const std::string& field, const std::string& what)
{
    return Error(Errc::invalid_argument, field + ": " + what);
}

// Reads typed fields from a params object; remembers the first error. Unknown keys are
// refused so that a typo ("memroy") is an error rather than silently ignored.
class Reader {
public:
    Reader(const json& obj, std::string prefix, std::set<std::string> allowed) : obj_(obj), prefix_(std::move(prefix))
    {
        if (!obj_.is_object()) {
            fail(prefix_.empty() ? "params" : prefix_.substr(0, prefix_.size() - 1), "expected an object");
            return;
        }
        for (auto it = obj_.begin(); it != obj_.end(); ++it)
            if (!allowed.count(it.key())) {
                fail(prefix_ + it.key().substr(0, 64), "unknown field");
                return;
            }
    }

    bool ok() const { return !err_; }
    const Error& error() const { return *err_; }
    std::string name(const std::string& k) const { return prefix_ + k; }
    void fail(const std::string& field, const std::string& what)
    {
        if (!err_) err_ = bad(field, what);
    }
    const json* get(const std::string& k) const
    {
        if (err_ || !obj_.is_object()) return nullptr;
        auto it = obj_.find(k);
        if (it == obj_.end() || it->is_null()) return nullptr;
        return &*it;
    }

    void str(const std::string& k, std::string& out, bool required, size_t max_len, size_t min_len = 0)
    {
        const json* v = get(k);
        if (!v) {
            if (required && !err_) fail(name(k), "required");
            return;
        }
        if (!v->is_string()) return fail(name(k), "expected a string");
        const auto& s = v->get_ref<const std::string&>();
        if (s.size() > max_len) return fail(name(k), "too long (max " + std::to_string(max_len) + ")");
        if (s.size() < min_len) return fail(name(k), "too short");
        if (s.find('\0') != std::string::npos) return fail(name(k), "contains NUL");
        out = s;
    }
    void boolean(const std::string& k, bool& out)
    {
        const json* v = get(k);
        if (!v) return;
        if (!v->is_boolean()) return fail(name(k), "expected true or false");
        out = v->get<bool>();
    }
    template <class T>
    void integer(const std::string& k, T& out, int64_t lo, int64_t hi, bool required = false)
    {
        const json* v = get(k);
        if (!v) {
            if (required && !err_) fail(name(k), "required");
            return;
        }
        int64_t x;
        if (v->is_number_integer()) {
            if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(INT64_MAX))
                return fail(name(k), "out of range");
            x = v->get<int64_t>();
        } else if (v->is_number_float()) {
            double d = v->get<double>();
            if (!std::isfinite(d) || d != std::floor(d) || d < -9e18 || d > 9e18)
                return fail(name(k), "expected an integer");
            x = int64_t(d);
        } else {
            return fail(name(k), "expected an integer");
        }
        if (x < lo || x > hi)
            return fail(name(k), "out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        out = T(x);
    }
    template <class T>
    void opt_integer(const std::string& k, std::optional<T>& out, int64_t lo, int64_t hi)
    {
        if (!get(k)) return;
        T v{};
        integer(k, v, lo, hi);
        if (ok()) out = v;
    }
    void strings(const std::string& k, std::vector<std::string>& out, size_t max_items, size_t max_len)
    {
        const json* v = get(k);
        if (!v) return;
        if (!v->is_array()) return fail(name(k), "expected an array of strings");
        if (v->size() > max_items) return fail(name(k), "too many items (max " + std::to_string(max_items) + ")");
        std::vector<std::string> tmp;
        for (size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            std::string f = name(k) + "[" + std::to_string(i) + "]";
            if (!e.is_string()) return fail(f, "expected a string");
            const auto& s = e.get_ref<const std::string&>();
            if (s.size() > max_len) return fail(f, "too long");
            if (s.find('\0') != std::string::npos) return fail(f, "contains NUL");
            tmp.push_back(s);
        }
        out = std::move(tmp);
    }

private:
    const json& obj_;
    std::string prefix_;
    std::optional<Error> err_;
};

const json& empty_object()
{
    static const json o = json::object();
    return o;
}

// Omitted or null params mean {}.
const json& params_or_empty(const json& p) { return p.is_null() ? empty_object() : p; }

template <class T>
Result<T> finish(const Reader& r, T v)
{
    if (!r.ok()) return r.error();
    return v;
}

Status check_env(const std::vector<std::string>& env, const std::string& field)
{
    for (size_t i = 0; i < env.size(); ++i) {
        auto eq = env[i].find('=');
        if (eq == 0 || eq == std::string::npos)
            return bad(field + "[" + std::to_string(i) + "]", "expected NAME=value");
    }
    return {};
}

Status check_abs_path(const std::string& p, const std::string& field)
{
    if (p.empty() || p[0] != '/') return bad(field, "expected an absolute path");
    // ".." components are refused outright; paths are resolved inside the rootfs by the runtime.
    size_t i = 0;
    while (i <= p.size()) {
        size_t j = p.find('/', i);
        if (j == std::string::npos) j = p.size();
        if (p.compare(i, j - i, "..") == 0) return bad(field, "'..' is not allowed");
        i = j + 1;
    }
    return {};
}

}  // namespace

bool Limits::empty() const
{
    return !cpus && !cpu_weight && !cpuset && !memory && !memory_high && !memory_reservation && !memory_swap && !pids &&
           !io;
}

void Limits::merge(const Limits& n)
{
    if (n.cpus) cpus = n.cpus;
    if (n.cpu_weight) cpu_weight = n.cpu_weight;
    if (n.cpuset) cpuset = n.cpuset;
    if (n.memory) memory = n.memory;
    if (n.memory_high) memory_high = n.memory_high;
    if (n.memory_reservation) memory_reservation = n.memory_reservation;
    if (n.memory_swap) memory_swap = n.memory_swap;
    if (n.pids) pids = n.pids;
    if (n.io) io = n.io;
}

json Limits::to_json() const
{
    json j = json::object();
    if (cpus) j["cpus"] = *cpus;
    if (cpu_weight) j["cpu_weight"] = *cpu_weight;
    if (cpuset) j["cpuset"] = *cpuset;
    if (memory) j["memory"] = *memory;
    if (memory_high) j["memory_high"] = *memory_high;
    if (memory_reservation) j["memory_reservation"] = *memory_reservation;
    if (memory_swap) j["memory_swap"] = *memory_swap;
    if (pids) j["pids"] = *pids;
    if (io) {
        json a = json::array();
        for (const auto& l : *io)
            a.push_back({{"device", std::to_string(l.major) + ":" + std::to_string(l.minor)},
                         {"read_bps", l.read_bps},
                         {"write_bps", l.write_bps},
                         {"read_iops", l.read_iops},
                         {"write_iops", l.write_iops}});
        j["io"] = a;
    }
    return j;
}

std::string RestartPolicy::to_string() const
{
    if (mode == "on-failure" && max_retries > 0) return mode + ":" + std::to_string(max_retries);
    return mode;
}

bool valid_container_name(const std::string& s)
{
    static const std::regex re("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    return std::regex_match(s, re);
}

int signal_from_name(const std::string& in)
{
    static const std::pair<const char*, int> table[] = {
        {"HUP", SIGHUP},   {"INT", SIGINT},     {"QUIT", SIGQUIT}, {"ILL", SIGILL},   {"TRAP", SIGTRAP},
        {"ABRT", SIGABRT}, {"BUS", SIGBUS},     {"FPE", SIGFPE},   {"KILL", SIGKILL}, {"USR1", SIGUSR1},
        {"SEGV", SIGSEGV}, {"USR2", SIGUSR2},   {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM},
        {"CHLD", SIGCHLD}, {"CONT", SIGCONT},   {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN},
        {"TTOU", SIGTTOU}, {"URG", SIGURG},     {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ}, {"VTALRM", SIGVTALRM},
        {"PROF", SIGPROF}, {"WINCH", SIGWINCH}, {"IO", SIGIO},     {"PWR", SIGPWR},   {"SYS", SIGSYS}};
    if (in.empty() || in.size() > 16) return 0;
    if (std::all_of(in.begin(), in.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // from_chars, not stoi: "99999999999" is out of int's range and stoi throws.
        int n = 0;
        const auto [end, ec] = std::from_chars(in.data(), in.data() + in.size(), n);
        return ec == std::errc() && end == in.data() + in.size() && n >= 1 && n <= 64 ? n : 0;
    }
    std::string s = in;
    for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (s.rfind("SIG", 0) == 0) s = s.substr(3);
    for (const auto& [n, v] : table)
        if (s == n) return v;
    return 0;
}

Status parse_user(const std::string& s, std::optional<uint32_t>& uid, std::optional<uint32_t>& gid, std::string* names)
{
    static const std::regex re("([0-9]{1,10})(:([0-9]{1,10}))?");
    std::smatch m;
    if (s == "root") {
        uid = 0;
        gid = 0;
        return {};
    }
    if (!std::regex_match(s, m, re)) {
        if (names && image::user_spec_has_names(s)) {
            if (auto v = image::validate_user_spec(s); !v)
                return bad("user", "expected USER[:GROUP], names or numbers");
            *names = s;
            return {};
        }
        return bad("user", "expected UID or UID:GID (numbers)");
    }
    uint64_t u = std::stoull(m[1].str());
    uint64_t g = m[3].matched ? std::stoull(m[3].str()) : u == 0 ? 0 : u;
    if (u > 0xfffffffeULL || g > 0xfffffffeULL) return bad("user", "id out of range");
    uid = uint32_t(u);
    gid = uint32_t(g);
    return {};
}

Result<RestartPolicy> parse_restart_policy(const std::string& s)
{
    RestartPolicy p;
    if (s.empty() || s == "no") return p;
    if (s == "always" || s == "unless-stopped") {
        p.mode = "always";
        return p;
    }
    static const std::regex re("on-failure(:([0-9]{1,4}))?");
    std::smatch m;
    if (!std::regex_match(s, m, re)) return bad("restart", "expected no, on-failure[:N] or always");
    p.mode = "on-failure";
    if (m[2].matched) p.max_retries = std::stoi(m[2].str());
    return p;
}

Result<Limits> decode_limits(const json& p, const std::string& field)
{
    Limits l;
    Reader r(
        p, field + ".",
        {"cpus", "cpu_weight", "cpuset", "memory", "memory_high", "memory_reservation", "memory_swap", "pids", "io"});
    if (const json* v = r.get("cpus")) {
        if (!v->is_number()) r.fail(r.name("cpus"), "expected a number");
        else {
            double d = v->get<double>();
            if (!std::isfinite(d) || d < 0 || d > 4096) r.fail(r.name("cpus"), "out of range [0, 4096]");
            else if (d > 0 && d < 0.01) r.fail(r.name("cpus"), "must be 0 (unlimited) or at least 0.01");
            else l.cpus = d;
        }
    }
    r.opt_integer("cpu_weight", l.cpu_weight, 0, 10000);
    if (r.get("cpuset")) {
        std::string s;
        r.str("cpuset", s, false, 256);
        static const std::regex re("([0-9]{1,4}(-[0-9]{1,4})?)(,[0-9]{1,4}(-[0-9]{1,4})?)*");
        if (r.ok() && !s.empty() && !std::regex_match(s, re))
            r.fail(r.name("cpuset"), "expected a CPU list like 0-1,3");
        if (r.ok()) l.cpuset = s;
    }
    constexpr int64_t max_bytes = int64_t(1) << 50;  // 1 PiB: beyond any host, catches unit mistakes
    r.opt_integer("memory", l.memory, 0, max_bytes);
    r.opt_integer("memory_high", l.memory_high, 0, max_bytes);
    r.opt_integer("memory_reservation", l.memory_reservation, 0, max_bytes);
    r.opt_integer("memory_swap", l.memory_swap, -1, max_bytes);
    r.opt_integer("pids", l.pids, 0, 4194304);
    if (r.ok() && l.memory && *l.memory > 0 && *l.memory < (6 << 20))
        r.fail(r.name("memory"), "must be 0 (unlimited) or at least 6 MiB");
    if (r.ok() && l.memory_swap && *l.memory_swap > 0 && l.memory && *l.memory > 0 && *l.memory_swap < *l.memory)
        r.fail(r.name("memory_swap"), "must be at least memory (it is memory plus swap)");
    if (const json* v = r.get("io")) {
        if (!v->is_array() || v->size() > 16) r.fail(r.name("io"), "expected an array of at most 16 devices");
        else {
            std::vector<IoLimit> io;
            for (size_t i = 0; i < v->size() && r.ok(); ++i) {
                std::string f = r.name("io") + "[" + std::to_string(i) + "]";
                Reader d((*v)[i], f + ".", {"device", "read_bps", "write_bps", "read_iops", "write_iops"});
                IoLimit x;
                std::string dev;
                d.str("device", dev, true, 32);
                static const std::regex re("([0-9]{1,6}):([0-9]{1,8})");
                std::smatch m;
                if (d.ok() && !std::regex_match(dev, m, re)) d.fail(f + ".device", "expected MAJOR:MINOR");
                if (d.ok()) {
                    x.major = uint32_t(std::stoul(m[1].str()));
                    x.minor = uint32_t(std::stoul(m[2].str()));
                }
                d.integer("read_bps", x.read_bps, 0, max_bytes);
                d.integer("write_bps", x.write_bps, 0, max_bytes);
                d.integer("read_iops", x.read_iops, 0, 1 << 30);
                d.integer("write_iops", x.write_iops, 0, 1 << 30);
                if (!d.ok()) return d.error();
                io.push_back(x);
            }
            if (r.ok()) l.io = io;
        }
    }
    return finish(r, l);
}

Result<HelloParams> decode_hello(const json& in)
{
    const json& p = params_or_empty(in);
    HelloParams h;
    Reader r(p, "", {"client", "protocol"});
    r.str("client", h.client, false, 128);
    r.integer("protocol", h.protocol, 0, 1000);
    return finish(r, h);
}

Result<IdParams> decode_id(const json& in)
{
    IdParams v;
    Reader r(params_or_empty(in), "", {"id"});
    r.str("id", v.id, true, 128, 1);
    return finish(r, v);
}

Result<StartParams> decode_start(const json& in)
{
    StartParams v;
    Reader r(params_or_empty(in), "", {"id", "attach", "size"});
    r.str("id", v.id, true, 128, 1);
    r.boolean("attach", v.attach);
    if (const json* sz = r.get("size")) {
        Reader s(*sz, "size.", {"rows", "cols"});
        s.integer("rows", v.rows, 1, 65535, true);
        s.integer("cols", v.cols, 1, 65535, true);
        if (!s.ok()) return s.error();
        if (!v.attach) return bad("size", "only with attach");
    }
    return finish(r, v);
}

Result<StopParams> decode_stop(const json& in)
{
    StopParams v;
    Reader r(params_or_empty(in), "", {"id", "timeout"});
    r.str("id", v.id, true, 128, 1);
    r.integer("timeout", v.timeout, 0, 3600);
    return finish(r, v);
}

Result<KillParams> decode_kill(const json& in)
{
    KillParams v;
    Reader r(params_or_empty(in), "", {"id", "signal"});
    r.str("id", v.id, true, 128, 1);
    if (const json* s = r.get("signal")) {
        if (s->is_string()) {
            v.signal = signal_from_name(s->get<std::string>());
            if (!v.signal) r.fail("signal", "unknown signal");
        } else {
            r.integer("signal", v.signal, 1, 64);
        }
    }
    return finish(r, v);
}

Result<RemoveParams> decode_remove(const json& in)
{
    RemoveParams v;
    Reader r(params_or_empty(in), "", {"id", "force"});
    r.str("id", v.id, true, 128, 1);
    r.boolean("force", v.force);
    return finish(r, v);
}

Result<ListParams> decode_list(const json& in)
{
    ListParams v;
    Reader r(params_or_empty(in), "", {"all"});
    r.boolean("all", v.all);
    return finish(r, v);
}

Result<LogsParams> decode_logs(const json& in)
{
    LogsParams v;
    Reader r(params_or_empty(in), "", {"id", "tail", "follow", "timestamps", "next_run", "cursor"});
    r.str("id", v.id, true, 128, 1);
    r.str("cursor", v.cursor, false, 48);
    r.integer("tail", v.tail, -1, 1000000);
    r.boolean("follow", v.follow);
    r.boolean("timestamps", v.timestamps);
    r.boolean("next_run", v.next_run);
    return finish(r, v);
}

Result<ExecParams> decode_exec(const json& in)
{
    ExecParams v;
    Reader r(params_or_empty(in), "", {"id", "cmd", "env", "workdir", "user", "tty"});
    r.str("id", v.id, true, 128, 1);
    r.strings("cmd", v.cmd, 1024, 65536);
    r.strings("env", v.env, 1024, 65536);
    r.str("workdir", v.workdir, false, 4096);
    std::string user;
    r.str("user", user, false, 64);
    r.boolean("tty", v.tty);
    if (!r.ok()) return r.error();
    if (v.cmd.empty()) return bad("cmd", "required (at least the program)");
    if (v.cmd[0].empty()) return bad("cmd[0]", "empty program");
    ONGGI_CHECK(check_env(v.env, "env"), "params");
    if (!v.workdir.empty()) ONGGI_CHECK(check_abs_path(v.workdir, "workdir"), "params");
    if (!user.empty()) ONGGI_CHECK(parse_user(user, v.uid, v.gid, &v.user_names), "params");
    return v;
}

Result<ExecWaitParams> decode_exec_wait(const json& in)
{
    ExecWaitParams v;
    Reader r(params_or_empty(in), "", {"exec_id"});
    r.integer("exec_id", v.exec_id, 1, INT64_MAX, true);
    return finish(r, v);
}

Result<UpdateParams> decode_update(const json& in)
{
    UpdateParams v;
    Reader r(params_or_empty(in), "", {"id", "limits"});
    r.str("id", v.id, true, 128, 1);
    if (!r.ok()) return r.error();
    const json* l = r.get("limits");
    if (!l) return bad("limits", "required");
    auto lim = decode_limits(*l);
    if (!lim) return std::move(lim).error();
    if (lim->empty()) return bad("limits", "no limit given");
    v.limits = lim.value();
    return v;
}

Result<CreateParams> decode_create(const json& in)
{
    CreateParams c;
    Reader r(params_or_empty(in), "",
             {"name",       "image", "cmd",         "env",     "hostname", "workdir",    "user",       "tty",
              "open_stdin", "init",  "auto_remove", "restart", "limits",   "namespaces", "volumes",    "security",
              "log_opts",   "ports", "publish_all", "expose",  "ip",       "dns",        "extra_hosts"});
    r.str("name", c.name, false, 64);
    r.str("image", c.image, true, 256, 1);
    r.strings("cmd", c.cmd, 1024, 65536);
    r.strings("env", c.env, 1024, 65536);
    r.str("hostname", c.hostname, false, 63);
    r.str("workdir", c.workdir, false, 4096);
    std::string user, restart;
    r.str("user", user, false, 64);
    r.boolean("tty", c.tty);
    r.boolean("open_stdin", c.open_stdin);
    r.boolean("init", c.init);
    r.boolean("auto_remove", c.auto_remove);
    r.str("restart", restart, false, 32);
    if (!r.ok()) return r.error();

    if (!c.name.empty() && !valid_container_name(c.name))
        return bad("name", "expected [a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    static const std::regex host_re("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    if (!c.hostname.empty() && !std::regex_match(c.hostname, host_re)) return bad("hostname", "not a valid host name");
    if (!c.workdir.empty()) ONGGI_CHECK(check_abs_path(c.workdir, "workdir"), "params");
    ONGGI_CHECK(check_env(c.env, "env"), "params");
    if (!c.cmd.empty() && c.cmd[0].empty()) return bad("cmd[0]", "empty program");
    if (!user.empty()) ONGGI_CHECK(parse_user(user, c.uid, c.gid, &c.user_names), "params");
    auto rp = parse_restart_policy(restart);
    if (!rp) return std::move(rp).error();
    c.restart = rp.value();
    if (c.auto_remove && c.restart.mode != "no") return bad("restart", "cannot be combined with auto_remove");

    if (const json* l = r.get("limits")) {
        auto lim = decode_limits(*l);
        if (!lim) return std::move(lim).error();
        c.limits = lim.value();
    }
    if (const json* lo = r.get("log_opts")) {
        // docker's json-file options: {"max-size":"10m","max-file":"3"} (strings, as docker's).
        Reader lr(*lo, "log_opts.", {"max-size", "max-file"});
        std::string size, files;
        lr.str("max-size", size, false, 32);
        lr.str("max-file", files, false, 8);
        if (!lr.ok()) return lr.error();
        if (size == "-1") {
            c.log_unlimited = true;
        } else if (!size.empty()) {
            char* end = nullptr;
            errno = 0;
            unsigned long long n = std::strtoull(size.c_str(), &end, 10);
            unsigned long long mult = 1;
            if (end && *end) {
                switch (*end | 0x20) {
                case 'k': mult = 1ull << 10; break;
                case 'm': mult = 1ull << 20; break;
                case 'g': mult = 1ull << 30; break;
                default: mult = 0;
                }
                if (end[1] && !((end[1] | 0x20) == 'b' && !end[2])) mult = 0;
            }
            if (end == size.c_str() || errno || mult == 0 || n == 0 || n > (1ull << 40) / mult || n * mult < 1024)
                return bad("log_opts.max-size", "expected a size of at least 1k such as 10m (k, m, g), or -1");
            c.log_max_size = n * mult;
        }
        if (!files.empty()) {
            char* end = nullptr;
            long n = std::strtol(files.c_str(), &end, 10);
            if (end == files.c_str() || *end || n < 1 || n > 100) return bad("log_opts.max-file", "expected 1..100");
            c.log_max_files = int(n);
        }
    }
    if (const json* n = r.get("namespaces")) {
        Reader nr(*n, "namespaces.", {"network", "pid", "ipc", "uts", "cgroup", "time", "user"});
        nr.str("network", c.namespaces.network, false, 32);
        nr.boolean("pid", c.namespaces.pid);
        nr.boolean("ipc", c.namespaces.ipc);
        nr.boolean("uts", c.namespaces.uts);
        nr.boolean("cgroup", c.namespaces.cgroup);
        nr.boolean("time", c.namespaces.time);
        nr.boolean("user", c.namespaces.user);
        if (!nr.ok()) return nr.error();
        const auto& net = c.namespaces.network;
        if (!net.empty() && net != "private" && net != "host" && net != "none" && !valid_network_name(net))
            return bad("namespaces.network", "expected private, host, none, bridge or a network's name");
    }
    auto net_opts = decode_net_options(params_or_empty(in));
    if (!net_opts) return std::move(net_opts).error();
    c.net = net_opts.value();
    if (const json* v = r.get("volumes")) {
        if (!v->is_array() || v->size() > 64) return bad("volumes", "expected an array of at most 64 volumes");
        for (size_t i = 0; i < v->size(); ++i) {
            std::string f = "volumes[" + std::to_string(i) + "]";
            Reader vr((*v)[i], f + ".", {"source", "target", "readonly"});
            Volume vol;
            vr.str("source", vol.source, true, 4096, 1);
            vr.str("target", vol.target, true, 4096, 1);
            vr.boolean("readonly", vol.readonly);
            if (!vr.ok()) return vr.error();
            ONGGI_CHECK(check_abs_path(vol.source, f + ".source"), "params");
            ONGGI_CHECK(check_abs_path(vol.target, f + ".target"), "params");
            if (vol.target == "/") return bad(f + ".target", "cannot be /");
            c.volumes.push_back(vol);
        }
    }
    if (const json* s = r.get("security")) {
        Reader sr(*s, "security.", {"cap_add", "cap_drop", "seccomp", "read_only", "privileged", "userns"});
        auto& o = c.security;
        sr.strings("cap_add", o.cap_add, 64, 32);
        sr.strings("cap_drop", o.cap_drop, 64, 32);
        sr.str("seccomp", o.seccomp, false, 512 * 1024, 1);
        sr.boolean("read_only", o.read_only);
        sr.boolean("privileged", o.privileged);
        sr.boolean("userns", o.userns);
        if (!sr.ok()) return sr.error();
        static const std::regex cap_re("(CAP_)?[A-Za-z_]{2,32}");
        for (const auto* list : {&o.cap_add, &o.cap_drop})
            for (const auto& cap : *list)
                if (!std::regex_match(cap, cap_re))
                    return bad("security.cap_add/cap_drop", "invalid capability name '" + cap + "'");
        // "default", "unconfined", an absolute path (root only, checked by the manager), or the
        // profile JSON itself (what a client sends for a file of its own).
        if (o.seccomp != "default" && o.seccomp != "unconfined" && o.seccomp[0] != '{') {
            if (o.seccomp.size() > 4096) return bad("security.seccomp", "path too long");
            ONGGI_CHECK(check_abs_path(o.seccomp, "security.seccomp"), "params");
        }
    }
    return c;
}

Result<ImageRemoveParams> decode_image_remove(const json& in)
{
    ImageRemoveParams v;
    Reader r(params_or_empty(in), "", {"image", "force"});
    r.str("image", v.image, true, 256, 1);
    r.boolean("force", v.force);
    return finish(r, v);
}

Result<ImagePullParams> decode_image_pull(const json& in)
{
    ImagePullParams v;
    Reader r(params_or_empty(in), "", {"image", "auth"});
    r.str("image", v.image, true, 512, 1);
    if (const json* a = r.get("auth")) {
        Reader ar(*a, "auth.", {"username", "password"});
        ar.str("username", v.username, true, 256, 1);
        ar.str("password", v.password, false, 4096);
        if (!ar.ok()) return ar.error();
        if (v.username.find(':') != std::string::npos) return bad("auth.username", "must not contain ':'");
    }
    return finish(r, v);
}

Result<ImageRefParams> decode_image_ref(const json& in)
{
    ImageRefParams v;
    Reader r(params_or_empty(in), "", {"image"});
    r.str("image", v.image, true, 512, 1);
    return finish(r, v);
}

Result<ImageTagParams> decode_image_tag(const json& in)
{
    ImageTagParams v;
    Reader r(params_or_empty(in), "", {"image", "target"});
    r.str("image", v.image, true, 512, 1);
    r.str("target", v.target, true, 512, 1);
    return finish(r, v);
}

Result<ImageSaveParams> decode_image_save(const json& in)
{
    ImageSaveParams v;
    Reader r(params_or_empty(in), "", {"images", "path", "progress"});
    r.strings("images", v.images, 64, 512);
    r.str("path", v.path, true, 4096, 1);
    r.boolean("progress", v.progress);
    if (r.ok() && v.images.empty()) r.fail("images", "at least one image");
    return finish(r, v);
}

Result<ImageLoadParams> decode_image_load(const json& in)
{
    ImageLoadParams v;
    Reader r(params_or_empty(in), "", {"path", "progress"});
    r.str("path", v.path, true, 4096, 1);
    r.boolean("progress", v.progress);
    return finish(r, v);
}

Result<ImageCommitParams> decode_image_commit(const json& in)
{
    ImageCommitParams v;
    Reader r(params_or_empty(in), "", {"container", "image", "comment"});
    r.str("container", v.container, true, 256, 1);
    r.str("image", v.image, false, 512);
    r.str("comment", v.comment, false, 4096);
    return finish(r, v);
}

Result<ImagePruneParams> decode_image_prune(const json& in)
{
    ImagePruneParams v;
    Reader r(params_or_empty(in), "", {"all"});
    r.boolean("all", v.all);
    return finish(r, v);
}

Result<ImagePullCancelParams> decode_image_pull_cancel(const json& in)
{
    ImagePullCancelParams v;
    Reader r(params_or_empty(in), "", {"pull"});
    r.integer("pull", v.pull, 1, INT64_MAX, true);
    return finish(r, v);
}

Result<SubscribeParams> decode_subscribe(const json& in)
{
    SubscribeParams v;
    Reader r(params_or_empty(in), "", {"filters"});
    if (const json* f = r.get("filters")) {
        Reader fr(*f, "filters.", {"id", "type"});
        fr.str("id", v.filter_id, false, 128);
        fr.str("type", v.type, false, 16);
        if (fr.ok() && !v.type.empty() && v.type != "container" && v.type != "image")
            fr.fail(fr.name("type"), "expected container or image");
        if (fr.ok() && v.type == "image" && !v.filter_id.empty())
            fr.fail(fr.name("id"), "names a container: not with type image");
        if (!fr.ok()) return fr.error();
    }
    return finish(r, v);
}

Result<UnsubscribeParams> decode_unsubscribe(const json& in)
{
    UnsubscribeParams v;
    Reader r(params_or_empty(in), "", {"subscription"});
    r.integer("subscription", v.subscription, 1, INT64_MAX, true);
    return finish(r, v);
}

Result<StatsSubscribeParams> decode_stats_subscribe(const json& in)
{
    StatsSubscribeParams v;
    Reader r(params_or_empty(in), "", {"interval_ms", "ids"});
    r.integer("interval_ms", v.interval_ms, 100, 10000);
    r.strings("ids", v.ids, 256, 128);
    for (size_t i = 0; r.ok() && i < v.ids.size(); ++i)
        if (v.ids[i].empty()) r.fail("ids[" + std::to_string(i) + "]", "a container id or name is required");
    return finish(r, v);
}

Result<StatsHistoryParams> decode_stats_history(const json& in)
{
    StatsHistoryParams v;
    Reader r(params_or_empty(in), "", {"id", "seconds"});
    r.str("id", v.id, true, 128, 1);
    r.integer("seconds", v.seconds, 1, 86400);
    return finish(r, v);
}

}  // namespace onggi::helper

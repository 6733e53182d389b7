// onggi-runtime: an OCI runtime CLI over the engine, with runc's and crun's conventions:
//   onggi-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND [OPTIONS] ID [ARGS]
// Commands: create start state kill delete run exec pause resume update ps list spec.
#include "engine/cgroup/cgroup.h"
#include "engine/cmd/container_state.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "engine/runtime/exec_process.h"
#include "engine/runtime/launcher.h"
#include "engine/security/security.h"
#include "engine/spec/spec.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace onggi;
using nlohmann::json;

namespace {

struct Globals {
    std::string root = "/run/onggi-runtime";
    std::string log;
    std::string log_format = "text";
};
Globals g;

// Parsed command line of one command: options (name -> values) and positionals.
struct Args {
    std::map<std::string, std::vector<std::string>> opts;
    std::vector<std::string> pos;
    bool has(const std::string& k) const { return opts.count(k) != 0; }
    std::string get(const std::string& k, const std::string& def = "") const
    {
        auto it = opts.find(k);
        return it == opts.end() || it->second.empty() ? def : it->second.back();
    }
};

std::string now_rfc3339()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    ::gmtime_r(&ts.tv_sec, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[96];
    std::snprintf(out, sizeof out, "%s.%09ldZ", buf, ts.tv_nsec);
    return out;
}

void log_line(const std::string& level, const std::string& msg)
{
    if (g.log.empty()) return;
    FILE* f = std::fopen(g.log.c_str(), "ae");
    if (!f) return;
    std::string line = g.log_format == "json" ? json{{"level", level}, {"msg", msg}, {"time", now_rfc3339()}}.dump()
                                              : now_rfc3339() + " " + level + ": " + msg;
    std::fprintf(f, "%s\n", line.c_str());
    std::fclose(f);
}

int fail(const Error& e)
{
    std::string msg = e.message();
    std::fprintf(stderr, "onggi-runtime: %s\n", msg.c_str());
    log_line("error", msg);
    return 1;
}

int usage_error(const std::string& msg)
{
    return fail(Error(Errc::invalid_argument, msg));
}

// Options that take a value, per command (the rest are flags).
const std::set<std::string> kValued = {"-b", "--bundle", "--pid-file", "--console-socket", "--preserve-fds",
                                       "--cwd", "-e", "--env", "-u", "--user", "-p", "--process",
                                       "--memory", "--memory-swap", "--memory-reservation", "--cpu-quota",
                                       "--cpu-period", "--cpu-share", "--cpuset-cpus", "--cpuset-mems",
                                       "--pids-limit", "-r", "--resources", "--format", "--signal",
                                       "--blkio-weight", "--process-label", "--apparmor", "--cap", "-c"};

Result<Args> parse_args(const std::vector<std::string>& in, bool stop_after_first_positional, const std::set<std::string>& valued_override = {})
{
    Args a;
    for (size_t i = 0; i < in.size(); ++i) {
        const std::string& s = in[i];
        if (!a.pos.empty() && stop_after_first_positional) {
            if (s == "--" && a.pos.size() == 1) continue;
            a.pos.push_back(s);
            continue;
        }
        if (s == "--") {
            for (size_t k = i + 1; k < in.size(); ++k) a.pos.push_back(in[k]);
            break;
        }
        if (s.size() > 1 && s[0] == '-') {
            std::string name = s, value;
            bool has_value = false;
            if (auto eq = s.find('='); eq != std::string::npos && s.rfind("--", 0) == 0) {
                name = s.substr(0, eq);
                value = s.substr(eq + 1);
                has_value = true;
            }
            bool valued = kValued.count(name) || valued_override.count(name);
            if (valued && !has_value) {
                if (i + 1 >= in.size()) return Error(Errc::invalid_argument, "option " + name + " needs a value");
                value = in[++i];
                has_value = true;
            }
            a.opts[name].push_back(value);
            continue;
        }
        a.pos.push_back(s);
    }
    return a;
}

std::string bundle_of(const Args& a)
{
    std::string b = a.get("--bundle", a.get("-b", "."));
    char real[PATH_MAX];
    if (::realpath(b.c_str(), real)) return real;
    return b;
}

Status write_pid_file(const Args& a, pid_t pid)
{
    std::string f = a.get("--pid-file");
    if (f.empty()) return {};
    return write_file_atomic(f, std::to_string(pid), 0644);
}

std::string live_status(const cmd::ContainerState& s)
{
    if (!runtime::process_alive(s.pid, s.start_time)) return "stopped";
    if (s.status == "created") return "created";
    if (!s.cgroup_path.empty()) {
        if (auto host = cgroup::probe_host()) {
            if (auto cg = cgroup::open(host.value(), s.cgroup_path)) {
                auto fr = cg.value()->frozen();
                if (fr && fr.value()) return "paused";
            }
        }
    }
    return "running";
}

Result<std::unique_ptr<cgroup::Cgroup>> open_cgroup(const cmd::ContainerState& s)
{
    if (s.cgroup_path.empty()) return Error(Errc::unsupported, "container '" + s.id + "' has no cgroup");
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error();
    return cgroup::open(host.value(), s.cgroup_path);
}

// Wait until the process is gone (it is not our child: pidfd + poll).
bool wait_gone(pid_t pid, uint64_t start_time, int timeout_ms)
{
    int fd = int(::syscall(SYS_pidfd_open, pid, 0));
    if (fd < 0) return !runtime::process_alive(pid, start_time);
    struct pollfd p{fd, POLLIN, 0};
    int rc;
    do rc = ::poll(&p, 1, timeout_ms);
    while (rc < 0 && errno == EINTR);
    ::close(fd);
    if (rc > 0) return true;
    return !runtime::process_alive(pid, start_time);
}

Status remove_cgroup(const std::string& path)
{
    if (path.empty()) return {};
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error();
    auto cg = cgroup::open(host.value(), path);
    if (!cg) return cg.error().code == Errc::not_found ? Status{} : Status(std::move(cg).error());
    Status last;
    for (int i = 0; i < 200; ++i) {  // v1 may need a moment after the last task exits
        last = cg.value()->remove();
        if (last || last.error().code != Errc::busy) return last;
        (void)cg.value()->kill_all(SIGKILL);
        ::usleep(5000);
    }
    return last;
}

// process.terminal: the container gets a pty slave as its console. The master goes to the
// --console-socket (SCM_RIGHTS, as runc and crun do), or a foreground `run` relays it.
Status send_console(const std::string& socket_path, int master)
{
    UniqueFd s(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!s) return Error::from_errno("console socket");
    struct sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (socket_path.size() >= sizeof addr.sun_path) return Error(Errc::invalid_argument, "--console-socket: path too long");
    std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size());
    if (::connect(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
        return Error::from_errno("connect to console socket " + socket_path);
    char name[] = "/dev/ptmx";
    struct iovec iov{name, sizeof name - 1};
    alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))] = {};
    struct msghdr msg {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctrl;
    msg.msg_controllen = sizeof ctrl;
    struct cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &master, sizeof(int));
    if (::sendmsg(s.get(), &msg, MSG_NOSIGNAL) < 0) return Error::from_errno("send console to " + socket_path);
    return {};
}

// Foreground run with a terminal and no console socket: relay our stdio <-> the pty master
// until the container's side closes.
void relay_console(int master)
{
    struct termios saved {};
    bool raw = ::isatty(0) && ::tcgetattr(0, &saved) == 0;
    if (raw) {
        struct termios t = saved;
        ::cfmakeraw(&t);
        ::tcsetattr(0, TCSANOW, &t);
        struct winsize ws {};
        if (::ioctl(0, TIOCGWINSZ, &ws) == 0) ::ioctl(master, TIOCSWINSZ, &ws);
    }
    bool in_open = true;
    char buf[8192];
    for (;;) {
        struct pollfd p[2] = {{master, POLLIN, 0}, {in_open ? 0 : -1, POLLIN, 0}};
        if (::poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = ::read(master, buf, sizeof buf);
            if (n <= 0 && !(n < 0 && errno == EINTR)) break;  // EIO: every slave fd is closed
            if (n > 0 && ::write(1, buf, size_t(n)) < 0) {}
        }
        if (in_open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = ::read(0, buf, sizeof buf);
            if (n <= 0) in_open = false;
            else if (::write(master, buf, size_t(n)) < 0) {}
        }
    }
    if (raw) ::tcsetattr(0, TCSANOW, &saved);
}

Result<runtime::Launched> do_create(const cmd::StateStore& store, const std::string& id, const Args& a, bool wait_for_start,
                                    cmd::ContainerState& st, UniqueFd* console_master = nullptr)
{
    std::string bundle = bundle_of(a);
    auto spec = spec::load_spec(bundle);
    if (!spec) return std::move(spec).error();
    const std::string console_socket = a.get("--console-socket");
    const bool detached = wait_for_start || a.has("-d") || a.has("--detach");
    if (spec->process.terminal && console_socket.empty() && (detached || !console_master))
        return Error(Errc::invalid_argument, "process.terminal: a detached container with a terminal needs --console-socket");
    if (!spec->process.terminal && !console_socket.empty())
        return Error(Errc::invalid_argument, "--console-socket: process.terminal is false");
    UniqueFd master, slave;
    if (spec->process.terminal) {
        int m, sl;
        if (::openpty(&m, &sl, nullptr, nullptr, nullptr) < 0) return Error::from_errno("openpty");
        master.reset(m);
        slave.reset(sl);
        ::fcntl(m, F_SETFD, FD_CLOEXEC);
        ::fcntl(sl, F_SETFD, FD_CLOEXEC);
    }
    runtime::LaunchOptions opt;
    opt.id = id;
    opt.bundle = bundle;
    opt.seccomp_cache = store.root() + "/.seccomp";  // ids cannot start with '.'
    opt.cgroup_path = spec->linux.cgroups_path.empty() ? "/onggi-runtime/" + id : spec->linux.cgroups_path;
    opt.init = a.has("--init");
    opt.wait_for_start = wait_for_start;
    opt.console_fd = slave.get();
    runtime::Stage stage;
    auto launched = runtime::launch(spec.value(), opt, &stage);
    if (!launched) return std::move(launched).error();
    slave.reset();
    if (master && !console_socket.empty()) {
        if (auto r = send_console(console_socket, master.get()); !r) {
            ::kill(launched->pid, SIGKILL);
            runtime::wait_exit_code(launched->pid);
            if (launched->cgroup) (void)launched->cgroup->remove();
            return std::move(r).error();
        }
    } else if (master && console_master) {
        *console_master = std::move(master);
    }
    st.id = id;
    st.bundle = bundle;
    st.rootfs = spec->root.path[0] == '/' ? spec->root.path : bundle + "/" + spec->root.path;
    st.pid = launched->pid;
    st.start_time = launched->start_time;
    st.start_fd = launched->start_fd;
    st.cgroup_path = launched->cgroup_path;
    st.created = now_rfc3339();
    st.annotations = spec->annotations;
    st.status = wait_for_start ? "created" : "running";
    (void)store;
    return launched;
}

int cmd_create(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime create [-b BUNDLE] [--pid-file FILE] ID");
    const std::string& id = a.pos[0];
    if (auto r = store.reserve(id); !r) return fail(r.error());
    cmd::ContainerState st;
    auto l = do_create(store, id, a, true, st);
    if (!l) {
        (void)store.remove(id);
        return fail(l.error());
    }
    if (auto r = store.save(st); !r) return fail(r.error());
    if (auto r = write_pid_file(a, st.pid); !r) return fail(r.error());
    return 0;
}

int cmd_start(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime start ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (st->status != "created") return fail(Error(Errc::bad_state, "container '" + st->id + "' is not in the created state"));
    if (auto r = runtime::start_parked(st->pid, st->start_time, st->start_fd); !r) return fail(r.error());
    st->status = "running";
    if (auto r = store.save(st.value()); !r) return fail(r.error());
    return 0;
}

volatile pid_t g_forward_pid = 0;
void forward(int sig)
{
    if (g_forward_pid > 0) ::kill(g_forward_pid, sig);
}

int cmd_run(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime run [-b BUNDLE] [-d] [--pid-file FILE] ID");
    const std::string& id = a.pos[0];
    const bool detach = a.has("-d") || a.has("--detach");
    if (auto r = store.reserve(id); !r) return fail(r.error());
    // Forward termination signals to the container while we wait for it (as runc does).
    sigset_t block, old;
    sigemptyset(&block);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) sigaddset(&block, s);
    ::sigprocmask(SIG_BLOCK, &block, &old);
    cmd::ContainerState st;
    UniqueFd console;
    auto l = do_create(store, id, a, false, st, detach ? nullptr : &console);
    if (!l) {
        (void)store.remove(id);
        return fail(l.error());
    }
    if (auto r = write_pid_file(a, st.pid); !r) fail(r.error());
    if (detach) {
        if (auto r = store.save(st); !r) return fail(r.error());
        return 0;
    }
    // Foreground: nobody else can see it before we save; we are its parent and reap it.
    (void)store.save(st);
    g_forward_pid = st.pid;
    struct sigaction sa{};
    sa.sa_handler = forward;
    sa.sa_flags = SA_RESTART;
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) ::sigaction(s, &sa, nullptr);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    if (console) relay_console(console.get());
    int code = runtime::wait_exit_code(st.pid);
    if (l->cgroup) {
        // Kill what is left (no pid namespace, or daemons that escaped init). An empty cgroup
        // is the common case: skip kill_all, whose v1 freezer dance costs milliseconds.
        auto left = l->cgroup->pids();
        if (!left || !left->empty()) (void)l->cgroup->kill_all(SIGKILL);
        for (int i = 0; i < 200; ++i) {
            auto r = l->cgroup->remove();
            if (r || r.error().code != Errc::busy) break;
            ::usleep(5000);
        }
    }
    (void)store.remove(id);
    return code;
}

int cmd_state(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime state ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    std::printf("%s\n", st->oci_json(live_status(st.value())).c_str());
    return 0;
}

Result<int> parse_signal(const std::string& s)
{
    if (s.empty()) return SIGTERM;
    if (std::isdigit((unsigned char)s[0])) {
        int n = std::atoi(s.c_str());
        if (n <= 0 || n >= NSIG) return Error(Errc::invalid_argument, "invalid signal '" + s + "'");
        return n;
    }
    std::string name = s.rfind("SIG", 0) == 0 ? s.substr(3) : s;
    for (int i = 1; i < NSIG; ++i) {
        const char* abbrev = ::sigabbrev_np(i);
        if (abbrev && name == abbrev) return i;
    }
    return Error(Errc::invalid_argument, "unknown signal '" + s + "'");
}

int cmd_kill(cmd::StateStore& store, const Args& a)
{
    if (a.pos.empty() || a.pos.size() > 2) return usage_error("usage: onggi-runtime kill [--all] ID [SIGNAL]");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    auto sig = parse_signal(a.pos.size() > 1 ? a.pos[1] : a.get("--signal"));
    if (!sig) return fail(sig.error());
    if (!runtime::process_alive(st->pid, st->start_time))
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not running"));
    if (a.has("--all") || a.has("-a")) {
        auto cg = open_cgroup(st.value());
        if (!cg) return fail(cg.error());
        if (auto r = cg.value()->kill_all(sig.value()); !r) return fail(r.error());
        return 0;
    }
    if (::kill(st->pid, sig.value()) < 0) return fail(Error::from_errno("kill " + std::to_string(st->pid)));
    return 0;
}

int cmd_delete(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime delete [-f] ID");
    auto st = store.load(a.pos[0]);
    if (!st) {
        if (st.error().code == Errc::not_found && (a.has("-f") || a.has("--force"))) return 0;
        return fail(st.error());
    }
    std::string status = live_status(st.value());
    const bool force = a.has("-f") || a.has("--force");
    if ((status == "running" || status == "paused") && !force)
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is " + status + "; stop it first or use --force"));
    if (status != "stopped") {
        if (!st->cgroup_path.empty()) {
            if (auto cg = open_cgroup(st.value())) {
                (void)cg.value()->kill_all(SIGKILL);
                (void)cg.value()->thaw();
            }
        }
        ::kill(st->pid, SIGKILL);
        if (!wait_gone(st->pid, st->start_time, 10000))
            return fail(Error(Errc::timeout, "container '" + st->id + "' did not die"));
    }
    if (auto r = remove_cgroup(st->cgroup_path); !r) return fail(std::move(r).error().wrap("remove cgroup"));
    if (auto r = store.remove(st->id); !r) return fail(r.error());
    return 0;
}

int cmd_pause_resume(cmd::StateStore& store, const Args& a, bool pause)
{
    if (a.pos.size() != 1) return usage_error(pause ? "usage: onggi-runtime pause ID" : "usage: onggi-runtime resume ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (!runtime::process_alive(st->pid, st->start_time))
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not running"));
    auto cg = open_cgroup(st.value());
    if (!cg) return fail(cg.error());
    auto r = pause ? cg.value()->freeze() : cg.value()->thaw();
    if (!r) return fail(r.error());
    return 0;
}

Result<int64_t> parse_size(const std::string& opt, const std::string& s)
{
    if (s == "-1") return int64_t(-1);
    char* end = nullptr;
    errno = 0;
    long double v = std::strtold(s.c_str(), &end);
    if (errno || end == s.c_str() || v < 0) return Error(Errc::invalid_argument, opt + ": not a size: '" + s + "'");
    std::string suf = end;
    for (auto& ch : suf) ch = char(std::tolower((unsigned char)ch));
    if (!suf.empty() && suf.back() == 'b') suf.pop_back();
    int64_t mult = 1;
    if (suf == "k") mult = 1LL << 10;
    else if (suf == "m") mult = 1LL << 20;
    else if (suf == "g") mult = 1LL << 30;
    else if (!suf.empty()) return Error(Errc::invalid_argument, opt + ": unknown unit in '" + s + "'");
    return int64_t(v * mult);
}

int cmd_update(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime update [--memory N] [--cpu-quota N] ... ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    spec::Resources res;
    std::string file = a.get("--resources", a.get("-r"));
    if (!file.empty()) {
        auto text = file == "-" ? Result<std::string>(std::string()) : read_file(file, 1 << 20);
        if (file == "-") {
            std::string s;
            char buf[4096];
            size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) s.append(buf, n);
            text = s;
        }
        if (!text) return fail(text.error());
        // Reuse the spec parser: wrap the resources object in a minimal config.
        std::string wrapped = R"({"ociVersion":"1.0.2","process":{"args":["x"],"cwd":"/"},"root":{"path":"r"},"linux":{"resources":)" +
                              text.value() + "}}";
        auto parsed = spec::parse_spec(wrapped);
        if (!parsed) return fail(std::move(parsed).error().wrap(file));
        if (parsed->linux.resources) res = *parsed->linux.resources;
    }
    auto num = [&](const char* opt, auto& field) -> Status {
        if (!a.has(opt)) return {};
        auto v = parse_size(opt, a.get(opt));
        if (!v) return std::move(v).error();
        field = std::remove_reference_t<decltype(*field)>(v.value());
        return {};
    };
    for (auto r : {num("--memory", res.memory_limit), num("--memory-swap", res.memory_swap),
                   num("--memory-reservation", res.memory_reservation), num("--cpu-quota", res.cpu_quota),
                   num("--cpu-period", res.cpu_period), num("--cpu-share", res.cpu_shares),
                   num("--pids-limit", res.pids_limit), num("--blkio-weight", res.blkio_weight)})
        if (!r) return fail(r.error());
    if (a.has("--cpuset-cpus")) res.cpu_cpus = a.get("--cpuset-cpus");
    if (a.has("--cpuset-mems")) res.cpu_mems = a.get("--cpuset-mems");
    auto cg = open_cgroup(st.value());
    if (!cg) return fail(cg.error());
    if (auto r = cg.value()->apply(res); !r) return fail(r.error());
    return 0;
}

int cmd_ps(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime ps [--format table|json] ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    auto cg = open_cgroup(st.value());
    if (!cg) return fail(cg.error());
    auto pids = cg.value()->pids();
    if (!pids) return fail(pids.error());
    std::string format = a.get("--format", a.get("-f", "table"));
    if (format == "json") {
        std::printf("%s\n", json(pids.value()).dump().c_str());
        return 0;
    }
    std::printf("PID\tCMD\n");
    for (pid_t p : pids.value()) {
        auto comm = read_file("/proc/" + std::to_string(p) + "/comm", 256);
        std::string c = comm ? comm.value() : "?\n";
        std::printf("%d\t%s", p, c.c_str());
    }
    return 0;
}

int cmd_list(cmd::StateStore& store, const Args& a)
{
    auto ids = store.list();
    if (!ids) return fail(ids.error());
    bool as_json = a.get("--format", a.get("-f", "table")) == "json";
    json arr = json::array();
    if (!as_json) std::printf("ID\tPID\tSTATUS\tBUNDLE\tCREATED\n");
    for (const auto& id : ids.value()) {
        auto st = store.load(id);
        if (!st) continue;
        std::string s = live_status(st.value());
        if (as_json)
            arr.push_back(json::parse(st->oci_json(s)));
        else
            std::printf("%s\t%d\t%s\t%s\t%s\n", id.c_str(), s == "stopped" ? 0 : st->pid, s.c_str(), st->bundle.c_str(),
                        st->created.c_str());
    }
    if (as_json) std::printf("%s\n", arr.dump().c_str());
    return 0;
}

int cmd_spec(const Args& a)
{
    std::string bundle = a.get("--bundle", a.get("-b", "."));
    std::string path = bundle + "/config.json";
    if (::access(path.c_str(), F_OK) == 0) return fail(Error(Errc::already_exists, "File " + path + " exists. Remove it first"));
    spec::Spec s = spec::default_spec();
    if (a.has("--rootless")) return fail(Error(Errc::unsupported, "--rootless specs are not supported"));
    if (auto r = write_file_atomic(path, to_json(s) + "\n", 0644); !r) return fail(r.error());
    return 0;
}

int cmd_exec(cmd::StateStore& store, const Args& a)
{
    if (a.pos.empty()) return usage_error("usage: onggi-runtime exec [-d] [--cwd DIR] [-e K=V] [-u UID[:GID]] [-p process.json] ID [COMMAND...]");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (live_status(st.value()) != "running")
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not running"));
    auto spec = spec::load_spec(st->bundle);
    if (!spec) return fail(spec.error());
    spec::Spec s = spec.value();
    s.process.terminal = false;
    std::string pfile = a.get("--process", a.get("-p"));
    if (!pfile.empty()) {
        auto text = read_file(pfile, 1 << 20);
        if (!text) return fail(text.error());
        std::string wrapped = R"({"ociVersion":"1.0.2","root":{"path":"r"},"process":)" + text.value() + "}";
        auto parsed = spec::parse_spec(wrapped);
        if (!parsed) return fail(std::move(parsed).error().wrap(pfile));
        s.process = parsed->process;
    } else {
        std::vector<std::string> cmdline(a.pos.begin() + 1, a.pos.end());
        if (cmdline.empty()) return usage_error("exec: no command given");
        s.process.args = cmdline;
    }
    for (const char* k : {"--env", "-e"})
        if (a.opts.count(k))
            for (const auto& e : a.opts.at(k)) {
                auto eq = e.find('=');
                if (eq == std::string::npos || eq == 0) return usage_error("--env: expected KEY=VALUE, got '" + e + "'");
                std::string key = e.substr(0, eq + 1);
                std::erase_if(s.process.env, [&](const std::string& x) { return x.rfind(key, 0) == 0; });
                s.process.env.push_back(e);
            }
    if (a.has("--cwd")) s.process.cwd = a.get("--cwd");
    std::string user = a.get("--user", a.get("-u"));
    if (!user.empty()) {
        auto colon = user.find(':');
        char* end = nullptr;
        s.process.user.uid = uint32_t(std::strtoul(user.substr(0, colon).c_str(), &end, 10));
        s.process.user.gid = colon == std::string::npos ? 0 : uint32_t(std::strtoul(user.substr(colon + 1).c_str(), nullptr, 10));
        s.process.user.additional_gids.clear();
    }
    runtime::ExecOptions opt;
    opt.seccomp_cache = store.root() + "/.seccomp";
    opt.target_pid = st->pid;
    opt.target_start_time = st->start_time;
    opt.cgroup_path = st->cgroup_path;
    runtime::Stage stage;
    auto pid = runtime::exec_in_container(s, opt, &stage);
    if (!pid) return fail(pid.error());
    if (auto r = write_pid_file(a, pid.value()); !r) fail(r.error());
    if (a.has("-d") || a.has("--detach")) return 0;
    g_forward_pid = pid.value();
    struct sigaction sa{};
    sa.sa_handler = forward;
    sa.sa_flags = SA_RESTART;
    for (int sg : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) ::sigaction(sg, &sa, nullptr);
    return runtime::wait_exit_code(pid.value());
}

void print_help()
{
    std::printf(
        "onggi-runtime: an OCI runtime (runc/crun compatible command line)\n\n"
        "usage: onggi-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND [OPTIONS] ID\n\n"
        "commands:\n"
        "  create [-b BUNDLE] [--pid-file F] [--console-socket S] [--init] ID  create, parked before its program\n"
        "  start ID                                       run the program of a created container\n"
        "  run [-b BUNDLE] [-d] [--pid-file F] [--init] ID create and start; waits unless -d\n"
        "  state ID                                       print the OCI state\n"
        "  kill [--all] ID [SIGNAL]                       send a signal (default TERM)\n"
        "  delete [-f] ID                                 remove a stopped container (-f: kill it first)\n"
        "  exec [-d] [--cwd D] [-e K=V] [-u U[:G]] [-p process.json] ID CMD...\n"
        "  pause ID / resume ID                           freeze / thaw every process\n"
        "  update [--memory N] [--memory-swap N] [--cpu-quota N] [--cpu-period N] [--cpu-share N]\n"
        "         [--pids-limit N] [--cpuset-cpus L] [-r resources.json] ID\n"
        "  ps [--format table|json] ID                    processes in the container's cgroup\n"
        "  list [--format table|json]                     containers under --root\n"
        "  spec [-b BUNDLE]                               write a default config.json\n");
}

} // namespace

int main(int argc, char** argv)
{
    // CVE-2019-5736: the commands whose process enters a container (create, run, exec) run from
    // a sealed memfd copy so that a container process cannot reach and rewrite this binary
    // through /proc/PID/exe (re-execs once). The others skip the copy and stay fast. A container
    // named "run" only costs an extra copy.
    bool enters_container = false;
    for (int k = 1; k < argc; ++k)
        for (const char* c : {"create", "run", "exec"})
            if (std::strcmp(argv[k], c) == 0) enters_container = true;
    if (auto sealed = enters_container ? onggi::security::ensure_cloned_binary(argc, argv, environ) : onggi::Status{};
        !sealed) {
        std::fprintf(stderr, "%s\n", sealed.error().message().c_str());
        return 125;
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&](const std::string& name, std::string& out) -> bool {
            if (s == name && i + 1 < args.size()) {
                out = args[++i];
                return true;
            }
            if (s.rfind(name + "=", 0) == 0) {
                out = s.substr(name.size() + 1);
                return true;
            }
            return false;
        };
        std::string ignored;
        if (value("--root", g.root) || value("--log", g.log) || value("--log-format", g.log_format)) continue;
        if (value("--criu", ignored) || value("--rootless", ignored)) continue;
        if (s == "--debug") continue;
        if (s == "--systemd-cgroup") return fail(Error(Errc::unsupported, "--systemd-cgroup is not supported"));
        if (s == "-v" || s == "--version") {
            std::printf("onggi-runtime version 0.1.0\nspec: 1.0.2\n");
            return 0;
        }
        if (s == "-h" || s == "--help") {
            print_help();
            return 0;
        }
        if (!s.empty() && s[0] == '-') return usage_error("unknown global option " + s);
        break;
    }
    if (i >= args.size()) {
        print_help();
        return 1;
    }
    const std::string command = args[i];
    std::vector<std::string> rest(args.begin() + long(i) + 1, args.end());
    // "-f" is --format for ps/list and --force for delete, as in runc.
    std::set<std::string> extra;
    if (command == "ps" || command == "list") extra.insert("-f");
    auto a = parse_args(rest, command == "exec", extra);
    if (!a) return fail(a.error());
    cmd::StateStore store(g.root);
    if (command == "create") return cmd_create(store, a.value());
    if (command == "start") return cmd_start(store, a.value());
    if (command == "run") return cmd_run(store, a.value());
    if (command == "state") return cmd_state(store, a.value());
    if (command == "kill") return cmd_kill(store, a.value());
    if (command == "delete") return cmd_delete(store, a.value());
    if (command == "pause") return cmd_pause_resume(store, a.value(), true);
    if (command == "resume") return cmd_pause_resume(store, a.value(), false);
    if (command == "update") return cmd_update(store, a.value());
    if (command == "ps") return cmd_ps(store, a.value());
    if (command == "list") return cmd_list(store, a.value());
    if (command == "spec") return cmd_spec(a.value());
    if (command == "exec") return cmd_exec(store, a.value());
    return usage_error("unknown command '" + command + "' (see onggi-runtime --help)");
}

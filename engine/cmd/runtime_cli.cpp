// onggi-runtime: what the commands share. See runtime_cli.h.
#include "engine/cmd/runtime_cli.h"

#include "engine/core/files.h"
#include "engine/runtime/exec_process.h"
#include "engine/runtime/hook_runner.h"

#include <nlohmann/json.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace onggi::runtime_cli {

using nlohmann::json;

Globals g;

namespace {
// Options that take a value, per command (the rest are flags).
const std::set<std::string> kValued = {"-b",
                                       "--bundle",
                                       "--pid-file",
                                       "--console-socket",
                                       "--preserve-fds",
                                       "--cwd",
                                       "-e",
                                       "--env",
                                       "-u",
                                       "--user",
                                       "-p",
                                       "--process",
                                       "--memory",
                                       "--memory-swap",
                                       "--memory-reservation",
                                       "--cpu-quota",
                                       "--cpu-period",
                                       "--cpu-share",
                                       "--cpuset-cpus",
                                       "--cpuset-mems",
                                       "--pids-limit",
                                       "-r",
                                       "--resources",
                                       "--format",
                                       "--signal",
                                       "--blkio-weight",
                                       "--process-label",
                                       "--apparmor",
                                       "--cap",
                                       "-c"};

}  // namespace

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

void warn_if_failed(const Status& s, const std::string& what)
{
    if (s) return;
    std::string msg = what + ": " + s.error().message();
    std::fprintf(stderr, "onggi-runtime: warning: %s\n", msg.c_str());
    log_line("warning", msg);
}

int usage_error(const std::string& msg) { return fail(Error(Errc::invalid_argument, msg)); }

Result<Args> parse_args(const std::vector<std::string>& in, bool stop_after_first_positional,
                        const std::set<std::string>& valued_override)
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

ContainerState live_status(const cmd::StateRecord& s)
{
    if (!runtime::process_alive(s.pid, s.start_time)) return ContainerState::exited;
    if (s.status == ContainerState::created) return ContainerState::created;
    if (!s.cgroup_path.empty()) {
        if (auto host = cgroup::probe_host()) {
            if (auto cg = cgroup::open(host.value(), s.cgroup_path)) {
                auto fr = cg.value()->frozen();
                if (fr && fr.value()) return ContainerState::paused;
            }
        }
    }
    return ContainerState::running;
}

Result<std::unique_ptr<cgroup::Cgroup>> open_cgroup(const cmd::StateRecord& s)
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
    struct pollfd p {
        fd, POLLIN, 0
    };
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

Result<spec::Spec> stored_spec(const cmd::StateStore& store, const std::string& id)
{
    return spec::load_spec(store.dir(id));
}

runtime::SharedRootfs shared_rootfs_of(const cmd::StateRecord& st)
{
    return {st.shared_rootfs, st.mount_ns_path, st.mount_ns_inode};
}

void run_poststop(const spec::Spec& spec, cmd::StateRecord st)
{
    st.pid = 0;
    runtime::run_hooks_warn(spec.hooks.poststop, "poststop", st.oci_json(ContainerState::exited));
}

volatile pid_t g_forward_pid = 0;

void forward(int sig)
{
    if (g_forward_pid > 0) ::kill(g_forward_pid, sig);
}

}  // namespace onggi::runtime_cli

// onggi-runtime exec: runs a process in a running container (setns).
#include "engine/cmd/runtime_cli.h"

#include "engine/core/files.h"
#include "engine/runtime/exec_process.h"
#include "engine/spec/spec.h"

#include <signal.h>

#include <cstdlib>

namespace onggi::runtime_cli {

int cmd_exec(cmd::StateStore& store, const Args& a)
{
    if (a.pos.empty())
        return usage_error(
            "usage: onggi-runtime exec [-d] [--cwd DIR] [-e K=V] [-u UID[:GID]] [-p process.json] ID [COMMAND...]");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    if (live_status(st.value()) != ContainerState::running)
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not running"));
    auto spec = stored_spec(store, st->id);  // what it was created with
    if (!spec) spec = spec::load_spec(st->bundle);
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
                if (eq == std::string::npos || eq == 0)
                    return usage_error("--env: expected KEY=VALUE, got '" + e + "'");
                std::string key = e.substr(0, eq + 1);
                std::erase_if(s.process.env, [&](const std::string& x) { return x.rfind(key, 0) == 0; });
                s.process.env.push_back(e);
            }
    if (a.has("--cwd")) s.process.cwd = a.get("--cwd");
    if (a.has("--apparmor")) s.process.apparmor_profile = a.get("--apparmor");
    if (a.has("--process-label")) s.process.selinux_label = a.get("--process-label");
    std::string user = a.get("--user", a.get("-u"));
    if (!user.empty()) {
        auto colon = user.find(':');
        char* end = nullptr;
        s.process.user.uid = uint32_t(std::strtoul(user.substr(0, colon).c_str(), &end, 10));
        s.process.user.gid =
            colon == std::string::npos ? 0 : uint32_t(std::strtoul(user.substr(colon + 1).c_str(), nullptr, 10));
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
    struct sigaction sa {};
    sa.sa_handler = forward;
    sa.sa_flags = SA_RESTART;
    for (int sg : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) ::sigaction(sg, &sa, nullptr);
    return runtime::wait_exit_code(pid.value());
}

}  // namespace onggi::runtime_cli

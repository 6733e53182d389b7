#include "engine/runtime/hook_runner.h"

#include "engine/core/unique_fd.h"
#include "engine/runtime/exec_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>

namespace onggi::runtime {

namespace {

int64_t now_ms()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// Waits for the hook; kills it at the deadline. The exit status as waitpid gives it, or -1 on timeout.
int wait_hook(pid_t pid, std::optional<int> timeout_s)
{
    const int64_t deadline = timeout_s ? now_ms() + int64_t(*timeout_s) * 1000 : 0;
    int status = 0;
    for (int sleep_us = 1000;;) {
        pid_t r = ::waitpid(pid, &status, timeout_s ? WNOHANG : 0);
        if (r == pid) return status;
        if (r < 0 && errno != EINTR) return status;
        if (r == 0 && now_ms() >= deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
            return -1;
        }
        if (r == 0) {
            ::usleep(useconds_t(sleep_us));
            if (sleep_us < 20000) sleep_us *= 2;
        }
    }
}

// A pipe whose read end holds the whole state (far below a pipe's 64 KiB) and whose write end is closed.
Result<UniqueFd> state_pipe(const std::string& state_json)
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) < 0) return Error::from_errno("pipe");
    UniqueFd r(p[0]), w(p[1]);
    size_t off = 0;
    while (off < state_json.size()) {
        ssize_t n = ::write(w.get(), state_json.data() + off, state_json.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error::from_errno("write the state for a hook");
        off += size_t(n);
    }
    return r;
}

Status run_one(const spec::Hook& h, const std::string& what, const std::string& state_json, const HookTarget& where)
{
    auto in = state_pipe(state_json);
    if (!in) return std::move(in).error().wrap(what);
    std::vector<std::string> args = h.args.empty() ? std::vector<std::string>{h.path} : h.args;
    pid_t pid = -1;
    if (where.pid > 0) {
        // In the container's namespaces, with the runtime's root credentials and no seccomp.
        spec::Spec s;
        s.process.args = args;
        s.process.env = h.env;
        s.process.cwd = "/";
        ExecOptions opt;
        opt.target_pid = where.pid;
        opt.target_start_time = where.start_time;
        opt.stdio[0] = in->get();
        opt.program = h.path;
        auto started = exec_in_container(s, opt);
        if (!started) return std::move(started).error().wrap(what);
        pid = started.value();
    } else {
        std::vector<char*> argv, envp;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env = h.env;
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        pid = ::fork();
        if (pid < 0) return Error::from_errno(what + ": fork");
        if (pid == 0) {
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::signal(SIGPIPE, SIG_DFL);
            if (::dup2(in->get(), 0) < 0) ::_exit(127);
            ::execve(h.path.c_str(), argv.data(), envp.data());
            ::_exit(127);
        }
    }
    in->reset();
    int status = wait_hook(pid, h.timeout);
    if (status == -1)
        return Error(Errc::timeout,
                     what + ": did not finish within its timeout of " + std::to_string(*h.timeout) + " s");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
    if (WIFEXITED(status))
        return Error(Errc::system, what + ": exited with status " + std::to_string(WEXITSTATUS(status)));
    return Error(Errc::system, what + ": killed by signal " + std::to_string(WTERMSIG(status)));
}

std::string hook_name(const std::string& kind, size_t i, const spec::Hook& h)
{
    return "hooks." + kind + "[" + std::to_string(i) + "] (" + h.path + ")";
}

}  // namespace

Status run_hooks(const std::vector<spec::Hook>& hooks, const std::string& kind, const std::string& state_json,
                 const HookTarget& where)
{
    for (size_t i = 0; i < hooks.size(); ++i)
        if (auto r = run_one(hooks[i], hook_name(kind, i, hooks[i]), state_json, where); !r) return r;
    return {};
}

void run_hooks_warn(const std::vector<spec::Hook>& hooks, const std::string& kind, const std::string& state_json,
                    const HookTarget& where)
{
    for (size_t i = 0; i < hooks.size(); ++i)
        if (auto r = run_one(hooks[i], hook_name(kind, i, hooks[i]), state_json, where); !r)
            std::fprintf(stderr, "onggi-runtime: warning: %s\n", r.error().message().c_str());
}

}  // namespace onggi::runtime

// onggi-runtime run: create and start; waits for the container unless -d.
#include "engine/cmd/runtime_cli.h"

#include "engine/runtime/exec_process.h"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace onggi::runtime_cli {

namespace {

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
            else if (::write(master, buf, size_t(n)) < 0) {
            }
        }
    }
    if (raw) ::tcsetattr(0, TCSANOW, &saved);
}

}  // namespace

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
    cmd::StateRecord st;
    UniqueFd console;
    // startContainer and poststart hooks need the created state between create and the program.
    auto hooks = spec::load_spec(bundle_of(a));
    const bool split = hooks && (!hooks->hooks.start_container.empty() || !hooks->hooks.poststart.empty());
    auto l = do_create(store, id, a, split, st, detach ? nullptr : &console);
    if (!l) {
        warn_if_failed(store.remove(id), "remove the state of the container that failed");
        return fail(l.error());
    }
    if (split) {
        if (auto r = store.save(st); !r) return fail(r.error());
        if (auto r = do_start(store, st); !r) {
            warn_if_failed(runtime::detach_shared_rootfs(l->shared_rootfs), "detach the rootfs");
            warn_if_failed(remove_cgroup(st.cgroup_path), "remove the cgroup");
            warn_if_failed(store.remove(id), "remove the state");
            return fail(r.error());
        }
    }
    if (auto r = write_pid_file(a, st.pid); !r) fail(r.error());
    if (detach) {
        if (auto r = store.save(st); !r) return fail(r.error());
        return 0;
    }
    // Foreground: nobody else can see it before we save; we are its parent and reap it.
    warn_if_failed(store.save(st), "save the state (state and kill cannot see the container)");
    g_forward_pid = st.pid;
    struct sigaction sa {};
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
        Status removed;
        for (int i = 0; i < 200; ++i) {
            removed = l->cgroup->remove();
            if (removed || removed.error().code != Errc::busy) break;
            ::usleep(5000);
        }
        warn_if_failed(removed, "remove the cgroup");
    }
    warn_if_failed(runtime::detach_shared_rootfs(l->shared_rootfs), "detach the rootfs");
    auto spec = stored_spec(store, id);
    warn_if_failed(store.remove(id), "remove the state");
    if (spec) run_poststop(spec.value(), st);
    return code;
}

}  // namespace onggi::runtime_cli

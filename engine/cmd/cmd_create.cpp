// onggi-runtime create: launches the bundle's container parked before its program (runtime.md#create).
#include "engine/cmd/runtime_cli.h"

#include "engine/core/files.h"
#include "engine/runtime/exec_process.h"
#include "engine/runtime/hook_runner.h"
#include "engine/spec/spec.h"

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace onggi::runtime_cli {

namespace {

// process.terminal: the container gets a pty slave as its console. The master goes to the
// --console-socket (SCM_RIGHTS, as runc and crun do), or a foreground `run` relays it.
Status send_console(const std::string& socket_path, int master)
{
    UniqueFd s(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!s) return Error::from_errno("console socket");
    struct sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    if (socket_path.size() >= sizeof addr.sun_path)
        return Error(Errc::invalid_argument, "--console-socket: path too long");
    std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size());
    if (::connect(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0)
        return Error::from_errno("connect to console socket " + socket_path);
    char name[] = "/dev/ptmx";
    struct iovec iov {
        name, sizeof name - 1
    };
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

}  // namespace

Result<runtime::Launched> do_create(const cmd::StateStore& store, const std::string& id, const Args& a,
                                    bool wait_for_start, cmd::StateRecord& st, UniqueFd* console_master)
{
    std::string bundle = bundle_of(a);
    auto spec = spec::load_spec(bundle);
    if (!spec) return std::move(spec).error();
    const std::string console_socket = a.get("--console-socket");
    const bool detached = wait_for_start || a.has("-d") || a.has("--detach");
    if (spec->process.terminal && console_socket.empty() && (detached || !console_master))
        return Error(Errc::invalid_argument,
                     "process.terminal: a detached container with a terminal needs --console-socket");
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
    st.id = id;
    st.bundle = bundle;
    st.rootfs = spec->root.path[0] == '/' ? spec->root.path : bundle + "/" + spec->root.path;
    st.created = now_rfc3339();
    st.annotations = spec->annotations;
    // Kept for start's and delete's hooks (stored_spec).
    if (auto r = write_file_atomic(store.dir(id) + "/config.json", spec::to_json(spec.value()), 0600, Sync::process);
        !r)
        return std::move(r).error().wrap("keep the config");
    // The hooks of create (hook_runner.h): the state they read says "created", as crun's do.
    const spec::Hooks& hooks = spec->hooks;
    auto state_for = [&](pid_t pid) {
        cmd::StateRecord s = st;
        s.pid = pid;
        return s.oci_json(ContainerState::created);
    };
    if (!hooks.prestart.empty() || !hooks.create_runtime.empty())
        opt.on_created = [&](pid_t pid) -> Status {
            const std::string state = state_for(pid);
            ONGGI_CHECK(runtime::run_hooks(hooks.prestart, "prestart", state), "create");
            ONGGI_CHECK(runtime::run_hooks(hooks.create_runtime, "createRuntime", state), "create");
            return {};
        };
    if (!hooks.create_container.empty())
        opt.before_pivot = [&](pid_t pid) -> Status {
            ONGGI_CHECK(runtime::run_hooks(hooks.create_container, "createContainer", state_for(pid),
                                           {pid, runtime::process_start_time(pid)}),
                        "create");
            return {};
        };
    opt.runs_hooks = true;
    runtime::Stage stage;
    auto launched = runtime::launch(spec.value(), opt, &stage);
    if (!launched) return std::move(launched).error();
    for (const auto& w : launched->warnings) std::fprintf(stderr, "onggi-runtime: warning: %s\n", w.c_str());
    slave.reset();
    if (master && !console_socket.empty()) {
        if (auto r = send_console(console_socket, master.get()); !r) {
            ::kill(launched->pid, SIGKILL);
            runtime::wait_exit_code(launched->pid);
            if (launched->cgroup) warn_if_failed(launched->cgroup->remove(), "remove the cgroup");
            warn_if_failed(runtime::detach_shared_rootfs(launched->shared_rootfs), "detach the rootfs");
            return std::move(r).error();
        }
    } else if (master && console_master) {
        *console_master = std::move(master);
    }
    st.pid = launched->pid;
    st.start_time = launched->start_time;
    st.start_fd = launched->start_fd;
    st.cgroup_path = launched->cgroup_path;
    st.shared_rootfs = launched->shared_rootfs.rootfs;
    st.mount_ns_path = launched->shared_rootfs.ns_path;
    st.mount_ns_inode = launched->shared_rootfs.ns_inode;
    st.status = wait_for_start ? ContainerState::created : ContainerState::running;
    (void)store;
    return launched;
}

int cmd_create(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime create [-b BUNDLE] [--pid-file FILE] ID");
    const std::string& id = a.pos[0];
    if (auto r = store.reserve(id); !r) return fail(r.error());
    cmd::StateRecord st;
    auto l = do_create(store, id, a, true, st);
    if (!l) {
        warn_if_failed(store.remove(id), "remove the state of the container that failed");
        return fail(l.error());
    }
    if (auto r = store.save(st); !r) return fail(r.error());
    if (auto r = write_pid_file(a, st.pid); !r) return fail(r.error());
    return 0;
}

}  // namespace onggi::runtime_cli

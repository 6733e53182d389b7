// onggi-shim: the per-container supervisor. Contract: docs/shim.md.
//   onggi-shim run  --id ID --bundle DIR --state-dir DIR --log FILE [--init] [--attach-wait] [--console-size ROWSxCOLS]
//                   [--network FILE]
//   onggi-shim exec --bundle DIR --state-dir DIR [--env K=V]... [--cwd PATH] [--user UID:GID] [--tty] -- ARGS...
#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/shim_contract.h"
#include "engine/core/unique_fd.h"
#include "engine/net/attachment.h"
#include "engine/net/netlink.h"
#include "engine/runtime/exec_process.h"
#include "engine/runtime/launcher.h"
#include "engine/security/security.h"
#include "engine/shim/attach_server.h"
#include "engine/shim/log_writer.h"
#include "engine/spec/spec.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <vector>

using namespace onggi;
using nlohmann::json;

namespace {

uint64_t realtime_ns()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return uint64_t(ts.tv_sec) * 1000000000ull + uint64_t(ts.tv_nsec);
}

struct Options {
    std::string mode, id, bundle, state_dir, log;
    bool init = false, tty = false, attach_wait = false, open_stdin = false;
    unsigned rows = 0, cols = 0;  // --console-size: the pty's size before the container runs
    std::vector<std::string> env, args;
    std::string cwd, user;
    std::string seccomp_cache;           // --seccomp-cache DIR: compiled seccomp programs (helper's run dir)
    shim::LogWriter::Limits log_limits;  // --log-max-size BYTES --log-max-files N (rotation)
    std::string network;              // --network FILE: the container's network attachments (engine/net/attachment.h)
    std::map<size_t, int> mount_fds;  // --mount-fd I:FD: spec.mounts[I] is the object open on FD
};

bool parse(int argc, char** argv, Options& o, std::string& err)
{
    if (argc < 2) {
        err = "usage: onggi-shim run|exec ...";
        return false;
    }
    o.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto val = [&](std::string& out) {
            if (i + 1 >= argc) {
                err = a + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        if (a == "--") {
            for (int k = i + 1; k < argc; ++k) o.args.push_back(argv[k]);
            break;
        }
        bool ok = true;
        if (a == "--id") ok = val(o.id);
        else if (a == "--bundle") ok = val(o.bundle);
        else if (a == "--state-dir") ok = val(o.state_dir);
        else if (a == "--log") ok = val(o.log);
        else if (a == "--cwd") ok = val(o.cwd);
        else if (a == "--user") ok = val(o.user);
        else if (a == "--seccomp-cache") ok = val(o.seccomp_cache);
        else if (a == "--log-max-size" || a == "--log-max-files") {
            std::string v;
            ok = val(v);
            char* end = nullptr;
            errno = 0;
            unsigned long long n = ok ? std::strtoull(v.c_str(), &end, 10) : 0;
            if (ok &&
                (v.empty() || *end || errno || (a == "--log-max-files" ? (n < 1 || n > 100) : n > (1ull << 40)))) {
                err = a + ": bad value '" + v + "'";
                return false;
            }
            if (a == "--log-max-size") o.log_limits.max_size = n;
            else o.log_limits.max_files = int(n);
        } else if (a == "--network") ok = val(o.network);
        else if (a == "--env") {
            std::string e;
            ok = val(e);
            o.env.push_back(e);
        } else if (a == "--mount-fd") {
            std::string v;
            ok = val(v);
            auto m = ok ? shim::MountFd::parse(v) : Result<shim::MountFd>(Error(Errc::invalid_argument, ""));
            const size_t idx = m ? m->mount : 0;
            const int fd = m ? m->fd : -1;
            if (ok && (!m || ::fcntl(fd, F_GETFD) < 0 || o.mount_fds.count(idx))) {
                err = "--mount-fd: expected INDEX:FD of an open fd, got '" + v + "'";
                return false;
            }
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);  // ours only: nothing we exec inherits it
            o.mount_fds[idx] = fd;
        } else if (a == "--init") o.init = true;
        else if (a == "--attach-wait") o.attach_wait = true;
        else if (a == "--open-stdin") o.open_stdin = true;
        else if (a == "--console-size") {
            std::string v;
            ok = val(v);
            char x = 0, rest = 0;
            if (ok && (std::sscanf(v.c_str(), "%u%c%u%c", &o.rows, &x, &o.cols, &rest) != 3 || x != 'x' || o.rows < 1 ||
                       o.rows > 65535 || o.cols < 1 || o.cols > 65535)) {
                err = "--console-size: expected ROWSxCOLS, got '" + v + "'";
                return false;
            }
        } else if (a == "--tty") o.tty = true;
        else {
            err = "unknown option " + a;
            return false;
        }
        if (!ok) return false;
    }
    if (o.bundle.empty() || o.state_dir.empty()) {
        err = "--bundle and --state-dir are required";
        return false;
    }
    if (o.mode == "run" && (o.id.empty() || o.log.empty())) {
        err = "run needs --id and --log";
        return false;
    }
    return true;
}

std::string error_json(const Error& e, runtime::Stage stage)
{
    return shim::ShimError::from(e, stage == runtime::Stage::none ? "setup" : runtime::stage_name(stage)).to_json();
}

// ---- run -------------------------------------------------------------------------------

struct Supervisor {
    Options opt;
    spec::Spec spec;
    runtime::Launched launched;
    UniqueFd out_r, err_r, pty_master;
    UniqueFd stdin_w;  // --open-stdin without a terminal: the write end of the container's stdin
    shim::LogWriter log;
    shim::AttachServer attach;  // terminal containers, and --open-stdin ones (input only)
};

// --attach-wait: the container's init is held before execve until the first attacher
// connects, or this long at most.
constexpr uint64_t kAttachWaitNs = 10ull * 1000000000ull;

// An init held before execve can no longer report a failed execve as a start error (its report
// pipe is closed); it only exits 127. So, before releasing it, look for the program the way
// execvp will, inside the container's root (/proc/PID/root, resolved with RESOLVE_IN_ROOT so
// that the image's absolute symlinks mean what they mean in there), and tell the attacher (and
// the log) when it certainly is not there, as docker does. Empty when it is there, or unsure.
std::string missing_program_message(pid_t pid, const spec::Spec& spec)
{
    if (spec.process.args.empty()) return {};
    const std::string prog = spec.process.args[0];
    UniqueFd root(::open(("/proc/" + std::to_string(pid) + "/root").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root) return {};
    // 0: an executable file; ENOENT/ENOTDIR: nothing there; other errors: unsure.
    auto probe = [&](const std::string& path) -> int {
        struct open_how how {};
        how.flags = O_PATH | O_CLOEXEC;
        how.resolve = RESOLVE_IN_ROOT;
        int fd = int(::syscall(SYS_openat2, root.get(), path.c_str(), &how, sizeof how));
        if (fd < 0) return errno;
        struct stat st {};
        int r = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111) ? 0 : EACCES;
        ::close(fd);
        return r;
    };
    auto gone = [](int e) { return e == ENOENT || e == ENOTDIR; };
    if (prog.find('/') != std::string::npos) {
        std::string path = prog[0] == '/' ? prog : spec.process.cwd + "/" + prog;
        return gone(probe(path)) ? "onggi: exec \"" + prog + "\": no such file or directory\r\n" : std::string();
    }
    std::string path_env = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (const auto& e : spec.process.env)
        if (e.rfind("PATH=", 0) == 0) path_env = e.substr(5);
    size_t pos = 0;
    for (;;) {
        size_t end = path_env.find(':', pos);
        std::string dir = path_env.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        if (dir.empty()) dir = ".";
        if (!gone(probe((dir[0] == '/' ? dir : spec.process.cwd + "/" + dir) + "/" + prog))) return {};
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return "onggi: exec \"" + prog + "\": executable file not found in $PATH\r\n";
}

[[noreturn]] void supervise(Supervisor& s, int status_fd)
{
    // Block SIGCHLD only now: the container must not inherit a blocked mask.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    UniqueFd sfd(::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK));

    // The attach socket exists before anyone hears that the container started.
    Status wr = s.pty_master ? s.attach.listen(s.opt.state_dir, s.pty_master.get())
                : s.stdin_w  ? s.attach.listen_stdin(s.opt.state_dir, std::move(s.stdin_w))
                             : Status{};
    const bool attachable = s.pty_master || s.attach.stdin_open();
    if (wr) {
        shim::ShimInfo info;
        info.shim_pid = ::getpid();
        info.init_pid = s.launched.pid;
        info.init_start_time = s.launched.start_time;
        info.started_at_ns = realtime_ns();
        info.cgroup_path = s.launched.cgroup_path;
        if (attachable) info.attach_socket = s.opt.state_dir + "/" + shim::kAttachSocket;
        // Sync::process: pids mean nothing after a reboot, and an fsync here delays every start.
        wr = write_file_atomic(s.opt.state_dir + "/" + shim::kShimFile, info.to_json() + "\n", 0644, Sync::process);
    }
    char code = wr ? 0 : 1;
    std::string failure;
    if (!wr) {
        failure = error_json(wr.error(), runtime::Stage::none);
        (void)write_file_atomic(s.opt.state_dir + std::string("/") + shim::kErrorFile, failure + "\n");
        ::kill(s.launched.pid, SIGKILL);
    }
    // Room for exit.json, taken now: a container that ends on a full disk still gets its exit
    // code recorded (written in place into these blocks, then renamed).
    const std::string pending = s.opt.state_dir + std::string("/") + shim::kExitPending;
    if (wr) {
        std::string room(512, ' ');
        (void)write_file_atomic(pending, room, 0644, Sync::process);
    }
    (void)!::write(status_fd, &code, 1);
    if (!failure.empty()) (void)!::write(status_fd, failure.data(), failure.size());
    ::close(status_fd);

    shim::LogWriter& log = s.log;
    int streams[2] = {s.pty_master ? s.pty_master.get() : s.out_r.get(), s.pty_master ? -1 : s.err_r.get()};
    bool init_done = false;
    int init_status = 0;
    uint64_t drain_deadline = 0;
    bool held = s.opt.attach_wait && s.launched.start_fd >= 0;
    const uint64_t hold_deadline = realtime_ns() + kAttachWaitNs;
    std::vector<pollfd> p;
    for (;;) {
        p.clear();
        int idx[2] = {-1, -1};
        for (int k = 0; k < 2; ++k)
            if (streams[k] >= 0) {
                idx[k] = int(p.size());
                p.push_back({streams[k], POLLIN, 0});
            }
        size_t sig_i = p.size();
        p.push_back({sfd.get(), POLLIN, 0});
        size_t attach_i = p.size();
        if (attachable) s.attach.fill(p);     // last: handle() finds its entries from attach_i on
        int timeout = init_done ? 50 : 1000;  // 1 s: a SIGCHLD from before the signalfd existed is not lost
        if (held)
            timeout =
                std::min<int>(timeout, int(std::max<int64_t>(1, int64_t(hold_deadline - realtime_ns()) / 1000000 + 1)));
        int rc = ::poll(p.data(), nfds_t(p.size()), timeout);
        if (rc < 0 && errno != EINTR) break;
        for (int k = 0; k < 2; ++k) {
            if (idx[k] < 0 || !(p[size_t(idx[k])].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buf[16384];
            ssize_t r = ::read(streams[k], buf, sizeof buf);
            if (r > 0) {
                log.feed(k, buf, size_t(r));
                if (attachable) s.attach.broadcast(buf, size_t(r));
            } else if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) {
                log.flush(k);  // EOF (or EIO on a pty whose slave side closed)
                streams[k] = -1;
            }
        }
        if (p[sig_i].revents & POLLIN) {
            struct signalfd_siginfo si;
            while (::read(sfd.get(), &si, sizeof si) == ssize_t(sizeof si)) {}
        }
        if (attachable) s.attach.handle(p, attach_i);
        if (held && (s.attach.take_first_attach() || realtime_ns() > hold_deadline)) {
            // Someone is attached (or nobody came): let the container's init go on to execve.
            held = false;
            if (s.attach.clients() == 0) s.attach.nobody_came();
            if (std::string msg = missing_program_message(s.launched.pid, s.spec); !msg.empty()) {
                if (!s.pty_master) msg.erase(msg.size() - 2, 1);  // "\r\n" is for a terminal
                log.feed(0, msg.data(), msg.size());
                s.attach.broadcast(msg.data(), msg.size());
            }
            (void)runtime::start_parked(s.launched.pid, s.launched.start_time, s.launched.start_fd);
        }
        // Reap: the container's init, and orphans that we adopt as subreaper.
        for (;;) {
            int st = 0;
            pid_t r = ::waitpid(-1, &st, WNOHANG);
            if (r <= 0) break;
            if (r == s.launched.pid && !init_done) {
                init_done = true;
                init_status = st;
                // Whatever is left in the cgroup goes; the output pipes then reach EOF.
                if (s.launched.cgroup) {
                    auto left = s.launched.cgroup->pids();
                    if (!left || !left->empty()) (void)s.launched.cgroup->kill_all(SIGKILL);
                }
                drain_deadline = realtime_ns() + 2000000000ull;
            }
        }
        if (init_done && ((streams[0] < 0 && streams[1] < 0) || realtime_ns() > drain_deadline)) break;
    }
    log.flush(0);
    log.flush(1);
    // Attached clients take what is queued for them (1 s at most), then see EOF.
    if (attachable) s.attach.finish(1000);

    bool oom = false;
    if (auto& cg = s.launched.cgroup) {
        if (auto n = cg->oom_kills(); n) oom = n.value() > 0;  // one file, not the ~20 of stats()
        auto left = cg->pids();
        if (!left || !left->empty()) (void)cg->kill_all(SIGKILL);
        for (int i = 0; i < 400; ++i) {  // v1: rmdir is refused while the last tasks exit
            auto r = cg->remove();
            if (r || r.error().code != Errc::busy) break;
            (void)cg->kill_all(SIGKILL);
            while (::waitpid(-1, nullptr, WNOHANG) > 0) {}
            ::usleep(5000);
        }
    }
    int exit_code = WIFEXITED(init_status) ? WEXITSTATUS(init_status) : 128 + WTERMSIG(init_status);
    int signal = WIFSIGNALED(init_status) ? WTERMSIG(init_status) : 0;
    // With --init, PID 1 reports a killed program as 128+signal.
    if (!signal && s.opt.init && exit_code > 128 && exit_code < 128 + NSIG) signal = exit_code - 128;
    shim::ExitInfo ex;
    ex.exit_code = exit_code;
    ex.signal = signal;
    ex.oom_killed = oom;
    ex.finished_at_ns = realtime_ns();
    // Sync::process: after a power loss the helper finds no exit.json and reports the
    // container as exited with code 255 ("died without a word"), which is close to the truth.
    const std::string exit_text = ex.to_json() + "\n";
    if (write_file_atomic(s.opt.state_dir + std::string("/") + shim::kExitFile, exit_text, 0644, Sync::process)) {
        ::unlink(pending.c_str());
    } else {
        // Disk full: into the blocks reserved at the start (JSON allows the trailing spaces).
        int fd = ::open(pending.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0 && exit_text.size() <= 512 &&
            ::pwrite(fd, exit_text.data(), exit_text.size(), 0) == ssize_t(exit_text.size())) {
            ::close(fd);
            ::rename(pending.c_str(), (s.opt.state_dir + std::string("/") + shim::kExitFile).c_str());
        } else if (fd >= 0) {
            ::close(fd);
        }
    }
    ::_exit(0);
}

int run(Options& o)
{
    auto report_failure = [&](const Error& e, runtime::Stage stage) {
        std::string line = error_json(e, stage);
        (void)write_file_atomic(o.state_dir + std::string("/") + shim::kErrorFile, line + "\n");
        std::fprintf(stderr, "%s\n", line.c_str());
        return 1;
    };
    if (auto r = make_dirs(o.state_dir, 0700); !r) return report_failure(r.error(), runtime::Stage::none);
    // STATE/shim.lock: an open-file-description lock held from here until the shim ends (the
    // detached shim inherits it through fork). The helper tests it with F_OFD_GETLK to tell a
    // live shim (launching or running) from a dead one without trusting pids.
    UniqueFd lock(::open((o.state_dir + std::string("/") + shim::kLockFile).c_str(),
                         O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!lock) return report_failure(Error::from_errno("open shim.lock"), runtime::Stage::none);
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    if (::fcntl(lock.get(), F_OFD_SETLK, &fl) < 0)
        return report_failure(errno == EAGAIN || errno == EACCES
                                  ? Error(Errc::busy, "another onggi-shim runs for this container", errno)
                                  : Error::from_errno("lock shim.lock"),
                              runtime::Stage::none);
    ::unlink((o.state_dir + std::string("/") + shim::kErrorFile).c_str());
    ::unlink((o.state_dir + std::string("/") + shim::kExitFile).c_str());
    auto spec = spec::load_spec(o.bundle);
    if (!spec) return report_failure(spec.error(), runtime::Stage::none);

    int st[2];
    if (::pipe2(st, O_CLOEXEC) < 0) return report_failure(Error::from_errno("pipe"), runtime::Stage::none);
    pid_t first = ::fork();
    if (first < 0) return report_failure(Error::from_errno("fork"), runtime::Stage::none);
    if (first > 0) {
        // Foreground: wait for the verdict of the detached shim.
        ::close(st[1]);
        char code = 1;
        ssize_t n;
        do n = ::read(st[0], &code, 1);
        while (n < 0 && errno == EINTR);
        // After a failure code, the reason follows on the pipe too: error.json may not be
        // writable (a full disk), and a start must never fail without one.
        std::string reason;
        if (n == 1 && code != 0) {
            char buf[4096];
            ssize_t r;
            while ((r = ::read(st[0], buf, sizeof buf)) > 0 || (r < 0 && errno == EINTR))
                if (r > 0 && reason.size() < 65536) reason.append(buf, size_t(r));
        }
        ::waitpid(first, nullptr, 0);
        if (n != 1) {
            // The shim died without a word; error.json may say why.
            auto text = read_file(o.state_dir + std::string("/") + shim::kErrorFile);
            if (text) std::fprintf(stderr, "%s", text.value().c_str());
            else
                std::fprintf(
                    stderr, "%s\n",
                    error_json(Error(Errc::internal, "onggi-shim died during start"), runtime::Stage::none).c_str());
            return 1;
        }
        if (code != 0) {
            auto text = read_file(o.state_dir + std::string("/") + shim::kErrorFile);
            if (text && !text->empty()) std::fprintf(stderr, "%s", text.value().c_str());
            else if (!reason.empty()) std::fprintf(stderr, "%s\n", reason.c_str());
            else
                std::fprintf(
                    stderr, "%s\n",
                    error_json(Error(Errc::internal, "onggi-shim failed without a reason"), runtime::Stage::none)
                        .c_str());
        }
        return code == 0 ? 0 : 1;
    }
    ::close(st[0]);
    ::setsid();
    pid_t second = ::fork();
    if (second < 0) ::_exit(1);
    if (second > 0) ::_exit(0);

    // The shim proper: detached, a subreaper for the container's orphans.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    ::signal(SIGPIPE, SIG_IGN);
    ::signal(SIGHUP, SIG_IGN);
    int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    auto fail_to_foreground = [&](const Error& e, runtime::Stage stage) {
        std::string line = error_json(e, stage);
        (void)write_file_atomic(o.state_dir + std::string("/") + shim::kErrorFile, line + "\n");
        char code = 1;
        (void)!::write(st[1], &code, 1);
        (void)!::write(st[1], line.data(), line.size());
        ::_exit(1);
    };
    Supervisor s;
    s.opt = o;
    s.spec = std::move(spec.value());
    if (!s.log.open(o.log, o.log_limits))
        fail_to_foreground(Error::from_errno("open log " + o.log), runtime::Stage::none);

    runtime::LaunchOptions lo;
    lo.seccomp_cache = o.seccomp_cache;
    lo.mount_fds = o.mount_fds;
    for (const auto& [idx, fd] : o.mount_fds)
        if (idx >= s.spec.mounts.size())
            fail_to_foreground(
                Error(Errc::invalid_argument, "--mount-fd " + std::to_string(idx) + ": config.json has no such mount"),
                runtime::Stage::none);
    lo.id = o.id;
    lo.bundle = o.bundle;
    lo.cgroup_path = s.spec.linux.cgroups_path.empty() ? "/onggi/" + o.id : s.spec.linux.cgroups_path;
    lo.init = o.init;
    lo.die_with_parent = true;  // a killed shim takes its container with it
    if (o.attach_wait && !s.spec.process.terminal && !o.open_stdin)
        fail_to_foreground(Error(Errc::invalid_argument, "--attach-wait needs process.terminal or --open-stdin"),
                           runtime::Stage::none);
    // Held before execve: until the first attacher (supervise), and while its network is set up.
    std::vector<net::Attachment> attachments;
    if (!o.network.empty()) {
        auto text = read_file(o.network, 1 << 16);
        if (!text) fail_to_foreground(std::move(text).error().wrap("--network"), runtime::Stage::none);
        auto list = net::attachments_from_json(text.value());
        if (!list) fail_to_foreground(list.error(), runtime::Stage::none);
        attachments = std::move(list.value());
        if (!s.spec.linux.has_namespace("network"))
            fail_to_foreground(Error(Errc::invalid_argument, "--network needs a new network namespace"),
                               runtime::Stage::none);
    }
    lo.wait_for_start = o.attach_wait || !attachments.empty();
    UniqueFd out_w, err_w, pty_slave, stdin_r;
    if (s.spec.process.terminal) {
        int m, sl;
        struct winsize ws {};
        ws.ws_row = uint16_t(o.rows);
        ws.ws_col = uint16_t(o.cols);
        if (::openpty(&m, &sl, nullptr, nullptr, o.rows ? &ws : nullptr) < 0)
            fail_to_foreground(Error::from_errno("openpty"), runtime::Stage::console);
        s.pty_master.reset(m);
        pty_slave.reset(sl);
        ::fcntl(m, F_SETFD, FD_CLOEXEC);
        ::fcntl(sl, F_SETFD, FD_CLOEXEC);
        lo.console_fd = sl;
    } else {
        int po[2], pe[2];
        if (::pipe2(po, O_CLOEXEC) < 0 || ::pipe2(pe, O_CLOEXEC) < 0)
            fail_to_foreground(Error::from_errno("pipe"), runtime::Stage::stdio);
        s.out_r.reset(po[0]);
        out_w.reset(po[1]);
        s.err_r.reset(pe[0]);
        err_w.reset(pe[1]);
        lo.stdio[0] = devnull;
        if (o.open_stdin) {
            int pi[2];
            if (::pipe2(pi, O_CLOEXEC) < 0) fail_to_foreground(Error::from_errno("pipe"), runtime::Stage::stdio);
            stdin_r.reset(pi[0]);
            s.stdin_w.reset(pi[1]);
            lo.stdio[0] = pi[0];
        }
        lo.stdio[1] = po[1];
        lo.stdio[2] = pe[1];
    }
    if (!attachments.empty()) {
        // The init waits before execve: its veth pairs, addresses and routes are made while it
        // sets up its mounts (docs/shim.md). On failure launch() kills it: its namespace, and
        // the veth ends in it, go with it; the host ends go here.
        lo.after_clone = [&attachments](pid_t pid) -> Status {
            for (const auto& a : attachments)
                if (auto r = net::attach_container(pid, a); !r) {
                    if (auto nl = net::Netlink::open(); nl)
                        for (const auto& b : attachments) (void)nl->delete_link(b.host_ifname);
                    return std::move(r).error().wrap("network " + a.network);
                }
            return {};
        };
    }
    runtime::Stage stage;
    auto launched = runtime::launch(s.spec, lo, &stage);
    if (!launched) fail_to_foreground(launched.error(), stage);
    s.launched = std::move(launched.value());
    if (!attachments.empty()) {
        auto kill_init = [&] {
            ::kill(s.launched.pid, SIGKILL);
            while (::waitpid(s.launched.pid, nullptr, 0) < 0 && errno == EINTR) {}
            if (s.launched.cgroup) (void)s.launched.cgroup->remove();
        };
        if (!o.attach_wait) {
            // Released here, so a missing program would show only as exit 127: say it as a start error.
            if (std::string msg = missing_program_message(s.launched.pid, s.spec); !msg.empty()) {
                kill_init();
                msg.erase(msg.size() - 2);
                fail_to_foreground(Error(Errc::not_found, msg.substr(7)), runtime::Stage::execve);
            }
            if (auto r = runtime::start_parked(s.launched.pid, s.launched.start_time, s.launched.start_fd); !r) {
                kill_init();
                fail_to_foreground(r.error(), runtime::Stage::none);
            }
        }
    }
    out_w.reset();
    err_w.reset();
    pty_slave.reset();
    stdin_r.reset();
    // Our own stdio must not hold the helper's pipes open.
    ::dup2(devnull, 0);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    supervise(s, st[1]);
}

// ---- exec ------------------------------------------------------------------------------

volatile pid_t g_child = 0;
void forward(int sig)
{
    if (g_child > 0) ::kill(g_child, sig);
}

int exec(Options& o)
{
    auto failure = [&](const Error& e, runtime::Stage stage) {
        std::fprintf(stderr, "%s\n", error_json(e, stage).c_str());
        return 125;
    };
    if (o.args.empty())
        return failure(Error(Errc::invalid_argument, "exec: no command after --"), runtime::Stage::none);
    auto text = read_file(o.state_dir + std::string("/") + shim::kShimFile, 1 << 16);
    if (!text) return failure(std::move(text).error().wrap("the container is not running"), runtime::Stage::none);
    auto sj = shim::ShimInfo::parse(text.value());
    if (!sj) return failure(Error(Errc::internal, "corrupt " + sj.error().message()), runtime::Stage::none);
    if (::access((o.state_dir + std::string("/") + shim::kExitFile).c_str(), F_OK) == 0)
        return failure(Error(Errc::bad_state, "the container has exited"), runtime::Stage::none);
    auto spec = spec::load_spec(o.bundle);
    if (!spec) return failure(spec.error(), runtime::Stage::none);
    spec::Spec s = std::move(spec.value());
    s.process.args = o.args;
    s.process.terminal = o.tty;
    for (const auto& e : o.env) {
        auto eq = e.find('=');
        if (eq == std::string::npos || eq == 0)
            return failure(Error(Errc::invalid_argument, "--env: expected KEY=VALUE, got '" + e + "'"),
                           runtime::Stage::none);
        std::string key = e.substr(0, eq + 1);
        std::erase_if(s.process.env, [&](const std::string& x) { return x.rfind(key, 0) == 0; });
        s.process.env.push_back(e);
    }
    if (!o.cwd.empty()) s.process.cwd = o.cwd;
    if (!o.user.empty()) {
        auto colon = o.user.find(':');
        s.process.user.uid = uint32_t(std::strtoul(o.user.substr(0, colon).c_str(), nullptr, 10));
        s.process.user.gid =
            colon == std::string::npos ? 0 : uint32_t(std::strtoul(o.user.substr(colon + 1).c_str(), nullptr, 10));
        s.process.user.additional_gids.clear();
    }
    runtime::ExecOptions eo;
    eo.seccomp_cache = o.seccomp_cache;
    eo.target_pid = sj->init_pid;
    eo.target_start_time = sj->init_start_time;
    eo.cgroup_path = sj->cgroup_path;
    if (o.tty) eo.console_fd = 0;
    runtime::Stage stage;
    auto pid = runtime::exec_in_container(s, eo, &stage);
    if (!pid) return failure(pid.error(), stage);
    g_child = pid.value();
    struct sigaction sa {};
    sa.sa_handler = forward;
    sa.sa_flags = SA_RESTART;
    for (int sg : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH}) ::sigaction(sg, &sa, nullptr);
    return runtime::wait_exit_code(pid.value());
}

}  // namespace

int main(int argc, char** argv)
{
    // CVE-2019-5736: run from a sealed memfd copy so that a container process cannot reach and
    // rewrite this binary through /proc/PID/exe (re-execs once; returns ok when already sealed).
    if (auto sealed = onggi::security::ensure_cloned_binary(argc, argv, environ); !sealed) {
        std::fprintf(stderr, "%s\n", sealed.error().message().c_str());
        return 125;
    }
    // Started from the helper's sealed copy ("/proc/self/fd/N"), the kernel names us "N".
    ::prctl(PR_SET_NAME, "onggi-shim", 0, 0, 0);
    Options o;
    std::string err;
    if (!parse(argc, argv, o, err)) {
        std::fprintf(stderr, "%s\n", error_json(Error(Errc::invalid_argument, err), runtime::Stage::none).c_str());
        return argc >= 2 && std::string(argv[1]) == "exec" ? 125 : 2;
    }
    if (o.mode == "run") return run(o);
    if (o.mode == "exec") return exec(o);
    std::fprintf(stderr, "%s\n",
                 error_json(Error(Errc::invalid_argument, "unknown mode " + o.mode), runtime::Stage::none).c_str());
    return 2;
}

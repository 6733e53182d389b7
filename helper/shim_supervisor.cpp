#include "helper/shim_supervisor.h"

#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/shim_contract.h"
#include "engine/core/unique_fd.h"
#include "helper/container_store.h"
#include "helper/event_bus.h"
#include "helper/fd_limit.h"
#include "helper/peer.h"
#include "helper/policy_gate.h"
#include "helper/process_table.h"
#include "helper/shim_command.h"
#include "helper/volume_source.h"

#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#include <memory>

namespace onggi::helper {

namespace {

int pidfd_open(pid_t pid) { return int(::syscall(SYS_pidfd_open, pid, 0)); }

// A launch failed for want of descriptors: QProcess said EMFILE, or the helper is within a few
// of its limit (a start needs about ten: pipes, the fork's, /dev/null, the pidfd).
bool helper_out_of_fds(const std::string& launch_error)
{
    if (launch_error.find(std::strerror(EMFILE)) != std::string::npos) return true;
    const FdUse u = fd_use();
    return u.open >= 0 && u.limit > 0 && u.open + 16 >= u.limit;
}

}  // namespace

NetContainer net_container(const ContainerRecord& c, const ContainerPaths& p)
{
    NetContainer n;
    n.id = c.id;
    n.name = c.name;
    n.owner = c.owner_uid;
    n.pid = c.live() ? c.pid : 0;
    n.net = c.network;
    n.bundle = p.bundle;
    return n;
}

ShimSupervisor::ShimSupervisor(const HelperConfig& cfg, ContainerStore& store, NetworkManager& net, EventBus* events,
                               ShimCommand& shim, Hooks hooks, QObject* parent)
    : QObject(parent), cfg_(cfg), store_(store), net_(net), events_(events), shim_(shim), hooks_(std::move(hooks))
{
}

ShimSupervisor::~ShimSupervisor()
{
    for (auto& [id, fd] : watch_fds_) ::close(fd);
}

NetContainer ShimSupervisor::net_container(const ContainerRecord& c) const
{
    return helper::net_container(c, store_.paths(c.id));
}

// A container found on disk. Its shim's lock and files decide, not the record: the helper may
// have been killed between a shim's start and the save of the record (docs/shim.md).
void ShimSupervisor::adopt(ContainerRecord& c)
{
    const ShimProbe p = probe_shim(c);
    if (p.alive && !p.has_shim_json) return await_launching_shim(c.id);
    if (p.alive) return take_running_shim(c, p);
    const bool recorded_running = c.live();
    // A run the record never saw (started, then the helper died before saving), which ended
    // while we were away. Records from before shim_started_ns existed count as accounted.
    const bool unrecorded_run =
        !recorded_running && p.has_shim_json && p.started_at_ns != c.shim_started_ns &&
        !(c.shim_started_ns == 0 && c.state == ContainerState::exited && !c.finished_at.empty());
    if (unrecorded_run) {
        c.state = ContainerState::running;
        c.shim_started_ns = p.started_at_ns;
        c.started_at = rfc3339_from_ns(p.started_at_ns);
    }
    if (recorded_running || unrecorded_run) return finish_exit(c);
    // Not running and no shim: nothing may live in its cgroup.
    if (cgroup_populated(cgroup_path(c.id)))
        if (auto r = reap_cgroup(cgroup_path(c.id)); !r) qWarning("helper: %s", r.error().message().c_str());
}

ShimProbe ShimSupervisor::probe_shim(const ContainerRecord& c) const
{
    ShimProbe p = ShimProbe::read(store_.paths(c.id).shim_dir());
    // A shim started before shim.lock existed: trust its pid and start time, as before.
    if (!p.has_lock_file)
        p.alive = c.shim_pid > 0 && c.shim_starttime != 0 && process_starttime(c.shim_pid) == c.shim_starttime;
    return p;
}

// A live shim that wrote shim.json: the container runs, whatever the record said.
void ShimSupervisor::take_running_shim(ContainerRecord& c, const ShimProbe& p)
{
    const bool missed = !c.live() || (p.has_lock_file && p.started_at_ns != c.shim_started_ns);
    if (p.has_lock_file) {
        c.pid = p.init_pid;
        c.shim_pid = p.shim_pid;
        c.pid_starttime = p.init_start_time ? p.init_start_time : process_starttime(p.init_pid);
        c.shim_starttime = process_starttime(p.shim_pid);
    }
    if (missed) {
        c.state = ContainerState::running;
        c.shim_started_ns = p.started_at_ns;
        c.started_at = rfc3339_from_ns(p.started_at_ns);
        c.finished_at.clear();
        c.exit_code = 0;
        c.oom_killed = false;
        c.stop_requested = false;
        c.error.clear();
    }
    // Paused or not is the cgroup's word.
    if (auto host = cgroup::probe_host(); host)
        if (auto cg = cgroup::open(host.value(), cgroup_path(c.id)); cg)
            if (auto fr = cg.value()->frozen(); fr)
                c.state = fr.value() ? ContainerState::paused : ContainerState::running;
    store_.save_or_report(c, Sync::process, "adopting its running shim");
    if (missed) {
        qWarning("helper: adopted container %s: its shim (pid %d) runs although the record said otherwise",
                 c.short_id().c_str(), int(p.shim_pid));
        events_->publish("start", c);
        hooks_.changed(c.id);
    }
    watch_shim(c.id);
}

void ShimSupervisor::adopt_when_readable(const std::string& id)
{
    QTimer::singleShot(1000, this, [this, id] {
        ContainerRecord* c = store_.get(id);
        if (!c || c->live() || starting(id)) return;
        const FdUse u = fd_use();
        if (u.open >= 0 && u.limit > 0 && u.open + 16 >= u.limit) return adopt_when_readable(id);
        adopt(*c);
    });
}

// A shim that holds its lock but has not written shim.json yet: started by a helper that was
// killed during the start. Wait for its verdict (the shim gives up within 60 s), then adopt.
void ShimSupervisor::await_launching_shim(const std::string& id)
{
    starting_[id] = true;
    QTimer::singleShot(20, this, [this, id] {
        ContainerRecord* c = store_.get(id);
        if (!c) {
            starting_.erase(id);
            return;
        }
        const ShimProbe p = probe_shim(*c);
        if (p.alive && !p.has_shim_json) return await_launching_shim(id);
        starting_.erase(id);
        adopt(*c);
        if (!starting_.count(id) && !c->live()) {
            auto waiters = std::move(exit_waiters_[id]);
            exit_waiters_.erase(id);
            for (auto& w : waiters) w(Status{});
        }
    });
}

void ShimSupervisor::start(const std::string& id, std::function<void(Result<pid_t>)> done, const StartOptions& so)
{
    const bool attach_wait = so.attach_wait;
    ContainerRecord* c = store_.get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    if (c->live()) return done(Error(Errc::bad_state, "container " + c->name + " is already running"));
    if (attach_wait && !c->tty && !c->open_stdin)
        return done(
            Error(Errc::bad_state, "container " + c->name +
                                       " has no terminal and no open stdin (created without tty or open_stdin): start "
                                       "it without attach and read its output with container.logs"));
    // Only a lookup: operator[] would leave a key behind on the early returns below, and
    // remove() would then answer "is starting" for ever.
    if (starting(id)) return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
    ContainerPaths cp = store_.paths(id);
    // Never a second instance: a live shim (the record lagged behind a killed helper) is
    // adopted, and processes left in the cgroup by a dead shim are killed before we launch.
    if (const ShimProbe probe = probe_shim(*c); probe.alive) {
        if (!probe.has_shim_json) {
            await_launching_shim(id);
            return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
        }
        take_running_shim(*c, probe);
        return done(Error(Errc::bad_state, "container " + c->name + " is already running"));
    }
    if (auto r = reap_cgroup(cgroup_path(id)); !r) {
        if (is_fd_exhaustion(r.error().sys_errno))
            return done(fd_exhausted("start " + c->name + ": " + r.error().context));
        return done(
            Error(Errc::busy, "container " + c->name +
                                  ": processes of an earlier run are still in its cgroup: " + r.error().message()));
    }
    // Fresh shim state for this run; upper/ is kept (a restarted container keeps its files).
    if (auto rm = remove_tree(cp.shim_dir()); !rm)
        return done(std::move(rm).error().wrap("start: clear the last run's shim dir"));
    if (::mkdir(cp.shim_dir().c_str(), 0755) < 0) return done(Error::from_errno("create shim dir"));
    for (const auto& d : {cp.rootfs(), cp.upper(), cp.work()})
        if (auto st = make_dirs(d); !st) return done(std::move(st).error().wrap("start"));

    const std::string shim = shim_.path();
    if (::access(shim.c_str(), X_OK) != 0)
        return done(Error(Errc::unsupported, "onggi-shim not found at " + shim + " (set --shim or ONGGI_SHIM)"));

    // Volume sources, opened again as the container's owner: still the very object seen at
    // create (a symlink turned since, or a directory swapped, is refused), passed as fds.
    auto held = std::make_shared<std::vector<UniqueFd>>();
    std::vector<int> pass;
    QStringList fd_args;
    if (!c->volumes.empty()) {
        const Identity who = VolumeSource::identity_of(c->owner_uid, c->owner_gid);
        for (const auto& ref : c->volumes) {
            auto src = VolumeSource::open_as(ref.source, who);
            if (!src) {
                Peer owner;
                owner.uid = c->owner_uid;
                owner.gid = c->owner_gid;
                return done(volume_source_refusal(ref.source, owner, src.error()).wrap("start " + c->name));
            }
            if (src->dev != ref.dev || src->ino != ref.ino) {
                return done(
                    Error(Errc::permission_denied, "start " + c->name + ": volume source " + ref.source +
                                                       " is no longer what it was when the container was created"));
            }
            if (c->owner_uid != 0 && src->owner != c->owner_uid) {
                return done(Error(Errc::permission_denied, "start " + c->name + ": volume source " + ref.source +
                                                               " is not owned by uid " + std::to_string(c->owner_uid)));
            }
            fd_args << shim::kMountFdArg << QString::fromStdString(shim::MountFd{ref.mount, src->fd.get()}.arg());
            pass.push_back(src->fd.get());
            held->push_back(std::move(src->fd));
        }
    }

    // Network: addresses, ports, rules, /etc files now; the veths by the shim (docs/shim.md).
    auto netfile = net_.prepare_start(net_container(*c));
    if (!netfile) return done(std::move(netfile).error().wrap("start " + c->name));

    auto* proc = new QProcess(this);
    QStringList args = {"run",
                        "--id",
                        QString::fromStdString(id),
                        "--bundle",
                        QString::fromStdString(cp.bundle),
                        "--state-dir",
                        QString::fromStdString(cp.shim_dir()),
                        "--log",
                        QString::fromStdString(cp.log())};
    if (!netfile->empty()) args << shim::kNetworkArg << QString::fromStdString(netfile.value());
    args << fd_args;
    if (c->init) args << "--init";
    // Rotation (docs/shim.md): the container's log_opts, else the helper's default.
    if (c->log_max_size != UINT64_MAX)
        args << "--log-max-size" << QString::number(c->log_max_size ? c->log_max_size : cfg_.log_max_size)
             << "--log-max-files" << QString::number(c->log_max_files ? c->log_max_files : cfg_.log_max_files);
    if (attach_wait) args << "--attach-wait";
    if (c->open_stdin && !c->tty) args << "--open-stdin";
    if (so.rows > 0 && so.cols > 0 && c->tty)
        args << "--console-size" << QStringLiteral("%1x%2").arg(so.rows).arg(so.cols);
    args << shim_.common_args();
    proc->setProgram(shim_.program());
    proc->setArguments(args);
    // In the forked child, before execve: async-signal-safe calls only. The soft open-file limit
    // the helper started with, and the volume fds (close-on-exec everywhere else) for the shim.
    proc->setChildProcessModifier([pass] {
        restore_child_fd_limit();
        for (int fd : pass) ::fcntl(fd, F_SETFD, 0);
    });
    proc->setStandardInputFile(QProcess::nullDevice());
    proc->setProcessChannelMode(QProcess::MergedChannels);
    starting_[id] = true;
    auto timer = new QTimer(proc);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, proc, [proc] { proc->kill(); });
    timer->start(60000);
    // Why QProcess could not start the shim at all (its pipes or the fork failed), if it could not.
    auto launch_error = std::make_shared<std::string>();
    auto finished = [this, id, proc, done, held, launch_error](int code, QProcess::ExitStatus status) {
        held->clear();  // the shim has its own copies by now
        proc->deleteLater();
        starting_.erase(id);
        ContainerRecord* c = store_.get(id);
        if (!c) return done(Error(Errc::not_found, "container removed while starting"));
        ContainerPaths cp = store_.paths(id);
        if (status != QProcess::NormalExit || code != 0) {
            net_.stopped(id);
            // container.wait calls that came during the start: it never ran, answer them now.
            auto waiters = std::move(exit_waiters_[id]);
            exit_waiters_.erase(id);
            for (auto& w : waiters) w(Status{});
            c = store_.get(id);
            if (!c) return done(Error(Errc::not_found, "container removed while starting"));
            // A shim that was killed during the launch may leave its container's init behind.
            if (const ShimProbe probe = probe_shim(*c); probe.alive) {
                await_launching_shim(id);
            } else if (auto r = reap_cgroup(cgroup_path(id)); !r) {
                qWarning("helper: %s", r.error().message().c_str());
            }
            // Never launched: QProcess's pipes or fork failed. At the descriptor limit that is
            // EMFILE (once, the 912th start said "onggi-shim failed (exit 127): " and no more).
            if (!launch_error->empty()) {
                const std::string what = "start " + c->name + ": onggi-shim could not be launched";
                if (helper_out_of_fds(*launch_error)) return done(fd_exhausted(what));
                return done(Error(Errc::system, what + ": " + *launch_error));
            }
            // The shim's reason, with its own code: error.json, else the line it printed last
            // (error.json may not be writable, on a full disk).
            const std::string out = proc->readAll().left(1 << 16).trimmed().toStdString();
            auto text = read_file(cp.shim_dir() + "/" + shim::kErrorFile, 1 << 16);
            auto reason = shim::ShimError::parse(
                text ? text.value() : out.substr(out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1));
            if (reason) {
                // The shim out of descriptors is at its own limit, which it got from the
                // helper's start (restore_child_fd_limit): not the helper at its.
                if (reason->sys_errno == EMFILE) return done(shim_fd_exhausted("start " + c->name, reason->to_error()));
                return done(reason->to_error().wrap("start " + c->name));
            }
            const std::string what =
                "start " + c->name + ": onggi-shim failed (" +
                (status == QProcess::NormalExit ? "exit " + std::to_string(code) : std::string("killed")) + ")";
            if (!text && is_fd_exhaustion(text.error().sys_errno))
                return done(fd_exhausted(what + "; its error.json could not be read"));
            if (out.empty()) {
                if (helper_out_of_fds({})) return done(fd_exhausted(what + " without a word"));
                return done(Error(Errc::system, what + " without a word (no error.json, no output)"));
            }
            return done(Error(Errc::system, what + ": " + out.substr(0, 2000)));
        }
        auto text = read_file(cp.shim_dir() + "/" + shim::kShimFile, 1 << 16);
        if (!text && is_fd_exhaustion(text.error().sys_errno)) {
            // The container runs and its shim watches it; the helper cannot read shim.json now.
            // It is adopted as soon as it can (and by a start before that, probe_shim).
            adopt_when_readable(id);
            return done(
                fd_exhausted("start " + c->name + ": the container was started, but its shim.json could not be read"));
        }
        auto sj = text ? shim::ShimInfo::parse(text.value()) : Result<shim::ShimInfo>(text.error());
        if (!sj)
            return done(
                Error(Errc::internal, "start " + c->name + ": shim.json missing or damaged: " + sj.error().message()));
        c->pid = sj->init_pid;
        c->shim_pid = sj->shim_pid;
        c->pid_starttime = process_starttime(c->pid);
        c->shim_starttime = process_starttime(c->shim_pid);
        c->shim_started_ns = sj->started_at_ns;
        c->error.clear();
        c->state = ContainerState::running;
        c->started_at = now_rfc3339_nano();
        c->finished_at.clear();
        c->exit_code = 0;
        c->oom_killed = false;
        c->stop_requested = false;
        // Sync::process: after a power loss the record says "running" with a dead pid, and
        // adopt() reports it as exited, as it was.
        store_.save_or_report(*c, Sync::process, "start");
        events_->publish("start", *c);
        hooks_.changed(id);
        pid_t pid = c->pid;
        watch_shim(id);  // may finish the exit at once when the container was very short
        done(pid);
    };
    connect(proc, &QProcess::finished, this, finished);
    connect(proc, &QProcess::errorOccurred, this, [proc, finished, launch_error](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        *launch_error = proc->errorString().toStdString();
        if (launch_error->empty()) *launch_error = "unknown error";
        finished(127, QProcess::CrashExit);
    });
    proc->start();
    // The peers' hosts files while the shim makes the container (a failed start takes it back).
    net_.announce(id);
}

void ShimSupervisor::watch_shim(const std::string& id)
{
    ContainerRecord* c = store_.get(id);
    if (!c) return;
    int fd = c->shim_pid > 0 ? pidfd_open(c->shim_pid) : -1;
    if (fd < 0 && c->shim_pid > 0 && is_fd_exhaustion(errno)) {
        // No descriptor to watch it with: the shim lives on; look again in a second rather
        // than take it for gone (which would kill a running container).
        qWarning("helper: container %s: cannot watch its shim: %s", c->short_id().c_str(),
                 fd_exhausted("pidfd_open").message().c_str());
        QTimer::singleShot(1000, this, [this, id] {
            if (ContainerRecord* r = store_.get(id); r && r->live() && !watch_fds_.count(id)) watch_shim(id);
        });
        return;
    }
    if (fd < 0 || process_starttime(c->shim_pid) != c->shim_starttime || c->shim_starttime == 0) {
        if (fd >= 0) ::close(fd);
        // Gone already: handle it from the event loop, not inside the caller.
        QTimer::singleShot(0, this, [this, id] { on_shim_gone(id); });
        return;
    }
    if (auto old = watch_fds_.find(id); old != watch_fds_.end()) ::close(old->second);
    watch_fds_[id] = fd;
    auto* n = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(n, &QSocketNotifier::activated, this, [this, id, n] {
        n->setEnabled(false);
        n->deleteLater();
        on_shim_gone(id);
    });
}

void ShimSupervisor::on_shim_gone(const std::string& id)
{
    if (auto it = watch_fds_.find(id); it != watch_fds_.end()) {
        ::close(it->second);
        watch_fds_.erase(it);
    }
    ContainerRecord* c = store_.get(id);
    if (!c || (!c->live())) return;
    finish_exit(*c);
}

// The shim has ended: take the exit code from exit.json, tell everyone, apply the policy.
void ShimSupervisor::finish_exit(ContainerRecord& c)
{
    const std::string id = c.id;
    auto text = read_file(store_.paths(id).shim_dir() + "/" + shim::kExitFile, 1 << 16);
    auto ej = text ? shim::ExitInfo::parse(text.value()) : Result<shim::ExitInfo>(text.error());
    if (ej) {
        c.exit_code = ej->exit_code;
        c.oom_killed = ej->oom_killed;
        int64_t ns = ej->finished_at_ns;
        c.finished_at = ns > 1000000000LL * 1000000000LL / 1000 ? rfc3339_from_ns(ns) : now_rfc3339_nano();
        c.error.clear();
    } else {
        c.exit_code = 255;  // the shim died without a word (killed, host crash)
        c.oom_killed = false;
        c.finished_at = now_rfc3339_nano();
        // Its init got SIGKILL with the shim (PR_SET_PDEATHSIG); whatever else is in the cgroup
        // has nobody watching it now: it goes too.
        c.error = text ? "onggi-shim's exit record is damaged: " + ej.error().message()
                       : "onggi-shim ended without recording the container's exit (killed?)";
        auto reaped = reap_cgroup(cgroup_path(id));
        if (!reaped) c.error += "; " + reaped.error().message();
        else if (reaped.value() > 0)
            c.error += "; " + std::to_string(reaped.value()) + " processes left in its cgroup were killed";
        qWarning("helper: container %s: %s", c.short_id().c_str(), c.error.c_str());
    }
    net_.stopped(id);  // veths, leases, ports, rules
    c.state = ContainerState::exited;
    c.pid = 0;
    c.shim_pid = 0;
    c.pid_starttime = c.shim_starttime = 0;
    store_.save_or_report(c, Sync::process,
                          "exit");  // lost in a power loss: "running" with a dead pid, which adopt() ends
    if (c.oom_killed && !events_->oom_announced(c)) events_->publish("oom", c);
    events_->publish("die", c,
                     {{"exit_code", std::to_string(c.exit_code)}, {"oom_killed", c.oom_killed ? "true" : "false"}});
    hooks_.exited(id);
    hooks_.changed(id);
    auto waiters = std::move(exit_waiters_[id]);
    exit_waiters_.erase(id);
    for (auto& w : waiters) w(Status{});

    // auto-remove, restart policy: the manager's (ContainerManager::after_exit).
    hooks_.ended(id);
}

Status ShimSupervisor::signal_init(const ContainerRecord& c, int sig) const
{
    if (c.pid <= 0 || process_starttime(c.pid) != c.pid_starttime)
        return Error(Errc::bad_state, "container " + c.name + " is not running");
    if (::kill(c.pid, sig) < 0) return Error::from_errno("signal container " + c.name);
    return {};
}

}  // namespace onggi::helper

#include "helper/exec_sessions.h"

#include "engine/core/shim_contract.h"
#include "engine/image/user_lookup.h"
#include "helper/event_bus.h"
#include "helper/fd_limit.h"
#include "helper/process_table.h"
#include "helper/shim_command.h"

#include <QProcess>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace onggi::helper {

ExecSessions::ExecSessions(ShimCommand& shim, EventBus* events, QObject* parent)
    : QObject(parent), shim_(shim), events_(events)
{
}

void ExecSessions::exec(const ContainerRecord& rec, const ContainerPaths& cp, const ExecParams& p, const Peer& peer,
                        std::function<void(Result<json>, int)> done)
{
    const ContainerRecord* c = &rec;
    const std::string id = rec.id;
    const std::string shim = shim_.path();
    if (::access(shim.c_str(), X_OK) != 0) return done(Error(Errc::unsupported, "onggi-shim not found at " + shim), -1);
    QStringList args = {"exec", "--bundle", QString::fromStdString(cp.bundle), "--state-dir",
                        QString::fromStdString(cp.shim_dir())};
    for (const auto& e : p.env) args << "--env" << QString::fromStdString(e);
    if (!p.workdir.empty()) args << "--cwd" << QString::fromStdString(p.workdir);
    if (p.uid)
        args << "--user"
             << QString::fromStdString(std::to_string(*p.uid) + ":" + std::to_string(p.gid.value_or(*p.uid)));
    if (!p.user_names.empty()) {
        // Names from the running container's own files (its upper layer included), read
        // below /proc/PID/root of its init; the pid is checked to still be that init.
        if (c->pid <= 0 || process_starttime(c->pid) != c->pid_starttime)
            return done(Error(Errc::bad_state, "container " + c->name + " is not running"), -1);
        auto ids = image::resolve_user_in({"/proc/" + std::to_string(c->pid) + "/root"}, p.user_names);
        if (!ids) return done(std::move(ids).error().wrap("user"), -1);
        args << "--user" << QString::fromStdString(std::to_string(ids->uid) + ":" + std::to_string(ids->gid));
    }
    if (p.tty) args << "--tty";
    args << shim_.common_args() << "--";
    for (const auto& a : p.cmd) args << QString::fromStdString(a);

    auto* proc = new QProcess(this);
    proc->setProgram(shim_.program());
    proc->setArguments(args);
    proc->setChildProcessModifier(restore_child_fd_limit);
    events_->publish("exec", *c, {{"command", join_command(p.cmd)}});

    if (!p.tty) {
        // Output is read as it comes and capped; the child never blocks on a full pipe.
        constexpr qint64 cap = 4 << 20;
        struct Out {
            QByteArray out, err;
            bool truncated = false;
        };
        auto o = std::make_shared<Out>();
        proc->setStandardInputFile(QProcess::nullDevice());
        auto drain = [proc, o](QProcess::ProcessChannel ch) {
            proc->setReadChannel(ch);
            QByteArray& dst = ch == QProcess::StandardOutput ? o->out : o->err;
            QByteArray data = proc->readAll();
            qint64 room = cap - dst.size();
            if (data.size() > room) {
                o->truncated = true;
                data.truncate(std::max<qint64>(0, room));
            }
            dst += data;
        };
        connect(proc, &QProcess::readyReadStandardOutput, this, [drain] { drain(QProcess::StandardOutput); });
        connect(proc, &QProcess::readyReadStandardError, this, [drain] { drain(QProcess::StandardError); });
        auto finished = [proc, o, done, drain](int code, QProcess::ExitStatus st) {
            drain(QProcess::StandardOutput);
            drain(QProcess::StandardError);
            proc->deleteLater();
            if (st != QProcess::NormalExit) return done(Error(Errc::system, "exec: onggi-shim crashed"), -1);
            // The shim's reason (one error line, docs/shim.md), with its own code.
            if (code == 125 && o->out.isEmpty())
                if (auto e = shim::ShimError::parse(o->err.trimmed().toStdString())) {
                    if (e->sys_errno == EMFILE)
                        return done(shim_fd_exhausted("exec", Error(e->code, e->message, e->sys_errno)), -1);
                    return done(Error(e->code, "exec: " + e->message, e->sys_errno), -1);
                }
            json r = {{"exit_code", code}, {"stdout", o->out.toStdString()}, {"stderr", o->err.toStdString()}};
            if (o->truncated) r["truncated"] = true;
            done(r, -1);
        };
        connect(proc, &QProcess::finished, this, finished);
        connect(proc, &QProcess::errorOccurred, this, [proc, done](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart) return;
            proc->deleteLater();
            done(Error(Errc::system, "exec: cannot run onggi-shim"), -1);
        });
        proc->start();
        return;
    }

    // Interactive: the exec gets a pty slave as its terminal; the master goes to the client.
    int master = -1, slave = -1;
    if (::openpty(&master, &slave, nullptr, nullptr, nullptr) < 0) {
        proc->deleteLater();
        return done(Error::from_errno("exec: openpty"), -1);
    }
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    ::fcntl(slave, F_SETFD, FD_CLOEXEC);
    auto session = table_.add(id, peer.uid);
    proc->setStandardInputFile(QProcess::nullDevice());
    proc->setStandardOutputFile(QProcess::nullDevice());
    proc->setStandardErrorFile(QProcess::nullDevice());
    proc->setChildProcessModifier([slave] {
        // In the forked child, before execve: async-signal-safe calls only. The shim makes the
        // pty the controlling terminal of a new session for the exec'd process (docs/shim.md).
        ::dup2(slave, 0);
        ::dup2(slave, 1);
        ::dup2(slave, 2);
        restore_child_fd_limit();
    });
    connect(proc, &QProcess::finished, this, [proc, session](int code, QProcess::ExitStatus st) {
        proc->deleteLater();
        session->finish(st == QProcess::NormalExit ? code : 255);
    });
    connect(proc, &QProcess::errorOccurred, this, [proc, session](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        proc->deleteLater();
        session->finish(127);
    });
    proc->start();
    ::close(slave);
    done(json{{"exec_id", session->id}}, master);
}

void ExecSessions::wait(int64_t exec_id, const Peer& peer, std::function<void(Result<json>)> done)
{
    auto s = table_.find(exec_id, peer);
    if (!s) return done(Error(Errc::not_found, "no such exec session"));
    if (s->done) return done(json{{"exit_code", s->exit_code}});
    s->waiters.push_back(std::move(done));
}

}  // namespace onggi::helper

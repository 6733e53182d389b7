// MemberFixture: a private onggi-helper (own socket, state, run dir, cgroup parent, its own
// subuid/subgid files in the temp dir -- never the host's) whose group is one this fixture
// creates, with real non-root members (useradd --system: no range in the host's /etc/subuid),
// and onggictl run as root or as one of them. Everything is removed in the destructor.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <vector>

namespace secfix {

struct Member {
    QString name, home;
    uid_t uid = 0;
    gid_t gid = 0;
};

struct CtlResult {
    int code = -1;
    QString out, err;
};

class MemberFixture {
public:
    static QString binaryDir()
    {
        const QByteArray b = qgetenv("ONGGI_BINARY_DIR");
        return b.isEmpty() ? QStringLiteral(ONGGI_BINARY_DIR) : QString::fromLocal8Bit(b);
    }
    static QString onggictl() { return binaryDir() + "/cli/onggictl"; }
    static QString helper() { return binaryDir() + "/helper/onggi-helper"; }
    static QString shim() { return binaryDir() + "/bin/onggi-shim"; }
    static QString skipReason()
    {
        if (::geteuid() != 0) return "needs root: creates users and runs a real onggi-helper";
        for (const QString& p : {onggictl(), helper(), shim()})
            if (!QFile::exists(p)) return p + " is not built";
        if (QProcess::execute("sh", {"-c", "command -v useradd >/dev/null && command -v groupadd >/dev/null"}) != 0)
            return "useradd/groupadd missing";
        return {};
    }

    MemberFixture()
    {
        group_ = QStringLiteral("ongt%1").arg(::getpid());
        cgroupParent_ = QStringLiteral("/onggi-test-sec-%1").arg(::getpid());
    }
    ~MemberFixture()
    {
        stop();
        for (const Member& m : members_) QProcess::execute("userdel", {m.name});
        QProcess::execute("groupdel", {group_});
    }

    QString path(const QString& rel) const { return dir_.filePath(rel); }
    QString subuidFile() const { return path("subuid"); }
    QString subgidFile() const { return path("subgid"); }
    QString stateDir() const { return path("state"); }
    QString why() const { return why_; }

    // Creates the group and the temp tree, starts the helper.
    bool start()
    {
        if (!dir_.isValid()) return fail("no temp dir");
        ::chmod(QFile::encodeName(dir_.path()).constData(), 0755);  // members reach their homes and the socket
        if (QProcess::execute("groupadd", {"--system", group_}) != 0) return fail("groupadd " + group_);
        groupMade_ = true;
        for (const char* d : {"state", "run", "homes"}) QDir(dir_.path()).mkpath(d);
        ::chmod(QFile::encodeName(path("homes")).constData(), 0755);
        QFile(subuidFile()).open(QIODevice::WriteOnly);
        QFile(subgidFile()).open(QIODevice::WriteOnly);
        helper_.setProcessChannelMode(QProcess::MergedChannels);
        helper_.setStandardOutputFile(path("helper.log"));
        helper_.start(helper(), {"--socket", path("helper.sock"), "--state-dir", stateDir(), "--run-dir", path("run"),
                                 "--cgroup-parent", cgroupParent_, "--shim", shim(), "--group", group_, "--subuid-file",
                                 subuidFile(), "--subgid-file", subgidFile()});
        if (!helper_.waitForStarted(10000)) return fail("cannot start the helper");
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000) {
            if (helper_.state() != QProcess::Running) return fail("the helper exited: " + helperLog());
            if (socketAccepts(path("helper.sock"))) return true;
            QThread::msleep(20);
        }
        return fail("the helper's socket did not come up");
    }

    // A real user, member of the fixture's group, with a home directory of their own.
    bool addMember(Member* out)
    {
        const QString name = QStringLiteral("%1%2").arg(group_).arg(char('a' + members_.size()));
        const QString home = path("homes/" + name);
        if (QProcess::execute("useradd", {"--system", "-M", "-d", home, "-s", "/bin/sh", "-U", "-G", group_, name}) !=
            0)
            return fail("useradd " + name);
        Member m;
        m.name = name;
        m.home = home;
        members_.push_back(m);
        struct passwd* pw = ::getpwnam(name.toUtf8().constData());
        if (!pw) return fail("getpwnam " + name);
        members_.back().uid = pw->pw_uid;
        members_.back().gid = pw->pw_gid;
        QDir().mkpath(home);
        if (::chown(QFile::encodeName(home).constData(), pw->pw_uid, pw->pw_gid) != 0) return fail("chown home");
        ::chmod(QFile::encodeName(home).constData(), 0755);
        *out = members_.back();
        return true;
    }

    // onggictl as root (as == nullptr) or as the member (their uid, gid and groups).
    CtlResult ctl(const Member* as, const QStringList& args, int timeoutMs = 90000) const
    {
        QProcess p;
        if (as) {
            const uid_t uid = as->uid;
            const gid_t gid = as->gid;
            struct group* g = ::getgrnam(group_.toUtf8().constData());
            const gid_t extra = g ? g->gr_gid : gid;
            p.setChildProcessModifier([uid, gid, extra] {
                gid_t groups[2] = {gid, extra};
                if (::setgroups(2, groups) != 0 || ::setresgid(gid, gid, gid) != 0 || ::setresuid(uid, uid, uid) != 0)
                    ::_exit(126);
            });
            p.setWorkingDirectory(as->home);
        }
        p.start(onggictl(), QStringList{"--host", path("helper.sock")} + args);
        CtlResult r;
        if (!p.waitForStarted(10000)) return r;
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs)) {  // bounds a hang; never a pass criterion
            p.kill();
            p.waitForFinished(5000);
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // The helper's record of one container (onggictl inspect).
    QJsonObject inspect(const Member* as, const QString& ref) const
    {
        const CtlResult r = ctl(as, {"inspect", ref});
        const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8());
        if (d.isArray() && !d.array().isEmpty()) return d.array().at(0).toObject();
        return d.object();
    }

    QString helperLog() const
    {
        QFile f(path("helper.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).right(3000) : QString();
    }

    void stop()
    {
        if (helper_.state() == QProcess::Running) {
            const CtlResult ids = ctl(nullptr, {"ps", "-aq", "--no-trunc"}, 20000);
            const QStringList list = ids.out.split('\n', Qt::SkipEmptyParts);
            if (!list.isEmpty()) ctl(nullptr, QStringList{"rm", "-f"} + list, 60000);
            ::kill(pid_t(helper_.processId()), SIGTERM);  // our child, by pid
            if (!helper_.waitForFinished(10000)) {
                helper_.kill();
                helper_.waitForFinished(5000);
            }
        }
        const QByteArray parent = QFile::encodeName(cgroupParent_);
        QDir fs("/sys/fs/cgroup");
        for (const QString& h : fs.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            ::rmdir((QFile::encodeName(fs.filePath(h)) + parent).constData());
        ::rmdir((QByteArray("/sys/fs/cgroup") + parent).constData());
    }

private:
    bool fail(const QString& why)
    {
        why_ = why;
        return false;
    }
    static bool socketAccepts(const QString& p)
    {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        const QByteArray b = QFile::encodeName(p);
        std::memcpy(a.sun_path, b.constData(), size_t(qMin<qsizetype>(b.size(), sizeof a.sun_path - 1)));
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(fd);
        return ok;
    }

    QTemporaryDir dir_{QDir::tempPath() + "/onggi-sec-XXXXXX"};
    QString group_, cgroupParent_, why_;
    bool groupMade_ = false;
    std::vector<Member> members_;
    QProcess helper_;
};

}  // namespace secfix

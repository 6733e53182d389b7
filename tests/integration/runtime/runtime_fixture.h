// Shared helpers of the tests that run containers through onggi-runtime / onggi-shim (runtime,
// cgroup and security tests): the work dir with a busybox rootfs, bundles written from engine
// specs, program runs, and the kernel's view (namespaces, cgroup directories, mount table) to
// check against.
#pragma once

#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/spec/spec.h"

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace rtfix {

inline QString binary(const char* name)
{
    QByteArray dir = qgetenv("ONGGI_BINARY_DIR");
    if (dir.isEmpty()) dir = ONGGI_BINARY_DIR;
    return QString::fromUtf8(dir) + "/bin/" + name;
}

struct Run {
    int code = -1;
    QString out, err;
};

// Run a program to its end. `in_child` runs between fork and exec (e.g. to leak an fd on
// purpose). The timeout bounds a hang; it is never a pass/fail criterion.
inline Run run(const QString& program, const QStringList& args, int timeout_ms = 60000,
               const std::function<void()>& in_child = {})
{
    QProcess p;
    if (in_child) p.setChildProcessModifier(in_child);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program;
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeout_ms)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline std::string unique_id(const char* what, const char* prefix = "rt-")
{
    static std::atomic<int> n{0};
    return std::string(prefix) + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++);
}

// Is bin/<name> built?
inline bool built(const char* name) { return ::access(binary(name).toUtf8().constData(), X_OK) == 0; }

// The work dir of a test: traversable by all (a user-namespaced container's root, an unmapped
// host uid, must reach the rootfs), a busybox rootfs in it and the path of a state root.
// Empty on success, else what failed.
inline std::string prepare_workdir(const QTemporaryDir& work, std::string& rootfs, std::string& state_root)
{
    if (!work.isValid()) return "no temporary directory";
    const std::string dir = work.path().toStdString();
    if (::chmod(dir.c_str(), 0755) < 0) return "chmod " + dir;
    rootfs = dir + "/rootfs";
    state_root = dir + "/state";
    auto r = onggi::image::make_busybox_rootfs(rootfs);
    return r ? std::string() : r.error().message();
}

// A ready-made spec for tests: busybox rootfs (absolute path), the default mounts and namespaces.
inline onggi::spec::Spec test_spec(const std::string& rootfs, std::vector<std::string> args)
{
    onggi::spec::Spec s = onggi::spec::default_spec();
    s.root.path = rootfs;
    s.process.args = std::move(args);
    s.hostname = "onggi-test";
    return s;
}

inline bool write_bundle(const std::string& dir, const onggi::spec::Spec& s)
{
    if (!onggi::make_dirs(dir)) return false;
    return bool(onggi::write_file_atomic(dir + "/config.json", onggi::spec::to_json(s)));
}

inline ino_t ns_inode(const std::string& pid, const char* ns)
{
    struct stat st;
    std::string p = "/proc/" + pid + "/ns/" + ns;
    if (::stat(p.c_str(), &st) < 0) return 0;
    return st.st_ino;
}

// Does any hierarchy still have this cgroup directory?
inline bool cgroup_exists(const std::string& path)
{
    QDir root("/sys/fs/cgroup");
    struct stat st;
    if (::stat(("/sys/fs/cgroup" + path).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
    for (const QString& h : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        std::string d = "/sys/fs/cgroup/" + h.toStdString() + path;
        if (::stat(d.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
    }
    return false;
}

inline bool host_mounts_mention(const std::string& needle)
{
    auto t = onggi::read_file("/proc/self/mountinfo");
    return t && t.value().find(needle) != std::string::npos;
}

inline bool process_exists(pid_t pid)
{
    if (pid <= 0) return false;
    auto t = onggi::read_file("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!t) return false;
    auto close = t.value().rfind(')');
    return close != std::string::npos && close + 2 < t.value().size() && t.value()[close + 2] != 'Z';
}

// Poll a condition (never a pass/fail by timing: the deadline only bounds a hang).
inline bool eventually(const std::function<bool()>& cond, int timeout_ms = 15000)
{
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < end) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return cond();
}

}  // namespace rtfix

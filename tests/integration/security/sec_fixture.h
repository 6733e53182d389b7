// Helpers of the security attack tests: a busybox rootfs with the sec_probe fixture, bundles
// from default_spec() + security::apply_options(), onggi-runtime runs, probe output parsing.
#pragma once

#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/security/security.h"
#include "engine/spec/spec.h"

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <unistd.h>

#include <atomic>
#include <functional>
#include <string>

namespace secfix {

inline QString binary(const char* name)
{
    QByteArray dir = qgetenv("ONGGI_BINARY_DIR");
    if (dir.isEmpty()) dir = ONGGI_BINARY_DIR;
    return QString::fromUtf8(dir) + "/bin/" + name;
}

struct Run {
    int code = -1;
    qint64 pid = 0;
    QString out, err;
};

// Run a program to its end. `in_child` runs between fork and exec (e.g. to leak an fd on purpose).
inline Run run(const QString& program, const QStringList& args, std::function<void()> in_child = {},
               int timeout_ms = 120000)
{
    QProcess p;
    if (in_child) p.setChildProcessModifier(in_child);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program;
        return r;
    }
    r.pid = p.processId();
    p.closeWriteChannel();
    if (!p.waitForFinished(timeout_ms)) {  // bounds a hang; never a pass/fail criterion
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

inline std::string unique_id(const char* what)
{
    static std::atomic<int> n{0};
    return std::string("sec-") + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++);
}

// sec_probe prints "<step>: ok ..." or "<step>: errno N NAME"; map step -> rest of line.
inline QMap<QString, QString> parse_probe(const QString& out)
{
    QMap<QString, QString> m;
    for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
        int colon = line.indexOf(": ");
        if (colon > 0) m.insert(line.left(colon), line.mid(colon + 2));
    }
    return m;
}

} // namespace secfix

// CliFixture: a real onggi-helper (own socket, state and run dirs in a temp dir, own cgroup
// parent) and a way to run the real onggictl against it.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace onggi::test {

struct CliResult {
    int exitCode = -1;
    QByteArray out, err;
    bool finished = false;
};

class CliFixture {
public:
    CliFixture();
    ~CliFixture();

    static QString binaryDir();
    static QString onggictl();
    static QString helper();
    static QString shim();  // empty when not built
    // Why these tests cannot run here (not root, onggictl or onggi-helper not built), or empty.
    static QString skipReason();

    // Starts the helper and waits (up to 20 s) until its socket accepts. On false, why().
    bool start();
    QString why() const { return why_; }
    QString socket() const { return socket_; }
    QString cgroupParent() const { return cgroupParent_; }
    QByteArray helperLog() const;

    // Runs onggictl with --host <socket> and args; stdin given; up to timeoutMs.
    CliResult run(const QStringList& args, const QByteArray& stdinData = {}, int timeoutMs = 60000) const;
    // A QProcess of onggictl left running (events, logs -f); the caller ends it.
    QProcess* startBackground(const QStringList& args) const;
    // Removes every container the helper has (force), stops the helper, removes the cgroup parents.
    void shutdown();

private:
    QTemporaryDir dir_;
    QString socket_, cgroupParent_, why_;
    QProcess helper_;
};

}  // namespace onggi::test

// ShimCommand: which onggi-shim the helper runs and how: its path (--shim, beside the helper,
// the build tree, libexec), the sealed copy QProcess executes (CVE-2019-5736, made once, see
// security::SealedExecutable), and the arguments every shim gets. Shared by the launch of a
// container (ShimSupervisor) and of an exec (ExecSessions).
#pragma once

#include "engine/core/result.h"
#include "engine/security/security.h"
#include "helper/helper_config.h"

#include <QString>
#include <QStringList>

#include <string>

namespace onggi::helper {

class ShimCommand {
public:
    explicit ShimCommand(const HelperConfig& cfg) : cfg_(cfg) {}
    std::string path() const;
    // What QProcess runs: the sealed copy of path(), or the file itself if no copy can be made.
    QString program();
    // Arguments every shim gets: the directory of compiled seccomp programs.
    QStringList common_args() const;

private:
    const HelperConfig& cfg_;
    security::SealedExecutable exe_;
};

}  // namespace onggi::helper

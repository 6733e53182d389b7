#include "helper/shim_command.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace onggi::helper {

std::string ShimCommand::path() const
{
    if (!cfg_.shim.empty()) return cfg_.shim;
    const QString beside = QCoreApplication::applicationDirPath() + "/onggi-shim";
    if (QFileInfo(beside).isExecutable()) return beside.toStdString();
    // The build tree: <build>/helper/onggi-helper next to <build>/bin/onggi-shim.
    const QString build = QCoreApplication::applicationDirPath() + "/../bin/onggi-shim";
    if (QFileInfo(build).isExecutable()) return QFileInfo(build).canonicalFilePath().toStdString();
    return std::string(ONGGI_LIBEXECDIR) + "/onggi-shim";
}

QString ShimCommand::program()
{
    const std::string p = path();
    auto sealed = exe_.exec_path(p);
    if (!sealed) {
        qWarning("%s (the shim copies itself)", sealed.error().message().c_str());
        return QString::fromStdString(p);
    }
    return QString::fromStdString(sealed.value());
}

QStringList ShimCommand::common_args() const
{
    return {"--seccomp-cache", QString::fromStdString(cfg_.run_dir + "/seccomp")};
}

}  // namespace onggi::helper

// One function per onggictl command (crun's layout: one small file each). Each gets the
// arguments after its name and returns the process exit code.
#pragma once

#include "cli/cli_context.h"

#include <QStringList>

namespace onggi::cli {

int cmdRun(CliContext& ctx, const QStringList& args);
int cmdCreate(CliContext& ctx, const QStringList& args);
int cmdPs(CliContext& ctx, const QStringList& args);
int cmdStart(CliContext& ctx, const QStringList& args);
int cmdAttach(CliContext& ctx, const QStringList& args);
int cmdStop(CliContext& ctx, const QStringList& args);
int cmdRestart(CliContext& ctx, const QStringList& args);
int cmdKill(CliContext& ctx, const QStringList& args);
int cmdRm(CliContext& ctx, const QStringList& args);
int cmdPause(CliContext& ctx, const QStringList& args);
int cmdUnpause(CliContext& ctx, const QStringList& args);
int cmdLogs(CliContext& ctx, const QStringList& args);
int cmdExec(CliContext& ctx, const QStringList& args);
int cmdInspect(CliContext& ctx, const QStringList& args);
int cmdUpdate(CliContext& ctx, const QStringList& args);
int cmdTop(CliContext& ctx, const QStringList& args);
int cmdImages(CliContext& ctx, const QStringList& args);
int cmdRmi(CliContext& ctx, const QStringList& args);
int cmdPull(CliContext& ctx, const QStringList& args);
int cmdHistory(CliContext& ctx, const QStringList& args);
int cmdImageInspect(CliContext& ctx, const QStringList& args);
int cmdImage(CliContext& ctx, const QStringList& args);
int cmdImagePrune(CliContext& ctx, const QStringList& args);
int cmdTag(CliContext& ctx, const QStringList& args);
int cmdSave(CliContext& ctx, const QStringList& args);
int cmdLoad(CliContext& ctx, const QStringList& args);
int cmdCommit(CliContext& ctx, const QStringList& args);
int cmdSystem(CliContext& ctx, const QStringList& args);
// images.pull with per-layer progress on stdout or stderr (cmd_pull.cpp).
client::RpcResult pullImage(CliContext& ctx, const QString& image, const QJsonObject& auth, bool quiet, bool toStderr);
// container.create; when the image is not here, pull it (progress on stderr) and create again.
// images.load / images.save with the helper's images.archive.progress shown on stderr while it
// runs (cli/archive_progress_view.h), when params ask for "progress".
client::RpcResult callWithArchiveProgress(CliContext& ctx, const QString& method, const QJsonObject& params);
client::RpcResult createPullingIfAbsent(CliContext& ctx, const QJsonObject& createParams);
int cmdStats(CliContext& ctx, const QStringList& args);
int cmdEvents(CliContext& ctx, const QStringList& args);
int cmdVersion(CliContext& ctx, const QStringList& args);
int cmdInfo(CliContext& ctx, const QStringList& args);
int cmdNetwork(CliContext& ctx, const QStringList& args);
int cmdPort(CliContext& ctx, const QStringList& args);

}  // namespace onggi::cli

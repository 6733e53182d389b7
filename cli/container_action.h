// ContainerAction: "stop a b c" and friends: one request per container, all pipelined, each id
// printed as the user wrote it on success, each error on stderr; exit 1 if any failed (docker).
#pragma once

#include "cli/cli_context.h"

#include <QJsonObject>
#include <QStringList>

namespace onggi::cli {

class ContainerAction {
public:
    static int run(CliContext& ctx, const QStringList& ids, const QString& method, const QJsonObject& extra = {},
                   const QString& idKey = QStringLiteral("id"));
    // A command that takes only container names (start, pause, unpause).
    static int simple(CliContext& ctx, const QStringList& args, const char* name, const QString& usage,
                      const QString& summary, const QString& method);
    // stop / restart: -t/--time seconds.
    static int stopLike(CliContext& ctx, const QStringList& args, const char* name, const QString& usage,
                        const QString& summary, const QString& method);
};

}  // namespace onggi::cli

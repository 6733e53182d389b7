// CreateOptions: the params of container.create (docs/protocol.md). Only image is required;
// toJson() leaves out what was not set so the helper's defaults apply.
#pragma once

#include "client/limits.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace onggi::client {

struct VolumeSpec {
    QString source, target;
    bool readonly = false;
};

struct NamespaceOptions {
    QString network;  // "" (helper default) | private | host | none
    std::optional<bool> pid, ipc, uts, cgroup, time, user;
};

struct SecurityOptions {
    QStringList capAdd, capDrop;
    QString seccomp;  // "" (default) | default | unconfined | /abs/profile.json
    bool readOnly = false, privileged = false, userns = false;
};

struct CreateOptions {
    QString name, image;
    QStringList cmd, env;
    QString hostname, workdir, user;  // user "uid[:gid]"
    bool tty = false, init = false, autoRemove = false;
    bool openStdin = false;  // -i without -t: stdin is a pipe, written through the start's attach socket
    QString restart;  // "" | no | on-failure | on-failure:N | always
    QMap<QString, QString> logOpts;  // docker's --log-opt: max-size, max-file
    Limits limits;
    NamespaceOptions namespaces;
    QList<VolumeSpec> volumes;
    SecurityOptions security;

    QJsonObject toJson() const;
};

} // namespace onggi::client

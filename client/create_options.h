// CreateOptions: the params of container.create (docs/protocol.md). Only image is required;
// toJson() leaves out what was not set so the helper's defaults apply.
#pragma once

#include "client/limits.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
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

// One published port (-p [ip:][hostPort:]containerPort[/tcp|/udp]); hostPort 0 = any free one.
struct PortSpec {
    QString hostIp;
    int hostPort = 0;
    int containerPort = 0;
    QString protocol = QStringLiteral("tcp");
    enum class Problem { none, syntax, range, protocol, address };
    // Docker's -p syntax. On a problem, *problem says which and the result is empty.
    static std::optional<PortSpec> parse(const QString& text, Problem* problem);
};

// The network a container gets and what it publishes (container.create's network keys).
struct NetworkOptions {
    QList<PortSpec> ports;
    bool publishAll = false;                    // -P: every --expose port on a free host port
    QList<PortSpec> expose;                     // containerPort + protocol
    QString ip;                                 // --ip
    QStringList dns;                            // --dns
    QList<QPair<QString, QString>> extraHosts;  // --add-host name:ip
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
    bool openStdin = false;          // -i without -t: stdin is a pipe, written through the start's attach socket
    QString restart;                 // "" | no | on-failure | on-failure:N | always
    QMap<QString, QString> logOpts;  // docker's --log-opt: max-size, max-file
    Limits limits;
    NamespaceOptions namespaces;
    QList<VolumeSpec> volumes;
    SecurityOptions security;
    NetworkOptions network;

    QJsonObject toJson() const;
};

}  // namespace onggi::client

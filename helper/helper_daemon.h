// HelperDaemon: wires the parts together (dispatcher, container manager, event bus, log
// followers, socket server) and handles SIGTERM/SIGINT (a clean exit; containers keep running
// under their shims and are re-adopted by the next helper).
#pragma once

#include "helper/handlers/handlers.h"
#include "helper/helper_config.h"
#include "helper/polkit_authority.h"
#include "helper/server.h"

#include <QObject>

namespace onggi::helper {

class HelperDaemon : public QObject {
    Q_OBJECT
public:
    explicit HelperDaemon(HelperConfig cfg, QObject* parent = nullptr);
    ~HelperDaemon() override;

    Status start();
    Dispatcher* dispatcher() { return &dispatcher_; }
    ContainerManager* containers() { return containers_; }

private:
    HelperConfig cfg_;
    Dispatcher dispatcher_;
    EventBus* events_;
    LogFollowers* logs_;
    WorkerThreads* workers_;
    ContainerManager* containers_;
    PolkitAuthority* polkit_;
    PolicyGate gate_;
    Server* server_ = nullptr;
    HelperContext ctx_;
    int sigfd_ = -1;
};

}  // namespace onggi::helper

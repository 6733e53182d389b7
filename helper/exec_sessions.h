// ExecSessions: container.exec through `onggi-shim exec` (docs/protocol.md, docs/shim.md). With
// pipes, the output is collected (capped) and answered at the end; with a terminal, the shim
// gets a pty slave, the master goes to the client, and the session waits in ExecSessionTable
// for container.exec.wait. Main thread only.
#pragma once

#include "engine/core/result.h"
#include "helper/container_record.h"
#include "helper/exec_session_table.h"
#include "helper/params.h"
#include "helper/peer.h"
#include "helper/spec_builder.h"

#include <QObject>

#include <functional>

namespace onggi::helper {

class EventBus;
class ShimCommand;

class ExecSessions : public QObject {
    Q_OBJECT
public:
    ExecSessions(ShimCommand& shim, EventBus* events, QObject* parent = nullptr);

    // `c` is running (the caller checked its state).
    void exec(const ContainerRecord& c, const ContainerPaths& cp, const ExecParams& p, const Peer& peer,
              std::function<void(Result<json>, int pty_master)> done);
    void wait(int64_t exec_id, const Peer& peer, std::function<void(Result<json>)> done);
    ExecSessionTable& table() { return table_; }

private:
    ShimCommand& shim_;
    EventBus* events_;
    ExecSessionTable table_;
};

}  // namespace onggi::helper

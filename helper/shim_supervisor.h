// ShimSupervisor: one onggi-shim per container run (docs/shim.md). It launches the shim with the
// container's volume fds and network, takes its verdict (shim.json, error.json), watches it with
// a pidfd, records the exit from exit.json, and re-adopts shims found when the helper starts
// (crash consistency: the shim's lock and files decide, helper/shim_probe.h). What happens after
// an exit (auto-remove, the restart policy) is the manager's: Hooks::ended. Main thread only.
#pragma once

#include "engine/core/result.h"
#include "helper/container_record.h"
#include "helper/helper_config.h"
#include "helper/net/network_manager.h"
#include "helper/shim_probe.h"
#include "helper/spec_builder.h"

#include <QObject>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace onggi::helper {

class ContainerStore;
class EventBus;
class ShimCommand;

// What the network manager needs of a container.
NetContainer net_container(const ContainerRecord& c, const ContainerPaths& p);

class ShimSupervisor : public QObject {
    Q_OBJECT
public:
    struct Hooks {
        std::function<void(const std::string& id)> changed;  // any change of the record
        std::function<void(const std::string& id)> exited;   // it stopped running (log followers)
        std::function<void(const std::string& id)> ended;    // after the exit is recorded and the waiters answered
    };
    // attach_wait: a terminal container's init is held before execve until the first attacher
    // connects to the shim's attach socket (onggi-shim --attach-wait), at most 10 s; rows/cols:
    // the terminal's size from the start (onggi-shim --console-size), 0 = the kernel's default.
    struct StartOptions {
        bool attach_wait = false;
        uint16_t rows = 0, cols = 0;
    };

    ShimSupervisor(const HelperConfig& cfg, ContainerStore& store, NetworkManager& net, EventBus* events,
                   ShimCommand& shim, Hooks hooks, QObject* parent = nullptr);
    ~ShimSupervisor() override;

    void start(const std::string& id, std::function<void(Result<pid_t>)> done, const StartOptions& so);
    // A container found on disk at the helper's start.
    void adopt(ContainerRecord& c);
    // Crash consistency (helper/shim_probe.h): the shim's own files and lock, not the record,
    // say whether a container runs. A live shim is taken as running; one still launching is
    // waited for; processes in a cgroup whose shim is gone are killed.
    ShimProbe probe_shim(const ContainerRecord& c) const;
    void take_running_shim(ContainerRecord& c, const ShimProbe& p);
    void await_launching_shim(const std::string& id);
    // A shim launched while the helper had no descriptor to read its shim.json with: adopt it
    // (ShimSupervisor::adopt) once the helper has some again, looking each second.
    void adopt_when_readable(const std::string& id);
    bool starting(const std::string& id) const { return starting_.count(id) != 0; }
    // Called once the container is not running any more (or its start failed).
    void on_exit(const std::string& id, std::function<void(Status)> w) { exit_waiters_[id].push_back(std::move(w)); }
    // A signal to the container's init, if it is still the process recorded.
    Status signal_init(const ContainerRecord& c, int sig) const;
    std::string cgroup_path(const std::string& id) const { return cfg_.cgroup_parent + "/" + id; }

private:
    void watch_shim(const std::string& id);
    void on_shim_gone(const std::string& id);
    void finish_exit(ContainerRecord& c);
    NetContainer net_container(const ContainerRecord& c) const;

    const HelperConfig& cfg_;
    ContainerStore& store_;
    NetworkManager& net_;
    EventBus* events_;
    ShimCommand& shim_;
    Hooks hooks_;
    std::map<std::string, std::vector<std::function<void(Status)>>> exit_waiters_;
    std::map<std::string, int> watch_fds_;  // id -> pidfd of the shim
    std::map<std::string, bool> starting_;
};

}  // namespace onggi::helper

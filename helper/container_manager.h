// ContainerManager: the lifecycle of every container of this helper, the one object the handlers
// call. It decides (create, start, stop, kill, pause, resume, remove, update, networks, the
// restart policy after an exit) and hands each job to its owner:
//   records, lookup, container.json       ContainerStore   (helper/container_store.h)
//   shim launch, watch, exit, re-adoption ShimSupervisor   (helper/shim_supervisor.h)
//   which shim binary, its common args    ShimCommand      (helper/shim_command.h)
//   exec and its pty sessions             ExecSessions     (helper/exec_sessions.h)
//   the attach socket                     connect_attach_socket (helper/attach_socket.h)
//   restart decision and back-off         restart_due/restart_delay_ms (helper/restart_policy.h)
//   /proc for container.top               ProcessTable     (helper/process_table.h)
//   wire JSON                             container_json.h, the handlers
// Main thread only; long operations complete through callbacks, never by blocking the event loop.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/result.h"
#include "engine/image/image_store.h"
#include "helper/container_record.h"
#include "helper/container_store.h"
#include "helper/exec_sessions.h"
#include "helper/helper_config.h"
#include "helper/net/network_manager.h"
#include "helper/params.h"
#include "helper/peer.h"
#include "helper/process_table.h"
#include "helper/shim_command.h"
#include "helper/shim_probe.h"
#include "helper/shim_supervisor.h"
#include "helper/spec_builder.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace onggi::helper {

class EventBus;

class ContainerManager : public QObject {
    Q_OBJECT
public:
    ContainerManager(HelperConfig cfg, EventBus* events, QObject* parent = nullptr);
    ~ContainerManager() override;

    // Directories, the built-in image, then every container found on disk is re-adopted.
    Status init();

    const HelperConfig& config() const { return cfg_; }
    image::ImageStore& images() { return images_; }
    EventBus* events() const { return events_; }
    bool cgroup_v2() const { return cgroup_v2_; }
    // The host's cgroup setup, probed once at init (cgroup::probe_host); an error when it has none.
    const Result<cgroup::HostInfo>& cgroup_host() const { return host_; }
    // The container's cgroup, opened through the one host probe.
    Result<std::unique_ptr<cgroup::Cgroup>> open_cgroup(const std::string& id) const;
    NetworkManager& networks() { return *net_; }
    const NetworkManager& networks() const { return *net_; }
    // What the network manager needs of a container.
    NetContainer net_container(const ContainerRecord& c) const { return helper::net_container(c, paths(c.id)); }
    // network.connect / network.disconnect of one container (docs/protocol.md).
    Status connect_network(const std::string& id, const std::string& network);
    Status disconnect_network(const std::string& id, const std::string& network);
    // Names of the containers that use a network (network.remove refuses while any does).
    std::vector<std::string> network_users(const std::string& network) const;

    // Resolve a full id, unique id prefix (>= 3 hex) or name, among what `peer` may see.
    // Others' containers are not_found.
    Result<ContainerRecord*> find(const std::string& ref, const Peer& peer) { return store_.find(ref, peer); }
    std::vector<const ContainerRecord*> visible(const Peer& peer, bool all) const { return store_.visible(peer, all); }
    ContainerPaths paths(const std::string& id) const { return store_.paths(id); }

    Result<ContainerRecord*> create(const CreateParams& p, const Peer& peer);
    using StartOptions = ShimSupervisor::StartOptions;
    void start(const std::string& id, std::function<void(Result<pid_t>)> done, const StartOptions& so)
    {
        supervisor_.start(id, std::move(done), so);
    }
    void start(const std::string& id, std::function<void(Result<pid_t>)> done)
    {
        start(id, std::move(done), StartOptions{});
    }
    void stop(const std::string& id, int timeout_s, std::function<void(Status)> done);
    void restart(const std::string& id, int timeout_s, std::function<void(Status)> done);
    Status kill(const std::string& id, int sig);
    Status pause(const std::string& id);
    Status resume(const std::string& id);
    void remove(std::string id, bool force, std::function<void(Status)> done);
    Result<Limits> update(const std::string& id, const Limits& l);
    // The processes in its cgroup (container.top; the JSON is container_json.h's).
    Result<std::vector<ProcessRow>> top(const std::string& id);

    // The containers made from the image, in any state (images.remove).
    std::vector<const ContainerRecord*> image_users(const std::string& image_id) const
    {
        return store_.image_users(image_id);
    }
    // Every layer ("sha256:<hex>") that some container's overlay uses, read from the
    // containers' config.json: what images.remove with force and layer collection must keep.
    std::set<std::string> layers_in_use() const;

    // Attach (docs/protocol.md container.attach): a new connection to the shim's attach socket
    // of a running terminal container; the caller owns the returned fd.
    // at_start: for container.start with attach, which may also attach a non-terminal
    // container with an open stdin (its input only).
    Result<int> attach(const std::string& id, bool at_start = false);
    // container.wait: {"exit_code","oom_killed"} once the container is not running (at once
    // when it is not running now).
    void wait(const std::string& id, std::function<void(Result<json>)> done);

    // Exec (docs/protocol.md container.exec).
    void exec(const std::string& id, const ExecParams& p, const Peer& peer,
              std::function<void(Result<json>, int pty_master)> done);
    void exec_wait(int64_t exec_id, const Peer& peer, std::function<void(Result<json>)> done)
    {
        execs_.wait(exec_id, peer, std::move(done));
    }

    // Called when a container stops running (for log followers).
    void on_exit(std::function<void(const std::string& id)> cb) { exit_listeners_.push_back(std::move(cb)); }
    // Called after any change of a container: create, start, exit, pause, resume, update, remove
    // (then get_record() is null). For services such as stats that track running containers.
    void on_change(std::function<void(const std::string& id)> cb) { change_listeners_.push_back(std::move(cb)); }
    const ContainerRecord* get_record(const std::string& id) const { return store_.get(id); }
    // Every container (for services running as root on behalf of all users; filter by
    // Peer::may_see before showing anything to a client).
    std::vector<const ContainerRecord*> all() const { return store_.all(); }
    // The container's cgroup path ("<cgroup parent>/<id>").
    std::string cgroup_path(const std::string& id) const { return supervisor_.cgroup_path(id); }
    ExecSessions& exec_sessions() { return execs_; }

private:
    ContainerRecord* get(const std::string& id) { return store_.get(id); }
    // After an exit was recorded: auto-remove, or a start again by the restart policy.
    void after_exit(const std::string& id);
    // A save that failed: the log (ContainerStore) and an `error` event for its owner.
    void save_failed(const ContainerRecord& c, const Error& e);
    Status place_in_delegated_cgroup();

    HelperConfig cfg_;
    EventBus* events_;
    image::ImageStore images_;
    std::unique_ptr<NetworkManager> net_;
    bool cgroup_v2_ = false;
    Result<cgroup::HostInfo> host_ = Error(Errc::unsupported, "cgroups not probed yet");
    ContainerStore store_;
    ShimCommand shim_;
    ShimSupervisor supervisor_;
    ExecSessions execs_;
    std::vector<std::function<void(const std::string&)>> exit_listeners_;
    std::vector<std::function<void(const std::string&)>> change_listeners_;
    // By value: a listener may look up or erase records, and callers often pass a record's own id.
    void changed(std::string id)
    {
        for (auto& l : change_listeners_) l(id);
    }
};

}  // namespace onggi::helper

// ContainerManager: every container of this helper (its state root), their lifecycle through
// onggi-shim (docs/shim.md), persistence, re-adoption after a helper restart, restart policies,
// and the exec sessions. Main thread only; long operations complete through callbacks, never by
// blocking the event loop.
#pragma once

#include "engine/core/files.h"
#include "engine/core/result.h"
#include "engine/image/image_store.h"
#include "engine/security/security.h"
#include "helper/container_record.h"
#include "helper/helper_config.h"
#include "helper/net/network_manager.h"
#include "helper/params.h"
#include "helper/peer.h"
#include "helper/shim_probe.h"
#include "helper/spec_builder.h"

#include <QObject>

#include <functional>
#include <map>
#include <set>
#include <memory>
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
    NetworkManager& networks() { return *net_; }
    // What the network manager needs of a container.
    NetContainer net_container(const ContainerRecord& c) const;
    // network.connect / network.disconnect of one container (docs/protocol.md).
    Status connect_network(const std::string& id, const std::string& network);
    Status disconnect_network(const std::string& id, const std::string& network);
    // Names of the containers that use a network (network.remove refuses while any does).
    std::vector<std::string> network_users(const std::string& network) const;

    // Resolve a full id, unique id prefix (>= 3 hex) or name, among what `peer` may see.
    // Others' containers are not_found.
    Result<ContainerRecord*> find(const std::string& ref, const Peer& peer);
    std::vector<const ContainerRecord*> visible(const Peer& peer, bool all) const;
    ContainerPaths paths(const std::string& id) const;

    Result<ContainerRecord*> create(const CreateParams& p, const Peer& peer);
    // attach_wait: a terminal container's init is held before execve until the first attacher
    // connects to the shim's attach socket (onggi-shim --attach-wait), at most 10 s; rows/cols:
    // the terminal's size from the start (onggi-shim --console-size), 0 = the kernel's default.
    struct StartOptions {
        bool attach_wait = false;
        uint16_t rows = 0, cols = 0;
    };
    void start(const std::string& id, std::function<void(Result<pid_t>)> done, const StartOptions& so);
    void start(const std::string& id, std::function<void(Result<pid_t>)> done) { start(id, std::move(done), StartOptions{}); }
    void stop(const std::string& id, int timeout_s, std::function<void(Status)> done);
    void restart(const std::string& id, int timeout_s, std::function<void(Status)> done);
    Status kill(const std::string& id, int sig);
    Status pause(const std::string& id);
    Status resume(const std::string& id);
    void remove(std::string id, bool force, std::function<void(Status)> done);
    Result<Limits> update(const std::string& id, const Limits& l);
    Result<json> top(const std::string& id);

    json summary(const ContainerRecord& c) const;
    json inspect(const ContainerRecord& c) const;
    bool image_in_use(const std::string& image_id) const;
    // The containers made from the image, in any state (images.remove).
    std::vector<const ContainerRecord*> image_users(const std::string& image_id) const;
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
    void exec_wait(int64_t exec_id, const Peer& peer, std::function<void(Result<json>)> done);

    // Called when a container stops running (for log followers).
    void on_exit(std::function<void(const std::string& id)> cb) { exit_listeners_.push_back(std::move(cb)); }
    // Called after any change of a container: create, start, exit, pause, resume, update, remove
    // (then get_record() is null). For services such as stats that track running containers.
    void on_change(std::function<void(const std::string& id)> cb) { change_listeners_.push_back(std::move(cb)); }
    const ContainerRecord* get_record(const std::string& id) const
    {
        auto it = containers_.find(id);
        return it == containers_.end() ? nullptr : it->second.get();
    }
    // Every container (for services running as root on behalf of all users; filter by
    // Peer::may_see before showing anything to a client).
    std::vector<const ContainerRecord*> all() const;
    // The container's cgroup path ("<cgroup parent>/<id>").
    std::string cgroup_path(const std::string& id) const { return cfg_.cgroup_parent + "/" + id; }

private:
    struct ExecSession;
    struct Waiters;
    ContainerRecord* get(const std::string& id);
    Status save(const ContainerRecord& c, Sync sync = Sync::durable);
    void adopt(ContainerRecord& c);
    // Crash consistency (helper/shim_probe.h): the shim's own files and lock, not the record,
    // say whether a container runs. A live shim is taken as running; one still launching is
    // waited for; processes in a cgroup whose shim is gone are killed.
    ShimProbe probe_shim(const ContainerRecord& c) const;
    void take_running_shim(ContainerRecord& c, const ShimProbe& p);
    void await_launching_shim(const std::string& id);
    void watch_shim(const std::string& id);
    void on_shim_gone(const std::string& id);
    void finish_exit(ContainerRecord& c);
    Status signal_init(const ContainerRecord& c, int sig);
    std::string shim_path() const;
    // What QProcess runs: the sealed copy of shim_path() (CVE-2019-5736, made once, see
    // security::SealedExecutable), or the file itself if no copy can be made.
    QString shim_program();
    // Arguments every shim gets: the directory of compiled seccomp programs.
    QStringList shim_common_args() const;

    HelperConfig cfg_;
    Status place_in_delegated_cgroup();
    security::SealedExecutable shim_exe_;
    EventBus* events_;
    image::ImageStore images_;
    std::unique_ptr<NetworkManager> net_;
    bool cgroup_v2_ = false;
    std::map<std::string, std::unique_ptr<ContainerRecord>> containers_;
    std::map<std::string, std::vector<std::function<void(Status)>>> exit_waiters_;
    std::map<std::string, int> watch_fds_;  // id -> pidfd of the shim
    std::map<std::string, bool> starting_;
    std::map<int64_t, std::shared_ptr<ExecSession>> execs_;
    int64_t next_exec_ = 1;
    std::vector<std::function<void(const std::string&)>> exit_listeners_;
    std::vector<std::function<void(const std::string&)>> change_listeners_;
    // By value: a listener may look up or erase records, and callers often pass a record's own id.
    void changed(std::string id)
    {
        for (auto& l : change_listeners_) l(id);
    }
};

// /proc/PID/stat field 22 (start time in clock ticks); 0 when the process is gone.
uint64_t process_starttime(pid_t pid);
Errc errc_from_name(const std::string& name);

} // namespace onggi::helper

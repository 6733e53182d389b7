// One handler per protocol operation (docs/protocol.md). Each file registers its method(s) on
// the dispatcher and says why the operation is safe: params are decoded into a typed struct
// (helper/params.h) and validated before anything else; containers are resolved through
// ContainerManager::find(ref, peer), which hides other users' containers.
#pragma once

#include "engine/image/image_errors.h"
#include "helper/container_json.h"
#include "helper/container_manager.h"
#include "helper/dispatcher.h"
#include "helper/event_bus.h"
#include "helper/log_followers.h"
#include "helper/policy_gate.h"
#include "helper/worker_threads.h"

namespace onggi::helper {

struct HelperContext {
    Dispatcher* dispatcher = nullptr;
    ContainerManager* containers = nullptr;
    EventBus* events = nullptr;
    LogFollowers* logs = nullptr;
    PolicyGate* gate = nullptr;        // create, start, update, exec ask it first (helper/policy_gate.h)
    WorkerThreads* workers = nullptr;  // load, save, commit run there; joined at shutdown
};

// error.data of a request the helper gave up because it was told to stop (SIGTERM): a load,
// save, commit or pull in flight. The client says so in words (client/error_text.cpp).
inline json helper_stopping_data() { return json{{"reason", "helper_stopping"}}; }
// The answer to a worker job's failure: a job the shutdown cancelled says why.
inline void fail_job(const Call& call, const Error& e, const WorkerThreads& workers)
{
    if (e.code == image::kCancelled && workers.stopping()) return call.fail(e, helper_stopping_data());
    call.fail(e);
}
// At shutdown (HelperDaemon): every images.pull in flight is stopped and answered
// (helper/handlers/images_pull.cpp).
void stop_pulls();

// The gate's refusal as the reply to `call`.
inline void fail_refused(const Call& call, const PolicyRefusal& r) { call.fail_with(r.error_object()); }

// The privileged asks of what a container will run (its config.json), for start, exec and
// update. Root asks nothing here (the gate lets root through anyway; no file is read). A config
// that cannot be read asks nothing: the operation itself reports it.
inline std::vector<PolicyAsk> stored_asks(HelperContext& ctx, const std::string& id, const Peer& peer)
{
    if (peer.admin()) return {};
    auto s = spec::load_spec(ctx.containers->paths(id).bundle);
    if (!s) return {};
    return privileged_asks(s.value(), ctx.containers->cgroup_path(id));
}

void register_hello(HelperContext& ctx);
void register_container_create(HelperContext& ctx);
void register_container_start(HelperContext& ctx);
void register_container_stop(HelperContext& ctx);
void register_container_restart(HelperContext& ctx);
void register_container_kill(HelperContext& ctx);
void register_container_pause(HelperContext& ctx);
void register_container_resume(HelperContext& ctx);
void register_container_remove(HelperContext& ctx);
void register_container_list(HelperContext& ctx);
void register_container_inspect(HelperContext& ctx);
void register_container_update(HelperContext& ctx);
void register_container_logs(HelperContext& ctx);
void register_container_exec(HelperContext& ctx);
void register_container_attach(HelperContext& ctx);
void register_container_top(HelperContext& ctx);
void register_images_list(HelperContext& ctx);
void register_images_remove(HelperContext& ctx);
void register_images_pull(HelperContext& ctx);
void register_images_inspect(HelperContext& ctx);
void register_images_tag(HelperContext& ctx);
void register_images_prune(HelperContext& ctx);
void register_system_df(HelperContext& ctx);
void register_images_archive(HelperContext& ctx);
void register_images_commit(HelperContext& ctx);
// images.list's shape of one image (also the reply of images.pull).
json image_json(const image::ImageRecord& r);
void register_events_subscribe(HelperContext& ctx);
void register_unsubscribe(HelperContext& ctx);
void register_network_create(HelperContext& ctx);
void register_network_list(HelperContext& ctx);
void register_network_connect(HelperContext& ctx);

inline void register_all(HelperContext& ctx)
{
    register_hello(ctx);
    register_container_create(ctx);
    register_container_start(ctx);
    register_container_stop(ctx);
    register_container_restart(ctx);
    register_container_kill(ctx);
    register_container_pause(ctx);
    register_container_resume(ctx);
    register_container_remove(ctx);
    register_container_list(ctx);
    register_container_inspect(ctx);
    register_container_update(ctx);
    register_container_logs(ctx);
    register_container_exec(ctx);
    register_container_attach(ctx);
    register_container_top(ctx);
    register_images_list(ctx);
    register_images_remove(ctx);
    register_images_pull(ctx);
    register_images_inspect(ctx);
    register_images_tag(ctx);
    register_images_archive(ctx);
    register_images_commit(ctx);
    register_images_prune(ctx);
    register_system_df(ctx);
    register_events_subscribe(ctx);
    register_unsubscribe(ctx);
    register_network_create(ctx);
    register_network_list(ctx);
    register_network_connect(ctx);
}

}  // namespace onggi::helper

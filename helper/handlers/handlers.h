// One handler per protocol operation (docs/protocol.md). Each file registers its method(s) on
// the dispatcher and says why the operation is safe: params are decoded into a typed struct
// (helper/params.h) and validated before anything else; containers are resolved through
// ContainerManager::find(ref, peer), which hides other users' containers.
#pragma once

#include "helper/container_manager.h"
#include "helper/dispatcher.h"
#include "helper/event_bus.h"
#include "helper/log_followers.h"

namespace onggi::helper {

struct HelperContext {
    Dispatcher* dispatcher = nullptr;
    ContainerManager* containers = nullptr;
    EventBus* events = nullptr;
    LogFollowers* logs = nullptr;
};

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
// images.list's shape of one image (also the reply of images.pull).
json image_json(const image::ImageRecord& r);
void register_events_subscribe(HelperContext& ctx);
void register_unsubscribe(HelperContext& ctx);

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
    register_events_subscribe(ctx);
    register_unsubscribe(ctx);
}

} // namespace onggi::helper

// container.update: new limits, range-checked by decode_limits, applied through the cgroup
// interface to the cgroup the helper made for a container the caller owns, and stored. Limits
// only ever restrict, so they ask for nothing; a member's update passes the policy gate on the
// container's config.json (a container outside the member's bounds is not theirs to tune
// unless polkit says so again).
// A limit the kernel refuses is not stored; the error carries what a client needs to put its
// controls back and to explain the refusal in the user's language (error.data):
//   "kernel": the limits in force now, read back from the cgroup (cpus, memory, pids; 0 = none)
//   "reason": "memory_below_usage" (v1 EBUSY: the kernel could not reclaim enough to get
//             under the new limit) with "requested", "memory_current", "shortfall" (bytes it
//             could not reclaim) and "minimum" (the smallest limit that fits what is in use,
//             rounded up to the next MiB).
#include "helper/handlers/handlers.h"

#include "engine/cgroup/cgroup.h"

#include <cerrno>

namespace onggi::helper {

namespace {

constexpr uint64_t kMiB = 1 << 20;

json refusal_details(const ContainerManager& containers, const std::string& id, const Limits& asked, const Error& e)
{
    json d = json::object();
    auto cg = containers.open_cgroup(id);
    if (!cg) return d;  // not running: nothing was applied
    auto st = cg.value()->stats();
    if (!st) return d;
    const auto& s = st.value();
    json k = json::object();
    k["cpus"] = s.cpu_quota_us && *s.cpu_quota_us > 0 && s.cpu_period_us > 0
                    ? double(*s.cpu_quota_us) / double(s.cpu_period_us)
                    : 0.0;
    k["memory"] = s.memory_limit.value_or(0);
    k["pids"] = s.pids_limit.value_or(0);
    if (s.memory_high) k["memory_high"] = *s.memory_high;
    d["kernel"] = k;
    if (asked.memory && *asked.memory > 0 && e.sys_errno == EBUSY && uint64_t(*asked.memory) < s.memory_current) {
        d["reason"] = "memory_below_usage";
        d["requested"] = *asked.memory;
        d["memory_current"] = s.memory_current;
        d["shortfall"] = s.memory_current - uint64_t(*asked.memory);
        d["minimum"] = (s.memory_current + kMiB - 1) / kMiB * kMiB + kMiB;
    }
    return d;
}

}  // namespace

void register_container_update(HelperContext& ctx)
{
    ctx.dispatcher->add("container.update", [&ctx](const Call& call) {
        auto p = decode_update(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const std::string id = c.value()->id;
        ctx.gate->authorize(call.peer(), stored_asks(ctx, id, call.peer()),
                            [call, &ctx, id, limits = p->limits](const PolicyRefusal* refused) {
                                if (refused) return fail_refused(call, *refused);
                                auto l = ctx.containers->update(id, limits);
                                if (!l)
                                    return call.fail(l.error(),
                                                     refusal_details(*ctx.containers, id, limits, l.error()));
                                call.reply({{"limits", l->to_json()}});
                            });
    });
}

}  // namespace onggi::helper

// container.kernel_view: the kernel's view of a running container the caller owns, for the
// Learn lessons (helper/kernel_view.h). Read-only. Safe because: the only param is a container
// reference resolved through find(ref, peer), which hides other users' containers; every path
// read is derived from the record (its init's /proc entry, its cgroup, its own upper dir), never
// from the client; every read is bounded; the upper dir is walked without following symlinks;
// the only namespace entered is the container's UTS namespace, by a thread that ends at once.
#include "helper/handlers/handlers.h"

#include "engine/core/shim_contract.h"
#include "helper/kernel_view.h"

#include "engine/core/files.h"

namespace onggi::helper {

namespace {
std::vector<std::string> lower_dirs_of(const nlohmann::json& cfg)
{
    std::vector<std::string> out;
    if (!cfg.is_object() || !cfg.contains("annotations") || !cfg["annotations"].is_object()) return out;
    const auto& a = cfg["annotations"];
    if (!a.contains(shim::kOverlayLowerdir) || !a[shim::kOverlayLowerdir].is_string()) return out;
    const std::string l = a[shim::kOverlayLowerdir].get<std::string>();
    size_t pos = 0;
    while (!l.empty() && pos <= l.size() && out.size() < 128) {
        size_t e = l.find(':', pos);
        if (e == std::string::npos) e = l.size();
        out.push_back(l.substr(pos, e - pos));
        pos = e + 1;
    }
    return out;
}

std::vector<std::string> strings_at(const nlohmann::json& cfg, const char* a, const char* b)
{
    std::vector<std::string> out;
    if (!cfg.is_object() || !cfg.contains(a) || !cfg[a].is_object()) return out;
    const auto& o = cfg[a];
    if (!o.contains(b) || !o[b].is_array()) return out;
    for (const auto& v : o[b])
        if (v.is_string() && out.size() < 256) out.push_back(v.get<std::string>());
    return out;
}
}  // namespace

void register_container_kernel_view(HelperContext& ctx)
{
    ctx.dispatcher->add("container.kernel_view", [&ctx](const Call& call) {
        auto p = decode_id(call.params());
        if (!p) return call.fail(p.error());
        auto c = ctx.containers->find(p->id, call.peer());
        if (!c) return call.fail(c.error());
        const ContainerRecord& r = *c.value();
        if (!r.live() || r.pid <= 0)
            return call.fail(Error(Errc::bad_state, "container " + r.name + " is not running"));
        const ContainerPaths cp = ctx.containers->paths(r.id);
        KernelView::Input in;
        in.pid = r.pid;
        in.cgroup_path = ctx.containers->cgroup_path(r.id);
        if (auto cg = ctx.containers->open_cgroup(r.id); cg) in.cgroup = std::move(cg).value();
        in.upper = cp.upper();
        in.merged = cp.rootfs();
        auto text = read_file(cp.config(), 4 << 20);
        const nlohmann::json parsed = text ? nlohmann::json::parse(text.value(), nullptr, false) : nlohmann::json();
        const nlohmann::json* cfg = parsed.is_object() ? &parsed : nullptr;
        if (cfg) {
            in.lower = lower_dirs_of(*cfg);
            in.masked_paths = strings_at(*cfg, "linux", "maskedPaths");
            in.readonly_paths = strings_at(*cfg, "linux", "readonlyPaths");
        }
        // Who else uses its layers: the store's images (shared by all users) and the caller's
        // own other containers (another user's are not named, as everywhere).
        auto& images = ctx.containers->images();
        for (const auto& d : in.lower) in.lower_layers.push_back(images.layer_of_dir(d));
        if (auto list = images.list(); list)
            for (const auto& img : list.value())
                in.layer_users.push_back({"image", img.name + ":" + img.tag, img.id, img.layers});
        for (const ContainerRecord* o : ctx.containers->visible(call.peer(), true)) {
            if (o->id == r.id || in.layer_users.size() >= 1024) continue;
            KernelView::Input::LayerUser u{"container", o->name, o->id, {}};
            const auto t = read_file(ctx.containers->paths(o->id).config(), 4 << 20);
            const nlohmann::json oc = t ? nlohmann::json::parse(t.value(), nullptr, false) : nlohmann::json();
            for (const auto& d : lower_dirs_of(oc))
                if (auto l = images.layer_of_dir(d); !l.empty()) u.layers.push_back(l);
            in.layer_users.push_back(std::move(u));
        }
        auto v = KernelView(std::move(in)).collect();
        if (!v) return call.fail(std::move(v).error().wrap("kernel_view " + r.name));
        v.value()["name"] = r.name;
        v.value()["id"] = r.id;
        call.reply(v.value());
    });
}

}  // namespace onggi::helper

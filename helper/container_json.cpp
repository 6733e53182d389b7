#include "helper/container_json.h"

#include "engine/core/shim_contract.h"

#include "helper/container_manager.h"
#include "helper/container_store.h"

#include <unistd.h>

namespace onggi::helper {

json container_summary(const ContainerRecord& c, const NetworkManager& net)
{
    return json{{"id", c.id},
                {"short_id", c.short_id()},
                {"name", c.name},
                {"image", c.image},
                {"image_id", c.image_id},
                {"command", join_command(c.command)},
                {"state", container_state_name(c.state)},
                {"created", c.created},
                {"started_at", c.started_at},
                {"finished_at", c.finished_at},
                {"exit_code", c.exit_code},
                {"oom_killed", c.oom_killed},
                {"error", c.error},
                {"pid", c.pid},
                {"owner_uid", c.owner_uid},
                {"restart_policy", c.restart.to_string()},
                {"restart_count", c.restart_count},
                {"auto_remove", c.auto_remove},
                {"tty", c.tty},
                {"open_stdin", c.open_stdin},
                {"limits", c.limits.to_json()},
                {"network", c.network.mode},
                {"ports", net.container_view(c.id)["ports"]}};
}

json container_inspect(const ContainerRecord& c, const ContainerManager& m)
{
    const HelperConfig& cfg_ = m.config();
    ContainerPaths cp = m.paths(c.id);
    json out = {{"container", container_summary(c, m.networks())}, {"cgroup_path", m.cgroup_path(c.id)}};
    auto cfg = read_json_file(cp.config(), 4 << 20);
    out["config"] = cfg ? cfg.value() : json::object();
    json ns = json::object();
    if (c.pid > 0 && c.live()) {
        for (const char* n : {"cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"}) {
            char buf[128];
            std::string link = "/proc/" + std::to_string(c.pid) + "/ns/" + n;
            ssize_t len = ::readlink(link.c_str(), buf, sizeof buf - 1);
            if (len > 0) ns[n] = std::string(buf, size_t(len));
        }
    }
    out["namespaces"] = ns;
    json lower = json::array();
    if (cfg && cfg->is_object() && cfg->contains("annotations") && (*cfg)["annotations"].is_object()) {
        std::string l = (*cfg)["annotations"].value(shim::kOverlayLowerdir, std::string());
        size_t pos = 0;
        while (!l.empty() && pos <= l.size()) {
            size_t e = l.find(':', pos);
            if (e == std::string::npos) e = l.size();
            lower.push_back(l.substr(pos, e - pos));
            pos = e + 1;
        }
    }
    out["rootfs"] = {{"lower", lower}, {"upper", cp.upper()}, {"work", cp.work()}, {"merged", cp.rootfs()}};
    out["log_path"] = cp.log();
    json log_config = {{"type", "onggi-file"}};
    if (c.log_max_size == UINT64_MAX) log_config["max_size"] = -1;
    else log_config["max_size"] = c.log_max_size ? c.log_max_size : cfg_.log_max_size;
    log_config["max_files"] = c.log_max_files ? c.log_max_files : cfg_.log_max_files;
    out["log_config"] = log_config;
    json nv = m.networks().container_view(c.id);
    nv["mode"] = c.network.mode;
    nv["more"] = c.network.more;
    nv["options"] = c.network.options.to_json();
    nv["hostname"] = c.network.hostname;
    out["network"] = nv;
    return out;
}

json process_rows_json(const std::vector<ProcessRow>& rows)
{
    json procs = json::array();
    for (const auto& r : rows)
        procs.push_back({{"host_pid", r.host_pid}, {"pid", r.pid}, {"uid", r.uid}, {"state", r.state}, {"cmd", r.cmd}});
    return json{{"processes", procs}};
}

}  // namespace onggi::helper

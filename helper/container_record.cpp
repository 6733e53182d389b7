#include "helper/container_record.h"

namespace onggi::helper {

std::string join_command(const std::vector<std::string>& args)
{
    std::string s;
    for (const auto& a : args) {
        if (!s.empty()) s += ' ';
        s += a;
    }
    return s;
}

json ContainerRecord::to_json() const
{
    json vols = json::array();
    for (const auto& v : volumes)
        vols.push_back({{"mount", v.mount}, {"source", v.source}, {"dev", v.dev}, {"ino", v.ino}});
    return json{{"id", id},
                {"volumes", vols},
                {"name", name},
                {"image", image},
                {"image_id", image_id},
                {"command", command},
                {"created", created},
                {"owner_uid", owner_uid},
                {"owner_gid", owner_gid},
                {"restart_policy", restart.to_string()},
                {"restart_count", restart_count},
                {"auto_remove", auto_remove},
                {"tty", tty},
                {"open_stdin", open_stdin},
                {"init", init},
                {"limits", limits.to_json()},
                {"state", container_state_name(state)},
                {"started_at", started_at},
                {"finished_at", finished_at},
                {"exit_code", exit_code},
                {"oom_killed", oom_killed},
                {"pid", pid},
                {"shim_pid", shim_pid},
                {"pid_starttime", pid_starttime},
                {"shim_starttime", shim_starttime},
                {"stop_requested", stop_requested},
                {"error", error},
                {"shim_started_ns", shim_started_ns},
                {"log_max_size", log_max_size},
                {"log_max_files", log_max_files},
                {"network", network.to_json()}};
}

Result<ContainerRecord> ContainerRecord::from_json(const json& j)
{
    if (!j.is_object()) return Error(Errc::invalid_argument, "container.json: not an object");
    ContainerRecord r;
    try {
        r.id = j.at("id").get<std::string>();
        r.name = j.at("name").get<std::string>();
        r.image = j.value("image", "");
        r.image_id = j.value("image_id", "");
        r.command = j.value("command", std::vector<std::string>{});
        r.created = j.value("created", "");
        r.owner_uid = j.value("owner_uid", uid_t(0));
        r.owner_gid = j.value("owner_gid", gid_t(0));
        auto rp = parse_restart_policy(j.value("restart_policy", "no"));
        if (rp) r.restart = rp.value();
        r.restart_count = j.value("restart_count", 0);
        r.auto_remove = j.value("auto_remove", false);
        r.tty = j.value("tty", false);
        r.open_stdin = j.value("open_stdin", false);
        r.init = j.value("init", false);
        if (j.contains("limits")) {
            auto l = decode_limits(j["limits"]);
            if (l) r.limits = l.value();
        }
        const std::string state = j.value("state", "created");
        auto st = parse_container_state(state);
        if (!st) return Error(Errc::invalid_argument, "container.json: bad state \"" + state + "\"");
        r.state = *st;
        r.started_at = j.value("started_at", "");
        r.finished_at = j.value("finished_at", "");
        r.exit_code = j.value("exit_code", 0);
        r.oom_killed = j.value("oom_killed", false);
        r.pid = j.value("pid", pid_t(0));
        r.shim_pid = j.value("shim_pid", pid_t(0));
        r.pid_starttime = j.value("pid_starttime", uint64_t(0));
        r.shim_starttime = j.value("shim_starttime", uint64_t(0));
        r.stop_requested = j.value("stop_requested", false);
        r.error = j.value("error", "");
        r.shim_started_ns = j.value("shim_started_ns", int64_t(0));
        r.log_max_size = j.value("log_max_size", uint64_t(0));
        r.log_max_files = j.value("log_max_files", 0);
        // Containers made before networks existed had loopback only ("private").
        if (j.contains("network")) r.network = ContainerNetwork::from_json(j["network"]);
        if (j.contains("volumes"))
            for (const auto& v : j.at("volumes"))
                r.volumes.push_back({v.at("mount").get<size_t>(), v.at("source").get<std::string>(),
                                     v.at("dev").get<uint64_t>(), v.at("ino").get<uint64_t>()});
    } catch (const std::exception& e) {
        return Error(Errc::invalid_argument, std::string("container.json: ") + e.what());
    }
    if (r.id.size() != 64 || r.id.find_first_not_of("0123456789abcdef") != std::string::npos)
        return Error(Errc::invalid_argument, "container.json: bad id");
    if (!valid_container_name(r.name)) return Error(Errc::invalid_argument, "container.json: bad name");
    return r;
}

}  // namespace onggi::helper

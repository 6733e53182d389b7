// onggi-runtime list: the containers under --root.
#include "engine/cmd/runtime_cli.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace onggi::runtime_cli {

using nlohmann::json;

int cmd_list(cmd::StateStore& store, const Args& a)
{
    auto ids = store.list();
    if (!ids) return fail(ids.error());
    bool as_json = a.get("--format", a.get("-f", "table")) == "json";
    json arr = json::array();
    if (!as_json) std::printf("ID\tPID\tSTATUS\tBUNDLE\tCREATED\n");
    for (const auto& id : ids.value()) {
        auto st = store.load(id);
        if (!st) continue;
        const ContainerState s = live_status(st.value());
        if (as_json) arr.push_back(json::parse(st->oci_json(s)));
        else
            std::printf("%s\t%d\t%s\t%s\t%s\n", id.c_str(), s == ContainerState::exited ? 0 : st->pid,
                        oci_status_name(s), st->bundle.c_str(), st->created.c_str());
    }
    if (as_json) std::printf("%s\n", arr.dump().c_str());
    return 0;
}

}  // namespace onggi::runtime_cli

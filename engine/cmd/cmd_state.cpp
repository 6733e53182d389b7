// onggi-runtime state: prints the OCI state (runtime.md#state).
#include "engine/cmd/runtime_cli.h"

#include <cstdio>

namespace onggi::runtime_cli {

int cmd_state(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime state ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    std::printf("%s\n", st->oci_json(live_status(st.value())).c_str());
    return 0;
}

}  // namespace onggi::runtime_cli

// HelperConfig: where the helper keeps things and whom it lets in (flags and environment).
#pragma once

#include <string>

namespace onggi::helper {

struct HelperConfig {
    std::string socket = "/run/onggi/helper.sock";  // --socket / ONGGI_SOCKET
    std::string state_dir = "/var/lib/onggi";       // --state-dir / ONGGI_STATE_DIR
    std::string run_dir = "/run/onggi";             // --run-dir / ONGGI_RUN_DIR
    std::string shim;                               // --shim / ONGGI_SHIM (default: beside us, then libexec)
    std::string group = "onggi";                    // --group: who besides root may connect
    std::string cgroup_parent = "/onggi";           // --cgroup-parent: containers live in <parent>/<id>
    // Where members' subordinate id ranges are found or allocated (tests point these at temp
    // files, never the host's): --subuid-file / ONGGI_SUBUID_FILE, --subgid-file / ONGGI_SUBGID_FILE.
    std::string subuid_file = "/etc/subuid";
    std::string subgid_file = "/etc/subgid";
};

} // namespace onggi::helper

// HelperConfig: where the helper keeps things and whom it lets in (flags and environment).
#pragma once

#include <set>
#include <string>

namespace onggi::helper {

struct HelperConfig {
    std::string socket = "/run/onggi/helper.sock";  // --socket / ONGGI_SOCKET
    std::string state_dir = "/var/lib/onggi";       // --state-dir / ONGGI_STATE_DIR
    std::string run_dir = "/run/onggi";             // --run-dir / ONGGI_RUN_DIR
    std::string shim;                               // --shim / ONGGI_SHIM (default: beside us, then libexec)
    std::string group = "onggi";                    // --group: who besides root may connect
    std::string cgroup_parent = "/onggi";           // --cgroup-parent: containers live in <parent>/<id>
    // --insecure-registry HOST[:PORT] (repeatable) / ONGGI_INSECURE_REGISTRIES (comma-separated):
    // registries pulled from over plain http besides loopback ones.
    std::set<std::string> insecure_registries;
    int registry_timeout_ms = 30000;  // --registry-timeout SECONDS: no byte for this long fails a request
};

} // namespace onggi::helper

// HelperConfig: where the helper keeps things and whom it lets in (flags and environment).
#pragma once

#include <cstdint>
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
    // Log rotation of containers created without log_opts (docker json-file's max-size/max-file).
    uint64_t log_max_size = 10u << 20;  // --log-max-size BYTES
    int log_max_files = 3;              // --log-max-file N
    std::string default_network =
        "onggi";  // --default-network / ONGGI_DEFAULT_NETWORK: onggi, private, none, host or a network
    std::string default_subnet = "10.88.0.0/24";  // --default-subnet / ONGGI_DEFAULT_SUBNET: the onggi network's
    // --insecure-registry HOST[:PORT] (repeatable) / ONGGI_INSECURE_REGISTRIES (comma-separated):
    // registries pulled from over plain http besides loopback ones.
    std::set<std::string> insecure_registries;
    int registry_timeout_ms = 30000;  // --registry-timeout SECONDS: no byte for this long fails a request
    // --max-load-size BYTES: what one images.load may stage and unpack, all together (64 GiB).
    uint64_t max_load_bytes = uint64_t(64) << 30;
    // --cgroup-delegated: our own cgroup v2 is delegated to us (systemd Delegate=yes): the
    // helper moves into <own>/supervisor and the containers live in <own>/containers/<id>.
    bool cgroup_delegated = false;
    // Where members' subordinate id ranges are found or allocated (tests point these at temp
    // files, never the host's): --subuid-file / ONGGI_SUBUID_FILE, --subgid-file / ONGGI_SUBGID_FILE.
    std::string subuid_file = "/etc/subuid";
    std::string subgid_file = "/etc/subgid";
    // Output queued for clients that do not read, all connections together, before the one
    // holding most is dropped (--output-budget BYTES); docs/protocol.md "Limits".
    uint64_t output_budget = 256u << 20;
    // A connection that sends no complete request this long after it connects, or leaves a line
    // unfinished this long, is closed (--idle-timeout SECONDS; 0: never).
    int idle_timeout_ms = 30000;
};

}  // namespace onggi::helper

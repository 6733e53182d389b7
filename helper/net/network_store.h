// NetworkStore: the networks this helper made (<state>/networks/<name>.json) and the addresses
// it leased on them (<state>/networks/<name>.leases/<a.b.c.d>, each file holding the id of the
// container that has it). Every change of leases happens under an flock of
// <state>/networks/.lock, and a lease is one O_EXCL file, so two allocations never hand out one
// address and nothing is half-written after a kill -9. Leases of containers that are not running
// are dropped by reconcile() when the helper starts.
#pragma once

#include "engine/core/result.h"
#include "engine/net/ipv4_net.h"
#include "helper/rpc.h"

#include <sys/types.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace onggi::helper {

struct NetworkRecord {
    std::string name;      // "onggi"
    std::string id;        // 64 hex
    std::string bridge;    // "onggi0"
    net::Ipv4Net subnet;   // 10.88.0.0/24
    uint32_t gateway = 0;  // 10.88.0.1, the bridge's address
    std::string created;
    bool builtin = false;  // the default network: never removed
    net::Ipv4Net gateway_net() const { return {gateway, subnet.prefix}; }
    json to_json() const;
    static Result<NetworkRecord> from_json(const json& j);
};

class NetworkStore {
public:
    explicit NetworkStore(std::string dir) : dir_(std::move(dir)) {}
    Status init();

    const NetworkRecord* get(const std::string& name) const;
    std::vector<const NetworkRecord*> list() const;
    Result<const NetworkRecord*> add(NetworkRecord r);
    // The record and its lease directory go (the caller made sure no container uses it).
    Status remove(const std::string& name);

    // An address on `n` for `container_id`: `wanted` when given (already_exists when taken,
    // invalid_argument outside the subnet or on the network's own addresses), else the first
    // free one after the gateway. The same container asking again gets its lease back.
    Result<uint32_t> allocate(const NetworkRecord& n, const std::string& container_id, std::optional<uint32_t> wanted);
    void release(const std::string& network, const std::string& container_id);
    // address -> container id. The directory is read at each call; a lease file's content is read
    // once (it never changes while the file exists: one O_EXCL create, under the lock) and kept
    // by name and inode, so 50 leases cost one getdents, not 50 opens, per start and stop.
    std::map<uint32_t, std::string> leases(const std::string& network) const;
    // Drop every lease whose container is not in `keep`.
    void reconcile(const std::set<std::string>& keep);

private:
    std::string lease_dir(const std::string& name) const { return dir_ + "/" + name + ".leases"; }
    std::string dir_;
    std::map<std::string, NetworkRecord> nets_;
    struct LeaseFile {
        ino_t ino = 0;
        std::string id;
    };
    mutable std::map<std::string, std::map<std::string, LeaseFile>> lease_cache_;  // network -> file name -> it
};

}  // namespace onggi::helper

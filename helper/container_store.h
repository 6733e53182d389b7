// ContainerStore: the records of every container of this helper (<state>/containers/<id>/
// container.json), their lookup by id, name or prefix as a peer may see them, and their
// persistence. The one place that reads and writes container.json. A save that fails after a
// state change is reported (log + the `error` event, docs/protocol.md), never dropped:
// save_or_report(). Main thread only.
#pragma once

#include "engine/core/files.h"
#include "engine/core/result.h"
#include "helper/container_record.h"
#include "helper/peer.h"
#include "helper/spec_builder.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace onggi::helper {

class ContainerStore {
public:
    using SaveFailed = std::function<void(const ContainerRecord& c, const Error& e)>;
    ContainerStore(std::string state_dir, SaveFailed on_save_failed);

    ContainerPaths paths(const std::string& id) const;
    std::string containers_dir() const { return state_dir_ + "/containers"; }

    // Every container.json under containers/; a damaged one is skipped with a warning.
    // Returns the ids loaded, in order.
    std::vector<std::string> load();

    ContainerRecord* get(const std::string& id);
    const ContainerRecord* get(const std::string& id) const;
    bool contains(const std::string& id) const { return records_.count(id) != 0; }
    bool name_in_use(const std::string& name) const;
    // Resolve a full id, unique id prefix (>= 3 hex) or name, among what `peer` may see.
    // Others' containers are not_found.
    Result<ContainerRecord*> find(const std::string& ref, const Peer& peer);
    // Running and paused ones, or all; newest first.
    std::vector<const ContainerRecord*> visible(const Peer& peer, bool all) const;
    std::vector<const ContainerRecord*> all() const;
    std::vector<ContainerRecord*> all_mut();
    // The containers made from the image, in any state (images.remove).
    std::vector<const ContainerRecord*> image_users(const std::string& image_id) const;

    ContainerRecord* insert(std::unique_ptr<ContainerRecord> r);
    void erase(const std::string& id) { records_.erase(id); }

    // container.json, atomically.
    [[nodiscard]] Status save(const ContainerRecord& c, Sync sync = Sync::durable) const;
    // save(), and a failure goes to the log and the owner's event stream (`what`: after what).
    // For saves after a change that already happened in the kernel (an exit, a start): the
    // record in memory stays right; what is lost is only its copy for the next helper.
    void save_or_report(const ContainerRecord& c, Sync sync, const char* what) const;

private:
    std::string state_dir_;
    SaveFailed on_save_failed_;
    std::map<std::string, std::unique_ptr<ContainerRecord>> records_;
};

// A JSON file of at most `max` bytes.
Result<json> read_json_file(const std::string& path, size_t max = 1 << 20);
bool is_hex_id(const std::string& s);

}  // namespace onggi::helper

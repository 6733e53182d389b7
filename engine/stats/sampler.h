// Samples many containers once per tick: one CgroupReader each (files kept open), the last
// sample kept so every tick also yields rates. Not thread-safe; the helper drives it from
// its event loop (a QTimer at 1 s, down to 100 ms).
#pragma once

#include "engine/stats/cgroup_reader.h"

#include <map>
#include <string>
#include <vector>

namespace onggi::stats {

class Sampler {
public:
    struct Entry {
        std::string id;
        Sample sample;
        std::optional<Rates> rates;  // absent on a container's first sample
    };

    Status add(const std::string& id, const cgroup::Cgroup& cg, pid_t init_pid = 0, ReaderOptions opt = {});
    void remove(const std::string& id);
    // Read every file of `id` on the next sample (after its limits were changed).
    void refresh(const std::string& id);
    bool contains(const std::string& id) const { return slots_.count(id) != 0; }
    size_t size() const { return slots_.size(); }
    // Files read by the last sample_all(), all containers together (the cost of that tick).
    size_t last_files_read() const { return last_files_read_; }

    // One sample of every container. Containers whose cgroup is gone are dropped and named
    // in `gone` (when given).
    std::vector<Entry> sample_all(std::vector<std::string>* gone = nullptr);
    // One container, e.g. for a stats request between ticks.
    Result<Entry> sample_one(const std::string& id);

private:
    struct Slot {
        CgroupReader reader;
        std::optional<Sample> last;
    };
    Result<Entry> sample_slot(const std::string& id, Slot& s);
    std::map<std::string, Slot> slots_;
    size_t last_files_read_ = 0;
};

} // namespace onggi::stats

// Samples many containers once per tick: one CgroupReader each (files kept open), the last
// sample kept so every tick also yields rates, over the real CLOCK_MONOTONIC interval since
// that container's previous tick. Not thread-safe; the helper drives it from its event loop
// (one QTimer for history and every subscriber: helper/stats_service.h). Only sample_all()
// and sample_some() move a container's "last" sample: whoever calls them owns the rates, so
// there must be one such caller (the tick), never one per consumer.
//
// Parent gate: containers usually share one parent cgroup (/onggi). sample_all() and
// sample_some() first read the parent's CPU and memory usage (v2: also io.stat), byte for
// byte, and bump the parent's generation when the reading differs from the one before. They
// are hierarchical sums: while the generation stays what it was when a container was last
// read, no task under the parent ran or did I/O (monotonic counters cannot cancel out) and no
// memory was charged or freed, barring a charge in one container cancelling a reclaim in
// another to the byte without any task running (khugepaged, a cgroup-aware loop device)
// between two parent readings: the container is read as "quiet" (CgroupReader::read), which
// carries even its CPU and memory files. Sweeps still read everything. An idle host then costs two or three reads per
// tick in all. A parent with a single container under it is not read (it would tell no more than the container's
// files).
#pragma once

#include "engine/stats/cgroup_reader.h"

#include "engine/core/unique_fd.h"

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
    // Off: every sample_all() reads each container's own files (for the bench).
    void set_parent_gate(bool on) { parent_gate_ = on; }
    // Parents whose last reading was the same as the one before.
    size_t last_quiet_parents() const { return last_quiet_parents_; }
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
    // The same for the named containers (unknown ids are skipped), in that order, with the
    // parent gate (a subscription's frame).
    std::vector<Entry> sample_some(const std::vector<std::string>& ids, std::vector<std::string>* gone = nullptr);
    // One container, e.g. for a stats request between ticks: rates from the last tick's
    // sample to now; the last sample stays the tick's, so no tick's rates change.
    Result<Entry> sample_one(const std::string& id);

private:
    struct Slot {
        CgroupReader reader;
        std::optional<Sample> last;
        std::string parent;     // key in parents_, empty: no parent gate
        uint64_t seen_gen = 0;  // the parent's gen when this slot was last read in a gated pass
    };
    struct Parent {
        std::vector<UniqueFd> fds;  // v1: cpuacct.usage, memory.usage_in_bytes; v2: cpu.stat, memory.current, io.stat
        std::vector<std::string> last;  // their contents at the last sample_all
        bool valid = false;             // last holds a complete reading, gated
        uint64_t gen = 1;               // bumped whenever a reading differs from the one before
        size_t users = 0;
    };
    Result<Entry> sample_slot(const std::string& id, Slot& s, bool quiet = false, bool keep = true);
    void drop_slot(std::map<std::string, Slot>::iterator it);
    void read_parents();
    std::map<std::string, Slot> slots_;
    std::map<std::string, Parent> parents_;
    bool parent_gate_ = true;
    size_t last_quiet_parents_ = 0;
    size_t last_files_read_ = 0;
};

}  // namespace onggi::stats

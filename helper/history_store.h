// HistoryStore: the per-container stats history rings (engine/stats/history_ring.h) of the
// helper, kept on disk under <state>/stats/<id>.hist so a GUI that connects after a helper
// restart still draws the last minutes, and the container's OOM kills (<id>.oom: the time of
// each kill, not of the next sample; a kill that took init leaves no sample at all since the
// cgroup goes with it). Both are kept for a container that died, until it is removed. Files
// are written atomically; a damaged file is dropped (history is a convenience, never a
// reason to fail).
#pragma once

#include "engine/stats/history_ring.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace onggi::helper {

// One OOM kill: when the kernel reported it, the kill counter after it (0: not known, the
// kill was learnt from the container's exit), and the memory limit and use then (kNone:
// unlimited / not known).
struct OomMark {
    uint64_t unix_ms = 0;
    uint64_t kills = 0;
    uint64_t memory_limit = stats::HistoryPoint::kNone;
    uint64_t memory_current = stats::HistoryPoint::kNone;
    bool operator==(const OomMark&) const = default;
};

class HistoryStore {
public:
    static constexpr size_t kMaxOomMarks = 256;

    explicit HistoryStore(std::string dir, size_t capacity = 900);

    // The ring of `id`, loaded from disk on first use.
    stats::HistoryRing& ring(const std::string& id);
    void push(const std::string& id, const stats::HistoryPoint& p);
    // OOM kills of `id`, oldest first (loaded from disk on first use); at most kMaxOomMarks.
    const std::vector<OomMark>& ooms(const std::string& id);
    void add_oom(const std::string& id, const OomMark& m);
    Status save(const std::string& id);
    void save_dirty();  // every ring pushed to since its last save
    // The container is gone: drop the ring and its file.
    void forget(const std::string& id);
    const std::string& dir() const { return dir_; }

private:
    std::string file(const std::string& id) const { return dir_ + "/" + id + ".hist"; }
    std::string oom_file(const std::string& id) const { return dir_ + "/" + id + ".oom"; }
    std::string dir_;
    size_t capacity_;
    std::map<std::string, stats::HistoryRing> rings_;
    std::map<std::string, std::vector<OomMark>> ooms_;
    std::set<std::string> dirty_;
};

}  // namespace onggi::helper

// HistoryStore: the per-container stats history rings (engine/stats/history_ring.h) of the
// helper, kept on disk under <state>/stats/<id>.hist so a GUI that connects after a helper
// restart still draws the last minutes. Files are written atomically; a damaged file is
// dropped (history is a convenience, never a reason to fail).
#pragma once

#include "engine/stats/history_ring.h"

#include <map>
#include <set>
#include <string>

namespace onggi::helper {

class HistoryStore {
public:
    explicit HistoryStore(std::string dir, size_t capacity = 900);

    // The ring of `id`, loaded from disk on first use.
    stats::HistoryRing& ring(const std::string& id);
    void push(const std::string& id, const stats::HistoryPoint& p);
    Status save(const std::string& id);
    void save_dirty();  // every ring pushed to since its last save
    // The container is gone: drop the ring and its file.
    void forget(const std::string& id);
    const std::string& dir() const { return dir_; }

private:
    std::string file(const std::string& id) const { return dir_ + "/" + id + ".hist"; }
    std::string dir_;
    size_t capacity_;
    std::map<std::string, stats::HistoryRing> rings_;
    std::set<std::string> dirty_;
};

} // namespace onggi::helper

#include "helper/history_store.h"

#include "engine/core/files.h"

#include <QtGlobal>

#include <unistd.h>

#include <cstdio>
#include <sstream>

namespace onggi::helper {

namespace {

// Container ids are 64 hex; anything else never becomes a file name.
bool safe_id(const std::string& id)
{
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

HistoryStore::HistoryStore(std::string dir, size_t capacity) : dir_(std::move(dir)), capacity_(capacity) {}

stats::HistoryRing& HistoryStore::ring(const std::string& id)
{
    auto it = rings_.find(id);
    if (it != rings_.end()) return it->second;
    stats::HistoryRing r(capacity_);
    if (safe_id(id)) {
        if (auto bytes = read_file(file(id), 64 << 20)) {
            if (auto loaded = stats::HistoryRing::load(bytes.value())) {
                // Keep the points, in a ring of today's capacity.
                for (const auto& p : loaded->points()) r.push(p);
            }
        }
    }
    return rings_.emplace(id, std::move(r)).first->second;
}

const std::vector<OomMark>& HistoryStore::ooms(const std::string& id)
{
    auto it = ooms_.find(id);
    if (it != ooms_.end()) return it->second;
    std::vector<OomMark> v;
    // "<unix_ms> <kills> <limit> <current>" a line; a damaged line ends the list.
    if (safe_id(id))
        if (auto bytes = read_file(oom_file(id), 1 << 20)) {
            std::istringstream in(bytes.value());
            OomMark m;
            while (v.size() < kMaxOomMarks && in >> m.unix_ms >> m.kills >> m.memory_limit >> m.memory_current)
                v.push_back(m);
        }
    return ooms_.emplace(id, std::move(v)).first->second;
}

void HistoryStore::add_oom(const std::string& id, const OomMark& m)
{
    (void)ooms(id);  // the marks kept on disk come first
    auto& v = ooms_[id];
    v.push_back(m);
    if (v.size() > kMaxOomMarks) v.erase(v.begin(), v.end() - kMaxOomMarks);
    // Written at once: a kill is rare and is what the user most wants to see afterwards.
    if (!safe_id(id)) return;
    std::string text;
    for (const auto& k : v) {
        char line[96];
        std::snprintf(line, sizeof line, "%llu %llu %llu %llu\n", (unsigned long long)k.unix_ms,
                      (unsigned long long)k.kills, (unsigned long long)k.memory_limit,
                      (unsigned long long)k.memory_current);
        text += line;
    }
    auto s = make_dirs(dir_, 0700);
    if (s) s = write_file_atomic(oom_file(id), text, 0600);
    if (!s) qWarning("stats: save the OOM kills of %s: %s", id.substr(0, 12).c_str(), s.error().message().c_str());
}

void HistoryStore::push(const std::string& id, const stats::HistoryPoint& p)
{
    ring(id).push(p);
    dirty_.insert(id);
}

Status HistoryStore::save(const std::string& id)
{
    if (!safe_id(id)) return Error(Errc::invalid_argument, "history: bad container id");
    auto it = rings_.find(id);
    if (it == rings_.end()) return {};
    ONGGI_CHECK(make_dirs(dir_, 0700), "history");
    ONGGI_CHECK(write_file_atomic(file(id), it->second.serialize(), 0600), "save stats history of " + id.substr(0, 12));
    dirty_.erase(id);
    return {};
}

void HistoryStore::save_dirty()
{
    auto ids = dirty_;
    for (const auto& id : ids)  // a failed one stays dirty: the next tick tries again
        if (auto s = save(id); !s) qWarning("stats: %s", s.error().message().c_str());
}

void HistoryStore::forget(const std::string& id)
{
    rings_.erase(id);
    ooms_.erase(id);
    dirty_.erase(id);
    if (safe_id(id)) {
        ::unlink(file(id).c_str());
        ::unlink(oom_file(id).c_str());
    }
}

}  // namespace onggi::helper

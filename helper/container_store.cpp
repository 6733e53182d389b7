#include "helper/container_store.h"

#include <QtGlobal>

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace onggi::helper {

Result<json> read_json_file(const std::string& path, size_t max)
{
    auto text = read_file(path, max);
    if (!text) return std::move(text).error();
    json j = json::parse(text.value(), nullptr, false);
    if (j.is_discarded()) return Error(Errc::internal, path + ": not JSON");
    return j;
}

bool is_hex_id(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

ContainerStore::ContainerStore(std::string state_dir, SaveFailed on_save_failed)
    : state_dir_(std::move(state_dir)), on_save_failed_(std::move(on_save_failed))
{
}

ContainerPaths ContainerStore::paths(const std::string& id) const
{
    return ContainerPaths{state_dir_ + "/containers/" + id};
}

std::vector<std::string> ContainerStore::load()
{
    std::vector<std::string> loaded;
    DIR* d = ::opendir(containers_dir().c_str());
    if (!d) {
        qWarning("helper: open %s: %s", containers_dir().c_str(), std::strerror(errno));
        return loaded;
    }
    std::vector<std::string> ids;
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n.size() == 64 && is_hex_id(n)) ids.push_back(n);
    }
    ::closedir(d);
    std::sort(ids.begin(), ids.end());
    for (const auto& id : ids) {
        auto j = read_json_file(paths(id).record());
        if (!j) {
            qWarning("helper: skipping container %s: %s", id.c_str(), j.error().message().c_str());
            continue;
        }
        auto rec = ContainerRecord::from_json(j.value());
        if (!rec || rec->id != id) {
            qWarning("helper: skipping container %s: damaged container.json%s%s", id.c_str(), rec ? "" : ": ",
                     rec ? "" : rec.error().message().c_str());
            continue;
        }
        records_[id] = std::make_unique<ContainerRecord>(std::move(rec).value());
        loaded.push_back(id);
    }
    return loaded;
}

ContainerRecord* ContainerStore::get(const std::string& id)
{
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : it->second.get();
}

const ContainerRecord* ContainerStore::get(const std::string& id) const
{
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : it->second.get();
}

bool ContainerStore::name_in_use(const std::string& name) const
{
    for (const auto& [id, c] : records_)
        if (c->name == name) return true;
    return false;
}

Result<ContainerRecord*> ContainerStore::find(const std::string& ref, const Peer& peer)
{
    if (ref.empty() || ref.size() > 128) return Error(Errc::invalid_argument, "id: empty or too long");
    // Exact id, then exact name, then a unique id prefix.
    if (auto* c = get(ref); c && peer.may_see(c->owner_uid)) return c;
    for (auto& [id, c] : records_)
        if (c->name == ref && peer.may_see(c->owner_uid)) return c.get();
    if (ref.size() >= 3 && is_hex_id(ref)) {
        ContainerRecord* found = nullptr;
        for (auto& [id, c] : records_) {
            if (id.compare(0, ref.size(), ref) == 0 && peer.may_see(c->owner_uid)) {
                if (found) return Error(Errc::invalid_argument, "id: ambiguous prefix " + ref);
                found = c.get();
            }
        }
        if (found) return found;
    }
    return Error(Errc::not_found, "no such container: " + ref);
}

std::vector<const ContainerRecord*> ContainerStore::visible(const Peer& peer, bool all) const
{
    std::vector<const ContainerRecord*> out;
    for (const auto& [id, c] : records_)
        if (peer.may_see(c->owner_uid) && (all || c->live())) out.push_back(c.get());
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->created > b->created; });
    return out;
}

std::vector<const ContainerRecord*> ContainerStore::all() const
{
    std::vector<const ContainerRecord*> out;
    for (const auto& [id, c] : records_) out.push_back(c.get());
    return out;
}

std::vector<ContainerRecord*> ContainerStore::all_mut()
{
    std::vector<ContainerRecord*> out;
    for (const auto& [id, c] : records_) out.push_back(c.get());
    return out;
}

std::vector<const ContainerRecord*> ContainerStore::image_users(const std::string& image_id) const
{
    std::vector<const ContainerRecord*> out;
    for (const auto& [id, c] : records_)
        if (c->image_id == image_id) out.push_back(c.get());
    return out;
}

ContainerRecord* ContainerStore::insert(std::unique_ptr<ContainerRecord> r)
{
    ContainerRecord* raw = r.get();
    records_[r->id] = std::move(r);
    return raw;
}

Status ContainerStore::save(const ContainerRecord& c, Sync sync) const
{
    return write_file_atomic(paths(c.id).record(), c.to_json().dump(2) + "\n", 0600, sync);
}

void ContainerStore::save_or_report(const ContainerRecord& c, Sync sync, const char* what) const
{
    auto st = save(c, sync);
    if (st) return;
    Error e = std::move(st).error().wrap(std::string("save container.json after ") + what);
    qWarning("helper: container %s: %s", c.short_id().c_str(), e.message().c_str());
    if (on_save_failed_) on_save_failed_(c, e);
}

}  // namespace onggi::helper

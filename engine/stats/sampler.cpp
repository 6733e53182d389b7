#include "engine/stats/sampler.h"

namespace onggi::stats {

Status Sampler::add(const std::string& id, const cgroup::Cgroup& cg, pid_t init_pid, ReaderOptions opt)
{
    auto r = CgroupReader::open(cg, init_pid, opt);
    if (!r) return std::move(r).error().wrap("sample container " + id);
    slots_[id] = Slot{std::move(r.value()), std::nullopt};
    return {};
}

void Sampler::remove(const std::string& id) { slots_.erase(id); }

void Sampler::refresh(const std::string& id)
{
    if (auto it = slots_.find(id); it != slots_.end()) it->second.reader.refresh_all();
}

Result<Sampler::Entry> Sampler::sample_slot(const std::string& id, Slot& s)
{
    Entry e;
    e.id = id;
    if (auto st = s.reader.read(e.sample); !st) return std::move(st).error().wrap("sample container " + id);
    if (s.last) e.rates = compute_rates(*s.last, e.sample);
    s.last = e.sample;
    return e;
}

std::vector<Sampler::Entry> Sampler::sample_all(std::vector<std::string>* gone)
{
    std::vector<Entry> out;
    out.reserve(slots_.size());
    last_files_read_ = 0;
    for (auto it = slots_.begin(); it != slots_.end();) {
        auto e = sample_slot(it->first, it->second);
        last_files_read_ += it->second.reader.last_read_count();
        if (!e) {
            if (gone) gone->push_back(it->first);
            it = slots_.erase(it);
            continue;
        }
        out.push_back(std::move(e.value()));
        ++it;
    }
    return out;
}

Result<Sampler::Entry> Sampler::sample_one(const std::string& id)
{
    auto it = slots_.find(id);
    if (it == slots_.end()) return Error(Errc::not_found, "container " + id + " is not sampled");
    return sample_slot(id, it->second);
}

} // namespace onggi::stats

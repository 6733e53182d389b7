#include "engine/stats/sampler.h"

#include "engine/cgroup/knobs.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace onggi::stats {

namespace {

std::string dirname(const std::string& p)
{
    auto slash = p.rfind('/');
    return slash == std::string::npos || slash == 0 ? std::string() : p.substr(0, slash);
}

}  // namespace

Status Sampler::add(const std::string& id, const cgroup::Cgroup& cg, pid_t init_pid, ReaderOptions opt)
{
    auto r = CgroupReader::open(cg, init_pid, opt);
    if (!r) return std::move(r).error().wrap("sample container " + id);
    remove(id);
    Slot slot{std::move(r.value()), std::nullopt, {}};
    // The parent gate, when the container has a parent below the hierarchy root whose
    // counters can be read (a gated reader only: the ungated one stands for the old cost).
    std::vector<std::string> files;
    if (opt.gate && dirname(cg.path()).size() > 0) {
        // The parent's CPU, memory and (v2) I/O counters, named by the one table.
        using K = cgroup::Knob;
        const bool v2 = cg.mode() == cgroup::Mode::v2;
        for (K k : v2 ? std::vector<K>{K::cpu_stat, K::memory_usage, K::io_stat}
                      : std::vector<K>{K::cpu_usage, K::memory_usage}) {
            auto f = cgroup::knob_file(k, cg.mode());
            const std::string d = f ? dirname(cg.controller_dir(std::string(f->controller))) : std::string();
            if (d.empty()) {
                files.clear();
                break;
            }
            files.push_back(d + "/" + std::string(f->file));
        }
    }
    if (!files.empty()) {
        std::string key = files[0];
        auto it = parents_.find(key);
        if (it == parents_.end()) {
            Parent p;
            for (auto& f : files) {
                int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
                if (fd < 0) break;
                p.fds.emplace_back(fd);
            }
            if (p.fds.size() == files.size()) {
                p.last.resize(files.size());
                it = parents_.emplace(key, std::move(p)).first;
            }
        }
        if (it != parents_.end()) {
            ++it->second.users;
            slot.parent = key;
        }
    }
    slots_.emplace(id, std::move(slot));
    return {};
}

void Sampler::drop_slot(std::map<std::string, Slot>::iterator it)
{
    if (!it->second.parent.empty())
        if (auto p = parents_.find(it->second.parent); p != parents_.end() && --p->second.users == 0) parents_.erase(p);
    slots_.erase(it);
}

void Sampler::remove(const std::string& id)
{
    if (auto it = slots_.find(id); it != slots_.end()) drop_slot(it);
}

void Sampler::read_parents()
{
    last_quiet_parents_ = 0;
    for (auto& [key, p] : parents_) {
        // With one container under it, the parent tells no more than the container's own CPU
        // and memory files, and costs as many reads again when it is busy.
        if (!parent_gate_ || p.users < 2) {
            p.valid = false;
            continue;
        }
        bool same = p.valid, ok = true;
        for (size_t i = 0; i < p.fds.size(); ++i) {
            char buf[4096];
            ssize_t n;
            do n = ::pread(p.fds[i].get(), buf, sizeof buf, 0);
            while (n < 0 && errno == EINTR);
            if (n < 0) {
                ok = false;
                break;
            }
            std::string_view t(buf, size_t(n));
            if (t != p.last[i]) {
                same = false;
                p.last[i].assign(t);
            }
        }
        if (!ok || !same) ++p.gen;
        p.valid = ok;
        last_quiet_parents_ += ok && same;
    }
}

void Sampler::refresh(const std::string& id)
{
    if (auto it = slots_.find(id); it != slots_.end()) it->second.reader.refresh_all();
}

Result<Sampler::Entry> Sampler::sample_slot(const std::string& id, Slot& s, bool quiet, bool keep)
{
    Entry e;
    e.id = id;
    if (auto st = s.reader.read(e.sample, quiet); !st) return std::move(st).error().wrap("sample container " + id);
    if (s.last) e.rates = compute_rates(*s.last, e.sample);
    if (keep) s.last = e.sample;
    return e;
}

std::vector<Sampler::Entry> Sampler::sample_all(std::vector<std::string>* gone)
{
    std::vector<std::string> ids;
    ids.reserve(slots_.size());
    for (const auto& [id, slot] : slots_) ids.push_back(id);
    return sample_some(ids, gone);
}

std::vector<Sampler::Entry> Sampler::sample_some(const std::vector<std::string>& ids, std::vector<std::string>* gone)
{
    std::vector<Entry> out;
    out.reserve(ids.size());
    // The parents first: a container read after a parent reading holds values at least as
    // fresh as it, which is what makes a later "quiet" sound (see the header).
    read_parents();
    last_files_read_ = 0;
    for (auto& [key, p] : parents_)
        if (p.valid) last_files_read_ += p.fds.size();
    for (const auto& id : ids) {
        auto it = slots_.find(id);
        if (it == slots_.end()) continue;
        Slot& slot = it->second;
        Parent* p = nullptr;
        if (!slot.parent.empty())
            if (auto pi = parents_.find(slot.parent); pi != parents_.end() && pi->second.valid) p = &pi->second;
        const bool quiet = p && slot.seen_gen == p->gen;
        auto e = sample_slot(id, slot, quiet);
        last_files_read_ += slot.reader.last_read_count();
        if (!e) {
            if (gone) gone->push_back(id);
            drop_slot(it);
            continue;
        }
        slot.seen_gen = p ? p->gen : 0;
        out.push_back(std::move(e.value()));
    }
    return out;
}

Result<Sampler::Entry> Sampler::sample_one(const std::string& id)
{
    auto it = slots_.find(id);
    if (it == slots_.end()) return Error(Errc::not_found, "container " + id + " is not sampled");
    return sample_slot(id, it->second, false, false);
}

}  // namespace onggi::stats

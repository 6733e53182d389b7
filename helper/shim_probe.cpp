#include "helper/shim_probe.h"

#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace onggi::helper {

namespace {

nlohmann::json read_json(const std::string& path)
{
    auto text = read_file(path, 1 << 16);
    if (!text) return nullptr;
    nlohmann::json j = nlohmann::json::parse(text.value(), nullptr, false);
    return j.is_object() ? j : nlohmann::json(nullptr);
}

} // namespace

ShimProbe ShimProbe::read(const std::string& shim_dir)
{
    ShimProbe p;
    // F_OFD_GETLK only tests: it takes nothing, so it cannot make a starting shim fail its lock.
    UniqueFd fd(::open((shim_dir + "/shim.lock").c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd) {
        p.has_lock_file = true;
        struct flock fl {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        p.alive = ::fcntl(fd.get(), F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    }
    // exit.json is written last, then the lock goes: read shim.json after the lock test so that
    // a shim seen alive has had its chance to write it.
    if (auto s = read_json(shim_dir + "/shim.json"); s.is_object()) {
        p.has_shim_json = true;
        p.shim_pid = s.value("shim_pid", pid_t(0));
        p.init_pid = s.value("init_pid", pid_t(0));
        p.init_start_time = s.value("init_start_time", uint64_t(0));
        p.started_at_ns = s.value("started_at_ns", int64_t(0));
    }
    if (auto e = read_json(shim_dir + "/exit.json"); e.is_object()) {
        p.has_exit_json = true;
        p.exit = std::move(e);
    }
    return p;
}

bool cgroup_populated(const std::string& cgroup_path)
{
    auto host = cgroup::probe_host();
    if (!host) return false;
    auto cg = cgroup::open(host.value(), cgroup_path);
    if (!cg) return false;
    auto pids = cg.value()->pids();
    return pids && !pids->empty();
}

Result<size_t> reap_cgroup(const std::string& cgroup_path, int wait_ms)
{
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error().wrap("reap cgroup");
    auto cg = cgroup::open(host.value(), cgroup_path);
    if (!cg) return size_t(0);  // no cgroup: nothing left
    auto& g = *cg.value();
    auto pids = g.pids();
    size_t found = pids ? pids->size() : 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    for (;;) {
        auto left = g.pids();
        if (left && !left->empty()) (void)g.kill_all(SIGKILL);
        auto r = g.remove();
        if (r) return found;
        if (r.error().code != Errc::busy || std::chrono::steady_clock::now() > deadline)
            return std::move(r).error().wrap("reap cgroup " + cgroup_path);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace onggi::helper

#include "helper/shim_probe.h"

#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <thread>

namespace onggi::helper {

namespace {

// The file's text, or nullopt when it is not there (or not readable).
std::optional<std::string> read_small(const std::string& path)
{
    auto text = read_file(path, 1 << 16);
    if (!text) return std::nullopt;
    return std::move(text).value();
}

}  // namespace

ShimProbe ShimProbe::read(const std::string& shim_dir)
{
    ShimProbe p;
    // F_OFD_GETLK only tests: it takes nothing, so it cannot make a starting shim fail its lock.
    UniqueFd fd(::open((shim_dir + "/" + shim::kLockFile).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd) {
        p.has_lock_file = true;
        struct flock fl {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        p.alive = ::fcntl(fd.get(), F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    }
    // exit.json is written last, then the lock goes: read shim.json after the lock test so that
    // a shim seen alive has had its chance to write it.
    if (auto text = read_small(shim_dir + "/" + shim::kShimFile)) {
        if (auto s = shim::ShimInfo::parse(*text)) {
            p.has_shim_json = true;
            p.shim_pid = s->shim_pid;
            p.init_pid = s->init_pid;
            p.init_start_time = s->init_start_time;
            p.started_at_ns = s->started_at_ns;
        } else {
            p.damage = s.error().message();
        }
    }
    if (auto text = read_small(shim_dir + "/" + shim::kExitFile)) {
        if (auto e = shim::ExitInfo::parse(*text)) {
            p.has_exit_json = true;
            p.exit = std::move(e).value();
        } else {
            p.damage = e.error().message();
        }
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
    std::optional<Error> kill_failed;  // why the cgroup stays busy, when it does
    for (;;) {
        auto left = g.pids();
        if (left && !left->empty())
            if (auto k = g.kill_all(SIGKILL); !k) kill_failed = std::move(k).error();
        auto r = g.remove();
        if (r) return found;
        if (r.error().code != Errc::busy || std::chrono::steady_clock::now() > deadline) {
            if (r.error().code == Errc::busy && kill_failed)
                return std::move(*kill_failed).wrap("reap cgroup " + cgroup_path + ": kill what is left");
            return std::move(r).error().wrap("reap cgroup " + cgroup_path);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace onggi::helper

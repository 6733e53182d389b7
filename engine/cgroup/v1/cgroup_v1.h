// cgroup v1 backend: one directory per hierarchy (cpu, cpuacct, cpuset, memory, pids, freezer,
// blkio, devices; co-mounted hierarchies are written once). On a hybrid host the container
// also gets a directory in the controller-less cgroup2 mount for PSI and cgroup.kill.
#pragma once

#include "engine/cgroup/cgroup.h"

#include <map>

namespace onggi::cgroup::v1 {

class CgroupV1 final : public Cgroup {
public:
    static Result<std::unique_ptr<Cgroup>> make(const HostInfo& host, const std::string& path, bool create);

    const std::string& path() const override { return path_; }
    Mode mode() const override { return mode_; }
    Status apply(const spec::Resources& r) override;
    Status add_process(pid_t pid) override;
    int dir_fd() const override { return -1; }
    Status freeze() override;
    Status thaw() override;
    Result<bool> frozen() const override;
    Result<std::vector<pid_t>> pids() const override;
    Status kill_all(int signal) override;
    Result<Stats> stats() const override;
    Result<uint64_t> oom_kills() const override;
    Status remove() override;
    std::string controller_dir(const std::string& controller) const override;

private:
    CgroupV1() = default;
    Status apply_cpu(const spec::Resources& r);
    Status apply_memory(const spec::Resources& r);
    Status apply_blkio(const spec::Resources& r);
    Status apply_devices(const spec::Resources& r);
    Status apply_hugetlb_and_network(const spec::Resources& r);  // hugetlb, net_cls, net_prio
    Status set_freezer(const char* state);

    std::string path_;
    Mode mode_ = Mode::v1;
    std::map<std::string, std::string> dirs_;  // controller -> directory of this cgroup
    std::vector<std::string> unique_dirs_;     // one per hierarchy (co-mounts once)
    std::string unified_;                      // hybrid: directory in the cgroup2 mount
};

}  // namespace onggi::cgroup::v1

// cgroup v2 backend: one directory in the unified hierarchy. Controllers are enabled in
// cgroup.subtree_control of every ancestor on create; the leaf keeps the processes.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/core/unique_fd.h"

namespace onggi::cgroup::v2 {

class CgroupV2 final : public Cgroup {
public:
    static Result<std::unique_ptr<Cgroup>> make(const HostInfo& host, const std::string& path, bool create);

    const std::string& path() const override { return path_; }
    Mode mode() const override { return Mode::v2; }
    Status apply(const spec::Resources& r) override;
    Status add_process(pid_t pid) override;
    int dir_fd() const override { return fd_.get(); }
    Status freeze() override;
    Status thaw() override;
    Result<bool> frozen() const override;
    Result<std::vector<pid_t>> pids() const override;
    Status kill_all(int signal) override;
    Result<Stats> stats() const override;
    Result<uint64_t> oom_kills() const override;
    Status remove() override;
    std::string controller_dir(const std::string&) const override { return dir_; }

private:
    CgroupV2() = default;
    Status apply_cpu(const spec::Resources& r);
    Status apply_memory(const spec::Resources& r);
    Status apply_io(const spec::Resources& r);
    Status apply_unified(const spec::Resources& r);

    std::string path_;
    std::string dir_;
    UniqueFd fd_;
};

}  // namespace onggi::cgroup::v2

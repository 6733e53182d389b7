// A private, writable copy of tests/fixtures/cgroup/<v1|v2> (real cgroup file formats) and the
// HostInfo that points the cgroup library at it; shared by the stats unit tests.
#pragma once

#include "engine/cgroup/cgroup.h"

#include <QTemporaryDir>

#include <filesystem>
#include <string>

class FixtureTree {
public:
    // A fresh copy of the v1 or v2 tree for each call ("v1" or "v2").
    onggi::cgroup::HostInfo copy(const char* which)
    {
        root_ = tmp_.path().toStdString() + "/" + which + "-" + std::to_string(++n_);
        std::filesystem::copy(std::string(ONGGI_SOURCE_DIR) + "/tests/fixtures/cgroup/" + which, root_,
                              std::filesystem::copy_options::recursive);
        onggi::cgroup::HostInfo h;
        h.root = root_;
        h.mode = std::string(which) == "v2" ? onggi::cgroup::Mode::v2 : onggi::cgroup::Mode::v1;
        if (h.mode == onggi::cgroup::Mode::v1)
            h.controllers = {"blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids"};
        return h;
    }
    bool valid() const { return tmp_.isValid(); }
    // The root of the last copy.
    const std::string& root() const { return root_; }

private:
    QTemporaryDir tmp_;
    int n_ = 0;
    std::string root_;
};

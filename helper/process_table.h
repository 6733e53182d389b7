// ProcessTable: what container.top shows of the processes in a container's cgroup, read from
// /proc/PID/status (NSpid, Uid, State) and /proc/PID/cmdline, and the start time that guards a
// recorded pid against reuse (/proc/PID/stat). The JSON is the handler's (container_top.cpp).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onggi::helper {

struct ProcessRow {
    pid_t host_pid = 0;
    pid_t pid = 0;  // in the container's pid namespace (the last NSpid)
    uid_t uid = 0;
    std::string state;  // one letter, as ps
    std::string cmd;    // argv joined by spaces
};

// nullopt when the process is gone.
std::optional<ProcessRow> read_process(pid_t pid);
// The rows of the processes still there, in the order given.
std::vector<ProcessRow> read_processes(const std::vector<pid_t>& pids);

// /proc/PID/stat field 22 (start time in clock ticks); 0 when the process is gone.
uint64_t process_starttime(pid_t pid);

}  // namespace onggi::helper

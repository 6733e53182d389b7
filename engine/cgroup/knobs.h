// The one table of cgroupfs file names: for each thing Onggi reads or shows of a container's
// cgroup (a "knob"), the controller and file that hold it on cgroup v1 and on cgroup v2
// (Documentation/admin-guide/cgroup-v1/*.rst, cgroup-v2.rst). The stats reader, the OOM
// watcher, the backends, the helper's kernel view and (through that view's "knob" ids) the
// GUI's lessons all name files through it; nobody else spells a cgroupfs file name.
//
// Where one v2 file holds what v1 splits over several (cpu.max: quota and period; io.max: the
// four throttles), the first knob owns the v2 file and the others have none on v2. Hybrid hosts
// use the v1 names; their pressure files come from the unified (cgroup2) directory, which the
// table names as the controller "unified".
#pragma once

#include "engine/cgroup/cgroup.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace onggi::cgroup {

enum class Knob : uint8_t {
    // core
    procs,
    controllers,
    subtree_control,
    freeze,
    kill,
    // cpu
    cpu_stat,
    cpu_usage,
    cpu_usage_all,
    cpu_usage_user,
    cpu_usage_sys,
    cpuacct_stat,
    cpu_quota,
    cpu_period,
    cpu_weight,
    cpu_idle,
    cpuset_cpus,
    cpuset_mems,
    cpu_pressure,
    // memory
    memory_usage,
    memory_limit,
    memory_peak,
    memory_high,
    memory_low,
    memory_min,
    memory_swap_usage,
    memory_swap_limit,
    memory_stat,
    memory_failcnt,
    memory_oom,
    memory_oom_control_events,
    memory_swappiness,
    memory_kernel_tcp,
    memory_pressure,
    // pids
    pids_current,
    pids_limit,
    pids_events,
    // io
    io_stat,
    io_service_bytes,
    io_serviced,
    io_service_bytes_local,
    io_serviced_local,
    io_weight,
    io_bfq_weight,
    io_read_bps,
    io_write_bps,
    io_read_iops,
    io_write_iops,
    io_pressure,
    // v1 only: devices, net_cls, net_prio
    devices_allow,
    devices_deny,
    net_cls_classid,
    net_prio_ifpriomap,
};

struct KnobFile {
    std::string_view controller;  // as Cgroup::controller_dir takes it
    std::string_view file;
};

// Every knob, in the table's order.
std::span<const Knob> all_knobs();
// The knob's stable id ("memory_limit"): what container.kernel_view sends beside each file.
std::string_view knob_id(Knob k);
std::optional<Knob> knob_by_id(std::string_view id);
// The controller and file of `k` on a host of mode `m`; nullopt when that mode has no such file.
std::optional<KnobFile> knob_file(Knob k, Mode m);
// Only the file name (a string literal); "" when the mode has none.
const char* knob_name(Knob k, Mode m);
// The hugetlb limit of one page size ("2MB"): v1 hugetlb.2MB.limit_in_bytes, v2 hugetlb.2MB.max.
std::string hugetlb_limit_name(const std::string& page_size, Mode m);
// The file's path in `cg`: its controller's directory and the name; empty when the mode has no
// such file or the host lacks the controller.
std::string knob_path(const Cgroup& cg, Knob k);
// What the Learn lessons show of a container's cgroup (container.kernel_view), in order.
std::span<const Knob> lesson_knobs();

}  // namespace onggi::cgroup

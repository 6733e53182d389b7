// onggi-runtime's command line: what the commands share (global options, the parsed arguments,
// errors and logging, state and cgroup helpers). One command per file: cmd_<name>.cpp.
#pragma once

#include "engine/cgroup/cgroup.h"
#include "engine/cmd/state_record.h"
#include "engine/core/result.h"
#include "engine/core/unique_fd.h"
#include "engine/runtime/launcher.h"
#include "engine/spec/spec.h"

#include <sys/types.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace onggi::runtime_cli {

struct Globals {
    std::string root = "/run/onggi-runtime";
    std::string log;
    std::string log_format = "text";
};
extern Globals g;

// Parsed command line of one command: options (name -> values) and positionals.
struct Args {
    std::map<std::string, std::vector<std::string>> opts;
    std::vector<std::string> pos;
    bool has(const std::string& k) const { return opts.count(k) != 0; }
    std::string get(const std::string& k, const std::string& def = "") const
    {
        auto it = opts.find(k);
        return it == opts.end() || it->second.empty() ? def : it->second.back();
    }
};

std::string now_rfc3339();
void log_line(const std::string& level, const std::string& msg);
int fail(const Error& e);
// What the command must drop and still goes on from (an undo that failed, a state that could not
// be saved for others to see): a warning on stderr and in the log, as crun writes one.
void warn_if_failed(const Status& s, const std::string& what);
int usage_error(const std::string& msg);
Result<Args> parse_args(const std::vector<std::string>& in, bool stop_after_first_positional,
                        const std::set<std::string>& valued_override = {});
std::string bundle_of(const Args& a);
Status write_pid_file(const Args& a, pid_t pid);
// What the container is now: exited ("stopped") once its process is gone, paused while its
// cgroup is frozen, else what the record says.
ContainerState live_status(const cmd::StateRecord& s);
Result<std::unique_ptr<cgroup::Cgroup>> open_cgroup(const cmd::StateRecord& s);
bool wait_gone(pid_t pid, uint64_t start_time, int timeout_ms);
Status remove_cgroup(const std::string& path);

// The foreground process of `run` and `exec`: termination signals go on to it (as runc does).
extern volatile pid_t g_forward_pid;
void forward(int sig);

// create and run: launches the bundle's container and fills its state (cmd_create.cpp).
Result<runtime::Launched> do_create(const cmd::StateStore& store, const std::string& id, const Args& a,
                                    bool wait_for_start, cmd::StateRecord& st, UniqueFd* console_master = nullptr);

// The config the container was created with (<state>/<id>/config.json, written by create):
// its hooks run at start and delete even when the bundle has changed or is gone.
Result<spec::Spec> stored_spec(const cmd::StateStore& store, const std::string& id);
// The rootfs mount of a container without a mount namespace of its own.
runtime::SharedRootfs shared_rootfs_of(const cmd::StateRecord& st);
// start's work on a created container (cmd_start.cpp): startContainer hooks in the container
// (one failing stops the container), the program, then poststart hooks (failures: warnings).
// Saves the state as running.
Status do_start(cmd::StateStore& store, cmd::StateRecord& st);
// poststop hooks (failures: warnings), state "stopped"; after the container is gone.
void run_poststop(const spec::Spec& spec, cmd::StateRecord st);

// One function per command, one file per command (cmd_<name>.cpp).
int cmd_create(cmd::StateStore& store, const Args& a);
int cmd_start(cmd::StateStore& store, const Args& a);
int cmd_run(cmd::StateStore& store, const Args& a);
int cmd_state(cmd::StateStore& store, const Args& a);
int cmd_kill(cmd::StateStore& store, const Args& a);
int cmd_delete(cmd::StateStore& store, const Args& a);
int cmd_pause_resume(cmd::StateStore& store, const Args& a, bool pause);
int cmd_update(cmd::StateStore& store, const Args& a);
int cmd_ps(cmd::StateStore& store, const Args& a);
int cmd_list(cmd::StateStore& store, const Args& a);
int cmd_spec(const Args& a);
int cmd_exec(cmd::StateStore& store, const Args& a);

}  // namespace onggi::runtime_cli

// Typed requests: every method's params are decoded into one of these structs and validated
// (types, sizes, ranges, formats) before any handler touches the system. A decoder's error is
// invalid_argument with the field named ("limits.memory: expected an integer >= 0").
#pragma once

#include "engine/core/result.h"
#include "helper/net/net_options.h"
#include "helper/rpc.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onggi::helper {

struct IoLimit {
    uint32_t major = 0, minor = 0;
    uint64_t read_bps = 0, write_bps = 0, read_iops = 0, write_iops = 0;
};

// Container limits as in docs/protocol.md. Unset = not given (update leaves it alone);
// 0 = unlimited.
struct Limits {
    std::optional<double> cpus;
    std::optional<uint64_t> cpu_weight;  // 1..10000 (0 = default)
    std::optional<std::string> cpuset;
    std::optional<int64_t> memory, memory_high, memory_reservation, memory_swap;  // memory_swap -1 = unlimited swap
    std::optional<int64_t> pids;
    std::optional<std::vector<IoLimit>> io;

    bool empty() const;
    void merge(const Limits& newer);  // fields set in newer replace ours
    json to_json() const;             // only the fields that are set
};

struct NamespaceOptions {
    std::string network;  // "" (the helper's default) | private | host | none | bridge | a network's name
    bool pid = true, ipc = true, uts = true, cgroup = true, time = false, user = false;
};

struct Volume {
    std::string source, target;
    bool readonly = false;
};

struct SecurityOptions {
    std::vector<std::string> cap_add, cap_drop;
    std::string seccomp = "default";  // default | unconfined | /abs/path.json
    bool read_only = false, privileged = false, userns = false;
};

struct RestartPolicy {
    std::string mode = "no";  // no | on-failure | always
    int max_retries = 0;      // on-failure:N, 0 = unlimited
    std::string to_string() const;
};

struct CreateParams {
    std::string name;  // empty = generate
    std::string image;
    std::vector<std::string> cmd;  // empty = the image's
    std::vector<std::string> env;
    std::string hostname;
    std::string workdir;
    std::optional<uint32_t> uid, gid;
    std::string user_names;  // "user[:group]" naming a user or group: resolved at create (image's /etc/passwd)
    bool tty = false, init = false, auto_remove = false;
    bool open_stdin = false;  // docker's -i: the container's stdin is a pipe its attacher writes to
    RestartPolicy restart;
    Limits limits;
    NamespaceOptions namespaces;
    std::vector<Volume> volumes;
    SecurityOptions security;
    // log_opts {"max-size":"10m","max-file":"3"} (docker json-file's): 0 = the helper's default.
    // max-size "-1" (root only): no cap.
    uint64_t log_max_size = 0;
    int log_max_files = 0;
    bool log_unlimited = false;
    NetOptions net;  // ports, publish_all, expose, ip, dns, extra_hosts (helper/net/net_options.h)
};

struct HelloParams {
    std::string client;
    int protocol = 1;
};
struct IdParams {
    std::string id;
};
// attach: the reply carries the attach socket; rows/cols (with attach only, both or neither):
// the terminal's size before the container's init runs (0 = not given).
struct StartParams {
    std::string id;
    bool attach = false;
    uint16_t rows = 0, cols = 0;
};
struct StopParams {
    std::string id;
    int timeout = 10;
};
struct KillParams {
    std::string id;
    int signal = 9;
};
struct RemoveParams {
    std::string id;
    bool force = false;
};
struct ListParams {
    bool all = false;
};
struct LogsParams {
    std::string id;
    int64_t tail = -1;
    std::string cursor;  // continue from a reply's "cursor" (paging; with follow: follow from there)
    bool follow = false, timestamps = true;
    bool next_run = false;  // follow: an exited container's next run (a start pipelined behind)
};
struct ExecParams {
    std::string id;
    std::vector<std::string> cmd, env;
    std::string workdir;
    std::optional<uint32_t> uid, gid;
    std::string user_names;  // as in CreateParams; resolved in the running container's /etc/passwd
    bool tty = false;
};
struct ExecWaitParams {
    int64_t exec_id = 0;
};
struct UpdateParams {
    std::string id;
    Limits limits;
};
struct ImageRemoveParams {
    std::string image;
    bool force = false;
};
// images.pull: credentials are for this pull only (basic auth, or sent to the token realm).
struct ImagePullParams {
    std::string image, username, password;
};
struct ImagePullCancelParams {
    int64_t pull = 0;
};
struct ImageRefParams {
    std::string image;
};
// images.tag: target is "name[:tag]" as docker reads it (tag defaults to latest).
struct ImageTagParams {
    std::string image, target;
};
// images.prune: without all, only dangling (untagged) images; with all, every image no container uses.
struct ImagePruneParams {
    bool all = false;
};
// images.save: the images ("name[:tag]" or id) written to path (absolute; opened as the caller).
struct ImageSaveParams {
    std::vector<std::string> images;
    std::string path;
    bool progress = false;
};
// images.load: the archive at path (absolute; opened as the caller).
struct ImageLoadParams {
    std::string path;
    bool progress = false;
};
// images.commit: the container's writable layer as a new image (name[:tag], or untagged).
struct ImageCommitParams {
    std::string container, image, comment;
};
struct SubscribeParams {
    std::string filter_id;
    std::string type;
};  // type: "", "container", "image"
struct UnsubscribeParams {
    int64_t subscription = 0;
};
// stats.subscribe: ids are references as the client gave them (resolved by the service).
struct StatsSubscribeParams {
    int interval_ms = 1000;
    std::vector<std::string> ids;
};
struct StatsHistoryParams {
    std::string id;
    int64_t seconds = 900;
};

Result<HelloParams> decode_hello(const json& p);
Result<IdParams> decode_id(const json& p);
Result<StartParams> decode_start(const json& p);
Result<StopParams> decode_stop(const json& p);
Result<KillParams> decode_kill(const json& p);
Result<RemoveParams> decode_remove(const json& p);
Result<ListParams> decode_list(const json& p);
Result<LogsParams> decode_logs(const json& p);
Result<ExecParams> decode_exec(const json& p);
Result<ExecWaitParams> decode_exec_wait(const json& p);
Result<UpdateParams> decode_update(const json& p);
Result<CreateParams> decode_create(const json& p);
Result<ImageRemoveParams> decode_image_remove(const json& p);
Result<ImagePullParams> decode_image_pull(const json& p);
Result<ImagePullCancelParams> decode_image_pull_cancel(const json& p);
Result<ImageRefParams> decode_image_ref(const json& p);
Result<ImageTagParams> decode_image_tag(const json& p);
Result<ImagePruneParams> decode_image_prune(const json& p);
Result<ImageSaveParams> decode_image_save(const json& p);
Result<ImageLoadParams> decode_image_load(const json& p);
Result<ImageCommitParams> decode_image_commit(const json& p);
Result<SubscribeParams> decode_subscribe(const json& p);
Result<UnsubscribeParams> decode_unsubscribe(const json& p);
Result<StatsSubscribeParams> decode_stats_subscribe(const json& p);
Result<StatsHistoryParams> decode_stats_history(const json& p);
Result<Limits> decode_limits(const json& p, const std::string& field = "limits");
Result<RestartPolicy> parse_restart_policy(const std::string& s);

// Building blocks, exported for the unit tests and for handlers added later (stats).
bool valid_container_name(const std::string& s);  // [a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}
// "SIGTERM", "TERM", "15" -> 15; 0 when unknown.
int signal_from_name(const std::string& s);
// "0", "0:0", "1000:1000" -> uid, gid. A spec with a name ("nobody", "1000:staff") is only
// checked for syntax and returned in *names: the container's /etc/passwd resolves it later.
Status parse_user(const std::string& s, std::optional<uint32_t>& uid, std::optional<uint32_t>& gid,
                  std::string* names = nullptr);

}  // namespace onggi::helper

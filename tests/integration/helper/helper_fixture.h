// Test fixture: a REAL onggi-helper process in a temp state root with a temp socket, and a
// minimal blocking JSON-lines client (raw unix socket, so the test controls every byte).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>

#include <QByteArray>
#include <QTemporaryDir>

#include <sys/types.h>

#include <string>
#include <vector>

namespace onggi::test {

using json = nlohmann::json;

std::string build_dir();
std::string helper_binary();
std::string shim_binary();  // empty when the shim is not built

class RawClient {
public:
    RawClient() = default;
    explicit RawClient(const std::string& socket) { connect_to(socket); }
    ~RawClient();
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    bool connect_to(const std::string& socket);
    bool connected() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    bool send_raw(const std::string& bytes);
    // Next line (without '\n'); empty + eof() when the peer closed; times out after timeout_ms.
    std::string read_line(int timeout_ms = 20000);
    bool eof() const { return eof_; }
    // Next JSON message (reply or notification) or null on EOF/timeout.
    json read_json(int timeout_ms = 20000);
    // Sends a request and returns the reply with that id (notifications in between are kept
    // in `notifications`).
    json call(const std::string& method, const json& params = json::object(), int timeout_ms = 60000);
    // Like call, and receives an fd passed with the reply (SCM_RIGHTS); -1 if none.
    json call_with_fd(const std::string& method, const json& params, int& fd_out, int timeout_ms = 60000);
    // Wait for a notification matching method (and optional predicate).
    json wait_notification(const std::string& method, int timeout_ms = 30000,
                           const std::function<bool(const json&)>& pred = {});
    // The fd that came with the last message read (SCM_RIGHTS), owned by the caller; -1 if none.
    int take_fd()
    {
        int fd = pending_fd_;
        pending_fd_ = -1;
        return fd;
    }
    std::vector<json> notifications;

private:
    int fd_ = -1;
    std::string buf_;
    bool eof_ = false;
    int64_t next_id_ = 1;
    int pending_fd_ = -1;
};

class HelperProcess {
public:
    HelperProcess();
    ~HelperProcess();

    // Starts onggi-helper; extra args appended. Waits until the socket answers hello.
    bool start(const std::vector<std::string>& extra = {});
    // cgroup v2: the helper starts in this cgroup (as systemd puts a service in its own), not ours.
    void start_in_cgroup(const std::string& path) { start_cgroup_ = path; }
    // The helper starts with this soft RLIMIT_NOFILE (the hard one as ours), as under a unit's
    // LimitNOFILE=SOFT:HARD or a shell's `ulimit -Sn SOFT`; 0: ours.
    void start_with_fd_limit(long soft, long hard = 0)
    {
        start_fd_limit_ = soft;
        start_fd_hard_limit_ = hard;
    }
    void kill9();
    bool stop();  // SIGTERM + wait (10 s, then SIGKILL)
    // The wait status of the last stop() that saw the helper end by itself (-1: none did).
    int stop_status() const { return stop_status_; }
    bool alive() const;
    pid_t pid() const { return pid_; }
    const std::string& socket() const { return socket_; }
    const std::string& state_dir() const { return state_; }
    std::string root() const { return dir_.path().toStdString(); }
    const std::string& cgroup_parent() const { return cgroup_parent_; }
    std::string log() const;
    // container.create with `create`, then container.start, through `c`: the id; empty when
    // either fails (the reply and this helper's log go to qWarning).
    std::string create_and_start(RawClient& c, const json& create) const;

private:
    QTemporaryDir dir_;
    std::string socket_, state_, run_, cgroup_parent_, start_cgroup_;
    long start_fd_limit_ = 0;
    long start_fd_hard_limit_ = 0;  // 0: the test's own
    pid_t pid_ = -1;
    int stop_status_ = -1;
};

// A file's whole text, empty when it cannot be read. read(2), not an ifstream: reading
// /proc/PID/... of a process that exits meanwhile fails with ESRCH, which libstdc++'s filebuf
// throws out of an istreambuf_iterator (it aborted tst_helper_faults in the v2 guest).
std::string slurp(const std::string& path);

// A container name of its own: "<base>-<pid>-<n>".
std::string unique_name(const char* base);
// The stable error code ("errc") of a reply; empty for a result.
std::string errc_of(const json& reply);

// container.create with `create`, start, wait (30 s at most) for it to exit; returns its output
// log lines (no timestamps) and removes it. An error's text when create or start fails.
std::string run_to_exit(RawClient& c, const json& create);

// Fork a child that drops to uid/gid (with `groups` as its supplementary groups, none by
// default), connects, and for each request (method, params) sends it and reads one reply line.
// Returns the replies read (parsed), fewer when the helper closed the connection. With no
// requests, returns the one line the helper sends unasked (the refusal), if any.
std::vector<json> as_user(uid_t uid, gid_t gid, const std::string& socket,
                          const std::vector<std::pair<std::string, json>>& requests,
                          const std::vector<gid_t>& groups = {});

}  // namespace onggi::test

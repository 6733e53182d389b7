#include "helper_fixture.h"

#include <QDebug>
#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

namespace onggi::test {

std::string build_dir()
{
    const char* b = std::getenv("ONGGI_BINARY_DIR");
    return b && *b ? b : ONGGI_BINARY_DIR;
}

std::string helper_binary() { return build_dir() + "/helper/onggi-helper"; }

std::string shim_binary()
{
    std::string p = build_dir() + "/bin/onggi-shim";
    return ::access(p.c_str(), X_OK) == 0 ? p : std::string();
}

RawClient::~RawClient()
{
    if (fd_ >= 0) ::close(fd_);
    if (pending_fd_ >= 0) ::close(pending_fd_);
}

bool RawClient::connect_to(const std::string& socket)
{
    if (fd_ >= 0) ::close(fd_);
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un a {};
    a.sun_family = AF_UNIX;
    std::strncpy(a.sun_path, socket.c_str(), sizeof a.sun_path - 1);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) {
        ::close(fd_);
        fd_ = -1;
        return false;
    }
    eof_ = false;
    buf_.clear();
    return true;
}

bool RawClient::send_raw(const std::string& bytes)
{
    size_t off = 0;
    while (off < bytes.size()) {
        ssize_t n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        off += size_t(n);
    }
    return true;
}

std::string RawClient::read_line(int timeout_ms)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        size_t nl = buf_.find('\n');
        if (nl != std::string::npos) {
            std::string line = buf_.substr(0, nl);
            buf_.erase(0, nl + 1);
            return line;
        }
        if (eof_ || fd_ < 0) return {};
        int left = int(
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        if (left <= 0) return {};
        struct pollfd p {
            fd_, POLLIN, 0
        };
        if (::poll(&p, 1, left) <= 0) continue;
        char data[65536];
        struct msghdr msg {};
        struct iovec iov {
            data, sizeof data
        };
        alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof(int) * 4)];
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = ctrl;
        msg.msg_controllen = sizeof ctrl;
        ssize_t n = ::recvmsg(fd_, &msg, MSG_CMSG_CLOEXEC);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            eof_ = true;
            continue;
        }
        for (struct cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                int fd;
                std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
                if (pending_fd_ >= 0) ::close(pending_fd_);
                pending_fd_ = fd;
            }
        buf_.append(data, size_t(n));
    }
}

json RawClient::read_json(int timeout_ms)
{
    std::string line = read_line(timeout_ms);
    if (line.empty()) return nullptr;
    return json::parse(line, nullptr, false);
}

json RawClient::call(const std::string& method, const json& params, int timeout_ms)
{
    int fd = -1;
    json r = call_with_fd(method, params, fd, timeout_ms);
    if (fd >= 0) ::close(fd);
    return r;
}

json RawClient::call_with_fd(const std::string& method, const json& params, int& fd_out, int timeout_ms)
{
    int64_t id = next_id_++;
    fd_out = -1;
    if (!send_raw(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump() + "\n"))
        return nullptr;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        json j = read_json(timeout_ms);
        if (j.is_null() || j.is_discarded()) return nullptr;
        if (j.contains("id") && j["id"] == id) {
            fd_out = pending_fd_;
            pending_fd_ = -1;
            return j;
        }
        notifications.push_back(j);
    }
    return nullptr;
}

json RawClient::wait_notification(const std::string& method, int timeout_ms,
                                  const std::function<bool(const json&)>& pred)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        for (auto it = notifications.begin(); it != notifications.end(); ++it)
            if (it->value("method", "") == method && (!pred || pred(*it))) {
                json j = *it;
                notifications.erase(it);
                return j;
            }
        int left = int(
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        if (left <= 0) return nullptr;
        json j = read_json(left);
        if (j.is_null() || j.is_discarded()) return nullptr;
        notifications.push_back(j);
    }
}

HelperProcess::HelperProcess()
{
    std::string root = dir_.path().toStdString();
    ::chmod(root.c_str(), 0755);  // non-root test peers must reach the socket
    socket_ = root + "/helper.sock";
    state_ = root + "/state";
    run_ = root + "/run";
    static int serial = 0;
    cgroup_parent_ = "/onggi-test-" + std::to_string(::getpid()) + "-" + std::to_string(++serial);
}

HelperProcess::~HelperProcess()
{
    if (pid_ > 0) {
        // Containers left by a failed test: remove them through the helper (kills, removes
        // cgroups), then stop it.
        RawClient c(socket_);
        if (c.connected()) {
            json l = c.call("container.list", {{"all", true}}, 10000);
            if (l.contains("result"))
                for (const auto& x : l["result"]["containers"])
                    c.call("container.remove", {{"id", x["id"]}, {"force", true}}, 30000);
        }
        stop();
    }
    // The parent cgroup the helper's containers used (only ours; rmdir fails unless empty).
    QDir fs("/sys/fs/cgroup");
    for (const QString& h : fs.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        ::rmdir(("/sys/fs/cgroup/" + h.toStdString() + cgroup_parent_).c_str());
    ::rmdir(("/sys/fs/cgroup" + cgroup_parent_).c_str());
}

std::string HelperProcess::log() const
{
    QFile f(QString::fromStdString(dir_.path().toStdString() + "/helper.log"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

std::string HelperProcess::create_and_start(RawClient& c, const json& create) const
{
    json r = c.call("container.create", create);
    if (!r.contains("result")) {
        qWarning("create failed: %s\n%s", r.dump().c_str(), log().c_str());
        return {};
    }
    std::string id = r["result"]["id"];
    json s = c.call("container.start", {{"id", id}});
    if (!s.contains("result")) {
        qWarning("start failed: %s\n%s", s.dump().c_str(), log().c_str());
        return {};
    }
    return id;
}

bool HelperProcess::start(const std::vector<std::string>& extra)
{
    std::vector<std::string> args = {helper_binary(), "--socket", socket_, "--state-dir", state_, "--run-dir", run_,
                                     // members' subordinate ranges: never the host's /etc/subuid
                                     "--subuid-file", dir_.path().toStdString() + "/subuid", "--subgid-file",
                                     dir_.path().toStdString() + "/subgid"};
    if (auto s = shim_binary(); !s.empty()) {
        args.push_back("--shim");
        args.push_back(s);
    }
    // Containers of test helpers live under their own cgroup parent.
    args.push_back("--cgroup-parent");
    args.push_back(cgroup_parent_);
    args.insert(args.end(), extra.begin(), extra.end());
    std::string logpath = dir_.path().toStdString() + "/helper.log";
    const std::string procs =
        start_cgroup_.empty() ? std::string() : "/sys/fs/cgroup" + start_cgroup_ + "/cgroup.procs";
    pid_ = ::fork();
    if (pid_ == 0) {
        int fd = ::open(logpath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
        ::unsetenv("INVOCATION_ID");  // not started by systemd, whoever runs the tests
        if (!procs.empty()) {
            int c = ::open(procs.c_str(), O_WRONLY | O_CLOEXEC);
            if (c < 0 || ::write(c, "0", 1) != 1) ::_exit(126);
            ::close(c);
        }
        if (start_fd_limit_ > 0) {
            struct rlimit l {};
            ::getrlimit(RLIMIT_NOFILE, &l);
            l.rlim_cur = rlim_t(start_fd_limit_);
            if (start_fd_hard_limit_ > 0) l.rlim_max = rlim_t(start_fd_hard_limit_);
            if (::setrlimit(RLIMIT_NOFILE, &l) != 0) ::_exit(126);
        }
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    for (int i = 0; i < 600; ++i) {
        if (!alive()) return false;
        RawClient c;
        if (c.connect_to(socket_)) {
            json r = c.call("hello", {{"client", "test"}, {"protocol", 1}}, 5000);
            if (r.contains("result")) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

bool HelperProcess::alive() const
{
    if (pid_ <= 0) return false;
    int st;
    return ::waitpid(pid_, &st, WNOHANG) == 0;
}

void HelperProcess::kill9()
{
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int st;
    ::waitpid(pid_, &st, 0);
    pid_ = -1;
}

bool HelperProcess::stop()
{
    if (pid_ <= 0) return true;
    ::kill(pid_, SIGTERM);
    int st = 0;
    for (int i = 0; i < 200; ++i) {
        if (::waitpid(pid_, &st, WNOHANG) == pid_) {
            pid_ = -1;
            stop_status_ = st;
            return WIFEXITED(st);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill9();
    return false;
}

std::string unique_name(const char* base)
{
    static int serial = 0;
    return std::string(base) + "-" + std::to_string(::getpid()) + "-" + std::to_string(++serial);
}

std::string errc_of(const json& reply)
{
    return reply.contains("error") ? reply["error"]["data"].value("errc", "") : "";
}

std::string run_to_exit(RawClient& c, const json& create)
{
    json r = c.call("container.create", create);
    if (!r.contains("result")) return "create failed: " + r.dump();
    std::string id = r["result"]["id"];
    json s = c.call("container.start", {{"id", id}});
    if (!s.contains("result")) return "start failed: " + s.dump();
    for (int i = 0; i < 600; ++i) {
        json in = c.call("container.inspect", {{"id", id}});
        if (in["result"]["container"]["state"] == "exited") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    json lg = c.call("container.logs", {{"id", id}, {"timestamps", false}});
    std::string out;
    for (const auto& l : lg["result"]["lines"]) out += l["line"].get<std::string>();
    c.call("container.remove", {{"id", id}, {"force", true}});
    return out;
}

std::vector<json> as_user(uid_t uid, gid_t gid, const std::string& socket,
                          const std::vector<std::pair<std::string, json>>& requests, const std::vector<gid_t>& groups)
{
    int p[2];
    if (::pipe2(p, O_CLOEXEC) < 0) return {};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[0]);
        if (::setgroups(groups.size(), groups.data()) < 0 || ::setgid(gid) < 0 || ::setuid(uid) < 0) ::_exit(3);
        int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct sockaddr_un a {};
        a.sun_family = AF_UNIX;
        std::strncpy(a.sun_path, socket.c_str(), sizeof a.sun_path - 1);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) {
            std::string msg = "{\"connect_errno\":" + std::to_string(errno) + "}\n";
            (void)!::write(p[1], msg.data(), msg.size());
            ::_exit(4);
        }
        auto read_line = [fd]() {
            std::string got;
            char c;
            struct pollfd pf {
                fd, POLLIN, 0
            };
            while (::poll(&pf, 1, 20000) > 0 && ::read(fd, &c, 1) == 1) {
                got += c;
                if (c == '\n') break;
            }
            return got;
        };
        if (requests.empty()) {
            std::string l = read_line();
            (void)!::write(p[1], l.data(), l.size());
        }
        int64_t id = 1;
        for (const auto& [method, params] : requests) {
            std::string line =
                json{{"jsonrpc", "2.0"}, {"id", id++}, {"method", method}, {"params", params}}.dump() + "\n";
            if (::send(fd, line.data(), line.size(), MSG_NOSIGNAL) < 0) break;
            std::string l = read_line();
            if (l.empty()) break;
            (void)!::write(p[1], l.data(), l.size());
        }
        ::_exit(0);
    }
    ::close(p[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(p[0], buf, sizeof buf)) > 0) out.append(buf, size_t(n));
    ::close(p[0]);
    int st;
    ::waitpid(pid, &st, 0);
    std::vector<json> replies;
    size_t pos = 0;
    while (pos < out.size()) {
        size_t nl = out.find('\n', pos);
        if (nl == std::string::npos) nl = out.size();
        replies.push_back(json::parse(out.substr(pos, nl - pos), nullptr, false));
        pos = nl + 1;
    }
    return replies;
}

std::string slurp(const std::string& path)
{
    std::string out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    char buf[8192];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
    ::close(fd);
    return out;
}

}  // namespace onggi::test

#include "engine/core/shim_contract.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstring>

namespace onggi::shim {

namespace {

using json = nlohmann::json;

// The object in `text`, or an error naming the file.
Result<json> object_of(std::string_view text, const char* file)
{
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return Error(Errc::internal, std::string(file) + ": not JSON");
    if (!j.is_object()) return Error(Errc::internal, std::string(file) + ": not an object");
    return j;
}

// j[key] as T when present (else `def`); a present key of another type is an error.
template <typename T>
Status field(const json& j, const char* file, const char* key, T& out, bool required = false)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) return Error(Errc::internal, std::string(file) + ": " + key + " missing");
        return {};
    }
    try {
        out = it->get<T>();
    } catch (const std::exception& e) {
        return Error(Errc::internal, std::string(file) + ": " + key + ": " + e.what());
    }
    return {};
}

}  // namespace

std::optional<Errc> errc_from_name(std::string_view n)
{
    for (Errc c : {Errc::ok, Errc::invalid_argument, Errc::not_found, Errc::already_exists, Errc::permission_denied,
                   Errc::unsupported, Errc::bad_state, Errc::busy, Errc::timeout, Errc::system, Errc::internal})
        if (n == errc_name(c)) return c;
    return std::nullopt;
}

std::string ShimInfo::to_json() const
{
    json j = {{"shim_pid", shim_pid},
              {"init_pid", init_pid},
              {"init_start_time", init_start_time},
              {"started_at_ns", started_at_ns},
              {"cgroup_path", cgroup_path}};
    if (!attach_socket.empty()) j["attach_socket"] = attach_socket;
    return j.dump();
}

Result<ShimInfo> ShimInfo::parse(std::string_view text)
{
    auto j = object_of(text, kShimFile);
    if (!j) return std::move(j).error();
    ShimInfo s;
    ONGGI_CHECK(field(*j, kShimFile, "shim_pid", s.shim_pid, true), "parse");
    ONGGI_CHECK(field(*j, kShimFile, "init_pid", s.init_pid, true), "parse");
    ONGGI_CHECK(field(*j, kShimFile, "init_start_time", s.init_start_time), "parse");
    ONGGI_CHECK(field(*j, kShimFile, "started_at_ns", s.started_at_ns), "parse");
    ONGGI_CHECK(field(*j, kShimFile, "cgroup_path", s.cgroup_path), "parse");
    ONGGI_CHECK(field(*j, kShimFile, "attach_socket", s.attach_socket), "parse");
    if (s.shim_pid <= 0 || s.init_pid <= 0)
        return Error(Errc::internal, std::string(kShimFile) + ": pids must be positive");
    return s;
}

std::string ExitInfo::to_json() const
{
    return json{
        {"exit_code", exit_code}, {"signal", signal}, {"oom_killed", oom_killed}, {"finished_at_ns", finished_at_ns}}
        .dump();
}

Result<ExitInfo> ExitInfo::parse(std::string_view text)
{
    auto j = object_of(text, kExitFile);
    if (!j) return std::move(j).error();
    ExitInfo x;
    ONGGI_CHECK(field(*j, kExitFile, "exit_code", x.exit_code, true), "parse");
    ONGGI_CHECK(field(*j, kExitFile, "signal", x.signal), "parse");
    ONGGI_CHECK(field(*j, kExitFile, "oom_killed", x.oom_killed), "parse");
    ONGGI_CHECK(field(*j, kExitFile, "finished_at_ns", x.finished_at_ns), "parse");
    if (x.exit_code < 0 || x.exit_code > 255 + 128)
        return Error(Errc::internal, std::string(kExitFile) + ": exit_code out of range");
    return x;
}

ShimError ShimError::from(const Error& e, std::string stage)
{
    ShimError s;
    s.code = e.code;
    s.stage = std::move(stage);
    s.sys_errno = e.sys_errno;
    s.message = e.message();
    return s;
}

std::string ShimError::to_json() const
{
    return json{{"errc", errc_name(code)}, {"stage", stage}, {"errno", sys_errno}, {"message", message}}.dump();
}

Result<ShimError> ShimError::parse(std::string_view text)
{
    // Trailing blanks and newlines are fine; it is one line.
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
    auto j = object_of(text, kErrorFile);
    if (!j) return std::move(j).error();
    ShimError s;
    std::string errc;
    ONGGI_CHECK(field(*j, kErrorFile, "errc", errc, true), "parse");
    auto code = errc_from_name(errc);
    if (!code) return Error(Errc::internal, std::string(kErrorFile) + ": errc: unknown code \"" + errc + "\"");
    s.code = *code;
    ONGGI_CHECK(field(*j, kErrorFile, "stage", s.stage), "parse");
    ONGGI_CHECK(field(*j, kErrorFile, "errno", s.sys_errno), "parse");
    ONGGI_CHECK(field(*j, kErrorFile, "message", s.message), "parse");
    if (s.message.empty()) s.message = "failed";
    return s;
}

Error ShimError::to_error() const
{
    // The message is the shim's Error::message(), which ends in strerror already: without it
    // here, or the reply said "pipe: Too many open files: Too many open files".
    std::string text = message;
    if (sys_errno != 0) {
        const std::string tail = std::string(": ") + std::strerror(sys_errno);
        if (text.size() > tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0)
            text.resize(text.size() - tail.size());
    }
    return Error(code, stage.empty() ? text : stage + ": " + text, sys_errno);
}

std::string MountFd::arg() const { return std::to_string(mount) + ":" + std::to_string(fd); }

Result<MountFd> MountFd::parse(std::string_view a)
{
    auto bad = [&] {
        return Error(Errc::invalid_argument, "--mount-fd: expected INDEX:FD, got '" + std::string(a) + "'");
    };
    auto colon = a.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == a.size()) return bad();
    MountFd m;
    auto [p1, e1] = std::from_chars(a.data(), a.data() + colon, m.mount);
    if (e1 != std::errc() || p1 != a.data() + colon) return bad();
    auto [p2, e2] = std::from_chars(a.data() + colon + 1, a.data() + a.size(), m.fd);
    if (e2 != std::errc() || p2 != a.data() + a.size() || m.fd < 3) return bad();
    return m;
}

}  // namespace onggi::shim

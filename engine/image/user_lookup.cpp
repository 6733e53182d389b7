#include "engine/image/user_lookup.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>

namespace onggi::image {

namespace {

constexpr size_t kMaxFile = 1 << 20;

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    size_t pos = 0;
    for (;;) {
        size_t e = s.find(sep, pos);
        out.push_back(s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos));
        if (e == std::string_view::npos) break;
        pos = e + 1;
    }
    return out;
}

std::optional<uint32_t> number(std::string_view s)
{
    if (s.empty() || s.size() > 10) return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v > 0xfffffffeULL) return std::nullopt;
    return uint32_t(v);
}

bool all_digits(std::string_view p)
{
    return !p.empty() && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A name, or a number that fits (an all-digit part is a number, never a name).
bool valid_part(std::string_view p)
{
    if (all_digits(p)) return number(p).has_value();
    if (p.empty() || p.size() > 32) return false;
    for (size_t i = 0; i < p.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(p[i]);
        bool ok = std::isalnum(c) || c == '_' || (i > 0 && (c == '.' || c == '-'));
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::vector<PasswdEntry> parse_passwd(std::string_view text)
{
    std::vector<PasswdEntry> out;
    for (auto line : split(text, '\n')) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split(line, ':');
        if (f.size() < 4 || f[0].empty()) continue;
        auto uid = number(f[2]), gid = number(f[3]);
        if (!uid || !gid) continue;
        out.push_back({std::string(f[0]), *uid, *gid});
    }
    return out;
}

std::vector<GroupEntry> parse_group(std::string_view text)
{
    std::vector<GroupEntry> out;
    for (auto line : split(text, '\n')) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split(line, ':');
        if (f.size() < 3 || f[0].empty()) continue;
        auto gid = number(f[2]);
        if (!gid) continue;
        GroupEntry g{std::string(f[0]), *gid, {}};
        if (f.size() >= 4)
            for (auto m : split(f[3], ','))
                if (!m.empty()) g.members.emplace_back(m);
        out.push_back(std::move(g));
    }
    return out;
}

bool user_spec_has_names(const std::string& spec)
{
    for (auto part : split(spec, ':'))
        if (!all_digits(part)) return true;
    return false;
}

Status validate_user_spec(const std::string& spec)
{
    auto parts = split(spec, ':');
    if (parts.size() > 2) return Error(Errc::invalid_argument, "user: expected USER or USER:GROUP");
    for (auto p : parts)
        if (!valid_part(p))
            return Error(Errc::invalid_argument,
                         "user: \"" + std::string(p) + "\" is not a user or group name or number");
    return {};
}

Result<UserIds> resolve_user(const std::string& spec, const std::optional<std::string>& passwd,
                             const std::optional<std::string>& group)
{
    ONGGI_CHECK(validate_user_spec(spec), "resolve user");
    auto parts = split(spec, ':');
    const auto users = passwd ? parse_passwd(*passwd) : std::vector<PasswdEntry>{};
    const auto groups = group ? parse_group(*group) : std::vector<GroupEntry>{};
    UserIds ids;
    const PasswdEntry* entry = nullptr;
    if (auto n = number(parts[0])) {
        ids.uid = *n;
        for (const auto& u : users)
            if (u.uid == *n) {
                entry = &u;
                break;
            }
        ids.gid = entry ? entry->gid : *n;
    } else {
        for (const auto& u : users)
            if (u.name == parts[0]) {
                entry = &u;
                break;
            }
        if (!entry)
            return Error(Errc::not_found, "no user \"" + std::string(parts[0]) + "\" in the container's /etc/passwd");
        ids.uid = entry->uid;
        ids.gid = entry->gid;
    }
    if (parts.size() == 2) {
        if (auto n = number(parts[1])) {
            ids.gid = *n;
        } else {
            auto g =
                std::find_if(groups.begin(), groups.end(), [&](const GroupEntry& e) { return e.name == parts[1]; });
            if (g == groups.end())
                return Error(Errc::not_found,
                             "no group \"" + std::string(parts[1]) + "\" in the container's /etc/group");
            ids.gid = g->gid;
        }
    }
    if (entry)
        for (const auto& g : groups)
            if (g.gid != ids.gid && std::find(g.members.begin(), g.members.end(), entry->name) != g.members.end() &&
                std::find(ids.additional_gids.begin(), ids.additional_gids.end(), g.gid) == ids.additional_gids.end())
                ids.additional_gids.push_back(g.gid);
    return ids;
}

Result<std::optional<std::string>> read_in_roots(const std::vector<std::string>& roots, const std::string& rel)
{
    for (const auto& root : roots) {
        UniqueFd dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        if (!dir) return Error::from_errno("open " + root);
        struct open_how how {};
        how.flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
        how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
        UniqueFd fd(int(::syscall(SYS_openat2, dir.get(), rel.c_str(), &how, sizeof how)));
        if (!fd) {
            if (errno == ENOENT) continue;  // a lower root may have it
            return Error::from_errno("open " + rel + " in " + root);
        }
        struct stat st {};
        if (::fstat(fd.get(), &st) != 0) return Error::from_errno("stat " + rel);
        if (!S_ISREG(st.st_mode)) return Error(Errc::invalid_argument, rel + " in the container is not a regular file");
        if (size_t(st.st_size) > kMaxFile)
            return Error(Errc::invalid_argument, rel + " in the container is larger than 1 MiB");
        std::string text(size_t(st.st_size), '\0');
        size_t got = 0;
        while (got < text.size()) {
            ssize_t n = ::pread(fd.get(), text.data() + got, text.size() - got, off_t(got));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += size_t(n);
        }
        text.resize(got);
        return std::optional<std::string>(std::move(text));
    }
    return std::optional<std::string>();
}

Result<UserIds> resolve_user_in(const std::vector<std::string>& roots, const std::string& spec)
{
    auto passwd = read_in_roots(roots, "etc/passwd");
    if (!passwd) return std::move(passwd).error();
    auto group = read_in_roots(roots, "etc/group");
    if (!group) return std::move(group).error();
    return resolve_user(spec, passwd.value(), group.value());
}

}  // namespace onggi::image

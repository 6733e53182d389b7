#include "helper/net/network_store.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "helper/net/net_options.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onggi::helper {

namespace {

// flock of <dir>/.lock for the lifetime of the guard (blocking; the holders are short).
class DirLock {
public:
    explicit DirLock(const std::string& dir)
    {
        fd_.reset(::open((dir + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
        if (fd_)
            while (::flock(fd_.get(), LOCK_EX) < 0 && errno == EINTR) {}
    }
    ~DirLock()
    {
        if (fd_) ::flock(fd_.get(), LOCK_UN);
    }

private:
    UniqueFd fd_;
};

std::vector<std::string> dir_entries(const std::string& dir)
{
    std::vector<std::string> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n != "." && n != "..") out.push_back(n);
    }
    ::closedir(d);
    return out;
}

}  // namespace

json NetworkRecord::to_json() const
{
    return {{"name", name},
            {"id", id},
            {"bridge", bridge},
            {"subnet", subnet.to_string()},
            {"gateway", net::Ipv4Net::format(gateway)},
            {"created", created},
            {"builtin", builtin}};
}

Result<NetworkRecord> NetworkRecord::from_json(const json& j)
{
    NetworkRecord r;
    if (!j.is_object()) return Error(Errc::invalid_argument, "network record: not an object");
    try {
        r.name = j.at("name").get<std::string>();
        r.id = j.at("id").get<std::string>();
        r.bridge = j.at("bridge").get<std::string>();
        auto s = net::Ipv4Net::parse(j.at("subnet").get<std::string>());
        auto g = net::Ipv4Net::parse_address(j.at("gateway").get<std::string>());
        if (!s || !g) return Error(Errc::invalid_argument, "network record: bad subnet or gateway");
        r.subnet = s.value();
        r.gateway = g.value();
        r.created = j.value("created", "");
        r.builtin = j.value("builtin", false);
    } catch (const std::exception& e) {
        return Error(Errc::invalid_argument, std::string("network record: ") + e.what());
    }
    if (!valid_network_name(r.name)) return Error(Errc::invalid_argument, "network record: bad name");
    return r;
}

Status NetworkStore::init()
{
    ONGGI_CHECK(make_dirs(dir_, 0700), "create networks dir");
    for (const auto& n : dir_entries(dir_)) {
        if (n.size() < 6 || n.compare(n.size() - 5, 5, ".json") != 0) continue;
        auto text = read_file(dir_ + "/" + n, 1 << 16);
        if (!text) continue;
        auto rec = NetworkRecord::from_json(json::parse(text.value(), nullptr, false));
        if (!rec || rec->name + ".json" != n) continue;
        nets_[rec->name] = rec.value();
    }
    return {};
}

const NetworkRecord* NetworkStore::get(const std::string& name) const
{
    auto it = nets_.find(name);
    return it == nets_.end() ? nullptr : &it->second;
}

std::vector<const NetworkRecord*> NetworkStore::list() const
{
    std::vector<const NetworkRecord*> out;
    for (const auto& [n, r] : nets_) out.push_back(&r);
    return out;
}

Result<const NetworkRecord*> NetworkStore::add(NetworkRecord r)
{
    if (nets_.count(r.name)) return Error(Errc::already_exists, "network " + r.name + " exists");
    ONGGI_CHECK(make_dirs(lease_dir(r.name), 0700), "create lease dir");
    ONGGI_CHECK(write_file_atomic(dir_ + "/" + r.name + ".json", r.to_json().dump(2) + "\n", 0600),
                "save network " + r.name);
    auto [it, ok] = nets_.emplace(r.name, std::move(r));
    return &it->second;
}

Status NetworkStore::remove(const std::string& name)
{
    DirLock lock(dir_);
    // The leases first: a network whose leases could not go stays, whole, and says why. Removed
    // in the other order, a new network of the same name would find the old leases taken.
    ONGGI_CHECK(remove_tree(lease_dir(name)), "remove network " + name + ": its leases");
    lease_cache_.erase(name);
    if (::unlink((dir_ + "/" + name + ".json").c_str()) < 0 && errno != ENOENT)
        return Error::from_errno("remove network " + name);
    nets_.erase(name);
    return {};
}

Result<uint32_t> NetworkStore::allocate(const NetworkRecord& n, const std::string& container_id,
                                        std::optional<uint32_t> wanted)
{
    DirLock lock(dir_);
    const std::string dir = lease_dir(n.name);
    ONGGI_CHECK(make_dirs(dir, 0700), "lease dir");
    auto current = leases(n.name);
    for (const auto& [a, id] : current)
        if (id == container_id && (!wanted || *wanted == a)) return a;
    auto take = [&](uint32_t a) -> Status {
        const std::string path = dir + "/" + net::Ipv4Net::format(a);
        UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
        if (!fd) return Error::from_errno("lease " + net::Ipv4Net::format(a));
        if (::write(fd.get(), container_id.data(), container_id.size()) != ssize_t(container_id.size())) {
            ::unlink(path.c_str());
            return Error::from_errno("write lease " + path);
        }
        return {};
    };
    if (wanted) {
        const uint32_t a = *wanted;
        if (!n.subnet.contains(a))
            return Error(Errc::invalid_argument, "ip: " + net::Ipv4Net::format(a) + " is outside the subnet " +
                                                     n.subnet.to_string() + " of network " + n.name);
        if (a == n.subnet.network() || a == n.subnet.broadcast() || a == n.gateway)
            return Error(Errc::invalid_argument, "ip: " + net::Ipv4Net::format(a) +
                                                     " is the network's own address (network, gateway or broadcast)");
        if (auto st = take(a); !st) {
            if (st.error().code == Errc::already_exists)
                return Error(Errc::already_exists,
                             "ip: " + net::Ipv4Net::format(a) + " is in use on network " + n.name);
            return std::move(st).error();
        }
        return a;
    }
    for (uint32_t a = n.subnet.network() + 1; a < n.subnet.broadcast(); ++a) {
        if (a == n.gateway || current.count(a)) continue;
        auto st = take(a);
        if (st) return a;
        if (st.error().code != Errc::already_exists) return std::move(st).error();
    }
    return Error(Errc::busy, "network " + n.name + " has no free address left in " + n.subnet.to_string());
}

void NetworkStore::release(const std::string& network, const std::string& container_id)
{
    DirLock lock(dir_);
    for (const auto& [a, id] : leases(network))
        if (id == container_id) ::unlink((lease_dir(network) + "/" + net::Ipv4Net::format(a)).c_str());
}

std::map<uint32_t, std::string> NetworkStore::leases(const std::string& network) const
{
    std::map<uint32_t, std::string> out;
    const std::string dir = lease_dir(network);
    std::map<std::string, LeaseFile>& cache = lease_cache_[network];
    std::map<std::string, LeaseFile> seen;
    DIR* d = ::opendir(dir.c_str());
    if (d) {
        while (struct dirent* e = ::readdir(d)) {
            const std::string f = e->d_name;
            auto a = net::Ipv4Net::parse_address(f);
            if (!a) continue;
            auto c = cache.find(f);
            if (c != cache.end() && c->second.ino == e->d_ino) {
                out[a.value()] = c->second.id;
                seen.emplace(f, c->second);
                continue;
            }
            auto text = read_file(dir + "/" + f, 128);
            out[a.value()] = text ? text.value() : std::string();
            // An empty or unreadable lease is read again next time.
            if (text && !text.value().empty()) seen.emplace(f, LeaseFile{e->d_ino, text.value()});
        }
        ::closedir(d);
    }
    cache = std::move(seen);  // what went is forgotten
    return out;
}

void NetworkStore::reconcile(const std::set<std::string>& keep)
{
    DirLock lock(dir_);
    for (const auto& [name, rec] : nets_)
        for (const auto& [a, id] : leases(name))
            if (!keep.count(id)) ::unlink((lease_dir(name) + "/" + net::Ipv4Net::format(a)).c_str());
}

}  // namespace onggi::helper

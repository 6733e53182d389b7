#include "engine/cmd/state_record.h"
#include "engine/core/files.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace onggi::cmd {

using nlohmann::json;

std::string StateRecord::to_json() const
{
    json j = {
        {"id", id},           {"bundle", bundle},          {"rootfs", rootfs},     {"status", oci_status_name(status)},
        {"pid", pid},         {"start_time", start_time},  {"start_fd", start_fd}, {"cgroup_path", cgroup_path},
        {"created", created}, {"annotations", annotations}};
    if (!shared_rootfs.empty())
        j["shared_rootfs"] = {{"rootfs", shared_rootfs}, {"ns_path", mount_ns_path}, {"ns_inode", mount_ns_inode}};
    return j.dump();
}

std::string StateRecord::oci_json(ContainerState live) const
{
    json j = {{"ociVersion", "1.0.2"},
              {"id", id},
              {"status", oci_status_name(live)},
              {"pid", live == ContainerState::exited ? 0 : pid},
              {"bundle", bundle},
              {"rootfs", rootfs},
              {"created", created},
              {"owner", ""}};
    if (!annotations.empty()) j["annotations"] = annotations;
    return j.dump(2);
}

Result<StateRecord> StateRecord::from_json(const std::string& text)
{
    try {
        json j = json::parse(text);
        StateRecord s;
        s.id = j.at("id").get<std::string>();
        s.bundle = j.at("bundle").get<std::string>();
        s.rootfs = j.value("rootfs", "");
        const auto status = j.at("status").get<std::string>();
        const auto parsed = parse_container_state(status);
        if (!parsed) return Error(Errc::internal, "corrupt state.json: unknown status '" + status + "'");
        s.status = *parsed;
        s.pid = j.at("pid").get<pid_t>();
        s.start_time = j.value("start_time", uint64_t(0));
        s.start_fd = j.value("start_fd", -1);
        s.cgroup_path = j.value("cgroup_path", "");
        s.created = j.value("created", "");
        if (j.contains("shared_rootfs")) {
            const auto& sr = j["shared_rootfs"];
            s.shared_rootfs = sr.at("rootfs").get<std::string>();
            s.mount_ns_path = sr.value("ns_path", "");
            s.mount_ns_inode = sr.value("ns_inode", uint64_t(0));
        }
        if (j.contains("annotations")) s.annotations = j["annotations"].get<std::map<std::string, std::string>>();
        return s;
    } catch (const std::exception& e) {
        return Error(Errc::internal, std::string("corrupt state.json: ") + e.what());
    }
}

Status validate_id(const std::string& id)
{
    if (id.empty() || id.size() > 128) return Error(Errc::invalid_argument, "container id must be 1 to 128 characters");
    for (size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool ok = std::isalnum((unsigned char)c) || (i > 0 && (c == '_' || c == '.' || c == '-'));
        if (!ok) return Error(Errc::invalid_argument, "container id '" + id + "': use letters, digits, '_', '.', '-'");
    }
    return {};
}

Status StateStore::reserve(const std::string& id)
{
    ONGGI_CHECK(validate_id(id), "container id");
    ONGGI_CHECK(make_dirs(root_, 0700), "state root");
    if (::mkdir(dir(id).c_str(), 0700) < 0) {
        if (errno == EEXIST) return Error(Errc::already_exists, "container '" + id + "' already exists");
        return Error::from_errno("mkdir " + dir(id));
    }
    return {};
}

Status StateStore::save(const StateRecord& s)
{
    // No fsync: the state lives on tmpfs (/run) and dies with the machine, as the containers do.
    std::string path = dir(s.id) + "/state.json";
    std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "we");
    if (!f) return Error::from_errno("create " + tmp);
    std::string text = s.to_json();
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) return Error::from_errno("write " + tmp);
    if (::rename(tmp.c_str(), path.c_str()) < 0) return Error::from_errno("rename " + tmp);
    return {};
}

Result<StateRecord> StateStore::load(const std::string& id) const
{
    ONGGI_CHECK(validate_id(id), "container id");
    auto text = read_file(dir(id) + "/state.json", 1 << 20);
    if (!text) {
        if (text.error().code == Errc::not_found)
            return Error(Errc::not_found, "container '" + id + "' does not exist");
        return std::move(text).error();
    }
    return StateRecord::from_json(text.value());
}

Status StateStore::remove(const std::string& id)
{
    ONGGI_CHECK(validate_id(id), "container id");
    return remove_tree(dir(id));
}

Result<std::vector<std::string>> StateStore::list() const
{
    std::vector<std::string> out;
    DIR* d = ::opendir(root_.c_str());
    if (!d) {
        if (errno == ENOENT) return out;
        return Error::from_errno("open " + root_);
    }
    while (auto* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        if (::access((root_ + "/" + n + "/state.json").c_str(), F_OK) == 0) out.push_back(n);
    }
    ::closedir(d);
    return out;
}

}  // namespace onggi::cmd

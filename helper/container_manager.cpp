#include "helper/container_manager.h"

#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "engine/image/user_lookup.h"
#include "helper/event_bus.h"
#include "helper/fd_limit.h"
#include "helper/name_generator.h"
#include "helper/policy_gate.h"
#include "helper/volume_source.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <dirent.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>

namespace onggi::helper {

namespace {

int pidfd_open(pid_t pid) { return int(::syscall(SYS_pidfd_open, pid, 0)); }

std::string now_rfc3339() { return now_rfc3339_nano(); }

Result<json> read_json_file(const std::string& path, size_t max = 1 << 20)
{
    auto text = read_file(path, max);
    if (!text) return std::move(text).error();
    json j = json::parse(text.value(), nullptr, false);
    if (j.is_discarded()) return Error(Errc::internal, path + ": not JSON");
    return j;
}

std::string join_command(const std::vector<std::string>& args)
{
    std::string s;
    for (const auto& a : args) {
        if (!s.empty()) s += ' ';
        s += a;
    }
    return s;
}

bool is_hex(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The host ids of the container's root (its user namespace's maps), or none.
std::optional<std::pair<uint32_t, uint32_t>> mapped_root(const spec::Spec& s)
{
    std::optional<uint32_t> u, g;
    for (const auto& m : s.linux.uid_mappings)
        if (m.container_id == 0) u = m.host_id;
    for (const auto& m : s.linux.gid_mappings)
        if (m.container_id == 0) g = m.host_id;
    if (!u || !g) return std::nullopt;
    return std::pair{*u, *g};
}

} // namespace

uint64_t process_starttime(pid_t pid)
{
    if (pid <= 0) return 0;
    auto text = read_file("/proc/" + std::to_string(pid) + "/stat", 4096);
    if (!text) return 0;
    // comm may contain spaces and parentheses: fields start after the last ')'.
    size_t p = text->rfind(')');
    if (p == std::string::npos) return 0;
    std::string rest = text->substr(p + 2);
    // rest starts at field 3 (state); starttime is field 22 -> index 19 here.
    size_t pos = 0;
    for (int i = 0; i < 19; ++i) {
        pos = rest.find(' ', pos);
        if (pos == std::string::npos) return 0;
        ++pos;
    }
    return std::strtoull(rest.c_str() + pos, nullptr, 10);
}

Errc errc_from_name(const std::string& n)
{
    for (Errc c : {Errc::invalid_argument, Errc::not_found, Errc::already_exists, Errc::permission_denied,
                   Errc::unsupported, Errc::bad_state, Errc::busy, Errc::timeout, Errc::system})
        if (n == errc_name(c)) return c;
    return Errc::internal;
}

struct ContainerManager::ExecSession {
    int64_t id = 0;
    std::string container_id;
    uid_t owner = 0;
    bool done = false;
    int exit_code = -1;
    std::vector<std::function<void(Result<json>)>> waiters;
};

ContainerManager::ContainerManager(HelperConfig cfg, EventBus* events, QObject* parent)
    : QObject(parent), cfg_(std::move(cfg)), events_(events), images_(cfg_.state_dir + "/images"),
      net_(std::make_unique<NetworkManager>(NetworkManagerConfig{cfg_.state_dir + "/networks", cfg_.run_dir, cfg_.default_network, cfg_.default_subnet}))
{
}

ContainerManager::~ContainerManager()
{
    for (auto& [id, fd] : watch_fds_) ::close(fd);
}

std::string ContainerManager::shim_path() const
{
    if (!cfg_.shim.empty()) return cfg_.shim;
    const QString beside = QCoreApplication::applicationDirPath() + "/onggi-shim";
    if (QFileInfo(beside).isExecutable()) return beside.toStdString();
    // The build tree: <build>/helper/onggi-helper next to <build>/bin/onggi-shim.
    const QString build = QCoreApplication::applicationDirPath() + "/../bin/onggi-shim";
    if (QFileInfo(build).isExecutable()) return QFileInfo(build).canonicalFilePath().toStdString();
    return std::string(ONGGI_LIBEXECDIR) + "/onggi-shim";
}

QString ContainerManager::shim_program()
{
    const std::string path = shim_path();
    auto sealed = shim_exe_.exec_path(path);
    if (!sealed) {
        qWarning("%s (the shim copies itself)", sealed.error().message().c_str());
        return QString::fromStdString(path);
    }
    return QString::fromStdString(sealed.value());
}

QStringList ContainerManager::shim_common_args() const
{
    return {"--seccomp-cache", QString::fromStdString(cfg_.run_dir + "/seccomp")};
}

ContainerPaths ContainerManager::paths(const std::string& id) const
{
    return ContainerPaths{cfg_.state_dir + "/containers/" + id};
}

Status ContainerManager::init()
{
    cgroup_v2_ = host_is_cgroup_v2();
    ONGGI_CHECK(place_in_delegated_cgroup(), "cgroup delegation");
    ONGGI_CHECK(make_dirs(cfg_.state_dir, 0711), "create state dir");
    ::chmod(cfg_.state_dir.c_str(), 0711);
    ONGGI_CHECK(make_dirs(cfg_.state_dir + "/containers", 0700), "create containers dir");
    ONGGI_CHECK(make_dirs(cfg_.run_dir, 0755), "create run dir");
    // cgroup v1: make the disks' I/O counters count (see prime_io_accounting).
    if (auto host = cgroup::probe_host(); host && host->mode != cgroup::Mode::v2)
        if (auto n = cgroup::prime_io_accounting(host.value(), cfg_.cgroup_parent); !n)
            qWarning("helper: %s", n.error().message().c_str());
    auto bb = images_.ensure_builtin();
    if (!bb) return std::move(bb).error().wrap("built-in image");

    ONGGI_CHECK(net_->load(), "start helper");
    DIR* d = ::opendir((cfg_.state_dir + "/containers").c_str());
    if (!d) return Error::from_errno("open containers dir");
    std::vector<std::string> ids;
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n.size() == 64 && is_hex(n)) ids.push_back(n);
    }
    ::closedir(d);
    for (const auto& id : ids) {
        auto j = read_json_file(paths(id).record());
        if (!j) {
            qWarning("helper: skipping container %s: %s", id.c_str(), j.error().message().c_str());
            continue;
        }
        auto rec = ContainerRecord::from_json(j.value());
        if (!rec || rec->id != id) {
            qWarning("helper: skipping container %s: damaged container.json", id.c_str());
            continue;
        }
        auto c = std::make_unique<ContainerRecord>(std::move(rec).value());
        ContainerRecord* raw = c.get();
        containers_[id] = std::move(c);
        adopt(*raw);
    }
    // Networks: what stopped while we were away is cleaned, the rules are replaced once.
    std::set<std::string> running;
    for (const auto& [id, c] : containers_)
        if (c->state == "running" || c->state == "paused") running.insert(id);
    net_->restore(running);
    // Layers left behind by an image removed with force whose last container went while we
    // were away (or a crash between the two).
    if (auto n = images_.collect_layers(layers_in_use(), image::kUnusedLayerGrace); !n)
        qWarning("helper: %s", n.error().message().c_str());
    return {};
}

// --cgroup-delegated (the systemd unit passes it, with Delegate=yes): the containers go below our
// own cgroup, where systemd shows them (systemd-cgls) and leaves them alone, instead of /onggi at
// the root of the hierarchy, which is systemd's to manage. systemd >= 254 starts us in
// <unit>/supervisor (DelegateSubgroup=supervisor). Older systemd starts us in the unit's cgroup
// itself, and a restart while containers run would fail there (systemd puts the new helper into
// the unit's cgroup, which then gives controllers to children: EBUSY, status 219/CGROUP; systemd
// issue 24064). So under older systemd (INVOCATION_ID set, not in a "supervisor" leaf) we keep
// --cgroup-parent and say why; started by anything else, we move ourselves into the leaf.
Status ContainerManager::place_in_delegated_cgroup()
{
    if (!cfg_.cgroup_delegated) return {};
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error();
    if (host->mode != cgroup::Mode::v2) {
        qWarning("helper: --cgroup-delegated needs cgroup v2; containers stay in %s", cfg_.cgroup_parent.c_str());
        return {};
    }
    auto own = cgroup::self_path();
    if (!own) return std::move(own).error();
    std::string root = own.value();
    const std::string leaf = "/supervisor";
    if (root.size() > leaf.size() && root.compare(root.size() - leaf.size(), leaf.size(), leaf) == 0)
        root.resize(root.size() - leaf.size());
    else if (std::getenv("INVOCATION_ID")) {
        qWarning("helper: systemd started us in %s, not in a supervisor leaf (DelegateSubgroup= needs systemd 254): "
                 "containers stay in %s, so that a restart of the service does not fail",
                 root.c_str(), cfg_.cgroup_parent.c_str());
        return {};
    }
    if (root == "/") return Error(Errc::invalid_argument, "--cgroup-delegated: the helper runs in the root cgroup, nothing is delegated to it");
    auto parent = cgroup::take_delegated(host.value(), root);
    if (!parent) return std::move(parent).error();
    cfg_.cgroup_parent = parent.value();
    qInfo("helper: containers live in the delegated cgroup %s", cfg_.cgroup_parent.c_str());
    return {};
}

// A container found on disk. Its shim's lock and files decide, not the record: the helper may
// have been killed between a shim's start and the save of the record (docs/shim.md).
void ContainerManager::adopt(ContainerRecord& c)
{
    const ShimProbe p = probe_shim(c);
    if (p.alive && !p.has_shim_json) return await_launching_shim(c.id);
    if (p.alive) return take_running_shim(c, p);
    const bool recorded_running = c.state == "running" || c.state == "paused";
    // A run the record never saw (started, then the helper died before saving), which ended
    // while we were away. Records from before shim_started_ns existed count as accounted.
    const bool unrecorded_run = !recorded_running && p.has_shim_json && p.started_at_ns != c.shim_started_ns &&
                                !(c.shim_started_ns == 0 && c.state == "exited" && !c.finished_at.empty());
    if (unrecorded_run) {
        c.state = "running";
        c.shim_started_ns = p.started_at_ns;
        c.started_at = rfc3339_from_ns(p.started_at_ns);
    }
    if (recorded_running || unrecorded_run) return finish_exit(c);
    // Not running and no shim: nothing may live in its cgroup.
    if (cgroup_populated(cgroup_path(c.id)))
        if (auto r = reap_cgroup(cgroup_path(c.id)); !r) qWarning("helper: %s", r.error().message().c_str());
}

ShimProbe ContainerManager::probe_shim(const ContainerRecord& c) const
{
    ShimProbe p = ShimProbe::read(paths(c.id).shim_dir());
    // A shim started before shim.lock existed: trust its pid and start time, as before.
    if (!p.has_lock_file)
        p.alive = c.shim_pid > 0 && c.shim_starttime != 0 && process_starttime(c.shim_pid) == c.shim_starttime;
    return p;
}

// A live shim that wrote shim.json: the container runs, whatever the record said.
void ContainerManager::take_running_shim(ContainerRecord& c, const ShimProbe& p)
{
    const bool missed = (c.state != "running" && c.state != "paused") || (p.has_lock_file && p.started_at_ns != c.shim_started_ns);
    if (p.has_lock_file) {
        c.pid = p.init_pid;
        c.shim_pid = p.shim_pid;
        c.pid_starttime = p.init_start_time ? p.init_start_time : process_starttime(p.init_pid);
        c.shim_starttime = process_starttime(p.shim_pid);
    }
    if (missed) {
        c.state = "running";
        c.shim_started_ns = p.started_at_ns;
        c.started_at = rfc3339_from_ns(p.started_at_ns);
        c.finished_at.clear();
        c.exit_code = 0;
        c.oom_killed = false;
        c.stop_requested = false;
        c.error.clear();
    }
    // Paused or not is the cgroup's word.
    if (auto host = cgroup::probe_host(); host)
        if (auto cg = cgroup::open(host.value(), cgroup_path(c.id)); cg)
            if (auto fr = cg.value()->frozen(); fr) c.state = fr.value() ? "paused" : "running";
    (void)save(c, Sync::process);
    if (missed) {
        qWarning("helper: adopted container %s: its shim (pid %d) runs although the record said otherwise",
                 c.short_id().c_str(), int(p.shim_pid));
        events_->publish("start", c);
        changed(c.id);
    }
    watch_shim(c.id);
}

// A shim that holds its lock but has not written shim.json yet: started by a helper that was
// killed during the start. Wait for its verdict (the shim gives up within 60 s), then adopt.
void ContainerManager::await_launching_shim(const std::string& id)
{
    starting_[id] = true;
    QTimer::singleShot(20, this, [this, id] {
        ContainerRecord* c = get(id);
        if (!c) return (void)starting_.erase(id);
        const ShimProbe p = probe_shim(*c);
        if (p.alive && !p.has_shim_json) return await_launching_shim(id);
        starting_.erase(id);
        adopt(*c);
        if (!starting_.count(id) && c->state != "running" && c->state != "paused") {
            auto waiters = std::move(exit_waiters_[id]);
            exit_waiters_.erase(id);
            for (auto& w : waiters) w(Status{});
        }
    });
}

ContainerRecord* ContainerManager::get(const std::string& id)
{
    auto it = containers_.find(id);
    return it == containers_.end() ? nullptr : it->second.get();
}

Status ContainerManager::save(const ContainerRecord& c, Sync sync)
{
    return write_file_atomic(paths(c.id).record(), c.to_json().dump(2) + "\n", 0600, sync);
}

Result<ContainerRecord*> ContainerManager::find(const std::string& ref, const Peer& peer)
{
    if (ref.empty() || ref.size() > 128) return Error(Errc::invalid_argument, "id: empty or too long");
    // Exact id, then exact name, then a unique id prefix.
    if (auto* c = get(ref); c && peer.may_see(c->owner_uid)) return c;
    for (auto& [id, c] : containers_)
        if (c->name == ref && peer.may_see(c->owner_uid)) return c.get();
    if (ref.size() >= 3 && is_hex(ref)) {
        ContainerRecord* found = nullptr;
        for (auto& [id, c] : containers_) {
            if (id.compare(0, ref.size(), ref) == 0 && peer.may_see(c->owner_uid)) {
                if (found) return Error(Errc::invalid_argument, "id: ambiguous prefix " + ref);
                found = c.get();
            }
        }
        if (found) return found;
    }
    return Error(Errc::not_found, "no such container: " + ref);
}

std::vector<const ContainerRecord*> ContainerManager::visible(const Peer& peer, bool all) const
{
    std::vector<const ContainerRecord*> out;
    for (const auto& [id, c] : containers_)
        if (peer.may_see(c->owner_uid) && (all || c->state == "running" || c->state == "paused")) out.push_back(c.get());
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->created > b->created; });
    return out;
}

std::vector<const ContainerRecord*> ContainerManager::all() const
{
    std::vector<const ContainerRecord*> out;
    for (const auto& [id, c] : containers_) out.push_back(c.get());
    return out;
}

bool ContainerManager::image_in_use(const std::string& image_id) const
{
    for (const auto& [id, c] : containers_)
        if (c->image_id == image_id) return true;
    return false;
}

std::vector<const ContainerRecord*> ContainerManager::image_users(const std::string& image_id) const
{
    std::vector<const ContainerRecord*> out;
    for (const auto& [id, c] : containers_)
        if (c->image_id == image_id) out.push_back(c.get());
    return out;
}

std::set<std::string> ContainerManager::layers_in_use() const
{
    std::set<std::string> out;
    for (const auto& [id, c] : containers_) {
        auto j = read_json_file(paths(id).config());
        if (!j || !j->is_object()) continue;
        auto ann = j->find("annotations");
        if (ann == j->end() || !ann->is_object()) continue;
        auto lower = ann->find("org.onggi.overlay.lowerdir");
        if (lower == ann->end() || !lower->is_string()) continue;
        const std::string dirs = lower->get<std::string>();
        size_t pos = 0;
        while (pos <= dirs.size()) {
            size_t colon = dirs.find(':', pos);
            if (colon == std::string::npos) colon = dirs.size();
            if (auto d = images_.layer_of_dir(dirs.substr(pos, colon - pos)); !d.empty()) out.insert(d);
            pos = colon + 1;
        }
    }
    return out;
}

Result<ContainerRecord*> ContainerManager::create(const CreateParams& p, const Peer& peer)
{
    // Names are unique across the helper (not per user): a name in use by someone else is
    // reported as in use without saying whose.
    std::string name = p.name;
    if (!name.empty()) {
        for (const auto& [id, c] : containers_)
            if (c->name == name) return Error(Errc::already_exists, "name in use: " + name);
    } else {
        name = NameGenerator::generate([this](const std::string& n) {
            for (const auto& [id, c] : containers_)
                if (c->name == n) return true;
            return false;
        });
    }
    // Privileged asks (privileged, capabilities, seccomp, host namespaces, a profile file) were
    // judged by the policy gate before this (helper/policy_gate.h, container_create.cpp).
    if (!peer.admin() && p.log_unlimited)
        return Error(Errc::permission_denied, "log_opts.max-size: only root may turn off the log's size cap");
    // Who the peer is on the host: a member's containers always run in a user namespace on the
    // member's own subordinate range, and their volumes are opened with the member's
    // credentials (docs/protocol.md, "Who may do what").
    const Identity who = VolumeSource::identity_of(peer.uid, peer.gid);
    CreateParams q = p;
    if (!peer.admin()) q.security.userns = true;
    std::vector<VolumeSource> sources;
    for (size_t i = 0; i < p.volumes.size(); ++i) {
        auto src = VolumeSource::open_as(p.volumes[i].source, who);
        // One answer for a member whether the path is missing, unreadable or someone else's.
        if (!src) return volume_source_refusal(p.volumes[i].source, peer, src.error()).wrap("volumes");
        // A member's volume is their own directory (or file): its owner is who the container's
        // root writes as there.
        if (!peer.admin() && src->owner != peer.uid)
            return volume_source_refusal(p.volumes[i].source, peer,
                                         Error(Errc::permission_denied, "volume source " + p.volumes[i].source +
                                                                            " is not owned by uid " + std::to_string(peer.uid)))
                .wrap("volumes");
        sources.push_back(std::move(*src));
    }

    auto mode = net_->resolve_mode(p.namespaces.network, p.net, peer.uid);
    if (!mode) return std::move(mode).error();
    if (mode.value() == "host" && !peer.admin())
        return Error(Errc::permission_denied, "namespaces.network: only root may use the host's network");

    auto img = images_.resolve(p.image);
    if (!img) return std::move(img).error().wrap("image");
    auto lower = images_.lower_dirs(img.value());
    if (!lower) return std::move(lower).error().wrap("image");

    std::string id;
    do id = NameGenerator::random_id();
    while (containers_.count(id));
    ContainerPaths cp = paths(id);
    SpecInput in{id, cfg_.cgroup_parent, cgroup_v2_, cp, lower.value()};
    in.subid_owner = peer.admin() ? "onggi" : who.name;
    in.subuid_file = cfg_.subuid_file;
    in.subgid_file = cfg_.subgid_file;
    CreateParams pn = q;
    pn.namespaces.network = mode.value() == "host" ? "host" : "private";  // a netns of its own unless host
    auto s = build_spec(pn, img.value(), in);
    if (!s) return std::move(s).error();
    const auto root_ids = mapped_root(s.value());
    // Volumes: mounted from the object opened above (re-opened and compared at each start), and
    // in a user namespace idmapped so that the container's root reads and writes there as the
    // source's owner -- a member's files stay the member's; no other host id can be written.
    std::vector<VolumeRef> volume_refs;
    size_t next = 0;
    for (size_t i = 0; i < p.volumes.size(); ++i) {
        size_t k = next;
        while (k < s->mounts.size() &&
               !(s->mounts[k].type == "bind" && s->mounts[k].source == p.volumes[i].source && s->mounts[k].destination == p.volumes[i].target))
            ++k;
        if (k == s->mounts.size()) return Error(Errc::internal, "volumes[" + std::to_string(i) + "]: not in the spec");
        next = k + 1;
        spec::Mount& m = s->mounts[k];
        if (root_ids) {
            m.uid_mappings = {{sources[i].owner, root_ids->first, 1}};
            m.gid_mappings = {{sources[i].group, root_ids->second, 1}};
        }
        if (!peer.admin()) {  // only the member's own directory, not what is mounted below it
            m.type = "none";
            for (auto& o : m.options)
                if (o == "rbind") o = "bind";
        }
        volume_refs.push_back({k, p.volumes[i].source, sources[i].dev, sources[i].ino});
    }
    ContainerNetwork cn;
    cn.mode = mode.value();
    cn.options = p.net;
    cn.hostname = s->hostname;
    if (cn.on_bridge())
        // Written by the network manager at each start (docs/protocol.md), as docker does.
        for (const char* f : {"hosts", "resolv.conf", "hostname"})
            s->mounts.push_back({std::string("/etc/") + f, "bind", cp.bundle + "/" + f, {"rbind", "rw", "nosuid", "nodev", "noexec"}});
    // The image's User applies when the client gave none (docker).
    std::string user_names = p.user_names;
    if (user_names.empty() && !p.uid && !p.gid && !img->user.empty()) {
        std::optional<uint32_t> uid, gid;
        ONGGI_CHECK(parse_user(img->user, uid, gid, &user_names), "image config User");
        if (uid) s->process.user.uid = *uid;
        if (gid) s->process.user.gid = *gid;
    }
    if (!user_names.empty()) {
        // `--user nobody`: the image's own /etc/passwd and /etc/group, as docker does.
        auto ids = image::resolve_user_in(lower.value(), user_names);
        if (!ids) return std::move(ids).error().wrap("user");
        s->process.user.uid = ids->uid;
        s->process.user.gid = ids->gid;
        s->process.user.additional_gids = ids->additional_gids;
    }

    auto rec = std::make_unique<ContainerRecord>();
    rec->id = id;
    rec->name = name;
    rec->image = p.image;
    rec->image_id = img->id;
    rec->command = s->process.args;
    rec->created = now_rfc3339();
    rec->owner_uid = peer.uid;
    rec->owner_gid = peer.gid;
    rec->restart = p.restart;
    rec->auto_remove = p.auto_remove;
    rec->tty = p.tty;
    rec->open_stdin = p.open_stdin;
    rec->init = p.init;
    rec->limits = p.limits;
    rec->log_max_size = p.log_unlimited ? UINT64_MAX : p.log_max_size;
    rec->log_max_files = p.log_max_files;
    rec->network = cn;
    rec->volumes = volume_refs;

    auto fail = [&](Error e) -> Result<ContainerRecord*> {
        (void)remove_tree(cp.bundle);
        return e;
    };
    if (::mkdir(cp.bundle.c_str(), 0700) < 0) return Error::from_errno("create " + cp.bundle);
    for (const auto& d : {cp.rootfs(), cp.upper(), cp.work(), cp.shim_dir()})
        if (::mkdir(d.c_str(), 0755) < 0) return fail(Error::from_errno("create " + d));
    // The overlay's upper and work directories belong to the container's root on the host.
    if (root_ids)
        for (const auto& d : {cp.upper(), cp.work()})
            if (::chown(d.c_str(), root_ids->first, root_ids->second) < 0) return fail(Error::from_errno("chown " + d));
    if (cn.on_bridge())
        for (const char* f : {"/hosts", "/resolv.conf", "/hostname"})
            if (auto st = write_file_atomic(cp.bundle + f, "", 0644, Sync::process); !st) return fail(std::move(st).error());
    // A --rm container is not meant to outlive this boot: its files need not survive a power
    // loss (four fsyncs less on every `run --rm`). One that does survive, running, is found
    // dead by adopt() at the next start of the helper and removed like any --rm container.
    const Sync sync = rec->auto_remove ? Sync::process : Sync::durable;
    if (auto st = write_file_atomic(cp.config(), spec::to_json(s.value()) + "\n", 0600, sync); !st)
        return fail(std::move(st).error().wrap("write config.json"));
    if (auto st = save(*rec, sync); !st) return fail(std::move(st).error().wrap("write container.json"));
    ContainerRecord* raw = rec.get();
    containers_[id] = std::move(rec);
    events_->publish("create", *raw);
    changed(id);
    return raw;
}

void ContainerManager::start(const std::string& id, std::function<void(Result<pid_t>)> done, const StartOptions& so)
{
    const bool attach_wait = so.attach_wait;
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    if (c->state == "running" || c->state == "paused") return done(Error(Errc::bad_state, "container " + c->name + " is already running"));
    if (attach_wait && !c->tty && !c->open_stdin)
        return done(Error(Errc::bad_state, "container " + c->name + " has no terminal and no open stdin (created without tty or open_stdin): start it without attach and read its output with container.logs"));
    if (starting_[id]) return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
    ContainerPaths cp = paths(id);
    // Never a second instance: a live shim (the record lagged behind a killed helper) is
    // adopted, and processes left in the cgroup by a dead shim are killed before we launch.
    if (const ShimProbe probe = probe_shim(*c); probe.alive) {
        if (!probe.has_shim_json) {
            await_launching_shim(id);
            return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
        }
        take_running_shim(*c, probe);
        return done(Error(Errc::bad_state, "container " + c->name + " is already running"));
    }
    if (auto r = reap_cgroup(cgroup_path(id)); !r)
        return done(Error(Errc::busy, "container " + c->name + ": processes of an earlier run are still in its cgroup: " + r.error().message()));
    // Fresh shim state for this run; upper/ is kept (a restarted container keeps its files).
    (void)remove_tree(cp.shim_dir());
    if (::mkdir(cp.shim_dir().c_str(), 0755) < 0) return done(Error::from_errno("create shim dir"));
    for (const auto& d : {cp.rootfs(), cp.upper(), cp.work()})
        if (auto st = make_dirs(d); !st) return done(std::move(st).error().wrap("start"));

    const std::string shim = shim_path();
    if (::access(shim.c_str(), X_OK) != 0)
        return done(Error(Errc::unsupported, "onggi-shim not found at " + shim + " (set --shim or ONGGI_SHIM)"));

    // Volume sources, opened again as the container's owner: still the very object seen at
    // create (a symlink turned since, or a directory swapped, is refused), passed as fds.
    auto held = std::make_shared<std::vector<UniqueFd>>();
    std::vector<int> pass;
    QStringList fd_args;
    if (!c->volumes.empty()) {
        const Identity who = VolumeSource::identity_of(c->owner_uid, c->owner_gid);
        for (const auto& ref : c->volumes) {
            auto src = VolumeSource::open_as(ref.source, who);
            if (!src) {
                Peer owner;
                owner.uid = c->owner_uid;
                owner.gid = c->owner_gid;
                starting_.erase(id);  // the check above made the key
                return done(volume_source_refusal(ref.source, owner, src.error()).wrap("start " + c->name));
            }
            if (src->dev != ref.dev || src->ino != ref.ino) {
                starting_.erase(id);
                return done(Error(Errc::permission_denied, "start " + c->name + ": volume source " + ref.source +
                                                               " is no longer what it was when the container was created"));
            }
            if (c->owner_uid != 0 && src->owner != c->owner_uid) {
                starting_.erase(id);
                return done(Error(Errc::permission_denied, "start " + c->name + ": volume source " + ref.source +
                                                               " is not owned by uid " + std::to_string(c->owner_uid)));
            }
            fd_args << "--mount-fd" << QStringLiteral("%1:%2").arg(ref.mount).arg(src->fd.get());
            pass.push_back(src->fd.get());
            held->push_back(std::move(src->fd));
        }
    }

    // Network: addresses, ports, rules, /etc files now; the veths by the shim (docs/shim.md).
    auto netfile = net_->prepare_start(net_container(*c));
    if (!netfile) {
        starting_.erase(id);  // the check above made the key
        return done(std::move(netfile).error().wrap("start " + c->name));
    }

    auto* proc = new QProcess(this);
    QStringList args = {"run", "--id", QString::fromStdString(id), "--bundle", QString::fromStdString(cp.bundle),
                        "--state-dir", QString::fromStdString(cp.shim_dir()), "--log", QString::fromStdString(cp.log())};
    if (!netfile->empty()) args << "--network" << QString::fromStdString(netfile.value());
    args << fd_args;
    if (c->init) args << "--init";
    // Rotation (docs/shim.md): the container's log_opts, else the helper's default.
    if (c->log_max_size != UINT64_MAX)
        args << "--log-max-size" << QString::number(c->log_max_size ? c->log_max_size : cfg_.log_max_size) << "--log-max-files"
             << QString::number(c->log_max_files ? c->log_max_files : cfg_.log_max_files);
    if (attach_wait) args << "--attach-wait";
    if (c->open_stdin && !c->tty) args << "--open-stdin";
    if (so.rows > 0 && so.cols > 0 && c->tty) args << "--console-size" << QStringLiteral("%1x%2").arg(so.rows).arg(so.cols);
    args << shim_common_args();
    proc->setProgram(shim_program());
    proc->setArguments(args);
    // In the forked child, before execve: async-signal-safe calls only. The soft open-file limit
    // the helper started with, and the volume fds (close-on-exec everywhere else) for the shim.
    proc->setChildProcessModifier([pass] {
        restore_child_fd_limit();
        for (int fd : pass) ::fcntl(fd, F_SETFD, 0);
    });
    proc->setStandardInputFile(QProcess::nullDevice());
    proc->setProcessChannelMode(QProcess::MergedChannels);
    starting_[id] = true;
    auto timer = new QTimer(proc);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, proc, [proc] { proc->kill(); });
    timer->start(60000);
    auto finished = [this, id, proc, done, held](int code, QProcess::ExitStatus status) {
        held->clear();  // the shim has its own copies by now
        proc->deleteLater();
        starting_.erase(id);
        ContainerRecord* c = get(id);
        if (!c) return done(Error(Errc::not_found, "container removed while starting"));
        ContainerPaths cp = paths(id);
        if (status != QProcess::NormalExit || code != 0) {
            net_->stopped(id);
            // container.wait calls that came during the start: it never ran, answer them now.
            auto waiters = std::move(exit_waiters_[id]);
            exit_waiters_.erase(id);
            for (auto& w : waiters) w(Status{});
            c = get(id);
            if (!c) return done(Error(Errc::not_found, "container removed while starting"));
            // A shim that was killed during the launch may leave its container's init behind.
            if (const ShimProbe probe = probe_shim(*c); probe.alive) {
                await_launching_shim(id);
            } else if (auto r = reap_cgroup(cgroup_path(id)); !r) {
                qWarning("helper: %s", r.error().message().c_str());
            }
            auto ej = read_json_file(cp.shim_dir() + "/error.json");
            if (ej && ej->is_object()) {
                const json& e = ej.value();
                std::string msg = e.value("message", std::string("start failed"));
                std::string stage = e.value("stage", std::string());
                Error err(errc_from_name(e.value("errc", std::string("internal"))),
                          stage.empty() ? msg : stage + ": " + msg, e.value("errno", 0));
                if (err.code == Errc::internal || err.code == Errc::invalid_argument) err.code = Errc::system;
                return done(std::move(err).wrap("start " + c->name));
            }
            std::string out = proc->readAll().left(2000).toStdString();
            return done(Error(Errc::system, "start " + c->name + ": onggi-shim failed (exit " + std::to_string(code) + "): " + out));
        }
        auto sj = read_json_file(cp.shim_dir() + "/shim.json");
        if (!sj || !sj->is_object()) return done(Error(Errc::internal, "start " + c->name + ": shim.json missing or damaged"));
        c->pid = sj->value("init_pid", pid_t(0));
        c->shim_pid = sj->value("shim_pid", pid_t(0));
        c->pid_starttime = process_starttime(c->pid);
        c->shim_starttime = process_starttime(c->shim_pid);
        c->shim_started_ns = sj->value("started_at_ns", int64_t(0));
        c->error.clear();
        c->state = "running";
        c->started_at = now_rfc3339();
        c->finished_at.clear();
        c->exit_code = 0;
        c->oom_killed = false;
        c->stop_requested = false;
        // Sync::process: after a power loss the record says "running" with a dead pid, and
        // adopt() reports it as exited, as it was.
        (void)save(*c, Sync::process);
        net_->started(id);
        events_->publish("start", *c);
        changed(id);
        pid_t pid = c->pid;
        watch_shim(id);  // may finish the exit at once when the container was very short
        done(pid);
    };
    connect(proc, &QProcess::finished, this, finished);
    connect(proc, &QProcess::errorOccurred, this, [proc, finished](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) finished(127, QProcess::CrashExit);
    });
    proc->start();
}

void ContainerManager::watch_shim(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return;
    int fd = c->shim_pid > 0 ? pidfd_open(c->shim_pid) : -1;
    if (fd < 0 || process_starttime(c->shim_pid) != c->shim_starttime || c->shim_starttime == 0) {
        if (fd >= 0) ::close(fd);
        // Gone already: handle it from the event loop, not inside the caller.
        QTimer::singleShot(0, this, [this, id] { on_shim_gone(id); });
        return;
    }
    if (auto old = watch_fds_.find(id); old != watch_fds_.end()) ::close(old->second);
    watch_fds_[id] = fd;
    auto* n = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(n, &QSocketNotifier::activated, this, [this, id, n] {
        n->setEnabled(false);
        n->deleteLater();
        on_shim_gone(id);
    });
}

void ContainerManager::on_shim_gone(const std::string& id)
{
    if (auto it = watch_fds_.find(id); it != watch_fds_.end()) {
        ::close(it->second);
        watch_fds_.erase(it);
    }
    ContainerRecord* c = get(id);
    if (!c || (c->state != "running" && c->state != "paused")) return;
    finish_exit(*c);
}

// The shim has ended: take the exit code from exit.json, tell everyone, apply the policy.
void ContainerManager::finish_exit(ContainerRecord& c)
{
    const std::string id = c.id;
    auto ej = read_json_file(paths(id).shim_dir() + "/exit.json");
    if (ej && ej->is_object()) {
        c.exit_code = ej->value("exit_code", 255);
        c.oom_killed = ej->value("oom_killed", false);
        int64_t ns = ej->value("finished_at_ns", int64_t(0));
        c.finished_at = ns > 1000000000LL * 1000000000LL / 1000 ? rfc3339_from_ns(ns) : now_rfc3339();
        c.error.clear();
    } else {
        c.exit_code = 255;  // the shim died without a word (killed, host crash)
        c.oom_killed = false;
        c.finished_at = now_rfc3339();
        // Its init got SIGKILL with the shim (PR_SET_PDEATHSIG); whatever else is in the cgroup
        // has nobody watching it now: it goes too.
        c.error = "onggi-shim ended without recording the container's exit (killed?)";
        auto reaped = reap_cgroup(cgroup_path(id));
        if (!reaped) c.error += "; " + reaped.error().message();
        else if (reaped.value() > 0) c.error += "; " + std::to_string(reaped.value()) + " processes left in its cgroup were killed";
        qWarning("helper: container %s: %s", c.short_id().c_str(), c.error.c_str());
    }
    net_->stopped(id);  // veths, leases, ports, rules
    c.state = "exited";
    c.pid = 0;
    c.shim_pid = 0;
    c.pid_starttime = c.shim_starttime = 0;
    (void)save(c, Sync::process);  // lost in a power loss: "running" with a dead pid, which adopt() ends
    if (c.oom_killed && !events_->oom_announced(c)) events_->publish("oom", c);
    events_->publish("die", c, {{"exit_code", std::to_string(c.exit_code)}, {"oom_killed", c.oom_killed ? "true" : "false"}});
    for (auto& l : exit_listeners_) l(id);
    changed(id);
    auto waiters = std::move(exit_waiters_[id]);
    exit_waiters_.erase(id);
    for (auto& w : waiters) w(Status{});

    ContainerRecord* cur = get(id);
    if (!cur) return;
    if (cur->auto_remove) {
        remove(id, false, [](Status) {});
        return;
    }
    const auto& pol = cur->restart;
    bool again = !cur->stop_requested &&
                 (pol.mode == "always" ||
                  (pol.mode == "on-failure" && cur->exit_code != 0 && (pol.max_retries == 0 || cur->restart_count < pol.max_retries)));
    if (!again) return;
    // Back off 100 ms, doubling up to 10 s, like docker's policy.
    int delay = std::min(10000, 100 << std::min(cur->restart_count, 7));
    ++cur->restart_count;
    (void)save(*cur);
    QTimer::singleShot(delay, this, [this, id] {
        ContainerRecord* c = get(id);
        if (!c || c->state != "exited" || c->stop_requested) return;
        start(id, [this, id](Result<pid_t> r) {
            if (!r) qWarning("helper: restart of %s failed: %s", id.c_str(), r.error().message().c_str());
        });
    });
}

Status ContainerManager::signal_init(const ContainerRecord& c, int sig)
{
    if (c.pid <= 0 || process_starttime(c.pid) != c.pid_starttime)
        return Error(Errc::bad_state, "container " + c.name + " is not running");
    if (::kill(c.pid, sig) < 0) return Error::from_errno("signal container " + c.name);
    return {};
}

void ContainerManager::stop(const std::string& id, int timeout_s, std::function<void(Status)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    if (c->state != "running" && c->state != "paused") {
        c->stop_requested = true;
        (void)save(*c);
        return done(Status{});  // already stopped: nothing to do, as docker
    }
    c->stop_requested = true;
    (void)save(*c);
    bool was_paused = c->state == "paused";
    (void)signal_init(*c, timeout_s == 0 ? SIGKILL : SIGTERM);
    if (was_paused) (void)resume(id);  // a frozen process cannot act on SIGTERM
    auto finished = std::make_shared<bool>(false);
    exit_waiters_[id].push_back([this, id, finished, done](Status s) {
        if (*finished) return;
        *finished = true;
        if (ContainerRecord* c = get(id)) events_->publish("stop", *c);
        done(s);
    });
    if (timeout_s > 0)
        QTimer::singleShot(timeout_s * 1000, this, [this, id, finished] {
            if (*finished) return;
            if (ContainerRecord* c = get(id)) (void)signal_init(*c, SIGKILL);
        });
    QTimer::singleShot((timeout_s + 30) * 1000, this, [finished, done, id] {
        if (*finished) return;
        *finished = true;
        done(Error(Errc::timeout, "container " + id.substr(0, 12) + " did not stop"));
    });
}

void ContainerManager::restart(const std::string& id, int timeout_s, std::function<void(Status)> done)
{
    stop(id, timeout_s, [this, id, done](Status s) {
        if (!s) return done(s);
        start(id, [done](Result<pid_t> r) { done(r ? Status{} : Status(r.error())); });
    });
}

Status ContainerManager::kill(const std::string& id, int sig)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (c->state != "running" && c->state != "paused") return Error(Errc::bad_state, "container " + c->name + " is not running");
    if (sig == SIGKILL || sig == SIGTERM || sig == SIGINT || sig == SIGQUIT) {
        c->stop_requested = true;
        (void)save(*c);
    }
    ONGGI_CHECK(signal_init(*c, sig), "kill");
    events_->publish("kill", *c, {{"signal", std::to_string(sig)}});
    return {};
}

Status ContainerManager::pause(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (c->state != "running") return Error(Errc::bad_state, "container " + c->name + " is not running");
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error().wrap("pause");
    auto cg = cgroup::open(host.value(), cfg_.cgroup_parent + "/" + id);
    if (!cg) return std::move(cg).error().wrap("pause: open cgroup");
    ONGGI_CHECK(cg.value()->freeze(), "pause");
    c->state = "paused";
    (void)save(*c);
    events_->publish("pause", *c);
    changed(id);
    return {};
}

Status ContainerManager::resume(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (c->state != "paused") return Error(Errc::bad_state, "container " + c->name + " is not paused");
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error().wrap("resume");
    auto cg = cgroup::open(host.value(), cfg_.cgroup_parent + "/" + id);
    if (!cg) return std::move(cg).error().wrap("resume: open cgroup");
    ONGGI_CHECK(cg.value()->thaw(), "resume");
    c->state = "running";
    (void)save(*c);
    events_->publish("unpause", *c);
    changed(id);
    return {};
}

void ContainerManager::remove(std::string id, bool force, std::function<void(Status)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    if (starting_.count(id)) return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
    // The record may lag behind its shim: never delete it while the container runs.
    if (const ShimProbe probe = probe_shim(*c); probe.alive && c->state != "running" && c->state != "paused") {
        if (!probe.has_shim_json) {
            await_launching_shim(id);
            return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
        }
        take_running_shim(*c, probe);
    }
    if (c->state == "running" || c->state == "paused") {
        if (!force) return done(Error(Errc::bad_state, "container " + c->name + " is running: stop it first or force"));
        stop(id, 0, [this, id, done](Status s) {
            if (!s) return done(s);
            remove(id, false, done);
        });
        return;
    }
    // Nothing of it may outlive the record: processes left in its cgroup go, and the cgroup.
    if (auto r = reap_cgroup(cgroup_path(id)); !r) return done(std::move(r).error().wrap("remove container " + c->name));
    ContainerPaths cp = paths(id);
    // The rootfs is only ever mounted inside the container's own mount namespace, so the
    // bundle holds plain files here; remove_tree stays on this filesystem regardless.
    Status st = remove_tree(cp.bundle);
    if (!st) return done(std::move(st).error().wrap("remove container"));
    ContainerRecord copy = *c;
    containers_.erase(id);
    // Its image was removed with force while it existed: its layers may be unused now.
    if (!images_.resolve(copy.image_id))
        if (auto n = images_.collect_layers(layers_in_use()); !n) qWarning("helper: %s", n.error().message().c_str());
    events_->publish("destroy", copy);
    changed(id);
    done(Status{});
}

Result<Limits> ContainerManager::update(const std::string& id, const Limits& l)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    Limits merged = c->limits;
    merged.merge(l);
    if (merged.memory && merged.memory_swap && *merged.memory > 0 && *merged.memory_swap > 0 && *merged.memory_swap < *merged.memory)
        return Error(Errc::invalid_argument, "limits.memory_swap: must be at least memory");
    auto res = limits_to_resources(l, cgroup_v2_);
    if (!res) return std::move(res).error();
    // Saved first, applied second: a disk that refuses the save (full) leaves the kernel as it
    // was, and a kernel that refuses the limit gets the files put back. Never a limit in force
    // that the record does not show.
    auto s = spec::load_spec(paths(id).bundle);
    if (!s) return std::move(s).error().wrap("update: read config.json");
    const std::string old_config = spec::to_json(s.value()) + "\n";
    auto all = limits_to_resources(merged, cgroup_v2_);
    if (!all) return std::move(all).error();
    s->linux.resources = all.value();
    if (auto st = write_file_atomic(paths(id).config(), spec::to_json(s.value()) + "\n", 0600); !st)
        return std::move(st).error().wrap("update: write config.json (no limit was changed)");
    const Limits old_limits = c->limits;
    c->limits = merged;
    auto put_back = [&] {
        c->limits = old_limits;
        (void)write_file_atomic(paths(id).config(), old_config, 0600);
        (void)save(*c);
    };
    if (auto st = save(*c); !st) {
        put_back();
        return std::move(st).error().wrap("update: save the record (no limit was changed)");
    }
    if (c->state == "running" || c->state == "paused") {
        auto host = cgroup::probe_host();
        auto cg = host ? cgroup::open(host.value(), cfg_.cgroup_parent + "/" + id) : Result<std::unique_ptr<cgroup::Cgroup>>(host.error());
        Status applied = cg ? cg.value()->apply(res.value()) : Status(cg.error());
        if (!applied) {
            put_back();
            return std::move(applied).error().wrap("update limits");
        }
    }
    events_->publish("update", *c);
    changed(id);
    return merged;
}

Result<json> ContainerManager::top(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (c->state != "running" && c->state != "paused") return Error(Errc::bad_state, "container " + c->name + " is not running");
    auto host = cgroup::probe_host();
    if (!host) return std::move(host).error().wrap("top");
    auto cg = cgroup::open(host.value(), cfg_.cgroup_parent + "/" + id);
    if (!cg) return std::move(cg).error().wrap("top: open cgroup");
    auto pids = cg.value()->pids();
    if (!pids) return std::move(pids).error().wrap("top");
    json procs = json::array();
    for (pid_t pid : pids.value()) {
        std::string base = "/proc/" + std::to_string(pid);
        auto status = read_file(base + "/status", 65536);
        if (!status) continue;
        json p = {{"host_pid", pid}, {"pid", pid}, {"uid", 0}, {"state", ""}, {"cmd", ""}};
        std::istringstream in(status.value());
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("NSpid:", 0) == 0) {
                auto last = line.find_last_of(" \t");
                p["pid"] = std::atoi(line.c_str() + last + 1);
            } else if (line.rfind("Uid:", 0) == 0) {
                p["uid"] = std::atoi(line.c_str() + 4);
            } else if (line.rfind("State:", 0) == 0) {
                auto s = line.find_first_not_of(" \t", 6);
                if (s != std::string::npos) p["state"] = line.substr(s, 1);
            }
        }
        auto cmd = read_file(base + "/cmdline", 8192);
        if (cmd) {
            std::string s = cmd.value();
            while (!s.empty() && s.back() == '\0') s.pop_back();
            for (auto& ch : s)
                if (ch == '\0') ch = ' ';
            p["cmd"] = s;
        }
        procs.push_back(p);
    }
    return json{{"processes", procs}};
}

json ContainerManager::summary(const ContainerRecord& c) const
{
    return json{{"id", c.id},
                {"short_id", c.short_id()},
                {"name", c.name},
                {"image", c.image},
                {"image_id", c.image_id},
                {"command", join_command(c.command)},
                {"state", c.state},
                {"created", c.created},
                {"started_at", c.started_at},
                {"finished_at", c.finished_at},
                {"exit_code", c.exit_code},
                {"oom_killed", c.oom_killed},
                {"error", c.error},
                {"pid", c.pid},
                {"owner_uid", c.owner_uid},
                {"restart_policy", c.restart.to_string()},
                {"restart_count", c.restart_count},
                {"auto_remove", c.auto_remove},
                {"tty", c.tty},
                {"open_stdin", c.open_stdin},
                {"limits", c.limits.to_json()},
                {"network", c.network.mode},
                {"ports", net_->container_view(c.id)["ports"]}};
}

json ContainerManager::inspect(const ContainerRecord& c) const
{
    ContainerPaths cp = paths(c.id);
    json out = {{"container", summary(c)}, {"cgroup_path", cfg_.cgroup_parent + "/" + c.id}};
    auto cfg = read_json_file(cp.config(), 4 << 20);
    out["config"] = cfg ? cfg.value() : json::object();
    json ns = json::object();
    if (c.pid > 0 && (c.state == "running" || c.state == "paused")) {
        for (const char* n : {"cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"}) {
            char buf[128];
            std::string link = "/proc/" + std::to_string(c.pid) + "/ns/" + n;
            ssize_t len = ::readlink(link.c_str(), buf, sizeof buf - 1);
            if (len > 0) ns[n] = std::string(buf, size_t(len));
        }
    }
    out["namespaces"] = ns;
    json lower = json::array();
    if (cfg && cfg->is_object() && cfg->contains("annotations") && (*cfg)["annotations"].is_object()) {
        std::string l = (*cfg)["annotations"].value("org.onggi.overlay.lowerdir", std::string());
        size_t pos = 0;
        while (!l.empty() && pos <= l.size()) {
            size_t e = l.find(':', pos);
            if (e == std::string::npos) e = l.size();
            lower.push_back(l.substr(pos, e - pos));
            pos = e + 1;
        }
    }
    out["rootfs"] = {{"lower", lower}, {"upper", cp.upper()}, {"work", cp.work()}, {"merged", cp.rootfs()}};
    out["log_path"] = cp.log();
    json log_config = {{"type", "onggi-file"}};
    if (c.log_max_size == UINT64_MAX) log_config["max_size"] = -1;
    else log_config["max_size"] = c.log_max_size ? c.log_max_size : cfg_.log_max_size;
    log_config["max_files"] = c.log_max_files ? c.log_max_files : cfg_.log_max_files;
    out["log_config"] = log_config;
    json nv = net_->container_view(c.id);
    nv["mode"] = c.network.mode;
    nv["more"] = c.network.more;
    nv["options"] = c.network.options.to_json();
    nv["hostname"] = c.network.hostname;
    out["network"] = nv;
    return out;
}

Result<int> ContainerManager::attach(const std::string& id, bool at_start)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    // A non-terminal container with an open stdin takes its input from the attacher of its
    // start only (docker's StdinOnce): its stdin is closed when that attacher's input ends.
    if (!c->tty && !(at_start && c->open_stdin))
        return Error(Errc::bad_state, "container " + c->name + " has no terminal (created without tty): read its output with container.logs");
    if (c->state != "running" && c->state != "paused") return Error(Errc::bad_state, "container " + c->name + " is not running");
    // The socket's path can be longer than sun_path allows: connect through a directory fd.
    const std::string dir = paths(id).shim_dir();
    UniqueFd dfd(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dfd) return Error::from_errno("attach: open " + dir);
    const std::string via = "/proc/self/fd/" + std::to_string(dfd.get()) + "/attach.sock";
    struct sockaddr_un a {};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path, via.c_str(), via.size() + 1);
    UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return Error::from_errno("attach: socket");
    int r;
    do r = ::connect(fd.get(), reinterpret_cast<sockaddr*>(&a), sizeof a);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        if (errno == ENOENT || errno == ECONNREFUSED)  // the shim is ending, or predates attach
            return Error(Errc::bad_state, "container " + c->name + " cannot be attached (its shim has no attach socket)", errno);
        if (errno == EAGAIN) return Error(Errc::busy, "container " + c->name + ": too many attach requests at once", errno);
        return Error::from_errno("attach to " + c->name);
    }
    // Handed to the client as an ordinary blocking socket; it sets what it wants.
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
    return fd.release();
}

void ContainerManager::wait(const std::string& id, std::function<void(Result<json>)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    auto result = [this, id]() -> Result<json> {
        const ContainerRecord* c = get(id);
        if (!c) return Error(Errc::not_found, "container removed");
        return json{{"exit_code", c->exit_code}, {"oom_killed", c->oom_killed}};
    };
    if (c->state == "running" || c->state == "paused" || starting_.count(id)) {
        // finish_exit() calls these with the exit code in the record, before any auto-remove;
        // a start that fails calls them at once (a wait sent right behind start is answered).
        exit_waiters_[id].push_back([result, done](Status) { done(result()); });
        return;
    }
    done(result());
}

void ContainerManager::exec(const std::string& id, const ExecParams& p, const Peer& peer,
                            std::function<void(Result<json>, int)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"), -1);
    if (c->state == "paused") return done(Error(Errc::bad_state, "container " + c->name + " is paused"), -1);
    if (c->state != "running") return done(Error(Errc::bad_state, "container " + c->name + " is not running"), -1);
    const std::string shim = shim_path();
    if (::access(shim.c_str(), X_OK) != 0) return done(Error(Errc::unsupported, "onggi-shim not found at " + shim), -1);
    ContainerPaths cp = paths(id);
    QStringList args = {"exec", "--bundle", QString::fromStdString(cp.bundle), "--state-dir", QString::fromStdString(cp.shim_dir())};
    for (const auto& e : p.env) args << "--env" << QString::fromStdString(e);
    if (!p.workdir.empty()) args << "--cwd" << QString::fromStdString(p.workdir);
    if (p.uid) args << "--user" << QString::fromStdString(std::to_string(*p.uid) + ":" + std::to_string(p.gid.value_or(*p.uid)));
    if (!p.user_names.empty()) {
        // Names from the running container's own files (its upper layer included), read
        // below /proc/PID/root of its init; the pid is checked to still be that init.
        if (c->pid <= 0 || process_starttime(c->pid) != c->pid_starttime)
            return done(Error(Errc::bad_state, "container " + c->name + " is not running"), -1);
        auto ids = image::resolve_user_in({"/proc/" + std::to_string(c->pid) + "/root"}, p.user_names);
        if (!ids) return done(std::move(ids).error().wrap("user"), -1);
        args << "--user" << QString::fromStdString(std::to_string(ids->uid) + ":" + std::to_string(ids->gid));
    }
    if (p.tty) args << "--tty";
    args << shim_common_args() << "--";
    for (const auto& a : p.cmd) args << QString::fromStdString(a);

    auto* proc = new QProcess(this);
    proc->setProgram(shim_program());
    proc->setArguments(args);
    proc->setChildProcessModifier(restore_child_fd_limit);
    events_->publish("exec", *c, {{"command", join_command(p.cmd)}});

    if (!p.tty) {
        // Output is read as it comes and capped; the child never blocks on a full pipe.
        constexpr qint64 cap = 4 << 20;
        struct Out { QByteArray out, err; bool truncated = false; };
        auto o = std::make_shared<Out>();
        proc->setStandardInputFile(QProcess::nullDevice());
        auto drain = [proc, o](QProcess::ProcessChannel ch) {
            proc->setReadChannel(ch);
            QByteArray& dst = ch == QProcess::StandardOutput ? o->out : o->err;
            QByteArray data = proc->readAll();
            qint64 room = cap - dst.size();
            if (data.size() > room) {
                o->truncated = true;
                data.truncate(std::max<qint64>(0, room));
            }
            dst += data;
        };
        connect(proc, &QProcess::readyReadStandardOutput, this, [drain] { drain(QProcess::StandardOutput); });
        connect(proc, &QProcess::readyReadStandardError, this, [drain] { drain(QProcess::StandardError); });
        auto finished = [proc, o, done, drain](int code, QProcess::ExitStatus st) {
            drain(QProcess::StandardOutput);
            drain(QProcess::StandardError);
            proc->deleteLater();
            if (st != QProcess::NormalExit) return done(Error(Errc::system, "exec: onggi-shim crashed"), -1);
            if (code == 125 && o->out.isEmpty()) {
                json e = json::parse(o->err.trimmed().toStdString(), nullptr, false);
                if (e.is_object())
                    return done(Error(errc_from_name(e.value("errc", std::string("system"))) == Errc::internal
                                          ? Errc::system
                                          : errc_from_name(e.value("errc", std::string("system"))),
                                      "exec: " + e.value("message", std::string("failed")), e.value("errno", 0)),
                                -1);
            }
            json r = {{"exit_code", code}, {"stdout", o->out.toStdString()}, {"stderr", o->err.toStdString()}};
            if (o->truncated) r["truncated"] = true;
            done(r, -1);
        };
        connect(proc, &QProcess::finished, this, finished);
        connect(proc, &QProcess::errorOccurred, this, [proc, done](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart) return;
            proc->deleteLater();
            done(Error(Errc::system, "exec: cannot run onggi-shim"), -1);
        });
        proc->start();
        return;
    }

    // Interactive: the exec gets a pty slave as its terminal; the master goes to the client.
    int master = -1, slave = -1;
    if (::openpty(&master, &slave, nullptr, nullptr, nullptr) < 0) {
        proc->deleteLater();
        return done(Error::from_errno("exec: openpty"), -1);
    }
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    ::fcntl(slave, F_SETFD, FD_CLOEXEC);
    auto session = std::make_shared<ExecSession>();
    session->id = next_exec_++;
    session->container_id = id;
    session->owner = peer.uid;
    execs_[session->id] = session;
    while (execs_.size() > 1024) execs_.erase(execs_.begin());  // forget the oldest sessions
    proc->setStandardInputFile(QProcess::nullDevice());
    proc->setStandardOutputFile(QProcess::nullDevice());
    proc->setStandardErrorFile(QProcess::nullDevice());
    proc->setChildProcessModifier([slave] {
        // In the forked child, before execve: async-signal-safe calls only. The shim makes the
        // pty the controlling terminal of a new session for the exec'd process (docs/shim.md).
        ::dup2(slave, 0);
        ::dup2(slave, 1);
        ::dup2(slave, 2);
        restore_child_fd_limit();
    });
    connect(proc, &QProcess::finished, this, [proc, session](int code, QProcess::ExitStatus st) {
        proc->deleteLater();
        session->done = true;
        session->exit_code = st == QProcess::NormalExit ? code : 255;
        for (auto& w : session->waiters) w(json{{"exit_code", session->exit_code}});
        session->waiters.clear();
    });
    connect(proc, &QProcess::errorOccurred, this, [proc, session](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        proc->deleteLater();
        session->done = true;
        session->exit_code = 127;
        for (auto& w : session->waiters) w(json{{"exit_code", 127}});
        session->waiters.clear();
    });
    proc->start();
    ::close(slave);
    done(json{{"exec_id", session->id}}, master);
}

void ContainerManager::exec_wait(int64_t exec_id, const Peer& peer, std::function<void(Result<json>)> done)
{
    auto it = execs_.find(exec_id);
    if (it == execs_.end() || !peer.may_see(it->second->owner)) return done(Error(Errc::not_found, "no such exec session"));
    auto s = it->second;
    if (s->done) return done(json{{"exit_code", s->exit_code}});
    s->waiters.push_back(std::move(done));
}

NetContainer ContainerManager::net_container(const ContainerRecord& c) const
{
    NetContainer n;
    n.id = c.id;
    n.name = c.name;
    n.owner = c.owner_uid;
    n.pid = (c.state == "running" || c.state == "paused") ? c.pid : 0;
    n.net = c.network;
    n.bundle = paths(c.id).bundle;
    return n;
}

std::vector<std::string> ContainerManager::network_users(const std::string& network) const
{
    std::vector<std::string> out;
    for (const auto& [id, c] : containers_) {
        auto nets = c->network.networks();
        if (std::find(nets.begin(), nets.end(), network) != nets.end()) out.push_back(c->name);
    }
    return out;
}

Status ContainerManager::connect_network(const std::string& id, const std::string& network)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (starting_.count(id)) return Error(Errc::bad_state, "container " + c->name + " is starting");
    auto nets = c->network.networks();
    if (std::find(nets.begin(), nets.end(), network) != nets.end())
        return Error(Errc::already_exists, "container " + c->name + " is already on network " + network);
    if (!net_->network(network) && network != net_->default_network()) return Error(Errc::not_found, "no such network: " + network);
    if (nets.size() >= 10) return Error(Errc::busy, "container " + c->name + " is on 10 networks already");
    ONGGI_CHECK(net_->connect(net_container(*c), network), "connect " + c->name);
    if (!c->network.on_bridge() && c->network.mode != "host" && c->network.more.empty() && !(c->state == "running" || c->state == "paused"))
        c->network.mode = network;  // a container without a network gets this one as its first
    else
        c->network.more.push_back(network);
    ONGGI_CHECK(save(*c), "connect " + c->name);
    changed(id);
    return {};
}

Status ContainerManager::disconnect_network(const std::string& id, const std::string& network)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (starting_.count(id)) return Error(Errc::bad_state, "container " + c->name + " is starting");
    auto nets = c->network.networks();
    if (std::find(nets.begin(), nets.end(), network) == nets.end())
        return Error(Errc::not_found, "container " + c->name + " is not on network " + network);
    ONGGI_CHECK(net_->disconnect(net_container(*c), network), "disconnect " + c->name);
    if (c->network.mode == network) {
        if (!c->network.more.empty()) {
            c->network.mode = c->network.more.front();
            c->network.more.erase(c->network.more.begin());
        } else {
            c->network.mode = "none";
        }
    } else {
        std::erase(c->network.more, network);
    }
    ONGGI_CHECK(save(*c), "disconnect " + c->name);
    changed(id);
    return {};
}

} // namespace onggi::helper

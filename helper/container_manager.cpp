#include "helper/container_manager.h"
#include "helper/fd_limit.h"

#include "engine/cgroup/cgroup.h"
#include "engine/core/files.h"
#include "engine/core/shim_contract.h"
#include "engine/image/user_lookup.h"
#include "helper/attach_socket.h"
#include "helper/event_bus.h"
#include "helper/name_generator.h"
#include "helper/policy_gate.h"
#include "helper/restart_policy.h"
#include "helper/volume_source.h"

#include <QTimer>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>

namespace onggi::helper {

namespace {

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

}  // namespace

ContainerManager::ContainerManager(HelperConfig cfg, EventBus* events, QObject* parent)
    : QObject(parent), cfg_(std::move(cfg)), events_(events), images_(cfg_.state_dir + "/images"),
      net_(std::make_unique<NetworkManager>(
          NetworkManagerConfig{cfg_.state_dir + "/networks", cfg_.run_dir, cfg_.default_network, cfg_.default_subnet})),
      store_(cfg_.state_dir, [this](const ContainerRecord& c, const Error& e) { save_failed(c, e); }), shim_(cfg_),
      supervisor_(cfg_, store_, *net_, events_, shim_,
                  {[this](const std::string& id) { changed(id); },
                   [this](const std::string& id) {
                       for (auto& l : exit_listeners_) l(id);
                   },
                   [this](const std::string& id) { after_exit(id); }},
                  this),
      execs_(shim_, events_, this)
{
}

ContainerManager::~ContainerManager() = default;

Result<std::unique_ptr<cgroup::Cgroup>> ContainerManager::open_cgroup(const std::string& id) const
{
    if (!host_) return host_.error();
    return cgroup::open(host_.value(), cgroup_path(id));
}

void ContainerManager::save_failed(const ContainerRecord& c, const Error& e)
{
    events_->publish("error", c, {{"error", e.message()}, {"errc", errc_name(e.code)}});
}

Status ContainerManager::init()
{
    host_ = cgroup::probe_host();
    if (!host_) qWarning("helper: %s", host_.error().message().c_str());
    cgroup_v2_ = host_ && host_->mode == cgroup::Mode::v2;
    ONGGI_CHECK(place_in_delegated_cgroup(), "cgroup delegation");
    ONGGI_CHECK(make_dirs(cfg_.state_dir, 0711), "create state dir");
    ::chmod(cfg_.state_dir.c_str(), 0711);
    ONGGI_CHECK(make_dirs(cfg_.state_dir + "/containers", 0700), "create containers dir");
    ONGGI_CHECK(make_dirs(cfg_.run_dir, 0755), "create run dir");
    // cgroup v1: make the disks' I/O counters count (see prime_io_accounting).
    if (host_ && host_->mode != cgroup::Mode::v2)
        if (auto n = cgroup::prime_io_accounting(host_.value(), cfg_.cgroup_parent); !n)
            qWarning("helper: %s", n.error().message().c_str());
    auto bb = images_.ensure_builtin();
    if (!bb) return std::move(bb).error().wrap("built-in image");

    ONGGI_CHECK(net_->load(), "start helper");
    for (const auto& id : store_.load()) supervisor_.adopt(*store_.get(id));
    // Networks: what stopped while we were away is cleaned, the rules are replaced once.
    std::set<std::string> running;
    for (const ContainerRecord* c : store_.all())
        if (c->live()) running.insert(c->id);
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
    if (root == "/")
        return Error(Errc::invalid_argument,
                     "--cgroup-delegated: the helper runs in the root cgroup, nothing is delegated to it");
    auto parent = cgroup::take_delegated(host.value(), root);
    if (!parent) return std::move(parent).error();
    cfg_.cgroup_parent = parent.value();
    qInfo("helper: containers live in the delegated cgroup %s", cfg_.cgroup_parent.c_str());
    return {};
}

std::set<std::string> ContainerManager::layers_in_use() const
{
    std::set<std::string> out;
    for (const ContainerRecord* c : store_.all()) {
        auto j = read_json_file(paths(c->id).config());
        if (!j || !j->is_object()) continue;
        auto ann = j->find("annotations");
        if (ann == j->end() || !ann->is_object()) continue;
        auto lower = ann->find(shim::kOverlayLowerdir);
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
        if (store_.name_in_use(name)) return Error(Errc::already_exists, "name in use: " + name);
    } else {
        name = NameGenerator::generate([this](const std::string& n) { return store_.name_in_use(n); });
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
                                                                            " is not owned by uid " +
                                                                            std::to_string(peer.uid)))
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
    while (store_.contains(id));
    ContainerPaths cp = paths(id);
    SpecInput in{id, cfg_.cgroup_parent, cgroup_v2_, cp, lower.value()};
    in.subid_owner = peer.admin() ? "onggi" : who.name;
    in.subuid_file = cfg_.subuid_file;
    in.subgid_file = cfg_.subgid_file;
    in.nofile_hard = child_fd_hard_limit();
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
        while (k < s->mounts.size() && !(s->mounts[k].type == "bind" && s->mounts[k].source == p.volumes[i].source &&
                                         s->mounts[k].destination == p.volumes[i].target))
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
    // The image's ExposedPorts join the container's own --expose (docker); `-P` publishes them.
    // Onggi publishes tcp and udp: an sctp port stays only in the image's inspect.
    auto exposed = images_.exposed_ports(img.value());
    if (!exposed) return std::move(exposed).error().wrap("image");
    for (const auto& e : exposed.value()) {
        const auto slash = e.find('/');
        PortMapping m;
        m.container_port = uint16_t(std::stoul(e.substr(0, slash)));
        m.protocol = e.substr(slash + 1);
        if (m.protocol != "tcp" && m.protocol != "udp") continue;
        if (std::find(cn.options.expose.begin(), cn.options.expose.end(), m) == cn.options.expose.end())
            cn.options.expose.push_back(m);
    }
    if (cn.options.expose.size() > kMaxExpose)
        return Error(Errc::invalid_argument, "expose: the image's and the container's exposed ports are " +
                                                 std::to_string(cn.options.expose.size()) + " together, more than " +
                                                 std::to_string(kMaxExpose));
    cn.hostname = s->hostname;
    if (cn.on_bridge())
        // Written by the network manager at each start (docs/protocol.md), as docker does.
        for (const char* f : {"hosts", "resolv.conf", "hostname"})
            s->mounts.push_back(
                {std::string("/etc/") + f, "bind", cp.bundle + "/" + f, {"rbind", "rw", "nosuid", "nodev", "noexec"}});
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
    rec->created = now_rfc3339_nano();
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
        if (auto rm = remove_tree(cp.bundle); !rm)
            qWarning("helper: a failed create left %s behind: %s", cp.bundle.c_str(), rm.error().message().c_str());
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
            if (auto st = write_file_atomic(cp.bundle + f, "", 0644, Sync::process); !st)
                return fail(std::move(st).error());
    // A --rm container is not meant to outlive this boot: its files need not survive a power
    // loss (four fsyncs less on every `run --rm`). One that does survive, running, is found
    // dead by adopt() at the next start of the helper and removed like any --rm container.
    const Sync sync = rec->auto_remove ? Sync::process : Sync::durable;
    if (auto st = write_file_atomic(cp.config(), spec::to_json(s.value()) + "\n", 0600, sync); !st)
        return fail(std::move(st).error().wrap("write config.json"));
    if (auto st = store_.save(*rec, sync); !st) return fail(std::move(st).error().wrap("write container.json"));
    ContainerRecord* raw = store_.insert(std::move(rec));
    events_->publish("create", *raw);
    changed(id);
    return raw;
}

// After the shim's end was recorded (ShimSupervisor::finish_exit): an auto-remove container goes,
// else the restart policy decides (helper/restart_policy.h).
void ContainerManager::after_exit(const std::string& id)
{
    ContainerRecord* cur = get(id);
    if (!cur) return;
    if (cur->auto_remove) {
        remove(id, false, [](Status) {});
        return;
    }
    if (!restart_due(*cur)) return;
    int delay = restart_delay_ms(cur->restart_count);
    ++cur->restart_count;
    store_.save_or_report(*cur, Sync::durable, "counting a restart");
    QTimer::singleShot(delay, this, [this, id] {
        ContainerRecord* c = get(id);
        if (!c || c->state != ContainerState::exited || c->stop_requested) return;
        start(id, [this, id](Result<pid_t> r) {
            if (!r) qWarning("helper: restart of %s failed: %s", id.c_str(), r.error().message().c_str());
        });
    });
}

void ContainerManager::stop(const std::string& id, int timeout_s, std::function<void(Status)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    if (!c->live()) {
        c->stop_requested = true;
        store_.save_or_report(*c, Sync::durable, "stop");
        return done(Status{});  // already stopped: nothing to do, as docker
    }
    c->stop_requested = true;
    store_.save_or_report(*c, Sync::durable, "stop");
    bool was_paused = c->state == ContainerState::paused;
    // A failed signal is logged; the timeout below still kills, and still answers the caller.
    auto warn = [id](const char* what, const Error& e) {
        qWarning("helper: stop %s: %s: %s", id.substr(0, 12).c_str(), what, e.message().c_str());
    };
    if (auto s = supervisor_.signal_init(*c, timeout_s == 0 ? SIGKILL : SIGTERM); !s) warn("signal", s.error());
    if (was_paused)  // a frozen process cannot act on SIGTERM
        if (auto r = resume(id); !r) warn("thaw", r.error());
    auto finished = std::make_shared<bool>(false);
    supervisor_.on_exit(id, [this, id, finished, done](Status s) {
        if (*finished) return;
        *finished = true;
        if (ContainerRecord* c = get(id)) events_->publish("stop", *c);
        done(s);
    });
    if (timeout_s > 0)
        QTimer::singleShot(timeout_s * 1000, this, [this, id, finished, warn] {
            if (*finished) return;
            if (ContainerRecord* c = get(id))
                if (auto s = supervisor_.signal_init(*c, SIGKILL); !s) warn("kill after the timeout", s.error());
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
    if (!c->live()) return Error(Errc::bad_state, "container " + c->name + " is not running");
    if (sig == SIGKILL || sig == SIGTERM || sig == SIGINT || sig == SIGQUIT) {
        c->stop_requested = true;
        store_.save_or_report(*c, Sync::durable, "kill");
    }
    ONGGI_CHECK(supervisor_.signal_init(*c, sig), "kill");
    events_->publish("kill", *c, {{"signal", std::to_string(sig)}});
    return {};
}

Status ContainerManager::pause(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (c->state != ContainerState::running) return Error(Errc::bad_state, "container " + c->name + " is not running");
    auto cg = open_cgroup(id);
    if (!cg) return std::move(cg).error().wrap("pause: open cgroup");
    ONGGI_CHECK(cg.value()->freeze(), "pause");
    c->state = ContainerState::paused;
    store_.save_or_report(*c, Sync::durable, "pause");
    events_->publish("pause", *c);
    changed(id);
    return {};
}

Status ContainerManager::resume(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (c->state != ContainerState::paused) return Error(Errc::bad_state, "container " + c->name + " is not paused");
    auto cg = open_cgroup(id);
    if (!cg) return std::move(cg).error().wrap("resume: open cgroup");
    ONGGI_CHECK(cg.value()->thaw(), "resume");
    c->state = ContainerState::running;
    store_.save_or_report(*c, Sync::durable, "resume");
    events_->publish("unpause", *c);
    changed(id);
    return {};
}

void ContainerManager::remove(std::string id, bool force, std::function<void(Status)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"));
    if (supervisor_.starting(id)) return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
    // The record may lag behind its shim: never delete it while the container runs.
    if (const ShimProbe probe = supervisor_.probe_shim(*c); probe.alive && !c->live()) {
        if (!probe.has_shim_json) {
            supervisor_.await_launching_shim(id);
            return done(Error(Errc::bad_state, "container " + c->name + " is starting"));
        }
        supervisor_.take_running_shim(*c, probe);
    }
    if (c->live()) {
        if (!force) return done(Error(Errc::bad_state, "container " + c->name + " is running: stop it first or force"));
        stop(id, 0, [this, id, done](Status s) {
            if (!s) return done(s);
            remove(id, false, done);
        });
        return;
    }
    // Nothing of it may outlive the record: processes left in its cgroup go, and the cgroup.
    if (auto r = reap_cgroup(cgroup_path(id)); !r)
        return done(std::move(r).error().wrap("remove container " + c->name));
    ContainerPaths cp = paths(id);
    // The rootfs is only ever mounted inside the container's own mount namespace, so the
    // bundle holds plain files here; remove_tree stays on this filesystem regardless.
    Status st = remove_tree(cp.bundle);
    if (!st) return done(std::move(st).error().wrap("remove container"));
    ContainerRecord copy = *c;
    store_.erase(id);
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
    if (merged.memory && merged.memory_swap && *merged.memory > 0 && *merged.memory_swap > 0 &&
        *merged.memory_swap < *merged.memory)
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
        // Best effort: the update already failed and says so; a record or config.json left
        // at the new limits is what the next update or start puts right.
        if (auto st = write_file_atomic(paths(id).config(), old_config, 0600); !st)
            qWarning("helper: container %s: put back config.json: %s", c->short_id().c_str(),
                     st.error().message().c_str());
        store_.save_or_report(*c, Sync::durable, "a refused update");
    };
    if (auto st = store_.save(*c); !st) {
        put_back();
        return std::move(st).error().wrap("update: save the record (no limit was changed)");
    }
    if (c->live()) {
        auto cg = open_cgroup(id);
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

Result<std::vector<ProcessRow>> ContainerManager::top(const std::string& id)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (!c->live()) return Error(Errc::bad_state, "container " + c->name + " is not running");
    auto cg = open_cgroup(id);
    if (!cg) return std::move(cg).error().wrap("top: open cgroup");
    auto pids = cg.value()->pids();
    if (!pids) return std::move(pids).error().wrap("top");
    return read_processes(pids.value());
}

Result<int> ContainerManager::attach(const std::string& id, bool at_start)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    // A non-terminal container with an open stdin takes its input from the attacher of its
    // start only (docker's StdinOnce): its stdin is closed when that attacher's input ends.
    if (!c->tty && !(at_start && c->open_stdin))
        return Error(Errc::bad_state,
                     "container " + c->name +
                         " has no terminal (created without tty): read its output with container.logs");
    if (!c->live()) return Error(Errc::bad_state, "container " + c->name + " is not running");
    return connect_attach_socket(paths(id).shim_dir(), c->name);
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
    if (c->live() || supervisor_.starting(id)) {
        // finish_exit() calls these with the exit code in the record, before any auto-remove;
        // a start that fails calls them at once (a wait sent right behind start is answered).
        supervisor_.on_exit(id, [result, done](Status) { done(result()); });
        return;
    }
    done(result());
}

void ContainerManager::exec(const std::string& id, const ExecParams& p, const Peer& peer,
                            std::function<void(Result<json>, int)> done)
{
    ContainerRecord* c = get(id);
    if (!c) return done(Error(Errc::not_found, "no such container"), -1);
    if (c->state == ContainerState::paused)
        return done(Error(Errc::bad_state, "container " + c->name + " is paused"), -1);
    if (c->state != ContainerState::running)
        return done(Error(Errc::bad_state, "container " + c->name + " is not running"), -1);
    execs_.exec(*c, paths(id), p, peer, std::move(done));
}

std::vector<std::string> ContainerManager::network_users(const std::string& network) const
{
    std::vector<std::string> out;
    for (const ContainerRecord* c : store_.all()) {
        auto nets = c->network.networks();
        if (std::find(nets.begin(), nets.end(), network) != nets.end()) out.push_back(c->name);
    }
    return out;
}

Status ContainerManager::connect_network(const std::string& id, const std::string& network)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (supervisor_.starting(id)) return Error(Errc::bad_state, "container " + c->name + " is starting");
    auto nets = c->network.networks();
    if (std::find(nets.begin(), nets.end(), network) != nets.end())
        return Error(Errc::already_exists, "container " + c->name + " is already on network " + network);
    if (!net_->network(network) && network != net_->default_network())
        return Error(Errc::not_found, "no such network: " + network);
    if (nets.size() >= 10) return Error(Errc::busy, "container " + c->name + " is on 10 networks already");
    ONGGI_CHECK(net_->connect(net_container(*c), network), "connect " + c->name);
    if (!c->network.on_bridge() && c->network.mode != "host" && c->network.more.empty() && !(c->live()))
        c->network.mode = network;  // a container without a network gets this one as its first
    else c->network.more.push_back(network);
    ONGGI_CHECK(store_.save(*c), "connect " + c->name);
    changed(id);
    return {};
}

Status ContainerManager::disconnect_network(const std::string& id, const std::string& network)
{
    ContainerRecord* c = get(id);
    if (!c) return Error(Errc::not_found, "no such container");
    if (supervisor_.starting(id)) return Error(Errc::bad_state, "container " + c->name + " is starting");
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
    ONGGI_CHECK(store_.save(*c), "disconnect " + c->name);
    changed(id);
    return {};
}

}  // namespace onggi::helper

// container.kernel_view against a REAL helper and REAL containers (root): every fact the Learn
// lessons show equals what the test reads from the kernel itself — the hostname inside (also
// after `hostname x` inside) and the host's, NSpid, uid_map/gid_map, the namespace links, the
// overlay upper layer after a write and a delete (a whiteout: char device 0/0), the OOM kill
// count after a kill, pids.max; and the method's refusals (unknown, missing id, not running).
#include "helper_fixture.h"

#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace onggi::test;

namespace {

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string ns_link(pid_t pid, const char* ns)
{
    char buf[128];
    ssize_t n = ::readlink(("/proc/" + std::to_string(pid) + "/ns/" + ns).c_str(), buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

std::string status_line(pid_t pid, const std::string& key)
{
    std::istringstream in(slurp("/proc/" + std::to_string(pid) + "/status"));
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) return line.substr(key.size() + 1);
    return {};
}

std::vector<int64_t> ints(const std::string& s)
{
    std::vector<int64_t> out;
    std::istringstream in(s);
    int64_t v;
    while (in >> v) out.push_back(v);
    return out;
}

std::string cgroup_file(const std::string& controller, const std::string& path, const std::string& file)
{
    std::string v1 = "/sys/fs/cgroup/" + controller + path + "/" + file;
    if (::access(v1.c_str(), F_OK) == 0) return v1;
    return "/sys/fs/cgroup" + path + "/" + file;
}

int64_t keyed(const std::string& text, const std::string& key)
{
    std::istringstream in(text);
    std::string k;
    int64_t v;
    while (in >> k >> v)
        if (k == key) return v;
    return -1;
}

}  // namespace

class TstKernelView : public QObject {
    Q_OBJECT

    std::unique_ptr<HelperProcess> helper_;
    std::unique_ptr<RawClient> c_;

    json view(const std::string& id)
    {
        json r = c_->call("container.kernel_view", {{"id", id}});
        if (!r.contains("result")) qWarning("kernel_view: %s", r.dump().c_str());
        return r.value("result", json());
    }
    json exec(const std::string& id, const std::vector<std::string>& cmd)
    {
        json r = c_->call("container.exec", {{"id", id}, {"cmd", cmd}});
        return r.value("result", json());
    }
    void rm(const std::string& id) { c_->call("container.remove", {{"id", id}, {"force", true}}); }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0) QSKIP("integration tests run as root");
        if (shim_binary().empty()) QSKIP("onggi-shim is not built");
        helper_ = std::make_unique<HelperProcess>();
        QVERIFY2(helper_->start(), helper_->log().c_str());
        c_ = std::make_unique<RawClient>(helper_->socket());
    }
    void cleanupTestCase()
    {
        c_.reset();
        helper_.reset();
    }

    // Lessons 2 and 3: the two hostnames, NSpid, uid/gid maps, namespace links.
    void hostnames_pids_maps_namespaces()
    {
        const std::string id = helper_->create_and_start(*c_, {{"name", unique_name("kv")},
                                                               {"image", "busybox"},
                                                               {"cmd", {"sleep", "1000"}},
                                                               {"hostname", "learnhost"},
                                                               {"limits", {{"pids", 33}}}});
        QVERIFY(!id.empty());
        json v = view(id);
        QVERIFY(v.is_object());
        const pid_t pid = v["pid"].get<pid_t>();
        QVERIFY(pid > 1);
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        QCOMPARE(v["hostname"]["container"].get<std::string>(), std::string("learnhost"));
        QCOMPARE(v["hostname"]["host"].get<std::string>(), std::string(host));

        // hostname x inside, with the default capabilities: refused (sethostname needs
        // CAP_SYS_ADMIN), the container keeps its name.
        json refused = exec(id, {"sh", "-c", "hostname seoul"});
        QVERIFY(refused.value("exit_code", 0) != 0);
        QCOMPARE(view(id)["hostname"]["container"].get<std::string>(), std::string("learnhost"));
        // With CAP_SYS_ADMIN: the container's answer changes, the host's does not.
        const std::string admin = helper_->create_and_start(*c_, {{"name", unique_name("kvadm")},
                                                                  {"image", "busybox"},
                                                                  {"cmd", {"sleep", "1000"}},
                                                                  {"hostname", "learnhost"},
                                                                  {"security", {{"cap_add", {"CAP_SYS_ADMIN"}}}}});
        QVERIFY(!admin.empty());
        json e = exec(admin, {"sh", "-c", "hostname seoul && hostname"});
        QCOMPARE(e.value("stdout", std::string()), std::string("seoul\n"));
        json va = view(admin);
        QCOMPARE(va["hostname"]["container"].get<std::string>(), std::string("seoul"));
        char host2[256] = {};
        ::gethostname(host2, sizeof host2 - 1);
        QCOMPARE(std::string(host2), std::string(host));
        QCOMPARE(va["hostname"]["host"].get<std::string>(), std::string(host2));
        rm(admin);
        v = view(id);

        // NSpid as the kernel writes it: host PID first, 1 inside last.
        const auto nspid = ints(status_line(pid, "NSpid"));
        QCOMPARE(v["process"]["nspid"].get<std::vector<int64_t>>(), nspid);
        QCOMPARE(nspid.front(), int64_t(pid));
        QCOMPARE(nspid.back(), int64_t(1));

        // uid_map / gid_map line by line.
        for (const char* m : {"uid_map", "gid_map"}) {
            std::istringstream in(slurp("/proc/" + std::to_string(pid) + "/" + m));
            std::vector<std::vector<int64_t>> want;
            std::string line;
            while (std::getline(in, line))
                if (!ints(line).empty()) want.push_back(ints(line));
            const json& got = v[m];
            QCOMPARE(got.size(), want.size());
            for (size_t i = 0; i < want.size(); ++i) {
                QCOMPARE(got[i]["inside"].get<int64_t>(), want[i][0]);
                QCOMPARE(got[i]["outside"].get<int64_t>(), want[i][1]);
                QCOMPARE(got[i]["count"].get<int64_t>(), want[i][2]);
            }
        }
        for (const char* n : {"cgroup", "ipc", "mnt", "net", "pid", "user", "uts"}) {
            QCOMPARE(v["namespaces"][n]["container"].get<std::string>(), ns_link(pid, n));
            // The helper runs in the test's (the host's) namespaces.
            QCOMPARE(v["namespaces"][n]["host"].get<std::string>(), ns_link(::getpid(), n));
            QVERIFY(!v["namespaces"][n]["host"].get<std::string>().empty());
        }
        QVERIFY(v["namespaces"]["uts"]["container"] != v["namespaces"]["uts"]["host"]);

        // Capabilities and seccomp as /proc/PID/status says.
        QCOMPARE(v["process"]["capabilities"]["effective"]["hex"].get<std::string>(),
                 trim(status_line(pid, "CapEff").substr(1)));
        QCOMPARE(v["process"]["seccomp_mode"].get<int>(), std::atoi(status_line(pid, "Seccomp").c_str()));
        QCOMPARE(v["process"]["seccomp_mode"].get<int>(), 2);

        // pids.max and pids.current from the cgroup files.
        const std::string cg = v["cgroup"]["path"].get<std::string>();
        bool seen = false;
        for (const auto& f : v["cgroup"]["files"])
            if (f["file"] == "pids.max") {
                QCOMPARE(f["value"].get<std::string>(), trim(slurp(cgroup_file("pids", cg, "pids.max"))));
                QCOMPARE(f["value"].get<std::string>(), std::string("33"));
                seen = true;
            }
        QVERIFY(seen);

        // Interfaces: what /proc/PID/net/dev lists (lo alone without a network).
        std::set<std::string> want_if;
        std::istringstream nd(slurp("/proc/" + std::to_string(pid) + "/net/dev"));
        std::string line;
        while (std::getline(nd, line)) {
            auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string name = line.substr(0, colon);
            name.erase(0, name.find_first_not_of(' '));
            want_if.insert(name);
        }
        std::set<std::string> got_if;
        for (const auto& i : v["interfaces"]) got_if.insert(i["name"].get<std::string>());
        QCOMPARE(got_if, want_if);
        rm(id);
    }

    // Lesson 13: a write appears in the upper layer (not in lower), a delete of a base file is a
    // whiteout (char device 0/0) over a path that is in lower; the lower layer is untouched.
    void upper_layer_after_write_and_delete()
    {
        const std::string id = helper_->create_and_start(
            *c_, {{"name", unique_name("kvup")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        QVERIFY(!id.empty());
        json v0 = view(id);
        QVERIFY(v0.is_object());
        const std::string upper = v0["rootfs"]["upper"];
        const auto lower = v0["rootfs"]["lower"].get<std::vector<std::string>>();
        QVERIFY(!lower.empty());
        bool base_has_group = false;
        for (const auto& l : lower) base_has_group = base_has_group || ::access((l + "/etc/group").c_str(), F_OK) == 0;
        QVERIFY(base_has_group);

        json e = exec(id, {"sh", "-c", "echo hi > /hello.txt && rm /etc/group && echo ok"});
        QCOMPARE(e.value("stdout", std::string()), std::string("ok\n"));
        json v = view(id);
        std::map<std::string, json> got;
        for (const auto& c : v["rootfs"]["upper_changes"]) got[c["path"].get<std::string>()] = c;
        QVERIFY2(got.count("/hello.txt"), v["rootfs"].dump().c_str());
        QCOMPARE(got["/hello.txt"]["kind"].get<std::string>(), std::string("file"));
        QCOMPARE(got["/hello.txt"]["size"].get<int64_t>(), int64_t(3));
        QCOMPARE(got["/hello.txt"]["in_lower"].get<bool>(), false);
        QVERIFY(got.count("/etc/group"));
        QCOMPARE(got["/etc/group"]["kind"].get<std::string>(), std::string("whiteout"));
        QCOMPARE(got["/etc/group"]["in_lower"].get<bool>(), true);

        // The kernel's own upper dir, walked by the test: the same paths, the whiteout a 0/0 char device.
        std::set<std::string> want, have;
        for (auto it = std::filesystem::recursive_directory_iterator(upper);
             it != std::filesystem::recursive_directory_iterator(); ++it)
            want.insert(it->path().string().substr(upper.size()));
        for (const auto& [p, _] : got) have.insert(p);
        QCOMPARE(have, want);
        struct stat st {};
        QCOMPARE(::lstat((upper + "/etc/group").c_str(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode) && major(st.st_rdev) == 0 && minor(st.st_rdev) == 0);
        // The lower layer still has its file.
        bool still = false;
        for (const auto& l : lower) still = still || ::access((l + "/etc/group").c_str(), F_OK) == 0;
        QVERIFY(still);
        rm(id);
    }

    // Lesson 7: after an OOM kill the view's oom_kill equals the kernel's count, and is >= 1.
    void oom_kill_count_after_a_kill()
    {
        const std::string id =
            helper_->create_and_start(*c_, {{"name", unique_name("kvoom")},
                                            {"image", "busybox"},
                                            {"cmd", {"sleep", "1000"}},
                                            {"limits", {{"memory", 16 << 20}, {"memory_swap", 16 << 20}}}});
        QVERIFY(!id.empty());
        json v0 = view(id);
        QCOMPARE(v0["cgroup"]["oom_kills"].get<int64_t>(), int64_t(0));
        exec(id, {"sh", "-c", "head -c 100m /dev/zero | tail"});
        json v = view(id);
        const std::string cg = v["cgroup"]["path"];
        std::string text = slurp(cgroup_file("memory", cg, "memory.oom_control"));
        int64_t kernel = keyed(text, "oom_kill");
        if (kernel < 0) kernel = keyed(slurp(cgroup_file("memory", cg, "memory.events")), "oom_kill");
        QVERIFY(kernel >= 1);
        QCOMPARE(v["cgroup"]["oom_kills"].get<int64_t>(), kernel);
        rm(id);
    }

    // Lesson 13: who else uses each lower layer. Each lower dir is the store's directory of
    // an image layer (images.list names it); busybox and a second container of ours use it,
    // and once that container is removed it is no longer named. Another user's containers are
    // never named (as_user: the member sees only its own).
    void layers_shared_with_images_and_containers()
    {
        const std::string a = helper_->create_and_start(
            *c_, {{"name", unique_name("kvla")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        const std::string bname = unique_name("kvlb");
        const std::string b =
            helper_->create_and_start(*c_, {{"name", bname}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        QVERIFY(!a.empty() && !b.empty());
        json images = c_->call("images.list", json::object())["result"]["images"];
        std::vector<std::string> busybox_layers;
        std::string busybox_name;
        for (const auto& i : images)
            if (i["name"].get<std::string>().find("busybox") != std::string::npos) {
                busybox_layers = i["layers"].get<std::vector<std::string>>();
                busybox_name = i["name"].get<std::string>() + ":" + i["tag"].get<std::string>();
            }
        QVERIFY(!busybox_layers.empty());
        json v = view(a);
        const json& layers = v["rootfs"]["layers"];
        QCOMPARE(layers.size(), v["rootfs"]["lower"].size());
        QVERIFY(!layers.empty());
        for (const auto& l : layers) {
            const std::string layer = l["layer"], dir = l["dir"];
            // The digest names the directory the overlay uses, and the image lists that layer.
            QVERIFY2(layer.rfind("sha256:", 0) == 0 && dir.find(layer.substr(7)) != std::string::npos,
                     l.dump().c_str());
            QVERIFY(std::filesystem::is_directory(dir));
            QVERIFY(std::find(busybox_layers.begin(), busybox_layers.end(), layer) != busybox_layers.end());
            std::set<std::string> imgs, ctrs;
            for (const auto& i : l["images"]) imgs.insert(i["name"]);
            for (const auto& c : l["containers"]) ctrs.insert(c["name"]);
            QVERIFY2(imgs.count(busybox_name), l.dump().c_str());
            QVERIFY2(ctrs.count(bname), l.dump().c_str());
            QVERIFY(!ctrs.count(v["name"].get<std::string>()));  // not itself
        }
        rm(b);
        for (const auto& l : view(a)["rootfs"]["layers"])
            for (const auto& c : l["containers"]) QVERIFY(c["name"] != bname);
        rm(a);
    }

    // Lesson 16: a masked path the container's /proc does not have is reported absent (false),
    // one it has (masked by a bind of an empty file) present: as `test -e` inside says.
    void masked_paths_absent_or_present()
    {
        const std::string id = helper_->create_and_start(
            *c_, {{"name", unique_name("kvmask")}, {"image", "busybox"}, {"cmd", {"sleep", "1000"}}});
        QVERIFY(!id.empty());
        json v = view(id);
        const json& present = v["paths_present"];
        QVERIFY2(present.contains("/proc/kcore") && present.contains("/proc/keys"), present.dump().c_str());
        int checked = 0;
        for (auto it = present.begin(); it != present.end(); ++it) {
            json e = exec(id, {"test", "-e", it.key()});
            QVERIFY(e.contains("exit_code"));
            QCOMPARE(it.value().get<bool>(), e["exit_code"].get<int>() == 0);
            ++checked;
        }
        QVERIFY(checked >= 4);
        QCOMPARE(present["/proc/keys"].get<bool>(), true);
        rm(id);
    }

    void refusals()
    {
        QCOMPARE(errc_of(c_->call("container.kernel_view", {{"id", "no-such-container"}})), std::string("not_found"));
        QCOMPARE(errc_of(c_->call("container.kernel_view", json::object())), std::string("invalid_argument"));
        QCOMPARE(errc_of(c_->call("container.kernel_view", {{"id", 5}})), std::string("invalid_argument"));
        json r =
            c_->call("container.create", {{"name", unique_name("kvstopped")}, {"image", "busybox"}, {"cmd", {"true"}}});
        QVERIFY(r.contains("result"));
        const std::string id = r["result"]["id"];
        QCOMPARE(errc_of(c_->call("container.kernel_view", {{"id", id}})), std::string("bad_state"));
        rm(id);
    }
};

QTEST_GUILESS_MAIN(TstKernelView)
#include "tst_kernel_view.moc"

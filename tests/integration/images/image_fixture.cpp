#include "image_fixture.h"

#include <archive.h>
#include <archive_entry.h>
#include <crypt.h>

#include <QDir>
#include <QFile>
#include <QProcess>

#include <openssl/evp.h>

#include <arpa/inet.h>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace onggi::test {

namespace {

la_ssize_t append_cb(struct archive*, void* self, const void* buf, size_t n)
{
    static_cast<std::string*>(self)->append(static_cast<const char*>(buf), n);
    return la_ssize_t(n);
}

std::string read_all(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void write_all(const std::string& path, const std::string& data)
{
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << data;
}

}  // namespace

std::string make_tar(const std::vector<TarEntry>& entries)
{
    std::string out;
    struct archive* a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, &out, nullptr, append_cb, nullptr);
    for (const auto& e : entries) {
        struct archive_entry* ae = archive_entry_new();
        archive_entry_set_pathname(ae, e.name.c_str());
        archive_entry_set_uid(ae, e.uid);
        archive_entry_set_gid(ae, e.gid);
        archive_entry_set_mtime(ae, 1700000000, 0);
        switch (e.type) {
        case 'd': archive_entry_set_filetype(ae, AE_IFDIR); break;
        case 'l':
            archive_entry_set_filetype(ae, AE_IFLNK);
            archive_entry_set_symlink(ae, e.link.c_str());
            break;
        case 'h':
            archive_entry_set_filetype(ae, AE_IFREG);
            archive_entry_set_hardlink(ae, e.link.c_str());
            break;
        case 'c':
            archive_entry_set_filetype(ae, AE_IFCHR);
            archive_entry_set_rdevmajor(ae, e.rmajor);
            archive_entry_set_rdevminor(ae, e.rminor);
            break;
        case 'b':
            archive_entry_set_filetype(ae, AE_IFBLK);
            archive_entry_set_rdevmajor(ae, e.rmajor);
            archive_entry_set_rdevminor(ae, e.rminor);
            break;
        case 'p': archive_entry_set_filetype(ae, AE_IFIFO); break;
        default:
            archive_entry_set_filetype(ae, AE_IFREG);
            archive_entry_set_size(ae, la_int64_t(e.data.size()));
            break;
        }
        archive_entry_set_perm(ae, mode_t(e.mode));
        for (const auto& [k, v] : e.xattrs) archive_entry_xattr_add_entry(ae, k.c_str(), v.data(), v.size());
        archive_write_header(a, ae);
        if (e.type == 'f' && !e.data.empty()) archive_write_data(a, e.data.data(), e.data.size());
        archive_entry_free(ae);
    }
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

std::string compress(const std::string& data, const std::string& how)
{
    if (how.empty()) return data;
    QProcess p;
    if (how == "gzip") p.start("gzip", {"-n", "-c"});
    else p.start("zstd", {"-q", "-c"});
    p.waitForStarted();
    p.write(QByteArray::fromStdString(data));
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.readAllStandardOutput().toStdString();
}

std::string sha256_digest(const std::string& data)
{
    unsigned char md[32];
    unsigned int n = 0;
    EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr);
    static const char* hx = "0123456789abcdef";
    std::string s = "sha256:";
    for (unsigned i = 0; i < n; ++i) {
        s += hx[md[i] >> 4];
        s += hx[md[i] & 15];
    }
    return s;
}

LayerBlob make_layer(const std::vector<TarEntry>& entries, const std::string& compression)
{
    LayerBlob l;
    std::string tar = make_tar(entries);
    l.diff_id = sha256_digest(tar);
    l.blob = compress(tar, compression);
    l.media_type = compression == "gzip"   ? "application/vnd.oci.image.layer.v1.tar+gzip"
                   : compression == "zstd" ? "application/vnd.oci.image.layer.v1.tar+zstd"
                                           : "application/vnd.oci.image.layer.v1.tar";
    return l;
}

std::string host_arch()
{
    struct utsname u {};
    ::uname(&u);
    std::string m = u.machine;
    if (m == "x86_64") return "amd64";
    if (m == "aarch64") return "arm64";
    return m;
}

OciLayout::OciLayout(std::string dir) : dir_(std::move(dir))
{
    QDir().mkpath(QString::fromStdString(dir_ + "/blobs/sha256"));
    write_all(dir_ + "/oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
}

std::string OciLayout::add_blob(const std::string& data)
{
    std::string d = sha256_digest(data);
    write_all(dir_ + "/blobs/sha256/" + d.substr(7), data);
    return d;
}

json OciLayout::add_image(const std::vector<LayerBlob>& layers, const json& config_extra, const std::string& arch,
                          std::string* config_digest)
{
    json diff_ids = json::array(), ls = json::array(), history = json::array();
    for (const auto& l : layers) {
        diff_ids.push_back(l.diff_id);
        ls.push_back({{"mediaType", l.media_type}, {"digest", add_blob(l.blob)}, {"size", l.blob.size()}});
        history.push_back(
            {{"created", "2024-01-01T00:00:00Z"}, {"created_by", "test layer " + l.diff_id.substr(7, 8)}});
    }
    json cfg = {{"architecture", arch},
                {"os", "linux"},
                {"created", "2024-01-01T00:00:00Z"},
                {"config", config_extra},
                {"rootfs", {{"type", "layers"}, {"diff_ids", diff_ids}}},
                {"history", history}};
    std::string ctext = cfg.dump();
    std::string cd = add_blob(ctext);
    if (config_digest) *config_digest = cd;
    json m = {
        {"schemaVersion", 2},
        {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
        {"config", {{"mediaType", "application/vnd.oci.image.config.v1+json"}, {"digest", cd}, {"size", ctext.size()}}},
        {"layers", ls}};
    std::string mtext = m.dump();
    std::string md = add_blob(mtext);
    return {{"mediaType", "application/vnd.oci.image.manifest.v1+json"},
            {"digest", md},
            {"size", mtext.size()},
            {"platform", {{"os", "linux"}, {"architecture", arch}}}};
}

void OciLayout::write_index(const std::vector<json>& manifests, const std::string& tag, bool nested)
{
    json idx = {{"schemaVersion", 2}, {"mediaType", "application/vnd.oci.image.index.v1+json"}};
    if (nested) {
        json inner = {
            {"schemaVersion", 2}, {"mediaType", "application/vnd.oci.image.index.v1+json"}, {"manifests", manifests}};
        std::string t = inner.dump();
        std::string d = add_blob(t);
        idx["manifests"] = json::array({{{"mediaType", "application/vnd.oci.image.index.v1+json"},
                                         {"digest", d},
                                         {"size", t.size()},
                                         {"annotations", {{"org.opencontainers.image.ref.name", tag}}}}});
    } else {
        json m = manifests.at(0);
        m["annotations"] = {{"org.opencontainers.image.ref.name", tag}};
        idx["manifests"] = json::array({m});
    }
    write_all(dir_ + "/index.json", idx.dump());
}

bool skopeo_push(const std::string& layout, const std::string& tag, const std::string& dest, bool all,
                 const std::string& creds, std::string* log)
{
    QStringList args = {"--insecure-policy", "copy", "--dest-tls-verify=false", "-q"};
    if (all) args << "--all";
    if (!creds.empty()) args << "--dest-creds" << QString::fromStdString(creds);
    args << QString::fromStdString("oci:" + layout + ":" + tag) << QString::fromStdString("docker://" + dest);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("skopeo", args);
    if (!p.waitForFinished(120000)) return false;
    if (log) *log = p.readAll().toStdString();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

int free_port()
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    int port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

Registry::~Registry()
{
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
}

bool Registry::start(const std::string& user_password)
{
    const std::string d = dir_.path().toStdString();
    port_ = free_port();
    std::string cfg = "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: " + d +
                      "/data\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + std::to_string(port_) + "\n";
    if (!user_password.empty()) {
        auto c = user_password.find(':');
        std::string user = user_password.substr(0, c), pw = user_password.substr(c + 1);
        char salt[64];
        if (!crypt_gensalt_rn("$2b$", 10, nullptr, 0, salt, sizeof salt)) return false;
        struct crypt_data cd {};
        const char* h = crypt_r(pw.c_str(), salt, &cd);
        if (!h || h[0] == '*') return false;
        write_all(d + "/htpasswd", user + ":" + h + "\n");
        cfg += "auth:\n  htpasswd:\n    realm: test-realm\n    path: " + d + "/htpasswd\n";
    }
    write_all(d + "/config.yml", cfg);
    pid_ = ::fork();
    if (pid_ == 0) {
        int out = ::open((d + "/log").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::execl("/usr/bin/docker-registry", "docker-registry", "serve", (d + "/config.yml").c_str(), nullptr);
        ::_exit(127);
    }
    for (int i = 0; i < 200; ++i) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(uint16_t(port_));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(fd);
        if (ok) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

std::string Registry::log() const { return read_all(dir_.path().toStdString() + "/log"); }

TestServer::TestServer(Handler h, const std::string& addr) : h_(std::move(h)), addr_(addr)
{
    lfd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(lfd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, addr.c_str(), &a.sin_addr);
    ::bind(lfd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(lfd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::listen(lfd_, 64);
    accept_ = std::thread([this] {
        while (!stop_) {
            int c = ::accept4(lfd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) {
                if (stop_) break;
                continue;
            }
            std::lock_guard<std::mutex> g(mu_);
            conns_.emplace_back([this, c] { serve(c); });
        }
    });
}

TestServer::~TestServer()
{
    stop_ = true;
    ::shutdown(lfd_, SHUT_RDWR);
    ::close(lfd_);
    accept_.join();
    std::vector<std::thread> cs;
    {
        std::lock_guard<std::mutex> g(mu_);
        cs.swap(conns_);
    }
    for (auto& t : cs) t.join();
}

std::vector<HttpRequest> TestServer::requests()
{
    std::lock_guard<std::mutex> g(mu_);
    return log_;
}

void TestServer::serve(int fd)
{
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string buf;
    while (!stop_) {
        size_t end;
        while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
            char tmp[4096];
            ssize_t n = ::read(fd, tmp, sizeof tmp);
            if (n <= 0) {
                ::close(fd);
                return;
            }
            buf.append(tmp, size_t(n));
        }
        std::string head = buf.substr(0, end);
        buf.erase(0, end + 4);
        HttpRequest rq;
        std::istringstream hs(head);
        std::string line, target, ver;
        std::getline(hs, line);
        std::istringstream rl(line);
        rl >> rq.method >> target >> ver;
        auto q = target.find('?');
        rq.path = target.substr(0, q);
        if (q != std::string::npos) rq.query = target.substr(q + 1);
        while (std::getline(hs, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            auto c = line.find(':');
            if (c == std::string::npos) continue;
            std::string k = line.substr(0, c);
            for (auto& ch : k) ch = char(std::tolower(static_cast<unsigned char>(ch)));
            std::string v = line.substr(c + 1);
            while (!v.empty() && v[0] == ' ') v.erase(0, 1);
            rq.headers[k] = v;
        }
        {
            std::lock_guard<std::mutex> g(mu_);
            log_.push_back(rq);
        }
        HttpResponse rs = h_(rq);
        std::string out = "HTTP/1.1 " + std::to_string(rs.status) + " X\r\n";
        for (const auto& [k, v] : rs.headers) out += k + ": " + v + "\r\n";
        long len = rs.declared_length >= 0 ? rs.declared_length : long(rs.body.size());
        out += "Content-Length: " + std::to_string(len) + "\r\n\r\n";
        std::string body = rq.method == "HEAD" ? std::string() : rs.body;
        if (rs.stall_ms > 0) {
            out += body.substr(0, body.size() / 2);
            (void)!::write(fd, out.data(), out.size());
            for (int i = 0; i < rs.stall_ms / 50 && !stop_; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            ::close(fd);
            return;
        }
        out += body;
        size_t off = 0;
        while (off < out.size()) {
            ssize_t n = ::write(fd, out.data() + off, out.size() - off);
            if (n <= 0) break;
            off += size_t(n);
        }
        if (rs.declared_length >= 0 && size_t(rs.declared_length) != rs.body.size()) {
            ::close(fd);
            return;
        }
    }
    ::close(fd);
}

TestServer::Handler layout_registry(const std::string& dir, const std::string& tag)
{
    return [dir, tag](const HttpRequest& rq) -> HttpResponse {
        HttpResponse r;
        if (rq.path == "/v2/") return r;
        auto m = rq.path.find("/manifests/");
        auto b = rq.path.find("/blobs/");
        std::string digest;
        if (m != std::string::npos) {
            std::string ref = rq.path.substr(m + 11);
            if (ref == tag) {
                json idx = json::parse(read_all(dir + "/index.json"));
                digest = idx["manifests"][0]["digest"];
            } else {
                digest = ref;
            }
        } else if (b != std::string::npos) {
            digest = rq.path.substr(b + 7);
        }
        if (digest.size() != 71) return {404, {}, "{}"};
        std::string data = read_all(dir + "/blobs/sha256/" + digest.substr(7));
        if (data.empty()) return {404, {}, "{}"};
        if (m != std::string::npos) {
            json j = json::parse(data);
            r.headers["Content-Type"] = j.value("mediaType", "application/vnd.oci.image.manifest.v1+json");
            r.headers["Docker-Content-Digest"] = digest;
        }
        r.body = data;
        return r;
    };
}

}  // namespace onggi::test

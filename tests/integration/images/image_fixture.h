// Image test fixtures: layer tars built by hand (libarchive writer, gzip/zstd by the real tools),
// OCI image layouts, a real registry (Debian's docker-registry on 127.0.0.1, optionally with
// htpasswd), skopeo to push, and a tiny blocking HTTP server (TestServer) that serves an OCI
// layout as a registry with a Bearer token realm and can misbehave on purpose.
#pragma once

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace onggi::test {

using json = nlohmann::json;

struct TarEntry {
    std::string name;
    char type = 'f';   // f file, d dir, l symlink, h hardlink, c char device, b block device, p fifo
    std::string data;  // file contents
    std::string link;  // symlink / hardlink target
    int mode = 0644;
    int uid = 0, gid = 0;
    unsigned rmajor = 0, rminor = 0;
    std::map<std::string, std::string> xattrs;
};

// An uncompressed tar (pax) of the entries, in order.
std::string make_tar(const std::vector<TarEntry>& entries);
// "gzip" | "zstd" | "" (as is), by the real tools.
std::string compress(const std::string& data, const std::string& how);
std::string sha256_digest(const std::string& data);  // "sha256:<hex>"

struct LayerBlob {
    std::string blob, media_type, diff_id;
};
LayerBlob make_layer(const std::vector<TarEntry>& entries, const std::string& compression);

// An OCI image layout in a directory.
class OciLayout {
public:
    explicit OciLayout(std::string dir);
    const std::string& dir() const { return dir_; }
    std::string add_blob(const std::string& data);  // -> digest
    // An image (config + manifest) -> the manifest's descriptor (json).
    json add_image(const std::vector<LayerBlob>& layers, const json& config_extra, const std::string& arch = "amd64",
                   std::string* config_digest = nullptr);
    // index.json listing these manifests, the first tagged `tag` (for a single image), or one
    // nested index with all of them under `tag` (multi-platform).
    void write_index(const std::vector<json>& manifests, const std::string& tag, bool nested);

private:
    std::string dir_;
};

// The host architecture as OCI names it.
std::string host_arch();

// skopeo copy oci:DIR:TAG docker://127.0.0.1:PORT/REPO:TAG (all platforms with all=true).
bool skopeo_push(const std::string& layout, const std::string& tag, const std::string& dest, bool all,
                 const std::string& creds = {}, std::string* log = nullptr);

int free_port();

class Registry {
public:
    Registry() = default;
    ~Registry();
    // htpasswd: "user:password" -> a bcrypt htpasswd file (crypt(3) "$2b$").
    bool start(const std::string& user_password = {});
    std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
    std::string log() const;

private:
    QTemporaryDir dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

// A blocking HTTP/1.1 server on 127.0.0.x, one thread per connection.
struct HttpRequest {
    std::string method, path, query;
    std::map<std::string, std::string> headers;  // lowercase names
};
struct HttpResponse {
    int status = 200;
    std::map<std::string, std::string> headers;
    std::string body;
    long declared_length = -1;  // Content-Length to announce; -1 = body size
    int stall_ms = 0;           // after the headers and half the body, wait this long
};
class TestServer {
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    explicit TestServer(Handler h, const std::string& addr = "127.0.0.1");
    ~TestServer();
    int port() const { return port_; }
    std::string host() const { return addr_ + ":" + std::to_string(port_); }
    std::vector<HttpRequest> requests();

private:
    void serve(int fd);
    Handler h_;
    std::string addr_;
    int lfd_ = -1, port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread accept_;
    std::mutex mu_;
    std::vector<HttpRequest> log_;
    std::vector<std::thread> conns_;
};

// A registry handler serving an OCI layout: /v2/<any repo>/manifests/<tag|digest>, /blobs/<digest>.
TestServer::Handler layout_registry(const std::string& layout_dir, const std::string& tag);

}  // namespace onggi::test

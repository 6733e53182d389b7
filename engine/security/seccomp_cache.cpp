// A cache of compiled seccomp programs. libseccomp takes ~10 ms of CPU to turn the default
// profile (~350 rules) into BPF, on every container start and every exec; the program depends
// only on the profile, the libseccomp version and the machine, so it is compiled once and kept
// in a root-only directory, named by the SHA-256 of those inputs.
//
// The directory is trusted only when it is a real directory owned by us and writable by nobody
// else, and a file only when it is a regular file owned by us, not group/other-writable, with a
// header and a size that agree. Anything else compiles as if there were no cache (and replaces
// a bad entry); the cache can make a start faster, never different.
#include "engine/security/security.h"

#include "engine/core/sha256.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <seccomp.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onggi::security {

namespace {

constexpr char kMagic[8] = {'O', 'N', 'G', 'G', 'I', 'B', 'P', '1'};
// Bump when compile_seccomp() changes what it emits for the same profile.
constexpr const char* kCompilerRevision = "onggi-seccomp-compiler-1";

struct Header {
    char magic[8];
    uint32_t flags;
    uint32_t count;
};

void put(Sha256& h, std::string_view s)
{
    uint64_t n = s.size();
    h.update(&n, sizeof n);
    h.update(s);
}

void put(Sha256& h, uint64_t v) { h.update(&v, sizeof v); }

void put(Sha256& h, const std::optional<uint32_t>& v)
{
    put(h, uint64_t(v.has_value()));
    put(h, uint64_t(v.value_or(0)));
}

bool trusted(const struct stat& st, bool dir)
{
    if (dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) return false;
    return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool read_all(int fd, void* buf, size_t len)
{
    auto* p = static_cast<char*>(buf);
    size_t got = 0;
    while (got < len) {
        ssize_t n = ::read(fd, p + got, len - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += size_t(n);
    }
    return true;
}

bool write_all(int fd, const void* buf, size_t len)
{
    auto* p = static_cast<const char*>(buf);
    size_t put_ = 0;
    while (put_ < len) {
        ssize_t n = ::write(fd, p + put_, len - put_);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        put_ += size_t(n);
    }
    return true;
}

// The directory, created 0700 if missing; false when it is not one we can trust.
bool usable_dir(const std::string& dir)
{
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
    struct stat st {};
    return ::lstat(dir.c_str(), &st) == 0 && trusted(st, true);
}

std::optional<std::vector<sock_filter>> load(const std::string& path, unsigned* flags)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) return std::nullopt;
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !trusted(st, false)) return std::nullopt;
    Header h{};
    if (size_t(st.st_size) < sizeof h || !read_all(fd.get(), &h, sizeof h)) return std::nullopt;
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.count == 0 || h.count > BPF_MAXINSNS) return std::nullopt;
    if (size_t(st.st_size) != sizeof h + size_t(h.count) * sizeof(sock_filter)) return std::nullopt;
    std::vector<sock_filter> prog(h.count);
    if (!read_all(fd.get(), prog.data(), prog.size() * sizeof(sock_filter))) return std::nullopt;
    *flags = h.flags;
    return prog;
}

void store(const std::string& dir, const std::string& path, const std::vector<sock_filter>& prog, unsigned flags)
{
    // A private temporary name, then rename: readers see the old file or the whole new one. No
    // fsync: after a crash a short file fails the size check and is compiled again.
    std::string tmp = dir + "/.tmp." + std::to_string(::getpid()) + "." + std::to_string(::gettid());
    UniqueFd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd) return;
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.flags = flags;
    h.count = uint32_t(prog.size());
    bool ok = write_all(fd.get(), &h, sizeof h) && write_all(fd.get(), prog.data(), prog.size() * sizeof(sock_filter));
    fd.reset();
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

}  // namespace

std::string seccomp_cache_key(const spec::Seccomp& p)
{
    Sha256 h;
    put(h, kCompilerRevision);
    const scmp_version* v = seccomp_version();
    put(h, uint64_t(v ? v->major : 0));
    put(h, uint64_t(v ? v->minor : 0));
    put(h, uint64_t(v ? v->micro : 0));
    struct utsname u {};
    ::uname(&u);
    put(h, u.machine);
    put(h, p.default_action);
    put(h, p.default_errno_ret);
    put(h, uint64_t(p.architectures.size()));
    for (const auto& a : p.architectures) put(h, a);
    put(h, uint64_t(p.flags.size()));
    for (const auto& f : p.flags) put(h, f);
    put(h, uint64_t(p.syscalls.size()));
    for (const auto& s : p.syscalls) {
        put(h, uint64_t(s.names.size()));
        for (const auto& n : s.names) put(h, n);
        put(h, s.action);
        put(h, s.errno_ret);
        put(h, uint64_t(s.args.size()));
        for (const auto& a : s.args) {
            put(h, uint64_t(a.index));
            put(h, a.value);
            put(h, a.value_two);
            put(h, a.op);
        }
    }
    return h.finish_hex();
}

Result<std::vector<sock_filter>> compile_seccomp_cached(const spec::Seccomp& profile, const std::string& cache_dir,
                                                        unsigned* flags_out, bool* hit)
{
    if (hit) *hit = false;
    if (cache_dir.empty() || !usable_dir(cache_dir)) return compile_seccomp(profile, flags_out);
    const std::string path = cache_dir + "/" + seccomp_cache_key(profile) + ".bpf";
    unsigned flags = 0;
    if (auto prog = load(path, &flags)) {
        if (flags_out) *flags_out = flags;
        if (hit) *hit = true;
        return std::move(*prog);
    }
    auto prog = compile_seccomp(profile, &flags);
    if (!prog) return prog;  // errors are never cached
    store(cache_dir, path, *prog, flags);
    if (flags_out) *flags_out = flags;
    return prog;
}

}  // namespace onggi::security

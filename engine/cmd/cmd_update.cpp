// onggi-runtime update: changes the cgroup limits of a running container.
#include "engine/cmd/runtime_cli.h"

#include "engine/core/files.h"
#include "engine/spec/spec.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

namespace onggi::runtime_cli {

namespace {

Result<int64_t> parse_size(const std::string& opt, const std::string& s)
{
    if (s == "-1") return int64_t(-1);
    char* end = nullptr;
    errno = 0;
    long double v = std::strtold(s.c_str(), &end);
    if (errno || end == s.c_str() || v < 0) return Error(Errc::invalid_argument, opt + ": not a size: '" + s + "'");
    std::string suf = end;
    for (auto& ch : suf) ch = char(std::tolower((unsigned char)ch));
    if (!suf.empty() && suf.back() == 'b') suf.pop_back();
    int64_t mult = 1;
    if (suf == "k") mult = 1LL << 10;
    else if (suf == "m") mult = 1LL << 20;
    else if (suf == "g") mult = 1LL << 30;
    else if (!suf.empty()) return Error(Errc::invalid_argument, opt + ": unknown unit in '" + s + "'");
    return int64_t(v * mult);
}

}  // namespace

int cmd_update(cmd::StateStore& store, const Args& a)
{
    if (a.pos.size() != 1) return usage_error("usage: onggi-runtime update [--memory N] [--cpu-quota N] ... ID");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    spec::Resources res;
    std::string file = a.get("--resources", a.get("-r"));
    if (!file.empty()) {
        auto text = file == "-" ? Result<std::string>(std::string()) : read_file(file, 1 << 20);
        if (file == "-") {
            std::string s;
            char buf[4096];
            size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) s.append(buf, n);
            text = s;
        }
        if (!text) return fail(text.error());
        // Reuse the spec parser: wrap the resources object in a minimal config.
        std::string wrapped =
            R"({"ociVersion":"1.0.2","process":{"args":["x"],"cwd":"/"},"root":{"path":"r"},"linux":{"resources":)" +
            text.value() + "}}";
        auto parsed = spec::parse_spec(wrapped);
        if (!parsed) return fail(std::move(parsed).error().wrap(file));
        if (parsed->linux.resources) res = *parsed->linux.resources;
    }
    auto num = [&](const char* opt, auto& field) -> Status {
        if (!a.has(opt)) return {};
        auto v = parse_size(opt, a.get(opt));
        if (!v) return std::move(v).error();
        field = std::remove_reference_t<decltype(*field)>(v.value());
        return {};
    };
    for (auto r : {num("--memory", res.memory_limit), num("--memory-swap", res.memory_swap),
                   num("--memory-reservation", res.memory_reservation), num("--cpu-quota", res.cpu_quota),
                   num("--cpu-period", res.cpu_period), num("--cpu-share", res.cpu_shares),
                   num("--pids-limit", res.pids_limit), num("--blkio-weight", res.blkio_weight)})
        if (!r) return fail(r.error());
    if (a.has("--cpuset-cpus")) res.cpu_cpus = a.get("--cpuset-cpus");
    if (a.has("--cpuset-mems")) res.cpu_mems = a.get("--cpuset-mems");
    auto cg = open_cgroup(st.value());
    if (!cg) return fail(cg.error());
    if (auto r = cg.value()->apply(res); !r) return fail(r.error());
    return 0;
}

}  // namespace onggi::runtime_cli

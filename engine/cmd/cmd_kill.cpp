// onggi-runtime kill: sends a signal to the init, or with --all to every process (runtime.md#kill).
#include "engine/cmd/runtime_cli.h"

#include "engine/runtime/exec_process.h"

#include <signal.h>
#include <string.h>

#include <cctype>
#include <cstdlib>

namespace onggi::runtime_cli {

namespace {

Result<int> parse_signal(const std::string& s)
{
    if (s.empty()) return SIGTERM;
    if (std::isdigit((unsigned char)s[0])) {
        int n = std::atoi(s.c_str());
        if (n <= 0 || n >= NSIG) return Error(Errc::invalid_argument, "invalid signal '" + s + "'");
        return n;
    }
    std::string name = s.rfind("SIG", 0) == 0 ? s.substr(3) : s;
    for (int i = 1; i < NSIG; ++i) {
        const char* abbrev = ::sigabbrev_np(i);
        if (abbrev && name == abbrev) return i;
    }
    return Error(Errc::invalid_argument, "unknown signal '" + s + "'");
}

}  // namespace

int cmd_kill(cmd::StateStore& store, const Args& a)
{
    if (a.pos.empty() || a.pos.size() > 2) return usage_error("usage: onggi-runtime kill [--all] ID [SIGNAL]");
    auto st = store.load(a.pos[0]);
    if (!st) return fail(st.error());
    auto sig = parse_signal(a.pos.size() > 1 ? a.pos[1] : a.get("--signal"));
    if (!sig) return fail(sig.error());
    if (!runtime::process_alive(st->pid, st->start_time))
        return fail(Error(Errc::bad_state, "container '" + st->id + "' is not running"));
    if (a.has("--all") || a.has("-a")) {
        auto cg = open_cgroup(st.value());
        if (!cg) return fail(cg.error());
        if (auto r = cg.value()->kill_all(sig.value()); !r) return fail(r.error());
        return 0;
    }
    if (::kill(st->pid, sig.value()) < 0) return fail(Error::from_errno("kill " + std::to_string(st->pid)));
    return 0;
}

}  // namespace onggi::runtime_cli

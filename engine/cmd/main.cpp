// onggi-runtime: an OCI runtime CLI over the engine, with runc's and crun's conventions:
//   onggi-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND [OPTIONS] ID [ARGS]
// Commands: create start state kill delete run exec pause resume update ps list spec, one file
// each (cmd_<name>.cpp); what they share is in runtime_cli.h.
#include "engine/cmd/runtime_cli.h"
#include "engine/security/security.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

using namespace onggi;
using namespace onggi::runtime_cli;

namespace {

void print_help()
{
    std::printf(
        "onggi-runtime: an OCI runtime (runc/crun compatible command line)\n\n"
        "usage: onggi-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND [OPTIONS] ID\n\n"
        "commands:\n"
        "  create [-b BUNDLE] [--pid-file F] [--console-socket S] [--init] ID  create, parked before its program\n"
        "  start ID                                       run the program of a created container\n"
        "  run [-b BUNDLE] [-d] [--pid-file F] [--init] ID create and start; waits unless -d\n"
        "  state ID                                       print the OCI state\n"
        "  kill [--all] ID [SIGNAL]                       send a signal (default TERM)\n"
        "  delete [-f] ID                                 remove a stopped container (-f: kill it first)\n"
        "  exec [-d] [--cwd D] [-e K=V] [-u U[:G]] [-p process.json] ID CMD...\n"
        "  pause ID / resume ID                           freeze / thaw every process\n"
        "  update [--memory N] [--memory-swap N] [--cpu-quota N] [--cpu-period N] [--cpu-share N]\n"
        "         [--pids-limit N] [--cpuset-cpus L] [-r resources.json] ID\n"
        "  ps [--format table|json] ID                    processes in the container's cgroup\n"
        "  list [--format table|json]                     containers under --root\n"
        "  spec [-b BUNDLE]                               write a default config.json\n");
}

}  // namespace

int main(int argc, char** argv)
{
    // CVE-2019-5736: the commands whose process enters a container (create, run, exec) run from
    // a sealed memfd copy so that a container process cannot reach and rewrite this binary
    // through /proc/PID/exe (re-execs once). The others skip the copy and stay fast. A container
    // named "run" only costs an extra copy.
    bool enters_container = false;
    for (int k = 1; k < argc; ++k)
        for (const char* c : {"create", "run", "exec"})
            if (std::strcmp(argv[k], c) == 0) enters_container = true;
    if (auto sealed = enters_container ? onggi::security::ensure_cloned_binary(argc, argv, environ) : onggi::Status{};
        !sealed) {
        std::fprintf(stderr, "%s\n", sealed.error().message().c_str());
        return 125;
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&](const std::string& name, std::string& out) -> bool {
            if (s == name && i + 1 < args.size()) {
                out = args[++i];
                return true;
            }
            if (s.rfind(name + "=", 0) == 0) {
                out = s.substr(name.size() + 1);
                return true;
            }
            return false;
        };
        std::string ignored;
        if (value("--root", g.root) || value("--log", g.log) || value("--log-format", g.log_format)) continue;
        if (value("--criu", ignored) || value("--rootless", ignored)) continue;
        if (s == "--debug") continue;
        if (s == "--systemd-cgroup") return fail(Error(Errc::unsupported, "--systemd-cgroup is not supported"));
        if (s == "-v" || s == "--version") {
            std::printf("onggi-runtime version 0.1.0\nspec: 1.0.2\n");
            return 0;
        }
        if (s == "-h" || s == "--help") {
            print_help();
            return 0;
        }
        if (!s.empty() && s[0] == '-') return usage_error("unknown global option " + s);
        break;
    }
    if (i >= args.size()) {
        print_help();
        return 1;
    }
    const std::string command = args[i];
    std::vector<std::string> rest(args.begin() + long(i) + 1, args.end());
    // "-f" is --format for ps/list and --force for delete, as in runc.
    std::set<std::string> extra;
    if (command == "ps" || command == "list") extra.insert("-f");
    auto a = parse_args(rest, command == "exec", extra);
    if (!a) return fail(a.error());
    cmd::StateStore store(g.root);
    if (command == "create") return cmd_create(store, a.value());
    if (command == "start") return cmd_start(store, a.value());
    if (command == "run") return cmd_run(store, a.value());
    if (command == "state") return cmd_state(store, a.value());
    if (command == "kill") return cmd_kill(store, a.value());
    if (command == "delete") return cmd_delete(store, a.value());
    if (command == "pause") return cmd_pause_resume(store, a.value(), true);
    if (command == "resume") return cmd_pause_resume(store, a.value(), false);
    if (command == "update") return cmd_update(store, a.value());
    if (command == "ps") return cmd_ps(store, a.value());
    if (command == "list") return cmd_list(store, a.value());
    if (command == "spec") return cmd_spec(a.value());
    if (command == "exec") return cmd_exec(store, a.value());
    return usage_error("unknown command '" + command + "' (see onggi-runtime --help)");
}

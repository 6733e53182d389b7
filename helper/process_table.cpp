#include "helper/process_table.h"

#include "engine/core/files.h"

#include <cstdlib>
#include <sstream>

namespace onggi::helper {

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

std::optional<ProcessRow> read_process(pid_t pid)
{
    std::string base = "/proc/" + std::to_string(pid);
    auto status = read_file(base + "/status", 65536);
    if (!status) return std::nullopt;
    ProcessRow p;
    p.host_pid = pid;
    p.pid = pid;
    std::istringstream in(status.value());
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("NSpid:", 0) == 0) {
            auto last = line.find_last_of(" \t");
            p.pid = std::atoi(line.c_str() + last + 1);
        } else if (line.rfind("Uid:", 0) == 0) {
            p.uid = uid_t(std::atoi(line.c_str() + 4));
        } else if (line.rfind("State:", 0) == 0) {
            auto s = line.find_first_not_of(" \t", 6);
            if (s != std::string::npos) p.state = line.substr(s, 1);
        }
    }
    auto cmd = read_file(base + "/cmdline", 8192);
    if (cmd) {
        std::string s = cmd.value();
        while (!s.empty() && s.back() == '\0') s.pop_back();
        for (auto& ch : s)
            if (ch == '\0') ch = ' ';
        p.cmd = s;
    }
    return p;
}

std::vector<ProcessRow> read_processes(const std::vector<pid_t>& pids)
{
    std::vector<ProcessRow> out;
    for (pid_t pid : pids)
        if (auto p = read_process(pid)) out.push_back(std::move(*p));
    return out;
}

}  // namespace onggi::helper

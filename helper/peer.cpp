#include "helper/peer.h"

#include "helper/container_manager.h"  // process_starttime

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace onggi::helper {

Result<Peer> peer_of(int fd)
{
    struct ucred cred {};
    socklen_t len = sizeof cred;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0) return Error::from_errno("SO_PEERCRED");
    Peer p;
    p.uid = cred.uid;
    p.gid = cred.gid;
    p.pid = cred.pid;
    p.start_time = process_starttime(cred.pid);
    return p;
}

Status authorize_peer(const Peer& p, const std::string& group)
{
    if (p.uid == 0) return {};
    const std::string who = "uid " + std::to_string(p.uid);
    if (group.empty()) return Error(Errc::permission_denied, who + " is not root");
    std::vector<char> buf(16384);
    struct group gr {};
    struct group* grp = nullptr;
    if (::getgrnam_r(group.c_str(), &gr, buf.data(), buf.size(), &grp) != 0 || !grp)
        return Error(Errc::permission_denied, who + " is not root and group " + group + " does not exist");
    const gid_t allowed = grp->gr_gid;
    if (p.gid == allowed) return {};

    std::vector<char> pbuf(16384);
    struct passwd pw {};
    struct passwd* pwp = nullptr;
    if (::getpwuid_r(p.uid, &pw, pbuf.data(), pbuf.size(), &pwp) == 0 && pwp) {
        int n = 64;
        std::vector<gid_t> groups;
        groups.resize(size_t(n));
        if (::getgrouplist(pwp->pw_name, pwp->pw_gid, groups.data(), &n) < 0) {
            groups.resize(size_t(n));
            if (::getgrouplist(pwp->pw_name, pwp->pw_gid, groups.data(), &n) < 0) n = 0;
        }
        for (int i = 0; i < n; ++i)
            if (groups[size_t(i)] == allowed) return {};
    }
    return Error(Errc::permission_denied, who + " is not root and not a member of group " + group);
}

}  // namespace onggi::helper

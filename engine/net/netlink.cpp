#include "engine/net/netlink.h"
#include "engine/core/unique_fd.h"
#include "engine/net/attachment.h"

#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>

#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <sched.h>
#include <unistd.h>

#include <cstring>
#include <utility>

namespace onggi::net {

namespace {

Error nl_error(int err, const std::string& what)
{
    err = err < 0 ? -err : err;
    Errc c = Errc::system;
    int e = 0;
    switch (err) {
    case NLE_EXIST:
        c = Errc::already_exists;
        e = EEXIST;
        break;
    case NLE_OBJ_NOTFOUND:
    case NLE_NODEV:
        c = Errc::not_found;
        e = ENODEV;
        break;
    case NLE_PERM:
        c = Errc::permission_denied;
        e = EPERM;
        break;
    case NLE_INVAL:
    case NLE_RANGE:
        c = Errc::invalid_argument;
        e = EINVAL;
        break;
    case NLE_BUSY:
        c = Errc::busy;
        e = EBUSY;
        break;
    case NLE_NOMEM: e = ENOMEM; break;
    case NLE_NOADDR:
        c = Errc::not_found;
        e = EADDRNOTAVAIL;
        break;
    case NLE_OPNOTSUPP:
        c = Errc::unsupported;
        e = EOPNOTSUPP;
        break;
    default: break;
    }
    Error out(c, what + ": " + nl_geterror(err));
    out.sys_errno = 0;  // the text above already says it
    (void)e;
    return out;
}

struct Msg {
    nl_msg* m;
    explicit Msg(int type, int flags) : m(nlmsg_alloc_simple(type, flags)) {}
    ~Msg()
    {
        if (m) nlmsg_free(m);
    }
    Msg(const Msg&) = delete;
    Msg& operator=(const Msg&) = delete;
};

// Send and wait for the kernel's answer, keeping its errno (libnl's own error codes fold many
// errnos into "Unspecific failure").
Status send_sync(nl_sock* sk, Msg& msg, const std::string& what)
{
    if (!msg.m) return Error(Errc::system, what + ": out of memory");
    struct Ack {
        int err = 1;  // 1: no answer yet
    } ack;
    nl_cb* cb = nl_cb_clone(nl_socket_get_cb(sk));
    if (!cb) return Error(Errc::system, what + ": out of memory");
    nl_cb_err(
        cb, NL_CB_CUSTOM,
        [](sockaddr_nl*, nlmsgerr* e, void* arg) -> int {
            static_cast<Ack*>(arg)->err = e->error;
            return NL_STOP;
        },
        &ack);
    nl_cb_set(
        cb, NL_CB_ACK, NL_CB_CUSTOM,
        [](nl_msg*, void* arg) -> int {
            static_cast<Ack*>(arg)->err = 0;
            return NL_STOP;
        },
        &ack);
    int r = nl_send_auto(sk, msg.m);
    nlmsg_free(msg.m);
    msg.m = nullptr;
    if (r < 0) {
        nl_cb_put(cb);
        return nl_error(r, what);
    }
    while (ack.err == 1) {
        r = nl_recvmsgs(sk, cb);
        if (r < 0 && ack.err == 1) {
            nl_cb_put(cb);
            return nl_error(r, what);
        }
    }
    nl_cb_put(cb);
    if (ack.err < 0) {
        Error e = Error::from_errno(what, -ack.err);
        if (-ack.err == ENODEV) e.code = Errc::not_found;
        return e;
    }
    return {};
}

uint32_t addr_u32(nl_addr* a)
{
    if (!a || nl_addr_get_family(a) != AF_INET || nl_addr_get_len(a) != 4) return 0;
    uint32_t be;
    std::memcpy(&be, nl_addr_get_binary_addr(a), 4);
    return ntohl(be);
}

LinkInfo to_info(rtnl_link* l)
{
    LinkInfo i;
    i.ifindex = rtnl_link_get_ifindex(l);
    if (const char* n = rtnl_link_get_name(l)) i.name = n;
    if (const char* t = rtnl_link_get_type(l)) i.kind = t;
    i.master = rtnl_link_get_master(l);
    int peer = rtnl_link_get_link(l);
    i.peer_ifindex = peer != i.ifindex ? peer : 0;
    i.up = rtnl_link_get_flags(l) & IFF_UP;
    i.mtu = rtnl_link_get_mtu(l);
    if (nl_addr* a = rtnl_link_get_addr(l); a && nl_addr_get_len(a) == 6) {
        char buf[32];
        i.mac = nl_addr2str(a, buf, sizeof buf);
    }
    i.rx_bytes = rtnl_link_get_stat(l, RTNL_LINK_RX_BYTES);
    i.tx_bytes = rtnl_link_get_stat(l, RTNL_LINK_TX_BYTES);
    i.rx_packets = rtnl_link_get_stat(l, RTNL_LINK_RX_PACKETS);
    i.tx_packets = rtnl_link_get_stat(l, RTNL_LINK_TX_PACKETS);
    return i;
}

}  // namespace

Result<Netlink> Netlink::open()
{
    nl_sock* sk = nl_socket_alloc();
    if (!sk) return Error(Errc::system, "netlink: out of memory");
    if (int err = nl_connect(sk, NETLINK_ROUTE); err < 0) {
        // libnl folds socket(2)'s errno into "Unspecific failure": keep it (EMFILE at the
        // helper's descriptor limit must say so).
        const int sys = errno;
        nl_socket_free(sk);
        Error e = nl_error(err, "netlink: connect");
        if (e.sys_errno == 0 && sys != 0) e = Error::from_errno("netlink: connect", sys);
        return e;
    }
    return Netlink(sk);
}

Result<Netlink> Netlink::open_in(pid_t pid)
{
    UniqueFd self(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
    if (!self) return Error::from_errno("open /proc/thread-self/ns/net");
    const std::string path = "/proc/" + std::to_string(pid) + "/ns/net";
    UniqueFd target(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!target) return Error::from_errno("open " + path);
    if (::setns(target.get(), CLONE_NEWNET) < 0)
        return Error::from_errno("enter the network namespace of " + std::to_string(pid));
    auto nl = open();
    if (::setns(self.get(), CLONE_NEWNET) < 0) ::abort();  // we must never stay in a container's namespace
    return nl;
}

Netlink::Netlink(Netlink&& o) noexcept : sk_(std::exchange(o.sk_, nullptr)) {}
Netlink& Netlink::operator=(Netlink&& o) noexcept
{
    if (this != &o) {
        if (sk_) nl_socket_free(sk_);
        sk_ = std::exchange(o.sk_, nullptr);
    }
    return *this;
}
Netlink::~Netlink()
{
    if (sk_) nl_socket_free(sk_);
}

Result<LinkInfo> Netlink::link(const std::string& name)
{
    rtnl_link* l = nullptr;
    if (int err = rtnl_link_get_kernel(sk_, 0, name.c_str(), &l); err < 0) return nl_error(err, "link " + name);
    LinkInfo i = to_info(l);
    rtnl_link_put(l);
    return i;
}

Result<int> Netlink::ifindex(const std::string& name)
{
    auto l = link(name);
    if (!l) return std::move(l).error();
    return l->ifindex;
}

Result<std::vector<LinkInfo>> Netlink::links()
{
    nl_cache* cache = nullptr;
    if (int err = rtnl_link_alloc_cache(sk_, AF_UNSPEC, &cache); err < 0) return nl_error(err, "list links");
    std::vector<LinkInfo> out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o))
        out.push_back(to_info(reinterpret_cast<rtnl_link*>(o)));
    nl_cache_free(cache);
    return out;
}

Result<std::vector<AddressInfo>> Netlink::addresses()
{
    nl_cache* cache = nullptr;
    if (int err = rtnl_addr_alloc_cache(sk_, &cache); err < 0) return nl_error(err, "list addresses");
    std::vector<AddressInfo> out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* a = reinterpret_cast<rtnl_addr*>(o);
        if (rtnl_addr_get_family(a) != AF_INET) continue;
        out.push_back({rtnl_addr_get_ifindex(a), {addr_u32(rtnl_addr_get_local(a)), rtnl_addr_get_prefixlen(a)}});
    }
    nl_cache_free(cache);
    return out;
}

Result<std::vector<RouteInfo>> Netlink::routes()
{
    nl_cache* cache = nullptr;
    if (int err = rtnl_route_alloc_cache(sk_, AF_INET, 0, &cache); err < 0) return nl_error(err, "list routes");
    std::vector<RouteInfo> out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* r = reinterpret_cast<rtnl_route*>(o);
        RouteInfo i;
        nl_addr* dst = rtnl_route_get_dst(r);
        i.destination = {addr_u32(dst), dst ? int(nl_addr_get_prefixlen(dst)) : 0};
        i.table = int(rtnl_route_get_table(r));
        i.type = rtnl_route_get_type(r);
        if (rtnl_route_get_nnexthops(r) > 0) {
            rtnl_nexthop* nh = rtnl_route_nexthop_n(r, 0);
            i.ifindex = rtnl_route_nh_get_ifindex(nh);
            i.gateway = addr_u32(rtnl_route_nh_get_gateway(nh));
        }
        out.push_back(i);
    }
    nl_cache_free(cache);
    return out;
}

Result<int> Netlink::ensure_bridge(const std::string& name, const Ipv4Net& gateway)
{
    auto idx = ifindex(name);
    if (!idx) {
        if (idx.error().code != Errc::not_found) return std::move(idx).error();
        Msg msg(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
        ifinfomsg ifi{};
        ifi.ifi_family = AF_UNSPEC;
        ifi.ifi_flags = ifi.ifi_change = IFF_UP;
        if (!msg.m || nlmsg_append(msg.m, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0)
            return Error(Errc::system, "netlink: out of memory");
        nla_put_string(msg.m, IFLA_IFNAME, name.c_str());
        nlattr* info = nla_nest_start(msg.m, IFLA_LINKINFO);
        nla_put_string(msg.m, IFLA_INFO_KIND, "bridge");
        nla_nest_end(msg.m, info);
        if (auto st = send_sync(sk_, msg, "create bridge " + name); !st && st.error().code != Errc::already_exists)
            return std::move(st).error();
        idx = ifindex(name);
        if (!idx) return std::move(idx).error();
    } else {
        ONGGI_CHECK(set_up(idx.value()), "bridge " + name);  // make sure it is up
    }
    if (auto st = add_address(idx.value(), gateway); !st && st.error().code != Errc::already_exists)
        return std::move(st).error();
    return idx.value();
}

Status Netlink::create_veth(const std::string& host_name, int bridge_ifindex, const std::string& peer_name,
                            pid_t peer_pid)
{
    Msg msg(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
    if (!msg.m) return Error(Errc::system, "netlink: out of memory");
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_flags = ifi.ifi_change = IFF_UP;
    if (nlmsg_append(msg.m, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0) return Error(Errc::system, "netlink: out of memory");
    nla_put_string(msg.m, IFLA_IFNAME, host_name.c_str());
    if (bridge_ifindex > 0) nla_put_u32(msg.m, IFLA_MASTER, uint32_t(bridge_ifindex));
    nlattr* info = nla_nest_start(msg.m, IFLA_LINKINFO);
    nla_put_string(msg.m, IFLA_INFO_KIND, "veth");
    nlattr* data = nla_nest_start(msg.m, IFLA_INFO_DATA);
    nlattr* peer = nla_nest_start(msg.m, VETH_INFO_PEER);
    ifinfomsg pifi{};
    pifi.ifi_family = AF_UNSPEC;  // not IFF_UP: the kernel configures the peer before pairing it (ENOTCONN)
    if (nlmsg_append(msg.m, &pifi, sizeof pifi, NLMSG_ALIGNTO) < 0)
        return Error(Errc::system, "netlink: out of memory");
    nla_put_string(msg.m, IFLA_IFNAME, peer_name.c_str());
    nla_put_u32(msg.m, IFLA_NET_NS_PID, uint32_t(peer_pid));
    nla_nest_end(msg.m, peer);
    nla_nest_end(msg.m, data);
    nla_nest_end(msg.m, info);
    return send_sync(sk_, msg, "create veth " + host_name);
}

Status Netlink::set_up(int ifindex)
{
    Msg msg(RTM_NEWLINK, 0);
    if (!msg.m) return Error(Errc::system, "netlink: out of memory");
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_index = ifindex;
    ifi.ifi_flags = ifi.ifi_change = IFF_UP;
    if (nlmsg_append(msg.m, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0) return Error(Errc::system, "netlink: out of memory");
    return send_sync(sk_, msg, "set link " + std::to_string(ifindex) + " up");
}

Status Netlink::add_address(int ifindex, const Ipv4Net& a)
{
    Msg msg(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
    if (!msg.m) return Error(Errc::system, "netlink: out of memory");
    ifaddrmsg ifa{};
    ifa.ifa_family = AF_INET;
    ifa.ifa_prefixlen = uint8_t(a.prefix);
    ifa.ifa_index = uint32_t(ifindex);
    ifa.ifa_scope = RT_SCOPE_UNIVERSE;
    if (nlmsg_append(msg.m, &ifa, sizeof ifa, NLMSG_ALIGNTO) < 0) return Error(Errc::system, "netlink: out of memory");
    uint32_t be = htonl(a.addr), bc = htonl(a.broadcast());
    nla_put(msg.m, IFA_LOCAL, 4, &be);
    nla_put(msg.m, IFA_ADDRESS, 4, &be);
    if (a.prefix < 31) nla_put(msg.m, IFA_BROADCAST, 4, &bc);
    return send_sync(sk_, msg, "add address " + a.to_string());
}

Status Netlink::add_default_route(uint32_t gateway)
{
    Msg msg(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    if (!msg.m) return Error(Errc::system, "netlink: out of memory");
    rtmsg rt{};
    rt.rtm_family = AF_INET;
    rt.rtm_table = RT_TABLE_MAIN;
    rt.rtm_protocol = RTPROT_BOOT;
    rt.rtm_scope = RT_SCOPE_UNIVERSE;
    rt.rtm_type = RTN_UNICAST;
    if (nlmsg_append(msg.m, &rt, sizeof rt, NLMSG_ALIGNTO) < 0) return Error(Errc::system, "netlink: out of memory");
    uint32_t be = htonl(gateway);
    nla_put(msg.m, RTA_GATEWAY, 4, &be);
    return send_sync(sk_, msg, "add default route via " + Ipv4Net::format(gateway));
}

Status Netlink::delete_link(const std::string& name)
{
    Msg msg(RTM_DELLINK, 0);
    if (!msg.m) return Error(Errc::system, "netlink: out of memory");
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    if (nlmsg_append(msg.m, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0) return Error(Errc::system, "netlink: out of memory");
    nla_put_string(msg.m, IFLA_IFNAME, name.c_str());
    auto st = send_sync(sk_, msg, "delete link " + name);
    if (!st && st.error().code == Errc::not_found) return {};
    return st;
}

Status Netlink::delete_link(int ifindex)
{
    Msg msg(RTM_DELLINK, 0);
    if (!msg.m) return Error(Errc::system, "netlink: out of memory");
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_index = ifindex;
    if (nlmsg_append(msg.m, &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0) return Error(Errc::system, "netlink: out of memory");
    auto st = send_sync(sk_, msg, "delete link " + std::to_string(ifindex));
    if (!st && st.error().code == Errc::not_found) return {};
    return st;
}

Status attach_container(pid_t pid, const Attachment& a)
{
    auto host = Netlink::open();
    if (!host) return std::move(host).error();
    auto br = host->ifindex(a.bridge);
    if (!br) return std::move(br).error().wrap("bridge");
    // A leftover with this very name (the same container started again before the kernel or the
    // helper's reaper removed its old pair, or a crash) goes only when it is there: a delete is
    // a locked round trip that waits for RCU grace periods.
    if (auto st = host->create_veth(a.host_ifname, br.value(), a.ifname, pid); !st) {
        if (st.error().code != Errc::already_exists) return std::move(st).error().wrap("network");
        ONGGI_CHECK(host->delete_link(a.host_ifname), "network");
        ONGGI_CHECK(host->create_veth(a.host_ifname, br.value(), a.ifname, pid), "network");
    }
    auto fail = [&](Error e) -> Status {
        (void)host->delete_link(a.host_ifname);
        return e;
    };
    auto inside = Netlink::open_in(pid);
    if (!inside) return fail(std::move(inside).error().wrap("network"));
    auto idx = inside->ifindex(a.ifname);
    if (!idx) return fail(std::move(idx).error().wrap("network: container side"));
    if (auto st = inside->add_address(idx.value(), a.address); !st)
        return fail(std::move(st).error().wrap("network: " + a.ifname));
    if (auto st = inside->set_up(idx.value()); !st) return fail(std::move(st).error().wrap("network: " + a.ifname));
    if (a.default_route && a.gateway)
        if (auto st = inside->add_default_route(a.gateway); !st) return fail(std::move(st).error().wrap("network"));
    return {};
}

std::string host_veth_name(const std::string& container_id, int index)
{
    return "veth" + container_id.substr(0, 10) + std::to_string(index % 10);
}

}  // namespace onggi::net

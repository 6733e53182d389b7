#include "helper/net/link_reaper.h"
#include "engine/net/netlink.h"

#include <QDebug>

#include <optional>

#include <pthread.h>
#include <signal.h>

namespace onggi::helper {

LinkReaper::LinkReaper()
{
    // The helper takes SIGTERM and SIGINT through a signalfd on its main thread, which blocks them
    // only in HelperDaemon::start(), after this thread exists. A thread that does not block them
    // may be the one the kernel picks, and the default action ends the helper uncleanly. So the
    // thread starts with every signal blocked.
    sigset_t all, old;
    ::sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &old);
    thread_ = std::thread([this] { run(); });
    ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

LinkReaper::~LinkReaper()
{
    {
        std::lock_guard lk(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void LinkReaper::remove(int ifindex, const std::string& name)
{
    if (ifindex <= 0) return;
    {
        std::lock_guard lk(mu_);
        queue_.emplace_back(ifindex, name);
        ++queued_;
    }
    cv_.notify_all();
}

void LinkReaper::flush()
{
    std::unique_lock lk(mu_);
    const unsigned long target = queued_;
    done_cv_.wait(lk, [&] { return deleted_ >= target; });
}

void LinkReaper::run()
{
    std::optional<net::Netlink> nl;
    for (;;) {
        std::pair<int, std::string> item;
        {
            std::unique_lock lk(mu_);
            cv_.wait(lk, [&] { return stop_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stop_, nothing left
            item = queue_.front();
            queue_.pop_front();
        }
        if (!nl) {
            if (auto n = net::Netlink::open(); n) nl.emplace(std::move(n.value()));
            else qWarning("helper: network: %s", n.error().message().c_str());
        }
        if (nl)
            if (auto st = nl->delete_link(item.first); !st)
                qWarning("helper: network: %s (%s)", st.error().message().c_str(), item.second.c_str());
        {
            std::lock_guard lk(mu_);
            ++deleted_;
        }
        done_cv_.notify_all();
    }
}

}  // namespace onggi::helper

// LinkReaper: deletes links off the helper's main thread. Deleting a veth waits in the kernel
// for RCU grace periods (synchronize_net, 20-60 ms on a loaded host), and the kernel takes the
// host end with the container's namespace anyway: a stop must not wait for it. Links are named
// by ifindex, looked up when they are queued, so a later link of the same name (the container
// started again) is never the one deleted. One thread with its own netlink socket, in the
// helper's network namespace.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace onggi::helper {

class LinkReaper {
public:
    LinkReaper();
    ~LinkReaper();  // deletes what is queued, then joins
    LinkReaper(const LinkReaper&) = delete;
    LinkReaper& operator=(const LinkReaper&) = delete;

    // Queue the link with this ifindex (0: ignored). `name` is for the log only.
    void remove(int ifindex, const std::string& name);
    // Returns once everything queued before the call is deleted (for network.remove and tests).
    void flush();

private:
    void run();
    std::mutex mu_;
    std::condition_variable cv_, done_cv_;
    std::deque<std::pair<int, std::string>> queue_;
    unsigned long queued_ = 0, deleted_ = 0;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace onggi::helper

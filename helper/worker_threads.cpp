#include "helper/worker_threads.h"

#include <QMetaObject>

#include <vector>

namespace onggi::helper {

WorkerThreads::WorkerThreads(QObject* parent) : QObject(parent) {}

WorkerThreads::~WorkerThreads() { (void)stop(); }

bool WorkerThreads::start(std::function<void(const std::atomic<bool>&)> work, std::function<void()> done)
{
    std::lock_guard lk(mu_);
    if (stopping_) return false;
    const uint64_t id = next_++;
    Job& j = jobs_[id];
    j.done = std::move(done);
    // The thread cannot mark itself finished before this assignment: it needs mu_, held here.
    j.thread = std::thread([this, id, work = std::move(work)] {
        work(cancel_);
        {
            std::lock_guard g(mu_);
            jobs_[id].finished = true;
        }
        cv_.notify_all();
        // `this` outlives the thread: stop() joins it before the object goes. A queued call
        // that stop() made redundant finds no job and does nothing.
        QMetaObject::invokeMethod(
            this, [this, id] { complete(id); }, Qt::QueuedConnection);
    });
    return true;
}

void WorkerThreads::complete(uint64_t id)
{
    Job j;
    {
        std::lock_guard lk(mu_);
        auto it = jobs_.find(id);
        if (it == jobs_.end() || !it->second.finished) return;
        j = std::move(it->second);
        jobs_.erase(it);
    }
    j.thread.join();  // it has finished: returns at once
    if (j.done) j.done();
}

bool WorkerThreads::stop(std::chrono::milliseconds bound)
{
    std::vector<Job> ended;
    bool all = true;
    {
        std::unique_lock lk(mu_);
        if (stopped_) return true;
        stopping_ = true;
        cancel_.store(true);
        all = cv_.wait_for(lk, bound, [this] {
            for (const auto& [id, j] : jobs_)
                if (!j.finished) return false;
            return true;
        });
        for (auto it = jobs_.begin(); it != jobs_.end();) {
            if (it->second.finished) {
                ended.push_back(std::move(it->second));
                it = jobs_.erase(it);
            } else {
                ++it;
            }
        }
        if (all) stopped_ = true;
    }
    for (auto& j : ended) {
        j.thread.join();
        if (j.done) j.done();
    }
    if (!all) {
        // Past the bound: joining would wait without end. The caller ends the process now.
        std::lock_guard lk(mu_);
        for (auto& [id, j] : jobs_) j.thread.detach();
        jobs_.clear();
        stopped_ = true;
    }
    return all;
}

bool WorkerThreads::stopping() const
{
    std::lock_guard lk(mu_);
    return stopping_;
}

size_t WorkerThreads::running() const
{
    std::lock_guard lk(mu_);
    return jobs_.size();
}

}  // namespace onggi::helper

// WorkerThreads: the helper's long jobs that must not hold the event loop (images.load,
// images.save, images.commit: an archive can be gigabytes). Each job runs on a thread of its own
// and its completion runs on the event loop, exactly once. At shutdown stop() tells every job to
// cancel (the flag each job is handed), waits for them a bounded time, joins them and runs the
// completions still owed (a commit's resumes the container it paused), before anything the jobs
// use (the image store) is destroyed. A job that ignores the cancel past the bound is the only
// one left running, and the helper then ends at once (helper_daemon.cpp) rather than destroy
// what it uses; the store's temp files are removed by the next start.
#pragma once

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace onggi::helper {

class WorkerThreads : public QObject {
    Q_OBJECT
public:
    explicit WorkerThreads(QObject* parent = nullptr);
    ~WorkerThreads() override;  // stop() with the default bound, if not done

    // work(cancel) runs on a new thread; done(result) then runs on the event loop (or in stop()).
    // Refused (done gets nothing and false is returned) once stop() has begun.
    template <class T>
    bool run(std::function<T(const std::atomic<bool>& cancel)> work, std::function<void(T&)> done)
    {
        auto result = std::make_shared<std::optional<T>>();
        return start(
            [work = std::move(work), result](const std::atomic<bool>& cancel) { result->emplace(work(cancel)); },
            [done = std::move(done), result] { done(**result); });
    }

    // Cancels every job, waits up to `bound` for all to end, joins them and runs their
    // completions. False when some job did not end in time: it is then left running (joined
    // would mean waiting without bound) and the caller should end the process at once rather
    // than destroy what the job uses.
    bool stop(std::chrono::milliseconds bound = std::chrono::seconds(20));
    size_t running() const;
    // stop() has begun: a job that ends cancelled now was cancelled by the shutdown.
    bool stopping() const;

private:
    struct Job {
        std::thread thread;
        std::function<void()> done;
        bool finished = false;
    };
    bool start(std::function<void(const std::atomic<bool>&)> work, std::function<void()> done);
    void complete(uint64_t id);  // on the event loop: join the finished job, run its done

    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::map<uint64_t, Job> jobs_;
    uint64_t next_ = 1;
    bool stopping_ = false;
    bool stopped_ = false;
    std::atomic<bool> cancel_{false};
};

}  // namespace onggi::helper

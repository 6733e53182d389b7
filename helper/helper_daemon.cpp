#include "helper/helper_daemon.h"

#include "helper/stats_service.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QSocketNotifier>

#include <cstdio>

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace onggi::helper {

// helper/handlers/container_kernel_view.cpp (kept out of handlers.h's register_all so that
// adding it did not touch the header every handler includes; fold it in at the next edit there).
void register_container_kernel_view(HelperContext& ctx);

HelperDaemon::HelperDaemon(HelperConfig cfg, QObject* parent)
    : QObject(parent), cfg_(std::move(cfg)), dispatcher_(this), polkit_(new PolkitAuthority({}, 120000, this)),
      gate_(polkit_)
{
    events_ = new EventBus(&dispatcher_, this);
    logs_ = new LogFollowers(&dispatcher_, this);
    containers_ = new ContainerManager(cfg_, events_, this);
    containers_->on_exit([this](const std::string& id) { logs_->container_stopped(id); });
    workers_ = new WorkerThreads(this);
    // Image events from the store's own record changes (a name that moved to another image, a
    // removal), in the order the store made them. A load or a commit changes records on a
    // worker thread: the events are sent from the event loop. The workers are joined before the
    // bus goes (~HelperDaemon), so no change can name a bus that is gone.
    EventBus* bus = events_;
    containers_->images().on_change([bus](const image::RecordChange& c) {
        QMetaObject::invokeMethod(
            bus, [bus, c] { publish_record_change(*bus, c); }, Qt::QueuedConnection);
    });
    ctx_ = HelperContext{&dispatcher_, containers_, events_, logs_, &gate_, workers_};
    register_all(ctx_);
    register_container_kernel_view(ctx_);
    install_stats_service(ctx_);
}

HelperDaemon::~HelperDaemon()
{
    // Before anything a job uses (the image store, the connections) is destroyed: cancel the
    // loads, saves and commits in flight, join them, and send their answers (a commit resumes
    // the container it paused). Pulls are stopped and answered first (their extractors joined).
    stop_pulls();
    if (!workers_->stop()) {
        std::fprintf(stderr, "onggi-helper: a load, save or commit did not stop within 20 s; exiting without waiting "
                             "(the next start removes its temp files)\n");
        std::fflush(stderr);
        ::_exit(1);
    }
    if (sigfd_ >= 0) ::close(sigfd_);
}

Status HelperDaemon::start()
{
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    sigfd_ = ::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
    if (sigfd_ >= 0) {
        auto* n = new QSocketNotifier(sigfd_, QSocketNotifier::Read, this);
        connect(n, &QSocketNotifier::activated, this, [this] {
            struct signalfd_siginfo si;
            while (::read(sigfd_, &si, sizeof si) == sizeof si)
                if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT) QCoreApplication::quit();
        });
    }
    ONGGI_CHECK(containers_->init(), "start helper");
    LimitSettings limits;
    limits.output_budget = size_t(cfg_.output_budget);
    limits.idle_timeout_ms = cfg_.idle_timeout_ms;
    server_ = new Server(&dispatcher_, cfg_.group, limits, this);
    ONGGI_CHECK(server_->listen(cfg_.socket), "listen");
    return {};
}

}  // namespace onggi::helper

// HelperSession: the one owner of a GUI's conversation with onggi-helper. Not a widget: it
// owns the HelperClient, connects and reconnects (every 2 s while the helper is away), says
// hello, keeps the stats and events subscriptions the caller asked for across reconnects,
// and emits typed structs only (client/*.h): nothing above it reads protocol JSON.
//
// Frames of a subscription that is no longer the current one (an interval change, a
// reconnect) are dropped here, so a model never sees two streams at once. Rates travel as
// the helper computed them (client::Sample): the session adds nothing.
#pragma once

#include "client/archive_progress.h"
#include "client/container_inspect.h"
#include "client/container_summary.h"
#include "client/event.h"
#include "client/helper_client.h"
#include "client/host_info.h"
#include "client/host_sample.h"
#include "client/image_detail.h"
#include "client/image_info.h"
#include "client/kernel_view.h"
#include "client/limits.h"
#include "client/log_line.h"
#include "client/network_info.h"
#include "client/process_info.h"
#include "client/pull_progress.h"
#include "client/rpc_error.h"
#include "client/sample.h"
#include "client/system_df.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QTimer;

namespace onggi::client {

// One "stats" frame: the tick's time, its samples and the host's figures at that tick.
struct StatsFrame {
    qint64 timeMs = 0;
    QList<Sample> samples;
    HostSample host;  // host.valid is false when the helper sent none
};

class HelperSession : public QObject {
    Q_OBJECT
public:
    enum class State {
        Disconnected,  // no helper (not running, or lost): retrying every reconnectIntervalMs
        Connecting,    // connected, waiting for hello
        Ready,         // hello done, subscriptions (re)made
        Denied,        // not root nor in group onggi: retrying too (the user may join the group)
        Incompatible,  // another protocol version
    };
    Q_ENUM(State)

    explicit HelperSession(QObject* parent = nullptr);
    ~HelperSession() override;

    // Connect to the helper's socket (empty: $ONGGI_SOCKET or /run/onggi/helper.sock), and
    // reconnect whenever the connection is lost.
    void open(const QString& socketPath = QString());
    // Use an already connected stream socket (tests: a socketpair). No reconnect: when it
    // closes, the session stays Disconnected.
    void adopt(int fd);
    void close();
    void setReconnectIntervalMs(int ms);

    State state() const { return state_; }
    const HelloInfo& hello() const { return hello_; }
    const RpcError& lastError() const { return lastError_; }
    // For requests this session does not type yet (the GUI's other pages): the same connection.
    HelperClient* client() const { return client_; }

    // Subscriptions, kept across reconnects. intervalMs <= 0 ends the stats subscription.
    void setStatsSubscription(int intervalMs, const QStringList& ids = {});
    int statsIntervalMs() const { return statsInterval_; }
    void setEventsSubscribed(bool on);

    // Typed requests; `done` runs once, with an error or the result (not after close()).
    void listContainers(bool all, std::function<void(const QList<ContainerSummary>&, const RpcError&)> done);
    void statsHistory(const QString& id, int seconds, std::function<void(const StatsHistory&, const RpcError&)> done);
    // container.update: the limits in effect afterwards; on a refusal, the limits still in force
    // (read back from the cgroup by the helper) and the error (RpcError::data's "reason" has
    // numbers where the kernel said why: client::ErrorText explains them).
    void updateLimits(const QString& id, const Limits& limits,
                      std::function<void(const Limits&, const RpcError&)> done);
    // container.kernel_view: the kernel's own view of a running container (the Learn lessons).
    void kernelView(const QString& id, std::function<void(const KernelView&, const RpcError&)> done);
    void inspect(const QString& id, std::function<void(const ContainerInspect&, const RpcError&)> done);
    void top(const QString& id, std::function<void(const QList<ProcessInfo>&, const RpcError&)> done);
    void listImages(std::function<void(const QList<ImageInfo>&, const RpcError&)> done);
    void inspectImage(const QString& image, std::function<void(const ImageDetail&, const RpcError&)> done);
    // images.remove (root only); without force the helper refuses (bad_state) while a container uses it.
    void removeImage(const QString& image, bool force, std::function<void(const RpcError&)> done);
    void systemDf(std::function<void(const SystemDf&, const RpcError&)> done);
    // images.pull: progress arrives as pullProgress() (the "started" one carries the pull's id,
    // for cancelPull); done gets the new image when all its layers are in. auth: user/password
    // for this pull only (empty user: anonymous).
    void pullImage(const QString& image, const QString& user, const QString& password,
                   std::function<void(const ImageInfo&, const RpcError&)> done);
    void cancelPull(qint64 pull, std::function<void(const RpcError&)> done);
    // images.save / images.load of an archive file, which the helper opens as this user;
    // progress arrives as archiveProgress(). load is root only (permission_denied otherwise);
    // a refused archive's error has data.reason (client::ErrorText explains it).
    void saveImages(const QStringList& images, const QString& path, std::function<void(const RpcError&)> done);
    void loadImages(const QString& path, std::function<void(const QList<ImageInfo>&, const RpcError&)> done);
    // container.logs: the last `tail` lines; with follow, the subscription whose lines then
    // arrive as logLine() (0 without follow).
    void logs(const QString& id, int tail, bool follow,
              std::function<void(const QList<LogLine>&, qint64 subscription, const RpcError&)> done);
    // container.create with the params of docs/protocol.md; done gets the new container's id.
    void create(const QJsonObject& params, std::function<void(const QString& id, const RpcError&)> done);
    // Lifecycle: done gets the error, if any.
    using Done = std::function<void(const RpcError&)>;
    void start(const QString& id, Done done);
    void stop(const QString& id, int timeoutSeconds, Done done);
    void restart(const QString& id, int timeoutSeconds, Done done);
    void pause(const QString& id, Done done);
    void resume(const QString& id, Done done);
    void remove(const QString& id, bool force, Done done);
    // network.list, network.inspect (members) and network.kernel (the Networks view).
    void listNetworks(std::function<void(const QList<NetworkInfo>&, const RpcError&)> done);
    void inspectNetwork(const QString& name, std::function<void(const NetworkInfo&, const RpcError&)> done);
    void networkKernel(std::function<void(const NetworkKernelView&, const RpcError&)> done);
    void unsubscribe(qint64 subscription);  // quietly: one the helper already ended is gone either way

signals:
    void stateChanged(onggi::client::HelperSession::State state);
    void ready(const onggi::client::HelloInfo& hello);
    void statsFrame(const onggi::client::StatsFrame& frame);
    void event(const onggi::client::Event& event);
    void logLine(const onggi::client::LogLine& line);                      // a followed log's line (line.subscription)
    void logEnded(qint64 subscription);                                    // the helper ended a followed log
    void pullProgress(const onggi::client::PullProgress& progress);        // an images.pull.progress
    void archiveProgress(const onggi::client::ArchiveProgress& progress);  // an images.archive.progress
    void logGap(qint64 subscription, qint64 lostBytes);  // rotation deleted lostBytes before they were read
    void disconnected(const onggi::client::RpcError& why);

private:
    void tryConnect();
    void sayHello();
    void setState(State s);
    void subscribeStats();
    void subscribeEvents();
    void onLost(const RpcError& why);
    template <typename F>
    void call(const QString& method, const QJsonObject& params, F&& done);

    HelperClient* client_;
    QTimer* reconnect_;
    QString socketPath_;
    bool reconnecting_ = false;
    State state_ = State::Disconnected;
    HelloInfo hello_;
    RpcError lastError_;
    int statsInterval_ = 0;
    QStringList statsIds_;
    qint64 statsSub_ = 0;
    quint64 statsGen_ = 0;  // bumped per (re)subscribe: a late reply of an older one is unsubscribed
    bool eventsWanted_ = false;
    qint64 eventsSub_ = 0;
};

}  // namespace onggi::client

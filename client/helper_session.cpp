#include "client/helper_session.h"

#include "client/rpc_reply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace onggi::client {

HelperSession::HelperSession(QObject* parent)
    : QObject(parent), client_(new HelperClient(this)), reconnect_(new QTimer(this))
{
    client_->setClientName(QStringLiteral("onggi/%1").arg(QCoreApplication::applicationVersion()));
    reconnect_->setInterval(2000);
    reconnect_->setSingleShot(true);
    connect(reconnect_, &QTimer::timeout, this, &HelperSession::tryConnect);
    connect(client_, &HelperClient::disconnected, this, &HelperSession::onLost);
    connect(client_, &HelperClient::protocolError, this, [this](const RpcError& e) {
        lastError_ = e;
        if (e.errc == QLatin1String("permission_denied")) setState(State::Denied);
    });
    connect(client_, &HelperClient::notification, this, [this](const QString& method, const QJsonObject& p) {
        if (method == QLatin1String("images.archive.progress")) {
            emit archiveProgress(ArchiveProgress::fromJson(p));
            return;
        }
        if (method == QLatin1String("images.pull.progress")) {
            emit pullProgress(PullProgress::fromJson(p));
            return;
        }
        if (method != QLatin1String("stats")) return;
        const qint64 sub = p.value(QLatin1String("subscription")).toInteger();
        if (sub != statsSub_ || sub == 0) return;  // an older subscription's last frames
        StatsFrame f;
        f.timeMs = Sample::parseTimeMs(p.value(QLatin1String("time")).toString());
        const QJsonArray samples = p.value(QLatin1String("containers")).toArray();
        f.samples.reserve(samples.size());
        for (const QJsonValue& v : samples) f.samples.append(Sample::fromJson(v.toObject()));
        f.host = HostSample::fromJson(p.value(QLatin1String("host")).toObject());
        emit statsFrame(f);
    });
    connect(client_, &HelperClient::logLineReceived, this, &HelperSession::logLine);
    connect(client_, &HelperClient::logEnded, this, &HelperSession::logEnded);
    connect(client_, &HelperClient::logGap, this, &HelperSession::logGap);
    connect(client_, &HelperClient::eventReceived, this, [this](const Event& e) {
        if (e.subscription == eventsSub_ && eventsSub_ != 0) emit event(e);
    });
}

HelperSession::~HelperSession() { reconnecting_ = false; }

void HelperSession::setReconnectIntervalMs(int ms) { reconnect_->setInterval(std::max(10, ms)); }

void HelperSession::open(const QString& socketPath)
{
    socketPath_ = socketPath.isEmpty() ? HelperClient::defaultSocketPath() : socketPath;
    reconnecting_ = true;
    tryConnect();
}

void HelperSession::adopt(int fd)
{
    reconnecting_ = false;
    if (!client_->adoptSocket(fd)) return;
    sayHello();
}

void HelperSession::close()
{
    reconnecting_ = false;
    reconnect_->stop();
    client_->disconnectFromHelper();
    setState(State::Disconnected);
}

void HelperSession::setState(State s)
{
    if (s == state_) return;
    state_ = s;
    emit stateChanged(s);
}

void HelperSession::tryConnect()
{
    if (client_->isConnected()) return;
    if (!client_->connectToHelper(socketPath_)) {
        lastError_ = client_->lastError();
        setState(lastError_.errc == QLatin1String("socket_permission_denied") ? State::Denied : State::Disconnected);
        if (reconnecting_) reconnect_->start();
        return;
    }
    sayHello();
}

void HelperSession::sayHello()
{
    setState(State::Connecting);
    RpcReply* r = client_->hello();
    connect(r, &RpcReply::finished, this, [this, r] {
        r->deleteLater();
        if (r->isError()) {
            lastError_ = r->error();
            const bool denied = lastError_.errc == QLatin1String("permission_denied") || state_ == State::Denied;
            client_->disconnectFromHelper();
            setState(denied ? State::Denied : State::Disconnected);
            return;
        }
        hello_ = HelloInfo::fromJson(r->result());
        if (hello_.protocol != HelperClient::kProtocolVersion) {
            lastError_ = RpcError::client(RpcError::kBadReply, QStringLiteral("incompatible"),
                                          QStringLiteral("the helper speaks protocol %1, this client %2")
                                              .arg(hello_.protocol)
                                              .arg(HelperClient::kProtocolVersion));
            setState(State::Incompatible);
            const bool again = reconnecting_;
            client_->disconnectFromHelper();  // onLost: retry later (the helper may be upgraded)
            setState(State::Incompatible);
            reconnecting_ = again;
            return;
        }
        lastError_ = RpcError();
        statsSub_ = eventsSub_ = 0;
        if (statsInterval_ > 0) subscribeStats();
        if (eventsWanted_) subscribeEvents();
        setState(State::Ready);
        emit ready(hello_);
    });
}

void HelperSession::onLost(const RpcError& why)
{
    statsSub_ = eventsSub_ = 0;
    ++statsGen_;
    if (!lastError_.isError() || state_ == State::Ready) lastError_ = why;
    if (state_ != State::Denied && state_ != State::Incompatible) setState(State::Disconnected);
    emit disconnected(why);
    if (reconnecting_) reconnect_->start();
}

template <typename F>
void HelperSession::call(const QString& method, const QJsonObject& params, F&& done)
{
    if (!client_->isConnected()) {
        done(QJsonObject(), RpcError::client(RpcError::kNotConnected, QStringLiteral("not_connected"),
                                             QStringLiteral("not connected to the helper")));
        return;
    }
    RpcReply* r = client_->call(method, params, false, this);
    connect(r, &RpcReply::finished, this, [r, done = std::forward<F>(done)] {
        r->deleteLater();
        done(r->result(), r->error());
    });
}

void HelperSession::setStatsSubscription(int intervalMs, const QStringList& ids)
{
    statsInterval_ = intervalMs > 0 ? std::clamp(intervalMs, 100, 10000) : 0;
    statsIds_ = ids;
    if (statsSub_) unsubscribe(statsSub_);
    statsSub_ = 0;
    ++statsGen_;
    if (state_ == State::Ready && statsInterval_ > 0) subscribeStats();
}

void HelperSession::subscribeStats()
{
    const quint64 gen = ++statsGen_;
    QJsonObject p{{QStringLiteral("interval_ms"), statsInterval_}};
    if (!statsIds_.isEmpty()) p.insert(QStringLiteral("ids"), QJsonArray::fromStringList(statsIds_));
    call(QStringLiteral("stats.subscribe"), p, [this, gen](const QJsonObject& r, const RpcError& e) {
        if (e.isError()) {
            lastError_ = e;
            return;
        }
        const qint64 sub = r.value(QLatin1String("subscription")).toInteger();
        if (gen != statsGen_) {  // asked again meanwhile: this one is not wanted any more
            unsubscribe(sub);
            return;
        }
        statsSub_ = sub;
    });
}

void HelperSession::setEventsSubscribed(bool on)
{
    eventsWanted_ = on;
    if (!on && eventsSub_) {
        unsubscribe(eventsSub_);
        eventsSub_ = 0;
    }
    if (on && !eventsSub_ && state_ == State::Ready) subscribeEvents();
}

void HelperSession::subscribeEvents()
{
    call(QStringLiteral("events.subscribe"), QJsonObject(), [this](const QJsonObject& r, const RpcError& e) {
        if (e.isError()) {
            lastError_ = e;
            return;
        }
        eventsSub_ = r.value(QLatin1String("subscription")).toInteger();
    });
}

void HelperSession::unsubscribe(qint64 subscription)
{
    if (subscription <= 0 || !client_->isConnected()) return;
    RpcReply* r =
        client_->call(QStringLiteral("unsubscribe"), {{QStringLiteral("subscription"), subscription}}, false, this);
    connect(r, &RpcReply::finished, r, &QObject::deleteLater);
}

void HelperSession::listContainers(bool all, std::function<void(const QList<ContainerSummary>&, const RpcError&)> done)
{
    call(QStringLiteral("container.list"), {{QStringLiteral("all"), all}},
         [done](const QJsonObject& r, const RpcError& e) {
             QList<ContainerSummary> out;
             for (const QJsonValue& v : r.value(QLatin1String("containers")).toArray())
                 out.append(ContainerSummary::fromJson(v.toObject()));
             done(out, e);
         });
}

void HelperSession::listNetworks(std::function<void(const QList<NetworkInfo>&, const RpcError&)> done)
{
    call(QStringLiteral("network.list"), {}, [done](const QJsonObject& r, const RpcError& e) {
        QList<NetworkInfo> out;
        for (const QJsonValue& v : r.value(QLatin1String("networks")).toArray())
            out.append(NetworkInfo::fromJson(v.toObject()));
        done(out, e);
    });
}

void HelperSession::inspectNetwork(const QString& name, std::function<void(const NetworkInfo&, const RpcError&)> done)
{
    call(QStringLiteral("network.inspect"), {{QStringLiteral("name"), name}},
         [done](const QJsonObject& r, const RpcError& e) {
             done(e.isError() ? NetworkInfo() : NetworkInfo::fromJson(r), e);
         });
}

void HelperSession::networkKernel(std::function<void(const NetworkKernelView&, const RpcError&)> done)
{
    call(QStringLiteral("network.kernel"), {}, [done](const QJsonObject& r, const RpcError& e) {
        done(e.isError() ? NetworkKernelView() : NetworkKernelView::fromJson(r), e);
    });
}

void HelperSession::statsHistory(const QString& id, int seconds,
                                 std::function<void(const StatsHistory&, const RpcError&)> done)
{
    call(QStringLiteral("stats.history"), {{QStringLiteral("id"), id}, {QStringLiteral("seconds"), seconds}},
         [done](const QJsonObject& r, const RpcError& e) {
             done(e.isError() ? StatsHistory() : StatsHistory::fromJson(r), e);
         });
}

void HelperSession::inspect(const QString& id, std::function<void(const ContainerInspect&, const RpcError&)> done)
{
    call(QStringLiteral("container.inspect"), {{QStringLiteral("id"), id}},
         [done](const QJsonObject& r, const RpcError& e) {
             done(e.isError() ? ContainerInspect() : ContainerInspect::fromJson(r), e);
         });
}

void HelperSession::kernelView(const QString& id, std::function<void(const KernelView&, const RpcError&)> done)
{
    call(QStringLiteral("container.kernel_view"), {{QStringLiteral("id"), id}},
         [done](const QJsonObject& r, const RpcError& e) {
             done(e.isError() ? KernelView() : KernelView::fromJson(r), e);
         });
}

void HelperSession::updateLimits(const QString& id, const Limits& limits,
                                 std::function<void(const Limits&, const RpcError&)> done)
{
    call(QStringLiteral("container.update"), {{QStringLiteral("id"), id}, {QStringLiteral("limits"), limits.toJson()}},
         [done](const QJsonObject& r, const RpcError& e) {
             done(Limits::fromJson(
                      (e.isError() ? e.data.value(QLatin1String("kernel")) : r.value(QLatin1String("limits")))
                          .toObject()),
                  e);
         });
}

void HelperSession::top(const QString& id, std::function<void(const QList<ProcessInfo>&, const RpcError&)> done)
{
    call(QStringLiteral("container.top"), {{QStringLiteral("id"), id}},
         [done](const QJsonObject& r, const RpcError& e) {
             QList<ProcessInfo> out;
             for (const QJsonValue& v : r.value(QLatin1String("processes")).toArray())
                 out.append(ProcessInfo::fromJson(v.toObject()));
             done(out, e);
         });
}

void HelperSession::listImages(std::function<void(const QList<ImageInfo>&, const RpcError&)> done)
{
    call(QStringLiteral("images.list"), QJsonObject(), [done](const QJsonObject& r, const RpcError& e) {
        QList<ImageInfo> out;
        for (const QJsonValue& v : r.value(QLatin1String("images")).toArray())
            out.append(ImageInfo::fromJson(v.toObject()));
        done(out, e);
    });
}

void HelperSession::inspectImage(const QString& image, std::function<void(const ImageDetail&, const RpcError&)> done)
{
    call(QStringLiteral("images.inspect"), {{QStringLiteral("image"), image}},
         [done](const QJsonObject& r, const RpcError& e) {
             done(ImageDetail::fromJson(r.value(QLatin1String("image")).toObject()), e);
         });
}

void HelperSession::removeImage(const QString& image, bool force, std::function<void(const RpcError&)> done)
{
    call(QStringLiteral("images.remove"), {{QStringLiteral("image"), image}, {QStringLiteral("force"), force}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::saveImages(const QStringList& images, const QString& path,
                               std::function<void(const RpcError&)> done)
{
    call(QStringLiteral("images.save"),
         {{QStringLiteral("images"), QJsonArray::fromStringList(images)},
          {QStringLiteral("path"), path},
          {QStringLiteral("progress"), true}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::loadImages(const QString& path, std::function<void(const QList<ImageInfo>&, const RpcError&)> done)
{
    call(QStringLiteral("images.load"), {{QStringLiteral("path"), path}, {QStringLiteral("progress"), true}},
         [done](const QJsonObject& r, const RpcError& e) {
             QList<ImageInfo> out;
             for (const QJsonValue& v : r.value(QLatin1String("images")).toArray())
                 out << ImageInfo::fromJson(v.toObject());
             done(out, e);
         });
}

void HelperSession::systemDf(std::function<void(const SystemDf&, const RpcError&)> done)
{
    call(QStringLiteral("system.df"), QJsonObject(),
         [done](const QJsonObject& r, const RpcError& e) { done(SystemDf::fromJson(r), e); });
}

void HelperSession::pullImage(const QString& image, const QString& user, const QString& password,
                              std::function<void(const ImageInfo&, const RpcError&)> done)
{
    QJsonObject p{{QStringLiteral("image"), image}};
    if (!user.isEmpty())
        p.insert(QStringLiteral("auth"),
                 QJsonObject{{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
    call(QStringLiteral("images.pull"), p, [done](const QJsonObject& r, const RpcError& e) {
        done(ImageInfo::fromJson(r.value(QLatin1String("image")).toObject()), e);
    });
}

void HelperSession::cancelPull(qint64 pull, std::function<void(const RpcError&)> done)
{
    call(QStringLiteral("images.pull.cancel"), {{QStringLiteral("pull"), pull}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::logs(const QString& id, int tail, bool follow,
                         std::function<void(const QList<LogLine>&, qint64, const RpcError&)> done)
{
    const QJsonObject p{{QStringLiteral("id"), id},
                        {QStringLiteral("tail"), tail},
                        {QStringLiteral("follow"), follow},
                        {QStringLiteral("timestamps"), true}};
    call(QStringLiteral("container.logs"), p, [done](const QJsonObject& r, const RpcError& e) {
        QList<LogLine> out;
        for (const QJsonValue& v : r.value(QLatin1String("lines")).toArray())
            out.append(LogLine::fromJson(v.toObject()));
        done(out, r.value(QLatin1String("subscription")).toInteger(), e);
    });
}

void HelperSession::create(const QJsonObject& params, std::function<void(const QString&, const RpcError&)> done)
{
    call(QStringLiteral("container.create"), params,
         [done](const QJsonObject& r, const RpcError& e) { done(r.value(QLatin1String("id")).toString(), e); });
}

void HelperSession::start(const QString& id, Done done)
{
    call(QStringLiteral("container.start"), {{QStringLiteral("id"), id}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::stop(const QString& id, int timeoutSeconds, Done done)
{
    call(QStringLiteral("container.stop"), {{QStringLiteral("id"), id}, {QStringLiteral("timeout"), timeoutSeconds}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::restart(const QString& id, int timeoutSeconds, Done done)
{
    call(QStringLiteral("container.restart"), {{QStringLiteral("id"), id}, {QStringLiteral("timeout"), timeoutSeconds}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::pause(const QString& id, Done done)
{
    call(QStringLiteral("container.pause"), {{QStringLiteral("id"), id}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::resume(const QString& id, Done done)
{
    call(QStringLiteral("container.resume"), {{QStringLiteral("id"), id}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

void HelperSession::remove(const QString& id, bool force, Done done)
{
    call(QStringLiteral("container.remove"), {{QStringLiteral("id"), id}, {QStringLiteral("force"), force}},
         [done](const QJsonObject&, const RpcError& e) { done(e); });
}

}  // namespace onggi::client

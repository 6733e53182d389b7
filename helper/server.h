// Server: the helper's filesystem unix socket (never abstract). Mode 0660, group `onggi` (or
// the --group given) when that group exists. Each accepted peer is checked by SO_PEERCRED
// before a single byte is read; a refused peer gets one error line and is closed.
#pragma once

#include "engine/core/result.h"
#include "helper/peer_limits.h"

#include <QObject>

#include <sys/types.h>

#include <memory>
#include <string>

class QSocketNotifier;

namespace onggi::helper {

class Dispatcher;

class Server : public QObject {
    Q_OBJECT
public:
    Server(Dispatcher* dispatcher, std::string group, LimitSettings limits = {}, QObject* parent = nullptr);
    ~Server() override;

    Status listen(const std::string& path);
    int connection_count() const { return limits_->connections(); }
    PeerLimits& limits() { return *limits_; }

private:
    void on_accept();

    Dispatcher* dispatcher_;
    std::string group_;
    std::string path_;
    int fd_ = -1;
    QSocketNotifier* notifier_ = nullptr;
    std::shared_ptr<PeerLimits> limits_;
};

}  // namespace onggi::helper

// EventBus: container events (create start die oom kill stop pause unpause destroy update exec)
// fanned out to events.subscribe subscribers, each seeing only containers it may see; and image
// events (pull load commit tag untag delete prune), which every subscriber without a container
// filter sees (images are shared: every member may list them).
#pragma once

#include "helper/peer.h"
#include "helper/peer_limits.h"
#include "helper/rpc.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace onggi::image {
struct RecordChange;
}

namespace onggi::helper {

class Connection;
class Dispatcher;
struct ContainerRecord;

class EventBus : public QObject {
    Q_OBJECT
public:
    explicit EventBus(Dispatcher* dispatcher, QObject* parent = nullptr);

    // filter_id: a full container id, or empty for all visible containers.
    // busy when the caller's subscription caps are reached (helper/peer_limits.h).
    // type: "container", "image", or empty for both.
    Result<int64_t> subscribe(Connection* conn, const std::string& filter_id, const std::string& type = {});
    bool unsubscribe(Connection* conn, int64_t id);

    void publish(const std::string& action, const ContainerRecord& c,
                 const std::map<std::string, std::string>& attributes = {});
    // True when an "oom" event was already published during the container's current run (the
    // stats service reports kills the moment the kernel does; the exit path must not repeat it).
    bool oom_announced(const ContainerRecord& c) const;
    // An image event: id is the image id ("sha256:..."; empty for prune), name the name:tag it
    // concerns ("<none>" for an image without one).
    void publish_image(const std::string& action, const std::string& id, const std::string& name,
                       const std::map<std::string, std::string>& attributes = {});

    // In-process listeners (the stats service keeps OOM kills in history whichever path
    // announced them), called after the subscribers with the event's own time.
    using Listener = std::function<void(const std::string& action, const ContainerRecord& c, int64_t unix_ns,
                                        const std::map<std::string, std::string>& attributes)>;
    void on_publish(Listener l) { listeners_.push_back(std::move(l)); }

private:
    struct Sub {
        QPointer<Connection> conn;
        std::string filter_id;
        std::string type;
        PeerLimits::Slot slot;  // its place under the caller's subscription caps
    };
    Dispatcher* dispatcher_;
    std::map<int64_t, Sub> subs_;
    std::map<std::string, std::string> oom_run_;
    std::vector<Listener> listeners_;  // container id -> started_at of the run with an "oom" event
};

// A change the image store made to its records as image events: a removed image's names each
// `untag`, then `delete`; names an existing image lost (to another image, by tag, load, commit
// or pull) `untag`, names it gained `tag`. A new record sends nothing here: the operation that
// made it (pull, load, commit) sends its own event when it is done.
void publish_record_change(EventBus& bus, const image::RecordChange& c);

std::string now_rfc3339_nano();
std::string rfc3339_from_ns(int64_t ns);

}  // namespace onggi::helper

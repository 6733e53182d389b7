// The wire shape of a container (docs/protocol.md): container.list's summary, container.inspect,
// container.top's rows. JSON is made here and in the handlers, never in the lifecycle classes.
#pragma once

#include "helper/container_record.h"
#include "helper/process_table.h"
#include "helper/rpc.h"

#include <vector>

namespace onggi::helper {

class ContainerManager;
class NetworkManager;

json container_summary(const ContainerRecord& c, const NetworkManager& net);
json container_inspect(const ContainerRecord& c, const ContainerManager& m);
json process_rows_json(const std::vector<ProcessRow>& rows);

}  // namespace onggi::helper

// The restart policy's decision after a container's exit (docker's): whether to start it again,
// and after how long. The manager schedules what this decides (ContainerManager::after_exit).
#pragma once

#include "helper/container_record.h"

namespace onggi::helper {

// always; on-failure with a non-zero code while under max_retries (0 = no cap); never after a
// stop or kill asked for by a client.
bool restart_due(const ContainerRecord& c);
// 100 ms, doubling with each restart up to 10 s.
int restart_delay_ms(int restart_count);

}  // namespace onggi::helper

#include "helper/restart_policy.h"

#include <algorithm>

namespace onggi::helper {

bool restart_due(const ContainerRecord& c)
{
    const auto& pol = c.restart;
    return !c.stop_requested && (pol.mode == "always" || (pol.mode == "on-failure" && c.exit_code != 0 &&
                                                          (pol.max_retries == 0 || c.restart_count < pol.max_retries)));
}

int restart_delay_ms(int restart_count)
{
    // Back off 100 ms, doubling up to 10 s, like docker's policy.
    return std::min(10000, 100 << std::min(restart_count, 7));
}

}  // namespace onggi::helper

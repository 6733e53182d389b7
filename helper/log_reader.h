// LogReader: reads the shim's JSON-lines log (docs/shim.md: {"t","s","l"} per line) into the
// protocol's shape ({"t","stream","line"}). Only complete lines are returned; a follower keeps
// the offset after the last complete line and reads on from there.
#pragma once

#include "engine/core/result.h"
#include "helper/rpc.h"

#include <cstdint>
#include <string>

namespace onggi::helper {

struct LogChunk {
    json lines = json::array();
    uint64_t end_offset = 0;  // after the last complete line read
    bool truncated = false;   // older lines were left out (tail, or the size cap)
};

class LogReader {
public:
    static constexpr uint64_t kMaxReplyBytes = 8u << 20;

    // The last `tail` lines (-1 = all, capped at kMaxReplyBytes of log text).
    static Result<LogChunk> tail(const std::string& path, int64_t tail, bool timestamps);
    // Complete lines from `offset` on (at most kMaxReplyBytes per call).
    static Result<LogChunk> from(const std::string& path, uint64_t offset, bool timestamps);
    // One shim log line -> protocol entry; null when the line is not valid.
    static json convert(const std::string& raw, bool timestamps);
};

} // namespace onggi::helper

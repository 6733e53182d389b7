// LogReader: reads a container's log (docs/shim.md "Log format": the current file, its rotated
// files FILE.1..FILE.n, and a log.json of before the compact format as the oldest part) into the
// protocol's shape ({"t","stream","line"}, plus "b64" with the exact bytes when they are not
// valid UTF-8). Only complete records are returned. A position names a file by its inode, so it
// stays valid while the shim renames files in rotation; a reader whose file was deleted meanwhile
// goes on from the oldest file left and is told that lines were rotated away.
#pragma once

#include "engine/core/result.h"
#include "helper/rpc.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace onggi::helper {

struct LogPos {
    static constexpr uint64_t kUnknown = ~uint64_t(0);
    uint64_t ino = 0;     // 0: the beginning of the oldest file
    uint64_t first = 0;   // the file's first record's time (inode numbers are reused); 0: empty
    uint64_t offset = 0;  // after the last complete record read in that file
    // Where that is in the whole log since it began, bytes rotation deleted included (log.json
    // of the old format aside). It tells a file from a later one on the same inode when `first`
    // cannot (an empty file), and a reader whose file was deleted lost rotated_bytes - abs.
    // kUnknown: from a cursor of before.
    uint64_t abs = kUnknown;

    std::string to_cursor() const;
    static Result<LogPos> from_cursor(const std::string& s);
    bool operator==(const LogPos&) const = default;
};

struct LogChunk {
    json lines = json::array();
    LogPos end;                  // after the last complete record read
    bool truncated = false;      // the reply's size cap cut lines the caller asked for
    bool more = false;           // from(): more complete records follow `end` now
    bool rotated = false;        // lines older than the first one here were deleted by rotation
    uint64_t rotated_bytes = 0;  // how many bytes of log rotation deleted (FILE.rotated)
    bool gone = false;           // from(): the position's file was deleted by rotation
};

class LogReader {
public:
    // Bytes of log read for one reply at most, and lines at most: a page, whatever the log's size.
    static constexpr uint64_t kMaxReplyBytes = 4u << 20;
    static constexpr size_t kMaxReplyLines = 20000;

    // The last `tail` lines (-1 = all that fit in one page; then truncated).
    static Result<LogChunk> tail(const std::string& path, int64_t tail, bool timestamps);
    // Complete records from `pos` on, one page at most.
    static Result<LogChunk> from(const std::string& path, LogPos pos, bool timestamps,
                                 uint64_t max_bytes = kMaxReplyBytes, size_t max_lines = kMaxReplyLines);
    // One log record (without its '\n' terminator) -> protocol entry; null when not valid.
    // `terminated`: the record ended with '\n' (always, for records read by this class).
    static json convert(std::string_view raw, bool timestamps);
    // Bytes a reader at `pos` lost when its file is gone (0 when not known).
    static uint64_t lost(const LogPos& pos, const LogChunk& chunk);
    // The bytes of FILE.rotated (what rotation deleted so far), 0 when none.
    static uint64_t rotated_bytes(const std::string& path);
};

// Valid UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace onggi::helper

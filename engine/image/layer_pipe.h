// LayerPipe: the bytes of one layer blob on their way from the network (the producer, the
// helper's event loop) to extract_layer on a worker thread (the consumer), so a layer is unpacked
// while it downloads instead of being written to disk first and read back.
//  - bounded: full() is true past high_water bytes queued; the producer then stops reading its
//    socket and the consumer calls the drained callback (on its own thread) once half is gone.
//  - the producer ends the stream with close() (EOF) or fail(Error) (the consumer's next read
//    fails with that error, e.g. a digest mismatch found at the end of the download, so the
//    half-unpacked layer is thrown away: the digest is checked before EOF is ever seen).
//  - the consumer may give up (abandon()): pushes are then dropped and full() stays false.
// Chunks move in whole, owned by a shared pointer (no copy beyond the one out of the socket).
#pragma once

#include "engine/core/result.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>

namespace onggi::image {

class LayerPipe {
public:
    explicit LayerPipe(size_t high_water = size_t(8) << 20) : high_water_(high_water) {}
    LayerPipe(const LayerPipe&) = delete;
    LayerPipe& operator=(const LayerPipe&) = delete;

    // Producer side.
    // `owner` keeps [data, data+len) alive until the consumer is done with it (the producer's
    // buffer travels as is: no copy).
    void push(std::shared_ptr<const void> owner, const char* data, size_t len);
    void push(std::string bytes);
    bool full() const;
    void close();
    void fail(Error e);
    // Called on the consumer's thread when a full pipe has drained to half.
    void on_drained(std::function<void()> f);

    // Consumer side: blocks until bytes (returns their count, *out valid until the next read),
    // EOF (0) or failure (-1, *err filled).
    ssize_t read(const void** out, Error* err);
    void abandon();

    uint64_t pushed() const;

private:
    mutable std::mutex mu_;
    std::condition_variable cv_;
    struct Chunk {
        std::shared_ptr<const void> owner;
        const char* data = nullptr;
        size_t len = 0;
    };
    std::deque<Chunk> chunks_;
    Chunk current_;  // the chunk the consumer is reading
    size_t queued_ = 0;
    size_t high_water_;
    uint64_t pushed_ = 0;
    bool was_full_ = false;
    bool closed_ = false;
    bool abandoned_ = false;
    std::optional<Error> error_;
    std::function<void()> drained_;
};

}  // namespace onggi::image

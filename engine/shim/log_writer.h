// Appends a container's output to its log (docs/shim.md "Log format"), one record per line:
//   <unix time ns> <o|e|O|E> <the line's raw bytes>\n
// o/e: a stdout/stderr line whose own newline ends the record; O/E: a piece without a newline
// (a line split at 16 KiB, or the stream's unterminated end): the record's newline is not data.
// The bytes are written as they came (nothing escaped, nothing dropped, any encoding): a line
// never holds '\n', so the newline always ends the record. About 22 bytes of overhead a line.
// Input arrives in arbitrary chunks; a line is written when its newline arrives, when it
// reaches 16 KiB (split), or when the stream ends (flush).
// Rotation (docker json-file's max-size/max-file): when the file would pass max_size it is
// renamed FILE.1 (FILE.1 to FILE.2 ...), at most max_files files in all; the oldest is deleted
// and FILE.rotated then says how many bytes of log were deleted so far ("N\n"; "N busy\n" while
// files move).
#pragma once

#include <cstdint>
#include <string>

namespace onggi::shim {

class LogWriter {
public:
    static constexpr size_t kMaxLine = 16 * 1024;
    struct Limits {
        uint64_t max_size = 0;  // bytes per file; 0 = no cap, no rotation
        int max_files = 1;      // files kept, the current one included (1..100)
    };

    LogWriter() = default;
    ~LogWriter();
    LogWriter(const LogWriter&) = delete;
    LogWriter& operator=(const LogWriter&) = delete;

    // Opens (appends to) the log at `path`; false with errno set when it cannot.
    bool open(const std::string& path, Limits limits);
    // stream: 0 = stdout, 1 = stderr
    void feed(int stream, const char* data, size_t len);
    void flush(int stream);
    uint64_t size() const { return size_; }

    // JSON string escaping (the state files' messages).
    static std::string escape(const std::string& s);
    static std::string timestamp();

private:
    void emit(int stream, const char* data, size_t len, bool complete);
    void rotate();
    uint64_t rotated_count() const;
    void write_rotated_count(uint64_t total, bool busy) const;
    int fd_ = -1;
    std::string path_;
    Limits limits_;
    uint64_t size_ = 0;
    std::string pending_[2];
};

}  // namespace onggi::shim

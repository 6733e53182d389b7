// Appends a container's output to its log as JSON lines (docs/shim.md):
//   {"t":"2026-11-23T08:00:00.123456789Z","s":"stdout","l":"text\n"}
// Input arrives in arbitrary chunks; a line is written when its newline arrives, when it
// reaches 16 KiB (split), or when the stream ends (flush, without a newline).
#pragma once

#include <string>

namespace onggi::shim {

class LogWriter {
public:
    static constexpr size_t kMaxLine = 16 * 1024;

    explicit LogWriter(int fd) : fd_(fd) {}
    // stream: 0 = stdout, 1 = stderr
    void feed(int stream, const char* data, size_t len);
    void flush(int stream);

    // JSON string escaping (also used for the state files' messages).
    static std::string escape(const std::string& s);
    static std::string timestamp();

private:
    void emit(int stream, const std::string& line);
    int fd_;
    std::string pending_[2];
};

} // namespace onggi::shim

#include "engine/shim/log_writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ctime>

namespace onggi::shim {

std::string LogWriter::escape(const std::string& s)
{
    std::string out;
    out.reserve(s.size() + 8);
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);  // UTF-8 passes through; invalid bytes are the reader's problem
            }
        }
    }
    return out;
}

std::string LogWriter::timestamp()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    ::gmtime_r(&ts.tv_sec, &tm);
    char buf[64];
    size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%09ldZ", ts.tv_nsec);
    return buf;
}

void LogWriter::emit(int stream, const std::string& line)
{
    std::string rec = "{\"t\":\"" + timestamp() + "\",\"s\":\"" + (stream == 0 ? "stdout" : "stderr") + "\",\"l\":\"" +
                      escape(line) + "\"}\n";
    const char* p = rec.data();
    size_t left = rec.size();
    while (left) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;  // disk full: drop the line rather than block the container
        }
        p += n;
        left -= size_t(n);
    }
}

void LogWriter::feed(int stream, const char* data, size_t len)
{
    std::string& pend = pending_[stream];
    for (size_t i = 0; i < len; ++i) {
        pend += data[i];
        if (data[i] == '\n' || pend.size() >= kMaxLine) {
            emit(stream, pend);
            pend.clear();
        }
    }
}

void LogWriter::flush(int stream)
{
    if (!pending_[stream].empty()) {
        emit(stream, pending_[stream]);
        pending_[stream].clear();
    }
}

} // namespace onggi::shim

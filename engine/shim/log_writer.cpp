#include "engine/shim/log_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace onggi::shim {

namespace {

uint64_t realtime_ns()
{
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return uint64_t(ts.tv_sec) * 1000000000ull + uint64_t(ts.tv_nsec);
}

uint64_t file_size(const std::string& path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 ? uint64_t(st.st_size) : 0;
}

}  // namespace

LogWriter::~LogWriter()
{
    if (fd_ >= 0) ::close(fd_);
}

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
                out += char(c);
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

bool LogWriter::open(const std::string& path, Limits limits)
{
    if (fd_ >= 0) ::close(fd_);
    path_ = path;
    limits_ = limits;
    if (limits_.max_files < 1) limits_.max_files = 1;
    fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
    if (fd_ < 0) return false;
    struct stat st;
    size_ = ::fstat(fd_, &st) == 0 ? uint64_t(st.st_size) : 0;
    return true;
}

uint64_t LogWriter::rotated_count() const
{
    uint64_t v = 0;
    if (FILE* f = std::fopen((path_ + ".rotated").c_str(), "re")) {
        unsigned long long n = 0;
        if (std::fscanf(f, "%llu", &n) == 1) v = n;
        std::fclose(f);
    }
    return v;
}

// Replaced whole (a new file renamed over it), so a reader sees one content or the other.
void LogWriter::write_rotated_count(uint64_t total, bool busy) const
{
    const std::string rp = path_ + ".rotated";
    const std::string tmp = rp + ".new";
    FILE* f = std::fopen(tmp.c_str(), "we");
    if (!f) return;
    std::fprintf(f, busy ? "%llu busy\n" : "%llu\n", static_cast<unsigned long long>(total));
    if (std::fclose(f) == 0) ::rename(tmp.c_str(), rp.c_str());
    else ::unlink(tmp.c_str());
}

// FILE.(n-1) goes (its size added to FILE.rotated), FILE.k becomes FILE.(k+1), FILE becomes
// FILE.1, and a new FILE is opened. With one file only, FILE is emptied. While files move,
// FILE.rotated says "busy": a reader then waits, so that the count it reads always goes with
// the files it sees (how a follower knows exactly how many bytes it lost).
void LogWriter::rotate()
{
    const uint64_t before = rotated_count();
    uint64_t dropped = 0;
    const int n = limits_.max_files;
    write_rotated_count(before, true);
    if (n <= 1) {
        if (::ftruncate(fd_, 0) == 0) {
            dropped = size_;
            size_ = 0;
        }
    } else {
        const std::string last = path_ + "." + std::to_string(n - 1);
        const uint64_t last_size = file_size(last);
        if (::unlink(last.c_str()) == 0) dropped = last_size;
        for (int k = n - 2; k >= 1; --k)
            ::rename((path_ + "." + std::to_string(k)).c_str(), (path_ + "." + std::to_string(k + 1)).c_str());
        // On failure: keep writing where we are.
        if (::rename(path_.c_str(), (path_ + ".1").c_str()) == 0) {
            int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
            if (fd >= 0) {
                ::close(fd_);
                fd_ = fd;
                size_ = 0;
            }
        }
    }
    // Cumulative; a crash before this line loses a count, never log lines.
    write_rotated_count(before + dropped, false);
}

void LogWriter::emit(int stream, const char* data, size_t len, bool complete)
{
    if (fd_ < 0) return;
    char head[32];
    int hn = std::snprintf(head, sizeof head, "%llu %c ", static_cast<unsigned long long>(realtime_ns()),
                           complete ? (stream == 0 ? 'o' : 'e') : (stream == 0 ? 'O' : 'E'));
    // A complete line's own newline ends the record; a piece gets one.
    const size_t total = size_t(hn) + len + (complete ? 0 : 1);
    if (limits_.max_size && size_ > 0 && size_ + total > limits_.max_size) rotate();
    struct iovec iov[3] = {
        {head, size_t(hn)}, {const_cast<char*>(data), len}, {const_cast<char*>("\n"), complete ? 0u : 1u}};
    size_t done = 0;
    int first = 0;
    while (done < total) {
        ssize_t w = ::writev(fd_, iov + first, 3 - first);
        if (w < 0) {
            if (errno == EINTR) continue;
            // Disk full: drop this line rather than block the container, and cut what was
            // written of it, so that the next record starts on a line of its own.
            if (done) (void)!::ftruncate(fd_, off_t(size_));
            return;
        }
        done += size_t(w);
        size_t left = size_t(w);
        while (first < 3 && left >= iov[first].iov_len) left -= iov[first++].iov_len;
        if (first < 3) {
            iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + left;
            iov[first].iov_len -= left;
        }
    }
    size_ += total;
}

void LogWriter::feed(int stream, const char* data, size_t len)
{
    std::string& pend = pending_[stream];
    size_t i = 0;
    while (i < len) {
        // Whole lines straight from the input when nothing is pending (no copy).
        const void* nl = std::memchr(data + i, '\n', len - i);
        size_t end = nl ? size_t(static_cast<const char*>(nl) - data) + 1 : len;
        size_t take = end - i;
        if (pend.empty() && nl && take <= kMaxLine) {
            emit(stream, data + i, take, true);
            i = end;
            continue;
        }
        size_t room = kMaxLine - pend.size();
        if (take > room) take = room;
        pend.append(data + i, take);
        i += take;
        if (pend.back() == '\n') {
            emit(stream, pend.data(), pend.size(), true);
            pend.clear();
        } else if (pend.size() >= kMaxLine) {
            emit(stream, pend.data(), pend.size(), false);
            pend.clear();
        }
    }
}

void LogWriter::flush(int stream)
{
    if (!pending_[stream].empty()) {
        emit(stream, pending_[stream].data(), pending_[stream].size(), false);
        pending_[stream].clear();
    }
}

}  // namespace onggi::shim

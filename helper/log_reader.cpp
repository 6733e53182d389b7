#include "helper/log_reader.h"

#include "engine/core/files.h"
#include "engine/core/unique_fd.h"
#include "helper/event_bus.h"

#include <QByteArray>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <vector>

namespace onggi::helper {

bool valid_utf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n;
        unsigned cp, min;
        if ((c & 0xe0) == 0xc0) n = 1, cp = c & 0x1f, min = 0x80;
        else if ((c & 0xf0) == 0xe0) n = 2, cp = c & 0x0f, min = 0x800;
        else if ((c & 0xf8) == 0xf0) n = 3, cp = c & 0x07, min = 0x10000;
        else return false;
        if (end - p <= n) return false;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        p += n + 1;
    }
    return true;
}

namespace {

// The protocol entry for one line's bytes: text as is when it is UTF-8, else the text with
// U+FFFD for what is not (for display) and the exact bytes in "b64" (lossless).
void put_line(json& out, std::string_view bytes)
{
    if (valid_utf8(bytes)) {
        out["line"] = std::string(bytes);
        return;
    }
    out["line"] = QString::fromUtf8(bytes.data(), qsizetype(bytes.size())).toStdString();
    out["b64"] = QByteArray(bytes.data(), qsizetype(bytes.size())).toBase64().toStdString();
}

struct Segment {
    UniqueFd fd;
    uint64_t ino = 0, size = 0;
    uint64_t first = 0;   // time of its first record (what tells a file from a later one on a reused inode)
    bool legacy = false;  // log.json of the old format: never rotated
    bool is(const LogPos& p) const { return p.ino == ino && (p.first == 0 || p.first == first); }
};

// Oldest first: log.json of the old format beside it, FILE.n .. FILE.1, FILE. Opened at once, so
// that a rotation while we read changes nothing of what we see.
std::vector<Segment> open_segments(const std::string& path)
{
    std::vector<std::string> names;
    const size_t slash = path.rfind('/');
    if (path.compare(slash + 1, std::string::npos, "container.log") == 0)
        names.push_back(path.substr(0, slash + 1) + "log.json");
    std::vector<std::string> rotated;
    for (int k = 1; k <= 100; ++k) {
        std::string n = path + "." + std::to_string(k);
        if (::access(n.c_str(), F_OK) != 0) break;
        rotated.push_back(n);
    }
    names.insert(names.end(), rotated.rbegin(), rotated.rend());
    names.push_back(path);
    std::vector<Segment> out;
    for (const auto& n : names) {
        Segment s;
        s.fd.reset(::open(n.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        struct stat st;
        if (!s.fd || ::fstat(s.fd.get(), &st) < 0 || !S_ISREG(st.st_mode)) continue;
        s.ino = uint64_t(st.st_ino);
        s.size = uint64_t(st.st_size);
        char head[24];
        ssize_t got = s.size ? ::pread(s.fd.get(), head, sizeof head, 0) : 0;
        s.legacy = got > 0 && head[0] == '{';
        if (s.legacy) s.first = 1;
        else if (got > 0) std::from_chars(head, head + got, s.first);
        out.push_back(std::move(s));
    }
    return out;
}

uint64_t parse_count(const std::string& text)
{
    uint64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

// The log's files and FILE.rotated as one consistent view: the count is read before and after
// the files are opened and must not change between, nor say "busy" (the shim moving files).
struct LogFiles {
    std::vector<Segment> segs;
    uint64_t rotated = 0;  // bytes rotation deleted before the oldest rotating file here

    // Where byte `offset` of segment `i` lies in the whole log since its start (log.json aside).
    uint64_t abs(size_t i, uint64_t offset) const
    {
        if (i < segs.size() && segs[i].legacy) return LogPos::kUnknown;
        uint64_t a = rotated;
        for (size_t k = 0; k < i && k < segs.size(); ++k)
            if (!segs[k].legacy) a += segs[k].size;
        return a + offset;
    }
    LogPos at(size_t i, uint64_t offset) const
    {
        const Segment& s = segs[i];
        return LogPos{s.ino, s.first, offset, abs(i, offset)};
    }
    // Segment `i` at `offset` is where `p` was: same inode, same first record, same place in the log.
    bool holds(size_t i, const LogPos& p) const
    {
        const Segment& s = segs[i];
        if (p.ino != s.ino || (p.first != 0 && p.first != s.first)) return false;
        return p.abs == LogPos::kUnknown || s.legacy || abs(i, std::min(p.offset, s.size)) == p.abs;
    }
};

LogFiles open_files(const std::string& path)
{
    const std::string count_path = path + ".rotated";
    auto count = [&] {
        auto t = read_file(count_path, 64);
        return t ? std::move(t).value() : std::string();
    };
    // "busy": the shim is moving files (a few syscalls, longer only on a starved machine).
    // A shim killed in the middle of a rotation leaves "busy" behind for good: a mark older
    // than a second is taken as that, and the wait as a whole is bounded; past either the view
    // may be off by one file (a follower's count of lost bytes), never the lines themselves.
    auto stale = [&] {
        struct stat st;
        if (::stat(count_path.c_str(), &st) != 0) return true;
        struct timespec now;
        ::clock_gettime(CLOCK_REALTIME, &now);
        return now.tv_sec - st.st_mtim.tv_sec > 1;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    for (;;) {
        const bool late = std::chrono::steady_clock::now() > deadline;
        const std::string before = count();
        if (!late && before.find("busy") != std::string::npos && !stale()) {
            ::usleep(500);
            continue;
        }
        LogFiles f;
        f.segs = open_segments(path);
        if (late || count() == before) {
            f.rotated = parse_count(before);
            return f;
        }
    }
}

Result<std::string> pread_range(int fd, uint64_t off, uint64_t len)
{
    std::string buf(len, '\0');
    uint64_t got = 0;
    while (got < len) {
        ssize_t n = ::pread(fd, buf.data() + got, len - got, off_t(off + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::from_errno("read log");
        if (n == 0) break;
        got += uint64_t(n);
    }
    buf.resize(got);
    return buf;
}

// Complete records of `text` (which ends after a '\n') into out; returns how many records.
size_t split_records(const std::string& text, bool timestamps, json& out)
{
    size_t pos = 0, n = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) break;
        json e = LogReader::convert(std::string_view(text).substr(pos, nl - pos + 1), timestamps);
        if (!e.is_null()) out.push_back(std::move(e));
        ++n;
        pos = nl + 1;
    }
    return n;
}

}  // namespace

std::string LogPos::to_cursor() const
{
    std::string c = std::to_string(ino) + ":" + std::to_string(first) + ":" + std::to_string(offset);
    if (abs != kUnknown) c += ":" + std::to_string(abs);
    return c;
}

// "ino:first:offset[:abs]" (three fields: a cursor of before).
Result<LogPos> LogPos::from_cursor(const std::string& s)
{
    LogPos p;
    const char* c = s.data();
    const char* end = s.data() + s.size();
    uint64_t abs = 0;
    uint64_t* fields[4] = {&p.ino, &p.first, &p.offset, &abs};
    for (int i = 0; i < 4; ++i) {
        auto r = std::from_chars(c, end, *fields[i]);
        if (r.ec != std::errc() || r.ptr == c || (r.ptr != end && *r.ptr != ':') || (r.ptr == end && i < 2) ||
            (r.ptr != end && i == 3))
            return Error(Errc::invalid_argument, "cursor: not a log cursor");
        if (r.ptr == end) {
            if (i == 3) p.abs = abs;
            return p;
        }
        c = r.ptr + 1;
    }
    return p;
}

uint64_t LogReader::lost(const LogPos& pos, const LogChunk& chunk)
{
    if (!chunk.gone || pos.abs == LogPos::kUnknown || chunk.rotated_bytes < pos.abs) return 0;
    return chunk.rotated_bytes - pos.abs;
}

uint64_t LogReader::rotated_bytes(const std::string& path)
{
    auto text = read_file(path + ".rotated", 64);
    return text ? parse_count(text.value()) : 0;
}

// `raw` is one record with its terminating '\n'.
json LogReader::convert(std::string_view raw, bool timestamps)
{
    if (raw.empty() || raw.back() != '\n') return nullptr;
    raw.remove_suffix(1);
    if (!raw.empty() && raw.front() == '{') {
        // log.json of before the compact format: {"t":"...","s":"stdout","l":"text\n"}
        json j = json::parse(raw, nullptr, false);
        if (j.is_discarded() || !j.is_object()) return nullptr;
        auto s = j.find("s");
        auto l = j.find("l");
        if (s == j.end() || l == j.end() || !s->is_string() || !l->is_string()) return nullptr;
        json out = {{"stream", *s}, {"line", *l}};
        if (timestamps) {
            auto t = j.find("t");
            out["t"] = (t != j.end() && t->is_string()) ? *t : json("");
        }
        return out;
    }
    // <ns> <o|e|O|E> <bytes>
    uint64_t ns = 0;
    auto r = std::from_chars(raw.data(), raw.data() + raw.size(), ns);
    const size_t h = size_t(r.ptr - raw.data());
    if (r.ec != std::errc() || h == 0 || raw.size() < h + 3 || raw[h] != ' ' || raw[h + 2] != ' ') return nullptr;
    const char kind = raw[h + 1];
    if (kind != 'o' && kind != 'e' && kind != 'O' && kind != 'E') return nullptr;
    std::string_view bytes = raw.substr(h + 3);
    std::string line_with_nl;
    json out = {{"stream", (kind == 'o' || kind == 'O') ? "stdout" : "stderr"}};
    if (kind == 'o' || kind == 'e') {
        // The record's newline is the line's own.
        line_with_nl.reserve(bytes.size() + 1);
        line_with_nl.append(bytes);
        line_with_nl += '\n';
        bytes = line_with_nl;
    }
    put_line(out, bytes);
    if (timestamps) out["t"] = rfc3339_from_ns(int64_t(ns));
    return out;
}

Result<LogChunk> LogReader::from(const std::string& path, LogPos pos, bool timestamps, uint64_t max_bytes,
                                 size_t max_lines)
{
    LogChunk c;
    c.end = pos;
    LogFiles files = open_files(path);
    auto& segs = files.segs;
    c.rotated_bytes = files.rotated;
    if (segs.empty()) return c;
    size_t i = 0;
    uint64_t off = 0;
    if (pos.ino != 0) {
        size_t k = 0;
        while (k < segs.size() && !files.holds(k, pos)) ++k;
        if (k == segs.size()) {
            // Our file was deleted by rotation: go on from the oldest rotating file left.
            c.rotated = c.gone = true;
            while (i + 1 < segs.size() && segs[i].legacy) ++i;
        } else {
            i = k;
            off = std::min(pos.offset, segs[k].size);
        }
    }
    if (i == 0 && off == 0) c.rotated = c.rotated || c.rotated_bytes > 0;
    uint64_t budget = max_bytes;
    bool full = false;
    for (; i < segs.size(); ++i, off = 0) {
        Segment& s = segs[i];
        if (off >= s.size) {
            // Read to its end: the position stays here, not at the start of the next file,
            // which may be empty (no first record yet to tell it by).
            if (i + 1 == segs.size() || segs[i + 1].size == 0) c.end = files.at(i, s.size);
            if (i + 1 < segs.size() && segs[i + 1].size == 0) break;
            continue;
        }
        c.end = files.at(i, off);
        if (budget == 0 || c.lines.size() >= max_lines) {
            full = true;
            break;
        }
        const uint64_t len = std::min<uint64_t>(s.size - off, budget);
        auto text = pread_range(s.fd.get(), off, len);
        if (!text) return std::move(text).error();
        const size_t room = max_lines - c.lines.size();
        size_t p = 0, n = 0;
        while (n < room) {
            size_t nl = text->find('\n', p);
            if (nl == std::string::npos) break;
            p = nl + 1;
            ++n;
        }
        text->resize(p);
        split_records(text.value(), timestamps, c.lines);
        c.end = files.at(i, off + p);
        budget -= std::min<uint64_t>(budget, p);
        if (off + p < s.size) {
            if (n == room || len < s.size - off) {
                full = true;  // the page is full
                break;
            }
            if (i + 1 == segs.size()) break;  // a record being written: the follower comes back
            // else: an older file's torn last record (the disk was full): skip it
        }
    }
    c.more = full;
    return c;
}

Result<LogChunk> LogReader::tail(const std::string& path, int64_t tail, bool timestamps)
{
    LogChunk c;
    LogFiles files = open_files(path);
    auto& segs = files.segs;
    c.rotated_bytes = files.rotated;
    if (segs.empty()) return c;
    constexpr uint64_t block = 65536;
    // The newest file may end in a record being written: only up to its last '\n'.
    Segment& last = segs.back();
    uint64_t limit = last.size;
    while (limit > 0) {
        uint64_t start = limit > block ? limit - block : 0;
        auto chunk = pread_range(last.fd.get(), start, limit - start);
        if (!chunk) return std::move(chunk).error();
        size_t nl = chunk->rfind('\n');
        if (nl != std::string::npos) {
            limit = start + nl + 1;
            break;
        }
        limit = start;
    }
    c.end = files.at(segs.size() - 1, limit);
    if (limit == 0 && segs.size() > 1 && !segs[segs.size() - 2].legacy)
        c.end = files.at(segs.size() - 2, segs[segs.size() - 2].size);  // the newest file is empty
    // Backwards over the files in blocks until enough records (or a page) are in hand.
    std::vector<std::vector<std::string>> parts(segs.size());  // per file, blocks newest first
    size_t first_seg = segs.size();
    uint64_t first_off = 0;
    int64_t newlines = 0;
    uint64_t taken = 0;
    bool enough = false;
    for (size_t k = segs.size(); k-- > 0 && !enough;) {
        uint64_t start = k + 1 == segs.size() ? limit : segs[k].size;
        first_seg = k;
        first_off = start;
        while (start > 0) {
            uint64_t n = std::min(block, start);
            start -= n;
            auto chunk = pread_range(segs[k].fd.get(), start, n);
            if (!chunk) return std::move(chunk).error();
            newlines += std::count(chunk->begin(), chunk->end(), '\n');
            taken += chunk->size();
            parts[k].push_back(std::move(chunk).value());
            first_off = start;
            if ((tail >= 0 && newlines > tail) || taken >= kMaxReplyBytes) {
                enough = true;
                break;
            }
        }
    }
    const bool from_very_start = first_seg == 0 && first_off == 0;
    json all = json::array();
    for (size_t k = first_seg; k < segs.size(); ++k) {
        std::string text;
        for (auto it = parts[k].rbegin(); it != parts[k].rend(); ++it) text += *it;
        parts[k].clear();
        if (k == first_seg && first_off > 0) {
            // We started inside a record: drop it.
            size_t nl = text.find('\n');
            text.erase(0, nl == std::string::npos ? text.size() : nl + 1);
        }
        split_records(text, timestamps, all);
    }
    size_t keep = all.size();
    if (tail >= 0 && int64_t(keep) > tail) keep = size_t(tail);
    keep = std::min(keep, kMaxReplyLines);
    // "truncated": the page cut lines the caller asked for (not: --tail left older lines out).
    if ((!from_very_start || keep < all.size()) && (tail < 0 || int64_t(keep) < tail)) c.truncated = true;
    for (size_t i = all.size() - keep; i < all.size(); ++i) c.lines.push_back(std::move(all[i]));
    if (from_very_start && keep == all.size()) c.rotated = c.rotated_bytes > 0;
    return c;
}

}  // namespace onggi::helper

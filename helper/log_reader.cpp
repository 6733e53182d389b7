#include "helper/log_reader.h"
#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace onggi::helper {

json LogReader::convert(const std::string& raw, bool timestamps)
{
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

static Result<std::string> pread_range(int fd, uint64_t off, uint64_t len)
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

static void split_lines(const std::string& text, bool timestamps, json& out)
{
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) break;
        json e = LogReader::convert(text.substr(pos, nl - pos), timestamps);
        if (!e.is_null()) out.push_back(std::move(e));
        pos = nl + 1;
    }
}

Result<LogChunk> LogReader::from(const std::string& path, uint64_t offset, bool timestamps)
{
    LogChunk c;
    c.end_offset = offset;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd) {
        if (errno == ENOENT) return c;
        return Error::from_errno("open log");
    }
    struct stat st;
    if (::fstat(fd.get(), &st) < 0) return Error::from_errno("stat log");
    uint64_t size = uint64_t(st.st_size);
    if (size < offset) offset = 0;  // the log was replaced
    uint64_t len = std::min<uint64_t>(size - offset, kMaxReplyBytes);
    auto text = pread_range(fd.get(), offset, len);
    if (!text) return std::move(text).error();
    size_t last_nl = text->rfind('\n');
    if (last_nl == std::string::npos) {
        c.end_offset = offset;
        return c;
    }
    text->resize(last_nl + 1);
    split_lines(text.value(), timestamps, c.lines);
    c.end_offset = offset + last_nl + 1;
    return c;
}

Result<LogChunk> LogReader::tail(const std::string& path, int64_t tail, bool timestamps)
{
    LogChunk c;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd) {
        if (errno == ENOENT) return c;
        return Error::from_errno("open log");
    }
    struct stat st;
    if (::fstat(fd.get(), &st) < 0) return Error::from_errno("stat log");
    uint64_t size = uint64_t(st.st_size);
    // Read backwards in blocks until enough complete lines are in hand.
    uint64_t start = size;
    std::string text;
    int64_t newlines = 0;
    constexpr uint64_t block = 65536;
    while (start > 0 && size - start < kMaxReplyBytes) {
        uint64_t n = std::min(block, start);
        start -= n;
        auto chunk = pread_range(fd.get(), start, n);
        if (!chunk) return std::move(chunk).error();
        for (char ch : chunk.value()) newlines += ch == '\n';
        text.insert(0, chunk.value());
        if (tail >= 0 && newlines > tail + 1) break;
    }
    // Drop a partial last line (still being written) and a partial first line (cut by us).
    size_t last_nl = text.rfind('\n');
    if (last_nl == std::string::npos) {
        c.end_offset = start;
        return c;
    }
    c.end_offset = start + last_nl + 1;
    text.resize(last_nl + 1);
    if (start > 0) {
        size_t first_nl = text.find('\n');
        text.erase(0, first_nl + 1);
    }
    json all = json::array();
    split_lines(text, timestamps, all);
    // "truncated" means the reply's size cap cut lines the caller asked for (docs/protocol.md),
    // not that --tail left older lines out: a follow with tail 0 is not truncated.
    if (start > 0 && (tail < 0 || int64_t(all.size()) < tail)) c.truncated = true;
    if (tail >= 0 && int64_t(all.size()) > tail) {
        for (size_t i = all.size() - size_t(tail); i < all.size(); ++i) c.lines.push_back(std::move(all[i]));
    } else {
        c.lines = std::move(all);
    }
    return c;
}

} // namespace onggi::helper

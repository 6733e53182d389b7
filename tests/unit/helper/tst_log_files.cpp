// The container log end to end without a container: the shim's LogWriter (compact records,
// rotation) and the helper's LogReader (tail, pages, cursors across rotation, encoding of bytes
// that are not UTF-8, the log.json of before).
#include "engine/shim/log_writer.h"
#include "helper/log_reader.h"

#include <QByteArray>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace onggi;
using namespace onggi::helper;

namespace {

uint64_t fsize(const std::string& p)
{
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 ? uint64_t(st.st_size) : 0;
}

std::string bytes_of(const json& line)
{
    if (line.contains("b64"))
        return QByteArray::fromBase64(QByteArray::fromStdString(line["b64"].get<std::string>())).toStdString();
    return line["line"].get<std::string>();
}

}  // namespace

class TstLogFiles : public QObject {
    Q_OBJECT
private slots:
    void compact_and_lossless()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.path().toStdString() + "/container.log";
        {
            shim::LogWriter w;
            QVERIFY(w.open(path, {}));
            for (int i = 0; i < 1000; ++i) w.feed(0, "y\n", 2);
            QVERIFY2(fsize(path) <= 1000 * 26, std::to_string(fsize(path)).c_str());  // was 62 a line
            // Bytes that are not UTF-8, in pieces; an unterminated invalid tail on stdout, then a
            // valid line on stderr: neither is lost nor swallows the other.
            w.feed(0, "bad \xff", 5);
            w.feed(0, "\n", 1);
            w.feed(1, "\xc3", 1);             // half a character...
            w.feed(1, "\xa9t\xc3\xa9\n", 5);  // ...and the rest: valid UTF-8 after all
            w.feed(0, "tail \xfe", 6);
            w.flush(0);
            w.feed(1, "next\n", 5);
            w.feed(0, "cr\r\n", 4);
        }
        auto all = LogReader::from(path, {}, true, 1 << 30, 100000);
        QVERIFY(all.ok());
        QCOMPARE(all->lines.size(), size_t(1005));
        QVERIFY(!all->more);
        const json* l = &all->lines[1000];
        QCOMPARE(bytes_of(*l), std::string("bad \xff\n"));
        QVERIFY(l->contains("b64"));
        QCOMPARE((*l)["line"].get<std::string>(), std::string("bad \xef\xbf\xbd\n"));  // U+FFFD for display
        QCOMPARE(bytes_of(all->lines[1001]), std::string("\xc3\xa9t\xc3\xa9\n"));
        QVERIFY(!all->lines[1001].contains("b64"));
        QCOMPARE(all->lines[1001]["stream"].get<std::string>(), std::string("stderr"));
        QCOMPARE(bytes_of(all->lines[1002]), std::string("tail \xfe"));  // no newline: it had none
        QCOMPARE(bytes_of(all->lines[1003]), std::string("next\n"));
        QCOMPARE(bytes_of(all->lines[1004]), std::string("cr\r\n"));
        QVERIFY(all->lines[0]["t"].get<std::string>().size() == 30);
        // Splitting at 16 KiB: pieces, with no byte lost.
        {
            shim::LogWriter w;
            QVERIFY(w.open(path, {}));
            std::string big(40000, 'x');
            big += '\n';
            w.feed(0, big.data(), big.size());
        }
        auto t = LogReader::tail(path, 3, false);
        QVERIFY(t.ok());
        std::string joined;
        for (const auto& e : t->lines) joined += bytes_of(e);
        QCOMPARE(joined.size(), size_t(40001));
    }

    void rotation_and_cursor()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.path().toStdString() + "/container.log";
        shim::LogWriter w;
        QVERIFY(w.open(path, {4096, 3}));
        auto line = [](int i) { return "line " + std::to_string(i) + "\n"; };
        for (int i = 0; i < 100; ++i) w.feed(0, line(i).data(), line(i).size());
        // A reader in the middle of the oldest file.
        auto first = LogReader::from(path, {}, false, 1 << 20, 10);
        QVERIFY(first.ok());
        QCOMPARE(first->lines.size(), size_t(10));
        QVERIFY(first->more);
        QCOMPARE(bytes_of(first->lines[0]), line(0));
        QVERIFY(!first->rotated);
        // Pages follow on without a gap or a repeat, across files.
        LogPos pos = first->end;
        int next = 10;
        for (;;) {
            auto page = LogReader::from(path, pos, false, 1 << 20, 7);
            QVERIFY(page.ok());
            for (const auto& e : page->lines) QCOMPARE(bytes_of(e), line(next++));
            pos = page->end;
            if (!page->more) break;
        }
        QCOMPARE(next, 100);
        // Writing on past the cap: at most 3 files of at most 4096 bytes.
        for (int i = 100; i < 2000; ++i) w.feed(0, line(i).data(), line(i).size());
        QVERIFY(fsize(path) <= 4096);
        QVERIFY(fsize(path + ".1") <= 4096 && fsize(path + ".1") > 0);
        QVERIFY(fsize(path + ".2") <= 4096 && fsize(path + ".2") > 0);
        QVERIFY(::access((path + ".3").c_str(), F_OK) != 0);
        QVERIFY(LogReader::rotated_bytes(path) > 0);
        // The old cursor's file is gone: the reader says so and goes on from the oldest line kept.
        auto after = LogReader::from(path, pos, false, 1 << 20, 100000);
        QVERIFY(after.ok());
        QVERIFY(after->rotated);
        QCOMPARE(bytes_of(after->lines.back()), line(1999));
        auto all = LogReader::tail(path, -1, false);
        QVERIFY(all->rotated);
        QCOMPARE(all->lines.size(), after->lines.size());
        auto last = LogReader::tail(path, 5, false);
        QVERIFY(!last->rotated);  // the last 5 lines: nothing before them matters
        QCOMPARE(bytes_of(last->lines[4]), line(1999));
        // Cursors are checked.
        QVERIFY(LogPos::from_cursor("12:5:34").ok());
        QCOMPARE(LogPos::from_cursor("12:5:34")->abs, LogPos::kUnknown);
        QCOMPARE(LogPos::from_cursor("12:5:34:99")->abs, uint64_t(99));
        QVERIFY(!LogPos::from_cursor("12:34").ok());
        QVERIFY(!LogPos::from_cursor("12:5:").ok());
        QVERIFY(!LogPos::from_cursor("12:5:34:").ok());
        QVERIFY(!LogPos::from_cursor("12:5:34:1:2").ok());
        QVERIFY(!LogPos::from_cursor("../x").ok());
        QCOMPARE(LogPos::from_cursor(after->end.to_cursor()).value(), after->end);
    }

    // A reader slower than the writer, while the writer rotates under it: every line is either
    // read, in order, or counted in the bytes the reader is told it lost, to the byte. (The
    // count and the files are read as one view: the shim says "busy" while it moves files.)
    void lost_bytes_are_exact_while_rotating()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.path().toStdString() + "/container.log";
        constexpr int kLines = 60000;
        auto line = [](int i) {
            char b[16];
            std::snprintf(b, sizeof b, "line %06d\n", i);
            return std::string(b);
        };
        // "<19-digit ns> o " before each line's bytes.
        const uint64_t record = 22 + line(0).size();
        std::atomic<bool> done{false};
        std::thread writer([&] {
            shim::LogWriter w;
            if (w.open(path, {4096, 2}))
                for (int i = 0; i < kLines; ++i) w.feed(0, line(i).data(), line(i).size());
            done = true;
        });
        // A failed check returns early: the writer is joined then too.
        struct Join {
            std::thread& t;
            ~Join()
            {
                if (t.joinable()) t.join();
            }
        } join{writer};
        while (fsize(path) == 0 && !done) std::this_thread::sleep_for(std::chrono::microseconds(100));
        auto first = LogReader::tail(path, 0, false);
        QVERIFY(first.ok());
        LogPos pos = first->end;
        QVERIFY(pos.abs != LogPos::kUnknown);
        int next = int(pos.abs / record) - 1;  // the line before the tail's position
        uint64_t lost = 0, missing = 0, gaps = 0;
        bool last_pass = false;
        for (int round = 0;; ++round) {
            if (done) last_pass = true;
            auto page = LogReader::from(path, pos, false, 1 << 20, 50);
            QVERIFY(page.ok());
            if (page->gone) ++gaps;
            lost += LogReader::lost(pos, page.value());
            for (const auto& e : page->lines) {
                const int k = std::stoi(bytes_of(e).substr(5));
                QVERIFY2(k > next, (std::to_string(k) + " after " + std::to_string(next)).c_str());
                missing += uint64_t(k - next - 1);
                next = k;
            }
            pos = page->end;
            if (round % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
            if (last_pass && !page->more) break;
        }
        writer.join();
        qInfo("%d lines: %llu gaps, %llu lines lost, told %llu bytes", kLines, (unsigned long long)gaps,
              (unsigned long long)missing, (unsigned long long)lost);
        QCOMPARE(next, kLines - 1);
        QVERIFY(gaps > 0);  // the reader was slow enough to lose lines
        QCOMPARE(lost, missing * record);
    }

    void legacy_log_json_first()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString();
        {
            std::ofstream f(dir + "/log.json");
            f << R"({"t":"2026-11-23T08:00:00.000000000Z","s":"stdout","l":"old\n"})"
              << "\n";
        }
        shim::LogWriter w;
        QVERIFY(w.open(dir + "/container.log", {}));
        w.feed(1, "new\n", 4);
        auto all = LogReader::tail(dir + "/container.log", -1, true);
        QCOMPARE(all->lines.size(), size_t(2));
        QCOMPARE(bytes_of(all->lines[0]), std::string("old\n"));
        QCOMPARE(all->lines[0]["t"].get<std::string>(), std::string("2026-11-23T08:00:00.000000000Z"));
        QCOMPARE(bytes_of(all->lines[1]), std::string("new\n"));
        QCOMPARE(all->lines[1]["stream"].get<std::string>(), std::string("stderr"));
    }
};

QTEST_GUILESS_MAIN(TstLogFiles)
#include "tst_log_files.moc"

// LayerPipe: the bounded hand-over of a layer's bytes from the download to the extractor thread.
#include "engine/image/layer_pipe.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace onggi;
using namespace onggi::image;

class TstLayerPipe : public QObject {
    Q_OBJECT
private slots:
    void bytes_arrive_in_order_then_eof()
    {
        LayerPipe p;
        std::string got;
        std::thread reader([&] {
            const void* out;
            Error e;
            for (ssize_t n; (n = p.read(&out, &e)) > 0;) got.append(static_cast<const char*>(out), size_t(n));
        });
        for (int i = 0; i < 1000; ++i) p.push(std::to_string(i) + ",");
        p.close();
        reader.join();
        std::string want;
        for (int i = 0; i < 1000; ++i) want += std::to_string(i) + ",";
        QCOMPARE(got, want);
        QCOMPARE(p.pushed(), uint64_t(want.size()));
    }

    // The producer sees full() past the high water mark and is told once half has drained.
    void full_then_drained_once()
    {
        LayerPipe p(100);
        int drained = 0;
        p.on_drained([&] { ++drained; });
        p.push(std::string(60, 'a'));
        QVERIFY(!p.full());
        p.push(std::string(60, 'b'));
        QVERIFY(p.full());
        const void* out;
        Error e;
        QCOMPARE(p.read(&out, &e), ssize_t(60));  // 60 left: above half
        QCOMPARE(drained, 0);
        QVERIFY(!p.full());
        p.push(std::string(10, 'c'));
        QCOMPARE(p.read(&out, &e), ssize_t(60));  // 10 left
        QCOMPARE(drained, 1);
        QCOMPARE(p.read(&out, &e), ssize_t(10));
        QCOMPARE(drained, 1);
    }

    // A failure wins over bytes still queued: nothing after a refused stream reaches the extractor.
    void failure_wins_over_queued_bytes()
    {
        LayerPipe p;
        p.push(std::string(10, 'a'));
        p.fail(Error(Errc::invalid_argument, "blob digest mismatch"));
        p.push(std::string(10, 'b'));
        const void* out;
        Error e;
        QCOMPARE(p.read(&out, &e), ssize_t(-1));
        QCOMPARE(e.context, std::string("blob digest mismatch"));
        QCOMPARE(p.read(&out, &e), ssize_t(-1));
    }

    // A reader blocked on an empty pipe wakes on fail() from another thread.
    void blocked_reader_wakes_on_failure()
    {
        LayerPipe p;
        std::atomic<ssize_t> r{1};
        std::thread reader([&] {
            const void* out;
            Error e;
            r = p.read(&out, &e);
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        QCOMPARE(r.load(), ssize_t(1));
        p.fail(Error(Errc::timeout, "cancelled"));
        reader.join();
        QCOMPARE(r.load(), ssize_t(-1));
    }

    // An extractor that gave up: pushes are dropped and never block the producer.
    void abandoned_pipe_is_never_full()
    {
        LayerPipe p(10);
        p.abandon();
        for (int i = 0; i < 100; ++i) p.push(std::string(100, 'x'));
        QVERIFY(!p.full());
    }
};

QTEST_GUILESS_MAIN(TstLayerPipe)
#include "tst_layer_pipe.moc"

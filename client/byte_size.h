// ByteSize: docker-style sizes. parse("64m") = 67108864 (b, k, m, g, t, p; binary multiples;
// optional "b"/"ib" suffix: "64mb", "64MiB"; decimals "1.5g"). format* print like docker.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace onggi::client {

class ByteSize {
public:
    // Bytes, or nullopt for "", "-1m", "12x", overflow. "0" is 0.
    static std::optional<qint64> parse(QStringView text);
    // "1.953MiB", "64MiB", "512B" (binary units, 4 significant digits, as docker stats).
    static QString formatBinary(double bytes);
    // "4.26MB", "1.2kB" (decimal units, as docker images/ps sizes).
    static QString formatDecimal(double bytes);
};

}  // namespace onggi::client

// AttachFrame: what a client writes on an attach connection (container.attach, or
// container.start with attach): framed messages, as onggi-shim reads them (docs/shim.md):
//   [type: 1 byte][length: 2 bytes, big-endian][payload]
//   type 1 = input for the container's terminal, type 2 = window size (rows, cols: u16 BE).
// What the connection delivers the other way is the terminal's raw output, unframed.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace onggi::client {

class AttachFrame {
public:
    static constexpr char kInput = 1;
    static constexpr char kResize = 2;
    static constexpr qsizetype kMaxPayload = 65535;

    // Input bytes as one or more frames (split at kMaxPayload).
    static QByteArray input(const char* data, qsizetype len);
    static QByteArray input(const QByteArray& data) { return input(data.constData(), data.size()); }
    // A window size change (the shim does TIOCSWINSZ; the container gets SIGWINCH).
    static QByteArray resize(quint16 rows, quint16 cols);
};

}  // namespace onggi::client

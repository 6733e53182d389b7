#include "client/attach_frame.h"

namespace onggi::client {

namespace {
void header(QByteArray& out, char type, qsizetype len)
{
    out.append(type);
    out.append(char((len >> 8) & 0xff));
    out.append(char(len & 0xff));
}
}  // namespace

QByteArray AttachFrame::input(const char* data, qsizetype len)
{
    QByteArray out;
    out.reserve(len + 3 * (len / kMaxPayload + 1));
    for (qsizetype off = 0; off < len; off += kMaxPayload) {
        const qsizetype n = qMin(kMaxPayload, len - off);
        header(out, kInput, n);
        out.append(data + off, n);
    }
    return out;
}

QByteArray AttachFrame::resize(quint16 rows, quint16 cols)
{
    QByteArray out;
    header(out, kResize, 4);
    out.append(char(rows >> 8));
    out.append(char(rows & 0xff));
    out.append(char(cols >> 8));
    out.append(char(cols & 0xff));
    return out;
}

}  // namespace onggi::client

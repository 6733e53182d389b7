// Helpers of the security attack tests on top of the runtime tests' fixture (runtime_fixture.h:
// the work dir and busybox rootfs, onggi-runtime runs): the container ids and sec_probe's output.
#pragma once

#include "engine/security/security.h"
#include "tests/integration/runtime/runtime_fixture.h"

#include <QMap>
#include <QString>

#include <string>

namespace secfix {

using namespace rtfix;

inline std::string sec_id(const char* what) { return unique_id(what, "sec-"); }

// sec_probe prints "<step>: ok ..." or "<step>: errno N NAME"; map step -> rest of line.
inline QMap<QString, QString> parse_probe(const QString& out)
{
    QMap<QString, QString> m;
    for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
        int colon = line.indexOf(": ");
        if (colon > 0) m.insert(line.left(colon), line.mid(colon + 2));
    }
    return m;
}

}  // namespace secfix

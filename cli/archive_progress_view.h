// ArchiveProgressView: how onggictl load and save show the helper's images.archive.progress
// (docs/protocol.md) on stderr. On a terminal one line redrawn in place (the phase, bytes or
// layers done of the total, the percentage); otherwise plain lines for logs and scripts: the
// first and last of each phase, and between them at most one per 10 % step.
#pragma once

#include "client/archive_progress.h"

#include <QString>

namespace onggi::cli {

class ArchiveProgressView {
public:
    explicit ArchiveProgressView(bool terminal) : tty_(terminal) {}
    ~ArchiveProgressView() { finish(); }

    void update(const client::ArchiveProgress& p);
    // Ends the line redrawn on a terminal (before the command's own output).
    void finish();

    // "Writing the archive: 12.3MB/45.6MB (27%)", "Unpacking layers: 2/3 (66%)".
    static QString text(const client::ArchiveProgress& p);

private:
    void write(const QString& s);

    bool tty_;
    bool drawn_ = false;  // a line is on the terminal without its newline
    QString phase_;
    int step_ = -1;       // the last 10 % step printed in this phase (plain lines)
    bool ended_ = false;  // this phase's last line (current = total) was printed
};

}  // namespace onggi::cli

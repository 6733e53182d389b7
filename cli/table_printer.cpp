#include "cli/table_printer.h"

namespace onggi::cli {

QString TablePrinter::toString() const
{
    QList<int> width(header_.size(), 0);
    auto measure = [&](const QStringList& r) {
        for (int i = 0; i < r.size() && i < width.size(); ++i) width[i] = qMax(width[i], int(r.at(i).size()));
    };
    measure(header_);
    for (const QStringList& r : rows_) measure(r);
    QString out;
    auto emitRow = [&](const QStringList& r) {
        QString line;
        for (int i = 0; i < header_.size(); ++i) {
            const QString cell = i < r.size() ? r.at(i) : QString();
            line += i + 1 < header_.size() ? cell.leftJustified(width[i] + 3) : cell;
        }
        while (line.endsWith(QLatin1Char(' '))) line.chop(1);
        out += line + QLatin1Char('\n');
    };
    emitRow(header_);
    for (const QStringList& r : rows_) emitRow(r);
    return out;
}

}  // namespace onggi::cli

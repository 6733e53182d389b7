// TablePrinter: docker's column layout (left-aligned, at least three spaces between columns).
#pragma once

#include <QList>
#include <QStringList>

namespace onggi::cli {

class TablePrinter {
public:
    explicit TablePrinter(QStringList header) : header_(std::move(header)) {}
    void addRow(QStringList row) { rows_.append(std::move(row)); }
    QString toString() const;

private:
    QStringList header_;
    QList<QStringList> rows_;
};

}  // namespace onggi::cli

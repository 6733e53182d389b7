// Log lines of one container (container.logs + container.log notifications), bounded:
// the oldest lines fall off once the capacity is reached.
#pragma once

#include "client/log_line.h"

#include <QAbstractListModel>
#include <QList>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { TimeRole = Qt::UserRole + 1, StreamRole, TextRole };

    explicit LogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setCapacity(int lines);
    void setLines(const QList<client::LogLine>& lines);
    void appendLine(const client::LogLine& line);
    // A line saying that rotation deleted lostBytes before they were read (stream "gap").
    void appendGap(qint64 lostBytes);
    void clear();

private:
    struct Line {
        QString time, stream, text;
    };
    static Line decode(const client::LogLine& o);
    QList<Line> m_lines;
    int m_capacity = 10000;
};

}  // namespace gui
}  // namespace onggi

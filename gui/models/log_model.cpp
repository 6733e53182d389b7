#include "gui/models/log_model.h"

#include "client/log_line.h"

#include <QBrush>
#include <QColor>

namespace onggi::gui {

LogModel::LogModel(QObject* parent) : QAbstractListModel(parent) {}

int LogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_lines.size()); }

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Line& l = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return l.time.isEmpty()
                   ? l.text
                   : l.time.left(19).replace(QLatin1Char('T'), QLatin1Char(' ')) + QLatin1String("  ") + l.text;
    case Qt::ForegroundRole:
        if (l.stream == QLatin1String("gap")) return QVariant(QBrush(QColor(0x80, 0x80, 0x80)));
        return l.stream == QLatin1String("stderr") ? QVariant(QBrush(QColor(0xb0, 0x30, 0x20))) : QVariant();
    case TimeRole: return l.time;
    case StreamRole: return l.stream;
    case TextRole: return l.text;
    }
    return {};
}

LogModel::Line LogModel::decode(const client::LogLine& o)
{
    QString text = o.line;
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r'))) text.chop(1);
    return {o.time, o.stream, text};
}

void LogModel::setCapacity(int lines)
{
    m_capacity = std::max(1, lines);
    if (m_lines.size() > m_capacity) {
        const int drop = int(m_lines.size()) - m_capacity;
        beginRemoveRows({}, 0, drop - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + drop);
        endRemoveRows();
    }
}

void LogModel::setLines(const QList<client::LogLine>& lines)
{
    beginResetModel();
    m_lines.clear();
    for (const client::LogLine& l : lines) m_lines.append(decode(l));
    if (m_lines.size() > m_capacity) m_lines.erase(m_lines.begin(), m_lines.end() - m_capacity);
    endResetModel();
}

void LogModel::appendGap(qint64 lostBytes)
{
    client::LogLine gap;
    gap.stream = QStringLiteral("gap");
    gap.line = client::LogLine::gapNotice(lostBytes);
    appendLine(gap);
}

void LogModel::appendLine(const client::LogLine& line)
{
    if (m_lines.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_lines.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(decode(line));
    endInsertRows();
}

void LogModel::clear()
{
    if (m_lines.isEmpty()) return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

}  // namespace onggi::gui

#include "gui/models/process_list_model.h"

#include <QHash>

namespace onggi::gui {

ProcessListModel::ProcessListModel(QObject* parent) : QAbstractTableModel(parent) {}

int ProcessListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_procs.size()); }

int ProcessListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ProcessListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Proc& p = m_procs.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() <= Uid)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (index.column()) {
    case HostPid: return p.hostPid;
    case ContainerPid: return p.pid;
    case Uid: return p.uid;
    case State: return p.state;
    case Command: return p.cmd;
    }
    return {};
}

QVariant ProcessListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::ToolTipRole) {
        if (section == HostPid) return tr("The process ID in the host's PID namespace (what ps on the host shows)");
        if (section == ContainerPid)
            return tr("The process ID inside the container's own PID namespace; its first process is PID 1");
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case HostPid: return tr("Host PID");
    case ContainerPid: return tr("Container PID");
    case Uid: return tr("UID");
    case State: return tr("State");
    case Command: return tr("Command");
    }
    return {};
}

void ProcessListModel::setProcesses(const QList<client::ProcessInfo>& processes)
{
    QList<Proc> next;
    for (const client::ProcessInfo& o : processes) next.append({o.hostPid, o.pid, o.uid, o.state, o.cmd});
    QHash<qint64, int> nextIndex;
    for (int i = 0; i < next.size(); ++i) nextIndex.insert(next[i].hostPid, i);
    // Remove processes that ended.
    for (int i = int(m_procs.size()) - 1; i >= 0; --i) {
        if (!nextIndex.contains(m_procs[i].hostPid)) {
            beginRemoveRows({}, i, i);
            m_procs.removeAt(i);
            endRemoveRows();
        }
    }
    // Update the ones that remain.
    QHash<qint64, int> have;
    for (int i = 0; i < m_procs.size(); ++i) {
        have.insert(m_procs[i].hostPid, i);
        const Proc& n = next[nextIndex.value(m_procs[i].hostPid)];
        if (!(n == m_procs[i])) {
            m_procs[i] = n;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
    // Append new ones.
    QList<Proc> added;
    for (const Proc& p : next)
        if (!have.contains(p.hostPid)) added << p;
    if (!added.isEmpty()) {
        const int first = int(m_procs.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_procs.append(added);
        endInsertRows();
    }
}

void ProcessListModel::clear()
{
    if (m_procs.isEmpty()) return;
    beginResetModel();
    m_procs.clear();
    endResetModel();
}

}  // namespace onggi::gui

// Processes of one container (container.top): the host PID beside the PID the process
// sees inside its PID namespace. Diffed by host PID so the selection survives a refresh.
#pragma once

#include "client/process_info.h"

#include <QAbstractTableModel>
#include <QList>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class ProcessListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { HostPid, ContainerPid, Uid, State, Command, ColumnCount };

    explicit ProcessListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void setProcesses(const QList<client::ProcessInfo>& processes);
    void clear();

private:
    struct Proc {
        qint64 hostPid = 0, pid = 0, uid = 0;
        QString state, cmd;
        bool operator==(const Proc&) const = default;
    };
    QList<Proc> m_procs;
};

}  // namespace gui
}  // namespace onggi

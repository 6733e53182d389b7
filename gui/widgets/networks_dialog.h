// The Networks view: Onggi's networks (subnet, gateway, bridge, how many containers), the
// members of the one selected (address, host end, the interface inside), and the kernel's own
// view of the bridges (network.kernel): each link with its ifindex and its veth peer's, the
// bridges' addresses and routes, and the rules of table inet onggi. Everything comes typed
// through a HelperSession; Refresh asks again.
#pragma once

#include "client/network_info.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace onggi {
namespace client {
class HelperSession;
}
namespace gui {

class NetworksDialog : public QDialog {
    Q_OBJECT
public:
    // `session` is used, not owned; it must outlive the dialog.
    explicit NetworksDialog(client::HelperSession* session, QWidget* parent = nullptr);

    void refresh();
    // For tests and screenshots.
    QTableWidget* networksTable() const { return m_networks; }
    QTableWidget* membersTable() const { return m_members; }
    QTreeWidget* kernelTree() const { return m_kernel; }
    QPlainTextEdit* rulesView() const { return m_rules; }
    QString statusText() const;

signals:
    void refreshed();  // every reply of one refresh() is in

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    void showNetworks(const QList<client::NetworkInfo>& list);
    void showMembers();
    void showKernel();
    void replyIn();

    client::HelperSession* m_session;
    QList<client::NetworkInfo> m_list;
    client::NetworkKernelView m_view;
    QString m_error;
    int m_pending = 0;
    QLabel *m_netTitle, *m_memberTitle, *m_kernelTitle, *m_rulesTitle, *m_status;
    QTableWidget *m_networks, *m_members;
    QTreeWidget* m_kernel;
    QPlainTextEdit* m_rules;
    QPushButton *m_refresh, *m_close;
};

}  // namespace gui
}  // namespace onggi

#include "gui/widgets/networks_dialog.h"
#include "client/error_text.h"
#include "client/helper_session.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onggi {
namespace gui {

namespace {

QTableWidgetItem* cell(const QString& text)
{
    auto* i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return i;
}

}  // namespace

NetworksDialog::NetworksDialog(client::HelperSession* session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("networksDialog"));
    auto* top = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* upper = new QWidget(split);
    auto* ul = new QVBoxLayout(upper);
    ul->setContentsMargins(0, 0, 0, 0);
    m_netTitle = new QLabel(upper);
    m_networks = new QTableWidget(0, 5, upper);
    m_memberTitle = new QLabel(upper);
    m_members = new QTableWidget(0, 4, upper);
    for (QTableWidget* t : {m_networks, m_members}) {
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
    }
    ul->addWidget(m_netTitle);
    ul->addWidget(m_networks, 2);
    ul->addWidget(m_memberTitle);
    ul->addWidget(m_members, 1);
    auto* lower = new QWidget(split);
    auto* ll = new QHBoxLayout(lower);
    ll->setContentsMargins(0, 0, 0, 0);
    auto* kbox = new QVBoxLayout;
    m_kernelTitle = new QLabel(lower);
    m_kernel = new QTreeWidget(lower);
    m_kernel->setColumnCount(2);
    m_kernel->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    kbox->addWidget(m_kernelTitle);
    kbox->addWidget(m_kernel);
    auto* rbox = new QVBoxLayout;
    m_rulesTitle = new QLabel(lower);
    m_rules = new QPlainTextEdit(lower);
    m_rules->setReadOnly(true);
    m_rules->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rules->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    rbox->addWidget(m_rulesTitle);
    rbox->addWidget(m_rules);
    ll->addLayout(kbox, 3);
    ll->addLayout(rbox, 2);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    top->addWidget(split, 1);
    auto* buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_refresh = new QPushButton(this);
    m_close = new QPushButton(this);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_close);
    top->addLayout(buttons);
    connect(m_refresh, &QPushButton::clicked, this, &NetworksDialog::refresh);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_networks, &QTableWidget::itemSelectionChanged, this, &NetworksDialog::showMembers);
    resize(980, 680);
    retranslateUi();
    connect(m_session, &client::HelperSession::ready, this, &NetworksDialog::refresh);
    refresh();
}

QString NetworksDialog::statusText() const { return m_status->text(); }

void NetworksDialog::refresh()
{
    if (m_pending > 0) return;
    m_error.clear();
    m_pending = 2;
    m_status->setText(tr("Asking the helper..."));
    QPointer<NetworksDialog> self(this);
    m_session->listNetworks([self](const QList<client::NetworkInfo>& list, const client::RpcError& e) {
        if (!self) return;
        if (e.isError()) self->m_error = client::ErrorText::explain(e);
        self->m_list.clear();
        // network.list counts members; network.inspect names them: one inspect per network.
        self->showNetworks(list);
        for (const auto& n : list) {
            ++self->m_pending;
            self->m_session->inspectNetwork(
                n.name, [self, name = n.name](const client::NetworkInfo& info, const client::RpcError& e2) {
                    if (!self) return;
                    if (!e2.isError())
                        for (auto& x : self->m_list)
                            if (x.name == name) {
                                x.endpoints = info.endpoints;
                                x.containers = info.containers;
                            }
                    self->replyIn();
                });
        }
        self->replyIn();
    });
    m_session->networkKernel([self](const client::NetworkKernelView& v, const client::RpcError& e) {
        if (!self) return;
        if (e.isError()) self->m_error = client::ErrorText::explain(e);
        self->m_view = v;
        self->showKernel();
        self->replyIn();
    });
}

void NetworksDialog::replyIn()
{
    if (--m_pending > 0) return;
    const QString keep = m_networks->currentRow() >= 0 && m_networks->item(m_networks->currentRow(), 0)
                             ? m_networks->item(m_networks->currentRow(), 0)->text()
                             : QString();
    showNetworks(m_list);
    for (int r = 0; r < m_networks->rowCount(); ++r)
        if (m_networks->item(r, 0)->text() == keep || (keep.isEmpty() && r == 0)) m_networks->selectRow(r);
    showMembers();
    m_status->setText(m_error.isEmpty() ? tr("%n network(s).", nullptr, int(m_list.size())) : m_error);
    emit refreshed();
}

void NetworksDialog::showNetworks(const QList<client::NetworkInfo>& list)
{
    m_list = list;
    QSignalBlocker block(m_networks);
    m_networks->setRowCount(int(list.size()));
    for (int r = 0; r < list.size(); ++r) {
        const auto& n = list[r];
        QString name = n.name;
        if (n.isDefault) name = tr("%1 (default)").arg(n.name);
        auto* first = cell(n.name);
        first->setData(Qt::DisplayRole, name);
        first->setData(Qt::UserRole, n.name);
        m_networks->setItem(r, 0, first);
        m_networks->setItem(r, 1, cell(n.bridge));
        m_networks->setItem(r, 2, cell(n.subnet));
        m_networks->setItem(r, 3, cell(n.gateway));
        m_networks->setItem(r, 4, cell(QLocale().toString(n.containers)));
    }
    m_networks->resizeColumnsToContents();
}

void NetworksDialog::showMembers()
{
    m_members->setRowCount(0);
    const int row = m_networks->currentRow();
    if (row < 0 || row >= m_list.size()) return;
    const auto& n = m_list[row];
    m_members->setRowCount(int(n.endpoints.size()));
    for (int r = 0; r < n.endpoints.size(); ++r) {
        const auto& e = n.endpoints[r];
        m_members->setItem(r, 0, cell(e.containerName.isEmpty() ? e.containerId.left(12) : e.containerName));
        m_members->setItem(r, 1, cell(QStringLiteral("%1/%2").arg(e.ip).arg(e.prefix)));
        m_members->setItem(r, 2, cell(e.hostIfname));
        m_members->setItem(r, 3, cell(e.ifname));
    }
    m_members->resizeColumnsToContents();
}

void NetworksDialog::showKernel()
{
    m_kernel->clear();
    QHash<int, QString> names;
    for (const auto& l : m_view.links) names.insert(l.ifindex, l.name);
    auto* links = new QTreeWidgetItem(m_kernel, {tr("Links"), QString()});
    for (const auto& l : m_view.links) {
        const QString state = l.up ? tr("up") : tr("down");
        auto* it = new QTreeWidgetItem(
            links, {QStringLiteral("%1: %2").arg(l.ifindex).arg(l.name),
                    tr("%1, %2, MTU %3").arg(l.kind.isEmpty() ? tr("device") : l.kind, state).arg(l.mtu)});
        if (l.master > 0)
            new QTreeWidgetItem(
                it, {tr("Bridge port of"), QStringLiteral("%1: %2").arg(l.master).arg(names.value(l.master))});
        if (!l.mac.isEmpty()) new QTreeWidgetItem(it, {tr("MAC address"), l.mac});
        if (!l.containerId.isEmpty())
            new QTreeWidgetItem(it, {tr("Peer"), tr("%1 in container %2 (ifindex %3 in its namespace), %4")
                                                     .arg(l.containerIfname, l.containerName)
                                                     .arg(l.peerIfindex)
                                                     .arg(l.containerIp)});
        new QTreeWidgetItem(it,
                            {tr("Received / sent"),
                             tr("%1 / %2 bytes").arg(QLocale().toString(l.rxBytes), QLocale().toString(l.txBytes))});
    }
    auto* addrs = new QTreeWidgetItem(m_kernel, {tr("Addresses"), QString()});
    for (const auto& a : m_view.addresses)
        new QTreeWidgetItem(addrs, {names.value(a.ifindex, QString::number(a.ifindex)), a.address});
    auto* routes = new QTreeWidgetItem(m_kernel, {tr("Routes"), QString()});
    for (const auto& r : m_view.routes)
        new QTreeWidgetItem(routes, {r.destination, r.gateway.isEmpty()
                                                        ? tr("on link %1").arg(names.value(r.ifindex))
                                                        : tr("via %1 (%2)").arg(r.gateway, names.value(r.ifindex))});
    m_kernel->expandAll();
    m_rules->setPlainText(m_view.rules.isEmpty() ? tr("(no rules: no network is in use yet)") : m_view.rules);
}

void NetworksDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(e);
}

void NetworksDialog::retranslateUi()
{
    setWindowTitle(tr("Networks"));
    m_netTitle->setText(tr("<b>Networks</b>"));
    m_memberTitle->setText(tr("<b>Containers on the selected network</b>"));
    m_kernelTitle->setText(tr("<b>What the kernel has</b> (links, addresses, routes)"));
    m_rulesTitle->setText(tr("<b>Rules</b> (nftables table inet onggi)"));
    m_networks->setHorizontalHeaderLabels({tr("Name"), tr("Bridge"), tr("Subnet"), tr("Gateway"), tr("Containers")});
    m_members->setHorizontalHeaderLabels({tr("Container"), tr("Address"), tr("Host end"), tr("Inside")});
    m_kernel->setHeaderLabels({tr("Item"), tr("Value")});
    m_refresh->setText(tr("&Refresh"));
    m_close->setText(tr("&Close"));
    if (!m_view.links.isEmpty() || !m_view.rules.isEmpty()) showKernel();
    if (!m_list.isEmpty()) showNetworks(m_list);
}

}  // namespace gui
}  // namespace onggi

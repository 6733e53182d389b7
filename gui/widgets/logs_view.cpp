#include "gui/widgets/logs_view.h"

#include "gui/models/log_model.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace onggi::gui {

LogsView::LogsView(LogModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setFilterRole(LogModel::TextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QListView(this);
    m_view->setModel(m_proxy);
    m_view->setUniformItemSizes(true);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_follow = new QCheckBox(this);
    m_follow->setChecked(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_follow);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(top);
    lay->addWidget(m_view, 1);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_follow, &QCheckBox::toggled, this, &LogsView::followToggled);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked()) m_view->scrollToBottom();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (m_follow->isChecked()) m_view->scrollToBottom();
    });
    retranslateUi();
}

bool LogsView::follow() const { return m_follow->isChecked(); }
void LogsView::setFollow(bool on) { m_follow->setChecked(on); }
void LogsView::setSearch(const QString& text) { m_search->setText(text); }
int LogsView::visibleLines() const { return m_proxy->rowCount(); }

void LogsView::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void LogsView::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search the log…"));
    m_follow->setText(tr("&Follow"));
    m_follow->setToolTip(tr("Keep showing new lines as the container writes them"));
}

}  // namespace onggi::gui

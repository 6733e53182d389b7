// Logs tab: the container's output (stdout black, stderr red), follow mode that keeps the
// newest line in view, and a search box that filters the lines.
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LogModel;

class LogsView : public QWidget {
    Q_OBJECT
public:
    explicit LogsView(LogModel* model, QWidget* parent = nullptr);
    bool follow() const;
    void setFollow(bool on);
    void setSearch(const QString& text);
    int visibleLines() const;

signals:
    void followToggled(bool on);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    LogModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QListView* m_view;
    QLineEdit* m_search;
    QCheckBox* m_follow;
};

}  // namespace gui
}  // namespace onggi

// Shown instead of the container list while the app cannot talk to onggi-helper: says why
// (not running, not allowed, incompatible) and what to do, and retries by itself.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class HelperAbsentPage : public QWidget {
    Q_OBJECT
public:
    enum Reason { Connecting, NotRunning, PermissionDenied, Incompatible, Lost };
    Q_ENUM(Reason)

    explicit HelperAbsentPage(QWidget* parent = nullptr);

    void setReason(Reason reason, const QString& socketPath, const QString& detail = {});
    Reason reason() const { return m_reason; }
    QString text() const;

signals:
    void retryRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();

    Reason m_reason = Connecting;
    QString m_socket, m_detail;
    QLabel *m_icon, *m_title, *m_body, *m_commands;
    QPushButton* m_retry;
};

}  // namespace gui
}  // namespace onggi

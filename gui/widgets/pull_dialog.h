// PullDialog: images.pull from a registry with a progress bar per layer (the helper's
// images.pull.progress notifications, through HelperSession) and Cancel (images.pull.cancel).
#pragma once

#include "client/helper_session.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace onggi {
namespace gui {

class PullDialog : public QDialog {
    Q_OBJECT
public:
    explicit PullDialog(client::HelperSession* session, QWidget* parent = nullptr);

    // For tests and screenshots.
    QLineEdit* referenceEdit() const { return m_ref; }
    QPushButton* pullButton() const { return m_pull; }
    QPushButton* cancelButton() const { return m_cancel; }
    bool pulling() const { return m_pulling; }
    // The layers' bars, in the order the helper first named them.
    QList<QProgressBar*> layerBars() const;
    QString statusText() const;

public slots:
    void startPull();

signals:
    void pulled(const onggi::client::ImageInfo& image);

protected:
    void changeEvent(QEvent* e) override;
    void reject() override;

private:
    struct Row {
        QLabel* name;
        QLabel* phase;
        QProgressBar* bar;
        client::PullProgress last;  // re-worded on a language change
    };
    // The status line, made again in the new language on a language change.
    void setStatus(std::function<QString()> text);
    void showRow(Row& r);
    void retranslateUi();
    void onProgress(const client::PullProgress& p);
    void clearRows();
    void setPulling(bool on);

    client::HelperSession* m_session;
    QLabel* m_refLabel;
    QLineEdit* m_ref;
    QLabel* m_status;
    QWidget* m_rowsHost;
    QGridLayout* m_rows;
    QList<QString> m_order;
    QHash<QString, Row> m_layerRows;
    QDialogButtonBox* m_buttons;
    QPushButton* m_pull;
    QPushButton* m_cancel;
    std::function<QString()> m_statusText;
    QString m_pullRef;
    bool m_pulling = false;
    bool m_cancelling = false;
    qint64 m_pullId = 0;
    quint64 m_gen = 0;  // bumped per pull: a late reply of an earlier one is ignored
};

}  // namespace gui
}  // namespace onggi
